"""The public API: only published programmes, only public fields, filters, cursors, problem details."""

import json

import pytest
from django.urls import reverse

from ppo.campagnes.models import TempsFort
from ppo.partenaires.enums import StatutOffre
from ppo.plans.models import Action
from tests.api.helpers import published
from tests.campagnes.factories import campagne
from tests.factories import EtablissementFactory, academie
from tests.partenaires.factories import OffreFactory
from tests.plans.factories import add_action, programme_for

pytestmark = pytest.mark.django_db

INTERNAL = "Secret interne : élève en difficulté"


def _get(client, name, *args, **params):
    response = client.get(reverse(f"api:{name}", args=args), params)
    return response, response.json()


def test_only_schools_with_a_published_programme_are_listed(client):
    visible = EtablissementFactory(lp=True)
    published(visible)
    programme_for(EtablissementFactory(lgt=True))  # a draft: never in the public API
    response, body = _get(client, "etablissements")
    assert response.status_code == 200
    assert [row["uai"] for row in body["results"]] == [visible.uai]
    row = body["results"][0]
    assert row["academie"] == {"code": "70", "nom": visible.academie.name}
    assert row["page_publique"].endswith(f"/ppo/public/etablissement/{visible.uai}/")


def test_actions_carry_only_public_fields(client):
    programme = published(
        EtablissementFactory(lp=True),
        actions=1,
        internal_comment=INTERNAL,
        description=INTERNAL,
        objective=INTERNAL,
        partners="Mme Dupont, ambassadrice métiers",
    )
    draft = programme_for(EtablissementFactory(college=True))
    add_action(draft, title="Action en brouillon")
    response, body = _get(client, "actions")
    assert [row["intitule"] for row in body["results"]] == ["Action publique 0"]
    text = json.dumps(body, ensure_ascii=False)
    assert INTERNAL not in text and "Dupont" not in text
    assert set(body["results"][0]) == {
        "id", "programme", "uai", "annee_scolaire", "intitule", "axe", "niveaux", "periode",
        "date_debut", "date_fin", "description", "organisations",
    }  # fmt: skip
    detail, body = _get(client, "programme", programme.public_id)
    assert detail.status_code == 200 and len(body["actions"]) == 1
    assert INTERNAL not in json.dumps(body, ensure_ascii=False)


def test_a_draft_programme_is_not_found(client):
    draft = programme_for(EtablissementFactory(lp=True))
    response, body = _get(client, "programme", draft.public_id)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert body["status"] == 404 and body["title"] == "Introuvable"


def test_filters_and_a_bad_filter_value(client):
    normandie = EtablissementFactory(lp=True)
    lille = EtablissementFactory(lgt=True, academie=academie("09"))
    published(normandie, actions=1)
    published(lille, actions=1)
    _, body = _get(client, "actions", academie="09")
    assert {row["uai"] for row in body["results"]} == {lille.uai}
    _, body = _get(client, "etablissements", type="lp")
    assert [row["uai"] for row in body["results"]] == [normandie.uai]
    response, body = _get(client, "etablissements", type="lycée")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert "type" in body["erreurs"] and body["detail"].startswith("Certaines valeurs")


def test_cursor_pagination_walks_every_action_once_in_a_stable_order(client):
    programme = published(EtablissementFactory(lp=True), actions=7)
    seen, url = [], reverse("api:actions") + "?taille=3"
    while url:
        body = client.get(url).json()
        seen += [row["id"] for row in body["results"]]
        url = body["next"]
    assert seen == sorted(Action.objects.filter(programme=programme).values_list("pk", flat=True))


def test_list_query_count_does_not_grow_with_data(client, django_assert_num_queries):
    published(EtablissementFactory(lp=True), actions=2)
    # The request's savepoint and its release (ATOMIC_REQUESTS), the page of actions, its niveaux, its partner
    # categories, its ambassadors' visits (the public fields of `plans.public_fields`).
    with django_assert_num_queries(6):
        client.get(reverse("api:actions"))
    for _ in range(3):
        published(EtablissementFactory(lp=True), actions=5)
    with django_assert_num_queries(6):
        client.get(reverse("api:actions"))


def test_temps_forts_and_published_offers(client):
    frame = campagne()
    TempsFort.objects.create(campagne=frame, label="Semaine de l’orientation", start_date="2026-01-12")
    shown = OffreFactory()
    OffreFactory(status=StatutOffre.SOUMISE, title="Pas encore modérée")
    _, body = _get(client, "temps_forts", academie="70")
    assert [row["intitule"] for row in body["results"]] == ["Semaine de l’orientation"]
    _, body = _get(client, "offres")
    assert [row["intitule"] for row in body["results"]] == [shown.title]
    assert "contact_email" not in body["results"][0] and shown.contact_email not in json.dumps(body)


def test_schema_and_documentation_page(client):
    schema = client.get(reverse("api:schema"), HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert schema.status_code == 200
    spec = json.loads(schema.content)
    assert spec["openapi"].startswith("3.")
    assert "/api/v1/actions/" in spec["paths"]
    assert spec["components"]["securitySchemes"]["cle"]["scheme"] == "bearer"
    docs = client.get(reverse("api:docs"))
    assert docs.status_code == 200 and b"swagger" in docs.content.lower()


def test_an_unknown_address_is_a_problem_too(client):
    response = client.get("/api/v1/programmes/-3/")
    assert response.status_code == 404 and response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"] == "Aucune ressource de l’API à cette adresse."


def test_updated_since_accepts_any_offset_and_refuses_an_overflow(client):
    published(EtablissementFactory(lp=True), actions=1)
    response = client.get(reverse("api:offres"), {"modifiee_depuis": "3514-07-28T18:14:36+17:45"})
    assert response.status_code == 200 and response.json()["results"] == []
    response = client.get(reverse("api:actions"), {"modifie_depuis": "2000-01-01T00:00:00-17:45"})
    assert response.status_code == 200 and len(response.json()["results"]) == 1
    response = client.get(reverse("api:programmes"), {"modifie_depuis": "0001-01-01T00:00:00+17:45"})
    assert response.status_code == 400 and response["Content-Type"] == "application/problem+json"
