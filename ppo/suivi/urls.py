from django.urls import path

from ppo.suivi.views import actions, bilan, calendrier

app_name = "suivi"

urlpatterns = [
    path("", actions.mes_actions, name="mes_actions"),
    path("programme/<int:pk>/", actions.programme, name="programme"),
    path("programme/<int:pk>/calendrier/", calendrier.calendrier, name="calendrier"),
    path("programme/<int:pk>/bilan/", bilan.bilan, name="bilan"),
    path("programme/<int:pk>/bilan/modifier/", bilan.bilan_modifier, name="bilan_modifier"),
    path("programme/<int:pk>/bilan/valider/", bilan.bilan_valider, name="bilan_valider"),
    path("programme/<int:pk>/bilan/rouvrir/", bilan.bilan_rouvrir, name="bilan_rouvrir"),
    path("programme/<int:pk>/annee-suivante/", bilan.annee_suivante, name="annee_suivante"),
    path("action/<int:pk>/", actions.action, name="action"),
    path("action/<int:pk>/pieces/", actions.piece_ajout, name="piece_ajout"),
    path("pieces/<int:pk>/", actions.piece, name="piece"),
    path("pieces/<int:pk>/supprimer/", actions.piece_suppression, name="piece_suppression"),
]
