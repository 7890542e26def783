"""The programme's life cycle (ppo.plans.lifecycle): every (state × transition × role) allowed or refused, the
conditions of the transitions, and what can be edited in each state, on the pages."""

import datetime

import pytest
from django.urls import reverse

from ppo.campagnes.models import Campagne
from ppo.comptes.enums import Role
from ppo.examen.models import Transmission
from ppo.plans import lifecycle
from ppo.plans.enums import StatutProgramme
from ppo.plans.lifecycle import TRANSITIONS, TransitionError, force_status, take
from ppo.plans.models import Action, ProgrammeAnnuel, StatutChange
from tests.factories import BassinFactory, EtablissementFactory, UserFactory, user_with
from tests.plans.factories import add_action, programme_for

pytestmark = pytest.mark.django_db

S = StatutProgramme
SCHOOL_STEPS = {"avis_cp", "adopte_ca", "transmettre", "publier"}
REVIEW_STEPS = {"valider", "renvoyer"}

# The table the test walks: from which states each transition goes, to which, and who takes it.
EXPECTED = {
    "avis_cp": ({S.BROUILLON, S.A_COMPLETER}, S.AVIS_CP),
    "adopte_ca": ({S.AVIS_CP, S.A_COMPLETER}, S.ADOPTE_CA),
    "transmettre": ({S.BROUILLON, S.AVIS_CP, S.ADOPTE_CA, S.A_COMPLETER}, S.TRANSMIS),
    "valider": ({S.TRANSMIS}, S.VALIDE),
    "renvoyer": ({S.TRANSMIS}, S.A_COMPLETER),
    "publier": ({S.ADOPTE_CA, S.TRANSMIS, S.VALIDE}, S.PUBLIE),
}
# Each role, and the transitions it may take when the state allows them.
ROLES = {
    "direction": SCHOOL_STEPS,
    "redacteur": set(),
    "lecteur": set(),
    "autre_direction": set(),  # the direction of another school
    "academie": REVIEW_STEPS,
    "bassin": REVIEW_STEPS,
    "departement": REVIEW_STEPS,
    "region": REVIEW_STEPS,
    "national": set(),  # DGESCO reads, never decides
    "autre_bassin": set(),  # a bassin that does not hold the school
    "sans_role": set(),
    "operateur": REVIEW_STEPS,  # the platform's operators support every académie
}
DATA = {
    "date_of_decision": datetime.date(2026, 1, 12),
    "justification": "Les actions de terminale seront précisées en janvier.",
    "comment": "Décision motivée.",
}


@pytest.fixture
def world():
    bassin = BassinFactory()
    school = EtablissementFactory(lp=True, bassin=bassin)
    direction = user_with(Role.DIRECTION, etablissement=school)
    programme = programme_for(school, user=direction)
    operateur = UserFactory(is_staff=True)
    users = {
        "direction": direction,
        "redacteur": user_with(Role.REDACTEUR, etablissement=school),
        "lecteur": user_with(Role.LECTEUR, etablissement=school),
        "autre_direction": user_with(Role.DIRECTION, etablissement=EtablissementFactory(lp=True)),
        "academie": user_with(Role.ACADEMIE, academie=school.academie),
        "bassin": user_with(Role.BASSIN, bassin=bassin),
        "departement": user_with(Role.DEPARTEMENT, departement=school.departement),
        "region": user_with(Role.REGION, region=school.academie.region),
        "national": user_with(Role.NATIONAL),
        "autre_bassin": user_with(Role.BASSIN, bassin=BassinFactory()),
        "sans_role": UserFactory(),
        "operateur": operateur,
    }
    return {"school": school, "programme": programme, "users": users}


def test_the_table_declares_every_transition_and_state():
    assert {name: (set(t.sources), t.target) for name, t in TRANSITIONS.items()} == EXPECTED
    assert set(lifecycle.EDITABLE) | {S.TRANSMIS, S.VALIDE} == set(S)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", EXPECTED)
def test_every_state_transition_and_role(world, name, role):
    """For each state: allowed() lists the transition exactly when expected, and take() does it or refuses it
    with a French message, writing nothing."""
    programme, user = world["programme"], world["users"][role]
    sources, target = EXPECTED[name]
    for state in S:
        force_status(programme, state, world["users"]["direction"])
        expected = state in sources and name in ROLES[role]
        assert (name in {t.name for t in lifecycle.allowed(programme, user)}) is expected, (state, name, role)
        changes, version = StatutChange.objects.count(), ProgrammeAnnuel.objects.get(pk=programme.pk).version
        if expected:
            taken = take(programme, name, user, **DATA)
            assert ProgrammeAnnuel.objects.get(pk=programme.pk).status == target
            assert taken.change.status == target and taken.change.by == user
            assert StatutChange.objects.count() == changes + 1
            assert ProgrammeAnnuel.objects.get(pk=programme.pk).version == version + 1
            continue
        with pytest.raises(TransitionError) as refused:
            take(programme, name, user, **DATA)
        message = str(refused.value)
        if name not in ROLES[role]:
            assert message.startswith("Seul"), message
        else:
            assert f"« {S(state).label} »" in message and "n’est pas possible maintenant" in message
        stored = ProgrammeAnnuel.objects.get(pk=programme.pk)
        assert (stored.status, stored.version, StatutChange.objects.count()) == (state, version, changes)


@pytest.mark.parametrize("name", ["avis_cp", "adopte_ca"])
def test_the_councils_need_the_date_of_the_meeting(world, name):
    programme, direction = world["programme"], world["users"]["direction"]
    force_status(programme, S.A_COMPLETER, direction)
    with pytest.raises(TransitionError, match="Indiquez la date de la séance"):
        take(programme, name, direction, comment="Avis favorable")
    assert ProgrammeAnnuel.objects.get(pk=programme.pk).status == S.A_COMPLETER


def test_open_points_need_a_justification_to_transmit(world):
    programme, direction = world["programme"], world["users"]["direction"]
    assert lifecycle.open_points(programme)  # an empty programme has open points
    with pytest.raises(TransitionError, match="expliquez en quelques mots"):
        take(programme, "transmettre", direction, justification="  ")
    assert not Transmission.objects.exists()
    taken = take(programme, "transmettre", direction, justification="Le reste suit en janvier.")
    sent = taken.effects["transmission"]  # the effect registered by examen
    assert sent.justification == "Le reste suit en janvier." and sent.open_points


def test_a_campaign_requiring_a_complete_programme_refuses_open_points(world):
    programme, direction = world["programme"], world["users"]["direction"]
    Campagne.objects.create(
        academie=world["school"].academie,
        year=programme.year,
        deadline=datetime.date(2026, 3, 27),
        requires_complete=True,
    )
    with pytest.raises(TransitionError, match="demande un programme complet"):
        take(programme, "transmettre", direction, justification="Quand même.")
    assert ProgrammeAnnuel.objects.get(pk=programme.pk).status == S.BROUILLON
    assert not Transmission.objects.exists()


def test_an_unknown_transition_is_refused(world):
    with pytest.raises(TransitionError, match="n’existe pas"):
        take(world["programme"], "archiver", world["users"]["direction"])


def test_take_decides_on_the_state_in_the_database_not_a_stale_copy(world):
    programme, direction = world["programme"], world["users"]["direction"]
    stale = ProgrammeAnnuel.objects.get(pk=programme.pk)
    force_status(programme, S.TRANSMIS, direction)
    with pytest.raises(TransitionError):
        take(stale, "avis_cp", direction, **DATA)
    assert ProgrammeAnnuel.objects.get(pk=programme.pk).status == S.TRANSMIS


# Editability, said once.


@pytest.mark.parametrize("state", list(S))
def test_what_can_be_edited_in_each_state(world, state):
    programme = world["programme"]
    force_status(programme, state, world["users"]["direction"])
    editable = state not in {S.TRANSMIS, S.VALIDE}
    assert lifecycle.can_edit_content(programme) is editable
    reason = lifecycle.lock_reason(programme)
    assert (reason == "") is editable
    if state == S.VALIDE:
        assert "validé par l’académie" in reason and "publier" in reason
        assert "fin de l’examen" not in reason and "attendez" not in reason.lower()
    if state == S.TRANSMIS:
        assert "pendant l’examen" in reason


def _locked(world, state):
    programme = world["programme"]
    force_status(programme, state, world["users"]["direction"])
    return programme


@pytest.mark.parametrize("state", [S.TRANSMIS, S.VALIDE])
def test_a_locked_programme_refuses_a_new_action_with_its_reason_and_a_way_on(client, world, state):
    programme = _locked(world, state)
    school = world["school"]
    client.force_login(world["users"]["redacteur"])
    data = {
        "title": "Forum des métiers",
        "axe": 2,
        "niveaux": [school.niveaux.get(code="2nde-pro").pk],
        "kind": "evenement",
    }
    response = client.post(reverse("plans:action_create", kwargs={"pk": programme.pk}), data, follow=True)
    assert response.redirect_chain[-1][0] == reverse("plans:programme", kwargs={"pk": programme.pk})
    assert lifecycle.lock_reason(programme) in response.content.decode()
    assert not Action.objects.filter(programme=programme).exists()


def test_a_locked_programme_refuses_changes_to_an_action(client, world):
    programme = world["programme"]
    action = add_action(programme, title="Salon")
    _locked(world, S.VALIDE)
    client.force_login(world["users"]["redacteur"])
    response = client.post(reverse("plans:action_delete", kwargs={"pk": action.pk}), {"version": 1}, follow=True)
    assert "validé par l’académie" in response.content.decode()
    assert Action.objects.filter(pk=action.pk).exists()


def test_a_locked_programme_refuses_its_resources(client, world):
    programme = _locked(world, S.TRANSMIS)
    client.force_login(world["users"]["direction"])
    response = client.post(
        reverse("plans:ressources", kwargs={"pk": programme.pk}), {"version": 1, "training": "Formation"}, follow=True
    )
    assert "pendant l’examen" in response.content.decode()
    assert ProgrammeAnnuel.objects.get(pk=programme.pk).training == ""


def test_the_programme_pages_say_why_they_are_read_only(client, world):
    programme = _locked(world, S.VALIDE)
    client.force_login(world["users"]["redacteur"])
    html = client.get(reverse("plans:programme", kwargs={"pk": programme.pk})).content.decode()
    assert "Lecture seule" in html and lifecycle.lock_reason(programme) in html
    # A reader is not told to edit: the reason is for those who write.
    client.force_login(world["users"]["lecteur"])
    assert (
        lifecycle.lock_reason(programme)
        not in client.get(reverse("plans:programme", kwargs={"pk": programme.pk})).content.decode()
    )


def test_the_status_page_shows_only_the_allowed_steps(client, world):
    programme, direction = world["programme"], world["users"]["direction"]
    client.force_login(direction)
    url = reverse("plans:statut", kwargs={"pk": programme.pk})
    html = client.get(url).content.decode()
    assert "Enregistrer l’avis du conseil pédagogique" in html
    assert "Publier le programme" not in html
    assert reverse("examen:programme_transmettre_confirmer", kwargs={"pk": programme.pk}) in html
    force_status(programme, S.TRANSMIS, direction)
    html = client.get(url).content.decode()
    assert "Enregistrer l’avis du conseil pédagogique" not in html and "Publier le programme" in html
    # A refused step posted anyway: the French reason, nothing written.
    response = client.post(url, {"status": "avis_cp", "date_of_decision": "2026-01-12"}, follow=True)
    assert "n’est pas possible maintenant" in response.content.decode()
    assert ProgrammeAnnuel.objects.get(pk=programme.pk).status == S.TRANSMIS
