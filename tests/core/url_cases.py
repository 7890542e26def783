from django.urls import reverse

from tests.urlcases import UrlCase, logged_in, public


def url_cases(world):
    return [
        UrlCase("portail:accueil", reverse("portail:accueil"), public()),
        UrlCase("portail:tableau_de_bord", reverse("portail:tableau_de_bord"), logged_in()),
        UrlCase("portail:accessibilite", reverse("portail:accessibilite"), public()),
        UrlCase("portail:mentions_legales", reverse("portail:mentions_legales"), public()),
        UrlCase("portail:donnees_personnelles", reverse("portail:donnees_personnelles"), public()),
        UrlCase("portail:sante", reverse("portail:sante"), public()),
    ]
