from django.conf import settings
from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path

admin.site.site_header = "Administration de la plateforme PPO"
admin.site.site_title = "Administration PPO"
admin.site.index_title = "Données de la plateforme"

urlpatterns = [
    path("", include("ppo.portail.urls")),
    path("compte/", include("ppo.comptes.urls")),
    path("etablissements/", include("ppo.referentiel.urls")),
    path("ppo/", include("ppo.plans.urls")),
    path("diagnostic/", include("ppo.diagnostic.urls")),
    path("suivi/", include("ppo.suivi.urls")),
    path("documents/", include("ppo.documents.urls")),
    path("campagnes/", include("ppo.campagnes.urls")),
    path("examen/", include("ppo.examen.urls")),
    path("pilotage/", include("ppo.pilotage.urls")),
    path("academie/", include("config.legacy_urls")),
    path("partenaires/", include("ppo.partenaires.urls")),
    path("api/", include("ppo.api.urls")),
    path("admin/", admin.site.urls),
]

if settings.OIDC_ENABLED:
    from mozilla_django_oidc import urls as oidc_urls

    # The OIDC round trip happens before the login: public, as the login page (ADR 031).
    for oidc_pattern in oidc_urls.urlpatterns:
        login_not_required(oidc_pattern.callback)
    urlpatterns.append(path("oidc/", include(oidc_urls)))
