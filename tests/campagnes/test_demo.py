import pytest

from ppo.campagnes.models import Campagne
from ppo.core.dates import current_school_year
from ppo.demo.base import demo_load
from ppo.examen.indicators import school_indicators
from ppo.examen.models import Commentaire, Transmission
from ppo.examen.selectors import peers_comparison
from ppo.plans.enums import StatutProgramme
from ppo.plans.models import ProgrammeAnnuel, StatutChange

pytestmark = pytest.mark.django_db


def _status(demo, key, year):
    return ProgrammeAnnuel.objects.get(ppo__etablissement=demo.schools[key], year=year).status


def test_demo_campaigns_and_review_cycle_are_loaded_once(django_capture_on_commit_callbacks, mailoutbox):
    year = current_school_year()
    with django_capture_on_commit_callbacks(execute=True):
        demo = demo_load()
    previous = Campagne.objects.get(academie=demo.academie, year=year - 1)
    campagne = Campagne.objects.get(academie=demo.academie, year=year)
    assert campagne.copied_from == previous
    for each in (previous, campagne):
        assert each.priorites.filter(indicator_code="part_filles_specialite", target=30).exists()
        assert each.temps_forts.count() == 9
        assert each.volumes.count() == 1
    # Last year's programmes went through the closed campaign: validated, then published.
    for key in ("lp", "college", "lgt"):
        assert _status(demo, key, year - 1) == StatutProgramme.PUBLIE
    # This year's review is under way.
    assert _status(demo, "lp", year) == StatutProgramme.A_COMPLETER
    assert _status(demo, "college", year) == StatutProgramme.VALIDE
    assert _status(demo, "lgt", year) == StatutProgramme.TRANSMIS
    # The councils of this year's programmes are dated (the confirmation page shows their sessions).
    for key in ("lp", "college"):
        changes = StatutChange.objects.filter(programme__ppo__etablissement=demo.schools[key], programme__year=year)
        assert all(
            change.date_of_decision
            for change in changes.filter(status__in=[StatutProgramme.AVIS_CP, StatutProgramme.ADOPTE_CA])
        )
        assert changes.filter(status=StatutProgramme.ADOPTE_CA).count() == 1
    assert Commentaire.objects.get().section_code == "axe-3"
    assert Commentaire.objects.get().transmission.programme.year == year
    assert mailoutbox
    counts = (Campagne.objects.count(), Transmission.objects.count(), Commentaire.objects.count())
    assert counts == (2, 6, 1)
    # Enough similar schools for every demo school's review to compare with real figures.
    for key in ("lp", "college", "lgt"):
        sent = Transmission.objects.filter(programme__ppo__etablissement=demo.schools[key], programme__year=year)
        comparison = peers_comparison(transmission=sent.latest("created_at"))
        assert comparison["n_peers"] >= 5
        assert comparison["widened"] is False
        assert all(row["peers"] is not None for row in comparison["rows"])
        assert sum(row["peers"] for row in comparison["rows"][:3]) > 0
        [first, *_] = school_indicators(etablissement=demo.schools[key], year=year) or [None]
        assert first is not None and first["n_peers"] >= 5 and first["median"] is not None
    demo_load()
    assert (Campagne.objects.count(), Transmission.objects.count(), Commentaire.objects.count()) == counts
