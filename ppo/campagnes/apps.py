from django.apps import AppConfig


class CampagnesConfig(AppConfig):
    name = "ppo.campagnes"
    verbose_name = "Campagnes"
