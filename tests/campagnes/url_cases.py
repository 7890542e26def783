from django.urls import reverse

from ppo.campagnes.models import Priorite, TempsFort
from ppo.examen import services
from ppo.referentiel.models import Niveau
from tests.campagnes import factories
from tests.urlcases import UrlCase, expect, logged_in

SCHOOL = ("direction", "redacteur", "lecteur")
SUPERVISORS = ("academie", "departement", "bassin", "admin")  # those who review the world's school
NATIONAL = ("national",)  # DGESCO reads everything and writes nothing
LEVELS = ("national", "region", "departement")


def _only(status, roles, other=404):
    """Logged-in roles get `other`, except `roles` which get `status`; anonymous users go to the login page."""
    return logged_in(other, **(dict.fromkeys(LEVELS, other) | dict.fromkeys(roles, status)))


# A year no other app's cases use for the world's school (a school has one PPO per starting year).
YEAR = 2032


def url_cases(world):
    campagne = factories.campagne(year=YEAR)
    c = {"pk": campagne.pk}
    priorite = Priorite.objects.create(campagne=campagne, text="Mixité")
    temps_fort = TempsFort.objects.create(campagne=campagne, label="Semaine", start_date=campagne.deadline)
    programme = factories.programme(world.school, year=YEAR, user=world.users["direction"])
    factories.action(programme)
    sent = factories.transmitted(programme)
    comment = services.commentaire_add(
        transmission=sent, anchor="general", text="À préciser", user=world.users["academie"]
    )
    p, t = {"pk": programme.pk}, {"pk": sent.pk}
    # The campaign frame is set by the académies; the other levels do not manage it.
    manager = dict.fromkeys(("academie", "autre_academie", "admin"), 200) | dict.fromkeys(LEVELS, 403)
    analysts = dict.fromkeys(("academie", "bassin", "autre_academie", "admin", *LEVELS), 200)
    readers = SCHOOL + SUPERVISORS + NATIONAL
    niveau = Niveau.objects.get(code="2nde-pro")
    return [
        UrlCase("campagnes:campagnes", reverse("campagnes:campagnes"), logged_in(403, **manager)),
        UrlCase("campagnes:campagne_creer", reverse("campagnes:campagne_creer"), logged_in(403, **manager)),
        UrlCase("campagnes:campagne", reverse("campagnes:campagne", kwargs=c), _only(200, ("academie", "admin"))),
        UrlCase(
            "campagnes:campagne_modifier",
            reverse("campagnes:campagne_modifier", kwargs=c),
            _only(302, ("academie", "admin")),
            method="post",
            data={"deadline": "2026-03-27", "kinds": ["lp", "lgt"], "resources": "ONISEP"},
        ),
        UrlCase(
            "campagnes:priorite_ajouter",
            reverse("campagnes:priorite_ajouter", kwargs=c),
            _only(400, ("academie", "admin")),
            method="post",
        ),
        # The académie deletes the priority; the admin, after it, finds nothing.
        UrlCase(
            "campagnes:priorite_supprimer",
            reverse("campagnes:priorite_supprimer", kwargs={"pk": priorite.pk}),
            _only(302, ("academie",)),
            method="post",
        ),
        UrlCase(
            "campagnes:temps_fort_ajouter",
            reverse("campagnes:temps_fort_ajouter", kwargs=c),
            _only(400, ("academie", "admin")),
            method="post",
        ),
        UrlCase(
            "campagnes:temps_fort_supprimer",
            reverse("campagnes:temps_fort_supprimer", kwargs={"pk": temps_fort.pk}),
            _only(302, ("academie",)),
            method="post",
        ),
        UrlCase(
            "campagnes:volume_definir",
            reverse("campagnes:volume_definir", kwargs=c),
            _only(302, ("academie", "admin")),
            method="post",
            data={"volume-niveau": niveau.pk, "volume-hours": "10"},
        ),
        UrlCase("plans:cadre", reverse("plans:cadre", kwargs=p), _only(200, readers)),
        UrlCase(
            "examen:programme_transmettre",
            reverse("examen:programme_transmettre", kwargs=p),
            _only(200, readers),
        ),
        # Already transmitted: the direction is sent back with a message; the others may not transmit.
        UrlCase(
            "examen:programme_transmettre_confirmer",
            reverse("examen:programme_transmettre_confirmer", kwargs=p),
            expect(
                404,
                anonyme=302,
                direction=302,
                **dict.fromkeys(("redacteur", "lecteur", *SUPERVISORS, *NATIONAL), 403),
            ),
        ),
        UrlCase(
            "examen:programme_transmettre_confirmer",
            reverse("examen:programme_transmettre_confirmer", kwargs=p),
            expect(
                404,
                anonyme=302,
                direction=302,
                **dict.fromkeys(("redacteur", "lecteur", *SUPERVISORS, *NATIONAL), 403),
            ),
            method="post",
            data={"justification": "Pour le test."},
        ),
        UrlCase("examen:transmission", reverse("examen:transmission", kwargs=t), _only(200, readers)),
        UrlCase(
            "examen:transmission_decider",
            reverse("examen:transmission_decider", kwargs=t),
            expect(404, anonyme=302, **dict.fromkeys(SCHOOL + NATIONAL, 403), **dict.fromkeys(SUPERVISORS, 302)),
            method="post",
            data={"decision": "en_cours"},
        ),
        UrlCase(
            "examen:commentaire_ajouter",
            reverse("examen:commentaire_ajouter", kwargs=t),
            expect(404, anonyme=302, **dict.fromkeys(SCHOOL + NATIONAL, 403), **dict.fromkeys(SUPERVISORS, 302)),
            method="post",
            data={"anchor": "general", "text": "Pouvez-vous préciser les partenaires ?"},
        ),
        UrlCase(
            "examen:commentaire_repondre",
            reverse("examen:commentaire_repondre", kwargs={"pk": comment.pk}),
            expect(
                404,
                anonyme=302,
                direction=302,
                redacteur=302,
                lecteur=403,
                **dict.fromkeys(SUPERVISORS + NATIONAL, 403),
            ),
            method="post",
            data={"text": "C’est fait."},
        ),
        UrlCase("pilotage:tableau_de_bord", reverse("pilotage:tableau_de_bord"), logged_in(403, **analysts)),
        UrlCase(
            "pilotage:etablissements",
            reverse("pilotage:etablissements") + "?etat=transmis",
            logged_in(403, **analysts),
        ),
        UrlCase("pilotage:export", reverse("pilotage:export") + "?table=statuts", logged_in(403, **analysts)),
        UrlCase("pilotage:carte", reverse("pilotage:carte"), logged_in(403, **analysts)),
    ]
