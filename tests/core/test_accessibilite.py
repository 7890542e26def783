import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_statement_says_what_was_checked_and_what_is_not_yet_conform(client):
    html = client.get(reverse("portail:accessibilite")).content.decode()
    assert "<strong>partiellement conforme</strong>" in html
    assert "Aucun audit complet n’a encore été réalisé" in html
    assert "<strong>au clavier seul</strong>" in html and "<strong>320 pixels CSS</strong>" in html
    for section in (
        "Résultats des tests",
        "Non-conformités connues",
        "Parties non encore vérifiées",
        "Établissement de cette déclaration",
        "Voies de recours",
    ):
        assert section in html
    # Linked from every page's footer, as the DSFR does, with the state of conformity in the link.
    home = client.get(reverse("portail:accueil")).content.decode()
    assert f'href="{reverse("portail:accessibilite")}">Accessibilité : partiellement conforme</a>' in home
