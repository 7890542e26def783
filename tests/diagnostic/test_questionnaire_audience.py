"""Who answers which questionnaire (the direction's « état des lieux » refuses the rédacteurs), and the aggregated
view: answers counted per question, who has not answered yet."""

from decimal import Decimal

import pytest
from django.urls import reverse

from ppo.comptes.enums import Role
from ppo.diagnostic import perms
from ppo.diagnostic.enums import TypeQuestion
from ppo.diagnostic.models import Reponse
from ppo.diagnostic.selectors import aggregated
from ppo.diagnostic.services import reponse_get_or_create, reponse_save
from tests.diagnostic.factories import answered, etat_des_lieux, inventaire_questionnaire, programme_of
from tests.factories import EtablissementFactory, user_with

pytestmark = pytest.mark.django_db


@pytest.fixture
def team():
    school = EtablissementFactory(lp=True)
    people = {
        "direction": user_with(Role.DIRECTION, etablissement=school),
        "adjoint": user_with(Role.DIRECTION, etablissement=school),
        "karim": user_with(Role.REDACTEUR, etablissement=school),
        "amelie": user_with(Role.REDACTEUR, etablissement=school),
        "lecteur": user_with(Role.LECTEUR, etablissement=school),
    }
    people["adjoint"].last_name, people["karim"].last_name = "Adjoint", "Karim"
    people["adjoint"].save()
    people["karim"].save()
    return school, people, programme_of(school, people["direction"])


def _url(name, programme, questionnaire):
    return reverse(f"diagnostic:{name}", kwargs={"pk": programme.pk, "code": questionnaire.code})


def test_the_direction_questionnaire_refuses_the_redacteurs_in_perms_and_in_the_view(client, team):
    _school, people, programme = team
    etat, inventaire = etat_des_lieux(), inventaire_questionnaire()
    assert perms.can_answer_questionnaire(people["direction"], programme, etat)
    assert not perms.can_answer_questionnaire(people["karim"], programme, etat)
    assert not perms.can_answer_questionnaire(people["lecteur"], programme, etat)
    assert perms.can_answer_questionnaire(people["karim"], programme, inventaire)
    assert perms.can_answer_questionnaire(people["direction"], programme, inventaire)

    client.force_login(people["karim"])
    response = client.get(_url("answer", programme, etat))
    assert response.status_code == 403
    question = next(q for s in etat.sections.all() for q in s.questions.all() if q.kind == TypeQuestion.TEXTE)
    response = client.post(_url("answer", programme, etat), {f"q{question.pk}_text": "Moi aussi", "envoyer": "1"})
    assert response.status_code == 403
    assert not Reponse.objects.filter(questionnaire=etat).exists()
    assert client.post(_url("inventaire_add", programme, etat), {"title": "Forum"}).status_code == 403
    assert client.get(_url("answer", programme, inventaire)).status_code == 200

    # The Analyser page offers « Répondre » only where the user may answer.
    page = client.get(reverse("diagnostic:programme", kwargs={"pk": programme.pk})).content.decode()
    assert f'Répondre<span class="fr-sr-only"> : {inventaire.title}' in page
    assert f'Répondre<span class="fr-sr-only"> : {etat.title}' not in page
    assert "Pour : équipe de direction seulement" in page

    client.force_login(people["direction"])
    assert client.get(_url("answer", programme, etat)).status_code == 200


def _answer(programme, user, questionnaire, by_kind, *, submit=True):
    reponse = reponse_get_or_create(programme=programme, questionnaire=questionnaire, user=user)
    answers = {}
    for section in questionnaire.sections.all():
        for q in section.questions.all():
            if q.kind in by_kind:
                answers[q] = by_kind[q.kind](q)
    reponse_save(reponse=reponse, answers=answers, submit=submit)
    return reponse


def test_aggregated_view_counts_answers_per_question_and_lists_who_has_not_answered(
    client, team, django_assert_max_num_queries
):
    _school, people, programme = team
    etat = etat_des_lieux()
    questions = [q for s in etat.sections.all() for q in s.questions.all()]
    yes_no = next(q for q in questions if q.kind == TypeQuestion.OUI_NON)
    choice = next(q for q in questions if q.kind == TypeQuestion.CHOIX)
    number = next(q for q in questions if q.kind == TypeQuestion.NOMBRE)
    text = next(q for q in questions if q.kind == TypeQuestion.TEXTE)

    _answer(
        programme,
        people["direction"],
        etat,
        {
            TypeQuestion.OUI_NON: lambda q: {"yes_no": True, "text": ""},
            TypeQuestion.CHOIX: lambda q: {"choice": q.choices[0], "text": ""},
            TypeQuestion.NOMBRE: lambda q: {"number": Decimal(4), "text": ""},
            TypeQuestion.TEXTE: lambda q: {"text": "Un comité par trimestre"},
        },
    )
    _answer(
        programme,
        people["adjoint"],
        etat,
        {
            TypeQuestion.OUI_NON: lambda q: {"yes_no": False, "text": ""},
            TypeQuestion.CHOIX: lambda q: {"choice": q.choices[0], "text": ""},
            TypeQuestion.NOMBRE: lambda q: {"number": Decimal(10), "text": ""},
        },
    )
    # A draft is not counted; the rédacteurs are not expected on the direction's questionnaire.
    third = user_with(Role.DIRECTION, etablissement=programme.ppo.etablissement)
    _answer(programme, third, etat, {TypeQuestion.OUI_NON: lambda q: {"yes_no": True, "text": ""}}, submit=False)
    fourth = user_with(Role.DIRECTION, etablissement=programme.ppo.etablissement)

    aggregate = aggregated(programme=programme, questionnaire=etat)
    rows = {row.question.pk: row for _section, rows in aggregate.sections for row in rows}
    assert dict(rows[yes_no.pk].counts) == {"Oui": 1, "Non": 1}
    assert rows[yes_no.pk].answered == 2
    assert dict(rows[choice.pk].counts)[choice.choices[0]] == 2
    assert sum(n for _label, n in rows[choice.pk].counts) == 2
    assert rows[number.pk].numbers == {
        "n": 2,
        "min": Decimal(4),
        "max": Decimal(10),
        "sum": Decimal(14),
        "mean": Decimal(7),
    }
    assert rows[text.pk].answered == 1
    assert [r.respondent for r in aggregate.submitted] == sorted(
        [people["direction"], people["adjoint"]], key=lambda u: u.last_name
    )
    assert [r.respondent for r in aggregate.drafts] == [third]
    assert aggregate.missing == [fourth]  # not the rédacteurs, not the lecteur

    client.force_login(people["direction"])
    url = _url("aggregated", programme, etat)
    client.get(url)
    with django_assert_max_num_queries(20):
        page = client.get(url).content.decode()
    assert "2 réponses envoyées, 1 brouillon en cours, 1 personne sans réponse." in page
    assert f"{fourth.get_full_name() or fourth.email} — pas commencé" in page
    assert "Oui : 1" in page and "Non : 1" in page
    assert "de 4 à 10, moyenne 7" in page
    assert "Lire les réponses côte à côte" in page

    client.force_login(people["karim"])
    assert client.get(url).status_code == 403


def test_aggregated_view_expects_the_whole_team_on_the_inventory(team):
    _school, people, programme = team
    answered(programme, people["karim"], inventaire_questionnaire(), items=3)
    aggregate = aggregated(programme=programme, questionnaire=inventaire_questionnaire())
    assert {u.pk for u in aggregate.missing} == {people["direction"].pk, people["adjoint"].pk, people["amelie"].pk}
    actions = next(row for _s, rows in aggregate.sections for row in rows if row.question.kind == TypeQuestion.ACTIONS)
    assert actions.counts == [("Actions listées", 3)]
