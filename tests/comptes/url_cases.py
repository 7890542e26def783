from django.urls import reverse

from tests.urlcases import UrlCase, expect, logged_in, public


def url_cases(world):
    return [
        # A logged-in user asking for the login page is sent to their dashboard.
        UrlCase("comptes:login", reverse("comptes:login"), expect(302, anonyme=200)),
        # Logout only answers POST.
        UrlCase("comptes:logout", reverse("comptes:logout"), expect(405)),
        UrlCase("comptes:password_reset", reverse("comptes:password_reset"), public()),
        UrlCase("comptes:password_reset_done", reverse("comptes:password_reset_done"), public()),
        UrlCase(
            "comptes:password_reset_confirm",
            reverse("comptes:password_reset_confirm", kwargs={"uidb64": "MQ", "token": "jeton-invalide"}),
            public(),
        ),
        UrlCase("comptes:password_reset_complete", reverse("comptes:password_reset_complete"), public()),
        UrlCase("comptes:account", reverse("comptes:account"), logged_in()),
        UrlCase("comptes:switch_membership", reverse("comptes:switch_membership"), logged_in(405)),
    ]
