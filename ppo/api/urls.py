from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from ppo.api import opendata_views, views, web_views

app_name = "api"

urlpatterns = [
    path("cles/", web_views.keys, name="keys"),
    path("cles/<int:pk>/revoquer/", web_views.key_revoke, name="key_revoke"),
    path("donnees-ouvertes/", opendata_views.page, name="opendata"),
    path("donnees-ouvertes/ppo-actions.csv", opendata_views.csv_file, name="opendata_csv"),
    path("donnees-ouvertes/ppo-actions.json", opendata_views.json_file, name="opendata_json"),
    path("donnees-ouvertes/schema.json", opendata_views.schema, name="opendata_schema"),
    path("v1/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("v1/docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("v1/referentiel/", views.Referentiel.as_view(), name="referentiel"),
    path("v1/etablissements/", views.EtablissementList.as_view(), name="etablissements"),
    path("v1/programmes/", views.ProgrammeList.as_view(), name="programmes"),
    path("v1/programmes/<uuid:public_id>/", views.ProgrammeDetail.as_view(), name="programme"),
    path("v1/actions/", views.ActionList.as_view(), name="actions"),
    path("v1/temps-forts/", views.TempsFortList.as_view(), name="temps_forts"),
    path("v1/offres/", views.OffreList.as_view(), name="offres"),
    path("v1/academie/programmes/", views.SuiviProgrammeList.as_view(), name="suivi_programmes"),
    path("v1/academie/programmes/<int:pk>/", views.SuiviProgrammeDetail.as_view(), name="suivi_programme"),
    path("v1/academie/tableau-de-bord/", views.TableauDeBord.as_view(), name="tableau_de_bord"),
    path("v1/partenaire/offres/", views.PartnerOffreList.as_view(), name="partenaire_offres"),
    path("v1/partenaire/offres/<int:pk>/", views.PartnerOffreDetail.as_view(), name="partenaire_offre"),
    path(
        "v1/partenaire/offres/<int:pk>/soumettre/", views.PartnerOffreSubmit.as_view(), name="partenaire_offre_submit"
    ),
    re_path(r"^v1/", views.NotFound.as_view()),
]
