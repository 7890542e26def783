from django.urls import path

from ppo.documents import views

app_name = "documents"

urlpatterns = [
    path("programme/<int:pk>/", views.programme, name="programme"),
    path("programme/<int:pk>/telecharger/pdf-familles/", views.family_pdf, name="family_pdf"),
    path("programme/<int:pk>/telecharger/<str:fmt>/", views.download, name="download"),
    path("public/<uuid:public_id>/programme-familles.pdf", views.public_pdf, name="public_pdf"),
    path("public/etablissement/<str:uai>/calendrier.ics", views.public_calendar, name="public_calendar"),
    path("calendrier/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
    path("etablissement/<int:pk>/calendrier/renouveler/", views.calendar_renew, name="calendar_renew"),
    path("ppo/<int:pk>/importer-word/", views.import_upload, name="import_upload"),
    path("import/<uuid:pk>/", views.import_preview, name="import_preview"),
    path("import/<uuid:pk>/confirmer/", views.import_confirm, name="import_confirm"),
]
