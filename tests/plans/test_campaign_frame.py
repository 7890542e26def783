"""The académie's campaign inside the school's programme: reference hours, the frame panel, catalogue offers."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from ppo.campagnes.models import Priorite, TempsFort, VolumeReference
from ppo.comptes.enums import Role
from ppo.partenaires.models import ActionOffre
from ppo.plans.models import RessourceItem
from ppo.plans.selectors import programme_campaign_frame, programme_completeness, programme_grid
from ppo.referentiel.models import Academie, Niveau
from tests.campagnes.factories import campagne as make_campagne
from tests.campagnes.factories import transmitted
from tests.factories import EtablissementFactory, user_with
from tests.partenaires.factories import OffreFactory
from tests.plans.factories import add_action, page_queries, programme_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def college():
    return EtablissementFactory(college=True)


def _page(client, programme, role=Role.REDACTEUR):
    client.force_login(user_with(role, etablissement=programme.ppo.etablissement))
    return client.get(reverse("plans:programme", kwargs={"pk": programme.pk})).content.decode()


def _override(campagne, etablissement, code, hours):
    return VolumeReference.objects.create(
        campagne=campagne, niveau=etablissement.niveaux.get(code=code), hours=Decimal(hours)
    )


# --- Reference hours ------------------------------------------------------------------------------------------------


def test_grid_uses_the_campaign_volume_for_the_level_it_overrides_and_the_national_one_elsewhere(college):
    programme = programme_for(college)
    _override(make_campagne(), college, "3e", 20)
    rows = {row.niveau.code: row for row in programme_grid(programme=programme).rows}
    assert rows["3e"].reference_hours == Decimal(20)
    assert rows["4e"].reference_hours == Decimal(12)  # national default


def test_heures_insuffisantes_compares_with_the_campaign_volume(client, college):
    programme = programme_for(college)
    troisieme = college.niveaux.get(code="3e")
    add_action(programme, niveaux=[troisieme], hours=Decimal(25))
    by_level = {
        i.niveau_id: i for i in programme_completeness(programme=programme) if i.code == "heures_insuffisantes"
    }
    assert by_level[troisieme.pk].message == "Troisième : 25 h prévues pour un volume de référence de 36 h."
    _override(make_campagne(), college, "3e", 20)
    by_level = {
        i.niveau_id: i for i in programme_completeness(programme=programme) if i.code == "heures_insuffisantes"
    }
    assert troisieme.pk not in by_level
    assert "25 h / 20 h" in _page(client, programme)


def test_campaign_of_another_academie_or_year_does_not_change_the_reference(college):
    programme = programme_for(college)
    _override(make_campagne(academie=Academie.objects.exclude(pk=college.academie_id).first()), college, "3e", 5)
    _override(make_campagne(year=2026), college, "3e", 6)
    rows = {row.niveau.code: row for row in programme_grid(programme=programme).rows}
    assert rows["3e"].reference_hours == Decimal(36)


# --- The frame panel ------------------------------------------------------------------------------------------------


def _frame_campaign(etablissement, *, deadline_in=10):
    today = timezone.localdate()
    campagne = make_campagne(deadline=today + datetime.timedelta(days=deadline_in))
    Priorite.objects.create(campagne=campagne, text="Mixité des filières", order=1)
    Priorite.objects.create(campagne=campagne, text="Découverte des métiers", order=2)
    day = datetime.timedelta(days=1)
    TempsFort.objects.create(campagne=campagne, label="Temps fort passé", start_date=today - 20 * day)
    for i, label in enumerate(["Semaine de l’orientation", "Forum", "Salon", "Journée tardive"], start=1):
        TempsFort.objects.create(campagne=campagne, label=label, start_date=today + i * 7 * day)
    lycee_only = TempsFort.objects.create(campagne=campagne, label="Phase Parcoursup", start_date=today + day)
    lycee_only.niveaux.set([Niveau.objects.get(code="tle-gt")])
    own_level = TempsFort.objects.create(campagne=campagne, label="Stage de 3e", start_date=today + 2 * day)
    own_level.niveaux.set([etablissement.niveaux.order_by("-order").first()])
    return campagne


def test_frame_panel_shows_deadline_days_left_priorities_and_the_next_three_temps_forts(client, college):
    programme = programme_for(college)
    campagne = _frame_campaign(college)
    html = _page(client, programme)
    assert "Cadre de l’académie — campagne 2025-2026" in html
    assert "il reste 10 jours" in html
    assert "2 priorités académiques" in html
    assert reverse("plans:cadre", kwargs={"pk": programme.pk}) in html
    assert "Stage de 3e" in html  # for one of the school's levels
    assert "Semaine de l’orientation" in html and "Forum" in html
    assert "Salon" not in html  # only the next three
    assert "Phase Parcoursup" not in html  # a lycée level
    assert "Temps fort passé" not in html
    frame = programme_campaign_frame(programme=programme)
    assert frame.campagne == campagne
    assert [tf.label for tf in frame.upcoming] == ["Stage de 3e", "Semaine de l’orientation", "Forum"]


def test_frame_panel_after_the_deadline_and_after_transmission(client):
    etablissement = EtablissementFactory(lp=True)
    programme = programme_for(etablissement)
    _frame_campaign(etablissement, deadline_in=-3)
    assert "Dépassée de 3 jours" in _page(client, programme)
    sent = transmitted(programme)
    html = _page(client, programme)
    assert f"transmis le {timezone.localtime(sent.created_at):%-d}" in html
    assert "Dépassée" not in html


def test_frame_panel_without_campaign_says_so_and_the_side_menu_links_to_the_frame(client, college):
    programme = programme_for(college)
    html = _page(client, programme)
    assert "L’académie n’a pas encore ouvert de campagne 2025-2026" in html
    assert f'href="{reverse("plans:cadre", kwargs={"pk": programme.pk})}" target="_self">Cadre de l’académie' in html


def test_campaign_for_other_kinds_of_school_is_not_shown(client, college):
    programme = programme_for(college)
    make_campagne(kinds=("lp",))
    assert programme_campaign_frame(programme=programme) is None


# --- Catalogue offers on actions ------------------------------------------------------------------------------------


def test_grid_cell_marks_actions_from_the_catalogue_and_the_action_page_names_the_offer(client, college):
    programme = programme_for(college)
    offre = OffreFactory(title="Visite de l’usine")
    linked = add_action(programme, title="Visite", niveaux=[college.niveaux.get(code="3e")])
    ActionOffre.objects.create(action=linked, offre=offre)
    add_action(programme, title="Sans offre")
    html = _page(client, programme)
    assert html.count("Offre du catalogue") == 1
    detail = client.get(reverse("plans:action_update", kwargs={"pk": linked.pk})).content.decode()
    assert "Issue du catalogue" in detail and "Visite de l’usine" in detail
    assert reverse("partenaires:offre_detail", kwargs={"pk": offre.pk}) in detail


def test_reader_sees_the_offer_on_the_read_only_action_page(client, college):
    programme = programme_for(college)
    linked = add_action(programme, title="Visite")
    ActionOffre.objects.create(action=linked, offre=OffreFactory(title="Atelier robotique"))
    client.force_login(user_with(Role.LECTEUR, etablissement=college))
    detail = client.get(reverse("plans:action_update", kwargs={"pk": linked.pk})).content.decode()
    assert "Atelier robotique" in detail


def _fill(programme, count, offre):
    niveaux = list(programme.ppo.etablissement.niveaux.all())
    actor = RessourceItem.objects.get(label="CPE")
    for i in range(count):
        action = add_action(
            programme, axe=1 + i % 3, niveaux=niveaux[i % len(niveaux) :][:2], title=f"Action {i}", actors=[actor]
        )
        if i % 2:
            ActionOffre.objects.create(action=action, offre=offre)


@pytest.mark.parametrize("url_name", ["plans:programme", "plans:completeness", "plans:action_list"])
def test_query_count_with_campaign_and_offers_does_not_grow_with_actions(client, django_assert_num_queries, url_name):
    """Same number of queries at 10 and 60 actions, half of them from the catalogue, with a campaign frame."""
    offre = OffreFactory()
    campagne = None
    counts = []
    for size in (10, 60):
        etablissement = EtablissementFactory(college=True)
        programme = programme_for(etablissement)
        if campagne is None:
            campagne = _frame_campaign(etablissement)
            _override(campagne, etablissement, "3e", 20)
        _fill(programme, size, offre)
        client.force_login(user_with(Role.REDACTEUR, etablissement=etablissement))
        url = reverse(url_name, kwargs={"pk": programme.pk})
        response, count = page_queries(client, url)
        counts.append(count)
    assert "Offre du catalogue" in response.content.decode() or url_name != "plans:programme"
    assert counts[0] == counts[1]
    with django_assert_num_queries(counts[1]):
        client.get(url)
