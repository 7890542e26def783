"""Writes of the catalogue: offers, their moderation, their yearly confirmation, adding one to a PPO."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from ppo.partenaires.enums import StatutOffre, TypeOffre
from ppo.partenaires.models import ActionOffre, Offre
from ppo.partenaires.notifications import notify_moderators
from ppo.partenaires.search import index_text, search_vector_expression, uses_full_text
from ppo.plans.enums import OrigineAction, TypeAction
from ppo.plans.lifecycle import can_edit_content, lock_reason
from ppo.plans.services import action_create

M2M_FIELDS = ("niveaux", "axes", "metiers", "secteurs", "departements", "bassins")
ACTION_KIND = {
    TypeOffre.INTERVENTION: TypeAction.INTERVENTION,
    TypeOffre.VISITE: TypeAction.VISITE,
    TypeOffre.IMMERSION: TypeAction.IMMERSION,
    TypeOffre.EVENEMENT: TypeAction.EVENEMENT,
    TypeOffre.RESSOURCE: TypeAction.RESSOURCE,
    TypeOffre.FORMATION: TypeAction.FORMATION,
}


class OffreError(Exception):
    """A move the offer's state does not allow; the message is French and shown to the user."""


def offre_document(offre: Offre) -> str:
    """The text indexed for an offer (with its métiers, ROME codes, sectors and partner), normalised."""
    metiers = list(offre.metiers.all())
    return index_text(
        offre.title,
        offre.description,
        offre.get_kind_display(),
        offre.structure.name,
        " ".join(m.label for m in metiers),
        " ".join(m.rome_codes for m in metiers),
        " ".join(s.label for s in offre.secteurs.all()),
        " ".join(s.label for m in metiers for s in m.secteurs.all()),
    )


def offres_refresh_vectors(*, queryset) -> int:
    """Recomputes `search_vector` in one UPDATE (PostgreSQL only); returns the number of rows touched."""
    if not uses_full_text():
        return 0
    return queryset.update(search_vector=search_vector_expression())


def offre_reindex(*, offre: Offre) -> None:
    offre.search_text = offre_document(offre)
    Offre.objects.filter(pk=offre.pk).update(search_text=offre.search_text)
    offres_refresh_vectors(queryset=Offre.objects.filter(pk=offre.pk))


def _check_cost(fields: dict) -> None:
    if not fields.get("is_free", True) and not (fields.get("cost_justification") or "").strip():
        raise OffreError("Une offre payante doit indiquer son coût et le justifier.")


def _set_m2m(offre: Offre, fields: dict) -> None:
    for name in M2M_FIELDS:
        if name in fields:
            getattr(offre, name).set(fields[name])


@transaction.atomic
def offre_create(*, structure, user, fields: dict) -> Offre:
    """A draft offer of `structure`; `fields` are Offre fields, M2M ones as lists."""
    _check_cost(fields)
    plain = {k: v for k, v in fields.items() if k not in M2M_FIELDS}
    offre = Offre(structure=structure, created_by=user, last_confirmed_at=timezone.now(), **plain)
    offre.full_clean(exclude=list(M2M_FIELDS))
    offre.save()
    _set_m2m(offre, fields)
    offre_reindex(offre=offre)
    return offre


@transaction.atomic
def offre_update(*, offre: Offre, user, fields: dict) -> Offre:
    """Edits an offer. A validated or refused offer goes back to moderation: the catalogue shows only what was read."""
    _check_cost(fields)
    for name, value in fields.items():
        if name not in M2M_FIELDS:
            setattr(offre, name, value)
    back_to_moderation = offre.status in (StatutOffre.VALIDEE, StatutOffre.REFUSEE)
    if back_to_moderation:
        offre.status = StatutOffre.SOUMISE
    offre.last_confirmed_at = timezone.now()
    offre.full_clean(exclude=list(M2M_FIELDS))
    offre.save()
    _set_m2m(offre, fields)
    offre_reindex(offre=offre)
    if back_to_moderation:
        _notify_moderators_on_commit(offre=offre, resubmitted=True)
    return offre


def _notify_moderators_on_commit(*, offre: Offre, resubmitted: bool) -> None:
    """The moderators learn by e-mail that the offer waits for them, once the submission is saved."""
    transaction.on_commit(lambda: notify_moderators(offre=offre, resubmitted=resubmitted))


@transaction.atomic
def offre_submit(*, offre: Offre, user) -> Offre:
    if offre.status not in (StatutOffre.BROUILLON, StatutOffre.REFUSEE):
        raise OffreError("Seule une offre en brouillon ou refusée peut être soumise à la modération.")
    resubmitted = offre.status == StatutOffre.REFUSEE
    offre.status = StatutOffre.SOUMISE
    offre.save(update_fields=["status", "updated_at"])
    _notify_moderators_on_commit(offre=offre, resubmitted=resubmitted)
    return offre


@transaction.atomic
def offre_moderate(*, offre: Offre, user, accept: bool, reason: str = "") -> Offre:
    """Validates or refuses a submitted offer; a refusal needs a reason, sent back to the partner."""
    if offre.status != StatutOffre.SOUMISE:
        raise OffreError("Cette offre n’attend pas de modération.")
    if not accept and not reason.strip():
        raise OffreError("Indiquez le motif du refus : il est transmis au partenaire.")
    offre.status = StatutOffre.VALIDEE if accept else StatutOffre.REFUSEE
    offre.moderation_reason = reason.strip()
    offre.moderated_by = user
    offre.moderated_at = timezone.now()
    offre.save(update_fields=["status", "moderation_reason", "moderated_by", "moderated_at", "updated_at"])
    _notify_partner(offre=offre, accepted=accept)
    return offre


def _notify_partner(*, offre: Offre, accepted: bool) -> None:
    """Tells the author of the offer (or the structure's address) the moderator's decision."""
    recipient = offre.created_by.email if offre.created_by else offre.structure.email
    if not recipient:
        return
    context = {
        "offre": offre,
        "accepted": accepted,
        "url": settings.SITE_URL + reverse("partenaires:offre_detail", args=[offre.pk]),
    }
    subject = f"[PPO] Offre {'validée' if accepted else 'refusée'} — {offre.title}"
    send_mail(subject, render_to_string("partenaires/emails/moderation.txt", context), None, [recipient])


@transaction.atomic
def offre_confirm(*, offre: Offre, user) -> Offre:
    """The partner confirms the offer is still valid: it is fresh again for 12 months."""
    offre.last_confirmed_at = timezone.now()
    offre.save(update_fields=["last_confirmed_at", "updated_at"])
    return offre


@transaction.atomic
def offre_add_to_programme(*, offre: Offre, programme, user, axe, niveaux, period: str = "") -> ActionOffre:
    """Creates the PPO action from the offer, linked to it."""
    if offre.status != StatutOffre.VALIDEE:
        raise OffreError("Seule une offre validée peut être ajoutée à un PPO.")
    if not can_edit_content(programme):
        raise OffreError(lock_reason(programme))
    action = action_create(
        programme=programme,
        user=user,
        axe=axe,
        niveaux=niveaux,
        origin=OrigineAction.CATALOGUE,
        title=offre.title[:200],
        kind=ACTION_KIND.get(offre.kind, TypeAction.AUTRE),
        description=offre.description,
        partners=offre.structure.name,
        period=period,
        start_date=None if offre.all_year else offre.start_date,
        end_date=None if offre.all_year else offre.end_date,
    )
    return ActionOffre.objects.create(action=action, offre=offre)
