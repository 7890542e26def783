from django.urls import path

from ppo.plans.views import actions, cadre, plan, public, status

app_name = "plans"

urlpatterns = [
    path("etablissement/<str:uai>/", plan.etablissement, name="etablissement"),
    path("etablissement/<str:uai>/nouveau/", plan.ppo_create_view, name="ppo_create"),
    path("programme/<int:pk>/", plan.programme, name="programme"),
    path("programme/<int:pk>/cadre/", cadre.cadre, name="cadre"),
    path("programme/<int:pk>/actions/", plan.action_list, name="action_list"),
    path("programme/<int:pk>/actions/ajouter/", actions.action_create_view, name="action_create"),
    path("programme/<int:pk>/completude/", plan.completeness, name="completeness"),
    path("programme/<int:pk>/ressources/", plan.ressources, name="ressources"),
    path("programme/<int:pk>/statut/", status.statut, name="statut"),
    path("programme/<int:pk>/annee-suivante/", status.start_next_year, name="start_next_year"),
    path("programme/<int:pk>/historique/", status.history, name="history"),
    path("action/<int:pk>/", actions.action_update_view, name="action_update"),
    path("action/<int:pk>/supprimer/", actions.action_delete_view, name="action_delete"),
    path("etablissement/<str:uai>/affiche/", public.poster, name="poster"),
    path("public/etablissements/", public.public_search, name="public_search"),
    path("public/etablissement/<str:uai>/", public.public_etablissement, name="public_etablissement"),
    path("public/<uuid:public_id>/", public.public_programme, name="public_programme"),
]
