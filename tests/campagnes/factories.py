"""Campaign objects for tests: a campaign, a programme with actions, a transmission."""

import datetime

from ppo.campagnes.models import Campagne
from ppo.comptes.enums import Role
from ppo.examen import services
from ppo.plans.models import Axe
from ppo.plans.services import action_create, ppo_create
from ppo.referentiel.models import Academie, Niveau
from tests.factories import EtablissementFactory, user_with

YEAR = 2025


def campagne(*, academie=None, year=YEAR, deadline=datetime.date(2026, 3, 27), kinds=("college", "lgt", "lp", "lpo")):
    return Campagne.objects.create(
        academie=academie or Academie.objects.get(code="70"), year=year, deadline=deadline, kinds=list(kinds)
    )


def programme(etablissement=None, *, year=YEAR, user=None):
    etablissement = etablissement or EtablissementFactory(lp=True)
    user = user or user_with(Role.DIRECTION, etablissement=etablissement)
    return ppo_create(etablissement=etablissement, first_year=year, years=3, user=user).programmes.get()


def action(programme, *, axe=1, niveaux=("2nde-pro",), **fields):
    fields.setdefault("title", "Forum des métiers")
    return action_create(
        programme=programme,
        user=programme.ppo.created_by,
        axe=Axe.objects.get(number=axe),
        niveaux=list(Niveau.objects.filter(code__in=niveaux)),
        **fields,
    )


def transmitted(prog=None, justification="Les points ouverts seront complétés au trimestre prochain.", **kwargs):
    prog = prog or programme(**kwargs)
    return services.programme_transmit(programme=prog, user=prog.ppo.created_by, justification=justification)
