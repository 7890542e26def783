"""Export a rich programme to Word, import the file into another year: the same actions, fields and ticks."""

from decimal import Decimal

import pytest
from django.apps import apps

from ppo.documents.builders.word import build_docx
from ppo.documents.importer import ImportRefused
from ppo.documents.selectors import programme_document
from ppo.documents.services import word_import_confirm, word_import_prepare

COMPARED = [
    "title",
    "kind",
    "objective",
    "actors_other",
    "period",
    "start_date",
    "end_date",
    "description",
    "partners",
    "hours",
    "classes",
    "pupils_count",
    "expected_effects",
    "indicators",
    "gender_equality",
    "internal_comment",
]


def _snapshot(programme):
    rows = []
    for action in programme.actions.order_by("axe__number", "order").prefetch_related(
        "niveaux", "actors", "partner_items"
    ):
        row = {name: getattr(action, name) for name in COMPARED}
        row["axe"] = action.axe.number
        row["niveaux"] = sorted(n.code for n in action.niveaux.all())
        row["actors"] = sorted(i.label for i in action.actors.all())
        row["partner_items"] = sorted(i.label for i in action.partner_items.all())
        rows.append(row)
    # The Word file lists actions group of levels by group: compare them whatever their order.
    return sorted(rows, key=lambda r: (r["axe"], r["niveaux"], r["title"]))


def _diagnostic(programme, direction):
    if not apps.is_installed("ppo.diagnostic"):
        return
    from ppo.diagnostic.enums import CategorieAxe
    from ppo.diagnostic.models import Indicateur, ObjectifCible
    from ppo.diagnostic.services import axe_amelioration_create, objectif_save

    indicateur = Indicateur.objects.get(code="taux_poursuite_etudes")
    objectif_save(
        objectif=ObjectifCible(
            programme=programme,
            indicateur=indicateur,
            scope="voie scolaire",
            baseline=Decimal("41.5"),
            baseline_year=2024,
            target=Decimal("50"),
            horizon_year=2027,
            comment="En lien avec le CMQ.",
        )
    )
    axe_amelioration_create(programme=programme, category=CategorieAxe.VIGILANCE, text="Mixité en MELEC.")


@pytest.mark.django_db
def test_word_round_trip(rich, direction):
    _diagnostic(rich, direction)
    data = build_docx(programme_document(programme=rich))
    word_import = word_import_prepare(ppo=rich.ppo, year=2026, user=direction, filename="ppo.docx", data=data)
    assert word_import.parsed["unrecognised"] == []
    assert word_import.parsed["warnings"] == []
    # The file says 2025-2026 and goes into 2026-2027: refused until that other year is confirmed.
    with pytest.raises(ImportRefused, match="daté de 2025-2026"):
        word_import_confirm(word_import=word_import, user=direction)
    imported = word_import_confirm(word_import=word_import, user=direction, other_year=True)

    assert len(_snapshot(rich)) == 4
    assert _snapshot(imported) == _snapshot(rich)
    assert set(imported.ressources.all()) == set(rich.ressources.all())
    assert imported.ressources_autres == rich.ressources_autres
    assert imported.training == rich.training
    assert imported.notes == rich.notes
    if apps.is_installed("ppo.diagnostic"):
        before = rich.objectifs_cibles.get()
        after = imported.objectifs_cibles.get()
        for name in ("indicateur", "scope", "baseline", "baseline_year", "target", "horizon_year", "comment"):
            assert getattr(after, name) == getattr(before, name), name
        assert [(a.category, a.text) for a in imported.axes_amelioration.all()] == [("vigilance", "Mixité en MELEC.")]
