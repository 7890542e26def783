from django.urls import reverse

from ppo.diagnostic.enums import CategorieAxe
from ppo.diagnostic.models import AxeAmelioration, ObjectifCible
from ppo.diagnostic.services import import_job_start
from ppo.plans.enums import StatutProgramme
from ppo.plans.lifecycle import force_status
from tests.diagnostic.factories import answered, etat_des_lieux, inventaire_questionnaire, programme_of, values
from tests.urlcases import LOGIN, UrlCase, expect, logged_in


def _school(**by_role):
    """Staff of the school and the platform admin read a draft programme; everybody else gets 404."""
    return expect(
        404, **{"anonyme": LOGIN, "direction": 200, "redacteur": 200, "lecteur": 200, "admin": 200, **by_role}
    )


def _editors(ok=200, **by_role):
    """The direction and the rédacteurs write; those who only read get 403."""
    return _school(**{"direction": ok, "redacteur": ok, "lecteur": 403, "admin": 403, **by_role})


def _direction(ok=200, **by_role):
    return _school(**{"direction": ok, "redacteur": 403, "lecteur": 403, "admin": 403, **by_role})


def url_cases(world):
    director, redacteur = world.users["direction"], world.users["redacteur"]
    programme = programme_of(world.school, director, first_year=2024)
    transmitted = programme_of(world.school, director, first_year=2018)
    force_status(programme=transmitted, status=StatutProgramme.TRANSMIS, user=director)
    inventory = answered(programme, redacteur, inventaire_questionnaire(), items=2)
    answered(programme, director, etat_des_lieux())
    item_to_delete, item_to_convert = inventory.inventory_items.all()
    indicateur = values(world.school, director, years=(2022,))
    valeur = indicateur.valeurs.get()
    objectif = ObjectifCible.objects.create(programme=programme, indicateur=indicateur, target=60, horizon_year=2027)
    to_delete = ObjectifCible.objects.create(programme=programme, indicateur=indicateur, target=70, horizon_year=2027)
    axe = AxeAmelioration.objects.create(programme=programme, category=CategorieAxe.VIGILANCE, text="Décrochage")
    job = import_job_start(
        programme=programme,
        user=director,
        name="valeurs.csv",
        data=f"uai;indicateur;annee;valeur\n{world.school.uai};ips;2023;101\n0000000A;ips;2023;99\n".encode(),
    )
    job_kwargs = {"pk": programme.pk, "job_pk": job.pk}
    p = {"pk": programme.pk}
    code = {"pk": programme.pk, "code": "inventaire-des-actions"}
    return [
        UrlCase("diagnostic:programme", reverse("diagnostic:programme", kwargs=p), _school()),
        # Supervisors read a programme once transmitted, not before.
        UrlCase(
            "diagnostic:programme",
            reverse("diagnostic:programme", kwargs={"pk": transmitted.pk}),
            _school(academie=200, bassin=200),
        ),
        UrlCase("diagnostic:valeur_create", reverse("diagnostic:valeur_create", kwargs=p), _editors()),
        UrlCase(
            "diagnostic:valeur_create",
            reverse("diagnostic:valeur_create", kwargs=p),
            _editors(302),
            method="post",
            data={"indicateur": indicateur.pk, "year": "2023", "value": "51,5", "scope": ""},
        ),
        UrlCase("diagnostic:import", reverse("diagnostic:import", kwargs=p), _editors()),
        UrlCase("diagnostic:import_job", reverse("diagnostic:import_job", kwargs=job_kwargs), _editors()),
        UrlCase(
            "diagnostic:import_job_report", reverse("diagnostic:import_job_report", kwargs=job_kwargs), _editors()
        ),
        UrlCase(
            "diagnostic:indicateur",
            reverse("diagnostic:indicateur", kwargs={"pk": programme.pk, "code": indicateur.code}),
            _school(),
        ),
        # The direction deletes the value first; the rédacteur then finds nothing left (404).
        UrlCase(
            "diagnostic:valeur_delete",
            reverse("diagnostic:valeur_delete", kwargs={"pk": programme.pk, "valeur_pk": valeur.pk}),
            _editors(302, redacteur=404),
            method="post",
        ),
        UrlCase(
            "diagnostic:import_template", reverse("diagnostic:import_template", kwargs={"ext": "csv"}), logged_in()
        ),
        UrlCase(
            "diagnostic:import_template", reverse("diagnostic:import_template", kwargs={"ext": "xlsx"}), logged_in()
        ),
        UrlCase("diagnostic:answer", reverse("diagnostic:answer", kwargs=code), _editors()),
        UrlCase(
            "diagnostic:inventaire_add",
            reverse("diagnostic:inventaire_add", kwargs=code),
            _editors(302),
            method="post",
            data={"title": "Forum des métiers"},
        ),
        # The direction's « état des lieux » is answered by the direction only.
        UrlCase(
            "diagnostic:answer",
            reverse("diagnostic:answer", kwargs={"pk": programme.pk, "code": "etat-des-lieux"}),
            _direction(),
        ),
        UrlCase("diagnostic:side_by_side", reverse("diagnostic:side_by_side", kwargs=code), _direction()),
        UrlCase("diagnostic:aggregated", reverse("diagnostic:aggregated", kwargs=code), _direction()),
        # Académie and bassin users (and operators) list the values out of range of the schools they follow.
        UrlCase(
            "diagnostic:valeurs_a_corriger",
            reverse("diagnostic:valeurs_a_corriger"),
            expect(403, anonyme=LOGIN, academie=200, bassin=200, autre_academie=200, admin=200),
        ),
        UrlCase("diagnostic:inventaire", reverse("diagnostic:inventaire", kwargs=p), _direction()),
        UrlCase(
            "diagnostic:inventaire_convert",
            reverse("diagnostic:inventaire_convert", kwargs={"pk": item_to_convert.pk}),
            # The rédacteur who listed it sees it but does not turn it into a plan action; others' items are 404.
            _direction(redacteur=403, lecteur=404, admin=404),
        ),
        # Only its author removes an item (the walk asks the direction first: 403, then the rédacteur removes it).
        UrlCase(
            "diagnostic:inventaire_delete",
            reverse("diagnostic:inventaire_delete", kwargs={"pk": item_to_delete.pk}),
            expect(404, anonyme=LOGIN, direction=403, redacteur=302),
            method="post",
        ),
        UrlCase("diagnostic:synthese", reverse("diagnostic:synthese", kwargs=p), _school()),
        UrlCase("diagnostic:objectif_create", reverse("diagnostic:objectif_create", kwargs=p), _editors()),
        UrlCase(
            "diagnostic:objectif_update",
            reverse("diagnostic:objectif_update", kwargs={"pk": programme.pk, "objectif_pk": objectif.pk}),
            _editors(),
        ),
        # The direction deletes first (302); afterwards the objective no longer exists (404 for everybody).
        UrlCase(
            "diagnostic:objectif_delete",
            reverse("diagnostic:objectif_delete", kwargs={"pk": to_delete.pk}),
            expect(404, anonyme=LOGIN, direction=302),
            method="post",
        ),
        UrlCase(
            "diagnostic:axe_create",
            reverse("diagnostic:axe_create", kwargs=p),
            _editors(302),
            method="post",
            data={"category": CategorieAxe.PARTENARIATS, "text": "Associer les branches professionnelles"},
        ),
        UrlCase(
            "diagnostic:axe_delete",
            reverse("diagnostic:axe_delete", kwargs={"pk": axe.pk}),
            expect(404, anonyme=LOGIN, direction=302),
            method="post",
        ),
    ]
