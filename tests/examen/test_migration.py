"""The review and the map's outlines moved from campagnes to examen and pilotage: no table changes, no row is lost,
content types follow, and the move reverses."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from ppo.examen.models import Commentaire, Transmission
from tests.campagnes import factories

BEFORE = [("campagnes", "0002_indexes_tableau_de_bord"), ("examen", None), ("pilotage", None)]


def _migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target)
    return executor.loader.project_state([node for node in target if node[1] is not None]).apps


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_review_moves_to_examen_keeping_its_rows_and_back(world):
    from django.contrib.contenttypes.models import ContentType

    programme = factories.programme(world.school, year=2031, user=world.users["direction"])
    factories.action(programme)
    sent = factories.transmitted(programme)
    Commentaire.objects.create(transmission=sent, text="À préciser", author=world.users["academie"])
    ContentType.objects.get_for_model(Transmission)  # the content type exists under examen

    old_apps = _migrate(BEFORE)
    OldTransmission = old_apps.get_model("campagnes", "Transmission")
    assert OldTransmission.objects.get(pk=sent.pk).snapshot == sent.snapshot
    assert old_apps.get_model("campagnes", "Commentaire").objects.filter(transmission_id=sent.pk).count() == 1
    assert (
        old_apps.get_model("contenttypes", "ContentType")
        .objects.filter(app_label="campagnes", model="transmission")
        .exists()
    )

    executor = MigrationExecutor(connection)
    new_apps = _migrate(executor.loader.graph.leaf_nodes())
    assert new_apps.get_model("examen", "Transmission").objects.get(pk=sent.pk).number == sent.number
    assert new_apps.get_model("examen", "Commentaire").objects.filter(transmission_id=sent.pk).count() == 1
    assert ContentType.objects.filter(app_label="examen", model="transmission").count() == 1
    assert not ContentType.objects.filter(app_label="campagnes", model="transmission").exists()


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/academie/campagnes/", "/campagnes/"),
        ("/academie/campagnes/3/modifier/", "/campagnes/3/modifier/"),
        ("/academie/priorites/4/supprimer/", "/campagnes/priorites/4/supprimer/"),
        ("/academie/programme/5/cadre/", "/campagnes/programme/5/cadre/"),
        ("/academie/programme/5/transmission/", "/examen/programme/5/transmission/"),
        ("/academie/transmission/6/", "/examen/transmission/6/"),
        ("/academie/commentaire/7/reponse/", "/examen/commentaire/7/reponse/"),
        ("/academie/analyse/", "/pilotage/"),
        ("/academie/analyse/etablissements/?etat=transmis", "/pilotage/etablissements/?etat=transmis"),
    ],
)
def test_the_old_addresses_of_e_mails_and_bookmarks_redirect(db, client, old, new):
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new


def test_an_unknown_old_address_is_not_found(db, client):
    assert client.get("/academie/inconnue/").status_code == 404
