from django.urls import path

from ppo.portail import views

app_name = "portail"

urlpatterns = [
    path("", views.accueil, name="accueil"),
    path("tableau-de-bord/", views.tableau_de_bord, name="tableau_de_bord"),
    path("accessibilite/", views.accessibilite, name="accessibilite"),
    path("mentions-legales/", views.mentions_legales, name="mentions_legales"),
    path("sante/", views.sante, name="sante"),
    path("donnees-personnelles/", views.donnees_personnelles, name="donnees_personnelles"),
]
