from django.urls import reverse

from tests.urlcases import UrlCase, logged_in, public


def url_cases(world):
    return [
        UrlCase("core:accueil", reverse("core:accueil"), public()),
        UrlCase("core:tableau_de_bord", reverse("core:tableau_de_bord"), logged_in()),
        UrlCase("core:accessibilite", reverse("core:accessibilite"), public()),
        UrlCase("core:mentions_legales", reverse("core:mentions_legales"), public()),
        UrlCase("core:donnees_personnelles", reverse("core:donnees_personnelles"), public()),
        UrlCase("core:sante", reverse("core:sante"), public()),
    ]
