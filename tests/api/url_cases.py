"""The API's addresses walked with a session as every role: a session never opens a keyed endpoint (401), public
endpoints answer everyone; the walk with keys of every scope is tests/api/test_scopes.py."""

from django.urls import reverse

from ppo.api.enums import ScopeKind
from tests.api.helpers import key_for, published
from tests.factories import EtablissementFactory
from tests.urlcases import LOGIN, UrlCase, expect, logged_in, public

# The API keys are for the académie, the bassin and partner bodies (ScopeKind); not for the other levels.
MANAGERS = {
    "academie": 200,
    "bassin": 200,
    "partenaire": 200,
    "autre_academie": 200,
    "national": 403,
    "region": 403,
    "departement": 403,
}


def url_cases(world):
    programme = published(EtablissementFactory(college=True, bassin=world.bassin))
    from ppo.api.models import ApiKey

    key_for(world.users["academie"], world.school.academie, ScopeKind.ACADEMIE)
    key = ApiKey.objects.latest("pk")

    def url(name, *args):
        return reverse(f"api:{name}", args=args)

    keyed = expect(401)
    return [
        UrlCase("api:keys", url("keys"), logged_in(403, **MANAGERS)),
        UrlCase(
            "api:key_revoke",
            url("key_revoke", key.pk),
            expect(403, anonyme=LOGIN, academie=200, admin=200, national=403, departement=403),
        ),
        UrlCase("api:opendata", url("opendata"), public()),
        UrlCase("api:opendata_csv", url("opendata_csv"), public()),
        UrlCase("api:opendata_json", url("opendata_json"), public()),
        UrlCase("api:opendata_schema", url("opendata_schema"), public()),
        UrlCase("api:schema", url("schema"), public()),
        UrlCase("api:docs", url("docs"), public()),
        UrlCase("api:referentiel", url("referentiel"), public()),
        UrlCase("api:etablissements", url("etablissements"), public()),
        UrlCase("api:programmes", url("programmes"), public()),
        UrlCase("api:programme", url("programme", programme.public_id), public()),
        UrlCase("api:actions", url("actions"), public()),
        UrlCase("api:temps_forts", url("temps_forts"), public()),
        UrlCase("api:offres", url("offres"), public()),
        UrlCase("api:suivi_programmes", url("suivi_programmes"), keyed),
        UrlCase("api:suivi_programme", url("suivi_programme", programme.pk), keyed),
        UrlCase("api:tableau_de_bord", url("tableau_de_bord"), keyed),
        UrlCase("api:partenaire_offres", url("partenaire_offres"), keyed),
        UrlCase("api:partenaire_offre", url("partenaire_offre", 1), keyed),
        UrlCase("api:partenaire_offre_submit", url("partenaire_offre_submit", 1), keyed, method="post"),
    ]
