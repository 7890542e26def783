from django.urls import path

from ppo.diagnostic.views import academie, analyse, questionnaires, synthese

app_name = "diagnostic"

urlpatterns = [
    path("programme/<int:pk>/", analyse.programme, name="programme"),
    path("programme/<int:pk>/indicateurs/saisir/", analyse.valeur_create, name="valeur_create"),
    path("programme/<int:pk>/indicateurs/importer/", analyse.valeurs_import_view, name="import"),
    path("programme/<int:pk>/indicateurs/imports/<int:job_pk>/", analyse.import_job, name="import_job"),
    path(
        "programme/<int:pk>/indicateurs/imports/<int:job_pk>/rapport.csv",
        analyse.import_job_report,
        name="import_job_report",
    ),
    path("programme/<int:pk>/indicateurs/<slug:code>/", analyse.indicateur, name="indicateur"),
    path("programme/<int:pk>/valeurs/<int:valeur_pk>/supprimer/", analyse.valeur_delete_view, name="valeur_delete"),
    path("valeurs-a-corriger/", academie.valeurs_a_corriger, name="valeurs_a_corriger"),
    path("modele-indicateurs.<str:ext>", analyse.import_template, name="import_template"),
    path("programme/<int:pk>/questionnaire/<slug:code>/", questionnaires.answer, name="answer"),
    path(
        "programme/<int:pk>/questionnaire/<slug:code>/actions/", questionnaires.inventaire_add, name="inventaire_add"
    ),
    path(
        "programme/<int:pk>/questionnaire/<slug:code>/reponses/", questionnaires.side_by_side_view, name="side_by_side"
    ),
    path("programme/<int:pk>/questionnaire/<slug:code>/synthese/", questionnaires.aggregated_view, name="aggregated"),
    path("programme/<int:pk>/inventaire/", questionnaires.inventaire, name="inventaire"),
    path("inventaire/<int:pk>/supprimer/", questionnaires.inventaire_delete, name="inventaire_delete"),
    path("inventaire/<int:pk>/reprendre/", questionnaires.inventaire_convert, name="inventaire_convert"),
    path("programme/<int:pk>/synthese/", synthese.synthese, name="synthese"),
    path("programme/<int:pk>/objectifs/ajouter/", synthese.objectif_edit, name="objectif_create"),
    path("programme/<int:pk>/objectifs/<int:objectif_pk>/", synthese.objectif_edit, name="objectif_update"),
    path("objectif/<int:pk>/supprimer/", synthese.objectif_delete_view, name="objectif_delete"),
    path("programme/<int:pk>/axes/ajouter/", synthese.axe_create, name="axe_create"),
    path("axe/<int:pk>/supprimer/", synthese.axe_delete, name="axe_delete"),
]
