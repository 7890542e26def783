from django.apps import AppConfig


class ComptesConfig(AppConfig):
    name = "ppo.comptes"
    verbose_name = "Comptes"
