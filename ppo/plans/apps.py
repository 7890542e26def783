from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "ppo.plans"
    verbose_name = "Plans"
