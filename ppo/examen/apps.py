from django.apps import AppConfig


class ExamenConfig(AppConfig):
    name = "ppo.examen"
    verbose_name = "Examen des programmes"
