"""Background tasks of the documents app (django-tasks; run by `manage.py db_worker`, see ADR 011)."""

from django_tasks import task

from ppo.documents import services


@task()
def prepare_programme_pdf(programme_id: int, public: bool) -> bool:
    """Lays out the PDF of a programme's current content (full or family version) and stores it."""
    return services.pdf_prepare(programme_id=programme_id, public=public)
