"""The questionnaires of seed 001 as data, several respondents with drafts, the side-by-side view, the inventory."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from ppo.comptes.enums import Role
from ppo.diagnostic.enums import StatutReponse
from ppo.diagnostic.models import ActionInventaire, Question, Reponse
from ppo.plans.enums import OrigineAction, StatutProgramme
from ppo.plans.lifecycle import force_status
from ppo.plans.models import Action, Axe
from tests.diagnostic.factories import answered, etat_des_lieux, inventaire_questionnaire, programme_of
from tests.factories import EtablissementFactory, user_with

SEED = next((Path(__file__).resolve().parents[3] / "shared" / "seeds").glob("001_*.txt"), None)


def _words(text):
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


@pytest.mark.skipif(SEED is None, reason="seed 001 absent")
@pytest.mark.django_db
def test_every_question_of_seed_001_is_held_in_its_wording():
    bullets = {
        _words(line.lstrip("·"))
        for line in SEED.read_text(encoding="utf-8").splitlines()
        if line.strip().startswith("·")
    }
    bullets.discard("")
    texts = {_words(q.text) for q in Question.objects.all()}
    missing = sorted(bullets - texts)
    assert not missing, missing
    assert len(bullets) == 38


@pytest.mark.django_db
def test_two_questionnaires_for_two_audiences():
    assert etat_des_lieux().get_audience_display() == "Équipe de direction"
    assert inventaire_questionnaire().get_audience_display() == "Équipes éducatives"
    kinds = set(Question.objects.values_list("kind", flat=True))
    assert kinds == {"texte", "oui_non", "choix", "nombre", "actions"}


@pytest.fixture
def team(db):
    school = EtablissementFactory(lp=True)
    people = {
        "direction": user_with(Role.DIRECTION, etablissement=school),
        "karim": user_with(Role.REDACTEUR, etablissement=school),
        "amelie": user_with(Role.REDACTEUR, etablissement=school),
        "lecteur": user_with(Role.LECTEUR, etablissement=school),
    }
    return school, people, programme_of(school, people["direction"])


def _answer_url(programme, questionnaire):
    return reverse("diagnostic:answer", kwargs={"pk": programme.pk, "code": questionnaire.code})


def test_a_respondent_saves_a_draft_then_submits(client, team):
    school, people, programme = team
    questionnaire = inventaire_questionnaire()
    question = Question.objects.get(code="pe-parcoursup")
    yes_no = Question.objects.get(code="pe-cordees")
    client.force_login(people["karim"])
    url = _answer_url(programme, questionnaire)
    client.post(
        url,
        {f"q{question.pk}_text": "Ateliers Parcoursup en janvier", f"q{yes_no.pk}_yes_no": "oui", "enregistrer": ""},
    )
    reponse = Reponse.objects.get(respondent=people["karim"])
    assert reponse.status == StatutReponse.BROUILLON
    assert reponse.answers.get(question=yes_no).yes_no is True

    # The direction does not read a draft, but knows it is under way.
    client.force_login(people["direction"])
    side = client.get(reverse("diagnostic:side_by_side", kwargs={"pk": programme.pk, "code": questionnaire.code}))
    assert "Ateliers Parcoursup" not in side.content.decode()
    assert "Brouillon" in side.content.decode()

    client.force_login(people["karim"])
    response = client.post(url, {f"q{question.pk}_text": "Ateliers Parcoursup en janvier", "envoyer": ""}, follow=True)
    assert "envoyées à la direction" in response.content.decode()
    reponse.refresh_from_db()
    assert reponse.status == StatutReponse.SOUMISE and reponse.submitted_at

    client.force_login(people["direction"])
    side = client.get(reverse("diagnostic:side_by_side", kwargs={"pk": programme.pk, "code": questionnaire.code}))
    assert "Ateliers Parcoursup en janvier" in side.content.decode()


def test_side_by_side_shows_every_submitted_respondent_per_question(client, team):
    school, people, programme = team
    questionnaire = etat_des_lieux()
    answered(programme, people["karim"], questionnaire, text="Avis de Karim")
    answered(programme, people["amelie"], questionnaire, text="Avis d’Amélie")
    answered(programme, people["direction"], questionnaire, text="Brouillon caché", submit=False)
    client.force_login(people["direction"])
    text = client.get(
        reverse("diagnostic:side_by_side", kwargs={"pk": programme.pk, "code": questionnaire.code})
    ).content.decode()
    assert "Avis de Karim ctx-pilotage" in text and "Avis d’Amélie ctx-pilotage" in text
    assert "Brouillon caché" not in text
    assert people["karim"].get_full_name() in text and people["amelie"].get_full_name() in text


def test_lecteurs_neither_answer_nor_read_answers(client, team):
    school, people, programme = team
    answered(programme, people["karim"], etat_des_lieux())
    client.force_login(people["lecteur"])
    questionnaire = etat_des_lieux()
    assert client.get(_answer_url(programme, questionnaire)).status_code == 403
    url = reverse("diagnostic:side_by_side", kwargs={"pk": programme.pk, "code": questionnaire.code})
    assert client.get(url).status_code == 403
    analyse = client.get(reverse("diagnostic:programme", kwargs={"pk": programme.pk})).content.decode()
    assert "Répondre" not in analyse


def test_a_respondent_sees_only_their_own_answers(client, team):
    school, people, programme = team
    answered(programme, people["amelie"], etat_des_lieux(), text="Réponse d’Amélie")
    client.force_login(people["karim"])
    text = client.get(_answer_url(programme, etat_des_lieux())).content.decode()
    assert "Réponse d’Amélie" not in text


def test_direction_turns_three_inventoried_actions_into_plan_actions(client, team):
    school, people, programme = team
    answered(programme, people["karim"], inventaire_questionnaire(), items=2)
    answered(programme, people["amelie"], inventaire_questionnaire(), items=1)
    answered(programme, people["lecteur"], inventaire_questionnaire(), items=1, submit=False)
    client.force_login(people["direction"])
    inventory = client.get(reverse("diagnostic:inventaire", kwargs={"pk": programme.pk})).content.decode()
    assert inventory.count("Reprendre dans le plan<span") == 3  # the draft's item is not listed
    niveau = school.niveaux.first()
    for item in ActionInventaire.objects.filter(reponse__status=StatutReponse.SOUMISE):
        url = reverse("diagnostic:inventaire_convert", kwargs={"pk": item.pk})
        form = client.get(url).content.decode()
        assert f'value="{item.title}"' in form  # prefilled
        client.post(
            url,
            {
                "title": f"{item.title} (plan)",
                "axe": Axe.objects.get(number=2).pk,
                "niveaux": [niveau.pk],
                "kind": "visite",
                "period": item.period,
            },
        )
    actions = Action.objects.filter(programme=programme, origin=OrigineAction.INVENTAIRE)
    assert actions.count() == 3
    assert set(ActionInventaire.objects.exclude(action=None).values_list("action", flat=True)) == set(
        actions.values_list("pk", flat=True)
    )
    inventory = client.get(reverse("diagnostic:inventaire", kwargs={"pk": programme.pk})).content.decode()
    assert inventory.count("Reprise le") == 3

    # Converting again creates nothing.
    item = ActionInventaire.objects.exclude(action=None).first()
    client.post(reverse("diagnostic:inventaire_convert", kwargs={"pk": item.pk}), {"title": "Encore"})
    assert Action.objects.filter(programme=programme).count() == 3


def test_conversion_without_level_is_refused_with_a_message(client, team):
    school, people, programme = team
    reponse = answered(programme, people["karim"], inventaire_questionnaire(), items=1)
    item = reponse.inventory_items.get()
    client.force_login(people["direction"])
    response = client.post(
        reverse("diagnostic:inventaire_convert", kwargs={"pk": item.pk}),
        {"title": "Forum", "axe": Axe.objects.get(number=1).pk, "kind": "seance"},
    )
    assert "Choisissez au moins un niveau." in response.content.decode()
    assert not Action.objects.exists()


def test_no_conversion_while_the_academie_reviews_the_programme(client, team):
    school, people, programme = team
    reponse = answered(programme, people["karim"], inventaire_questionnaire(), items=1)
    force_status(programme=programme, status=StatutProgramme.TRANSMIS, user=people["direction"])
    client.force_login(people["direction"])
    url = reverse("diagnostic:inventaire_convert", kwargs={"pk": reponse.inventory_items.get().pk})
    assert client.get(url).status_code == 403


def test_respondent_adds_and_removes_inventory_items(client, team):
    school, people, programme = team
    questionnaire = inventaire_questionnaire()
    client.force_login(people["karim"])
    niveau = school.niveaux.first()
    client.post(
        reverse("diagnostic:inventaire_add", kwargs={"pk": programme.pk, "code": questionnaire.code}),
        {"title": "Forum des métiers", "niveaux": [niveau.pk], "period": "février"},
    )
    item = ActionInventaire.objects.get()
    assert item.reponse.respondent == people["karim"] and list(item.niveaux.all()) == [niveau]
    response = client.post(
        reverse("diagnostic:inventaire_add", kwargs={"pk": programme.pk, "code": questionnaire.code}),
        {"title": ""},
        follow=True,
    )
    assert "indiquez au moins son intitulé" in response.content.decode()
    client.post(reverse("diagnostic:inventaire_delete", kwargs={"pk": item.pk}))
    assert not ActionInventaire.objects.exists()


def test_side_by_side_of_the_inventory_lists_each_respondents_actions(client, team):
    school, people, programme = team
    questionnaire = inventaire_questionnaire()
    answered(programme, people["karim"], questionnaire, items=2)
    client.force_login(people["direction"])
    url = reverse("diagnostic:side_by_side", kwargs={"pk": programme.pk, "code": questionnaire.code})
    text = client.get(url).content.decode()
    assert f"Action 0 de {people['karim'].email} (mars)" in text and f"Action 1 de {people['karim'].email}" in text
