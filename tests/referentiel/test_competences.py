"""ONISEP's « compétences à s’orienter » as reference data (migrations 0006-0007), edited in the administration."""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from ppo.referentiel.competences import COMPETENCES
from ppo.referentiel.models import Competence, FamilleCompetences
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

migration = importlib.import_module("ppo.referentiel.migrations.0007_competences_data")


def test_three_families_of_five_ordered_competences_with_source_and_version():
    familles = list(FamilleCompetences.objects.all())
    assert [f.label for f in familles] == [
        "S’informer et se repérer dans la société de l’information",
        "Se découvrir et cultiver ses ambitions",
        "Se construire et se projeter dans un monde en mouvement",
    ]
    for famille in familles:
        assert famille.source.startswith("ONISEP") and "modifiable" in famille.source
        assert famille.version
        competences = list(famille.competences.order_by("order"))
        assert [c.order for c in competences] == [1, 2, 3, 4, 5]
        assert all(c.label and c.code and c.progression_college and c.progression_lycee for c in competences)
    assert Competence.objects.get(code="c2-3").number == "2.3"


def test_the_data_migration_reverses_and_keeps_an_edited_list():
    migration.unload(apps, None)
    assert not Competence.objects.exists()
    migration.load(apps, None)
    assert Competence.objects.count() == sum(len(c) for _, _, c in COMPETENCES) == 15
    FamilleCompetences.objects.filter(code="informer").update(label="Libellé corrigé")
    migration.load(apps, None)  # an existing list is left alone
    assert FamilleCompetences.objects.get(code="informer").label == "Libellé corrigé"
    assert Competence.objects.count() == 15


def test_an_operator_edits_a_competence_in_the_administration(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    famille = FamilleCompetences.objects.get(code="decouvrir")
    page = client.get(reverse("admin:referentiel_famillecompetences_change", args=[famille.pk]))
    assert page.status_code == 200
    assert "Se découvrir et cultiver ses ambitions" in page.content.decode()
    competence = Competence.objects.get(code="c2-1")
    response = client.post(
        reverse("admin:referentiel_competence_change", args=[competence.pk]),
        {
            "famille": famille.pk,
            "code": "c2-1",
            "label": "Identifier ses centres d’intérêt",
            "order": 1,
            "progression_college": "",
            "progression_lycee": "",
        },
    )
    assert response.status_code == 302
    competence.refresh_from_db()
    assert competence.label == "Identifier ses centres d’intérêt"
