from django.apps import AppConfig


class PortailConfig(AppConfig):
    """The pages that belong to no app: home, the dashboard assembled from every app's cards (ppo/core/registry),
    the legal pages and the health check. Above comptes, which it asks who is logged in."""

    name = "ppo.portail"
    verbose_name = "Portail"
