from django.apps import AppConfig


class SuiviConfig(AppConfig):
    name = "ppo.suivi"
    verbose_name = "Suivi et bilan"
