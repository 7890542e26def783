"""The key pages: created and shown once, listed by prefix, revoked after a confirmation."""

import pytest
from django.urls import reverse

from ppo.api.models import ApiKey

pytestmark = pytest.mark.django_db


def test_create_shows_the_secret_once_and_stores_only_its_digest(world, client):
    client.force_login(world.users["academie"])
    response = client.post(reverse("api:keys"), {"name": "ARENA", "scope": f"academie:{world.school.academie.pk}"})
    assert response.status_code == 200
    secret = response.context["secret"]
    assert secret.startswith("ppo_") and secret.encode() in response.content
    key = ApiKey.objects.get()
    assert key.academie == world.school.academie and key.created_by == world.users["academie"]
    listing = client.get(reverse("api:keys"))
    assert secret.encode() not in listing.content and key.prefix.encode() in listing.content


def test_a_scope_outside_the_person_is_refused(world, client):
    client.force_login(world.users["academie"])
    response = client.post(reverse("api:keys"), {"name": "X", "scope": f"academie:{world.foreign.academie.pk}"})
    assert response.status_code == 400 and not ApiKey.objects.exists()
    response = client.post(reverse("api:keys"), {"name": "", "scope": f"academie:{world.school.academie.pk}"})
    assert response.status_code == 400 and not ApiKey.objects.exists()


def test_revoke_asks_for_confirmation_then_revokes(world, client):
    client.force_login(world.users["partenaire"])
    client.post(reverse("api:keys"), {"name": "Portail", "scope": f"structure:{world.structure.pk}"})
    key = ApiKey.objects.get()
    page = client.get(reverse("api:key_revoke", args=[key.pk]))
    assert page.status_code == 200 and "ne peut pas être annulée" in page.content.decode()
    key.refresh_from_db()
    assert key.is_active
    response = client.post(reverse("api:key_revoke", args=[key.pk]))
    assert response.status_code == 302
    key.refresh_from_db()
    assert not key.is_active and key.revoked_by == world.users["partenaire"]
    client.force_login(world.users["academie"])
    assert client.post(reverse("api:key_revoke", args=[key.pk])).status_code == 403
