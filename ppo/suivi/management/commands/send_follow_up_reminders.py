"""`manage.py send_follow_up_reminders`: the weekly reminder of the actions to fill (a cron or systemd timer, each
Monday; ADR 032)."""

from django.core.management.base import BaseCommand

from ppo.suivi import reminders
from ppo.suivi.tasks import send_follow_up_reminders


class Command(BaseCommand):
    help = (
        "Envoie à chaque responsable d’actions passées sans suivi un courriel qui les liste (par le worker, ou "
        "tout de suite)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--maintenant", action="store_true", help="Envoyer ici, sans passer par le worker.")

    def handle(self, *args, maintenant=False, **options):
        if maintenant:
            sent = reminders.send_follow_up_reminders()
            self.stdout.write(f"Rappels envoyés : {sent} courriel{'s' if sent > 1 else ''}.")
            return
        result = send_follow_up_reminders.enqueue()
        self.stdout.write(f"Envoi des rappels confié au worker (tâche {result.id}).")
