"""Synthétiser: target objectives with the indicator's trend, improvement axes, progression over the PPO."""

from decimal import Decimal

import pytest
from django.urls import reverse

from ppo.comptes.enums import Role
from ppo.diagnostic.enums import CategorieAxe
from ppo.diagnostic.models import AxeAmelioration, Indicateur, ObjectifCible
from ppo.diagnostic.selectors import indicator_series, latest_value, progression_table
from ppo.plans.models import Axe
from ppo.plans.services import action_create, programme_start_next_year
from tests.diagnostic.factories import programme_of, values
from tests.factories import EtablissementFactory, user_with


@pytest.fixture
def setting(db):
    school = EtablissementFactory(lp=True)
    director = user_with(Role.DIRECTION, etablissement=school)
    return school, director, programme_of(school, director)


def test_series_and_latest_value(setting):
    school, director, programme = setting
    indicateur = values(school, director, years=(2023, 2021, 2022), start=40)
    assert [v.year for v in indicator_series(etablissement=school, indicateur=indicateur)] == [2021, 2022, 2023]
    assert latest_value(etablissement=school, indicateur=indicateur).value == 40
    assert latest_value(etablissement=EtablissementFactory(), indicateur=indicateur) is None


def test_objective_takes_the_latest_value_as_baseline_and_shows_the_trend(client, setting):
    school, director, programme = setting
    indicateur = values(school, director, years=(2021, 2022, 2023), start=50)
    client.force_login(director)
    client.post(
        reverse("diagnostic:objectif_create", kwargs={"pk": programme.pk}),
        {"indicateur": indicateur.pk, "scope": "", "target": "60", "horizon_year": "2027", "comment": "Cap à 60 %"},
    )
    objectif = ObjectifCible.objects.get()
    assert (objectif.baseline, objectif.baseline_year) == (Decimal(52), 2023)
    text = client.get(reverse("diagnostic:synthese", kwargs={"pk": programme.pk})).content.decode()
    assert "En hausse" in text
    assert "2021-2022 : 50" in text and "2023-2024 : 52" in text  # the table equivalent of the sparkline
    assert "<polyline" in text


def test_objective_form_refuses_a_missing_target(client, setting):
    school, director, programme = setting
    client.force_login(director)
    response = client.post(
        reverse("diagnostic:objectif_create", kwargs={"pk": programme.pk}),
        {"indicateur": Indicateur.objects.first().pk, "target": "", "horizon_year": "2027"},
    )
    assert response.status_code == 200
    assert not ObjectifCible.objects.exists()


def test_improvement_axes_are_grouped_by_category(client, setting):
    school, director, programme = setting
    client.force_login(director)
    url = reverse("diagnostic:axe_create", kwargs={"pk": programme.pk})
    client.post(url, {"category": CategorieAxe.VIGILANCE, "text": "Absentéisme en CAP"})
    client.post(url, {"category": CategorieAxe.COMMUNICATION, "text": "Lettre aux familles"})
    client.post(url, {"category": "inconnue", "text": "Rien"})
    assert AxeAmelioration.objects.count() == 2
    text = client.get(reverse("diagnostic:synthese", kwargs={"pk": programme.pk})).content.decode()
    assert "Point de vigilance" in text and "Communication interne et externe à renforcer" in text


def test_progression_shows_a_carried_forward_action_on_one_row(setting):
    school, director, programme = setting
    niveaux = list(school.niveaux.all()[:2])
    axe = Axe.objects.get(number=2)
    action_create(programme=programme, user=director, axe=axe, niveaux=niveaux, title="Visites d’entreprises")
    action_create(programme=programme, user=director, axe=axe, niveaux=niveaux[:1], title="Forum une seule année")
    nxt = programme_start_next_year(programme=programme, user=director, action_ids=[programme.actions.first().pk])
    copy = nxt.actions.get()
    copy.title = "Visites d’entreprises (renouvelées)"
    copy.save()
    years, rows = progression_table(ppo=programme.ppo)
    assert years == [2025, 2026, 2027]
    assert len(rows) == 2
    carried = next(r for r in rows if r.title.startswith("Visites"))
    assert carried.title == "Visites d’entreprises (renouvelées)"
    labels = [n.short_label for n in niveaux]
    assert carried.cells == [labels, labels, None]
    once = next(r for r in rows if r.title.startswith("Forum"))
    assert once.cells == [labels[:1], None, None]
