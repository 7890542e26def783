from django.urls import path

from ppo.referentiel import views

app_name = "referentiel"

urlpatterns = [
    path("", views.etablissement_list, name="etablissement_list"),
    path("bassins/", views.bassin_list, name="bassin_list"),
    path("bassins/<int:pk>/", views.bassin_detail, name="bassin_detail"),
    path("bassins/<int:pk>/modifier/", views.bassin_update, name="bassin_update"),
    path("bassins/<int:pk>/etablissements/", views.bassin_etablissements, name="bassin_etablissements"),
    path("<str:uai>/", views.etablissement_detail, name="etablissement_detail"),
    path("<str:uai>/niveaux/", views.etablissement_niveaux, name="etablissement_niveaux"),
]
