"""What families may read, declared field by field, in one place.

Every model whose rows can reach a public output (the school's public page, the family PDF, the public calendar, any
public export) is listed here with each of its fields, either public or internal. Public builders read model fields
through `public_value` only, which refuses an undeclared or internal field; `tests/plans/test_public_fields.py`
walks every model reachable through a public relation and fails on a field that is classified nowhere (a field
added to a model must be classified here before anything can publish it).

A public relation (a foreign key or a many-to-many field) makes the related model reachable: it must be declared
too. `CONSENT` lists the public fields shown only when the row says so (an ambassador's name, if they agreed).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Classification:
    public: frozenset[str]
    internal: frozenset[str]


def _c(public: str, internal: str) -> Classification:
    return Classification(public=frozenset(public.split()), internal=frozenset(internal.split()))


FIELDS: dict[str, Classification] = {
    "plans.ProgrammeAnnuel": _c(
        public="ppo year public_id updated_at",
        internal="id status previous ressources ressources_autres training notes version created_at",
    ),
    "plans.PPO": _c(public="etablissement first_year last_year", internal="id created_at created_by"),
    "plans.Action": _c(
        public="programme axe niveaux title period start_date end_date public_description partner_items",
        internal=(
            "id kind objective actors actors_other description partners hours classes pupils_count "
            "expected_effects indicators gender_equality internal_comment origin copied_from order version "
            "created_at updated_at created_by responsable competences"
        ),
    ),
    "plans.Axe": _c(public="number label label_bac_pro label_cap short_label", internal="id"),
    "plans.RessourceItem": _c(
        public="label replaced_by", internal="id category group order is_economic_world is_active"
    ),
    "referentiel.Etablissement": _c(
        public="uai name kind commune code_postal academie niveaux",
        internal=("id secteur code_commune departement bassin latitude longitude ips effectif is_active updated_at"),
    ),
    "referentiel.Academie": _c(public="name", internal="id code region"),
    "referentiel.Niveau": _c(
        public="code label short_label order",
        internal=(
            "id template_label voie groupe default_for_kinds reference_hours reference_hours_note "
            "reference_hours_source"
        ),
    ),
    "referentiel.RepereFamille": _c(public="niveau kind period text order", internal="id"),
    "campagnes.TempsFort": _c(public="label start_date end_date niveaux", internal="id campagne kind description"),
    # An action taken from the partners' catalogue: the organisation's name only.
    "partenaires.ActionOffre": _c(public="action offre", internal="id created_at"),
    "partenaires.Offre": _c(
        public="structure",
        internal=(
            "id title description kind academie all_year start_date end_date capacity is_free cost_justification "
            "is_accessible accessibility_note contact_name contact_email contact_phone status moderation_reason "
            "moderated_at moderated_by last_confirmed_at search_text search_vector created_at updated_at "
            "created_by niveaux axes metiers secteurs departements bassins"
        ),
    ),
    "partenaires.Structure": _c(
        public="name", internal="id kind academie description website email is_moderator created_at"
    ),
    # An ambassador's visit: their employer, and their name only with their consent. Never the school's message,
    # the wished dates (the action's real date is shown) or who asked.
    "partenaires.DemandeIntervention": _c(
        public="ambassadeur action",
        internal=(
            "id etablissement requested_by kind niveau pupils_count wished_dates message status decline_reason "
            "scheduled_date created_at updated_at"
        ),
    ),
    "partenaires.Ambassadeur": _c(
        public="user job_title employer",
        internal=(
            "id metier secteur academie availability offers_groupe offers_rencontre offers_visite phone "
            "presentation show_name_publicly is_paused created_at updated_at departements"
        ),
    ),
    # Reached only through an ambassador who agreed to be named.
    "comptes.User": _c(
        public="first_name last_name",
        internal="id password last_login is_superuser email is_active is_staff date_joined groups user_permissions "
        "receives_reminders",
    ),
}

# (model, public field) → the boolean field of the same row that must be true for the field to be shown.
CONSENT: dict[tuple[str, str], str] = {("partenaires.Ambassadeur", "user"): "show_name_publicly"}


class NotPublic(LookupError):
    """A public builder asked for a field that is not declared public."""


def public_value(obj, name: str):
    """The value of a declared public field of a model instance, or None when it depends on a consent not given.

    Raises `NotPublic` for an internal or undeclared field (or an undeclared model): a builder cannot publish what
    was not declared."""
    label = obj._meta.label
    classification = FIELDS.get(label)
    if classification is None or name not in classification.public:
        raise NotPublic(f"{label}.{name} n’est pas déclaré public (ppo/plans/public_fields.py).")
    consent = CONSENT.get((label, name))
    if consent is not None and not getattr(obj, consent):
        return None
    return getattr(obj, name)


def model_fields(model) -> set[str]:
    """The forward fields of a model (columns, foreign keys, many-to-many): what must be classified."""
    meta = model._meta
    return {f.name for f in meta.concrete_fields} | {f.name for f in meta.many_to_many}


def unclassified(fields: dict[str, Classification] | None = None) -> list[str]:
    """`app.Model.field` for every field of a declared or publicly reachable model that is classified nowhere (or
    both public and internal), and `app.Model` for a model reached by a public relation but not declared."""
    from django.apps import apps

    fields = FIELDS if fields is None else fields
    problems = []
    for label, classification in sorted(fields.items()):
        model = apps.get_model(label)
        names = model_fields(model)
        for name in sorted(names - classification.public - classification.internal):
            problems.append(f"{label}.{name}")
        for name in sorted(classification.public & classification.internal):
            problems.append(f"{label}.{name} (public et interne)")
        for name in sorted((classification.public | classification.internal) - names):
            problems.append(f"{label}.{name} (champ inexistant)")
        for name in sorted(classification.public & names):
            field = model._meta.get_field(name)
            if field.is_relation and field.related_model._meta.label not in fields:
                problems.append(field.related_model._meta.label)
    return problems
