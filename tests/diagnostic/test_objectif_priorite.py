"""Target objectives linked to a priority of the campaign of the school's académie (issue 7)."""

import importlib
from decimal import Decimal

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse

from ppo.campagnes.models import Priorite
from ppo.comptes.enums import Role
from ppo.diagnostic.forms import ObjectifForm
from ppo.diagnostic.models import Indicateur, ObjectifCible
from ppo.diagnostic.services import objectif_save
from ppo.referentiel.models import Academie
from tests.campagnes.factories import campagne as make_campagne
from tests.diagnostic.factories import programme_of
from tests.factories import EtablissementFactory, user_with

pytestmark = pytest.mark.django_db

OTHER_ACADEMY_MESSAGE = "Cette priorité n’est pas une priorité de la campagne 2025-2026 de votre académie."


@pytest.fixture
def setting():
    school = EtablissementFactory(lp=True)
    director = user_with(Role.DIRECTION, etablissement=school)
    programme = programme_of(school, director)
    own = Priorite.objects.create(campagne=make_campagne(academie=school.academie), text="Mixité des filières")
    other_academy = Academie.objects.exclude(pk=school.academie_id).first()
    foreign = Priorite.objects.create(campagne=make_campagne(academie=other_academy), text="Priorité de Lille")
    next_year = Priorite.objects.create(
        campagne=make_campagne(academie=school.academie, year=2026), text="Priorité de l’année suivante"
    )
    return school, director, programme, own, foreign, next_year


def _post(client, programme, **extra):
    data = {"indicateur": Indicateur.objects.first().pk, "target": "60", "horizon_year": "2027", **extra}
    return client.post(reverse("diagnostic:objectif_create", kwargs={"pk": programme.pk}), data)


def test_form_offers_only_the_priorities_of_the_campaign_of_the_schools_academie_for_that_year(setting):
    school, director, programme, own, foreign, next_year = setting
    form = ObjectifForm(programme=programme)
    assert list(form.fields["priorite"].queryset) == [own]


def test_objective_linked_to_a_priority_is_shown_on_the_synthesis(client, setting):
    school, director, programme, own, *_ = setting
    client.force_login(director)
    response = _post(client, programme, priorite=own.pk)
    assert response.status_code == 302
    assert ObjectifCible.objects.get().priorite == own
    html = client.get(reverse("diagnostic:synthese", kwargs={"pk": programme.pk})).content.decode()
    assert "Priorité académique : Mixité des filières" in html


@pytest.mark.parametrize("which", ["foreign", "next_year"])
def test_a_priority_of_another_academie_or_year_is_refused_with_a_french_message(client, setting, which):
    school, director, programme, own, foreign, next_year = setting
    client.force_login(director)
    priorite = {"foreign": foreign, "next_year": next_year}[which]
    response = _post(client, programme, priorite=priorite.pk)
    assert response.status_code == 200
    assert OTHER_ACADEMY_MESSAGE in response.content.decode()
    assert not ObjectifCible.objects.exists()


def test_priority_from_the_list_and_free_text_together_are_refused(client, setting):
    school, director, programme, own, *_ = setting
    client.force_login(director)
    response = _post(client, programme, priorite=own.pk, priorite_label="Priorité du bassin")
    assert "Choisissez une priorité de la liste ou écrivez-en une autre, pas les deux." in response.content.decode()
    assert not ObjectifCible.objects.exists()


def test_free_text_priority_stays_possible_and_is_shown_apart(client, setting):
    school, director, programme, *_ = setting
    client.force_login(director)
    _post(client, programme, priorite_label="Priorité du bassin")
    html = client.get(reverse("diagnostic:synthese", kwargs={"pk": programme.pk})).content.decode()
    assert "Autre priorité : Priorité du bassin" in html


def test_without_campaign_the_form_says_so_and_offers_nothing(db):
    school = EtablissementFactory(college=True)
    programme = programme_of(school, user_with(Role.DIRECTION, etablissement=school))
    field = ObjectifForm(programme=programme).fields["priorite"]
    assert list(field.queryset) == []
    assert "pas encore ouvert de campagne 2025-2026" in field.help_text


def test_service_refuses_a_priority_of_another_academie(setting):
    school, director, programme, own, foreign, _ = setting
    objectif = ObjectifCible(
        programme=programme, indicateur=Indicateur.objects.first(), target=Decimal(5), horizon_year=2027
    )
    objectif.priorite = foreign
    with pytest.raises(ValidationError) as error:
        objectif_save(objectif=objectif)
    assert error.value.message_dict["priorite"] == [OTHER_ACADEMY_MESSAGE]
    assert not ObjectifCible.objects.exists()


def test_data_migration_links_matching_labels_and_keeps_the_others(setting):
    school, director, programme, own, *_ = setting
    migration = importlib.import_module("ppo.diagnostic.migrations.0004_objectif_priorite")
    indicateur = Indicateur.objects.first()
    matching = ObjectifCible.objects.create(
        programme=programme,
        indicateur=indicateur,
        target=1,
        horizon_year=2027,
        priorite_label="  mixité des  filières",
    )
    free = ObjectifCible.objects.create(
        programme=programme, indicateur=indicateur, target=2, horizon_year=2027, priorite_label="Priorité du bassin"
    )
    migration.link_labels(apps, None)
    matching.refresh_from_db()
    free.refresh_from_db()
    assert (matching.priorite, matching.priorite_label) == (own, "")
    assert (free.priorite, free.priorite_label) == (None, "Priorité du bassin")
    migration.unlink(apps, None)
    matching.refresh_from_db()
    assert matching.priorite_label == "Mixité des filières"
