from django.urls import path

from ppo.campagnes.views import frame

app_name = "campagnes"

urlpatterns = [
    path("", frame.campagnes, name="campagnes"),
    path("ouvrir/", frame.campagne_creer, name="campagne_creer"),
    path("<int:pk>/", frame.campagne, name="campagne"),
    path("<int:pk>/modifier/", frame.campagne_modifier, name="campagne_modifier"),
    path("<int:pk>/priorites/", frame.priorite_ajouter, name="priorite_ajouter"),
    path("priorites/<int:pk>/supprimer/", frame.priorite_supprimer, name="priorite_supprimer"),
    path("<int:pk>/temps-forts/", frame.temps_fort_ajouter, name="temps_fort_ajouter"),
    path("temps-forts/<int:pk>/supprimer/", frame.temps_fort_supprimer, name="temps_fort_supprimer"),
    path("<int:pk>/volumes/", frame.volume_definir, name="volume_definir"),
    path("programme/<int:pk>/cadre/", frame.cadre, name="cadre"),
]
