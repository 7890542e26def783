from django.apps import AppConfig


class PilotageConfig(AppConfig):
    name = "ppo.pilotage"
    verbose_name = "Pilotage"
