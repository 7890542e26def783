import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from ppo.comptes.enums import Role
from ppo.comptes.models import CodeRattachement, Membership, User
from ppo.comptes.perms import active_memberships
from tests.factories import EtablissementFactory, MembershipFactory, UserFactory, user_with

pytestmark = pytest.mark.django_db


@pytest.fixture
def school():
    return EtablissementFactory(lp=True)


@pytest.fixture
def direction(school):
    return user_with(Role.DIRECTION, etablissement=school)


@pytest.fixture
def direction_client(client, direction):
    client.force_login(direction)
    return client


def login(client, email, password):
    response = client.post(reverse("comptes:login"), {"username": email, "password": password})
    return response.status_code == 302 and response.url == reverse("portail:tableau_de_bord")


def test_direction_adds_a_new_person_who_chooses_a_password(direction_client, school):
    response = direction_client.post(
        reverse("comptes:team_invite", args=[school.uai]),
        {"email": " Nouvelle.Personne@Example.fr ", "role": "lecteur"},
    )
    assert response.status_code == 302
    user = User.objects.get(email="nouvelle.personne@example.fr")
    assert not user.has_usable_password()
    membership = Membership.objects.get(user=user)
    assert (membership.role, membership.etablissement, membership.is_confirmed) == (Role.LECTEUR, school, True)
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["nouvelle.personne@example.fr"]
    link = re.search(r"http://\S+/compte/mot-de-passe/nouveau/\S+/", mail.outbox[0].body).group(0)
    client = Client()
    form_url = client.get(link.split("localhost:8000", 1)[1], follow=True).redirect_chain[-1][0]
    new_password = "Un-mot-de-passe-solide-2026"
    client.post(form_url, {"new_password1": new_password, "new_password2": new_password})
    assert login(client, "nouvelle.personne@example.fr", new_password)


def test_adding_an_existing_user_mails_a_login_link(direction_client, school):
    user = UserFactory(email="deja@example.fr")
    direction_client.post(
        reverse("comptes:team_invite", args=[school.uai]), {"email": user.email, "role": "redacteur"}
    )
    assert Membership.objects.get(user=user).role == Role.REDACTEUR
    assert "/compte/connexion/" in mail.outbox[0].body and "mot-de-passe/nouveau" not in mail.outbox[0].body
    # Added again with another role: the role changes, no second membership.
    direction_client.post(reverse("comptes:team_invite", args=[school.uai]), {"email": user.email, "role": "lecteur"})
    assert [m.role for m in Membership.objects.filter(user=user, is_active=True)] == [Role.LECTEUR]


def test_adding_someone_already_in_the_team_changes_nothing(direction_client, school, direction):
    member = MembershipFactory(role=Role.REDACTEUR, etablissement=school)
    response = direction_client.post(
        reverse("comptes:team_invite", args=[school.uai]),
        {"email": member.user.email, "role": "redacteur"},
        follow=True,
    )
    assert "fait déjà partie de l’équipe" in response.content.decode()
    response = direction_client.post(
        reverse("comptes:team_invite", args=[school.uai]), {"email": direction.email, "role": "lecteur"}, follow=True
    )
    assert "fait déjà partie de la direction" in response.content.decode()
    assert not mail.outbox
    assert Membership.objects.count() == 2


def test_the_direction_role_cannot_be_given_from_the_team_page(direction_client, school):
    response = direction_client.post(
        reverse("comptes:team_invite", args=[school.uai]), {"email": "chef@example.fr", "role": "direction"}
    )
    assert response.status_code == 400
    assert not User.objects.filter(email="chef@example.fr").exists()


def test_deactivate_a_member_but_not_oneself(direction_client, school, direction):
    member = MembershipFactory(role=Role.REDACTEUR, etablissement=school)
    direction_client.post(reverse("comptes:team_deactivate", args=[school.uai, member.pk]))
    member.refresh_from_db()
    assert not member.is_active
    own = direction.memberships.get()
    response = direction_client.post(reverse("comptes:team_deactivate", args=[school.uai, own.pk]), follow=True)
    assert "votre propre rattachement" in response.content.decode()
    own.refresh_from_db()
    assert own.is_active


def test_a_membership_of_another_school_is_not_found(direction_client, school):
    other = MembershipFactory(role=Role.REDACTEUR, etablissement=EtablissementFactory())
    response = direction_client.post(reverse("comptes:team_deactivate", args=[school.uai, other.pk]))
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.is_active


def test_join_code_flow(direction_client, school, direction):
    direction_client.post(reverse("comptes:team_code", args=[school.uai]))
    first = CodeRattachement.objects.get(etablissement=school).code
    direction_client.post(reverse("comptes:team_code", args=[school.uai]))
    code = CodeRattachement.objects.get(etablissement=school)
    assert code.code != first and len(code.code) == 8
    assert code.display in direction_client.get(reverse("comptes:team", args=[school.uai])).content.decode()

    teacher = UserFactory(email="prof@example.fr")
    client = Client()
    client.force_login(teacher)
    old = client.post(reverse("comptes:join"), {"code": first, "role": "redacteur"})
    assert old.status_code == 400 and "aucun établissement" in old.content.decode()
    response = client.post(reverse("comptes:join"), {"code": f" {code.display.lower()} ", "role": "redacteur"})
    assert response.status_code == 302
    pending = Membership.objects.get(user=teacher)
    assert (pending.role, pending.etablissement, pending.confirmed_at) == (Role.REDACTEUR, school, None)
    teacher = User.objects.get(pk=teacher.pk)
    assert active_memberships(teacher) == []
    assert mail.outbox[-1].to == [direction.email] and "prof@example.fr" in mail.outbox[-1].body

    team_page = direction_client.get(reverse("comptes:team", args=[school.uai])).content.decode()
    assert "1 demande à confirmer" in team_page
    dashboard = direction_client.get(reverse("portail:tableau_de_bord")).content.decode()
    assert "1 demande en attente" in dashboard
    direction_client.post(reverse("comptes:team_confirm", args=[school.uai, pending.pk]))
    teacher = User.objects.get(pk=teacher.pk)
    assert [m.etablissement for m in active_memberships(teacher)] == [school]
    again = client.post(reverse("comptes:join"), {"code": code.code, "role": "lecteur"})
    assert "déjà partie de l’équipe" in again.content.decode()


def test_refuse_a_request(direction_client, school):
    request = MembershipFactory(role=Role.LECTEUR, etablissement=school, confirmed_at=None)
    direction_client.post(reverse("comptes:team_refuse", args=[school.uai, request.pk]))
    assert not Membership.objects.filter(pk=request.pk).exists()


@pytest.mark.parametrize(("role", "status"), [(Role.REDACTEUR, 403), (Role.LECTEUR, 403)])
def test_school_staff_cannot_manage_the_team(client, school, role, status):
    request = MembershipFactory(role=Role.LECTEUR, etablissement=school, confirmed_at=None)
    client.force_login(user_with(role, etablissement=school))
    assert client.post(reverse("comptes:team_confirm", args=[school.uai, request.pk])).status_code == status
    assert client.post(reverse("comptes:team_code", args=[school.uai])).status_code == status
    request.refresh_from_db()
    assert request.confirmed_at is None
    assert not CodeRattachement.objects.exists()


def test_another_schools_direction_does_not_see_the_team(client, school):
    client.force_login(user_with(Role.DIRECTION, etablissement=EtablissementFactory()))
    assert client.get(reverse("comptes:team", args=[school.uai])).status_code == 404


def test_team_page_lists_members(direction_client, school, direction):
    member = MembershipFactory(role=Role.LECTEUR, etablissement=school)
    gone = MembershipFactory(role=Role.LECTEUR, etablissement=school, is_active=False)
    content = direction_client.get(reverse("comptes:team", args=[school.uai])).content.decode()
    assert member.user.email in content and direction.email in content and gone.user.email not in content


def test_team_page_query_count_does_not_grow_with_the_team(
    direction_client, school, django_assert_max_num_queries, django_assert_num_queries
):
    MembershipFactory.create_batch(2, role=Role.LECTEUR, etablissement=school)
    url = reverse("comptes:team", args=[school.uai])
    direction_client.get(url)
    with django_assert_max_num_queries(20) as small:
        direction_client.get(url)
    MembershipFactory.create_batch(15, role=Role.REDACTEUR, etablissement=school)
    MembershipFactory.create_batch(10, role=Role.LECTEUR, etablissement=school, confirmed_at=None)
    with django_assert_num_queries(len(small.captured_queries)):
        direction_client.get(url)


def test_the_school_page_links_the_direction_to_its_team(direction_client, school):
    content = direction_client.get(reverse("referentiel:etablissement_detail", args=[school.uai])).content.decode()
    assert reverse("comptes:team", args=[school.uai]) in content
