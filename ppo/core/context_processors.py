from types import SimpleNamespace

from django.conf import settings

from ppo.core.registry import nav_items

SITE_CONFIG = SimpleNamespace(
    site_title=settings.SITE_TITLE,
    site_tagline=settings.SITE_TAGLINE,
    header_brand_html="Ministère<br>de l’Éducation<br>nationale",
    footer_brand_html="Ministère<br>de l’Éducation<br>nationale",
    footer_brand="Ministère de l’Éducation nationale",
    footer_description="Le service numérique du programme pluriannuel d’orientation des collèges et lycées.",
    beta_tag=True,
    mourning=False,
    notice_title="",
    notice_description="",
    operator_logo_file=None,
    operator_logo_alt="",
    operator_logo_width=0,
)


def site(request):
    """What every page needs: the site settings (no database query) and the navigation of the current role."""
    return {
        "SITE_CONFIG": SITE_CONFIG,
        "main_nav": nav_items(request),
        "oidc_enabled": settings.OIDC_ENABLED,
    }
