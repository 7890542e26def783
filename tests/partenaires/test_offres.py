"""Offers: a partner proposes, the académie moderates, a school adds the offer to its PPO; contacts never leak."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from ppo.comptes.enums import Role
from ppo.core.dates import current_school_year
from ppo.partenaires.enums import StatutOffre, TypeOffre
from ppo.partenaires.forms import PRINCIPLES
from ppo.partenaires.models import ActionOffre, Offre
from ppo.partenaires.selectors import CatalogueFilters, catalogue_search
from ppo.plans.enums import OrigineAction, StatutProgramme, TypeAction
from ppo.plans.lifecycle import force_status
from ppo.plans.models import Axe
from ppo.plans.services import ppo_create
from ppo.referentiel.models import Niveau
from tests.factories import MembershipFactory, StructureFactory, academie, user_with
from tests.partenaires.factories import MetierFactory, OffreFactory, SecteurFactory


def offre_post_data(**overrides):
    data = {
        "title": "Découverte de la soudure",
        "description": "Un atelier de soudure pour les élèves de 3e.",
        "kind": TypeOffre.VISITE,
        "niveaux": [Niveau.objects.get(code="3e").pk],
        "axes": [Axe.objects.get(number=2).pk],
        "academie": academie().pk,
        "all_year": "on",
        "is_free": "on",
        "contact_name": "Camille Partenaire",
        "contact_email": "camille@partenaire.example.fr",
    }
    data.update(overrides)
    return data


def test_partner_proposes_and_academie_validates(client, world):
    client.force_login(world.users["partenaire"])
    response = client.post(reverse("partenaires:offre_create"), offre_post_data())
    offre = Offre.objects.get()
    assert response.status_code == 302
    assert offre.status == StatutOffre.BROUILLON and offre.structure == world.structure
    assert not list(catalogue_search(filters=CatalogueFilters(query="soudure")))
    client.post(reverse("partenaires:offre_submit", args=[offre.pk]))
    offre.refresh_from_db()
    assert offre.status == StatutOffre.SOUMISE

    client.force_login(world.users["academie"])
    page = client.get(reverse("partenaires:offre_moderate", args=[offre.pk])).content.decode()
    for _, label in PRINCIPLES:
        assert label.split(" :")[0].split(" de ")[0] in page
    # Validating without checking every principle is refused.
    response = client.post(
        reverse("partenaires:offre_moderate", args=[offre.pk]), {"decision": "valider", "principles": ["gratuite"]}
    )
    assert response.status_code == 200
    offre.refresh_from_db()
    assert offre.status == StatutOffre.SOUMISE
    client.post(
        reverse("partenaires:offre_moderate", args=[offre.pk]),
        {"decision": "valider", "principles": [key for key, _ in PRINCIPLES]},
    )
    offre.refresh_from_db()
    assert offre.status == StatutOffre.VALIDEE and offre.moderated_by == world.users["academie"]
    assert mail.outbox[-1].to == [world.users["partenaire"].email] and "validée" in mail.outbox[-1].subject
    assert [o.pk for o in catalogue_search(filters=CatalogueFilters(query="soudure"))] == [offre.pk]


def test_refusal_needs_a_reason_and_is_shown_to_the_partner(client, world):
    offre = OffreFactory(structure=world.structure, soumise=True, created_by=world.users["partenaire"])
    client.force_login(world.users["academie"])
    url = reverse("partenaires:offre_moderate", args=[offre.pk])
    assert client.post(url, {"decision": "refuser"}).status_code == 200
    assert not mail.outbox
    client.post(url, {"decision": "refuser", "reason": "L’offre est payante sans justification."})
    offre.refresh_from_db()
    assert offre.status == StatutOffre.REFUSEE
    assert "payante sans justification" in mail.outbox[-1].body
    assert mail.outbox[-1].to == [world.users["partenaire"].email]
    client.force_login(world.users["partenaire"])
    assert (
        "payante sans justification"
        in client.get(reverse("partenaires:offre_detail", args=[offre.pk])).content.decode()
    )


def test_a_moderating_structure_of_the_same_academie_validates(client, world):
    agence = StructureFactory(is_moderator=True)
    moderator = user_with(Role.PARTENAIRE, structure=agence)
    offre = OffreFactory(structure=world.structure, soumise=True)
    foreign = OffreFactory(structure=StructureFactory(academie=academie("09")), academie=academie("09"), soumise=True)
    client.force_login(moderator)
    assert client.get(reverse("partenaires:offre_moderate", args=[offre.pk])).status_code == 200
    assert client.get(reverse("partenaires:offre_moderate", args=[foreign.pk])).status_code == 404
    assert [o.pk for o in client.get(reverse("partenaires:moderation")).context["offres"]] == [offre.pk]


def test_a_partner_edits_only_its_own_offers(client, world):
    mine = OffreFactory(structure=world.structure)
    other = OffreFactory()
    client.force_login(world.users["partenaire"])
    assert client.get(reverse("partenaires:offre_edit", args=[mine.pk])).status_code == 200
    assert client.get(reverse("partenaires:offre_edit", args=[other.pk])).status_code == 404
    response = client.post(reverse("partenaires:offre_edit", args=[other.pk]), offre_post_data(title="Piraté"))
    assert response.status_code == 404
    assert client.post(reverse("partenaires:offre_submit", args=[other.pk])).status_code == 404
    other.refresh_from_db()
    assert other.title != "Piraté"


def test_editing_a_validated_offer_sends_it_back_to_moderation(client, world):
    offre = OffreFactory(structure=world.structure)
    client.force_login(world.users["partenaire"])
    client.post(reverse("partenaires:offre_edit", args=[offre.pk]), offre_post_data(title="Nouveau titre"))
    offre.refresh_from_db()
    assert offre.title == "Nouveau titre"
    assert offre.status == StatutOffre.SOUMISE


def test_a_paid_offer_must_be_justified(client, world):
    client.force_login(world.users["partenaire"])
    data = offre_post_data()
    del data["is_free"]
    response = client.post(reverse("partenaires:offre_create"), data)
    assert response.status_code == 200
    assert "justifier" in response.content.decode()
    assert not Offre.objects.exists()
    data["cost_justification"] = "30 € par élève pour le transport."
    client.post(reverse("partenaires:offre_create"), data)
    assert Offre.objects.get().is_free is False


def test_departements_must_belong_to_the_academie(client, world):
    client.force_login(world.users["partenaire"])
    nord = world.foreign.departement
    response = client.post(reverse("partenaires:offre_create"), offre_post_data(departements=[nord.pk]))
    assert response.status_code == 200
    assert not Offre.objects.exists()


def test_confirming_an_offer_makes_it_fresh_again(client, world):
    offre = OffreFactory(structure=world.structure, last_confirmed_at=timezone.now() - datetime.timedelta(days=500))
    assert not list(catalogue_search(filters=CatalogueFilters()))
    client.force_login(world.users["partenaire"])
    client.post(reverse("partenaires:offre_confirm", args=[offre.pk]))
    assert [o.pk for o in catalogue_search(filters=CatalogueFilters())] == [offre.pk]


def test_no_contact_detail_leaks_to_anonymous_users(client, world):
    offre = OffreFactory(structure=world.structure, contact_email="secret.contact@partenaire.example.fr")
    url = reverse("partenaires:offre_detail", args=[offre.pk])
    for page_url in (url, reverse("partenaires:catalogue")):
        html = client.get(page_url).content.decode()
        assert "secret.contact@" not in html
        assert "02 99 99 99 99" not in html
        assert "Camille Contact" not in html
    assert "Connectez-vous" in client.get(url).content.decode()
    client.force_login(world.users["lecteur"])
    assert "secret.contact@partenaire.example.fr" in client.get(url).content.decode()


@pytest.fixture
def programme(world):
    ppo = ppo_create(
        etablissement=world.school, first_year=current_school_year(), years=3, user=world.users["direction"]
    )
    return ppo.programmes.get()


def test_a_school_adds_an_offer_to_its_ppo(client, world, programme):
    offre = OffreFactory(
        title="Visite d’un atelier de soudure", kind=TypeOffre.VISITE, axes=[Axe.objects.get(number=2)],
        niveaux=[Niveau.objects.get(code="2nde-pro")],
    )  # fmt: skip
    client.force_login(world.users["redacteur"])
    url = reverse("partenaires:offre_add_to_ppo", args=[offre.pk])
    form = client.get(url, {"programme": programme.pk}).context["form"]
    assert form.initial["programme"] == programme
    assert form.initial["axe"].number == 2
    response = client.post(
        url,
        {
            "programme": programme.pk,
            "axe": Axe.objects.get(number=2).pk,
            "niveaux": [Niveau.objects.get(code="2nde-pro").pk],
            "period": "janvier",
        },
    )
    assert response.status_code == 302
    link = ActionOffre.objects.get()
    action = link.action
    assert link.offre == offre
    assert action.programme == programme and action.origin == OrigineAction.CATALOGUE
    assert action.kind == TypeAction.VISITE and action.axe.number == 2
    assert [n.code for n in action.niveaux.all()] == ["2nde-pro"]
    assert action.partners == offre.structure.name
    detail = client.get(reverse("partenaires:offre_detail", args=[offre.pk])).content.decode()
    assert "Liée à l’action" in detail


def test_adding_to_a_ppo_is_for_writers_of_an_editable_programme(client, world, programme):
    offre = OffreFactory()
    url = reverse("partenaires:offre_add_to_ppo", args=[offre.pk])
    client.force_login(world.users["lecteur"])
    assert client.get(url).status_code == 403
    # Another school's direction cannot pick our programme.
    client.force_login(world.users["autre_direction"])
    data = {"programme": programme.pk, "axe": Axe.objects.get(number=1).pk, "niveaux": [Niveau.objects.first().pk]}
    assert client.post(url, data).status_code == 200
    assert not ActionOffre.objects.exists()
    # A programme under review by the académie is frozen.
    force_status(programme=programme, status=StatutProgramme.TRANSMIS, user=world.users["direction"])
    client.force_login(world.users["direction"])
    assert client.post(url, data).status_code == 200
    assert not ActionOffre.objects.exists()
    html = client.get(url).content.decode()
    assert "pendant l’examen" in html  # why, from plans.lifecycle.lock_reason
    assert reverse("plans:programme", kwargs={"pk": programme.pk}) in html  # and the way on


def test_a_validated_programme_says_the_review_is_over_and_offers_a_way_on(client, world, programme):
    offre = OffreFactory()
    url = reverse("partenaires:offre_add_to_ppo", args=[offre.pk])
    force_status(programme=programme, status=StatutProgramme.VALIDE, user=world.users["direction"])
    client.force_login(world.users["redacteur"])
    html = client.get(url).content.decode()
    assert "attendez la fin de l’examen" not in html
    assert "validé par l’académie" in html and "publier" in html
    assert reverse("plans:programme", kwargs={"pk": programme.pk}) in html
    data = {"programme": programme.pk, "axe": Axe.objects.get(number=1).pk, "niveaux": [Niveau.objects.first().pk]}
    assert client.post(url, data).status_code == 200
    assert not ActionOffre.objects.exists()


def test_a_draft_cannot_be_added_to_a_ppo(client, world, programme):
    offre = OffreFactory(soumise=True)
    client.force_login(world.users["direction"])
    assert client.get(reverse("partenaires:offre_add_to_ppo", args=[offre.pk])).status_code == 404


def test_offer_page_shows_the_sectors_of_its_metiers(client, db):
    metier = MetierFactory(label="soudeur / soudeuse")
    metier.secteurs.add(SecteurFactory(label="mécanique"))
    offre = OffreFactory(metiers=[metier])
    html = client.get(reverse("partenaires:offre_detail", args=[offre.pk])).content.decode()
    assert "soudeur / soudeuse (H2913)" in html and "mécanique" in html


def test_an_edit_in_the_admin_reindexes_the_offer(client, world):
    offre = OffreFactory(title="Atelier menuiserie")
    client.force_login(world.users["admin"])
    url = reverse("admin:partenaires_offre_change", args=[offre.pk])
    assert client.get(url).status_code == 200
    data = {
        "structure": offre.structure_id,
        "title": "Atelier ébénisterie",
        "description": offre.description,
        "kind": offre.kind,
        "niveaux": [n.pk for n in offre.niveaux.all()],
        "axes": [a.pk for a in offre.axes.all()],
        "academie": offre.academie_id,
        "all_year": "on",
        "is_free": "on",
        "contact_name": offre.contact_name,
        "contact_email": offre.contact_email,
        "status": offre.status,
        "last_confirmed_at_0": offre.last_confirmed_at.strftime("%d/%m/%Y"),
        "last_confirmed_at_1": offre.last_confirmed_at.strftime("%H:%M:%S"),
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert [o.title for o in catalogue_search(filters=CatalogueFilters(query="ébénisterie"))] == [
        "Atelier ébénisterie"
    ]


def test_offer_page_warns_when_the_offer_is_stale_or_hidden(client, db):
    now = timezone.now()
    stale = OffreFactory(last_confirmed_at=now - datetime.timedelta(days=400))
    hidden = OffreFactory(last_confirmed_at=now - datetime.timedelta(days=500))
    html = client.get(reverse("partenaires:offre_detail", args=[stale.pk])).content.decode()
    assert "depuis plus de douze mois" in html and "n’apparaît plus" not in html
    html = client.get(reverse("partenaires:offre_detail", args=[hidden.pk])).content.decode()
    assert "n’apparaît plus dans la recherche" in html


def test_a_partner_of_several_structures_chooses_one_of_theirs(client, world):
    second = StructureFactory(name="Zéphyr entreprise")
    MembershipFactory(user=world.users["partenaire"], role=Role.PARTENAIRE, structure=second)
    client.force_login(world.users["partenaire"])
    client.post(reverse("partenaires:offre_create"), offre_post_data(structure=second.pk))
    assert Offre.objects.get().structure == second
    other = StructureFactory()
    response = client.post(reverse("partenaires:offre_create"), offre_post_data(structure=other.pk, title="Autre"))
    assert response.status_code == 200
    assert not Offre.objects.filter(title="Autre").exists()
