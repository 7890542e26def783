"""Starting next year from the bilan: keep, adjust (with a note the team sees) or drop each action."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from ppo.plans.models import ProgrammeAnnuel
from ppo.plans.services import programme_create
from ppo.suivi.models import RepriseAction
from ppo.suivi.services import programme_start_next_year_from_bilan, suivi_record
from tests.suivi.helpers import make_action, make_programme


@pytest.fixture
def three(programme, direction):
    done = make_action(programme, direction, title="Visite d’entreprise")
    suivi_record(action=done, user=direction, status="realisee", evaluation="oui")
    partly = make_action(programme, direction, title="Atelier CV", axe=2)
    suivi_record(action=partly, user=direction, status="realisee", evaluation="partiellement")
    cancelled = make_action(programme, direction, title="Salon annulé", axe=3)
    suivi_record(action=cancelled, user=direction, status="annulee", reason="Salon supprimé")
    return done, partly, cancelled


def test_page_proposes_from_the_follow_up_and_creates_next_year(client, world, programme, three):
    done, partly, cancelled = three
    client.force_login(world.users["direction"])
    url = reverse("suivi:annee_suivante", kwargs={"pk": programme.pk})
    page = client.get(url).content.decode()
    assert f'name="decision_{done.pk}" value="garder" checked' in page
    assert f'name="decision_{partly.pk}" value="ajuster" checked' in page
    assert f'name="decision_{cancelled.pk}" value="abandonner" checked' in page
    response = client.post(
        url,
        {
            f"decision_{done.pk}": "garder",
            f"decision_{partly.pk}": "ajuster",
            f"note_{partly.pk}": "Prévoir deux séances au lieu d’une.",
            f"decision_{cancelled.pk}": "abandonner",
        },
    )
    nxt = ProgrammeAnnuel.objects.get(ppo=programme.ppo, year=2026)
    assert response.status_code == 302
    assert response["Location"] == reverse("suivi:programme", kwargs={"pk": nxt.pk})
    assert sorted(nxt.actions.values_list("title", flat=True)) == ["Atelier CV", "Visite d’entreprise"]
    assert {r.action_id: r.decision for r in RepriseAction.objects.all()} == {
        done.pk: "garder",
        partly.pk: "ajuster",
        cancelled.pk: "abandonner",
    }
    copy = nxt.actions.get(title="Atelier CV")
    assert RepriseAction.objects.get(action=partly).copy == copy
    page = client.get(response["Location"]).content.decode()
    assert "À ajuster" in page
    assert "Prévoir deux séances au lieu d’une." in page


def test_missing_decision_changes_nothing(client, world, programme, three):
    done, partly, cancelled = three
    client.force_login(world.users["direction"])
    url = reverse("suivi:annee_suivante", kwargs={"pk": programme.pk})
    response = client.post(url, {f"decision_{done.pk}": "garder", f"decision_{partly.pk}": "ajuster"})
    assert response.status_code == 200
    assert "Choisissez garder, ajuster ou ne pas reprendre." in response.content.decode()
    assert not ProgrammeAnnuel.objects.filter(year=2026).exists()


def test_refused_when_next_year_exists(client, world, programme, three, direction):
    programme_create(ppo=programme.ppo, year=2026, user=direction)
    with pytest.raises(ValidationError, match="Le programme de l’année 2026-2027 existe déjà."):
        programme_start_next_year_from_bilan(
            programme=programme, user=direction, decisions={a.pk: "garder" for a in three}
        )
    client.force_login(world.users["direction"])
    page = client.get(reverse("suivi:annee_suivante", kwargs={"pk": programme.pk})).content.decode()
    assert "Le programme de l’année 2026-2027 existe déjà." in page
    assert "Créer le programme" not in page


def test_refused_after_the_last_year_of_the_ppo(world, direction):
    last = make_programme(world.school, direction, year=2025)
    last.year = last.ppo.last_year
    last.save(update_fields=["year"])
    with pytest.raises(ValidationError, match="n’appartient pas au PPO"):
        programme_start_next_year_from_bilan(programme=last, user=direction, decisions={})


def test_only_the_direction_starts_next_year(client, world, programme):
    client.force_login(world.users["redacteur"])
    assert client.post(reverse("suivi:annee_suivante", kwargs={"pk": programme.pk})).status_code == 403
