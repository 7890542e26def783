import re

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import Resolver404, resolve, reverse

from ppo.comptes.enums import Role
from ppo.comptes.middleware import SESSION_KEY
from ppo.comptes.oidc import PPOOIDCBackend
from tests.factories import PASSWORD, EtablissementFactory, MembershipFactory, UserFactory, user_with

pytestmark = pytest.mark.django_db


def login(client, email, password):
    return client.post(reverse("comptes:login"), {"username": email, "password": password})


def test_login_by_email_is_case_insensitive(client):
    user = UserFactory(email="claire.martin@example.fr")
    response = login(client, "  Claire.Martin@EXAMPLE.fr ", PASSWORD)
    assert response.status_code == 302 and response.url == reverse("portail:tableau_de_bord")
    assert client.session["_auth_user_id"] == str(user.pk)


def test_wrong_password_gives_a_french_message(client):
    UserFactory(email="claire.martin@example.fr")
    response = login(client, "claire.martin@example.fr", "pas-le-bon")
    assert response.status_code == 200
    assert "Adresse électronique ou mot de passe incorrect." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_inactive_accounts_cannot_log_in(client):
    UserFactory(email="parti@example.fr", is_active=False)
    response = login(client, "parti@example.fr", PASSWORD)
    assert response.status_code == 200 and "_auth_user_id" not in client.session


def test_logout_by_post_only(client):
    client.force_login(UserFactory())
    assert client.get(reverse("comptes:logout")).status_code == 405
    assert "_auth_user_id" in client.session
    response = client.post(reverse("comptes:logout"))
    assert response.status_code == 302 and response.url == reverse("portail:accueil")
    assert "_auth_user_id" not in client.session


def test_password_reset_mail_has_a_working_link(client):
    user = UserFactory(email="oubli@example.fr")
    response = client.post(reverse("comptes:password_reset"), {"email": "Oubli@Example.fr"})
    assert response.url == reverse("comptes:password_reset_done")
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["oubli@example.fr"]
    path = re.search(r"https?://[^/\s]+(/compte/mot-de-passe/nouveau/\S+/)", mail.outbox[0].body).group(1)
    form_page = client.get(path, follow=True)
    assert "Nouveau mot de passe" in form_page.content.decode()
    new_password = "Une-phrase-de-passe-2026"
    done = client.post(form_page.redirect_chain[-1][0], {"new_password1": new_password, "new_password2": new_password})
    assert done.url == reverse("comptes:password_reset_complete")
    user.refresh_from_db()
    assert user.check_password(new_password)
    # The link works once.
    assert "Ce lien n’est plus valable" in client.get(path, follow=True).content.decode()


def test_password_reset_for_an_unknown_address_sends_nothing_and_says_the_same(client):
    response = client.post(reverse("comptes:password_reset"), {"email": "inconnu@example.fr"})
    assert response.url == reverse("comptes:password_reset_done")
    assert mail.outbox == []


def test_role_switcher(client):
    lp, college = EtablissementFactory(lp=True), EtablissementFactory(college=True)
    user = user_with(Role.DIRECTION, etablissement=lp)
    reader = MembershipFactory(user=user, role=Role.LECTEUR, etablissement=college)
    client.force_login(user)
    assert lp.name in client.get(reverse("portail:tableau_de_bord")).content.decode()
    response = client.post(reverse("comptes:switch_membership"), {"membership": reader.pk}, follow=True)
    assert client.session[SESSION_KEY] == reader.pk
    assert "Vous travaillez maintenant en tant que : Lecteur" in response.content.decode()
    assert response.context["request"].membership.pk == reader.pk


def test_cannot_switch_to_someone_elses_membership(client):
    user = user_with(Role.DIRECTION, etablissement=EtablissementFactory())
    stranger = MembershipFactory(role=Role.ACADEMIE, academie=user.memberships.get().etablissement.academie)
    client.force_login(user)
    response = client.post(reverse("comptes:switch_membership"), {"membership": stranger.pk}, follow=True)
    assert "n’existe pas ou n’est pas le vôtre" in response.content.decode()
    assert SESSION_KEY not in client.session
    assert response.context["request"].membership.role == Role.DIRECTION


def test_cannot_switch_to_a_pending_membership(client):
    user = user_with(Role.REDACTEUR, etablissement=EtablissementFactory())
    pending = MembershipFactory(user=user, role=Role.LECTEUR, etablissement=EtablissementFactory(), confirmed_at=None)
    client.force_login(user)
    client.post(reverse("comptes:switch_membership"), {"membership": pending.pk})
    assert SESSION_KEY not in client.session


def test_oidc_is_off_by_default():
    assert settings.OIDC_ENABLED is False
    assert "ppo.comptes.oidc.PPOOIDCBackend" not in settings.AUTHENTICATION_BACKENDS
    with pytest.raises(Resolver404):
        resolve("/oidc/authenticate/")
    assert Client().get("/oidc/callback/").status_code == 404


def test_oidc_backend_matches_active_users_by_email():
    user = UserFactory(email="agent@education.gouv.fr", first_name="", last_name="")
    UserFactory(email="parti@education.gouv.fr", is_active=False)
    backend = PPOOIDCBackend()
    assert list(backend.filter_users_by_claims({"email": " Agent@Education.Gouv.fr "})) == [user]
    assert not backend.filter_users_by_claims({"email": "parti@education.gouv.fr"}).exists()
    assert not backend.filter_users_by_claims({}).exists()
    backend.update_user(user, {"given_name": "Agnès", "usual_name": "Durand"})
    user.refresh_from_db()
    assert (user.first_name, user.last_name) == ("Agnès", "Durand")


def test_oidc_does_not_create_accounts():
    assert settings.OIDC_CREATE_USER is False


def test_account_page_lists_memberships_and_offers_to_join_a_school(client):
    membership = MembershipFactory(redacteur=True)
    client.force_login(membership.user)
    html = client.get(reverse("comptes:account")).content.decode()
    assert membership.etablissement.name in html
    assert reverse("comptes:join") in html
