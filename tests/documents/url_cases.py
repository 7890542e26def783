import datetime

from django.urls import reverse
from django.utils import timezone

from ppo.documents.models import WordImport
from ppo.documents.services import calendar_token_renew
from ppo.plans.enums import StatutProgramme
from ppo.plans.lifecycle import force_status
from ppo.plans.services import ppo_create, programme_create
from tests.urlcases import UrlCase, expect, logged_in, public

NOT_FOUND = 404


def _staff_only(**extra):
    """The school's staff and the platform admins; the académie and the bassin only once transmitted."""
    return logged_in(NOT_FOUND, direction=200, redacteur=200, lecteur=200, admin=200, **extra)


def _direction_only(ok: int):
    """Direction acts; the others who see the school get 403; the rest 404."""
    return logged_in(NOT_FOUND, direction=ok, redacteur=403, lecteur=403, academie=403, bassin=403, admin=403)


def url_cases(world):
    direction = world.users["direction"]
    ppo = ppo_create(etablissement=world.school, first_year=2035, years=4, user=direction)
    draft = ppo.programmes.get(year=2035)
    transmitted = programme_create(ppo=ppo, year=2036, user=direction)
    force_status(programme=transmitted, status=StatutProgramme.TRANSMIS, user=direction)
    published = programme_create(ppo=ppo, year=2037, user=direction)
    force_status(programme=published, status=StatutProgramme.PUBLIE, user=direction)
    token = calendar_token_renew(etablissement=world.school, user=direction)
    word_import = WordImport.objects.create(
        ppo=ppo,
        year=2038,
        owner=direction,
        filename="ppo.docx",
        parsed={
            "header": {},
            "objectifs": [],
            "axes": [],
            "actions": [],
            "ressources": [],
            "ressource_labels": [],
            "unrecognised": [],
            "warnings": [],
        },
        expires_at=timezone.now() + datetime.timedelta(hours=1),
    )
    supervised = _staff_only(academie=200, bassin=200)
    cases = [
        UrlCase("documents:programme", reverse("documents:programme", args=[draft.pk]), _staff_only()),
        UrlCase("documents:programme", reverse("documents:programme", args=[transmitted.pk]), supervised),
        UrlCase("documents:family_pdf", reverse("documents:family_pdf", args=[draft.pk]), _staff_only()),
        UrlCase("documents:public_pdf", reverse("documents:public_pdf", args=[published.public_id]), public()),
        UrlCase("documents:public_pdf", reverse("documents:public_pdf", args=[draft.public_id]), expect(NOT_FOUND)),
        UrlCase(
            "documents:public_pdf", reverse("documents:public_pdf", args=[transmitted.public_id]), expect(NOT_FOUND)
        ),
        UrlCase("documents:calendar_feed", reverse("documents:calendar_feed", args=[token.token]), public()),
        UrlCase(
            "documents:public_calendar",
            reverse("documents:public_calendar", args=[world.school.uai]) + "?niveau=2nde-pro",
            public(),
        ),
        UrlCase(
            "documents:public_calendar", reverse("documents:public_calendar", args=["0000000A"]), expect(NOT_FOUND)
        ),
        UrlCase("documents:calendar_feed", reverse("documents:calendar_feed", args=["inconnu"]), expect(NOT_FOUND)),
        UrlCase(
            "documents:download",
            reverse("documents:download", args=[draft.pk, "doc"]),
            logged_in(NOT_FOUND),  # unknown format
        ),
        UrlCase(
            "documents:calendar_renew",
            reverse("documents:calendar_renew", args=[world.school.pk]),
            _direction_only(302),
            method="post",
        ),
        UrlCase("documents:import_upload", reverse("documents:import_upload", args=[ppo.pk]), _direction_only(200)),
        UrlCase(
            "documents:import_preview",
            reverse("documents:import_preview", args=[word_import.pk]),
            logged_in(NOT_FOUND, direction=200),
        ),
        UrlCase(
            "documents:import_confirm",
            reverse("documents:import_confirm", args=[word_import.pk]),
            logged_in(NOT_FOUND, direction=302),
            method="post",
            data={"year": "2038"},
        ),
    ]
    for fmt in ("docx", "pdf", "xlsx", "ics"):
        cases.append(UrlCase("documents:download", reverse("documents:download", args=[draft.pk, fmt]), _staff_only()))
        cases.append(
            UrlCase("documents:download", reverse("documents:download", args=[transmitted.pk, fmt]), supervised)
        )
    return cases
