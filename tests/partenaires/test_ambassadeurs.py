"""Ambassadeurs métiers: profiles, privacy, and the request workflow with its e-mails and the PPO action."""

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ppo.comptes.enums import Role
from ppo.core.dates import current_school_year
from ppo.partenaires.enums import CoteRetour, StatutDemande, TypeIntervention
from ppo.partenaires.models import Ambassadeur, DemandeIntervention
from ppo.plans.enums import OrigineAction, StatutProgramme, TypeAction
from ppo.plans.lifecycle import force_status
from ppo.plans.services import ppo_create
from ppo.referentiel.models import Niveau
from tests.factories import academie, user_with
from tests.partenaires.factories import AmbassadeurFactory, DemandeFactory


@pytest.fixture
def ambassadeur(world):
    return AmbassadeurFactory(
        user=world.users["ambassadeur"], job_title="Technicienne de maintenance", phone="06 12 34 56 78"
    )


@pytest.fixture
def programme(world):
    ppo = ppo_create(
        etablissement=world.school, first_year=current_school_year(), years=3, user=world.users["direction"]
    )
    return ppo.programmes.get()


def test_ambassador_creates_and_pauses_their_profile(client, world):
    user = user_with(Role.AMBASSADEUR)
    client.force_login(user)
    data = {
        "job_title": "Soudeuse",
        "academie": academie().pk,
        "availability": "Le mercredi",
        "offers_visite": "on",
    }
    response = client.post(reverse("partenaires:mon_profil"), data)
    assert response.status_code == 302
    profile = Ambassadeur.objects.get(user=user)
    assert profile.kinds == [TypeIntervention.VISITE]
    # Nothing offered: refused with a clear message.
    response = client.post(reverse("partenaires:mon_profil"), {**data, "offers_visite": ""})
    assert "au moins un type" in response.content.decode()
    client.post(reverse("partenaires:mon_profil_pause"))
    profile.refresh_from_db()
    assert profile.is_paused
    client.force_login(world.users["direction"])
    assert profile not in client.get(reverse("partenaires:ambassadeurs")).context["page_obj"].object_list
    assert client.get(reverse("partenaires:ambassadeur_detail", args=[profile.pk])).status_code == 404
    assert client.get(reverse("partenaires:demande_create", args=[profile.pk])).status_code == 404


def test_personal_data_only_for_school_staff(client, world, ambassadeur):
    url = reverse("partenaires:ambassadeur_detail", args=[ambassadeur.pk])
    name = ambassadeur.user.last_name
    anonymous = client.get(url)
    assert anonymous.status_code == 302
    for page in (reverse("partenaires:catalogue"), reverse("portail:accueil")):
        assert name not in client.get(page).content.decode()
    client.force_login(world.users["partenaire"])
    assert client.get(url).status_code == 403
    assert client.get(reverse("partenaires:ambassadeurs")).status_code == 403
    client.force_login(world.users["lecteur"])
    html = client.get(url).content.decode()
    assert name in html and ambassadeur.user.email in html and "06 12 34 56 78" in html


def test_list_filters(client, world, ambassadeur):
    AmbassadeurFactory(job_title="Boulanger", offers_visite=False)
    client.force_login(world.users["direction"])
    listed = client.get(reverse("partenaires:ambassadeurs"), {"kind": "visite"}).context["page_obj"].object_list
    assert [a.job_title for a in listed] == ["Technicienne de maintenance"]
    listed = client.get(reverse("partenaires:ambassadeurs"), {"q": "boulanger"}).context["page_obj"].object_list
    assert [a.job_title for a in listed] == ["Boulanger"]


def test_full_workflow_with_emails_and_ppo_action(client, world, ambassadeur, programme):
    teacher = world.users["redacteur"]
    client.force_login(teacher)
    response = client.post(
        reverse("partenaires:demande_create", args=[ambassadeur.pk]),
        {
            "etablissement": world.school.pk,
            "kind": TypeIntervention.VISITE,
            "niveau": Niveau.objects.get(code="2nde-pro").pk,
            "pupils_count": 15,
            "wished_dates": "Fin janvier",
            "message": "Nos élèves aimeraient visiter votre atelier.",
        },
    )
    demande = DemandeIntervention.objects.get()
    assert response.status_code == 302 and demande.status == StatutDemande.DEMANDEE
    assert mail.outbox[-1].to == [ambassadeur.user.email]
    assert "Nouvelle demande" in mail.outbox[-1].subject

    client.force_login(ambassadeur.user)
    client.post(reverse("partenaires:demande_accept", args=[demande.pk]))
    demande.refresh_from_db()
    assert demande.status == StatutDemande.ACCEPTEE
    assert mail.outbox[-1].to == [teacher.email]
    action = demande.action
    assert action.programme == programme and action.origin == OrigineAction.AMBASSADEUR
    assert action.axe.number == 2 and action.kind == TypeAction.VISITE
    assert [n.code for n in action.niveaux.all()] == ["2nde-pro"]
    assert action.pupils_count == 15

    date = datetime.date(current_school_year() + 1, 1, 28)
    client.post(reverse("partenaires:demande_schedule", args=[demande.pk]), {"date": date.isoformat()})
    demande.refresh_from_db()
    action.refresh_from_db()
    assert demande.status == StatutDemande.PLANIFIEE and demande.scheduled_date == date
    assert action.start_date == date == action.end_date
    assert mail.outbox[-1].to == [teacher.email] and "planifiée" in mail.outbox[-1].subject
    assert demande.action_id == action.pk

    # The school moves the date: the same action is updated, the ambassador is told.
    later = date + datetime.timedelta(days=7)
    client.force_login(world.users["direction"])
    client.post(reverse("partenaires:demande_schedule", args=[demande.pk]), {"date": later.isoformat()})
    action.refresh_from_db()
    assert action.start_date == later
    assert mail.outbox[-1].to == [ambassadeur.user.email]
    assert programme.actions.count() == 1

    client.post(reverse("partenaires:demande_done", args=[demande.pk]))
    demande.refresh_from_db()
    assert demande.status == StatutDemande.REALISEE
    assert mail.outbox[-1].to == [ambassadeur.user.email]

    client.post(reverse("partenaires:demande_feedback", args=[demande.pk]), {"rating": "5", "comment": "Super."})
    client.post(reverse("partenaires:demande_feedback", args=[demande.pk]), {"rating": "1", "comment": "Encore."})
    client.force_login(ambassadeur.user)
    client.post(
        reverse("partenaires:demande_feedback", args=[demande.pk]), {"rating": "4", "comment": "Élèves curieux."}
    )
    retours = {r.side: r.rating for r in demande.retours.all()}
    assert retours == {CoteRetour.ETABLISSEMENT: 5, CoteRetour.AMBASSADEUR: 4}
    assert mail.outbox[-1].to == [teacher.email]
    html = client.get(reverse("partenaires:demande_detail", args=[demande.pk])).content.decode()
    assert "5 sur 5" in html and "4 sur 5" in html


def test_done_marks_the_action_done_in_the_follow_up_when_the_suivi_app_has_it(world, ambassadeur, programme):
    suivi_models = pytest.importorskip("ppo.suivi.models")
    from ppo.partenaires.services.demandes import demande_accept, demande_mark_done, demande_schedule

    demande = DemandeFactory(
        ambassadeur=ambassadeur, etablissement=world.school, requested_by=world.users["redacteur"]
    )
    demande_accept(demande=demande, user=ambassadeur.user)
    demande_schedule(demande=demande, user=ambassadeur.user, date=datetime.date(current_school_year(), 12, 1))
    demande_mark_done(demande=demande, user=ambassadeur.user)
    suivi = suivi_models.SuiviAction.objects.get(action=demande.action)
    assert suivi.status == "realisee" and suivi.actual_date == demande.scheduled_date


def test_without_a_programme_the_request_still_moves_on(client, world, ambassadeur):
    demande = DemandeFactory(
        ambassadeur=ambassadeur, etablissement=world.school, requested_by=world.users["redacteur"]
    )
    client.force_login(ambassadeur.user)
    client.post(reverse("partenaires:demande_accept", args=[demande.pk]))
    demande.refresh_from_db()
    assert demande.status == StatutDemande.ACCEPTEE and demande.action is None
    assert "Pas encore créée" in client.get(reverse("partenaires:demande_detail", args=[demande.pk])).content.decode()


def test_decline_needs_a_reason(client, world, ambassadeur):
    demande = DemandeFactory(
        ambassadeur=ambassadeur, etablissement=world.school, requested_by=world.users["redacteur"]
    )
    client.force_login(ambassadeur.user)
    client.post(reverse("partenaires:demande_decline", args=[demande.pk]), {"reason": ""})
    demande.refresh_from_db()
    assert demande.status == StatutDemande.DEMANDEE
    client.post(reverse("partenaires:demande_decline", args=[demande.pk]), {"reason": "Pas disponible en janvier."})
    demande.refresh_from_db()
    assert demande.status == StatutDemande.DECLINEE and "Pas disponible" in mail.outbox[-1].body
    # A declined request cannot be scheduled.
    client.force_login(world.users["direction"])
    client.post(reverse("partenaires:demande_schedule", args=[demande.pk]), {"date": "2027-01-10"})
    demande.refresh_from_db()
    assert demande.status == StatutDemande.DECLINEE and demande.scheduled_date is None


def test_an_ambassador_sees_only_requests_addressed_to_them(client, world, ambassadeur):
    mine = DemandeFactory(ambassadeur=ambassadeur, etablissement=world.school)
    other = DemandeFactory(etablissement=world.school)
    client.force_login(ambassadeur.user)
    listed = list(client.get(reverse("partenaires:demandes")).context["demandes"])
    assert listed == [mine]
    assert client.get(reverse("partenaires:demande_detail", args=[other.pk])).status_code == 404
    assert client.post(reverse("partenaires:demande_accept", args=[other.pk])).status_code == 404
    other.refresh_from_db()
    assert other.status == StatutDemande.DEMANDEE


def test_school_staff_see_only_their_school_requests(client, world, ambassadeur):
    ours = DemandeFactory(ambassadeur=ambassadeur, etablissement=world.school)
    theirs = DemandeFactory(ambassadeur=ambassadeur, etablissement=world.foreign)
    client.force_login(world.users["lecteur"])
    assert list(client.get(reverse("partenaires:demandes")).context["demandes"]) == [ours]
    assert client.get(reverse("partenaires:demande_detail", args=[theirs.pk])).status_code == 404


def test_a_paused_ambassador_receives_no_request(world, ambassadeur):
    from ppo.partenaires.services.demandes import DemandeError, demande_create

    ambassadeur.is_paused = True
    ambassadeur.save()
    with pytest.raises(DemandeError):
        demande_create(
            ambassadeur=ambassadeur,
            etablissement=world.school,
            user=world.users["redacteur"],
            fields={
                "kind": TypeIntervention.VISITE,
                "niveau": Niveau.objects.get(code="3e"),
                "pupils_count": 10,
                "wished_dates": "mars",
                "message": "Bonjour",
            },
        )
    assert not DemandeIntervention.objects.exists()


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_lists_cost_the_same_number_of_queries_whatever_their_size(client, world, ambassadeur):
    client.force_login(world.users["direction"])
    counts = {"ambassadeurs": [], "demandes": []}
    for extra in (2, 15):
        for _ in range(extra):
            other = AmbassadeurFactory()
            DemandeFactory(ambassadeur=other, etablissement=world.school)
        for name in counts:
            counts[name].append(_queries(client, reverse(f"partenaires:{name}")))
    assert counts["ambassadeurs"][0] == counts["ambassadeurs"][1]
    assert counts["demandes"][0] == counts["demandes"][1]


def test_a_validated_programme_keeps_the_request_out_and_says_why(client, world, ambassadeur, programme):
    force_status(programme, StatutProgramme.VALIDE, world.users["direction"])
    demande = DemandeFactory(
        ambassadeur=ambassadeur, etablissement=world.school, requested_by=world.users["redacteur"]
    )
    client.force_login(ambassadeur.user)
    client.post(reverse("partenaires:demande_accept", args=[demande.pk]))
    demande.refresh_from_db()
    assert demande.status == StatutDemande.ACCEPTEE and demande.action is None
    assert not programme.actions.exists()
    client.force_login(world.users["redacteur"])
    html = client.get(reverse("partenaires:demande_detail", args=[demande.pk])).content.decode()
    assert "validé par l’académie" in html and "en cours d’examen" not in html
    assert reverse("plans:programme", kwargs={"pk": programme.pk}) in html
