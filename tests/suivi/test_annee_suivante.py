"""Starting next year from the bilan: keep, adjust (with a note the team sees) or drop each action."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from ppo.plans.enums import StatutProgramme
from ppo.plans.lifecycle import force_status
from ppo.plans.models import ProgrammeAnnuel
from ppo.plans.services import programme_create
from ppo.suivi.models import Reprise, RepriseAction
from ppo.suivi.services import bilan_validate, programme_start_next_year_from_bilan, suivi_record
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
    bilan_validate(programme=programme, user=world.users["direction"])
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


def _decide(three, **by_title):
    return {a.pk: by_title.get(a.title, "garder") for a in three}


def test_needs_a_validated_bilan_or_the_explicit_choice(client, world, programme, three, direction):
    with pytest.raises(ValidationError, match="n’est pas validé"):
        programme_start_next_year_from_bilan(programme=programme, user=direction, decisions=_decide(three))
    assert not ProgrammeAnnuel.objects.filter(ppo=programme.ppo, year=2026).exists()
    client.force_login(direction)
    url = reverse("suivi:annee_suivante", kwargs={"pk": programme.pk})
    page = client.get(url).content.decode()
    assert "n’est pas validé" in page
    assert "Continuer sans bilan validé" in page
    data = {f"decision_{a.pk}": "garder" for a in three}
    response = client.post(url, data)
    assert response.status_code == 200
    assert "cochez « Continuer sans bilan validé »" in response.content.decode()
    assert not ProgrammeAnnuel.objects.filter(ppo=programme.ppo, year=2026).exists()
    response = client.post(url, data | {"without_validated_bilan": "on"})
    assert response.status_code == 302
    reprise = Reprise.objects.get()
    assert (reprise.bilan_validated, reprise.created_target, reprise.added, reprise.decided_by) == (
        False,
        True,
        3,
        direction,
    )
    page = client.get(url).content.decode()
    assert "Historique des reprises" in page
    assert "sans bilan validé" in page


def test_carries_into_the_existing_next_year_without_duplicating(client, world, programme, three, direction):
    """Next year was started from the current year (a copy of « Visite d’entreprise »), and the team typed « Atelier
    CV » by hand there: only « Salon annulé », now kept, is added; nothing is deleted, nothing doubled."""
    done, partly, cancelled = three
    nxt = programme_create(ppo=programme.ppo, year=2026, user=direction)
    copy = make_action(nxt, direction, title="Visite d’entreprise", copied_from=done)
    typed = make_action(nxt, direction, title="atelier cv ", axe=2)
    extra = make_action(nxt, direction, title="Action nouvelle", axe=3)
    bilan_validate(programme=programme, user=direction)
    client.force_login(direction)
    url = reverse("suivi:annee_suivante", kwargs={"pk": programme.pk})
    page = client.get(url).content.decode()
    assert "Le programme de l’année 2026-2027 existe déjà." not in page
    assert "Le programme 2026-2027 existe déjà : les actions gardées ou ajustées y sont ajoutées" in page
    assert page.count("Déjà dans le programme 2026-2027") == 2
    assert "Ajouter au programme 2026-2027" in page
    response = client.post(
        url,
        {
            f"decision_{done.pk}": "garder",
            f"decision_{partly.pk}": "ajuster",
            f"note_{partly.pk}": "Deux séances.",
            f"decision_{cancelled.pk}": "garder",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("suivi:programme", kwargs={"pk": nxt.pk})
    assert sorted(nxt.actions.values_list("title", flat=True)) == [
        "Action nouvelle",
        "Salon annulé",
        "Visite d’entreprise",
        "atelier cv ",
    ]
    assert nxt.actions.get(title="Salon annulé").copied_from == cancelled
    assert {r.action_id: r.copy_id for r in RepriseAction.objects.all()} == {
        done.pk: copy.pk,
        partly.pk: typed.pk,
        cancelled.pk: nxt.actions.get(title="Salon annulé").pk,
    }
    assert extra.pk in set(nxt.actions.values_list("pk", flat=True))
    reprise = Reprise.objects.get()
    assert (reprise.added, reprise.already_there, reprise.dropped, reprise.bilan_validated) == (1, 2, 0, True)
    # The note of the adjusted action reaches the action already there.
    assert "Deux séances." in client.get(response["Location"]).content.decode()
    # Twice, now dropping the visit: nothing is added, nothing deleted, and the page says the visit stays.
    response = client.post(
        url,
        {f"decision_{done.pk}": "abandonner", f"decision_{partly.pk}": "garder", f"decision_{cancelled.pk}": "garder"},
        follow=True,
    )
    assert nxt.actions.count() == 4
    assert "1 action(s) « ne pas reprendre » sont déjà dans ce programme et y restent" in response.content.decode()
    assert Reprise.objects.latest("pk").dropped_still_there == 1


def test_refused_when_next_year_is_frozen(client, world, programme, three, direction):
    nxt = programme_create(ppo=programme.ppo, year=2026, user=direction)
    force_status(programme=nxt, status=StatutProgramme.TRANSMIS, user=direction)
    bilan_validate(programme=programme, user=direction)
    with pytest.raises(ValidationError, match="ne peut pas être modifié pendant l’examen"):
        programme_start_next_year_from_bilan(programme=programme, user=direction, decisions=_decide(three))
    client.force_login(direction)
    page = client.get(reverse("suivi:annee_suivante", kwargs={"pk": programme.pk})).content.decode()
    assert "ne peut pas être modifié pendant l’examen" in page
    assert "Voir le programme 2026-2027" in page
    assert "Ajouter au programme" not in page


def test_refused_after_the_last_year_of_the_ppo(world, direction):
    last = make_programme(world.school, direction, year=2025)
    last.year = last.ppo.last_year
    last.save(update_fields=["year"])
    with pytest.raises(ValidationError, match="n’appartient pas au PPO"):
        programme_start_next_year_from_bilan(
            programme=last, user=direction, decisions={}, without_validated_bilan=True
        )


def test_only_the_direction_starts_next_year(client, world, programme):
    client.force_login(world.users["redacteur"])
    assert client.post(reverse("suivi:annee_suivante", kwargs={"pk": programme.pk})).status_code == 403
