"""Actions tagged with the « compétences à s’orienter »: the form, the detail, the grid summary, the to-do list."""

import pytest
from django.urls import reverse

from ppo.comptes.enums import Role
from ppo.plans.models import Axe, RessourceItem
from ppo.plans.selectors import programme_completeness, programme_grid
from ppo.plans.services import programme_start_next_year
from ppo.referentiel.models import Competence, FamilleCompetences
from tests.factories import EtablissementFactory, user_with
from tests.plans.factories import add_action, page_queries, programme_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def college():
    return EtablissementFactory(college=True)


@pytest.fixture
def programme(college):
    return programme_for(college)


def _c(code):
    return Competence.objects.get(code=code)


def _untouched(programme, niveau):
    return [
        i.message
        for i in programme_completeness(programme=programme)
        if i.code == "famille_competences_absente" and i.niveau_id == niveau.pk
    ]


def test_the_action_form_offers_the_competences_grouped_by_family_and_saves_them(client, college, programme):
    client.force_login(user_with(Role.REDACTEUR, etablissement=college))
    url = reverse("plans:action_create", kwargs={"pk": programme.pk})
    page = client.get(url).content.decode()
    assert "1. S’informer et se repérer dans la société de l’information" in page
    assert "2.3 Oser formuler des ambitions sans s’interdire de voie" in page
    data = {
        "title": "Rencontres de professionnels",
        "axe": Axe.objects.get(number=2).pk,
        "niveaux": [college.niveaux.get(code="5e").pk],
        "kind": "intervention",
        "actors": [RessourceItem.objects.get(label="CPE").pk],
        "period": "février",
        "expected_effects": "Découvrir des métiers.",
        "competences": [_c("c1-4").pk, _c("c2-3").pk],
    }
    assert client.post(url, data).status_code == 302
    action = programme.actions.get()
    assert set(action.competences.values_list("code", flat=True)) == {"c1-4", "c2-3"}
    # optional: none is fine
    data.update(title="Sans compétence", competences=[])
    assert client.post(url, data).status_code == 302
    assert not programme.actions.get(title="Sans compétence").competences.exists()


def test_an_unknown_competence_is_refused_in_french(client, college, programme):
    client.force_login(user_with(Role.REDACTEUR, etablissement=college))
    url = reverse("plans:action_create", kwargs={"pk": programme.pk})
    response = client.post(
        url,
        {
            "title": "Forum",
            "axe": Axe.objects.get(number=2).pk,
            "niveaux": [college.niveaux.get(code="5e").pk],
            "kind": "intervention",
            "competences": [999999],
        },
    )
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.content.decode()
    assert not programme.actions.exists()


def test_the_detail_shows_the_competences(client, college, programme):
    action = add_action(programme, niveaux=[college.niveaux.get(code="5e")], competences=[_c("c3-3")])
    client.force_login(user_with(Role.LECTEUR, etablissement=college))
    page = client.get(reverse("plans:action_update", kwargs={"pk": action.pk})).content.decode()
    assert "Anticiper les transitions et les procédures d’orientation" in page


def test_grid_summary_and_completeness_flag_a_family_left_untouched_at_a_level(client, college, programme):
    cinquieme = college.niveaux.get(code="5e")
    add_action(programme, niveaux=[cinquieme], competences=[_c("c1-4"), _c("c1-1")])
    add_action(programme, axe=2, niveaux=[cinquieme], competences=[_c("c2-3")])
    grid = programme_grid(programme=programme)
    row = next(r for r in grid.rows if r.niveau == cinquieme)
    coverage = {c.famille.code: [x.code for x in c.covered] for c in grid.coverage(row)}
    assert coverage == {"informer": ["c1-1", "c1-4"], "decouvrir": ["c2-3"], "construire": []}
    assert _untouched(programme, cinquieme) == [
        "Cinquième : aucune action ne travaille les compétences à s’orienter "
        "« Se construire et se projeter dans un monde en mouvement »."
    ]
    # a level without any action is already flagged « aucune action prévue »: not once more per family
    assert _untouched(programme, college.niveaux.get(code="6e")) == []
    add_action(programme, axe=3, niveaux=[cinquieme], competences=[_c("c3-1")])
    assert _untouched(programme, cinquieme) == []

    client.force_login(user_with(Role.REDACTEUR, etablissement=college))
    page = client.get(reverse("plans:programme", kwargs={"pk": programme.pk})).content.decode()
    assert "Compétences à s’orienter travaillées par niveau" in page
    assert "2 sur 5" in page and "1.4 Se repérer dans le monde économique et professionnel" in page


def test_grid_page_queries_do_not_grow_with_tagged_actions(client, college, programme):
    client.force_login(user_with(Role.REDACTEUR, etablissement=college))
    url = reverse("plans:programme", kwargs={"pk": programme.pk})
    add_action(programme, niveaux=[college.niveaux.get(code="5e")], competences=[_c("c1-1")])
    _, few = page_queries(client, url)
    for code in ("4e", "3e"):
        add_action(programme, niveaux=[college.niveaux.get(code=code)], competences=list(Competence.objects.all()))
    _, many = page_queries(client, url)
    assert many == few


def test_next_year_copies_keep_their_competences(college, programme):
    add_action(programme, niveaux=[college.niveaux.get(code="5e")], competences=[_c("c2-1")])
    nxt = programme_start_next_year(programme=programme, user=programme.ppo.created_by)
    assert list(nxt.actions.get().competences.values_list("code", flat=True)) == ["c2-1"]


def test_the_list_is_data_a_new_family_appears_in_the_grid(college, programme):
    famille = FamilleCompetences.objects.create(code="test", label="Famille ajoutée", order=4)
    Competence.objects.create(famille=famille, code="c4-1", label="Compétence ajoutée", order=1)
    add_action(programme, niveaux=[college.niveaux.get(code="5e")])
    assert any("« Famille ajoutée »" in m for m in _untouched(programme, college.niveaux.get(code="5e")))
