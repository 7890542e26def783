"""« Mes actions à renseigner » with the responsable, the dashboard card and the weekly reminder (ADR 032)."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ppo.comptes.enums import Role
from ppo.core.dates import current_school_year
from ppo.suivi.reminders import reminder_messages, send_follow_up_reminders
from ppo.suivi.selectors import actions_to_fill, due_count, reminders_due
from ppo.suivi.services import suivi_record
from tests.factories import user_with
from tests.suivi.helpers import VISIBLE, make_action, make_programme

TODAY = datetime.date(2026, 1, 20)  # in the school year of the `programme` fixture (2025-2026)


@pytest.fixture
def current(world, direction):
    """A programme of the current school year, whatever the day the tests run."""
    return make_programme(world.school, direction, year=current_school_year(), status=VISIBLE)


def yesterday():
    return timezone.localdate() - datetime.timedelta(days=1)


def test_the_users_own_actions_come_first_and_the_filter_keeps_only_them(world, programme, direction):
    redacteur = world.users["redacteur"]
    make_action(programme, direction, title="Forum", start_date=datetime.date(2025, 11, 14))
    make_action(programme, direction, title="Visite", start_date=datetime.date(2025, 12, 5), responsable=redacteur)
    make_action(programme, direction, title="Salon", period="T3", responsable=redacteur)
    listed = actions_to_fill(user=redacteur, today=TODAY)
    assert [a.title for a in listed] == ["Visite", "Forum", "Salon"]
    assert [a.title for a in actions_to_fill(user=redacteur, today=TODAY, mine=True)] == ["Visite", "Salon"]
    assert [a.title for a in actions_to_fill(user=direction, today=TODAY)] == ["Forum", "Visite", "Salon"]


def test_the_page_shows_the_responsable_and_filters(client, world, current, direction):
    redacteur = world.users["redacteur"]
    make_action(current, direction, title="Forum des métiers", start_date=yesterday())
    make_action(current, direction, title="Visite du CFA", start_date=yesterday(), responsable=redacteur)
    client.force_login(redacteur)
    page = client.get(reverse("suivi:mes_actions")).content.decode()
    assert page.index("Visite du CFA") < page.index("Forum des métiers")
    assert "<strong>Vous en êtes responsable</strong>" in page
    assert "?depuis=mes-actions" in page
    mine = client.get(reverse("suivi:mes_actions"), {"quelles": "miennes"}).content.decode()
    assert "Visite du CFA" in mine and "Forum des métiers" not in mine
    # An unknown filter shows them all.
    assert "Forum des métiers" in client.get(reverse("suivi:mes_actions"), {"quelles": "x"}).content.decode()
    client.force_login(direction)
    page = client.get(reverse("suivi:mes_actions")).content.decode()
    assert f"Responsable : {redacteur.get_full_name()}" in page


def _page_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("params", ["", "?quelles=miennes"])
def test_query_count_does_not_grow_with_the_actions(
    client, world, current, direction, params, django_assert_max_num_queries
):
    redacteur = world.users["redacteur"]
    url = reverse("suivi:mes_actions") + params

    def add(n):
        for i in range(n):
            make_action(
                current,
                direction,
                title=f"Action {i}",
                start_date=yesterday(),
                responsable=[redacteur, direction][i % 2],
            )

    add(3)
    client.force_login(redacteur)
    small = _page_queries(client, url)
    add(27)
    with django_assert_max_num_queries(small):
        page = client.get(url).content.decode()
    theirs = current.actions.filter(responsable=redacteur).count()
    assert page.count("?depuis=mes-actions") == (30 if not params else theirs)


def test_dashboard_card_counts_the_actions_due(client, world, current, direction):
    redacteur = world.users["redacteur"]
    make_action(current, direction, title="A", start_date=yesterday(), responsable=redacteur)
    make_action(current, direction, title="B", start_date=yesterday())
    done = make_action(current, direction, title="C", start_date=yesterday(), responsable=redacteur)
    suivi_record(action=done, user=direction, status="realisee")
    make_action(current, direction, title="D", start_date=timezone.localdate() + datetime.timedelta(days=400))
    assert due_count(user=redacteur) == (2, 1)
    client.force_login(redacteur)
    page = client.get(reverse("portail:tableau_de_bord")).content.decode()
    assert "2 actions passées sans suivi, dont 1 sous votre responsabilité." in page
    assert "2 à renseigner" in page
    # A lecteur cannot fill them: no card.
    client.force_login(world.users["lecteur"])
    page = client.get(reverse("portail:tableau_de_bord")).content.decode()
    assert "actions passées sans suivi" not in page


def test_dashboard_card_with_nothing_due(client, world, current):
    client.force_login(world.users["redacteur"])
    page = client.get(reverse("portail:tableau_de_bord")).content.decode()
    assert "Aucune action passée n’attend son suivi." in page


# --- The weekly reminder ---------------------------------------------------------------------------------------


def test_two_responsables_get_one_email_each(world, programme, direction, settings):
    settings.SITE_URL = "https://ppo.example.fr"
    redacteur = world.users["redacteur"]
    forum = make_action(programme, direction, title="Forum", period="septembre", responsable=redacteur)
    make_action(programme, direction, title="Visite", start_date=datetime.date(2025, 12, 5), responsable=redacteur)
    make_action(programme, direction, title="Conseil", period="T1", responsable=direction)
    make_action(programme, direction, title="Salon", period="T3", responsable=direction)  # not past yet
    make_action(programme, direction, title="Sans responsable", period="octobre")
    assert send_follow_up_reminders(today=TODAY) == 2
    by_address = {m.to[0]: m for m in mail.outbox}
    assert set(by_address) == {redacteur.email, direction.email}
    theirs = by_address[redacteur.email]
    assert theirs.subject == "2 actions à renseigner — Programme pluriannuel d’orientation"
    assert "- Forum (septembre" in theirs.body and "- Visite (" in theirs.body
    assert f"https://ppo.example.fr/suivi/action/{forum.pk}/?depuis=mes-actions" in theirs.body
    assert "https://ppo.example.fr" + reverse("comptes:account") in theirs.body
    assert "Conseil" not in theirs.body
    mine = by_address[direction.email]
    assert mine.subject.startswith("1 action à renseigner")
    assert "Conseil" in mine.body and "Salon" not in mine.body


def test_opted_out_gets_nothing(world, programme, direction):
    redacteur = world.users["redacteur"]
    redacteur.receives_reminders = False
    redacteur.save()
    make_action(programme, direction, title="Forum", period="septembre", responsable=redacteur)
    assert send_follow_up_reminders(today=TODAY) == 0
    assert mail.outbox == []


def test_nothing_to_fill_sends_nothing(world, programme, direction):
    redacteur = world.users["redacteur"]
    done = make_action(programme, direction, title="Forum", period="septembre", responsable=redacteur)
    suivi_record(action=done, user=direction, status="realisee")
    make_action(programme, direction, title="Salon", period="T3", responsable=redacteur)
    assert reminders_due(today=TODAY) == {}
    assert send_follow_up_reminders(today=TODAY) == 0
    assert mail.outbox == []


def test_a_responsable_who_left_the_school_is_not_reminded(world, programme, direction):
    redacteur = world.users["redacteur"]
    make_action(programme, direction, title="Forum", period="septembre", responsable=redacteur)
    redacteur.memberships.update(is_active=False)
    assert reminder_messages(today=TODAY) == []


def test_reminders_query_count_is_fixed(world, programme, direction, django_assert_max_num_queries):
    people = [world.users["redacteur"], direction] + [
        user_with(Role.REDACTEUR, etablissement=world.school) for _ in range(3)
    ]
    for i in range(20):
        make_action(programme, direction, title=f"Action {i}", period="octobre", responsable=people[i % 5])
    with django_assert_max_num_queries(3):
        due = reminders_due(today=TODAY)
    assert len(due) == 5


def test_the_command_queues_the_task_or_sends_now(world, programme, direction):
    make_action(programme, direction, title="Forum", start_date=datetime.date(2025, 11, 14), responsable=direction)
    call_command("send_follow_up_reminders", "--maintenant")
    assert len(mail.outbox) == 1
    # The immediate task backend of the tests runs the queued task at once.
    call_command("send_follow_up_reminders")
    assert len(mail.outbox) == 2


# --- The opt-out on the account page ----------------------------------------------------------------------------


def test_the_account_page_turns_the_reminder_off_and_on(client, world):
    redacteur = world.users["redacteur"]
    client.force_login(redacteur)
    url = reverse("comptes:account")
    page = client.get(url).content.decode()
    assert 'name="receives_reminders"' in page and "checked" in page
    response = client.post(url, {})
    assert response.status_code == 302
    redacteur.refresh_from_db()
    assert redacteur.receives_reminders is False
    assert "Vos préférences sont enregistrées." in client.get(url).content.decode()
    client.post(url, {"receives_reminders": "on"})
    redacteur.refresh_from_db()
    assert redacteur.receives_reminders is True
