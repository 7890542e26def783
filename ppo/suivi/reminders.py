"""The weekly reminder: one e-mail to each responsable whose actions wait for their follow-up (ADR 032).

Sent by the worker (`ppo.suivi.tasks.send_follow_up_reminders`), queued each Monday by `manage.py
send_follow_up_reminders` from a cron or a systemd timer (docs/deploiement.md). People who unticked the reminder on
their account page (`User.receives_reminders`) get nothing; nor does anyone with nothing to fill.
"""

import datetime

from django.conf import settings
from django.core.mail import send_mass_mail
from django.template.loader import render_to_string
from django.urls import reverse

from ppo.suivi.selectors import reminders_due


def reminder_messages(*, today: datetime.date | None = None) -> list[tuple[str, str, None, list[str]]]:
    """(subject, body, sender, [address]) for each person to remind."""
    messages = []
    list_url = settings.SITE_URL + reverse("suivi:mes_actions") + "?quelles=miennes"
    account_url = settings.SITE_URL + reverse("comptes:account")
    for user, actions in reminders_due(today=today).items():
        context = {
            "user": user,
            "actions": [
                {
                    "action": action,
                    "url": settings.SITE_URL
                    + reverse("suivi:action", kwargs={"pk": action.pk})
                    + "?depuis=mes-actions",
                }
                for action in actions
            ],
            "count": len(actions),
            "list_url": list_url,
            "account_url": account_url,
            "site_title": settings.SITE_TITLE,
        }
        subject = render_to_string("suivi/emails/rappel_subject.txt", context).strip()
        body = render_to_string("suivi/emails/rappel.txt", context)
        messages.append((subject, body, None, [user.email]))
    return messages


def send_follow_up_reminders(*, today: datetime.date | None = None) -> int:
    """Sends the week's reminders; returns the number of e-mails sent."""
    messages = reminder_messages(today=today)
    return send_mass_mail(messages) if messages else 0
