"""`create_first_accounts`: a dry run by default, all or nothing, idempotent, a link to choose a password."""

import io
import re

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse

from ppo.comptes.enums import Role
from ppo.comptes.models import Membership, User
from ppo.partenaires.models import Structure
from ppo.referentiel.models import Academie, Bassin
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
ARGS = [
    "--academie",
    "70",
    "--compte-academie",
    "Referent.PPO@ac-normandie.fr",
    "--bassin",
    "Caen=ien.caen@ac-normandie.fr, referent.ppo@ac-normandie.fr",
    "--partenaire",
    "Région Normandie=region=orientation@normandie.fr",
]


def run(*args):
    out = io.StringIO()
    call_command("create_first_accounts", *args, stdout=out)
    return out.getvalue()


def test_dry_run_by_default_says_what_it_would_do_and_writes_nothing():
    before = (User.objects.count(), Membership.objects.count(), Bassin.objects.count(), Structure.objects.count())
    out = run(*ARGS)
    assert out.startswith("Simulation : rien n’est enregistré")
    assert "académie referent.ppo@ac-normandie.fr : compte à créer, rattachement à créer" in out
    assert "bassin « Caen » : à créer" in out
    assert "partenaire orientation@normandie.fr : compte à créer, rattachement à créer" in out
    assert "6 changement(s) à faire." in out
    after = (User.objects.count(), Membership.objects.count(), Bassin.objects.count(), Structure.objects.count())
    assert after == before
    assert mail.outbox == []


def test_commit_creates_accounts_memberships_and_sends_a_password_link(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        out = run(*ARGS, "--commit")
    assert "3 courriel(s) d’invitation envoyé(s)" in out
    normandie = Academie.objects.get(code="70")
    referent = User.objects.get(email="referent.ppo@ac-normandie.fr")
    assert not referent.has_usable_password()
    caen = Bassin.objects.get(academie=normandie, name="Caen")
    region = Structure.objects.get(name="Région Normandie")
    assert region.kind == "region" and region.academie == normandie
    memberships = {
        (m.user.email, m.role, m.academie_id or m.bassin_id or m.structure_id) for m in Membership.objects.all()
    }
    assert memberships == {
        ("referent.ppo@ac-normandie.fr", Role.ACADEMIE, normandie.pk),
        ("referent.ppo@ac-normandie.fr", Role.BASSIN, caen.pk),
        ("ien.caen@ac-normandie.fr", Role.BASSIN, caen.pk),
        ("orientation@normandie.fr", Role.PARTENAIRE, region.pk),
    }
    assert all(m.is_active and m.is_confirmed for m in Membership.objects.all())
    assert sorted(m.to[0] for m in mail.outbox) == [
        "ien.caen@ac-normandie.fr",
        "orientation@normandie.fr",
        "referent.ppo@ac-normandie.fr",
    ]
    # The link lets the person choose a password, then log in with the académie membership.
    message = next(m for m in mail.outbox if m.to == ["referent.ppo@ac-normandie.fr"])
    path = re.search(r"https?://[^/\s]+(/compte/mot-de-passe/nouveau/\S+/)", message.body).group(1)
    form_page = client.get(path, follow=True)
    password = "Une-phrase-de-passe-2026"
    client.post(form_page.redirect_chain[-1][0], {"new_password1": password, "new_password2": password})
    client.post(reverse("comptes:login"), {"username": "referent.ppo@ac-normandie.fr", "password": password})
    assert client.session["_auth_user_id"] == str(referent.pk)


def test_running_twice_changes_nothing_and_sends_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        run(*ARGS, "--commit")
    mail.outbox.clear()
    counts = (User.objects.count(), Membership.objects.count(), Bassin.objects.count(), Structure.objects.count())
    with django_capture_on_commit_callbacks(execute=True):
        out = run(*ARGS, "--commit")
    assert "0 changement(s) enregistré(s) ; 0 courriel(s)" in out
    assert "compte existant, rattachement existant" in out
    assert (
        User.objects.count(),
        Membership.objects.count(),
        Bassin.objects.count(),
        Structure.objects.count(),
    ) == counts
    assert mail.outbox == []


def test_existing_account_and_bassin_are_reused_and_an_inactive_membership_reactivated():
    normandie = Academie.objects.get(code="70")
    bassin = Bassin.objects.create(academie=normandie, name="Caen")
    user = UserFactory(email="ien.caen@ac-normandie.fr")
    Membership.objects.create(user=user, role=Role.BASSIN, bassin=bassin, is_active=False)
    out = run("--academie", "70", "--bassin", "caen=ien.caen@ac-normandie.fr", "--commit")
    assert "bassin « Caen » : existant" in out
    assert "compte existant, rattachement réactivé" in out
    assert Bassin.objects.filter(academie=normandie).count() == 1
    assert Membership.objects.get(user=user).is_active
    assert user.has_usable_password() and mail.outbox == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--academie", "99"], "Aucune académie de code « 99 »"),
        (["--academie", "70", "--compte-academie", "pas-une-adresse"], "Adresse électronique invalide"),
        (["--academie", "70", "--partenaire", "X=inconnu=a@b.fr"], "Type de structure inconnu « inconnu »"),
        (["--academie", "70", "--partenaire", "Sans type"], "--partenaire attend"),
        (["--academie", "70", "--bassin", "sans adresse"], "--bassin attend"),
    ],
)
def test_bad_input_gives_a_clear_message_and_writes_nothing(args, message):
    users = User.objects.count()
    with pytest.raises(CommandError, match=message):
        run(*args, "--commit")
    assert User.objects.count() == users


def test_an_error_late_in_the_list_leaves_nothing_half_written():
    with pytest.raises(CommandError):
        run(
            "--academie",
            "70",
            "--compte-academie",
            "a@ac-normandie.fr",
            "--partenaire",
            "X=inconnu=b@b.fr",
            "--commit",
        )
    assert not User.objects.filter(email="a@ac-normandie.fr").exists()
