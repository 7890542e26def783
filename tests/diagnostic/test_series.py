"""One series per indicator and précision: « Ensemble » typed joins the seeded blank series, case and accents are
folded on every entry path, the database refuses a second series, and the migration merges existing duplicates."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import timezone

from ppo.comptes.enums import Role
from ppo.diagnostic.models import Indicateur, ObjectifCible, ValeurIndicateur
from ppo.diagnostic.selectors import indicator_series, indicator_table, objectifs_with_trend
from ppo.diagnostic.services import objectif_save, valeur_save, valeurs_import
from ppo.diagnostic.validation import scope_key, scope_label
from tests.diagnostic.factories import programme_of
from tests.factories import EtablissementFactory, user_with


@pytest.fixture
def setting(db):
    school = EtablissementFactory(lp=True)
    director = user_with(Role.DIRECTION, etablissement=school)
    return school, director, programme_of(school, director)


def _taux():
    return Indicateur.objects.get(code="taux_poursuite_etudes")


def test_precisions_are_folded():
    assert scope_key("") == scope_key("Ensemble") == scope_key("  ensemble ") == scope_key("ENSEMBLE") == ""
    assert scope_key("Apprentis") == scope_key(" apprentis ") == "apprentis"
    assert scope_key("Numérique et  sciences informatiques") == "numerique et sciences informatiques"
    assert scope_label("  Ensemble ") == ""
    assert scope_label("Bac  pro ") == "Bac pro"


def test_typing_ensemble_joins_the_seeded_series(client, setting):
    school, director, programme = setting
    valeurs_import(
        name="seed.csv", data=b"indicateur;annee;valeur\ntaux_poursuite_etudes;2022;40\n", etablissement=school
    )
    client.force_login(director)
    url = reverse("diagnostic:valeur_create", kwargs={"pk": programme.pk})
    client.post(url, {"indicateur": _taux().pk, "year": "2023", "value": "44", "scope": "Ensemble"})
    client.post(url, {"indicateur": _taux().pk, "year": "2022", "value": "41", "scope": " ensemble"})
    assert list(ValeurIndicateur.objects.values_list("year", "scope", "value")) == [
        (2022, "", Decimal(41)),
        (2023, "", Decimal(44)),
    ]
    [row] = indicator_table(etablissement=school).rows
    assert row.scope == "" and [v.value for v in row.values] == [41, 44]


def test_case_and_accents_are_folded_on_typing_import_and_objectives(setting):
    school, director, programme = setting
    valeur_save(
        etablissement=school, indicateur=_taux(), year=2021, value=Decimal(20), scope="Apprentis", user=director
    )
    valeur_save(
        etablissement=school, indicateur=_taux(), year=2022, value=Decimal(22), scope="apprentis ", user=director
    )
    valeurs_import(
        name="f.csv",
        data=b"indicateur;annee;valeur;precision\ntaux_poursuite_etudes;2023;25;APPRENTIS\n",
        etablissement=school,
    )
    series = indicator_series(etablissement=school, indicateur=_taux(), scope="apprentis")
    assert [(v.year, v.value) for v in series] == [(2021, 20), (2022, 22), (2023, 25)]
    assert len(indicator_table(etablissement=school).rows) == 1
    objectif = objectif_save(
        objectif=ObjectifCible(
            programme=programme, indicateur=_taux(), scope="APPRENTIS", target=Decimal(30), horizon_year=2027
        )
    )
    assert (objectif.baseline, objectif.baseline_year) == (Decimal(25), 2023)
    [view] = objectifs_with_trend(programme=programme)
    assert len(view.series) == 3


def test_an_import_holding_ensemble_and_blank_for_one_year_writes_one_value(setting):
    school, _director, _programme = setting
    text = (
        "indicateur;annee;valeur;precision\ntaux_poursuite_etudes;2023;40;\ntaux_poursuite_etudes;2023;42;Ensemble\n"
    )
    valeurs_import(name="f.csv", data=text.encode(), etablissement=school)
    assert list(ValeurIndicateur.objects.values_list("scope", "value")) == [("", Decimal(42))]


def test_the_database_keeps_one_value_per_normalised_precision(setting):
    school, _director, _programme = setting
    ValeurIndicateur.objects.create(etablissement=school, indicateur=_taux(), year=2023, value=1, scope="")
    with pytest.raises(IntegrityError), transaction.atomic():
        ValeurIndicateur.objects.create(etablissement=school, indicateur=_taux(), year=2023, value=2, scope="Ensemble")
    ValeurIndicateur.objects.create(etablissement=school, indicateur=_taux(), year=2023, value=3, scope="Apprentis")
    with pytest.raises(IntegrityError), transaction.atomic():
        ValeurIndicateur.objects.bulk_create(
            [
                ValeurIndicateur(
                    etablissement=school,
                    indicateur=_taux(),
                    year=2023,
                    value=4,
                    scope="apprentis",
                    scope_key="apprentis",
                )
            ]
        )


BEFORE = [("diagnostic", "0007_indicateur_bornes")]
AFTER = [("diagnostic", "0008_series_precision_normalisee")]


def _migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target)
    return executor.loader.project_state(target).apps


# serialized_rollback: the data of the migrations (axes, niveaux, indicators…) is reloaded for the tests after it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_merges_duplicate_series_keeping_every_value_and_reverses():
    school = EtablissementFactory(lp=True)
    other = EtablissementFactory(lp=True)
    author = user_with(Role.DIRECTION, etablissement=school)
    old_apps = _migrate(BEFORE)
    Valeur = old_apps.get_model("diagnostic", "ValeurIndicateur")
    taux = old_apps.get_model("diagnostic", "Indicateur").objects.get(code="taux_poursuite_etudes").pk
    now = timezone.now()

    def value(year, scope, amount, *, school_id=school.pk, age=0, **extra):
        v = Valeur.objects.create(
            etablissement_id=school_id, indicateur_id=taux, year=year, scope=scope, value=amount, **extra
        )
        Valeur.objects.filter(pk=v.pk).update(imported_at=now - timedelta(days=age))
        return v.pk

    seeded_2022 = value(2022, "", 40, age=30, source="inserjeunes", source_detail="depp.csv")
    typed_2022 = value(2022, "Ensemble", 41, age=1, entered_by_id=author.pk)  # newer: becomes the value
    seeded_2023 = value(2023, "", 44, age=30)
    only_ensemble = value(2021, "ensemble ", 38, age=2)  # no twin: relabelled, kept
    value(2023, "Apprentis", 20, age=5)
    value(2023, "apprentis", 21, age=10)  # older twin of « Apprentis »
    value(2022, "apprentis", 19, age=10)
    untouched = value(2022, "Ensemble", 55, school_id=other.pk)
    assert Valeur.objects.count() == 8
    Objectif = old_apps.get_model("diagnostic", "ObjectifCible")
    programme_id = programme_of(school, author).pk
    ensemble = Objectif.objects.create(
        programme_id=programme_id, indicateur_id=taux, scope="ENSEMBLE", target=50, horizon_year=2027
    )
    capitals = Objectif.objects.create(
        programme_id=programme_id, indicateur_id=taux, scope="APPRENTIS", target=30, horizon_year=2027
    )

    new_apps = _migrate(AFTER)
    Valeur = new_apps.get_model("diagnostic", "ValeurIndicateur")
    Archive = new_apps.get_model("diagnostic", "ValeurArchivee")
    mine = Valeur.objects.filter(etablissement_id=school.pk)
    assert sorted(mine.values_list("year", "scope", "scope_key", "value")) == [
        (2021, "", "", Decimal(38)),
        (2022, "", "", Decimal(41)),
        (2022, "apprentis", "apprentis", Decimal(19)),
        (2023, "", "", Decimal(44)),
        (2023, "apprentis", "apprentis", Decimal(20)),  # the label most values carry
    ]
    # The older value of 2022 is kept, with its source, beside the value that replaced it.
    merged = Archive.objects.get(motif="fusion", valeur_id=typed_2022)
    assert (merged.scope, merged.value, merged.source, merged.source_detail) == (
        "",
        Decimal(40),
        "inserjeunes",
        "depp.csv",
    )
    assert Archive.objects.get(motif="fusion", scope="apprentis").value == Decimal(21)
    # Former labels kept: « Ensemble » (2022, both schools), « ensemble  » (2021), « Apprentis » (2023).
    assert sorted(Archive.objects.filter(motif="precision").values_list("scope", flat=True)) == [
        "Apprentis",
        "Ensemble",
        "Ensemble",
        "ensemble ",
    ]
    assert not Valeur.objects.filter(pk=seeded_2022).exists()
    assert Valeur.objects.get(pk=seeded_2023).scope == ""
    assert Valeur.objects.get(pk=only_ensemble).scope == ""
    assert Valeur.objects.get(pk=untouched).scope_key == ""
    Objectif = new_apps.get_model("diagnostic", "ObjectifCible")
    assert Objectif.objects.get(pk=ensemble.pk).scope == ""
    assert Objectif.objects.get(pk=capitals.pk).scope == "apprentis"  # the label of the school's series

    old_apps = _migrate(BEFORE)
    Valeur = old_apps.get_model("diagnostic", "ValeurIndicateur")
    mine = Valeur.objects.filter(etablissement_id=school.pk)
    assert sorted(mine.values_list("year", "scope", "value")) == [
        (2021, "ensemble ", Decimal(38)),
        (2022, "", Decimal(40)),
        (2022, "Ensemble", Decimal(41)),
        (2022, "apprentis", Decimal(19)),
        (2023, "", Decimal(44)),
        (2023, "Apprentis", Decimal(20)),
        (2023, "apprentis", Decimal(21)),
    ]
    restored = mine.get(year=2022, scope="")
    assert (restored.source, restored.source_detail) == ("inserjeunes", "depp.csv")
    assert abs(restored.imported_at - (now - timedelta(days=30))) < timedelta(seconds=1)
    assert Valeur.objects.get(pk=untouched).scope == "Ensemble"
    executor = MigrationExecutor(connection)
    _migrate(executor.loader.graph.leaf_nodes())  # back to the latest state, for the tests that follow


def test_history_page_shows_the_values_set_aside(client, setting):
    school, director, programme = setting
    kept = valeur_save(etablissement=school, indicateur=_taux(), year=2022, value=Decimal(41), user=director)
    kept.archives.create(
        motif="fusion", scope="Ensemble", value=Decimal(40), source="inserjeunes", source_detail="depp.csv"
    )
    client.force_login(director)
    page = client.get(
        reverse("diagnostic:indicateur", kwargs={"pk": programme.pk, "code": "taux_poursuite_etudes"})
    ).content.decode()
    assert "Valeur remplacée lors de la fusion de deux séries" in page
    assert "depp.csv" in page
