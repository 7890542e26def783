from django.urls import reverse

from ppo.comptes.enums import Role
from tests.factories import MembershipFactory
from tests.urlcases import UrlCase, expect, logged_in, public


def url_cases(world):
    school = world.school
    uai = school.uai
    member = MembershipFactory(role=Role.REDACTEUR, etablissement=school)
    pending = MembershipFactory(role=Role.LECTEUR, etablissement=school, confirmed_at=None)
    to_refuse = MembershipFactory(role=Role.LECTEUR, etablissement=school, confirmed_at=None)

    def team(ok):
        """The direction manages the team (and operators); those who see the school get 403; others 404."""
        return logged_in(404, direction=ok, admin=ok, redacteur=403, lecteur=403, academie=403, bassin=403)

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
        UrlCase(
            "comptes:account",
            reverse("comptes:account"),
            logged_in(302),
            method="post",
            data={"receives_reminders": "on"},
        ),
        UrlCase("comptes:switch_membership", reverse("comptes:switch_membership"), logged_in(405)),
        UrlCase("comptes:join", reverse("comptes:join"), logged_in()),
        UrlCase(
            "comptes:join",
            reverse("comptes:join"),
            logged_in(400),
            method="post",
            data={"code": "PASUNCODE", "role": "lecteur"},
        ),
        UrlCase("comptes:team", reverse("comptes:team", args=[uai]), team(200)),
        UrlCase(
            "comptes:team_invite",
            reverse("comptes:team_invite", args=[uai]),
            team(400),
            method="post",
            data={"email": "pas-une-adresse", "role": "redacteur"},
        ),
        UrlCase("comptes:team_code", reverse("comptes:team_code", args=[uai]), team(302), method="post"),
        UrlCase(
            "comptes:team_deactivate",
            reverse("comptes:team_deactivate", args=[uai, member.pk]),
            team(302),
            method="post",
        ),
        UrlCase(
            "comptes:team_confirm", reverse("comptes:team_confirm", args=[uai, pending.pk]), team(302), method="post"
        ),
        # The direction refuses (deletes) the request first; when the admin's turn comes it no longer exists.
        UrlCase(
            "comptes:team_refuse",
            reverse("comptes:team_refuse", args=[uai, to_refuse.pk]),
            team(302) | {"admin": 404},
            method="post",
        ),
        UrlCase("comptes:team_refuse", reverse("comptes:team_refuse", args=[uai, to_refuse.pk]), logged_in(405)),
    ]
