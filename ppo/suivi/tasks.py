"""Background tasks of the follow-up (django-tasks; run by `manage.py db_worker`, see ADR 011)."""

from django_tasks import task

from ppo.suivi import reminders


@task()
def send_follow_up_reminders() -> int:
    """The weekly reminder to each responsable of actions waiting for their follow-up; returns the e-mails sent."""
    return reminders.send_follow_up_reminders()
