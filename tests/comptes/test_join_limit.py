"""Join codes: at most JOIN_MAX_FAILURES wrong codes per user and per window, then every code is refused."""

import time
from unittest import mock

import pytest
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.test import Client
from django.urls import reverse

from ppo.comptes import services
from ppo.comptes.enums import Role
from ppo.comptes.models import Membership
from ppo.comptes.services import JOIN_MAX_FAILURES, JOIN_WINDOW_SECONDS, TeamError, membership_request_join
from tests.factories import EtablissementFactory, UserFactory, user_with

pytestmark = pytest.mark.django_db

BLOCKED = "Trop de codes erronés"


@pytest.fixture
def school():
    school = EtablissementFactory(lp=True)
    user_with(Role.DIRECTION, etablissement=school)
    return school


@pytest.fixture
def good_code(school):
    return services.join_code_renew(etablissement=school, by=None).code


def _join(client, code):
    return client.post(reverse("comptes:join"), {"code": code, "role": "lecteur"})


def test_five_wrong_codes_then_even_the_right_one_is_refused(school, good_code):
    teacher = UserFactory()
    client = Client()
    client.force_login(teacher)
    for attempt in range(1, JOIN_MAX_FAILURES + 1):
        response = _join(client, "MAUVAIS1")
        page = response.content.decode()
        assert response.status_code == 400 and "aucun établissement" in page and BLOCKED not in page
        assert services.join_failures(teacher) == attempt
    assert "nombre d’essais permis" in page  # the fifth wrong code says the next one is refused

    response = _join(client, good_code)
    page = response.content.decode()
    assert response.status_code == 400
    assert BLOCKED in page and "pendant une heure" in page
    assert not Membership.objects.filter(user=teacher).exists()
    assert services.join_failures(teacher) == JOIN_MAX_FAILURES  # a refused attempt is not counted


def test_the_last_attempts_are_announced(school):
    teacher = UserFactory()
    messages = []
    for _ in range(JOIN_MAX_FAILURES - 1):
        with pytest.raises(TeamError) as exc:
            membership_request_join(user=teacher, code="MAUVAIS1", role=Role.LECTEUR)
        messages.append(str(exc.value))
    assert "Il vous reste" not in messages[0]
    assert messages[-2].endswith("Il vous reste 2 essais pour l’heure qui vient.")
    assert messages[-1].endswith("Il vous reste 1 essai pour l’heure qui vient.")


def test_the_limit_is_per_user(school, good_code):
    blocked = UserFactory()
    for _ in range(JOIN_MAX_FAILURES):
        with pytest.raises(TeamError):
            membership_request_join(user=blocked, code="MAUVAIS1", role=Role.LECTEUR)
    other = UserFactory()
    membership = membership_request_join(user=other, code=good_code, role=Role.LECTEUR)
    assert membership.etablissement == school and membership.confirmed_at is None


def test_other_mistakes_are_not_counted(school, good_code):
    teacher = UserFactory()
    for _ in range(JOIN_MAX_FAILURES + 1):
        with pytest.raises(TeamError, match="rédacteur ou lecteur"):
            membership_request_join(user=teacher, code=good_code, role=Role.DIRECTION)
    assert services.join_failures(teacher) == 0
    assert membership_request_join(user=teacher, code=good_code, role=Role.REDACTEUR).etablissement == school


def test_the_count_resets_after_the_window(school, good_code):
    teacher = UserFactory()
    for _ in range(JOIN_MAX_FAILURES):
        with pytest.raises(TeamError):
            membership_request_join(user=teacher, code="MAUVAIS1", role=Role.LECTEUR)
    with pytest.raises(TeamError, match=BLOCKED):
        membership_request_join(user=teacher, code=good_code, role=Role.LECTEUR)

    if not isinstance(caches["default"], LocMemCache):
        # A shared cache (CACHE_URL=redis://…, .ci/run) expires keys on its own clock: a window of one second.
        _expires_on_the_cache_clock(teacher, school, good_code)
        return
    # Just before the end of the window: still blocked; just after: the cache entry has expired.
    now = time.time()
    with mock.patch("time.time", return_value=now + JOIN_WINDOW_SECONDS - 5), pytest.raises(TeamError, match=BLOCKED):
        membership_request_join(user=teacher, code=good_code, role=Role.LECTEUR)
    with mock.patch("time.time", return_value=now + JOIN_WINDOW_SECONDS + 1):
        assert services.join_failures(teacher) == 0
        membership = membership_request_join(user=teacher, code=good_code, role=Role.LECTEUR)
    assert membership.etablissement == school


def _expires_on_the_cache_clock(teacher, school, good_code):
    cache.delete(services._join_failures_key(teacher))
    with mock.patch.object(services, "JOIN_WINDOW_SECONDS", 1):
        for _ in range(JOIN_MAX_FAILURES):
            with pytest.raises(TeamError):
                membership_request_join(user=teacher, code="MAUVAIS1", role=Role.LECTEUR)
        with pytest.raises(TeamError, match=BLOCKED):
            membership_request_join(user=teacher, code=good_code, role=Role.LECTEUR)
        time.sleep(1.5)
        assert services.join_failures(teacher) == 0
        assert membership_request_join(user=teacher, code=good_code, role=Role.LECTEUR).etablissement == school


def test_clearing_the_cache_lifts_the_block(school, good_code):
    teacher = UserFactory()
    for _ in range(JOIN_MAX_FAILURES):
        with pytest.raises(TeamError):
            membership_request_join(user=teacher, code="MAUVAIS1", role=Role.LECTEUR)
    cache.clear()
    assert membership_request_join(user=teacher, code=good_code, role=Role.LECTEUR).etablissement == school
