from django.conf import settings
from django.core.management.base import BaseCommand

from ppo.core.demo import demo_accounts_text, demo_load


class Command(BaseCommand):
    help = "Charge le jeu de démonstration (idempotent) et affiche les comptes de chaque rôle."

    def handle(self, *args, **options):
        # The demo replays real workflows (transmission, review…) that send e-mails: nobody should receive them.
        backend = settings.EMAIL_BACKEND
        settings.EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
        try:
            demo = demo_load()
        finally:
            settings.EMAIL_BACKEND = backend
        self.stdout.write(self.style.SUCCESS("Jeu de démonstration chargé."))
        self.stdout.write(demo_accounts_text(demo))
