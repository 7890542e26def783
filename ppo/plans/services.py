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
