from django.apps import AppConfig
from django.db.backends.signals import connection_created


class CampagnesConfig(AppConfig):
    name = "ppo.campagnes"
    verbose_name = "Campagnes"

    def ready(self):
        from ppo.campagnes.median import register_sqlite_median

        connection_created.connect(register_sqlite_median, dispatch_uid="campagnes_sqlite_median")
