from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "ppo.core"
    verbose_name = "Socle"
