"""The calendar feeds: the staff's (token) holds every dated action and the temps forts with their levels; the
families' (public, by UAI) only the published programme's dated actions, public fields only."""

import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from ppo.campagnes import services as campagnes_services
from ppo.comptes.enums import Role
from ppo.documents.services import calendar_token_renew
from ppo.plans.enums import StatutProgramme
from ppo.plans.lifecycle import force_status
from ppo.plans.services import programme_create
from ppo.referentiel.models import Niveau
from ppo.suivi.enums import StatutSuivi
from ppo.suivi.models import SuiviAction
from tests.campagnes.factories import action, campagne, programme
from tests.factories import EtablissementFactory, user_with

YEAR = 2025
D = datetime.date


@pytest.fixture
def school(db):
    etablissement = EtablissementFactory(lp=True, uai="0509903T")
    published = programme(etablissement, year=YEAR)
    action(
        published,
        niveaux=("2nde-pro", "1re-pro"),
        title="Forum des métiers",
        start_date=D(2025, 11, 12),
        end_date=D(2025, 11, 13),
        description="Texte interne : réserver le gymnase.",
        internal_comment="Commentaire interne de l’équipe.",
        actors_other="Mme Dupont, proviseure adjointe",
        partners="Mission locale du Granvillais",
        public_description="Votre enfant rencontre des professionnels de sa filière.",
    )
    done = action(published, niveaux=("tle-pro",), title="Visite d’entreprise", period="mars")
    SuiviAction.objects.create(action=done, status=StatutSuivi.REALISEE, actual_date=D(2026, 3, 17))
    action(published, niveaux=("tle-pro",), title="Entretiens sans date", period="au fil de l’année")
    force_status(programme=published, status=StatutProgramme.PUBLIE, user=published.ppo.created_by)
    draft = programme_create(ppo=published.ppo, year=YEAR + 1, user=published.ppo.created_by)
    action(draft, niveaux=("2nde-pro",), title="Action du brouillon", start_date=D(2026, 10, 5))
    frame = campagne(year=YEAR)
    campagnes_services.temps_fort_add(
        campagne=frame, label="Semaine de l’orientation", start_date=D(2026, 1, 26), end_date=D(2026, 1, 30)
    )
    campagnes_services.temps_fort_add(
        campagne=frame,
        label="Phase Parcoursup",
        start_date=D(2026, 1, 14),
        niveaux=[Niveau.objects.get(code="tle-pro")],
    )
    return etablissement


def _events(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return {str(e["summary"]): e for e in Calendar.from_ical(response.content).walk("VEVENT")}


def _public(client, uai, **params):
    return client.get(reverse("documents:public_calendar", args=[uai]), params)


def test_public_feed_holds_the_published_dated_actions_and_the_temps_forts(client, school):
    events = _events(_public(client, "0509903T"))
    # The follow-up is internal (plans.public_fields): the public feed holds the planned dates only, so the visit
    # dated by its follow-up alone is on the school's own feed, not here.
    assert set(events) == {
        "Forum des métiers",
        "Semaine de l’orientation (temps fort de l’académie)",
        "Phase Parcoursup (temps fort de l’académie)",
    }
    forum = events["Forum des métiers"]
    assert forum["dtstart"].dt == D(2025, 11, 12)
    assert forum["dtend"].dt == D(2025, 11, 14)  # exclusive end of an all-day event
    assert [str(c) for c in forum["categories"].cats] == ["2nde pro", "1re pro"]
    assert "rencontre des professionnels" in str(forum["description"])  # the text written for families
    assert "Mission locale du Granvillais" not in str(forum["description"])  # free text: internal (it may name people)


def test_public_feed_has_no_internal_text(client, school):
    text = _public(client, "0509903T").content.decode()
    for internal in ("réserver le gymnase", "Commentaire interne", "Dupont", "Action du brouillon", "sans date"):
        assert internal not in text


def test_public_feed_by_level(client, school):
    events = _events(_public(client, "0509903t", niveau="tle-pro"))
    assert set(events) == {
        "Semaine de l’orientation (temps fort de l’académie)",
        "Phase Parcoursup (temps fort de l’académie)",
    }
    events = _events(_public(client, "0509903T", niveau="2nde-pro"))
    assert set(events) == {"Forum des métiers", "Semaine de l’orientation (temps fort de l’académie)"}


def test_public_feed_refuses_unknown_schools_levels_and_unpublished_programmes(client, school):
    assert _public(client, "0509903T", niveau="6e").status_code == 404
    assert _public(client, "9999999Z").status_code == 404
    unpublished = EtablissementFactory(lp=True, uai="0509904U")
    action(programme(unpublished, year=YEAR), title="Forum", start_date=D(2025, 11, 12))
    assert _public(client, "0509904U").status_code == 404


def test_staff_feed_holds_every_dated_action_with_its_levels(client, school):
    token = calendar_token_renew(etablissement=school, user=user_with(Role.DIRECTION, etablissement=school))
    events = _events(client.get(reverse("documents:calendar_feed", args=[token.token])))
    assert {"Forum des métiers", "Visite d’entreprise", "Action du brouillon"} <= set(events)
    assert "Entretiens sans date" not in events
    assert events["Visite d’entreprise"]["dtstart"].dt == D(2026, 3, 17)
    assert "Niveaux : Tle pro" in str(events["Visite d’entreprise"]["description"])
    assert [str(c) for c in events["Visite d’entreprise"]["categories"].cats] == ["Tle pro"]
