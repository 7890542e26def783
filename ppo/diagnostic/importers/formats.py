"""The file formats the platform recognises, each by its columns.

- `modele`: the platform's own template (one value per row), filled by a school;
- `inserjeunes`: DEPP « InserJeunes » file of the lycées (voie professionnelle), `nd` when not published;
- `dnb`: DEPP results of the diplôme national du brevet by collège (`,` separator, decimal comma);
- `specialites`: DEPP numbers of girls and boys per spécialité in terminale générale;
- `specialites_1ere`: the same in première générale, with the 15 most frequent triplets of spécialités
  (fr-en-effectifs-specialites-triplettes-1ere-generale);
- `effectifs_lgt`, `effectifs_lp`: DEPP pupils per level and sex of the lycées (fr-en-lycee_gt- and
  fr-en-lycee_pro-effectifs-niveau-sexe-lv);
- `ivac`: DEPP indicateurs de valeur ajoutée des collèges (fr-en-indicateurs-valeur-ajoutee-colleges);
- `ips_colleges`: DEPP IPS of the collèges (fr-en-ips-colleges).

Every value read goes through `parse_number` (base.py): one place to check a value.
"""

import re
from collections.abc import Iterator
from decimal import Decimal

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
    "0673": "Sciences de l’ingénieur",
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
    total_column = "effectif_total_en_terminale_generale"
    total_code, speciality_code, triplet_code = "part_filles_terminale_generale", "part_filles_specialite", ""
    required = (
        "rentree_scolaire",
        "numero_etablissement",
        total_column,
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
                    pairs.append((self.speciality_code, SPECIALITES[match.group(1)], index, header.index(boys)))
        if self.triplet_code:
            pairs.extend((self.triplet_code, label, girls, boys) for label, girls, boys in triplets(header))
        for line, row in rows:
            uai = _uai(row[col["numero_etablissement"]])
            rentree = parse_year(row[col["rentree_scolaire"]], line=line)
            share = _share(row[col["effectif_total_filles"]], row[col["effectif_total_garcons"]], line)
            yield Parsed(line=line, uai=uai, code=self.total_code, year=rentree, scope="", value=share)
            for code, label, girls_i, boys_i in pairs:
                share = _share(row[girls_i], row[boys_i], line)
                if share is not None:
                    yield Parsed(line=line, uai=uai, code=code, year=rentree, scope=label, value=share)


class SpecialitesPremiere(Specialites):
    key = "specialites_1ere"
    label = "Effectifs par spécialité et triplette en première générale (DEPP)"
    source = SourceValeur.SPECIALITES_PREMIERE
    total_column = "effectif_total_en_premiere_generale"
    total_code = "part_filles_premiere_generale"
    speciality_code, triplet_code = "part_filles_specialite_premiere", "part_filles_triplette_premiere"
    required = (
        "rentree_scolaire",
        "numero_etablissement",
        total_column,
        "effectif_total_garcons",
        "effectif_total_filles",
    )


# The spécialités as the DEPP spells them in the names of the triplet columns (cut at 100 characters).
TRIPLET_PARTS = {
    "mathematiques": "Mathématiques",
    "physique_chimie": "Physique-chimie",
    "sciences_de_la_vie_et_de_la_terre": "SVT",
    "hist_geo_geopolitique_sc_politiques": "HGGSP",
    "langues_litt_et_cultures_etra_et_r": "LLCER",
    "sciences_economiques_et_sociales": "SES",
    "humanites_litterature_et_philosophie": "HLP",
    "numerique_et_sciences_informatiques": "NSI",
    "sciences_de_l_ingenieur": "Sciences de l’ingénieur",
}


def _triplet_label(name: str) -> str | None:
    """`01_mathematiques_physique_chimie_sciences_de_la_vie_et_de_la_terre_filles` → « Mathématiques, Physique-
    chimie, SVT »; the last part may be cut by the publisher (`…_sciences_economiques_et_so`)."""
    rest = re.sub(r"^\d{2}_", "", name).removesuffix("_filles").removesuffix("_garcons")
    parts = []
    while rest:
        found = next((k for k in sorted(TRIPLET_PARTS, key=len, reverse=True) if rest.startswith(k)), None)
        if found is None:
            cut = next((k for k in TRIPLET_PARTS if k.startswith(rest)), None)
            if cut is None:
                return None
            parts.append(TRIPLET_PARTS[cut])
            break
        parts.append(TRIPLET_PARTS[found])
        rest = rest[len(found) :].removeprefix("_")
    return ", ".join(parts) if len(parts) == 3 else None


def triplets(header: list[str]) -> list[tuple[str, int, int]]:
    """The triplet columns (`NN_…`), girls then boys, their names cut by the publisher: paired by position."""
    found = []
    for index, name in enumerate(header[:-1]):
        following = header[index + 1]
        if re.match(r"^\d{2}_", name) and name[:3] == following[:3] and not name.endswith("_garcons"):
            label = _triplet_label(name)
            if label:
                found.append((label, index, index + 1))
    return found


LEVEL_WORDS = {"2ndes": "2de", "1eres": "1re", "terminales": "Terminale"}
TRACK_WORDS = {"gt": "générale et technologique", "g": "générale", "pro": "professionnelle"}


def _level_label(column: str) -> str:
    """`2ndes_gt` → « 2de générale et technologique », `1eres_sti2d` → « 1re STI2D »."""
    level, _, track = column.partition("_")
    return f"{LEVEL_WORDS[level]} {TRACK_WORDS.get(track, track.upper())}"


class EffectifsLycee(Format):
    """Pupils per level and sex: one row per lycée and rentrée, a `X`, `X_filles`, `X_garcons` triple per level
    (2ndes_gt, 1eres_g, 1eres_stmg…), and language columns (`…_lv1_anglais`) that are not read."""

    key = "effectifs_lgt"
    label = "Effectifs par niveau et sexe des lycées généraux et technologiques (DEPP)"
    source = SourceValeur.EFFECTIFS_LYCEE
    levels_required = ("2ndes_gt", "1eres_g", "terminales_g")
    required = (
        "rentree_scolaire",
        "numero_lycee",
        "nombre_d_eleves",
        *(f"{level}{suffix}" for level in levels_required for suffix in ("_filles", "_garcons")),
    )

    def parse(self, header, rows, *, year):
        col = {name: header.index(name) for name in self.required}
        levels = [
            (_level_label(name), header.index(f"{name}_filles"), header.index(f"{name}_garcons"))
            for name in header
            if re.fullmatch(r"(2ndes|1eres|terminales)_[a-z0-9]+", name)
            and f"{name}_filles" in header
            and f"{name}_garcons" in header
        ]
        for line, row in rows:
            uai = _uai(row[col["numero_lycee"]])
            rentree = parse_year(row[col["rentree_scolaire"]], line=line)
            total = parse_number(row[col["nombre_d_eleves"]], line=line, column="nombre_d_eleves")
            yield Parsed(line=line, uai=uai, code="effectif_eleves", year=rentree, scope="", value=total)
            girls_sum = boys_sum = Decimal(0)
            for label, girls_i, boys_i in levels:
                girls = parse_number(row[girls_i], line=line, column=header[girls_i]) or 0
                boys = parse_number(row[boys_i], line=line, column=header[boys_i]) or 0
                girls_sum, boys_sum = girls_sum + girls, boys_sum + boys
                share = _share(row[girls_i], row[boys_i], line)
                if share is not None:
                    yield Parsed(line=line, uai=uai, code="part_filles_niveau", year=rentree, scope=label, value=share)
            for code, value in (("effectif_filles", girls_sum), ("effectif_garcons", boys_sum)):
                yield Parsed(line=line, uai=uai, code=code, year=rentree, scope="lycée", value=value)


class EffectifsLp(EffectifsLycee):
    key = "effectifs_lp"
    label = "Effectifs par niveau et sexe des lycées professionnels (DEPP)"
    levels_required = ("2ndes_pro", "1eres_pro", "terminales_pro")
    required = (
        "rentree_scolaire",
        "numero_lycee",
        "nombre_d_eleves",
        *(f"{level}{suffix}" for level in levels_required for suffix in ("_filles", "_garcons")),
    )


class Ivac(Format):
    key = "ivac"
    label = "Indicateurs de valeur ajoutée des collèges (DEPP, IVAC)"
    source = SourceValeur.IVAC
    columns = {
        "taux_de_reussite_g": "taux_reussite_dnb",
        "va_du_taux_de_reussite_g": "valeur_ajoutee_dnb",
        "note_a_l_ecrit_g": "note_ecrit_dnb",
        "taux_d_acces_6eme_3eme": "taux_acces_6e_3e",
    }
    required = ("session", "uai", *columns)

    def parse(self, header, rows, *, year):
        col = {name: header.index(name) for name in self.required}
        for line, row in rows:
            uai = _uai(row[col["uai"]])
            # The session of June 2023 closes the school year 2022-2023.
            session = parse_year(row[col["session"]], line=line) - 1
            for column, code in self.columns.items():
                value = parse_number(row[col[column]], line=line, column=column)
                yield Parsed(line=line, uai=uai, code=code, year=session, scope="", value=value)


class IpsColleges(Format):
    key = "ips_colleges"
    label = "IPS des collèges (DEPP)"
    source = SourceValeur.IPS_COLLEGES
    required = ("rentree_scolaire", "uai", "nom_de_l_etablissment", "ips")
    optional = {"ecart_type_de_l_ips": "ecart_type_ips", "effectifs": "effectif_eleves"}

    def parse(self, header, rows, *, year):
        col = {name: header.index(name) for name in (*self.required, *self.optional) if name in header}
        for line, row in rows:
            uai = _uai(row[col["uai"]])
            rentree = parse_year(row[col["rentree_scolaire"]], line=line)
            ips = parse_number(row[col["ips"]], line=line, column="ips")
            yield Parsed(line=line, uai=uai, code="ips", year=rentree, scope="", value=ips)
            for column, code in self.optional.items():
                if column in col:
                    value = parse_number(row[col[column]], line=line, column=column)
                    yield Parsed(line=line, uai=uai, code=code, year=rentree, scope="", value=value)


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


FORMATS = [
    Modele(),
    InserJeunes(),
    Dnb(),
    Specialites(),
    SpecialitesPremiere(),
    EffectifsLycee(),
    EffectifsLp(),
    Ivac(),
    IpsColleges(),
]


def closest(header: list[str]) -> tuple[Format, list[str]]:
    """The known format that shares the most required columns with the file, and the columns it lacks."""
    present = set(header)
    fmt = max(FORMATS, key=lambda f: len(present & set(f.required)) / len(f.required))
    return fmt, [name for name in fmt.required if name not in present]


def detect(header: list[str]) -> Format:
    for fmt in FORMATS:
        if fmt.matches(header):
            return fmt
    near, missing = closest(header)
    message = "Ce format de fichier n’est pas reconnu : rien n’a été enregistré."
    if set(header) & set(near.required):
        message += (
            f" Le format le plus proche est « {near.label} » ; il manque la ou les colonnes : {', '.join(missing)}."
        )
    raise ImportRefused(
        message + " Colonnes attendues :",
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
