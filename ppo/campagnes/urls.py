from django.urls import path

from ppo.campagnes.views import analysis, frame, review

app_name = "campagnes"

urlpatterns = [
    path("campagnes/", frame.campagnes, name="campagnes"),
    path("campagnes/ouvrir/", frame.campagne_creer, name="campagne_creer"),
    path("campagnes/<int:pk>/", frame.campagne, name="campagne"),
    path("campagnes/<int:pk>/modifier/", frame.campagne_modifier, name="campagne_modifier"),
    path("campagnes/<int:pk>/priorites/", frame.priorite_ajouter, name="priorite_ajouter"),
    path("priorites/<int:pk>/supprimer/", frame.priorite_supprimer, name="priorite_supprimer"),
    path("campagnes/<int:pk>/temps-forts/", frame.temps_fort_ajouter, name="temps_fort_ajouter"),
    path("temps-forts/<int:pk>/supprimer/", frame.temps_fort_supprimer, name="temps_fort_supprimer"),
    path("campagnes/<int:pk>/volumes/", frame.volume_definir, name="volume_definir"),
    path("programme/<int:pk>/cadre/", frame.cadre, name="cadre"),
    path("programme/<int:pk>/transmission/", review.programme_transmettre, name="programme_transmettre"),
    path("transmission/<int:pk>/", review.transmission, name="transmission"),
    path("transmission/<int:pk>/decision/", review.transmission_decider, name="transmission_decider"),
    path("transmission/<int:pk>/commentaires/", review.commentaire_ajouter, name="commentaire_ajouter"),
    path("commentaire/<int:pk>/reponse/", review.commentaire_repondre, name="commentaire_repondre"),
    path("analyse/", analysis.tableau_de_bord, name="tableau_de_bord"),
    path("analyse/etablissements/", analysis.etablissements, name="etablissements"),
    path("analyse/export/", analysis.export, name="export"),
    path("analyse/carte/", analysis.carte, name="carte"),
]
