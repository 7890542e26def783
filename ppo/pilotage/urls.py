from django.urls import path

from ppo.pilotage.views import analysis

app_name = "pilotage"

urlpatterns = [
    path("", analysis.tableau_de_bord, name="tableau_de_bord"),
    path("etablissements/", analysis.etablissements, name="etablissements"),
    path("export/", analysis.export, name="export"),
    path("carte/", analysis.carte, name="carte"),
]
