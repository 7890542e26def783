"""Writes of the plans app. Other apps create actions through `action_create` so that history and origin are kept."""

from django.db import transaction

from ppo.core.locking import claim_version
from ppo.plans.enums import OrigineAction, StatutProgramme
from ppo.plans.models import PPO, Action, ProgrammeAnnuel, StatutChange


@transaction.atomic
def ppo_create(*, etablissement, first_year: int, years: int, user) -> PPO:
    """A PPO of 3 or 4 school years, with the programme of its first year."""
    if years not in (3, 4):
        raise ValueError("Un PPO couvre 3 ou 4 années scolaires.")
    ppo = PPO.objects.create(
        etablissement=etablissement, first_year=first_year, last_year=first_year + years - 1, created_by=user
    )
    programme = ProgrammeAnnuel.objects.create(ppo=ppo, year=first_year)
    StatutChange.objects.create(programme=programme, status=StatutProgramme.BROUILLON, by=user)
    return ppo


@transaction.atomic
def action_create(*, programme, user, axe, niveaux, origin=OrigineAction.SAISIE, **fields) -> Action:
    """Creates one action on an axis and its levels. `fields` are Action fields; M2M fields are given as lists."""
    m2m = {name: fields.pop(name) for name in ("actors", "partner_items", "competences") if name in fields}
    last = programme.actions.order_by("-order").values_list("order", flat=True).first() or 0
    action = Action(programme=programme, axe=axe, origin=origin, created_by=user, order=last + 1, **fields)
    return _action_save(action, user=user, niveaux=niveaux, m2m=m2m)


def _action_save(action, *, user, niveaux, m2m, exclude=()) -> Action:
    """Validates and saves the action with its author for the history, then its levels and checklists."""
    action._history_user = user
    action.full_clean(exclude=["niveaux", "actors", "partner_items", "competences", *exclude])
    action.save()
    action.niveaux.set(niveaux)
    for name, values in m2m.items():
        getattr(action, name).set(values)
    return action


@transaction.atomic
def programme_create(*, ppo, year: int, user, previous=None) -> ProgrammeAnnuel:
    """An empty programme for one school year of the PPO (an import or a copy then fills it)."""
    if not ppo.first_year <= year <= ppo.last_year:
        raise ValueError(f"L’année {year}-{year + 1} n’appartient pas au PPO {ppo.period_label}.")
    programme = ProgrammeAnnuel(ppo=ppo, year=year, previous=previous)
    programme._history_user = user
    programme.save()
    StatutChange.objects.create(programme=programme, status=StatutProgramme.BROUILLON, by=user)
    return programme


@transaction.atomic
def programme_start_next_year(*, programme, user, action_ids=None) -> ProgrammeAnnuel:
    """Next year's programme as a copy of this one; this one stays readable as it was.

    `action_ids`, when given, lists the actions to carry forward (the others are dropped); by default all are.
    Each copy keeps a link to its original (`copied_from`), so the follow-up of both years can be compared.
    """
    nxt = programme_create(ppo=programme.ppo, year=programme.year + 1, user=user, previous=programme)
    nxt.ressources.set(programme.ressources.all())
    nxt.ressources_autres = dict(programme.ressources_autres)
    nxt.training = programme.training
    nxt.save(update_fields=["ressources_autres", "training"])
    actions = programme.actions.prefetch_related("niveaux", "actors", "partner_items", "competences")
    if action_ids is not None:
        actions = actions.filter(pk__in=list(action_ids))
    for action in actions:
        action_copy(action=action, programme=nxt, user=user)
    return nxt


# Fields a copy gets afresh rather than from the action it copies.
NOT_COPIED = {
    "id",
    "programme",
    "axe",
    "origin",
    "copied_from",
    "version",
    "created_at",
    "updated_at",
    "created_by",
    "order",
}


def action_copy(*, action: Action, programme: ProgrammeAnnuel, user) -> Action:
    """A copy of `action` in `programme` (next year's), its origin « reprise », linked to the action it copies."""
    fields = {f.name: getattr(action, f.name) for f in Action._meta.concrete_fields if f.name not in NOT_COPIED}
    copy = action_create(
        programme=programme,
        user=user,
        axe=action.axe,
        niveaux=list(action.niveaux.all()),
        origin=OrigineAction.REPRISE,
        copied_from=action,
        actors=list(action.actors.all()),
        partner_items=list(action.partner_items.all()),
        competences=list(action.competences.all()),
        **fields,
    )
    copy.order = action.order
    copy.save(update_fields=["order"])
    return copy


@transaction.atomic
def action_update(*, action, user, expected_version: int, niveaux, **fields) -> Action:
    """Saves the user's changes unless someone saved the action since `expected_version` (optimistic locking)."""
    m2m = {name: fields.pop(name) for name in ("actors", "partner_items", "competences") if name in fields}
    action.version = claim_version(Action, pk=action.pk, expected_version=expected_version)
    for name, value in fields.items():
        setattr(action, name, value)
    return _action_save(action, user=user, niveaux=niveaux, m2m=m2m, exclude=["programme"])


@transaction.atomic
def action_delete(*, action, user, expected_version: int) -> None:
    claim_version(Action, pk=action.pk, expected_version=expected_version)
    action._history_user = user
    action.delete()


@transaction.atomic
def programme_update_resources(
    *, programme, user, expected_version: int, ressources, ressources_autres: dict, training: str
) -> ProgrammeAnnuel:
    """The ticked checklists, the free « Autre » per category and the training to plan."""
    programme.version = claim_version(ProgrammeAnnuel, pk=programme.pk, expected_version=expected_version)
    programme.ressources_autres = {key: value for key, value in ressources_autres.items() if value.strip()}
    programme.training = training
    programme._history_user = user
    programme.save(update_fields=["version", "ressources_autres", "training", "updated_at"])
    programme.ressources.set(ressources)
    return programme
