"""The moderators of an offer's académie get one e-mail when it is submitted or comes back to moderation."""

import pytest
from django.conf import settings
from django.db import transaction
from django.urls import reverse

from ppo.comptes.enums import Role
from ppo.partenaires.enums import StatutOffre
from ppo.partenaires.services.offres import offre_submit
from tests.factories import MembershipFactory, StructureFactory, academie, user_with
from tests.partenaires.factories import OffreFactory
from tests.partenaires.test_offres import offre_post_data


@pytest.fixture
def moderators(world):
    """Besides the world's académie account: a moderating agence of Normandie, and people who must get nothing."""
    agence = StructureFactory(is_moderator=True, name="Agence de l’orientation")
    agent = user_with(Role.PARTENAIRE, structure=agence)
    # Holds both an académie and an agence membership: still one e-mail.
    both = user_with(Role.ACADEMIE, academie=academie())
    MembershipFactory(user=both, role=Role.PARTENAIRE, structure=agence)
    return {"academie": world.users["academie"], "agent": agent, "both": both}


def _expected(moderators):
    return sorted(u.email for u in moderators.values())


def test_submitting_a_draft_mails_each_moderator_once(
    client, world, moderators, mailoutbox, django_capture_on_commit_callbacks
):
    # Nobody else: an inactive académie user, an unconfirmed one, Lille's académie, a non-moderating partner,
    # a moderating structure of another académie, and the platform admin.
    inactive = user_with(Role.ACADEMIE, academie=academie())
    inactive.is_active = False
    inactive.save()
    MembershipFactory(role=Role.ACADEMIE, academie=academie(), confirmed_at=None)
    MembershipFactory(role=Role.ACADEMIE, academie=academie(), is_active=False)
    user_with(Role.PARTENAIRE, structure=StructureFactory(is_moderator=True, academie=academie("09")))
    offre = OffreFactory(structure=world.structure, brouillon=True, title="Découverte de la soudure")
    client.force_login(world.users["partenaire"])

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(reverse("partenaires:offre_submit", args=[offre.pk]))

    assert response.status_code == 302 and len(callbacks) == 1
    assert sorted(m.to[0] for m in mailoutbox) == _expected(moderators)
    assert all(len(m.to) == 1 for m in mailoutbox)
    message = mailoutbox[0]
    assert message.subject == "[PPO] Offre à modérer — Découverte de la soudure"
    assert "a soumis l’offre « Découverte de la soudure » à la modération" in message.body
    assert world.structure.name in message.body
    assert settings.SITE_URL + reverse("partenaires:moderation") in message.body
    assert settings.SITE_URL + reverse("partenaires:offre_moderate", args=[offre.pk]) in message.body


def test_a_moderating_structure_is_not_mailed_for_its_own_offer(
    world, moderators, mailoutbox, django_capture_on_commit_callbacks
):
    agence = moderators["agent"].memberships.get().structure
    offre = OffreFactory(structure=agence, brouillon=True)
    with django_capture_on_commit_callbacks(execute=True):
        offre_submit(offre=offre, user=moderators["agent"])
        assert not mailoutbox  # nothing before the commit
    # `both` moderates as académie, not as agence: still mailed once.
    assert sorted(m.to[0] for m in mailoutbox) == sorted([world.users["academie"].email, moderators["both"].email])


def test_no_mail_when_the_submission_is_rolled_back(world, moderators, mailoutbox, django_capture_on_commit_callbacks):
    offre = OffreFactory(structure=world.structure, brouillon=True)

    class Abort(Exception):
        pass

    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(Abort), transaction.atomic():
        offre_submit(offre=offre, user=world.users["partenaire"])
        raise Abort
    assert not callbacks and not mailoutbox
    offre.refresh_from_db()
    assert offre.status == StatutOffre.BROUILLON


def test_a_refused_offer_submitted_again_is_announced_as_such(
    world, moderators, mailoutbox, django_capture_on_commit_callbacks
):
    offre = OffreFactory(structure=world.structure, status=StatutOffre.REFUSEE, title="Atelier bois")
    with django_capture_on_commit_callbacks(execute=True):
        offre_submit(offre=offre, user=world.users["partenaire"])
    assert len(mailoutbox) == len(moderators)
    assert mailoutbox[0].subject == "[PPO] Offre soumise de nouveau — Atelier bois"
    assert "a soumis de nouveau l’offre « Atelier bois »" in mailoutbox[0].body


def test_editing_a_validated_offer_mails_the_moderators(
    client, world, moderators, mailoutbox, django_capture_on_commit_callbacks
):
    offre = OffreFactory(structure=world.structure)
    client.force_login(world.users["partenaire"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("partenaires:offre_edit", args=[offre.pk]), offre_post_data(title="Nouveau titre"))
    offre.refresh_from_db()
    assert offre.status == StatutOffre.SOUMISE
    assert sorted(m.to[0] for m in mailoutbox) == _expected(moderators)
    assert "soumise de nouveau — Nouveau titre" in mailoutbox[0].subject


def test_editing_a_draft_or_a_waiting_offer_mails_nobody(
    client, world, moderators, mailoutbox, django_capture_on_commit_callbacks
):
    draft = OffreFactory(structure=world.structure, brouillon=True)
    waiting = OffreFactory(structure=world.structure, soumise=True)
    client.force_login(world.users["partenaire"])
    with django_capture_on_commit_callbacks(execute=True):
        for offre in (draft, waiting):
            client.post(reverse("partenaires:offre_edit", args=[offre.pk]), offre_post_data(title="Autre titre"))
    assert not mailoutbox
    # Submitting an offer already waiting is refused: no e-mail either.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("partenaires:offre_submit", args=[waiting.pk]))
    assert not mailoutbox
