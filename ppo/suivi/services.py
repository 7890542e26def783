"""Writes of the follow-up and the bilan. Views call one of these; every rule is checked here."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ppo.core.locking import claim_version
from ppo.plans.lifecycle import can_edit_content, lock_reason
from ppo.plans.models import Action, ProgrammeAnnuel
from ppo.plans.services import action_copy, programme_start_next_year
from ppo.suivi.enums import DecisionReprise, StatutBilan
from ppo.suivi.models import Bilan, PieceJointe, Reprise, RepriseAction, SuiviAction
from ppo.suivi.rules import suivi_errors
from ppo.suivi.selectors import already_carried, next_programme_of
from ppo.suivi.uploads import attachment_check

STALE = "Quelqu’un d’autre a modifié {what} pendant votre saisie. Rechargez la page pour voir sa version, puis recommencez."


def _claim(obj, version: int | None, what: str) -> None:
    """Moves `obj` to its next version, or refuses with the STALE message if the row moved on (optimistic locking).

    `version` is the one the user opened; without one (a caller with no form), the one just read is expected.
    """
    obj.version = claim_version(
        type(obj),
        pk=obj.pk,
        expected_version=obj.version if version is None else version,
        message=STALE.format(what=what),
    )


@transaction.atomic
def suivi_record(
    *,
    action: Action,
    user,
    version: int | None = None,
    status: str,
    reason: str = "",
    actual_date=None,
    hours_spent=None,
    girls: int | None = None,
    boys: int | None = None,
    classes: str = "",
    partners=(),
    partners_other: str = "",
    evaluation: str = "",
    comment: str = "",
) -> SuiviAction:
    """Creates or updates the follow-up of `action`. `version` is the one the user saw (optimistic locking)."""
    errors = suivi_errors(
        action=action,
        status=status,
        reason=reason,
        actual_date=actual_date,
        hours_spent=hours_spent,
        girls=girls,
        boys=boys,
    )
    if errors:
        raise ValidationError({key or "__all__": message for key, message in errors.items()})
    suivi = SuiviAction.objects.filter(action=action).first()
    if suivi is None:
        suivi = SuiviAction(action=action)
    else:
        _claim(suivi, version, "ce suivi")
    suivi.status = status
    suivi.reason = reason.strip()
    suivi.actual_date = actual_date
    suivi.hours_spent = hours_spent
    suivi.girls = girls
    suivi.boys = boys
    suivi.classes = classes.strip()
    suivi.partners_other = partners_other.strip()
    suivi.evaluation = evaluation
    suivi.comment = comment.strip()
    suivi.updated_by = user
    suivi._history_user = user
    suivi.full_clean(exclude=["action"])
    suivi.save()
    suivi.partners.set(partners)
    return suivi


@transaction.atomic
def piece_jointe_add(*, action: Action, user, uploaded, description: str = "") -> PieceJointe:
    """Stores a checked attachment; the follow-up is created (still « prévue ») if it did not exist yet."""
    content_type = attachment_check(uploaded)
    suivi, _ = SuiviAction.objects.get_or_create(action=action, defaults={"updated_by": user})
    piece = PieceJointe(
        suivi=suivi,
        original_name=uploaded.name[:200],
        content_type=content_type,
        size=uploaded.size,
        description=description.strip(),
        uploaded_by=user,
    )
    piece.file.save(uploaded.name, uploaded, save=False)
    piece.save()
    return piece


@transaction.atomic
def piece_jointe_delete(*, piece: PieceJointe, user) -> None:
    """Deletes the attachment; its file leaves the storage after the commit (`suivi.signals`)."""
    piece.delete()


def _bilan_for_update(programme) -> Bilan:
    bilan, _ = Bilan.objects.get_or_create(programme=programme)
    return Bilan.objects.select_for_update().get(pk=bilan.pk)


@transaction.atomic
def bilan_update(*, programme: ProgrammeAnnuel, user, version: int | None = None, **texts) -> Bilan:
    """Saves the team's texts of the bilan. A validated bilan no longer changes."""
    unknown = set(texts) - set(Bilan.TEXT_FIELDS)
    if unknown:
        raise ValueError(f"Champs inconnus : {sorted(unknown)}")
    bilan, _ = Bilan.objects.get_or_create(programme=programme)
    if bilan.is_validated:
        raise ValidationError("Ce bilan est validé : il ne peut plus être modifié.")
    _claim(bilan, version, "ce bilan")
    for name, value in texts.items():
        setattr(bilan, name, (value or "").strip())
    bilan._history_user = user
    # Only what this save changes: status and frozen figures stay as the validation or reopening left them.
    bilan.save(update_fields=[*texts, "version", "updated_at"])
    return bilan


@transaction.atomic
def bilan_validate(*, programme: ProgrammeAnnuel, user) -> Bilan:
    """The direction validates the bilan: its figures are frozen as they are today."""
    from ppo.suivi.selectors import bilan_figures

    bilan = _bilan_for_update(programme)
    if bilan.is_validated:
        raise ValidationError("Ce bilan est déjà validé.")
    bilan.figures = bilan_figures(programme=programme)
    bilan.status = StatutBilan.VALIDE
    bilan.validated_at = timezone.now()
    bilan.validated_by = user
    bilan.version += 1
    bilan._history_user = user
    bilan.save()
    return bilan


@transaction.atomic
def bilan_reopen(*, programme: ProgrammeAnnuel, user) -> Bilan:
    """The direction takes a validated bilan back to draft: figures are computed live again, texts editable."""
    bilan = _bilan_for_update(programme)
    if not bilan.is_validated:
        raise ValidationError("Ce bilan n’est pas validé : il est déjà modifiable.")
    bilan.status = StatutBilan.BROUILLON
    bilan.figures = None
    bilan.validated_at = None
    bilan.validated_by = None
    bilan.version += 1
    bilan._history_user = user
    bilan.save()
    return bilan


def next_year_refusal(*, programme: ProgrammeAnnuel) -> str:
    """Why this bilan cannot be carried into next year, or an empty string. Next year's programme may exist: the
    carry-over then adds to it, as long as it can still be edited (not transmitted nor validated)."""
    year = programme.year + 1
    ppo = programme.ppo
    if year > ppo.last_year:
        return (
            f"L’année {year}-{year + 1} n’appartient pas au PPO {ppo.period_label} : "
            "l’année suivante commence avec un nouveau PPO."
        )
    nxt = next_programme_of(programme)
    if nxt is not None and not can_edit_content(nxt):
        return f"Programme {nxt.year_label} : {lock_reason(nxt)}"
    return ""


@transaction.atomic
def programme_start_next_year_from_bilan(
    *,
    programme: ProgrammeAnnuel,
    user,
    decisions: dict[int, str],
    notes: dict[int, str] | None = None,
    without_validated_bilan: bool = False,
) -> Reprise:
    """Carries this year's bilan into next year's programme: kept and adjusted actions are copied, dropped ones are
    not. When next year's programme exists, the actions are added to it, never twice: an action already there (a
    copy of it, or the same title on the same axis) is left as it is and the decision points to it.

    Needs a validated bilan, or `without_validated_bilan` (the direction's explicit choice, kept in the history).
    Every decision is kept (`RepriseAction`); an adjusted action carries the note saying what to rework."""
    refusal = next_year_refusal(programme=programme)
    if refusal:
        raise ValidationError(refusal)
    bilan = Bilan.objects.filter(programme=programme).first()
    validated = bool(bilan and bilan.is_validated)
    if not validated and not without_validated_bilan:
        raise ValidationError(
            f"Le bilan {programme.year_label} n’est pas validé : faites-le valider par la direction, ou cochez "
            "« Continuer sans bilan validé »."
        )
    notes = notes or {}
    action_ids = set(programme.actions.values_list("pk", flat=True))
    if set(decisions) != action_ids:
        raise ValidationError("Choisissez, pour chaque action, de la garder, de l’ajuster ou de ne pas la reprendre.")
    if any(value not in DecisionReprise.values for value in decisions.values()):
        raise ValidationError("Décision inconnue : choisissez garder, ajuster ou ne pas reprendre.")
    kept = {pk for pk, decision in decisions.items() if decision != DecisionReprise.ABANDONNER}
    nxt = next_programme_of(programme)
    created = nxt is None
    if created:
        nxt = programme_start_next_year(programme=programme, user=user, action_ids=kept)
        copies = dict(nxt.actions.values_list("copied_from_id", "pk"))
        there = {}
    else:
        there = already_carried(programme=programme, nxt=nxt)
        copies = dict(there)
        missing = programme.actions.filter(pk__in=kept - set(there)).select_related("axe")
        for action in missing.prefetch_related("niveaux", "actors", "partner_items"):
            copies[action.pk] = action_copy(action=action, programme=nxt, user=user).pk
    RepriseAction.objects.filter(action_id__in=action_ids).delete()
    RepriseAction.objects.bulk_create(
        RepriseAction(
            action_id=pk,
            decision=decision,
            note=(notes.get(pk) or "").strip() if decision == DecisionReprise.AJUSTER else "",
            copy_id=copies.get(pk) if decision != DecisionReprise.ABANDONNER else there.get(pk),
            decided_by=user,
        )
        for pk, decision in sorted(decisions.items())
    )
    return Reprise.objects.create(
        source=programme,
        target=nxt,
        created_target=created,
        bilan_validated=validated,
        added=len(kept - set(there)),
        already_there=len(kept & set(there)),
        dropped=len(action_ids - kept),
        dropped_still_there=len((action_ids - kept) & set(there)),
        decided_by=user,
    )
