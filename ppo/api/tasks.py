"""Background tasks of the API app (django-tasks; run by `manage.py db_worker`, see ADR 011)."""

from django_tasks import task

from ppo.api import services


@task()
def export_open_data() -> int:
    """Regenerates the open data file of the published programmes' actions; returns its number of rows."""
    return services.open_data_regenerate().rows
