from django.apps import AppConfig


class DiagnosticConfig(AppConfig):
    name = "ppo.diagnostic"
    verbose_name = "Diagnostic"
