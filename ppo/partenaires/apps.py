from django.apps import AppConfig


class PartenairesConfig(AppConfig):
    name = "ppo.partenaires"
    verbose_name = "Partenaires"
