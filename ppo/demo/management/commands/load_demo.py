from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ppo.core.dates import school_year_label
from ppo.demo.base import DemoError, demo_accounts_text, demo_load


class Command(BaseCommand):
    help = (
        "Charge le jeu de démonstration dans l’année scolaire en cours (idempotent) et affiche les comptes de "
        "chaque rôle."
    )

    def handle(self, *args, **options):
        # The demo replays real workflows (transmission, review…) that send e-mails: nobody should receive them.
        backend = settings.EMAIL_BACKEND
        settings.EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
        try:
            demo = demo_load()
        except DemoError as exc:
            raise CommandError(str(exc)) from exc
        finally:
            settings.EMAIL_BACKEND = backend
        self.stdout.write(
            self.style.SUCCESS(f"Jeu de démonstration chargé (année scolaire {school_year_label(demo.year)}).")
        )
        self.stdout.write(demo_accounts_text(demo))
