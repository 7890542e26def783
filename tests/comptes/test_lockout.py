"""Five wrong passwords for one account from one address block that address for that account, not the owner."""

import re

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db
LOGIN = reverse("comptes:login")
ATTACKER, OWNER = "203.0.113.7", "198.51.100.20"


def _fail(client, username, times=None):
    for _ in range(times or settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN, {"username": username, "password": "mauvais"})


def _logs_in(client, email, password=PASSWORD):
    response = client.post(LOGIN, {"username": email, "password": password})
    return response.status_code == 302 and "_auth_user_id" in client.session


@pytest.fixture
def owner():
    return UserFactory(email="cible@example.fr")


def test_the_blocked_address_cannot_log_in_even_with_the_right_password(owner):
    attacker = Client(REMOTE_ADDR=ATTACKER)
    _fail(attacker, owner.email)
    response = attacker.post(LOGIN, {"username": owner.email, "password": PASSWORD})
    assert response.status_code == 429
    assert "Trop de tentatives de connexion" in response.content.decode()


def test_the_owner_still_logs_in_from_another_address(owner):
    _fail(Client(REMOTE_ADDR=ATTACKER), owner.email)
    assert _logs_in(Client(REMOTE_ADDR=OWNER), owner.email)


def test_the_blocked_address_may_still_log_in_to_another_account(owner):
    other = UserFactory(email="collegue@example.fr")
    attacker = Client(REMOTE_ADDR=ATTACKER)
    _fail(attacker, owner.email)
    assert _logs_in(attacker, other.email)


def test_varying_the_case_of_the_address_gives_no_extra_tries(owner):
    attacker = Client(REMOTE_ADDR=ATTACKER)
    for variant in (
        "cible@example.fr",
        "CIBLE@example.fr",
        "Cible@Example.fr",
        " cible@example.fr",
        "cible@EXAMPLE.FR",
    ):
        attacker.post(LOGIN, {"username": variant, "password": "mauvais"})
    assert attacker.post(LOGIN, {"username": owner.email, "password": PASSWORD}).status_code == 429
    assert AccessAttempt.objects.get().username == "cible@example.fr"


def test_four_mistakes_then_success_start_the_count_again(owner):
    client = Client(REMOTE_ADDR=OWNER)
    _fail(client, owner.email, times=settings.AXES_FAILURE_LIMIT - 1)
    assert _logs_in(client, owner.email)
    client.post(reverse("comptes:logout"))
    _fail(client, owner.email, times=settings.AXES_FAILURE_LIMIT - 1)
    assert _logs_in(client, owner.email)


def test_a_password_reset_lifts_the_block(owner):
    blocked = Client(REMOTE_ADDR=OWNER)
    _fail(blocked, owner.email)
    assert blocked.post(LOGIN, {"username": owner.email, "password": PASSWORD}).status_code == 429
    blocked.post(reverse("comptes:password_reset"), {"email": owner.email})
    path = re.search(r"https?://[^/\s]+(/compte/mot-de-passe/nouveau/\S+/)", mail.outbox[0].body).group(1)
    form_page = blocked.get(path, follow=True)
    new_password = "Une-phrase-de-passe-2026"
    blocked.post(form_page.redirect_chain[-1][0], {"new_password1": new_password, "new_password2": new_password})
    assert not AccessAttempt.objects.filter(username=owner.email).exists()
    assert _logs_in(blocked, owner.email, new_password)


def test_the_lockout_page_offers_the_password_reset(owner):
    attacker = Client(REMOTE_ADDR=ATTACKER)
    _fail(attacker, owner.email)
    locked = attacker.post(LOGIN, {"username": owner.email, "password": "mauvais"})
    assert reverse("comptes:password_reset") in locked.content.decode()


def test_an_expired_block_is_lifted(owner, settings):
    import datetime

    from django.utils import timezone

    attacker = Client(REMOTE_ADDR=ATTACKER)
    _fail(attacker, owner.email)
    AccessAttempt.objects.update(
        attempt_time=timezone.now() - datetime.timedelta(hours=settings.AXES_COOLOFF_TIME, minutes=1)
    )
    assert _logs_in(attacker, owner.email)


PROXY = "127.0.0.1"


def _behind_proxy(address):
    """A browser at `address`, reaching the application through the reverse proxy on the same machine."""
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=address)


def test_behind_the_proxy_the_owner_still_logs_in_from_another_address(owner):
    _fail(_behind_proxy(ATTACKER), owner.email)
    assert _behind_proxy(ATTACKER).post(LOGIN, {"username": owner.email, "password": PASSWORD}).status_code == 429
    assert _logs_in(_behind_proxy(OWNER), owner.email)
    assert AccessAttempt.objects.get().ip_address == ATTACKER


def test_a_client_cannot_choose_its_address_by_sending_x_forwarded_for(owner):
    """Not from a trusted proxy: the header is ignored, five tries with five made-up addresses still block."""
    for i in range(settings.AXES_FAILURE_LIMIT):
        Client(REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR=f"192.0.2.{i}").post(
            LOGIN, {"username": owner.email, "password": "mauvais"}
        )
    response = Client(REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR="192.0.2.99").post(
        LOGIN, {"username": owner.email, "password": PASSWORD}
    )
    assert response.status_code == 429


@pytest.mark.parametrize(
    ("remote", "forwarded", "expected"),
    [
        ("127.0.0.1", "203.0.113.7", "203.0.113.7"),
        ("127.0.0.1", "198.51.100.1, 203.0.113.7", "203.0.113.7"),  # the last address, written by our proxy
        ("127.0.0.1", "203.0.113.7, 10.0.0.2", "203.0.113.7"),  # a second trusted proxy (TRUSTED_PROXY_IPS)
        ("127.0.0.1", "", "127.0.0.1"),
        ("127.0.0.1", "n’importe quoi", "127.0.0.1"),
        ("203.0.113.9", "198.51.100.1", "203.0.113.9"),  # not a proxy: the header is ignored
    ],
)
def test_client_address(settings, remote, forwarded, expected):
    from django.test import RequestFactory

    from ppo.comptes.lockout import client_ip

    settings.TRUSTED_PROXY_IPS = ["127.0.0.1", "::1", "10.0.0.0/8"]
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected
