from decimal import Decimal

import pytest
from django.urls import reverse

from ppo.comptes.enums import Role
from ppo.plans.models import RessourceItem
from ppo.plans.selectors import programme_completeness, programme_grid
from ppo.referentiel.models import Competence
from tests.factories import EtablissementFactory, user_with
from tests.plans.factories import add_action, page_queries, programme_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def college():
    return EtablissementFactory(college=True)


def _codes(programme):
    return sorted(item.code for item in programme_completeness(programme=programme))


def test_grid_has_one_row_per_level_taught_and_one_cell_per_axis(college):
    programme = programme_for(college)
    sixieme = college.niveaux.get(code="6e")
    action = add_action(programme, axe=2, niveaux=[sixieme, college.niveaux.get(code="5e")], hours=Decimal(3))
    grid = programme_grid(programme=programme)
    assert [row.niveau.code for row in grid.rows] == ["6e", "5e", "4e", "3e"]
    assert [cell.axe.number for cell in grid.rows[0].cells] == [1, 2, 3]
    assert grid.rows[0].cells[1].actions == [action]
    assert grid.rows[1].cells[1].actions == [action]
    assert grid.rows[0].hours == Decimal(3)
    assert grid.empty_cells == 12 - 2


def test_completeness_of_an_empty_programme_lists_each_level_and_the_transverse_points(college):
    programme = programme_for(college)
    items = programme_completeness(programme=programme)
    assert [i.code for i in items] == ["niveau_sans_action"] * 4 + ["egalite_absente", "partenaire_economique_absent"]
    assert items[0].url == reverse("plans:action_create", kwargs={"pk": programme.pk}) + (
        f"?niveau={college.niveaux.get(code='6e').pk}"
    )


def test_completeness_flags_actions_without_who_when_effects_and_empty_cells(college):
    programme = programme_for(college)
    action = add_action(programme, axe=1, niveaux=[college.niveaux.get(code="6e")])
    items = programme_completeness(programme=programme)
    by_code = {i.code: i for i in items}
    assert {"action_sans_qui", "action_sans_quand", "action_sans_effets", "cellule_vide"} <= set(by_code)
    assert by_code["action_sans_qui"].action_id == action.pk
    assert by_code["action_sans_qui"].url == reverse("plans:action_update", kwargs={"pk": action.pk})
    empty = [i for i in items if i.code == "cellule_vide"]
    assert {(i.axe_id is not None, i.niveau_id) for i in empty} == {(True, college.niveaux.get(code="6e").pk)}


def test_completeness_hours_below_reference_and_clean_programme(college):
    programme = programme_for(college)
    economic = RessourceItem.objects.get(label="Représentants du monde économique")
    actor = RessourceItem.objects.get(label="Professeurs Principaux")
    for niveau in college.niveaux.all():
        for axe in (1, 2, 3):
            add_action(
                programme,
                axe=axe,
                niveaux=[niveau],
                hours=Decimal(2),
                actors=[actor],
                period="novembre",
                expected_effects="Des élèves mieux informés.",
                partner_items=[economic],
                gender_equality=True,
                competences=list(Competence.objects.filter(order=axe)),  # one of each family
            )
    items = programme_completeness(programme=programme)
    # 5e (plan Avenir) and 4e: 6 h for 12 h; 3e: 6 h for 36 h.
    assert [i.message for i in items] == [
        "Cinquième : 6 h prévues pour un volume de référence de 12 h.",
        "Quatrième : 6 h prévues pour un volume de référence de 12 h.",
        "Troisième : 6 h prévues pour un volume de référence de 36 h.",
    ]
    add_action(
        programme,
        axe=2,
        niveaux=[college.niveaux.get(code=code) for code in ("5e", "4e", "3e")],
        hours=Decimal(30),
        actors=[actor],
        period="décembre",
        expected_effects="Stage d’observation réussi.",
    )
    assert programme_completeness(programme=programme) == []


def test_grid_page_shows_cells_hours_and_the_todo_summary(client, college):
    programme = programme_for(college)
    add_action(programme, axe=1, niveaux=[college.niveaux.get(code="3e")], title="Entretiens", hours=Decimal(4))
    client.force_login(user_with(Role.REDACTEUR, etablissement=college))
    html = client.get(reverse("plans:programme", kwargs={"pk": programme.pk})).content.decode()
    assert "Entretiens" in html
    assert "Aucune action" in html
    assert "4 h / 36 h" in html
    assert "Sous la référence" in html
    assert "points à compléter" in html
    assert reverse("plans:action_create", kwargs={"pk": programme.pk}) in html


def test_reader_sees_the_grid_without_edit_links(client, college):
    programme = programme_for(college)
    client.force_login(user_with(Role.LECTEUR, etablissement=college))
    html = client.get(reverse("plans:programme", kwargs={"pk": programme.pk})).content.decode()
    assert "Lecture seule" in html
    assert reverse("plans:action_create", kwargs={"pk": programme.pk}) not in html


def _fill(programme, count):
    niveaux = list(programme.ppo.etablissement.niveaux.all())
    actor = RessourceItem.objects.get(label="CPE")
    partner = RessourceItem.objects.get(label="Mission locale")
    for i in range(count):
        add_action(
            programme,
            axe=1 + i % 3,
            niveaux=niveaux[i % len(niveaux) :][:2],
            title=f"Action {i}",
            actors=[actor],
            partner_items=[partner],
            hours=Decimal(1),
        )


@pytest.mark.parametrize("url_name", ["plans:programme", "plans:action_list", "plans:completeness"])
def test_query_count_does_not_grow_with_actions(client, django_assert_num_queries, url_name):
    """The same number of queries with 10 and with 60 actions (one query per action would show as 50 more)."""
    counts = []
    for size in (10, 60):
        etablissement = EtablissementFactory(lp=True)
        programme = programme_for(etablissement)
        _fill(programme, size)
        client.force_login(user_with(Role.REDACTEUR, etablissement=etablissement))
        url = reverse(url_name, kwargs={"pk": programme.pk})
        response, count = page_queries(client, url)
        counts.append(count)
    assert counts[0] == counts[1]
    with django_assert_num_queries(counts[1]):
        client.get(url)
