from django.core.management.base import BaseCommand

from ppo.core.demo import demo_accounts_text, demo_load


class Command(BaseCommand):
    help = "Charge le jeu de démonstration (idempotent) et affiche les comptes de chaque rôle."

    def handle(self, *args, **options):
        demo = demo_load()
        self.stdout.write(self.style.SUCCESS("Jeu de démonstration chargé."))
        self.stdout.write(demo_accounts_text(demo))
