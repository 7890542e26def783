"""The official name « Campus des métiers et des qualifications » in the checklists (migration 0006)."""

import importlib

import pytest
from django.apps import apps

from ppo.documents.importer.reader import Reference
from ppo.documents.textnorm import norm
from ppo.plans.frame import CMQ
from ppo.plans.models import RessourceItem

pytestmark = pytest.mark.django_db

SEED_SPELLING = "Campus de métiers et des qualifications (CMQ)"
migration = importlib.import_module("ppo.plans.migrations.0007_nom_officiel_cmq")


def test_the_checklist_uses_the_official_name():
    assert CMQ == "Campus des métiers et des qualifications (CMQ)"
    item = RessourceItem.objects.get(category="partenariats", label=CMQ)
    assert item.is_active and item.is_economic_world
    assert not RessourceItem.objects.filter(label=SEED_SPELLING).exists()


def test_the_migration_renames_in_place_and_reverses():
    item = RessourceItem.objects.get(label=CMQ)
    migration.backwards(apps, None)
    item.refresh_from_db()
    assert item.label == SEED_SPELLING
    migration.forwards(apps, None)
    item.refresh_from_db()
    assert item.label == CMQ


def test_a_word_document_with_the_seed_spelling_still_ticks_the_box():
    ref = Reference.load()
    item = RessourceItem.objects.get(label=CMQ)
    assert ref.items["partenariats"][norm(SEED_SPELLING)] == item
    assert ref.items["partenariats"][norm(CMQ)] == item
