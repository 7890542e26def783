from django.apps import AppConfig
from django.db.backends.signals import connection_created


class CoreConfig(AppConfig):
    name = "ppo.core"
    verbose_name = "Socle"

    def ready(self):
        from ppo.core.median import register_sqlite_median

        connection_created.connect(register_sqlite_median, dispatch_uid="core_sqlite_median")
