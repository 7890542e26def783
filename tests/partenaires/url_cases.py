from django.urls import reverse

from ppo.partenaires.enums import StatutDemande
from tests.partenaires.factories import AmbassadeurFactory, DemandeFactory, OffreFactory
from tests.urlcases import LOGIN, UrlCase, expect, public

SCHOOL_STAFF = {"direction": 200, "redacteur": 200, "lecteur": 200, "autre_direction": 200, "admin": 200}
WRITERS_OF_SCHOOL = {"direction": 302, "redacteur": 302, "lecteur": 403, "admin": 403}


def url_cases(world):
    partner_offre = OffreFactory(structure=world.structure)
    draft = OffreFactory(structure=world.structure, brouillon=True)
    submitted = OffreFactory(structure=world.structure, soumise=True)
    ambassadeur = AmbassadeurFactory(user=world.users["ambassadeur"])

    def demande(status=StatutDemande.DEMANDEE):
        return DemandeFactory(
            ambassadeur=ambassadeur, etablissement=world.school, requested_by=world.users["redacteur"], status=status
        )

    asked, to_decline = demande(), demande()
    accepted, scheduled, done = (
        demande(StatutDemande.ACCEPTEE),
        demande(StatutDemande.PLANIFIEE),
        demande(StatutDemande.REALISEE),
    )

    def url(name, *args):
        return reverse(f"partenaires:{name}", args=args)

    own_offre = expect(404, anonyme=LOGIN, partenaire=200, admin=200)
    own_offre_post = expect(404, anonyme=LOGIN, partenaire=302, admin=302)
    visible_demande = expect(404, anonyme=LOGIN, direction=200, redacteur=200, lecteur=200, ambassadeur=200, admin=200)
    addressee_post = expect(404, anonyme=LOGIN, ambassadeur=302, direction=403, redacteur=403, lecteur=403, admin=403)
    follow_up_post = expect(404, anonyme=LOGIN, ambassadeur=302, **WRITERS_OF_SCHOOL)
    return [
        UrlCase("partenaires:catalogue", url("catalogue"), public()),
        UrlCase("partenaires:catalogue", url("catalogue") + "?q=industrie&gratuit=on", public()),
        UrlCase("partenaires:offre_detail", url("offre_detail", partner_offre.pk), public()),
        UrlCase(
            "partenaires:offre_detail",
            url("offre_detail", submitted.pk),
            expect(404, partenaire=200, academie=200, admin=200, national=404, departement=404),
        ),
        UrlCase(
            "partenaires:offre_add_to_ppo",
            url("offre_add_to_ppo", partner_offre.pk),
            expect(403, anonyme=LOGIN, direction=200, redacteur=200, autre_direction=200),
        ),
        UrlCase("partenaires:mes_offres", url("mes_offres"), expect(403, anonyme=LOGIN, partenaire=200, admin=200)),
        UrlCase("partenaires:offre_create", url("offre_create"), expect(403, anonyme=LOGIN, partenaire=200)),
        UrlCase("partenaires:offre_edit", url("offre_edit", draft.pk), own_offre),
        UrlCase("partenaires:offre_submit", url("offre_submit", draft.pk), own_offre_post, method="post"),
        UrlCase("partenaires:offre_confirm", url("offre_confirm", partner_offre.pk), own_offre_post, method="post"),
        UrlCase(
            "partenaires:moderation",
            url("moderation"),
            expect(
                403,
                anonyme=LOGIN,
                academie=200,
                autre_academie=200,
                admin=200,
                national=403,
                region=403,
                departement=403,
            ),
        ),
        UrlCase(
            "partenaires:offre_moderate",
            url("offre_moderate", submitted.pk),
            expect(404, anonyme=LOGIN, academie=200, admin=200, partenaire=403, national=404, departement=404),
        ),
        UrlCase("partenaires:ambassadeurs", url("ambassadeurs"), expect(403, anonyme=LOGIN, **SCHOOL_STAFF)),
        UrlCase(
            "partenaires:ambassadeur_detail",
            url("ambassadeur_detail", ambassadeur.pk),
            expect(403, anonyme=LOGIN, ambassadeur=200, **SCHOOL_STAFF),
        ),
        UrlCase(
            "partenaires:demande_create",
            url("demande_create", ambassadeur.pk),
            expect(403, anonyme=LOGIN, direction=200, redacteur=200, autre_direction=200),
        ),
        UrlCase("partenaires:mon_profil", url("mon_profil"), expect(403, anonyme=LOGIN, ambassadeur=200)),
        UrlCase("partenaires:demandes", url("demandes"), expect(403, anonyme=LOGIN, ambassadeur=200, **SCHOOL_STAFF)),
        UrlCase("partenaires:demande_detail", url("demande_detail", asked.pk), visible_demande),
        UrlCase("partenaires:demande_accept", url("demande_accept", asked.pk), addressee_post, method="post"),
        UrlCase(
            "partenaires:demande_decline",
            url("demande_decline", to_decline.pk),
            addressee_post,
            method="post",
            data={"reason": "Indisponible ce trimestre."},
        ),
        UrlCase(
            "partenaires:demande_schedule",
            url("demande_schedule", accepted.pk),
            follow_up_post,
            method="post",
            data={"date": "2027-01-15"},
        ),
        UrlCase("partenaires:demande_done", url("demande_done", scheduled.pk), follow_up_post, method="post"),
        UrlCase(
            "partenaires:demande_feedback",
            url("demande_feedback", done.pk),
            follow_up_post,
            method="post",
            data={"rating": "4", "comment": "Très bien."},
        ),
        # Last: pausing the profile changes what the cases above see.
        UrlCase(
            "partenaires:mon_profil_pause",
            url("mon_profil_pause"),
            expect(404, anonyme=LOGIN, ambassadeur=302),
            method="post",
        ),
    ]
