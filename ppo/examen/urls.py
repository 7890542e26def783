from django.urls import path

from ppo.examen.views import review

app_name = "examen"

urlpatterns = [
    path("programme/<int:pk>/transmission/", review.programme_transmettre, name="programme_transmettre"),
    path(
        "programme/<int:pk>/transmission/confirmer/",
        review.programme_transmettre_confirmer,
        name="programme_transmettre_confirmer",
    ),
    path("transmission/<int:pk>/", review.transmission, name="transmission"),
    path("transmission/<int:pk>/decision/", review.transmission_decider, name="transmission_decider"),
    path("transmission/<int:pk>/commentaires/", review.commentaire_ajouter, name="commentaire_ajouter"),
    path("commentaire/<int:pk>/reponse/", review.commentaire_repondre, name="commentaire_repondre"),
]
