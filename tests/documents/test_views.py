import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from icalendar import Calendar
from pypdf import PdfReader

from ppo.comptes.enums import Role
from ppo.plans.enums import StatutProgramme
from ppo.plans.lifecycle import force_status
from tests.documents.factories import rich_programme
from tests.factories import EtablissementFactory, user_with


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_page_lists_every_export_with_format_and_size(client, rich, direction):
    client.force_login(direction)
    response = client.get(reverse("documents:programme", args=[rich.pk]))
    text = response.content.decode()
    assert response.status_code == 200
    for label in ("Word", "PDF", "Excel", "iCalendar"):
        assert f"{label} – " in text
    assert "Programme pour les familles" in text
    assert text.count("fr-link--download") == 5
    assert " ko</span>" in text
    assert "Créer le lien d’abonnement" in text
    assert reverse("documents:import_upload", args=[rich.ppo_id]) in text


@pytest.mark.parametrize("name", ["programme", "docx", "xlsx", "ics"])
def test_query_count_does_not_grow_with_the_programme(client, db, name):
    counts = []
    for extra in (0, 30):
        etablissement = EtablissementFactory(lp=True)
        user = user_with(Role.DIRECTION, etablissement=etablissement)
        programme = rich_programme(etablissement=etablissement, user=user, extra_actions=extra)
        client.force_login(user)
        if name == "programme":
            url = reverse("documents:programme", args=[programme.pk])
        else:
            url = reverse("documents:download", args=[programme.pk, name])
        counts.append(_queries(client, url))
    assert counts[0] == counts[1]


def test_downloads_have_their_type_and_name(client, rich, direction):
    client.force_login(direction)
    expected = {
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "pdf": "application/pdf",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "ics": "text/calendar; charset=utf-8",
    }
    for fmt, content_type in expected.items():
        response = client.get(reverse("documents:download", args=[rich.pk, fmt]))
        assert response["Content-Type"] == content_type
        assert (
            response["Content-Disposition"]
            == f'attachment; filename="ppo-{rich.ppo.etablissement.uai.lower()}-2025-2026.{fmt}"'
        )


def test_family_pdf_is_public_once_published(client, rich, direction):
    url = reverse("documents:public_pdf", args=[rich.public_id])
    assert client.get(url).status_code == 404
    force_status(programme=rich, status=StatutProgramme.PUBLIE, user=direction)
    response = client.get(url)
    assert response.status_code == 200
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Entretiens personnalisés d’orientation" in text
    assert "Prévoir une salle calme" not in text
    assert "Proviseure adjointe" not in text


def test_renewing_the_calendar_link_invalidates_the_old_one(client, rich, direction, lp):
    client.force_login(direction)
    page = reverse("documents:programme", args=[rich.pk])
    renew = reverse("documents:calendar_renew", args=[lp.pk])
    assert client.post(renew, {"next": page})["Location"] == page
    first = lp.calendar_token.token
    feed = reverse("documents:calendar_feed", args=[first])
    assert feed in client.get(page).content.decode()
    client.logout()
    response = client.get(feed)
    assert response.status_code == 200
    calendar = Calendar.from_ical(response.content)
    assert len(calendar.walk("VEVENT")) == 3
    client.force_login(direction)
    client.post(renew, {"next": "https://ailleurs.example/"})
    lp.calendar_token.refresh_from_db()
    assert lp.calendar_token.token != first
    assert client.get(feed).status_code == 404
    assert client.get(reverse("documents:calendar_feed", args=[lp.calendar_token.token])).status_code == 200


def test_redacteur_sees_the_link_but_cannot_renew(client, rich, direction, lp):
    client.force_login(direction)
    client.post(reverse("documents:calendar_renew", args=[lp.pk]))
    redacteur = user_with(Role.REDACTEUR, etablissement=lp)
    client.force_login(redacteur)
    text = client.get(reverse("documents:programme", args=[rich.pk])).content.decode()
    assert lp.calendar_token.token in text
    assert "Renouveler le lien" not in text
    assert "Importer un document Word" not in text


def test_document_content_takes_a_fixed_number_of_queries(lp, direction, django_assert_num_queries):
    from ppo.documents.selectors import programme_document

    small = rich_programme(etablissement=lp, user=direction)
    other = EtablissementFactory(lp=True)
    large = rich_programme(etablissement=other, user=user_with(Role.DIRECTION, etablissement=other), extra_actions=40)
    for programme in (small, large):
        with django_assert_num_queries(12):
            programme_document(programme=programme)


def test_temps_forts_of_the_academie_join_the_calendars(client, rich, direction, lp):
    import datetime

    from docx import Document

    from ppo.campagnes.models import Campagne, TempsFort

    campagne = Campagne.objects.create(
        academie=lp.academie, year=2025, deadline=datetime.date(2026, 3, 27), kinds=["lp"]
    )
    TempsFort.objects.create(
        campagne=campagne,
        label="Semaine de l’orientation",
        start_date=datetime.date(2026, 1, 26),
        end_date=datetime.date(2026, 1, 30),
    )
    client.force_login(direction)
    data = client.get(reverse("documents:download", args=[rich.pk, "docx"])).content
    calendar_rows = [r.cells[1].text for t in Document(io.BytesIO(data)).tables for r in t.rows]
    assert "Semaine de l’orientation (temps fort de l’académie)" in calendar_rows
    client.post(reverse("documents:calendar_renew", args=[lp.pk]))
    lp.refresh_from_db()
    feed = client.get(reverse("documents:calendar_feed", args=[lp.calendar_token.token])).content
    titles = [str(e["summary"]) for e in Calendar.from_ical(feed).walk("VEVENT")]
    assert "Semaine de l’orientation (temps fort de l’académie)" in titles


def test_public_programme_page_links_to_the_family_pdf(client, rich, direction):
    force_status(programme=rich, status=StatutProgramme.PUBLIE, user=direction)
    html = client.get(reverse("plans:public_programme", kwargs={"public_id": rich.public_id})).content.decode()
    url = reverse("documents:public_pdf", args=[rich.public_id])
    # No `download` attribute: while the PDF is prepared, the link opens the waiting page instead of saving it.
    assert (
        f'<a class="fr-link fr-link--download" href="{url}">Télécharger le programme pour les familles '
        '<span class="fr-link__detail">PDF, à imprimer</span></a>' in html
    )
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
