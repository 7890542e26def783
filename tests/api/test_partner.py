"""A partner body manages its offers through the API with its key, through the same form and services as on screen."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from ppo.partenaires.enums import StatutOffre
from ppo.partenaires.models import Offre
from ppo.referentiel.models import Niveau
from tests.api.helpers import auth, partner_key
from tests.factories import StructureFactory, user_with
from tests.partenaires.factories import OffreFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_throttle():
    cache.clear()


def _offer(**overrides):
    data = {
        "title": "Découverte des métiers du numérique",
        "description": "Une demi-journée dans nos ateliers.",
        "kind": "visite",
        "niveaux": [Niveau.objects.get(code="3e").pk],
        "axes": [1],
        "all_year": True,
        "is_free": True,
        "contact_name": "Camille Martin",
        "contact_email": "camille@partenaire.example.fr",
    }
    from ppo.plans.models import Axe
    from ppo.referentiel.models import Academie

    data["axes"] = [Axe.objects.get(number=1).pk]
    data["academie"] = Academie.objects.get(code="70").pk
    data.update(overrides)
    return data


def test_create_update_and_submit_an_offer(world, client, django_capture_on_commit_callbacks):
    from ppo.comptes.enums import Role

    user_with(Role.ACADEMIE, academie=world.structure.academie)  # somebody to moderate
    secret = partner_key(world)
    url = reverse("api:partenaire_offres")
    created = client.post(url, _offer(), content_type="application/json", **auth(secret))
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["status"] == StatutOffre.BROUILLON
    offre = Offre.objects.get(pk=body["id"])
    assert offre.structure == world.structure and offre.created_by == world.users["partenaire"]

    detail = reverse("api:partenaire_offre", args=[offre.pk])
    patched = client.patch(detail, {"title": "Métiers du numérique"}, content_type="application/json", **auth(secret))
    assert patched.status_code == 200 and patched.json()["title"] == "Métiers du numérique"
    assert patched.json()["niveaux"] == [Niveau.objects.get(code="3e").pk]  # untouched fields are kept

    with django_capture_on_commit_callbacks(execute=True):
        submitted = client.post(reverse("api:partenaire_offre_submit", args=[offre.pk]), **auth(secret))
    assert submitted.status_code == 200 and submitted.json()["status"] == StatutOffre.SOUMISE
    again = client.post(reverse("api:partenaire_offre_submit", args=[offre.pk]), **auth(secret))
    assert again.status_code == 400 and "brouillon" in again.json()["erreurs"]["non_field_errors"][0]
    assert mail.outbox  # the moderators are told, as on screen


def test_invalid_offer_changes_nothing_and_says_why(world, client):
    secret = partner_key(world)
    url = reverse("api:partenaire_offres")
    response = client.post(
        url, _offer(is_free=False, cost_justification="", title=""), content_type="application/json", **auth(secret)
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    errors = response.json()["erreurs"]
    assert "title" in errors and "cost_justification" in errors
    unknown = client.post(url, _offer(statut="validee", pirate=1), content_type="application/json", **auth(secret))
    assert unknown.status_code == 400 and set(unknown.json()["erreurs"]) == {"statut", "pirate"}
    not_json = client.post(url, "[1, 2]", content_type="application/json", **auth(secret))
    assert not_json.status_code == 400
    assert not Offre.objects.exists()


def test_a_partner_never_reaches_another_body_offers(world, client):
    other = OffreFactory(structure=StructureFactory(), brouillon=True)
    secret = partner_key(world)
    assert client.get(reverse("api:partenaire_offre", args=[other.pk]), **auth(secret)).status_code == 404
    response = client.patch(
        reverse("api:partenaire_offre", args=[other.pk]),
        {"title": "x"},
        content_type="application/json",
        **auth(secret),
    )
    assert response.status_code == 404
    assert client.post(reverse("api:partenaire_offre_submit", args=[other.pk]), **auth(secret)).status_code == 404
    listed = client.get(reverse("api:partenaire_offres"), **auth(secret)).json()
    assert other.pk not in [row["id"] for row in listed["results"]]
    other.refresh_from_db()
    assert other.title != "x"


def test_a_validated_offer_edited_goes_back_to_moderation(world, client):
    offre = OffreFactory(structure=world.structure)
    secret = partner_key(world)
    response = client.patch(
        reverse("api:partenaire_offre", args=[offre.pk]),
        {"description": "Nouveau texte."},
        content_type="application/json",
        **auth(secret),
    )
    assert response.status_code == 200 and response.json()["status"] == StatutOffre.SOUMISE


def test_ids_out_of_range_are_refused_not_crashed(world, client):
    secret = partner_key(world)
    response = client.post(
        reverse("api:partenaire_offres"),
        _offer(secteurs=[10**30], academie=-3, niveaux=["3e"]),
        content_type="application/json",
        **auth(secret),
    )
    assert response.status_code == 400
    assert set(response.json()["erreurs"]) == {"secteurs", "academie", "niveaux"}


def test_booleans_left_out_keep_the_defaults_and_ids_are_published(world, client):
    ids = client.get(reverse("api:referentiel")).json()
    assert {"code": "3e"}.items() <= next(n for n in ids["niveaux"] if n["code"] == "3e").items()
    data = _offer()
    del data["is_free"], data["all_year"]
    response = client.post(
        reverse("api:partenaire_offres"), data, content_type="application/json", **auth(partner_key(world))
    )
    assert response.status_code == 201, response.content
    assert response.json()["is_free"] is True and response.json()["all_year"] is True
