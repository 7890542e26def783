import pytest

from ppo.campagnes.models import Campagne, Commentaire, Transmission
from ppo.core.demo import demo_load
from ppo.plans.enums import StatutProgramme
from ppo.plans.models import ProgrammeAnnuel

pytestmark = pytest.mark.django_db


def _status(demo, key):
    return ProgrammeAnnuel.objects.get(ppo__etablissement=demo.schools[key], year=2025).status


def test_demo_campaigns_and_review_cycle_are_loaded_once(django_capture_on_commit_callbacks, mailoutbox):
    with django_capture_on_commit_callbacks(execute=True):
        demo = demo_load()
    campagne = Campagne.objects.get(academie=demo.academie, year=2025)
    assert campagne.priorites.filter(indicator_code="part_filles_specialite", target=30).exists()
    assert campagne.temps_forts.count() == 9
    assert Campagne.objects.get(year=2026).copied_from == campagne
    assert _status(demo, "lp") == StatutProgramme.A_COMPLETER
    assert _status(demo, "college") == StatutProgramme.VALIDE
    assert _status(demo, "lgt") == StatutProgramme.TRANSMIS
    assert Commentaire.objects.get().section_code == "axe-3"
    assert mailoutbox
    counts = (Campagne.objects.count(), Transmission.objects.count(), Commentaire.objects.count())
    demo_load()
    assert (Campagne.objects.count(), Transmission.objects.count(), Commentaire.objects.count()) == counts
