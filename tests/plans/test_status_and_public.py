import pytest
from django.urls import reverse

from ppo.comptes.enums import Role
from ppo.plans.enums import StatutProgramme
from ppo.plans.lifecycle import TransitionError, take
from ppo.plans.models import RessourceItem
from tests.factories import EtablissementFactory, user_with
from tests.plans.factories import add_action, programme_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def school():
    return EtablissementFactory(lp=True)


@pytest.fixture
def direction(client, school):
    user = user_with(Role.DIRECTION, etablissement=school)
    client.force_login(user)
    return user


def test_cp_advice_then_ca_adoption_then_publication(client, direction, school):
    programme = programme_for(school, user=direction)
    url = reverse("plans:statut", kwargs={"pk": programme.pk})
    # The date of the meeting is required.
    response = client.post(url, {"status": "avis_cp", "date_of_decision": ""})
    assert "Indiquez la date de la séance." in response.content.decode()
    programme.refresh_from_db()
    assert programme.status == StatutProgramme.BROUILLON
    assert client.post(url, {"status": "avis_cp", "date_of_decision": "2026-01-12"}).status_code == 302
    assert (
        client.post(url, {"status": "adopte_ca", "date_of_decision": "2026-02-03", "comment": "D-12"}).status_code
        == 302
    )
    assert client.post(url, {"status": "publie"}).status_code == 302
    programme.refresh_from_db()
    assert programme.status == StatutProgramme.PUBLIE
    changes = list(programme.status_changes.values_list("status", "date_of_decision", "by"))
    assert [c[0] for c in changes] == ["brouillon", "avis_cp", "adopte_ca", "publie"]
    assert str(changes[2][1]) == "2026-02-03"
    assert changes[3][2] == direction.pk
    html = client.get(url).content.decode()
    assert "Historique des statuts" in html and "D-12" in html


def test_publishing_a_draft_is_refused(direction, school):
    programme = programme_for(school, user=direction)
    with pytest.raises(TransitionError):
        take(programme, "publier", direction)


def test_only_the_direction_records_decisions(client, school):
    programme = programme_for(school)
    client.force_login(user_with(Role.REDACTEUR, etablissement=school))
    url = reverse("plans:statut", kwargs={"pk": programme.pk})
    assert client.post(url, {"status": "avis_cp", "date_of_decision": "2026-01-12"}).status_code == 403


def _published(school, direction):
    programme = programme_for(school, user=direction)
    add_action(
        programme,
        title="Forum des métiers",
        objective="Découvrir des métiers.",
        description="Réserver le gymnase auprès de Mme Lefèvre.",
        public_description="Votre enfant rencontre des professionnels de la région.",
        internal_comment="Budget à confirmer avec l’intendance",
        actors_other="M. Dupont, professeur de vente",
        partners="CCI Normandie, contact M. Martin",
        partner_items=[RessourceItem.objects.get(label="Mission locale")],
    )
    for step, date in (("avis_cp", "2026-01-12"), ("adopte_ca", "2026-02-03"), ("publier", None)):
        take(programme, step, direction, date_of_decision=date)
    return programme


def test_public_page_without_login_and_without_internal_data(client, direction, school):
    programme = _published(school, direction)
    client.logout()
    response = client.get(reverse("plans:public_programme", kwargs={"public_id": programme.public_id}))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Forum des métiers" in html and "Mission locale" in html
    assert "Votre enfant rencontre des professionnels de la région." in html
    # The internal description, the free-text partners (names of people) and the objective stay internal.
    for internal in ("Budget à confirmer", "Dupont", "Lefèvre", "M. Martin", "Découvrir des métiers."):
        assert internal not in html
    assert direction.last_name not in html
    assert 'name="viewport"' in html
    # The school's stable address shows the same latest published programme.
    index = client.get(reverse("plans:public_etablissement", kwargs={"uai": school.uai})).content.decode()
    assert "Votre enfant rencontre des professionnels de la région." in index
    assert reverse("documents:public_pdf", args=[programme.public_id]) in index


def test_an_unpublished_programme_has_no_public_page(client, school):
    programme = programme_for(school)
    assert client.get(reverse("plans:public_programme", kwargs={"public_id": programme.public_id})).status_code == 404
    index = client.get(reverse("plans:public_etablissement", kwargs={"uai": school.uai})).content.decode()
    assert "pas encore publié" in index


def test_start_next_year_goes_through_the_bilan(client, direction, school):
    """With the follow-up installed, next year starts from the bilan (validated, or « sans bilan validé »): the
    plain copy of the current year no longer creates next year's programme behind the bilan's back."""
    programme = programme_for(school, user=direction)
    add_action(programme, title="Forum")
    client.force_login(direction)
    reprise = reverse("suivi:annee_suivante", kwargs={"pk": programme.pk})
    assert reprise in client.get(reverse("plans:statut", kwargs={"pk": programme.pk})).content.decode()
    response = client.post(reverse("plans:start_next_year", kwargs={"pk": programme.pk}))
    assert response["Location"] == reverse("suivi:annee_suivante", kwargs={"pk": programme.pk})
    assert programme.ppo.programmes.count() == 1


def test_start_next_year_as_a_copy_without_the_follow_up(client, direction, school, monkeypatch):
    from ppo.plans.views import status

    monkeypatch.setattr(status, "_bilan_carry_over_url", lambda programme: "")
    programme = programme_for(school, user=direction)
    action = add_action(programme, title="Forum")
    client.force_login(direction)
    response = client.post(reverse("plans:start_next_year", kwargs={"pk": programme.pk}))
    nxt = programme.ppo.programmes.get(year=programme.year + 1)
    assert response["Location"] == reverse("plans:programme", kwargs={"pk": nxt.pk})
    assert nxt.actions.get().copied_from == action
    assert programme.actions.get() == action
    # A second time: a clear message, nothing created.
    client.post(reverse("plans:start_next_year", kwargs={"pk": programme.pk}))
    assert programme.ppo.programmes.count() == 2


def test_direction_creates_a_ppo(client, direction, school):
    url = reverse("plans:ppo_create", kwargs={"uai": school.uai})
    form = client.get(url).context["form"]
    year = form.fields["first_year"].choices[1][0]
    response = client.post(url, {"first_year": year, "years": 4})
    ppo = school.ppos.get()
    assert (ppo.first_year, ppo.last_year) == (year, year + 3)
    assert response["Location"] == reverse("plans:programme", kwargs={"pk": ppo.programmes.get().pk})
    assert client.post(url, {"first_year": year, "years": 4}).status_code == 200
    assert school.ppos.count() == 1


def test_etablissement_page_lists_ppos_and_hides_drafts_from_supervisors(client, school):
    programme = programme_for(school)
    client.force_login(user_with(Role.ACADEMIE, academie=school.academie))
    html = client.get(reverse("plans:etablissement", kwargs={"uai": school.uai})).content.decode()
    assert "PPO 2025-2028" in html
    assert reverse("plans:programme", kwargs={"pk": programme.pk}) not in html
