from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "ppo.api"
    label = "api"
    verbose_name = "API"

    def ready(self):
        from ppo.api import schema  # noqa: F401  (registers the key's security scheme)
