from django.apps import AppConfig
from django.db.models.signals import post_delete


class SuiviConfig(AppConfig):
    name = "ppo.suivi"
    verbose_name = "Suivi et bilan"

    def ready(self):
        from ppo.suivi.models import PieceJointe
        from ppo.suivi.signals import piece_jointe_delete_file

        post_delete.connect(
            piece_jointe_delete_file, sender=PieceJointe, dispatch_uid="suivi_piece_jointe_delete_file"
        )
