"""The demo follows the date: loaded on any day, it is set in that day's school year N (PPO started in N-1)."""

import datetime
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.utils import timezone

from ppo.campagnes.models import Campagne
from ppo.core.dates import current_school_year
from ppo.demo.base import ACCOUNTS
from ppo.plans.enums import StatutProgramme
from ppo.plans.models import PPO, ProgrammeAnnuel
from ppo.suivi.enums import StatutBilan
from ppo.suivi.models import Bilan, RepriseAction

pytestmark = pytest.mark.django_db
SCHOOLS = {"lp": "Lycée professionnel Maurice Marland", "college": "Collège Les Tilleuls", "lgt": "Lycée Jean Rostand"}


@pytest.fixture
def today(monkeypatch):
    """Freezes the date every part of the platform reads (`timezone.localdate`) at the day given."""

    def freeze(day):
        monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: day)
        return day

    return freeze


def _load():
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def _counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


@pytest.mark.parametrize(
    ("day", "year"),
    [(datetime.date(2026, 11, 22), 2026), (datetime.date(2029, 9, 1), 2029)],
)
def test_demo_is_set_in_the_school_year_of_the_day_and_loads_twice_without_change(today, day, year):
    today(day)
    assert current_school_year() == year
    output = _load()
    assert f"Jeu de démonstration chargé (année scolaire {year}-{year + 1})." in output
    for email, *_ in ACCOUNTS:
        assert email in output

    for key in ("lp", "college", "lgt"):
        ppo = PPO.objects.get(etablissement__name=SCHOOLS[key])
        assert (ppo.first_year, ppo.last_year) == (year - 1, year + 1)
        previous, current = ppo.programmes.get(year=year - 1), ppo.programmes.get(year=year)
        # Last year: published, every action followed up, the bilan validated and next year decided.
        assert previous.status == StatutProgramme.PUBLIE
        assert not previous.actions.filter(suivi__isnull=True).exists()
        assert Bilan.objects.get(programme=previous).status == StatutBilan.VALIDE
        assert RepriseAction.objects.filter(action__programme=previous).count() == previous.actions.count()
        # This year: the copy of last year's kept actions, under review.
        assert current.previous == previous and current.actions.exists()
        assert current.actions.filter(copied_from__programme=previous).count() == current.actions.count()
        assert not Bilan.objects.filter(programme=current).exists()
    statuses = dict(
        ProgrammeAnnuel.objects.filter(year=year, ppo__etablissement__name__in=SCHOOLS.values()).values_list(
            "ppo__etablissement__name", "status"
        )
    )
    # The similar schools of the comparisons (ppo/demo/peers.py): programme N validated.
    others = ProgrammeAnnuel.objects.filter(year=year).exclude(ppo__etablissement__name__in=SCHOOLS.values())
    assert set(others.values_list("status", flat=True)) == {StatutProgramme.VALIDE}
    assert others.count() == 18
    assert statuses == {
        SCHOOLS["lp"]: StatutProgramme.A_COMPLETER,
        SCHOOLS["college"]: StatutProgramme.VALIDE,
        SCHOOLS["lgt"]: StatutProgramme.TRANSMIS,
    }

    campagne = Campagne.objects.get(year=year)
    previous_campagne = Campagne.objects.get(year=year - 1)
    assert campagne.copied_from == previous_campagne
    assert previous_campagne.deadline < day < campagne.deadline
    assert campagne.deadline == datetime.date(year + 1, 3, 27)
    assert campagne.priorites.count() == 4 and campagne.volumes.count() == 1
    assert f"Terminales {year}-{year + 1}" in campagne.resources
    first_day, last_day = datetime.date(year, 9, 1), datetime.date(year + 1, 8, 31)
    assert campagne.temps_forts.count() == 9
    for temps_fort in campagne.temps_forts.all():
        assert first_day <= temps_fort.start_date <= (temps_fort.end_date or temps_fort.start_date) <= last_day
    assert campagne.temps_forts.filter(label="Première semaine de l’orientation").get().start_date == datetime.date(
        year, 11, 24
    )

    before = _counts()
    _load()
    assert _counts() == before


def test_a_demo_of_an_earlier_school_year_is_refused_with_a_message_and_nothing_changes(today):
    today(datetime.date(2026, 11, 22))
    _load()
    before = _counts()
    today(datetime.date(2027, 9, 15))
    with pytest.raises(CommandError, match="démonstration d’une autre année scolaire.*2027-2028"):
        _load()
    assert _counts() == before
