"""Writes of the plans app. Other apps create actions through `action_create` so that history and origin are kept."""

from django.db import transaction

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
    m2m = {name: fields.pop(name) for name in ("actors", "partner_items") if name in fields}
    last = programme.actions.order_by("-order").values_list("order", flat=True).first() or 0
    action = Action(programme=programme, axe=axe, origin=origin, created_by=user, order=last + 1, **fields)
    action._history_user = user
    action.full_clean(exclude=["niveaux", "actors", "partner_items"])
    action.save()
    action.niveaux.set(niveaux)
    for name, values in m2m.items():
        getattr(action, name).set(values)
    return action


@transaction.atomic
def programme_set_status(*, programme, status, user, comment: str = "", date_of_decision=None) -> ProgrammeAnnuel:
    """Moves a programme to `status` and records who did it, when, and why. Used by plans and campagnes."""
    programme.status = status
    programme.version += 1
    programme._history_user = user
    programme.save(update_fields=["status", "version", "updated_at"])
    StatutChange.objects.create(
        programme=programme, status=status, by=user, comment=comment, date_of_decision=date_of_decision
    )
    return programme


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
    actions = programme.actions.prefetch_related("niveaux", "actors", "partner_items")
    if action_ids is not None:
        actions = actions.filter(pk__in=list(action_ids))
    for action in actions:
        copy_fields = {
            f.name: getattr(action, f.name)
            for f in Action._meta.concrete_fields
            if f.name
            not in {
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
        }
        copy = action_create(
            programme=nxt,
            user=user,
            axe=action.axe,
            niveaux=list(action.niveaux.all()),
            origin=OrigineAction.REPRISE,
            copied_from=action,
            actors=list(action.actors.all()),
            partner_items=list(action.partner_items.all()),
            **copy_fields,
        )
        copy.order = action.order
        copy.save(update_fields=["order"])
    return nxt
