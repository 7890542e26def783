from django.urls import reverse

from ppo.plans.enums import StatutProgramme
from ppo.suivi.services import piece_jointe_add, suivi_record
from tests.suivi.helpers import make_action, make_programme, pdf
from tests.urlcases import LOGIN, UrlCase, expect, logged_in

OUTSIDE = {"partenaire": 404, "ambassadeur": 404, "autre_direction": 404, "autre_academie": 404}


def url_cases(world):
    direction = world.users["direction"]
    # A validated programme: its school and its supervisors (académie, bassin) read it.
    programme = make_programme(world.school, direction, status=StatutProgramme.VALIDE)
    action = make_action(programme, direction, title="Visite du CFA", pupils_count=30)
    suivi_record(action=action, user=direction, status="realisee", girls=10, boys=12)
    piece = piece_jointe_add(action=action, user=direction, uploaded=pdf())
    # A draft of the foreign school: nobody outside that school sees it.
    draft = make_programme(world.foreign, world.users["autre_direction"])

    read = logged_in(200, **OUTSIDE)
    write = logged_in(200, lecteur=403, academie=403, bassin=403, admin=403, **OUTSIDE)
    direction_only = logged_in(200, redacteur=403, lecteur=403, academie=403, bassin=403, admin=403, **OUTSIDE)
    pk = {"pk": programme.pk}
    follow_up = {"status": "realisee", "girls": "11", "boys": "12", "hours_spent": "2"}
    return [
        UrlCase("suivi:mes_actions", reverse("suivi:mes_actions"), logged_in()),
        UrlCase("suivi:mes_actions", reverse("suivi:mes_actions") + "?quelles=miennes", logged_in()),
        UrlCase("suivi:programme", reverse("suivi:programme", kwargs=pk), read),
        UrlCase(
            "suivi:programme",
            reverse("suivi:programme", kwargs={"pk": draft.pk}),
            expect(404, anonyme=LOGIN, autre_direction=200, admin=200),
        ),
        UrlCase("suivi:calendrier", reverse("suivi:calendrier", kwargs=pk), read),
        UrlCase("suivi:calendrier", reverse("suivi:calendrier", kwargs=pk) + "?vue=niveau&axe=1", read),
        UrlCase("suivi:bilan", reverse("suivi:bilan", kwargs=pk), read),
        UrlCase(
            "suivi:bilan",
            reverse("suivi:bilan", kwargs={"pk": draft.pk}),
            expect(404, anonyme=LOGIN, autre_direction=200, admin=200),
        ),
        UrlCase("suivi:bilan_modifier", reverse("suivi:bilan_modifier", kwargs=pk), write),
        UrlCase("suivi:annee_suivante", reverse("suivi:annee_suivante", kwargs=pk), direction_only),
        UrlCase("suivi:action", reverse("suivi:action", kwargs={"pk": action.pk}), read),
        UrlCase(
            "suivi:action",
            reverse("suivi:action", kwargs={"pk": action.pk}),
            logged_in(302, lecteur=403, academie=403, bassin=403, admin=403, **OUTSIDE),
            method="post",
            data=follow_up,
        ),
        UrlCase(
            "suivi:piece_ajout",
            reverse("suivi:piece_ajout", kwargs={"pk": action.pk}),
            logged_in(400, lecteur=403, academie=403, bassin=403, admin=403, **OUTSIDE),
            method="post",
        ),
        UrlCase(
            "suivi:piece",
            reverse("suivi:piece", kwargs={"pk": piece.pk}),
            logged_in(200, academie=403, bassin=403, **OUTSIDE),
        ),
        UrlCase("suivi:piece_suppression", reverse("suivi:piece_suppression", kwargs={"pk": piece.pk}), write),
        UrlCase(
            "suivi:bilan_rouvrir",
            reverse("suivi:bilan_rouvrir", kwargs=pk),
            logged_in(302, redacteur=403, lecteur=403, academie=403, bassin=403, admin=403, **OUTSIDE),
            method="post",
        ),
        UrlCase(
            "suivi:bilan_valider",
            reverse("suivi:bilan_valider", kwargs=pk),
            logged_in(302, redacteur=403, lecteur=403, academie=403, bassin=403, admin=403, **OUTSIDE),
            method="post",
        ),
    ]
