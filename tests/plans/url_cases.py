from django.urls import reverse

from ppo.plans.enums import StatutProgramme
from ppo.plans.lifecycle import force_status
from ppo.plans.models import Axe
from ppo.plans.services import action_create, ppo_create
from tests.urlcases import LOGIN, UrlCase, expect, public


def _school(**by_role):
    """Staff of the school and the platform admin read; everybody else gets 404 (a draft is out of their scope)."""
    base = {"anonyme": LOGIN, "direction": 200, "redacteur": 200, "lecteur": 200, "admin": 200}
    return expect(404, **{**base, **by_role})


def _editors(**by_role):
    return _school(**{"lecteur": 403, "admin": 403, **by_role})


def _direction(**by_role):
    return _school(**{"redacteur": 403, "lecteur": 403, "admin": 403, **by_role})


def url_cases(world):
    director = world.users["direction"]
    ppo = ppo_create(etablissement=world.school, first_year=2025, years=3, user=director)
    programme = ppo.programmes.get()
    niveau = world.school.niveaux.first()
    action = action_create(
        programme=programme, user=director, axe=Axe.objects.get(number=1), niveaux=[niveau], title="Forum"
    )
    old = ppo_create(etablissement=world.school, first_year=2021, years=3, user=director).programmes.get()
    force_status(programme=old, status=StatutProgramme.PUBLIE, user=director)
    transmitted = ppo_create(etablissement=world.school, first_year=2018, years=3, user=director).programmes.get()
    force_status(programme=transmitted, status=StatutProgramme.TRANSMIS, user=director)
    t = {"pk": transmitted.pk}
    uai = world.school.uai
    p, a = {"pk": programme.pk}, {"pk": action.pk}
    return [
        UrlCase(
            "plans:etablissement",
            reverse("plans:etablissement", kwargs={"uai": uai}),
            _school(academie=200, bassin=200),
        ),
        UrlCase(
            "plans:ppo_create",
            reverse("plans:ppo_create", kwargs={"uai": uai}),
            _direction(academie=403, bassin=403),
        ),
        UrlCase(
            "plans:ppo_create",
            reverse("plans:ppo_create", kwargs={"uai": uai}),
            _direction(academie=403, bassin=403),
            method="post",
            data={"first_year": "1900", "years": "3"},
        ),
        UrlCase("plans:programme", reverse("plans:programme", kwargs=p), _school()),
        # Once transmitted, the académie and the bassin read it; nobody edits it while it is reviewed: those who
        # write are sent back to the programme with the reason (plans.lifecycle.lock_reason), the others refused.
        UrlCase("plans:programme", reverse("plans:programme", kwargs=t), _school(academie=200, bassin=200)),
        UrlCase(
            "plans:action_create",
            reverse("plans:action_create", kwargs=t),
            _school(direction=302, redacteur=302, lecteur=403, admin=403, academie=403, bassin=403),
        ),
        UrlCase("plans:action_list", reverse("plans:action_list", kwargs=p), _school()),
        UrlCase("plans:completeness", reverse("plans:completeness", kwargs=p), _school()),
        UrlCase("plans:ressources", reverse("plans:ressources", kwargs=p), _school()),
        UrlCase("plans:ressources", reverse("plans:ressources", kwargs=p), _editors(), method="post", data={}),
        UrlCase("plans:statut", reverse("plans:statut", kwargs=p), _school()),
        # Publishing a draft is refused with a message: nothing changes.
        UrlCase(
            "plans:statut", reverse("plans:statut", kwargs=p), _direction(), method="post", data={"status": "publie"}
        ),
        UrlCase("plans:history", reverse("plans:history", kwargs=p), _direction(admin=200)),
        UrlCase("plans:action_create", reverse("plans:action_create", kwargs=p), _editors()),
        UrlCase("plans:action_create", reverse("plans:action_create", kwargs=p), _editors(), method="post", data={}),
        UrlCase("plans:action_update", reverse("plans:action_update", kwargs=a), _school()),
        UrlCase("plans:action_update", reverse("plans:action_update", kwargs=a), _editors(), method="post", data={}),
        UrlCase("plans:action_delete", reverse("plans:action_delete", kwargs=a), _editors()),
        # A stale version: the deletion is refused and the action stays.
        UrlCase(
            "plans:action_delete",
            reverse("plans:action_delete", kwargs=a),
            _editors(),
            method="post",
            data={"version": "999"},
        ),
        UrlCase(
            "plans:public_programme", reverse("plans:public_programme", kwargs={"public_id": old.public_id}), public()
        ),
        UrlCase(
            "plans:public_programme",
            reverse("plans:public_programme", kwargs={"public_id": programme.public_id}),
            expect(404),
        ),
        UrlCase("plans:public_etablissement", reverse("plans:public_etablissement", kwargs={"uai": uai}), public()),
        UrlCase("plans:public_search", reverse("plans:public_search") + f"?q={uai}", public()),
        UrlCase("plans:public_search", reverse("plans:public_search"), expect(405), method="post", data={}),
        # The poster: the direction of the school only.
        UrlCase("plans:poster", reverse("plans:poster", kwargs={"uai": uai}), _direction(academie=403, bassin=403)),
        UrlCase(
            "plans:start_next_year",
            reverse("plans:start_next_year", kwargs=p),
            expect(405, anonyme=LOGIN),
        ),
        # Last: the direction really starts next year (302 to the new programme).
        UrlCase(
            "plans:start_next_year",
            reverse("plans:start_next_year", kwargs=p),
            _direction(direction=302),
            method="post",
        ),
    ]
