import pytest

from ppo.core.dates import current_school_year
from ppo.demo.base import demo_load
from ppo.diagnostic.enums import StatutReponse
from ppo.diagnostic.models import ActionInventaire, ObjectifCible, Reponse, ValeurIndicateur


def _counts():
    return (
        ValeurIndicateur.objects.count(),
        Reponse.objects.count(),
        ActionInventaire.objects.count(),
        ObjectifCible.objects.count(),
    )


@pytest.mark.django_db
def test_demo_has_history_answers_and_objectives_and_loads_twice_without_change():
    demo = demo_load()
    lp, college = demo.schools["lp"], demo.schools["college"]
    lp_years = set(ValeurIndicateur.objects.filter(etablissement=lp).values_list("year", flat=True))
    college_years = set(ValeurIndicateur.objects.filter(etablissement=college).values_list("year", flat=True))
    assert len(lp_years) >= 3 and len(college_years) >= 3
    assert ValeurIndicateur.objects.filter(etablissement=college, indicateur__code="taux_reussite_dnb").count() == 3
    year = current_school_year()
    # The DEPP publishes late: the latest figures are of a past school year, the oldest a few years before.
    assert max(lp_years) < year and min(lp_years) >= year - 5
    lp_answers = Reponse.objects.filter(
        programme__ppo__etablissement=lp, programme__year=year, status=StatutReponse.SOUMISE
    )
    assert lp_answers.order_by().values("respondent").distinct().count() >= 3
    assert ActionInventaire.objects.filter(reponse__programme__ppo__etablissement=lp).count() >= 3
    # Set when the PPO started last year, carried over to this year's programme.
    for programme_year in (year - 1, year):
        assert (
            ObjectifCible.objects.filter(programme__ppo__etablissement=lp, programme__year=programme_year).count() == 2
        )
    before = _counts()
    demo_load()
    assert _counts() == before
