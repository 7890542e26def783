"""Background tasks of the diagnostic (django-tasks; run by `manage.py db_worker`, see ADR 011)."""

from django_tasks import task

from ppo.diagnostic import services


@task()
def run_indicateurs_import(job_id: int) -> None:
    """Imports a large indicator file sent from the web, keeping its progress on the job."""
    services.import_job_run(job_id=job_id)
