from django.apps import AppConfig


class ExamenConfig(AppConfig):
    name = "ppo.examen"
    verbose_name = "Examen des programmes"

    def ready(self):
        # The frozen copy and the e-mails of a transmission: an effect of the programme's life cycle (plans does
        # not import examen; it calls what is registered here, docs/architecture.md).
        from ppo.examen.services import transmission_create
        from ppo.plans import lifecycle

        lifecycle.register_effect("transmettre", "transmission", transmission_create)
