from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo data set, assembled at the very top of the layers: it may use every app, no app uses it."""

    name = "ppo.demo"
    verbose_name = "Démonstration"
