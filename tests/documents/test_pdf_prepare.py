"""PDFs prepared by a background task (ADR 011): waiting page, htmx status, staleness, scheduling after changes,
the fallback that builds in the request, and a real `db_worker` run."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from ppo.documents import services
from ppo.documents.models import PreparedPdf
from ppo.documents.tasks import prepare_programme_pdf
from ppo.plans.enums import StatutProgramme
from ppo.plans.models import ProgrammeAnnuel

DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def worker(settings):
    """Tasks are queued for a worker (kept in memory by the dummy backend, not run)."""
    from django_tasks import task_backends

    settings.TASKS = DUMMY
    backend = task_backends["default"]
    backend.clear()
    return backend


def _queued(backend):
    return [(r.task.func.__name__, r.args, r.task.run_after) for r in backend.results]


def _pdf_url(programme):
    return reverse("documents:download", args=[programme.pk, "pdf"])


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_a_download_waits_for_the_worker_then_serves_the_prepared_file(client, rich, direction, worker):
    client.force_login(direction)
    response = client.get(_pdf_url(rich))
    assert response.status_code == 202
    text = response.content.decode()
    assert "Préparation du PDF" in text and "en cours de mise en page" in text
    assert f'hx-get="{_pdf_url(rich)}"' in text and 'hx-trigger="every 2s"' in text
    assert _queued(worker) == [("prepare_programme_pdf", [rich.pk, False], None)]

    assert client.get(_pdf_url(rich)).status_code == 202
    assert len(worker.results) == 1  # asked once for the same content

    prepare_programme_pdf.call(rich.pk, False)  # what the worker runs
    response = client.get(_pdf_url(rich))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pdf = b"".join(response.streaming_content) if response.streaming else response.content
    assert "Maurice Marland" in _text(pdf)
    prepared = PreparedPdf.objects.get(programme=rich, public=False)
    assert prepared.build_ms > 0 and prepared.built_at is not None and prepared.error == ""


def test_the_htmx_status_says_when_the_file_is_ready_and_stops_polling(client, rich, direction, worker):
    client.force_login(direction)
    pending = client.get(_pdf_url(rich), headers={"HX-Request": "true"})
    assert pending.status_code == 200
    assert "en cours de mise en page" in pending.content.decode()
    services.pdf_prepare(programme_id=rich.pk, public=False)
    ready = client.get(_pdf_url(rich), headers={"HX-Request": "true"})
    assert ready.status_code == 286  # htmx stops polling
    text = ready.content.decode()
    assert "Le PDF est prêt" in text and f'href="{_pdf_url(rich)}"' in text and " ko" in text
    line = client.get(_pdf_url(rich) + "?vue=ligne", headers={"HX-Request": "true"})
    assert line.status_code == 286 and line.content.decode().strip().endswith("ko")


def test_a_change_of_the_programme_is_never_served_from_a_stale_file(client, rich, direction, worker):
    services.pdf_prepare(programme_id=rich.pk, public=False)
    client.force_login(direction)
    assert client.get(_pdf_url(rich)).status_code == 200
    action = rich.actions.order_by("pk").first()
    action.title = "Forum des métiers de la mer"
    action.save()
    worker.clear()
    assert client.get(_pdf_url(rich)).status_code == 202
    assert _queued(worker) == [("prepare_programme_pdf", [rich.pk, False], None)]
    prepare_programme_pdf.call(rich.pk, False)
    response = client.get(_pdf_url(rich))
    assert response.status_code == 200
    assert "Forum des métiers de la mer" in _text(response.content)


def test_changes_schedule_one_preparation_after_the_commit(rich, worker, django_capture_on_commit_callbacks):
    before = timezone.now()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        for action in rich.actions.all():
            action.title += " (revu)"
            action.save()
    assert callbacks
    queued = _queued(worker)
    assert [(name, args) for name, args, _ in queued] == [("prepare_programme_pdf", [rich.pk, False])]
    run_after = queued[0][2]
    assert before + services.PDF_SCHEDULE_DELAY <= run_after <= timezone.now() + services.PDF_SCHEDULE_DELAY

    # While that preparation is pending, more changes add nothing: the task reads the content when it runs.
    with django_capture_on_commit_callbacks(execute=True):
        rich.actions.first().save()
    assert len(worker.results) == 1

    # Once it is due, a new change schedules again; a published programme also gets its family version.
    PreparedPdf.objects.update(scheduled_for=timezone.now() - datetime.timedelta(seconds=1))
    ProgrammeAnnuel.objects.filter(pk=rich.pk).update(status=StatutProgramme.PUBLIE)
    worker.clear()
    with django_capture_on_commit_callbacks(execute=True):
        rich.actions.first().save()
    assert sorted(args[1] for _, args, _ in _queued(worker)) == [False, True]


def test_a_rolled_back_change_schedules_nothing(rich, worker, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                rich.actions.first().save()
                raise RuntimeError
        except RuntimeError:
            pass
    assert worker.results == []


def test_deleting_a_programme_with_its_actions_leaves_nothing_behind(rich, worker, django_capture_on_commit_callbacks):
    services.pdf_prepare(programme_id=rich.pk, public=False)
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        ProgrammeAnnuel.objects.get(pk=rich.pk).delete()
    assert not PreparedPdf.objects.exists()
    assert worker.results == []
    assert services.pdf_prepare(programme_id=rich.pk, public=False) is False  # a task queued before: no-op


def test_without_a_worker_nothing_is_scheduled_and_the_download_builds(client, rich, direction):
    client.force_login(direction)
    page = reverse("documents:programme", args=[rich.pk])
    text = client.get(page).content.decode()
    # The documents page lays out no PDF in the request: their sizes come once built.
    assert text.count("taille connue après la première génération") == 2
    assert "Word – " in text and " ko</span>" in text
    assert not PreparedPdf.objects.exclude(content_hash="").exists()
    response = client.get(_pdf_url(rich))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert client.get(page).content.decode().count("taille connue après la première génération") == 1


def test_the_documents_page_asks_for_both_pdfs_and_polls_their_status(client, rich, direction, worker):
    client.force_login(direction)
    text = client.get(reverse("documents:programme", args=[rich.pk])).content.decode()
    assert text.count("en préparation, quelques secondes") == 2
    assert f'hx-get="{_pdf_url(rich)}?vue=ligne"' in text
    assert sorted(args[1] for _, args, _ in _queued(worker)) == [False, True]
    services.pdf_prepare(programme_id=rich.pk, public=False)
    services.pdf_prepare(programme_id=rich.pk, public=True)
    text = client.get(reverse("documents:programme", args=[rich.pk])).content.decode()
    assert "en préparation" not in text and "every 2s" not in text
    assert text.count("PDF – ") == 2


def test_after_a_long_wait_the_user_may_build_the_file_now(client, rich, direction, worker):
    client.force_login(direction)
    url = _pdf_url(rich)
    assert client.get(url).status_code == 202
    # Too early: a POST builds nothing.
    assert client.post(url).status_code == 302
    assert not PreparedPdf.objects.get(programme=rich, public=False).data
    PreparedPdf.objects.update(requested_at=timezone.now() - services.PDF_BUILD_NOW_AFTER)
    page = client.get(url)
    assert page.status_code == 202
    text = page.content.decode()
    assert "prend plus de temps que prévu" in text and "Construire le PDF maintenant" in text
    assert "every 2s" not in text
    response = client.post(url)
    assert response.status_code == 302 and response["Location"] == url
    assert client.get(url)["Content-Type"] == "application/pdf"


def test_a_failed_preparation_is_said_and_can_be_retried_now(client, rich, direction, worker, monkeypatch):
    def broken(content):
        raise ValueError("police introuvable")

    monkeypatch.setattr(services, "build_pdf", broken)
    client.force_login(direction)
    assert client.get(_pdf_url(rich)).status_code == 202
    with pytest.raises(ValueError):
        prepare_programme_pdf.call(rich.pk, False)
    assert "police introuvable" in PreparedPdf.objects.get(programme=rich, public=False).error
    text = client.get(_pdf_url(rich)).content.decode()
    assert "La préparation du PDF a échoué" in text and "Construire le PDF maintenant" in text
    response = client.post(_pdf_url(rich), follow=True)
    assert "Le PDF n’a pas pu être construit" in response.content.decode()
    monkeypatch.undo()
    client.post(_pdf_url(rich))
    assert client.get(_pdf_url(rich))["Content-Type"] == "application/pdf"


def test_a_request_not_served_is_asked_again(client, rich, direction, worker):
    client.force_login(direction)
    client.get(_pdf_url(rich))
    PreparedPdf.objects.update(enqueued_at=timezone.now() - services.PDF_ASK_AGAIN_AFTER - datetime.timedelta(1))
    client.get(_pdf_url(rich))
    assert len(worker.results) == 2


def test_families_wait_on_a_public_page(client, rich, worker):
    ProgrammeAnnuel.objects.filter(pk=rich.pk).update(status=StatutProgramme.PUBLIE)
    url = reverse("documents:public_pdf", args=[rich.public_id])
    response = client.get(url)
    assert response.status_code == 202
    text = response.content.decode()
    assert reverse("plans:public_programme", args=[rich.public_id]) in text
    assert _queued(worker) == [("prepare_programme_pdf", [rich.pk, True], None)]
    prepare_programme_pdf.call(rich.pk, True)
    response = client.get(url)
    assert response["Content-Type"] == "application/pdf"
    assert "Prévoir une salle calme" not in _text(response.content)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_database_worker_prepares_the_pdf(client, settings, django_db_serialized_rollback):
    """Transactional (the worker's own transactions), so with `serialized_rollback`: the migrations' data (académies,
    niveaux, axes) is restored around it, whatever ran before and after."""
    from ppo.comptes.enums import Role
    from tests.factories import EtablissementFactory, user_with

    lp = EtablissementFactory(lp=True)
    direction = user_with(Role.DIRECTION, etablissement=lp)
    from tests.documents.factories import rich_programme

    settings.TASKS = DATABASE
    programme = rich_programme(etablissement=lp, user=direction)
    client.force_login(direction)
    assert client.get(_pdf_url(programme)).status_code == 202
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    response = client.get(_pdf_url(programme))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert PreparedPdf.objects.get(programme=programme, public=False).build_ms > 0
