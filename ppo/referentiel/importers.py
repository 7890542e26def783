"""Importers of the official open-data files (see docs/donnees.md and docs/adr/009-import-des-donnees-ouvertes.md).

Each importer reads the whole file first (header and encoding checked), then writes everything in one transaction
with a few bulk queries; `dry_run=True` runs the same code and rolls the transaction back. Running an import
twice changes nothing the second time.
"""

from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.db import connection, transaction
from django.utils import timezone

from ppo.referentiel.csvfile import ImportSummary, fold, read_csv
from ppo.referentiel.enums import Secteur, TypeEtablissement
from ppo.referentiel.frame import LEGACY_ACADEMIE_CODES
from ppo.referentiel.models import Academie, Departement, Etablissement
from ppo.referentiel.services import etablissements_set_default_niveaux
from ppo.referentiel.uai import is_valid_uai, normalize_uai

BATCH = 500
PROGRESS_EVERY = 500  # rows between two calls of `progress(done, total)`

Progress = Callable[[int, int], None]


def _rows_with_progress(rows, progress: Progress | None):
    """The rows, calling `progress(done, total)` every few hundred rows and at the end."""
    total = len(rows)
    for done, item in enumerate(rows, start=1):
        yield item
        if progress is not None and (done % PROGRESS_EVERY == 0 or done == total):
            progress(done, total)


# Official nature codes (BCN table N_NATURE_UAI) of the schools the platform serves.
NATURE_KINDS = {
    "340": TypeEtablissement.COLLEGE,  # collège
    "350": TypeEtablissement.COLLEGE,  # collège climatique
    "352": TypeEtablissement.COLLEGE,  # collège spécialisé
    "300": TypeEtablissement.LGT,  # lycée d'enseignement général et technologique
    "301": TypeEtablissement.LGT,  # lycée d'enseignement technologique
    "302": TypeEtablissement.LGT,  # lycée d'enseignement général
    "306": TypeEtablissement.LPO,  # lycée polyvalent
    "320": TypeEtablissement.LP,  # lycée professionnel
    "370": TypeEtablissement.EREA,  # établissement régional d'enseignement adapté
}
IPS_KINDS = {"LEGT": TypeEtablissement.LGT, "LP": TypeEtablissement.LP, "LPO": TypeEtablissement.LPO}

DEPARTEMENT_COLUMNS = ["codeDepartement", "libelleDepartement", "codeAcademie", "libelleAcademie"]
ANNUAIRE_COLUMNS = [
    "numero_uai",
    "appellation_officielle",
    "secteur_public_prive_libe",
    "nature_uai",
    "nature_uai_libe",
    "etat_etablissement_libe",
    "libelle_commune",
    "code_commune",
    "code_departement",
    "libelle_departement",
    "code_academie",
    "libelle_academie",
    "latitude",
    "longitude",
]
IPS_COLUMNS = [
    "uai",
    "nom_de_l_etablissment",
    "code_du_departement",
    "departement",
    "academie",
    "code_insee_de_la_commune",
    "nom_de_la_commune",
    "secteur",
    "type_de_lycee",
    "effectifs_ensemble_gt_pro",
    "ips_ensemble_gt_pro",
]

SKIP_OUT_OF_SCOPE = "hors périmètre (académie non gérée par la plateforme : collectivités d’outre-mer, étranger…)"
SKIP_NO_DEPARTEMENT = "pseudo-académie sans département (Caen, Rouen, « France entière »…)"
SKIP_BAD_UAI = "UAI invalide (format ou lettre de contrôle)"
SKIP_CLOSED = "établissement fermé, absent de la plateforme"
SKIP_DUPLICATE_UAI = "UAI en double avec des valeurs différentes (première ligne gardée)"
SKIP_UNKNOWN_ACADEMIE = "académie inconnue"
SKIP_UNKNOWN_TYPE = "type de lycée inconnu"


def _academie_code(code: str) -> str:
    code = code.strip().zfill(2) if code.strip().isdigit() else code.strip()
    return LEGACY_ACADEMIE_CODES.get(code, code)


def _departement_code(code: str) -> str:
    code = code.strip().upper()
    return code.zfill(3) if code.isdigit() else code


def _float(value: str) -> float | None:
    try:
        return float(value.replace(",", ".")) if value else None
    except ValueError:
        return None


def _decimal(value: str) -> Decimal | None:
    """An index such as the IPS (one decimal); an unreadable or absurd value is left empty."""
    try:
        number = Decimal(value.replace(",", ".")).quantize(Decimal("0.1")) if value else None
    except InvalidOperation:
        return None
    return number if number is not None and 0 <= number < 10_000 else None


def _int(value: str) -> int | None:
    number = _float(value)
    return round(number) if number is not None and 0 <= number < 2**31 else None


def _secteur(label: str) -> str:
    return Secteur.PRIVE if fold(label).startswith("PRIVE") else Secteur.PUBLIC


def _run(summary: ImportSummary, dry_run: bool, write) -> ImportSummary:
    with transaction.atomic():
        write()
        if dry_run:
            transaction.set_rollback(True)
    return summary


class _Departements:
    """Départements by code, created on the fly from a school file when the table was not imported first."""

    def __init__(self, summary: ImportSummary):
        self.by_code = {d.code: d for d in Departement.objects.all()}
        self.summary = summary

    def get(self, code: str, name: str, academie: Academie) -> Departement:
        departement = self.by_code.get(code)
        if departement is None:
            departement = Departement.objects.create(code=code, name=name[:120], academie=academie)
            self.by_code[code] = departement
            self.summary.extra["Départements créés"] += 1
        return departement


def departements_import(*, path: str | Path, dry_run: bool = False, progress: Progress | None = None) -> ImportSummary:
    """The département → académie → région table (BCN codes); legacy académies mapped, pseudo-académies skipped."""
    rows = read_csv(path, required=DEPARTEMENT_COLUMNS)
    summary = ImportSummary("Import des départements", dry_run=dry_run, rows=len(rows))
    academies = {a.code: a for a in Academie.objects.all()}
    wanted = {}
    for row in _rows_with_progress(rows, progress):
        code = _departement_code(row["codeDepartement"])
        if not code:
            summary.skip(SKIP_NO_DEPARTEMENT, line=row.line, key=row["libelleAcademie"])
            continue
        academie = academies.get(_academie_code(row["codeAcademie"]))
        if academie is None:
            summary.skip(SKIP_OUT_OF_SCOPE, line=row.line, key=code)
            continue
        if code in wanted:
            summary.duplicates += 1
            continue
        wanted[code] = (row["libelleDepartement"], academie)

    def write():
        existing = {d.code: d for d in Departement.objects.filter(code__in=wanted)}
        to_create, to_update = [], []
        for code, (name, academie) in wanted.items():
            departement = existing.get(code)
            if departement is None:
                to_create.append(Departement(code=code, name=name, academie=academie))
            elif departement.name != name or departement.academie_id != academie.pk:
                departement.name, departement.academie = name, academie
                to_update.append(departement)
            else:
                summary.unchanged += 1
        Departement.objects.bulk_create(to_create, batch_size=BATCH)
        Departement.objects.bulk_update(to_update, ["name", "academie"], batch_size=BATCH)
        summary.created, summary.updated = len(to_create), len(to_update)

    return _run(summary, dry_run, write)


ANNUAIRE_FIELDS = [
    "name",
    "kind",
    "secteur",
    "commune",
    "code_commune",
    "code_postal",
    "departement_id",
    "academie_id",
    "latitude",
    "longitude",
    "is_active",
]


def _unique_rows(rows, key, summary):
    """First row per UAI; exact duplicates are counted as such, conflicting ones skipped with a reason."""
    seen = {}
    for row in rows:
        uai = normalize_uai(row[key])
        if not is_valid_uai(uai):
            summary.skip(SKIP_BAD_UAI, line=row.line, key=row[key])
            continue
        if uai in seen:
            if seen[uai] == row:
                summary.duplicates += 1
            else:
                summary.skip(SKIP_DUPLICATE_UAI, line=row.line, key=uai)
            continue
        seen[uai] = row
    return seen


def etablissements_import(
    *, path: str | Path, dry_run: bool = False, progress: Progress | None = None
) -> ImportSummary:
    """The « adresse et géolocalisation des établissements » export of the annuaire de l’éducation."""
    rows = read_csv(path, required=ANNUAIRE_COLUMNS)
    summary = ImportSummary("Import de l’annuaire des établissements", dry_run=dry_run, rows=len(rows))
    by_uai = _unique_rows(rows, "numero_uai", summary)
    academies = {a.code: a for a in Academie.objects.all()}

    def write():
        departements = _Departements(summary)
        existing = _existing(by_uai)
        to_create, to_update = [], []
        now = timezone.now()
        for uai, row in _rows_with_progress(list(by_uai.items()), progress):
            academie = academies.get(_academie_code(row["code_academie"]))
            if academie is None:
                summary.skip(SKIP_OUT_OF_SCOPE, line=row.line, key=uai)
                continue
            current = existing.get(uai)
            if fold(row["etat_etablissement_libe"]) == "FERME":
                if current is not None and current.is_active:
                    current.is_active, current.updated_at = False, now
                    to_update.append(current)
                    summary.extra["Fermés (désactivés)"] += 1
                elif current is not None:
                    summary.unchanged += 1
                else:
                    summary.skip(SKIP_CLOSED, line=row.line, key=uai)
                continue
            departement = departements.get(
                _departement_code(row["code_departement"]), row["libelle_departement"], academie
            )
            values = {
                "name": (row["appellation_officielle"] or row.get("denomination_principale", "") or uai)[:200],
                "kind": NATURE_KINDS.get(row["nature_uai"], TypeEtablissement.AUTRE),
                "secteur": _secteur(row["secteur_public_prive_libe"]),
                "commune": row["libelle_commune"][:120],
                "code_commune": row["code_commune"][:5],
                "code_postal": (row.get("code_postal_uai") or "").strip()[:5],
                "departement_id": departement.pk,
                "academie_id": academie.pk,
                "latitude": _float(row["latitude"]),
                "longitude": _float(row["longitude"]),
                "is_active": True,
            }
            _collect(uai, values, current, ANNUAIRE_FIELDS, to_create, to_update, summary, now)
        _save(to_create, to_update, ANNUAIRE_FIELDS, summary)

    return _run(summary, dry_run, write)


IPS_FIELDS = ["ips", "effectif"]


def ips_lycees_import(*, path: str | Path, dry_run: bool = False, progress: Progress | None = None) -> ImportSummary:
    """The « IPS des lycées » export: creates the lycées it does not know, sets their IPS and head count."""
    rows = read_csv(path, required=IPS_COLUMNS)
    summary = ImportSummary("Import des IPS des lycées", dry_run=dry_run, rows=len(rows))
    by_uai = _unique_rows(rows, "uai", summary)
    academies = {a.code: a for a in Academie.objects.all()}
    academies_by_name = {fold(a.name): a for a in academies.values()}

    def write():
        departements = _Departements(summary)
        existing = _existing(by_uai)
        to_create, to_update = [], []
        now = timezone.now()
        for uai, row in _rows_with_progress(list(by_uai.items()), progress):
            kind = IPS_KINDS.get(row["type_de_lycee"].strip().upper())
            if kind is None:
                summary.skip(SKIP_UNKNOWN_TYPE, line=row.line, key=uai)
                continue
            values = {"ips": _decimal(row["ips_ensemble_gt_pro"]), "effectif": _int(row["effectifs_ensemble_gt_pro"])}
            current = existing.get(uai)
            if current is None:
                code = _departement_code(row["code_du_departement"])
                known = departements.by_code.get(code)
                academie = known.academie if known else academies_by_name.get(fold(row["academie"]))
                if academie is None:
                    summary.skip(SKIP_UNKNOWN_ACADEMIE, line=row.line, key=uai)
                    continue
                departement = departements.get(code, row["departement"].title(), academie)
                values |= {
                    "name": (row["nom_de_l_etablissment"] or uai)[:200],
                    "kind": kind,
                    "secteur": _secteur(row["secteur"]),
                    "commune": row["nom_de_la_commune"][:120],
                    "code_commune": row["code_insee_de_la_commune"][:5],
                    "departement_id": departement.pk,
                    "academie_id": departement.academie_id,
                }
            _collect(uai, values, current, IPS_FIELDS, to_create, to_update, summary, now)
        _save(to_create, to_update, IPS_FIELDS, summary)

    return _run(summary, dry_run, write)


def _existing(by_uai) -> dict[str, Etablissement]:
    uais = list(by_uai)
    found = {}
    for start in range(0, len(uais), BATCH):
        for etablissement in Etablissement.objects.filter(uai__in=uais[start : start + BATCH]):
            found[etablissement.uai] = etablissement
    return found


def _collect(uai, values, current, fields, to_create, to_update, summary, now):
    if current is None:
        to_create.append(Etablissement(uai=uai, **values))
        return
    changed = False
    for name in fields:
        if getattr(current, name) != values[name]:
            setattr(current, name, values[name])
            changed = True
    if changed:
        current.updated_at = now
        to_update.append(current)
    else:
        summary.unchanged += 1


def _save(to_create, to_update, fields, summary):
    Etablissement.objects.bulk_create(to_create, batch_size=BATCH)
    if connection.features.can_return_rows_from_bulk_insert:  # PostgreSQL, SQLite ≥ 3.35: the pks are set
        created = to_create
    else:
        created = list(_existing({e.uai: None for e in to_create}).values())
    etablissements_set_default_niveaux(etablissements=created)
    names = [name.removesuffix("_id") for name in fields]
    Etablissement.objects.bulk_update(to_update, [*names, "updated_at"], batch_size=BATCH)
    summary.created = len(to_create)
    summary.updated = len(to_update) - summary.extra["Fermés (désactivés)"]
