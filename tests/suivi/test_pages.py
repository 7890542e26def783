"""The follow-up pages: the quick form, « mes actions à renseigner », the calendar."""

import datetime

import pytest
from django.urls import reverse

from ppo.plans.enums import StatutProgramme
from ppo.plans.lifecycle import force_status
from ppo.suivi.models import SuiviAction
from ppo.suivi.selectors import actions_to_fill
from ppo.suivi.services import suivi_record
from tests.suivi.helpers import DAY, make_action


@pytest.fixture
def actions(programme, direction):
    return {
        "forum": make_action(
            programme, direction, title="Forum des métiers", start_date=DAY(2025, 11, 14), pupils_count=40
        ),
        "stage": make_action(
            programme,
            direction,
            title="Mini-stages",
            axe=2,
            niveaux=["1re-pro"],
            start_date=DAY(2026, 1, 12),
            end_date=DAY(2026, 2, 6),
        ),
        "salon": make_action(programme, direction, title="Salon du supérieur", axe=3, period="2e trimestre"),
    }


def test_quick_form_records_a_follow_up(client, world, actions):
    client.force_login(world.users["redacteur"])
    url = reverse("suivi:action", kwargs={"pk": actions["forum"].pk})
    page = client.get(url).content.decode()
    assert "Élèves concernés prévus : 40" in page
    response = client.post(
        url,
        {"status": "realisee", "actual_date": "2025-11-14", "hours_spent": "2,5", "girls": "18", "boys": "20",
         "evaluation": "oui", "comment": "Les élèves ont posé beaucoup de questions."},
    )  # fmt: skip
    assert response.status_code == 302
    suivi = SuiviAction.objects.get(action=actions["forum"])
    assert (suivi.status, suivi.girls, suivi.boys, str(suivi.hours_spent)) == ("realisee", 18, 20, "2.5")
    assert suivi.updated_by == world.users["redacteur"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"status": "realisee", "girls": "-3"}, "Le nombre de filles ne peut pas être négatif."),
        ({"status": "realisee", "girls": "30", "boys": "11"}, "dépassent le nombre d’élèves concernés"),
        ({"status": "annulee"}, "Indiquez le motif de l’annulation."),
        ({"status": "realisee", "girls": "douze"}, "Saisissez un nombre entier."),
        ({"status": "inconnu"}, "Sélectionnez un choix valide"),
    ],
)
def test_bad_input_gets_a_french_message_and_changes_nothing(client, world, actions, data, message):
    client.force_login(world.users["redacteur"])
    response = client.post(reverse("suivi:action", kwargs={"pk": actions["forum"].pk}), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not SuiviAction.objects.exists()


def test_lecteur_reads_but_cannot_record(client, world, actions, direction):
    suivi_record(action=actions["forum"], user=direction, status="realisee", girls=3, boys=4)
    client.force_login(world.users["lecteur"])
    url = reverse("suivi:action", kwargs={"pk": actions["forum"].pk})
    page = client.get(url).content.decode()
    assert "Suivi enregistré" in page
    assert "Enregistrer le suivi" not in page
    assert client.post(url, {"status": "annulee", "reason": "x"}).status_code == 403
    assert SuiviAction.objects.get().status == "realisee"


def test_my_actions_lists_past_ones_first(world, actions, direction):
    today = datetime.date(2026, 1, 20)
    listed = actions_to_fill(user=world.users["redacteur"], today=today)
    # The forum is past; the mini-stages end on 6 February; the salon has no date in a running year.
    assert [a.title for a in listed] == ["Forum des métiers", "Mini-stages", "Salon du supérieur"]
    suivi_record(action=actions["forum"], user=direction, status="realisee")
    assert [a.title for a in actions_to_fill(user=world.users["redacteur"], today=today)] == [
        "Mini-stages",
        "Salon du supérieur",
    ]
    assert actions_to_fill(user=world.users["lecteur"], today=today) == []


def test_calendar_by_month_with_periods_and_undated(client, world, actions):
    client.force_login(world.users["lecteur"])
    page = client.get(reverse("suivi:calendrier", kwargs={"pk": actions["forum"].programme_id})).content.decode()
    november = page.index("Novembre 2025")
    january, february = page.index("Janvier 2026"), page.index("Février 2026")
    undated = page.index("Sans date précise")
    assert november < page.index("Forum des métiers") < page.index("Décembre 2025")
    # A period of dates shows in every month it covers.
    assert january < page.index("Mini-stages", january) < february < page.index("Mini-stages", february)
    assert undated < page.index("Salon du supérieur", undated)
    assert "2e trimestre" in page[undated:]


def test_calendar_by_level_filtered_by_axis(client, world, actions):
    client.force_login(world.users["direction"])
    url = reverse("suivi:calendrier", kwargs={"pk": actions["forum"].programme_id})
    page = client.get(url, {"vue": "niveau", "axe": "2"}).content.decode()
    assert "Mini-stages" in page
    assert "Forum des métiers" not in page
    assert "Première professionnelle" in page or "1re" in page
    assert client.get(url, {"vue": "nimporte", "axe": "douze"}).status_code == 200


def test_calendar_shows_the_academie_temps_forts(client, world, actions):
    campagnes = pytest.importorskip("ppo.campagnes.models")
    campagne = campagnes.Campagne.objects.create(
        academie=world.school.academie, year=2025, deadline=DAY(2025, 12, 15), kinds=["lp"]
    )
    campagnes.TempsFort.objects.create(
        campagne=campagne, label="Semaine de l’orientation", start_date=DAY(2025, 11, 17), end_date=DAY(2025, 11, 21)
    )
    client.force_login(world.users["redacteur"])
    page = client.get(reverse("suivi:calendrier", kwargs={"pk": actions["forum"].programme_id})).content.decode()
    november = page.index("Novembre 2025")
    assert november < page.index("Semaine de l’orientation") < page.index("Décembre 2025")
    assert "Temps fort de l’académie" in page


def test_undated_action_with_a_one_month_period_sits_in_that_month(client, world, programme, direction):
    make_action(programme, direction, title="Rencontre de métiers non genrés", period="8 mars")
    make_action(programme, direction, title="Portfolio", period="novembre à février")
    client.force_login(world.users["lecteur"])
    page = client.get(reverse("suivi:calendrier", kwargs={"pk": programme.pk})).content.decode()
    march, april, undated = page.index("Mars 2026"), page.index("Avril 2026"), page.index("Sans date précise")
    assert march < page.index("Rencontre de métiers non genrés") < april
    assert undated < page.index("Portfolio", undated)


def test_calendar_page_offers_the_subscription(client, world, programme, direction):
    url = reverse("suivi:calendrier", kwargs={"pk": programme.pk})
    client.force_login(direction)
    page = client.get(url).content.decode()
    assert "Créer le lien d’abonnement de l’équipe" in page
    assert "calendrier public" not in page  # nothing published yet
    client.post(reverse("documents:calendar_renew", args=[world.school.pk]), {"next": url})
    token = world.school.calendar_token.token
    page = client.get(url).content.decode()
    assert reverse("documents:calendar_feed", args=[token]) in page
    client.force_login(world.users["academie"])
    page = client.get(url).content.decode()
    assert token not in page
    assert "réservé aux personnels de l’établissement" in page
    force_status(programme=programme, status=StatutProgramme.PUBLIE, user=direction)
    page = client.get(url).content.decode()
    assert reverse("documents:public_calendar", args=[world.school.uai]) in page
