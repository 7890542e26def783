"""The campaign frame: opening (as a copy of last year's), editing, and what schools and other apps read of it."""

import datetime
from decimal import Decimal

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from ppo.campagnes import selectors, services
from ppo.campagnes.enums import TypeTempsFort
from ppo.campagnes.models import Campagne, Priorite, TempsFort, VolumeReference
from ppo.comptes.enums import Role
from ppo.comptes.perms import active_memberships
from ppo.core.dates import current_school_year
from ppo.plans.dashboard import campaign_card
from ppo.referentiel.models import Academie, Niveau
from tests.campagnes import factories
from tests.factories import EtablissementFactory, user_with

pytestmark = pytest.mark.django_db


@pytest.fixture
def normandie():
    return Academie.objects.get(code="70")


@pytest.fixture
def academie_user(normandie):
    return user_with(Role.ACADEMIE, academie=normandie)


def test_opening_a_campaign_as_a_copy_of_last_year(client, normandie, academie_user):
    last = factories.campagne(academie=normandie, year=2024)
    Priorite.objects.create(campagne=last, text="Mixité", target=30, unit="%", indicator_code="part_filles_specialite")
    VolumeReference.objects.create(campagne=last, niveau=Niveau.objects.get(code="5e"), hours=12)
    semaine = TempsFort.objects.create(
        campagne=last,
        label="Semaine de l’orientation",
        kind=TypeTempsFort.SEMAINE_ORIENTATION,
        start_date=datetime.date(2024, 11, 25),
        end_date=datetime.date(2024, 12, 6),
    )
    semaine.niveaux.set(Niveau.objects.filter(code="2nde-gt"))
    client.force_login(academie_user)
    response = client.post(
        reverse("campagnes:campagne_creer"),
        {
            "academie": normandie.pk,
            "year": 2025,
            "deadline": "2026-03-27",
            "kinds": ["lgt", "lp"],
            "copy_previous": "on",
        },
    )
    new = Campagne.objects.get(year=2025)
    assert response["Location"] == reverse("campagnes:campagne", kwargs={"pk": new.pk})
    assert (new.copied_from, new.kinds, new.created_by) == (last, ["lgt", "lp"], academie_user)
    assert list(new.priorites.values_list("text", "target")) == [("Mixité", Decimal("30.00"))]
    assert list(new.volumes.values_list("niveau__code", "hours")) == [("5e", Decimal("12.0"))]
    copy = new.temps_forts.get()
    assert (copy.start_date, copy.end_date) == (datetime.date(2025, 11, 25), datetime.date(2025, 12, 6))
    assert list(copy.niveaux.values_list("code", flat=True)) == ["2nde-gt"]


def test_a_second_campaign_for_the_same_year_is_refused(client, normandie, academie_user):
    factories.campagne(academie=normandie, year=2025)
    client.force_login(academie_user)
    response = client.post(
        reverse("campagnes:campagne_creer"),
        {"academie": normandie.pk, "year": 2025, "deadline": "2026-03-27", "kinds": ["lp"]},
    )
    assert response.status_code == 200
    assert "existe déjà" in response.content.decode()
    assert Campagne.objects.count() == 1


def test_an_academie_cannot_open_a_campaign_for_another(client, academie_user):
    client.force_login(academie_user)
    lille = Academie.objects.get(code="09")
    response = client.post(
        reverse("campagnes:campagne_creer"),
        {"academie": lille.pk, "year": 2025, "deadline": "2026-03-27", "kinds": ["lp"]},
    )
    assert response.status_code == 200
    assert not Campagne.objects.exists()


def test_editing_the_frame(client, normandie, academie_user):
    campagne = factories.campagne(academie=normandie)
    client.force_login(academie_user)
    url = reverse("campagnes:temps_fort_ajouter", kwargs={"pk": campagne.pk})
    bad = {
        "temps_fort-label": "JPO",
        "temps_fort-kind": "portes_ouvertes",
        "temps_fort-start_date": "2026-03-01",
        "temps_fort-end_date": "2026-02-01",
    }
    response = client.post(url, bad)
    assert response.status_code == 400
    assert "La fin ne peut pas précéder le début." in response.content.decode()
    assert not TempsFort.objects.exists()
    client.post(
        url, {**bad, "temps_fort-end_date": "2026-03-31", "temps_fort-niveaux": [Niveau.objects.get(code="3e").pk]}
    )
    assert TempsFort.objects.get().niveaux.get().code == "3e"
    client.post(
        reverse("campagnes:priorite_ajouter", kwargs={"pk": campagne.pk}),
        {"priorite-text": "Transitions", "priorite-target_direction": "au_moins"},
    )
    assert Priorite.objects.get().text == "Transitions"
    niveau = Niveau.objects.get(code="4e")
    volume_url = reverse("campagnes:volume_definir", kwargs={"pk": campagne.pk})
    client.post(volume_url, {"volume-niveau": niveau.pk, "volume-hours": "15"})
    assert VolumeReference.objects.get().hours == 15
    client.post(volume_url, {"volume-niveau": niveau.pk, "volume-hours": ""})
    assert not VolumeReference.objects.exists()
    client.post(reverse("campagnes:priorite_supprimer", kwargs={"pk": Priorite.objects.get().pk}))
    assert not Priorite.objects.exists()


def test_selectors_for_other_apps(normandie):
    campagne = factories.campagne(academie=normandie, kinds=["lp"])
    lp = EtablissementFactory(lp=True)
    college = EtablissementFactory(college=True)
    all_levels = TempsFort.objects.create(
        campagne=campagne, label="Semaine régionale", start_date=datetime.date(2026, 1, 26)
    )
    terminales = TempsFort.objects.create(campagne=campagne, label="Parcoursup", start_date=datetime.date(2026, 1, 19))
    terminales.niveaux.set(Niveau.objects.filter(code="tle-pro"))
    sixieme = TempsFort.objects.create(campagne=campagne, label="Sixième", start_date=datetime.date(2026, 2, 1))
    sixieme.niveaux.set(Niveau.objects.filter(code="6e"))
    seconde = Niveau.objects.get(code="2nde-pro")
    services.volume_set(campagne=campagne, niveau=seconde, hours=Decimal(20))

    assert selectors.campagne_for(etablissement=lp, year=2025) == campagne
    assert selectors.campagne_for(etablissement=college, year=2025) is None  # kind not concerned
    assert selectors.campagne_for(etablissement=lp, year=2026) is None
    assert selectors.temps_forts_for(etablissement=lp, year=2025) == [terminales, all_levels]
    hours = selectors.reference_hours_for(etablissement=lp, year=2025)
    assert hours[seconde.pk] == Decimal(20)
    tle = Niveau.objects.get(code="tle-pro")
    assert hours[tle.pk] == tle.reference_hours
    assert set(hours) == set(lp.niveaux.values_list("pk", flat=True))


def test_the_school_sees_the_frame_and_days_left(client, normandie):
    deadline = timezone.localdate() + datetime.timedelta(days=10)
    year = current_school_year()
    campagne = factories.campagne(academie=normandie, year=year, deadline=deadline)
    Priorite.objects.create(campagne=campagne, text="Au moins 30 % de mixité", target=30, unit="%")
    TempsFort.objects.create(campagne=campagne, label="Printemps de l’orientation", start_date=deadline)
    school = EtablissementFactory(lp=True)
    programme = factories.programme(school, year=year)
    lecteur = user_with(Role.LECTEUR, etablissement=school)
    client.force_login(lecteur)
    page = client.get(reverse("plans:cadre", kwargs={"pk": programme.pk})).content.decode()
    assert "Il reste 10 jours." in page
    assert "Au moins 30 % de mixité" in page
    assert "Printemps de l’orientation" in page

    request = RequestFactory().get("/")
    request.user = lecteur
    request.membership = active_memberships(lecteur)[0]
    card = campaign_card(request.membership)[0]
    assert card.badges == ["10 jours restants"]
    assert card.url == reverse("plans:cadre", kwargs={"pk": programme.pk})


def test_a_draft_frame_page_stays_hidden_from_the_academie(client, normandie, academie_user):
    programme = factories.programme(EtablissementFactory(lp=True))
    client.force_login(academie_user)
    assert client.get(reverse("plans:cadre", kwargs={"pk": programme.pk})).status_code == 404
