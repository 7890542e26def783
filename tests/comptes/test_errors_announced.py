"""A refused login and a refused `{{ form }}` are announced the same way as every form (ppo.core form_errors)."""

import re

import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_wrong_password_is_announced_at_the_top_and_in_the_title(client):
    UserFactory(email="claire.martin@example.fr")
    response = client.post(reverse("comptes:login"), {"username": "claire.martin@example.fr", "password": "non"})
    html = response.content.decode()
    assert re.search(r"<title>\s*Erreur : Se connecter", html)
    summary = re.search(r"<div[^>]*data-ppo-error-summary>.*?</div>", html, re.S).group(0)
    assert 'role="alert"' in summary and 'tabindex="-1"' in summary
    # The refusal concerns the pair: its link leads to the first field, where one starts again.
    assert '<a href="#id_username">Adresse électronique ou mot de passe incorrect.</a>' in summary
    assert 'class="fr-fieldset fr-fieldset--error" aria-labelledby="login-legend login-messages"' in html
    assert '<p class="fr-message fr-message--error">Adresse électronique ou mot de passe incorrect.</p>' in html
    assert html.count('<div class="fr-fieldset__element">') == 2  # the DSFR's layout of a login block


def test_the_login_page_before_any_attempt_announces_nothing(client):
    html = client.get(reverse("comptes:login")).content.decode()
    assert "data-ppo-error-summary" not in html
    assert not re.search(r"<title>\s*Erreur", html)


def test_a_form_rendered_whole_links_its_field_errors(client):
    html = client.post(reverse("comptes:password_reset"), {"email": "pas-une-adresse"}).content.decode()
    assert re.search(r"<title>\s*Erreur : ", html)
    # The wording comes from the French catalogue of Django REST framework, which takes precedence over Django's.
    assert '<a href="#id_email">Adresse électronique : Saisissez une adresse e-mail valide.</a>' in html
    field = re.search(r'<input[^>]*id="id_email"[^>]*>', html).group(0)
    assert 'aria-invalid="true"' in field and 'aria-describedby="id_email-desc-error"' in field
