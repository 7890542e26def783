"""The file formats the platform recognises, each by its columns.

- `modele`: the platform's own template (one value per row), filled by a school;
- `inserjeunes`: DEPP « InserJeunes » file of the lycées (voie professionnelle), `nd` when not published;
- `dnb`: DEPP results of the diplôme national du brevet by collège (`,` separator, decimal comma);
- `specialites`: DEPP numbers of girls and boys per spécialité in terminale générale.
"""

import re
from collections.abc import Iterator

from ppo.diagnostic.enums import SourceValeur
from ppo.diagnostic.importers.base import ImportRefused, Parsed, normalize, parse_number, parse_year
from ppo.referentiel.uai import normalize_uai

SPECIALITES = {
    "0105": "Humanités, littérature et philosophie",
    "0241": "Littérature, langues et cultures de l’Antiquité : latin",
    "0242": "Littérature, langues et cultures de l’Antiquité : grec",
    "0300": "Langues, littératures et cultures étrangères et régionales",
    "0439": "Histoire-géographie, géopolitique et sciences politiques",
    "0507": "Sciences économiques et sociales",
    "0613": "Mathématiques",
    "0623": "Physique-chimie",
    "0629": "Sciences de la vie et de la Terre",
    "0747": "Numérique et sciences informatiques",
    "0825": "Danse",
    "0832": "Musique",
    "0901": "Arts plastiques",
    "2757": "Histoire des arts",
    "2785": "Théâtre",
    "2786": "Arts du cirque",
    "2852": "Cinéma-audiovisuel",
    "3045": "Biologie-écologie",
    "4806": "Sciences de l’ingénieur et sciences physiques",
}


def _uai(raw: str) -> str:
    return normalize_uai(raw) if raw else ""


class Format:
    key = ""
    label = ""
    source = SourceValeur.MODELE
    required: tuple[str, ...] = ()
    shown_columns = ""  # the columns as the publisher writes them, for the message of an unknown format
    needs_year = False

    def matches(self, header: list[str]) -> bool:
        return set(self.required) <= set(header)

    def parse(self, header, rows, *, year: int | None) -> Iterator[Parsed]:
        raise NotImplementedError


class Modele(Format):
    key = "modele"
    label = "Modèle de la plateforme"
    source = SourceValeur.MODELE
    required = ("indicateur", "annee", "valeur")
    optional = ("uai", "precision", "source")
    shown_columns = "indicateur, annee, valeur (et, facultatives : uai, precision, source)"

    def parse(self, header, rows, *, year):
        col = {name: header.index(name) for name in (*self.required, *self.optional) if name in header}
        for line, row in rows:
            yield Parsed(
                line=line,
                uai=_uai(row[col["uai"]]) if "uai" in col else None,
                code=row[col["indicateur"]].strip().lower(),
                year=parse_year(row[col["annee"]], line=line),
                scope=row[col["precision"]] if "precision" in col else "",
                value=parse_number(row[col["valeur"]], line=line, column="valeur"),
            )


class InserJeunes(Format):
    key = "inserjeunes"
    label = "InserJeunes (DEPP, lycées)"
    source = SourceValeur.INSERJEUNES
    needs_year = True
    uai_column = "n°uai de l'etablissement"
    public_column = "dont apprentis en eple"
    columns = {
        "taux de poursuite d'etudes": "taux_poursuite_etudes",
        "taux": "taux_emploi_6_mois",
        "taux attendu": "taux_emploi_attendu",
        "valeur ajoutee": "valeur_ajoutee_emploi",
        "part en emploi 6 mois apres la sortie": "part_emploi_6_mois",
        "part des autres situations": "part_autres_situations",
    }
    publics = {"ensemble": "", "dont apprentis": "Apprentis", "dont eleves en voie pro sco": "Voie pro scolaire"}
    required = (uai_column, public_column, *columns)
    shown_columns = (
        "n°UAI de l'établissement, Dont apprentis en EPLE, Taux de poursuite d'études, Taux, Taux attendu, "
        "Valeur ajoutée, Part en emploi 6 mois après la sortie, Part des autres situations"
    )

    def parse(self, header, rows, *, year):
        uai_i, public_i = header.index(self.uai_column), header.index(self.public_column)
        for line, row in rows:
            public = normalize(row[public_i])
            scope = self.publics.get(public, row[public_i].strip())
            for column, code in self.columns.items():
                value = parse_number(row[header.index(column)], line=line, column=column)
                yield Parsed(line=line, uai=_uai(row[uai_i]), code=code, year=year, scope=scope, value=value)


class Dnb(Format):
    key = "dnb"
    label = "Diplôme national du brevet (DEPP, collèges)"
    source = SourceValeur.DNB
    levels = ("6eme", "5eme", "4eme", "3eme")
    required = (
        "numero_college",
        "session",
        "taux_de_reussite",
        "nombre_eleves_total",
        "ips",
        *(f"{level}_filles" for level in levels),
        *(f"{level}s_garcons" for level in levels),
    )

    def parse(self, header, rows, *, year):
        col = {name: header.index(name) for name in self.required}
        for line, row in rows:
            uai = _uai(row[col["numero_college"]])
            session = parse_year(row[col["session"]], line=line)

            def number(name, row=row, line=line):
                return parse_number(row[col[name]], line=line, column=name)

            girls = [number(f"{level}_filles") for level in self.levels]
            boys = [number(f"{level}s_garcons") for level in self.levels]
            values = {
                "taux_reussite_dnb": number("taux_de_reussite"),
                "effectif_eleves": number("nombre_eleves_total"),
                "ips": number("ips"),
                "effectif_filles": None if None in girls else sum(girls),
                "effectif_garcons": None if None in boys else sum(boys),
            }
            # The session of June 2021 closes the school year 2020-2021.
            for code, value in values.items():
                yield Parsed(line=line, uai=uai, code=code, year=session - 1, scope="", value=value)


class Specialites(Format):
    key = "specialites"
    label = "Effectifs par spécialité en terminale générale (DEPP)"
    source = SourceValeur.SPECIALITES
    required = (
        "rentree_scolaire",
        "numero_etablissement",
        "effectif_total_en_terminale_generale",
        "effectif_total_garcons",
        "effectif_total_filles",
    )

    def parse(self, header, rows, *, year):
        col = {name: header.index(name) for name in self.required}
        pairs = []
        for index, name in enumerate(header):
            match = re.fullmatch(r"(\d{4})_.+_filles", name)
            if match and match.group(1) in SPECIALITES:
                boys = name[: -len("_filles")] + "_garcons"
                if boys in header:
                    pairs.append((SPECIALITES[match.group(1)], index, header.index(boys)))
        for line, row in rows:
            uai = _uai(row[col["numero_etablissement"]])
            rentree = parse_year(row[col["rentree_scolaire"]], line=line)
            share = _share(row[col["effectif_total_filles"]], row[col["effectif_total_garcons"]], line)
            yield Parsed(
                line=line, uai=uai, code="part_filles_terminale_generale", year=rentree, scope="", value=share
            )
            for label, girls_i, boys_i in pairs:
                share = _share(row[girls_i], row[boys_i], line)
                if share is not None:
                    yield Parsed(
                        line=line, uai=uai, code="part_filles_specialite", year=rentree, scope=label, value=share
                    )


def _share(girls_raw: str, boys_raw: str, line: int):
    """Share of girls in %, one decimal; an empty count next to a number is 0; no pupil at all gives None."""
    girls = parse_number(girls_raw, line=line, column="filles")
    boys = parse_number(boys_raw, line=line, column="garçons")
    if girls is None and boys is None:
        return None
    total = (girls or 0) + (boys or 0)
    if total <= 0:
        return None
    return round((girls or 0) * 100 / total, 1)


FORMATS = [Modele(), InserJeunes(), Dnb(), Specialites()]


def detect(header: list[str]) -> Format:
    for fmt in FORMATS:
        if fmt.matches(header):
            return fmt
    raise ImportRefused(
        "Ce format de fichier n’est pas reconnu. Colonnes attendues :",
        [f"{fmt.label} : {fmt.shown_columns or ', '.join(fmt.required)}" for fmt in FORMATS],
    )


def year_from_name(name: str) -> int | None:
    """`…-2021_2022-pro.csv` names the school year 2021-2022."""
    match = re.search(r"(20\d\d)[_-](20\d\d)", name)
    if match and int(match.group(2)) == int(match.group(1)) + 1:
        return int(match.group(1))
    return None


def ensure_year(fmt: Format, *, name: str, year: int | None) -> int | None:
    if not fmt.needs_year:
        return year
    year = year or year_from_name(name)
    if year is None:
        raise ImportRefused(
            "Ce fichier ne précise pas l’année scolaire de ses données : indiquez-la dans le formulaire "
            "(par exemple 2021 pour 2021-2022)."
        )
    return year
