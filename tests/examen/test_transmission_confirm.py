"""The confirmation page before a transmission: open points, the councils' dates, what the académie will see; a
justification when points remain open, a refusal when the campaign asks for a complete programme."""

import datetime
import re

import pytest
from django.urls import reverse

from ppo.campagnes.models import Campagne
from ppo.comptes.enums import Role
from ppo.examen.models import Transmission
from ppo.plans.enums import StatutProgramme
from ppo.plans.lifecycle import force_status, take
from ppo.plans.selectors import programme_completeness
from tests.campagnes import factories
from tests.factories import BassinFactory, EtablissementFactory, user_with

pytestmark = pytest.mark.django_db


@pytest.fixture
def cycle():
    bassin = BassinFactory()
    school = EtablissementFactory(lp=True, bassin=bassin)
    direction = user_with(Role.DIRECTION, etablissement=school)
    programme = factories.programme(school, user=direction)
    factories.action(programme, axe=2, title="Visite d’entreprise")
    return {
        "school": school,
        "programme": programme,
        "direction": direction,
        "redacteur": user_with(Role.REDACTEUR, etablissement=school),
        "academie": user_with(Role.ACADEMIE, academie=school.academie),
    }


def _url(programme):
    return reverse("examen:programme_transmettre_confirmer", kwargs={"pk": programme.pk})


def test_the_page_shows_open_points_councils_and_what_the_academie_sees(client, cycle):
    programme, direction = cycle["programme"], cycle["direction"]
    take(programme, "avis_cp", direction, date_of_decision=datetime.date(2026, 1, 12))
    client.force_login(direction)
    response = client.get(_url(programme))
    assert response.status_code == 200
    html = response.content.decode()
    points = programme_completeness(programme=programme)
    assert points and all(point.message in html for point in points)
    assert "séance du 12 janvier 2026" in html  # the CP's advice
    assert "non enregistrée" in html  # no CA adoption yet
    assert "Ce que l’académie verra" in html and "1 action" in html
    assert 'name="justification"' in html
    # With open points the explanation is asked for, so it is not marked optional (the service refuses without it).
    [label] = re.findall(r'<label[^>]*for="id_justification"[^>]*>(.*?)</label>', html, re.S)
    assert "Pourquoi transmettre" in label and "Optionnel" not in label
    assert "transmission précédente" not in html  # the first transmission: no earlier thread to speak of
    assert not Transmission.objects.exists()  # GET never transmits


def test_the_overview_links_to_the_confirmation_instead_of_transmitting(client, cycle):
    client.force_login(cycle["direction"])
    html = client.get(reverse("examen:programme_transmettre", kwargs={"pk": cycle["programme"].pk})).content.decode()
    assert _url(cycle["programme"]) in html
    assert not Transmission.objects.exists()


def test_open_points_need_a_justification(client, cycle):
    programme = cycle["programme"]
    client.force_login(cycle["direction"])
    response = client.post(_url(programme), {"justification": ""})
    assert response.status_code == 400
    assert "expliquez en quelques mots" in response.content.decode()
    assert not Transmission.objects.exists()
    programme.refresh_from_db()
    assert programme.status == StatutProgramme.BROUILLON

    response = client.post(_url(programme), {"justification": "Les niveaux de 1re seront complétés en janvier."})
    assert response.status_code == 302
    sent = Transmission.objects.get()
    assert sent.justification == "Les niveaux de 1re seront complétés en janvier."
    assert sent.open_points == [point.message for point in programme_completeness(programme=programme)]
    programme.refresh_from_db()
    assert programme.status == StatutProgramme.TRANSMIS


def test_the_justification_is_shown_to_the_reviewer(client, cycle):
    client.force_login(cycle["direction"])
    client.post(_url(cycle["programme"]), {"justification": "Les niveaux de 1re seront complétés en janvier."})
    sent = Transmission.objects.get()
    client.force_login(cycle["academie"])
    html = client.get(reverse("examen:transmission", kwargs={"pk": sent.pk})).content.decode()
    assert "Justification de l’établissement" in html
    assert "Les niveaux de 1re seront complétés en janvier." in html
    assert sent.open_points[0] in html


def test_a_campaign_requiring_a_complete_programme_refuses(client, cycle):
    programme = cycle["programme"]
    Campagne.objects.create(
        academie=cycle["school"].academie,
        year=programme.year,
        deadline=datetime.date(programme.year + 1, 3, 27),
        requires_complete=True,
    )
    client.force_login(cycle["direction"])
    html = client.get(_url(programme)).content.decode()
    assert "demande un programme complet" in html
    assert 'name="justification"' not in html  # no button to try anyway, a link to complete instead
    assert reverse("plans:programme", kwargs={"pk": programme.pk}) in html
    response = client.post(_url(programme), {"justification": "Quand même."})
    assert response.status_code == 400
    assert "demande un programme complet" in response.content.decode()
    assert not Transmission.objects.exists()


def test_the_campaign_form_sets_requires_complete(client, cycle):
    campagne = Campagne.objects.create(
        academie=cycle["school"].academie, year=2031, deadline=datetime.date(2032, 3, 27)
    )
    client.force_login(cycle["academie"])
    page = client.get(reverse("campagnes:campagne", kwargs={"pk": campagne.pk})).content.decode()
    assert 'name="requires_complete"' in page
    data = {"deadline": "2032-03-27", "kinds": ["lp"], "resources": "", "requires_complete": "on"}
    assert client.post(reverse("campagnes:campagne_modifier", kwargs={"pk": campagne.pk}), data).status_code == 302
    campagne.refresh_from_db()
    assert campagne.requires_complete is True


def test_only_the_direction_transmits(client, cycle):
    client.force_login(cycle["redacteur"])
    assert client.get(_url(cycle["programme"])).status_code == 403
    response = client.post(_url(cycle["programme"]), {"justification": "Pour voir."})
    assert response.status_code == 403
    assert "Seule la direction" in response.content.decode()
    assert not Transmission.objects.exists()


def test_an_already_transmitted_programme_goes_back_to_its_exchanges(client, cycle):
    programme = cycle["programme"]
    force_status(programme, StatutProgramme.TRANSMIS, cycle["direction"])
    client.force_login(cycle["direction"])
    response = client.get(_url(programme), follow=True)
    assert response.redirect_chain[-1][0] == reverse("examen:programme_transmettre", kwargs={"pk": programme.pk})
    assert "n’est pas possible maintenant" in response.content.decode()
