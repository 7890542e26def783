"""The open data file of the published programmes' actions (CSV and JSON) and its Table Schema (issue 18).

One row per action of a published programme, built from the fields declared public only
(`ppo/plans/public_fields.py`, read through `public_value`): the same content a family reads on the school's public
page, nothing internal. `FIELDS` is the schema: the CSV's header, the JSON's keys and `schema.json` all come from it,
so they cannot disagree. The nightly task (`ppo.api.tasks.export_open_data`) stores the result
(`services.open_data_regenerate`); the download views serve the last stored file.
"""

import datetime
import io
import json
from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse

from ppo.core.dates import school_year_label
from ppo.core.spreadsheet import write_csv
from ppo.plans.enums import StatutProgramme
from ppo.plans.family import action_organisations, public_actions_queryset
from ppo.plans.models import Action
from ppo.plans.public_fields import public_value as pv
from ppo.referentiel.enums import TypeEtablissement

SEPARATOR = " | "  # between several levels or organisations in one cell
LICENCE = {
    "name": "etalab-2.0",
    "title": "Licence Ouverte / Open Licence version 2.0",
    "path": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
}
SCHEMA_VERSION = "1.0.0"
SCHEMA_CREATED = "2026-12-02"


@dataclass(frozen=True)
class Field:
    name: str
    title: str
    description: str
    type: str
    example: str
    required: bool = False
    format: str = ""
    pattern: str = ""

    def as_schema(self) -> dict:
        field = {
            "name": self.name,
            "title": self.title,
            "description": self.description,
            "example": self.example,
            "type": self.type,
        }
        if self.format:
            field["format"] = self.format
        constraints = {"required": self.required}
        if self.pattern:
            constraints["pattern"] = self.pattern
        field["constraints"] = constraints
        return field


FIELDS: tuple[Field, ...] = (
    Field(
        "programme_id",
        "Identifiant du programme",
        "Identifiant public du programme annuel publié (le même que dans l’API et l’adresse de sa page publique).",
        "string",
        "3f2b8c1e-6a4d-4e0b-9c53-2d1f0e7a9b41",
        required=True,
        format="uuid",
    ),
    Field(
        "annee_scolaire",
        "Année scolaire",
        "Année scolaire du programme, sous la forme AAAA-AAAA.",
        "string",
        "2026-2027",
        required=True,
        pattern=r"^\d{4}-\d{4}$",
    ),
    Field(
        "uai",
        "UAI de l’établissement",
        "Code UAI (ex-RNE) de l’établissement, tel que dans l’annuaire de l’Éducation nationale.",
        "string",
        "0501234A",
        required=True,
        pattern=r"^\d{7}[A-Z]$",
    ),
    Field("etablissement", "Nom de l’établissement", "Nom de l’établissement.", "string", "Collège Jean Monnet", True),
    Field(
        "type_etablissement",
        "Type d’établissement",
        "Collège, lycée général et technologique, lycée professionnel…",
        "string",
        "Collège",
        required=True,
    ),
    Field("commune", "Commune", "Commune de l’établissement.", "string", "Granville"),
    Field("code_postal", "Code postal", "Code postal de l’établissement.", "string", "50400"),
    Field("academie", "Académie", "Académie de l’établissement.", "string", "Normandie", required=True),
    Field("intitule", "Intitulé de l’action", "Intitulé de l’action.", "string", "Forum des métiers", required=True),
    Field(
        "axe_numero",
        "Numéro de l’axe",
        "Numéro de l’axe du PPO auquel l’action se rattache (1 à 3).",
        "integer",
        "2",
        required=True,
    ),
    Field("axe", "Axe", "Libellé court de l’axe.", "string", "Découvrir le monde professionnel", required=True),
    Field(
        "niveaux",
        "Niveaux concernés",
        f"Niveaux de classe concernés, séparés par « {SEPARATOR.strip()} ».",
        "string",
        "Quatrième | Troisième",
    ),
    Field(
        "periode",
        "Période",
        "Période écrite par l’établissement quand l’action n’a pas de date précise (vide pour la visite d’un "
        "ambassadeur non encore datée).",
        "string",
        "Deuxième trimestre",
    ),
    Field("date_debut", "Date de début", "Date de début prévue, au format AAAA-MM-JJ.", "date", "2027-03-12"),
    Field("date_fin", "Date de fin", "Date de fin prévue, au format AAAA-MM-JJ.", "date", "2027-03-13"),
    Field(
        "description",
        "Description",
        "Description de l’action écrite par l’établissement pour les familles.",
        "string",
        "Les élèves rencontrent des professionnels de leur bassin.",
    ),
    Field(
        "organisations_partenaires",
        "Organisations partenaires",
        f"Organisations partenaires de l’action, séparées par « {SEPARATOR.strip()} » ; le nom d’un ambassadeur "
        "métiers n’y figure que s’il l’a accepté.",
        "string",
        "CIO de Granville | Chambre de métiers",
    ),
)
FIELD_NAMES = tuple(f.name for f in FIELDS)


def published_actions():
    """The actions of published programmes, with what the public fields need (a fixed number of queries)."""
    queryset = Action.objects.filter(programme__status=StatutProgramme.PUBLIE).order_by(
        "programme__ppo__etablissement__academie__name",
        "programme__ppo__etablissement__uai",
        "programme__year",
        "axe__number",
        "start_date",
        "pk",
    )
    return public_actions_queryset(queryset).select_related("programme__ppo__etablissement__academie")


def action_row(action: Action) -> dict:
    """One row of the file, every model field read through `public_value`."""
    programme = pv(action, "programme")
    etablissement = pv(pv(programme, "ppo"), "etablissement")
    axe = pv(action, "axe")
    # An ambassador's visit: its period holds the dates the school wished for, not a date anyone agreed to.
    period = "" if action.demandes_ambassadeur.all() else pv(action, "period").strip()
    start, end = pv(action, "start_date"), pv(action, "end_date")
    return {
        "programme_id": str(pv(programme, "public_id")),
        "annee_scolaire": school_year_label(pv(programme, "year")),
        "uai": pv(etablissement, "uai"),
        "etablissement": pv(etablissement, "name"),
        "type_etablissement": TypeEtablissement(pv(etablissement, "kind")).label,
        "commune": pv(etablissement, "commune"),
        "code_postal": pv(etablissement, "code_postal"),
        "academie": pv(pv(etablissement, "academie"), "name"),
        "intitule": pv(action, "title"),
        "axe_numero": pv(axe, "number"),
        "axe": pv(axe, "short_label"),
        "niveaux": SEPARATOR.join(pv(n, "label") for n in pv(action, "niveaux").all()),
        "periode": period,
        "date_debut": start.isoformat() if start else "",
        "date_fin": end.isoformat() if end else "",
        "description": pv(action, "public_description").strip(),
        "organisations_partenaires": SEPARATOR.join(action_organisations(action)),
    }


def rows() -> list[dict]:
    return [action_row(action) for action in published_actions()]


def build_csv(data: list[dict]) -> str:
    """UTF-8 CSV separated by commas (as data.gouv.fr's validator expects), header = the schema's field names."""
    out = io.StringIO()
    write_csv(out, [FIELD_NAMES, *([row[name] for name in FIELD_NAMES] for row in data)], delimiter=",")
    return out.getvalue()


def build_json(data: list[dict], *, generated_at: datetime.datetime) -> str:
    document = {
        "genere_le": generated_at.isoformat(timespec="seconds"),
        "licence": LICENCE,
        "schema": absolute(reverse("api:opendata_schema")),
        "nombre": len(data),
        "actions": data,
    }
    return json.dumps(document, ensure_ascii=False, indent=1)


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def table_schema() -> dict:
    """The file's schema in the Table Schema format (https://specs.frictionlessdata.io/table-schema/), with the
    metadata schema.data.gouv.fr asks for."""
    return {
        "$schema": "https://frictionlessdata.io/schemas/table-schema.json",
        "name": "ppo-actions",
        "title": "Actions des programmes pluriannuels d’orientation publiés",
        "description": (
            "Une ligne par action d’un programme annuel publié par un établissement (collège, lycée) dans son "
            "programme pluriannuel d’orientation (PPO) : ce que les familles lisent sur la page publique de "
            "l’établissement, rien d’interne."
        ),
        "countryCode": "FR",
        "homepage": absolute(reverse("api:opendata")),
        "path": absolute(reverse("api:opendata_schema")),
        "resources": [
            {"title": "Fichier CSV", "path": absolute(reverse("api:opendata_csv"))},
            {"title": "Fichier JSON", "path": absolute(reverse("api:opendata_json"))},
        ],
        "sources": [{"title": "Plateforme PPO", "path": absolute("/")}],
        "created": SCHEMA_CREATED,
        "lastModified": SCHEMA_CREATED,
        "version": SCHEMA_VERSION,
        "contributors": [{"title": "Plateforme PPO", "role": "author"}],
        "licenses": [LICENCE],
        "missingValues": [""],
        "fields": [f.as_schema() for f in FIELDS],
    }
