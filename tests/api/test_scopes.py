"""Keyed endpoints walked with a key of every kind of scope, and what a key may never do."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from ppo.api.enums import ScopeKind
from ppo.api.models import ApiCall, ApiKey
from ppo.api.services import api_key_revoke
from ppo.examen.services import programme_transmit
from tests.api.helpers import academie_key, auth, bassin_key, key_for, partner_key
from tests.factories import StructureFactory, user_with
from tests.partenaires.factories import OffreFactory
from tests.plans.factories import add_action, programme_for

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_throttle():
    cache.clear()


def _keys(world):
    return {
        "academie": academie_key(world),
        "bassin": bassin_key(world),
        "autre_academie": key_for(world.users["autre_academie"], world.foreign.academie, ScopeKind.ACADEMIE),
        "partenaire": partner_key(world),
    }


def test_every_keyed_endpoint_with_every_kind_of_key(world, client):
    programme = programme_for(world.school)
    offre = OffreFactory(structure=world.structure, brouillon=True)
    keys = _keys(world)
    cases = [
        (reverse("api:suivi_programmes"), {"academie": 200, "bassin": 200, "autre_academie": 200, "partenaire": 403}),
        (
            reverse("api:suivi_programme", args=[programme.pk]),
            {"academie": 200, "bassin": 200, "autre_academie": 404, "partenaire": 403},
        ),
        (reverse("api:tableau_de_bord"), {"academie": 200, "bassin": 200, "autre_academie": 200, "partenaire": 403}),
        (reverse("api:partenaire_offres"), {"academie": 403, "bassin": 403, "autre_academie": 403, "partenaire": 200}),
        (
            reverse("api:partenaire_offre", args=[offre.pk]),
            {"academie": 403, "bassin": 403, "autre_academie": 403, "partenaire": 200},
        ),
    ]
    failures = []
    for url, expected in cases:
        for who, status in expected.items():
            got = client.get(url, **auth(keys[who])).status_code
            if got != status:
                failures.append(f"{url} with the key of {who}: {got} ≠ {status}")
    assert not failures, "\n".join(failures)


def test_the_academie_reads_its_programmes_and_the_frozen_copy(world, client):
    programme = programme_for(world.school)
    add_action(programme, title="Forum des métiers")
    programme_transmit(programme=programme, user=programme.ppo.created_by, justification="Données de test.")
    foreign = programme_for(world.foreign)
    secret = academie_key(world)
    body = client.get(reverse("api:suivi_programmes"), **auth(secret)).json()
    assert [row["uai"] for row in body["results"]] == [world.school.uai]
    assert body["results"][0]["statut"] == "transmis"
    assert body["results"][0]["derniere_transmission"]["numero"] == 1
    detail = client.get(reverse("api:suivi_programme", args=[programme.pk]), **auth(secret)).json()
    assert "Forum des métiers" in str(detail["copie_transmise"])
    assert client.get(reverse("api:suivi_programme", args=[foreign.pk]), **auth(secret)).status_code == 404


def test_a_bassin_key_sees_only_its_bassin(world, client):
    programme_for(world.school)
    programme_for(world.sibling)
    body = client.get(reverse("api:suivi_programmes"), **auth(bassin_key(world))).json()
    assert [row["uai"] for row in body["results"]] == [world.school.uai]


def test_dashboard_figures_and_a_bad_year(world, client):
    programme_for(world.school)
    secret = academie_key(world)
    body = client.get(reverse("api:tableau_de_bord") + "?annee=2025", **auth(secret)).json()
    assert body["annee"] == 2025
    codes = [table["code"] for table in body["tableaux"]]
    assert "statuts" in codes and "heures" in codes
    values = [v for table in body["tableaux"] for row in table["lignes"] for v in row]
    assert not any(isinstance(v, str) and v.endswith("%") for v in values)  # shares are fractions, as in the XLSX
    response = client.get(reverse("api:tableau_de_bord") + "?annee=deux-mille", **auth(secret))
    assert response.status_code == 400 and "annee" in response.json()["erreurs"]


def test_keys_are_stored_hashed_and_every_call_is_logged(world, client):
    secret = academie_key(world)
    key = ApiKey.objects.get()
    assert secret not in (key.digest, key.prefix) and key.prefix == secret[:12]
    client.get(reverse("api:suivi_programmes") + "?annee=2025", **auth(secret))
    call = ApiCall.objects.get()
    assert (call.key, call.method, call.path, call.status) == (
        key,
        "GET",
        "/api/v1/academie/programmes/?annee=2025",
        200,
    )
    key.refresh_from_db()
    assert key.last_used_at is not None


def test_a_revoked_or_orphaned_key_no_longer_opens_anything(world, client):
    secret = academie_key(world)
    api_key_revoke(user=world.users["academie"], key=ApiKey.objects.get())
    response = client.get(reverse("api:suivi_programmes"), **auth(secret))
    assert response.status_code == 401 and "révoquée" in response.json()["detail"]
    departing = user_with(ScopeKind.ACADEMIE, academie=world.school.academie)
    secret = key_for(departing, world.school.academie, ScopeKind.ACADEMIE)
    departing.memberships.update(is_active=False)
    assert client.get(reverse("api:suivi_programmes"), **auth(secret)).status_code == 401
    assert client.get(reverse("api:suivi_programmes"), **auth("ppo_pas-une-vraie-cle")).status_code == 401
    assert client.get(reverse("api:suivi_programmes"), HTTP_AUTHORIZATION="Bearer nimporte").status_code == 401


def test_rate_limited_per_key(world, client, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"key": "2/min", "anonyme": "100/min"},
    }
    secret, other = academie_key(world), bassin_key(world)
    url = reverse("api:suivi_programmes")
    assert [client.get(url, **auth(secret)).status_code for _ in range(3)] == [200, 200, 429]
    limited = client.get(url, **auth(secret))
    assert limited["Content-Type"] == "application/problem+json" and "réessayez" in limited.json()["detail"]
    assert client.get(url, **auth(other)).status_code == 200  # another key keeps its own allowance


def test_a_partner_cannot_create_a_key_for_another_body(world):
    from django.core.exceptions import PermissionDenied

    from ppo.api.services import api_key_create

    with pytest.raises(PermissionDenied):
        api_key_create(
            user=world.users["partenaire"], name="x", scope_kind=ScopeKind.STRUCTURE, target=StructureFactory()
        )
