"""The 403, 404 and 500 pages: French, in the site's look, and the 500 one without a request nor a database."""

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.test import Client, RequestFactory
from django.urls import reverse
from django.views.defaults import permission_denied, server_error

from ppo.comptes.enums import Role
from tests.factories import EtablissementFactory, user_with

pytestmark = pytest.mark.django_db


def test_a_redacteur_on_a_direction_page_reads_why_in_french(client):
    school = EtablissementFactory(lp=True)
    client.force_login(user_with(Role.REDACTEUR, etablissement=school))
    response = client.get(reverse("comptes:team", args=[school.uai]))
    assert response.status_code == 403
    assert [t.name for t in response.templates][0] == "403.html"
    page = response.content.decode()
    assert "<h1>Accès refusé</h1>" in page
    assert "Seule la direction de l’établissement gère son équipe." in page
    assert "Forbidden" not in page
    assert 'lang="fr"' in page and "fr-header" in page and 'id="footer"' in page
    assert reverse("portail:tableau_de_bord") in page


def test_a_403_without_message_gets_a_general_sentence(rf):
    request = rf.get("/")
    request.user = AnonymousUser()
    page = permission_denied(request, PermissionDenied()).content.decode()
    assert "Vous n’avez pas le droit d’ouvrir cette page." in page


def test_an_unknown_url_gets_the_french_404(client):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "<h1>Page non trouvée</h1>" in page
    assert "Erreur 404" in page and "Not Found" not in page
    assert "Se connecter" in page  # the 404 page knows who is asking: the header is the usual one


def test_the_500_page_renders_without_request_context_nor_database(django_assert_num_queries):
    request = RequestFactory().get("/")  # no user, no session: server_error renders with an empty context
    with django_assert_num_queries(0):
        response = server_error(request)
    assert response.status_code == 500
    page = response.content.decode()
    assert "<h1>Erreur inattendue</h1>" in page and "Erreur 500" in page
    assert f"<title>Erreur inattendue — {settings.SITE_TITLE}</title>" in page
    assert "Se connecter" not in page  # who is asking is unknown there
    assert reverse("portail:accueil") in page and reverse("portail:mentions_legales") in page


urlpatterns = []  # a urlconf without the project's pages, as the one of a request that failed may be


def test_the_500_page_renders_even_when_its_links_cannot_be_reversed(settings):
    settings.ROOT_URLCONF = __name__
    page = server_error(RequestFactory().get("/")).content.decode()
    assert "<h1>Erreur inattendue</h1>" in page
    assert 'href="/">Page d’accueil</a>' in page


def test_a_refused_csrf_token_gets_the_french_page():
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("comptes:login"), {"username": "x@example.fr", "password": "x"})
    assert response.status_code == 403
    page = response.content.decode()
    assert "<h1>Formulaire expiré</h1>" in page and "rien n’a été enregistré" in page
    assert "CSRF" not in page and "Forbidden" not in page
