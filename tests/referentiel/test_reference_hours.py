"""Indicative national reference hours for every level (plan Avenir, migration 0005), shown with their source."""

import importlib
from decimal import Decimal

import pytest
from django.apps import apps
from django.urls import reverse

from ppo.campagnes.models import VolumeReference
from ppo.comptes.enums import Role
from ppo.plans.selectors import programme_grid
from ppo.referentiel.frame import SRC_AVENIR
from ppo.referentiel.models import Niveau
from tests.campagnes.factories import campagne as make_campagne
from tests.factories import EtablissementFactory, user_with
from tests.plans.factories import programme_for

pytestmark = pytest.mark.django_db

PRO = ["3e-prepa-metiers", "2nde-pro", "1re-pro", "tle-pro", "cap-1", "cap-2"]
migration = importlib.import_module("ppo.referentiel.migrations.0005_volumes_plan_avenir")


def _hours():
    return {n.code: n.reference_hours for n in Niveau.objects.all()}


def test_every_level_from_5e_to_terminale_has_a_national_figure_with_its_source():
    hours = _hours()
    assert {code: hours[code] for code in ["5e", *PRO]} == {code: Decimal(12) for code in ["5e", *PRO]}
    # the figures of the seeds stay
    assert (hours["4e"], hours["3e"], hours["2nde-gt"], hours["tle-gt"]) == (12, 36, 54, 54)
    for niveau in Niveau.objects.exclude(code="6e"):
        assert niveau.reference_hours is not None, niveau.code
        assert niveau.reference_hours_source, niveau.code
    assert SRC_AVENIR in Niveau.objects.get(code="tle-pro").reference_hours_source
    assert Niveau.objects.get(code="6e").reference_hours_note.startswith("Aucun volume national en sixième")


def test_the_migration_reverses_and_leaves_a_figure_changed_by_an_operator():
    Niveau.objects.filter(code="cap-1").update(reference_hours=Decimal(20))
    migration.unload(apps, None)
    hours = _hours()
    assert hours["2nde-pro"] is None and hours["5e"] is None
    assert hours["cap-1"] == Decimal(20)
    migration.load(apps, None)
    hours = _hours()
    assert hours["2nde-pro"] == Decimal(12) and hours["cap-1"] == Decimal(20)


def test_a_lycee_professionnel_grid_shows_its_reference_hours_not_pas_de_reference(client):
    lp = EtablissementFactory(lp=True)
    programme = programme_for(lp)
    client.force_login(user_with(Role.REDACTEUR, etablissement=lp))
    page = client.get(reverse("plans:programme", kwargs={"pk": programme.pk})).content.decode()
    assert "pas de référence" not in page
    assert "0 h / 12 h" in page


def test_the_academie_still_overrides_the_national_figure_of_a_pro_level():
    lp = EtablissementFactory(lp=True)
    programme = programme_for(lp)
    VolumeReference.objects.create(campagne=make_campagne(), niveau=lp.niveaux.get(code="2nde-pro"), hours=30)
    rows = {row.niveau.code: row.reference_hours for row in programme_grid(programme=programme).rows}
    assert rows["2nde-pro"] == Decimal(30) and rows["1re-pro"] == Decimal(12)


def test_the_campaign_frame_page_names_the_source(client):
    lp = EtablissementFactory(lp=True)
    programme = programme_for(lp)
    client.force_login(user_with(Role.REDACTEUR, etablissement=lp))
    page = client.get(reverse("plans:cadre", kwargs={"pk": programme.pk})).content.decode()
    assert "Source : Note du 2 juillet 2025" in page
