from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "ppo.documents"
    verbose_name = "Documents"

    def ready(self):
        from ppo.documents import signals

        signals.connect()
