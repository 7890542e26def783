"""Writes of the ambassadeurs métiers: profiles, requests and their workflow, with an e-mail at each step.

asked → accepted / declined (with reason) → scheduled (date) → done → feedback from both sides.
On acceptance and on scheduling, the school's action (axis 2, the level asked) is created or updated on the
programme of the current school year, so the follow-up of the PPO sees it.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

from ppo.partenaires.enums import CoteRetour, StatutDemande, TypeIntervention
from ppo.partenaires.models import Ambassadeur, DemandeIntervention, RetourIntervention
from ppo.partenaires.selectors import current_programme
from ppo.plans.enums import OrigineAction, TypeAction
from ppo.plans.lifecycle import can_edit_content
from ppo.plans.models import Axe
from ppo.plans.services import action_create
from ppo.suivi.enums import StatutSuivi
from ppo.suivi.models import SuiviAction
from ppo.suivi.services import suivi_record

ACTION_KIND = {
    TypeIntervention.GROUPE: TypeAction.INTERVENTION,
    TypeIntervention.RENCONTRE: TypeAction.INTERVENTION,
    TypeIntervention.VISITE: TypeAction.VISITE,
}


class DemandeError(Exception):
    """A move the request's state does not allow; the message is French and shown to the user."""


# --- Profiles ---------------------------------------------------------------------------------------------------


@transaction.atomic
def ambassadeur_save(*, user, fields: dict) -> Ambassadeur:
    """Creates or updates the user's own ambassador profile."""
    departements = fields.pop("departements", None)
    ambassadeur = Ambassadeur.objects.filter(user=user).first() or Ambassadeur(user=user)
    for name, value in fields.items():
        setattr(ambassadeur, name, value)
    if not (ambassadeur.offers_groupe or ambassadeur.offers_rencontre or ambassadeur.offers_visite):
        raise DemandeError("Proposez au moins un type d’intervention.")
    ambassadeur.full_clean(exclude=["departements"])
    ambassadeur.save()
    if departements is not None:
        ambassadeur.departements.set(departements)
    return ambassadeur


@transaction.atomic
def ambassadeur_set_paused(*, ambassadeur: Ambassadeur, paused: bool) -> Ambassadeur:
    ambassadeur.is_paused = paused
    ambassadeur.save(update_fields=["is_paused", "updated_at"])
    return ambassadeur


# --- E-mails ----------------------------------------------------------------------------------------------------


def _notify(*, demande: DemandeIntervention, to_ambassadeur: bool, event: str) -> None:
    if to_ambassadeur:
        recipients = [demande.ambassadeur.user.email]
    else:
        recipients = [demande.requested_by.email] if demande.requested_by else []
    if not recipients:
        return
    context = {
        "demande": demande,
        "event": event,
        "url": settings.SITE_URL + reverse("partenaires:demande_detail", args=[demande.pk]),
    }
    subject = render_to_string("partenaires/emails/demande_subject.txt", context).strip()
    body = render_to_string("partenaires/emails/demande.txt", context)
    send_mail(subject, body, None, recipients)


# --- Workflow ---------------------------------------------------------------------------------------------------


@transaction.atomic
def demande_create(*, ambassadeur: Ambassadeur, etablissement, user, fields: dict) -> DemandeIntervention:
    if ambassadeur.is_paused:
        raise DemandeError("Cet ambassadeur a mis son profil en pause : il ne reçoit pas de nouvelle demande.")
    if fields.get("kind") not in ambassadeur.kinds:
        raise DemandeError("Cet ambassadeur ne propose pas ce type d’intervention.")
    demande = DemandeIntervention(ambassadeur=ambassadeur, etablissement=etablissement, requested_by=user, **fields)
    demande.full_clean()
    demande.save()
    _notify(demande=demande, to_ambassadeur=True, event="nouvelle")
    return demande


def _require(demande: DemandeIntervention, *statuses) -> None:
    if demande.status not in statuses:
        raise DemandeError(f"Impossible : la demande est « {demande.get_status_display().lower()} ».")


def _sync_action(demande: DemandeIntervention, user) -> None:
    """Creates the school's action on the current programme, or moves its date; skipped while frozen or absent."""
    date = demande.scheduled_date
    if demande.action_id:
        action = demande.action
        if not can_edit_content(action.programme) or (action.start_date == date and action.end_date == date):
            return
        action.start_date = action.end_date = date
        action.version += 1
        action._history_user = user
        action.save(update_fields=["start_date", "end_date", "version", "updated_at"])
        return
    programme = current_programme(demande.etablissement)
    if programme is None or not can_edit_content(programme):
        return
    ambassadeur = demande.ambassadeur
    who = ambassadeur.user.get_full_name() or "ambassadeur métiers"
    demande.action = action_create(
        programme=programme,
        user=user,
        axe=Axe.objects.get(number=2),
        niveaux=[demande.niveau],
        origin=OrigineAction.AMBASSADEUR,
        title=f"{demande.get_kind_display()} — {ambassadeur.job_title}"[:200],
        kind=ACTION_KIND[demande.kind],
        description=demande.message,
        partners=f"{who}, ambassadeur métiers" + (f" ({ambassadeur.employer})" if ambassadeur.employer else ""),
        period=demande.wished_dates[:200],
        start_date=date,
        end_date=date,
        pupils_count=demande.pupils_count,
    )
    demande.save(update_fields=["action", "updated_at"])


def _record_done_in_suivi(demande: DemandeIntervention, user) -> None:
    """Marks the linked action done in the follow-up (app `suivi`), unless the school already followed it up."""
    if demande.action_id is None:
        return
    if SuiviAction.objects.filter(action_id=demande.action_id).exists():
        return
    try:
        with transaction.atomic():
            suivi_record(
                action=demande.action,
                user=user,
                status=StatutSuivi.REALISEE,
                actual_date=demande.scheduled_date,
                comment="Intervention d’un ambassadeur métiers indiquée comme réalisée.",
            )
    except ValidationError:
        return


@transaction.atomic
def demande_accept(*, demande: DemandeIntervention, user) -> DemandeIntervention:
    _require(demande, StatutDemande.DEMANDEE)
    demande.status = StatutDemande.ACCEPTEE
    demande.save(update_fields=["status", "updated_at"])
    _sync_action(demande, user)
    _notify(demande=demande, to_ambassadeur=False, event="acceptee")
    return demande


@transaction.atomic
def demande_decline(*, demande: DemandeIntervention, user, reason: str) -> DemandeIntervention:
    _require(demande, StatutDemande.DEMANDEE)
    if not reason.strip():
        raise DemandeError("Indiquez le motif du refus : il est transmis à l’établissement.")
    demande.status = StatutDemande.DECLINEE
    demande.decline_reason = reason.strip()
    demande.save(update_fields=["status", "decline_reason", "updated_at"])
    _notify(demande=demande, to_ambassadeur=False, event="declinee")
    return demande


@transaction.atomic
def demande_schedule(*, demande: DemandeIntervention, user, date) -> DemandeIntervention:
    _require(demande, StatutDemande.ACCEPTEE, StatutDemande.PLANIFIEE)
    demande.status = StatutDemande.PLANIFIEE
    demande.scheduled_date = date
    demande.save(update_fields=["status", "scheduled_date", "updated_at"])
    _sync_action(demande, user)
    _notify(demande=demande, to_ambassadeur=demande.ambassadeur.user_id != user.pk, event="planifiee")
    return demande


@transaction.atomic
def demande_mark_done(*, demande: DemandeIntervention, user) -> DemandeIntervention:
    _require(demande, StatutDemande.PLANIFIEE)
    demande.status = StatutDemande.REALISEE
    demande.save(update_fields=["status", "updated_at"])
    _record_done_in_suivi(demande, user)
    _notify(demande=demande, to_ambassadeur=demande.ambassadeur.user_id != user.pk, event="realisee")
    return demande


@transaction.atomic
def retour_create(*, demande: DemandeIntervention, user, side: str, rating: int, comment: str) -> RetourIntervention:
    _require(demande, StatutDemande.REALISEE)
    if demande.retours.filter(side=side).exists():
        raise DemandeError("Votre retour sur cette intervention a déjà été donné.")
    retour = RetourIntervention(demande=demande, side=side, rating=rating, comment=comment, author=user)
    retour.full_clean()
    retour.save()
    _notify(demande=demande, to_ambassadeur=side == CoteRetour.ETABLISSEMENT, event="retour")
    return retour
