from django.apps import AppConfig


class ReferentielConfig(AppConfig):
    name = "ppo.referentiel"
    verbose_name = "Référentiel"
