"""The rules of a follow-up, shared by the form (to show messages next to the fields) and the service (to refuse)."""

import datetime
from decimal import Decimal

from ppo.suivi.enums import NEEDS_REASON, StatutSuivi


def suivi_errors(
    *,
    action,
    status: str,
    reason: str = "",
    actual_date: datetime.date | None = None,
    hours_spent: Decimal | None = None,
    girls: int | None = None,
    boys: int | None = None,
) -> dict:
    """Field name (None for the whole form) -> French message. Empty when the follow-up is acceptable."""
    errors = {}
    if status not in StatutSuivi.values:
        errors["status"] = "Choisissez un état parmi ceux proposés."
    if status in NEEDS_REASON and not (reason or "").strip():
        label = "du report" if status == StatutSuivi.REPORTEE else "de l’annulation"
        errors["reason"] = f"Indiquez le motif {label}."
    if hours_spent is not None and hours_spent < 0:
        errors["hours_spent"] = "Le nombre d’heures ne peut pas être négatif."
    if girls is not None and girls < 0:
        errors["girls"] = "Le nombre de filles ne peut pas être négatif."
    if boys is not None and boys < 0:
        errors["boys"] = "Le nombre de garçons ne peut pas être négatif."
    reached = (girls or 0) + (boys or 0)
    if (
        action.pupils_count is not None
        and (girls is not None or boys is not None)
        and "girls" not in errors
        and "boys" not in errors
        and reached > action.pupils_count
    ):
        errors[None] = (
            f"Filles et garçons touchés ({reached}) dépassent le nombre d’élèves concernés prévu pour cette action "
            f"({action.pupils_count}). Corrigez les nombres ou le nombre d’élèves concernés de l’action."
        )
    if status == StatutSuivi.REALISEE and actual_date is not None:
        year = action.programme.year
        if not datetime.date(year, 9, 1) <= actual_date <= datetime.date(year + 1, 8, 31):
            errors["actual_date"] = (
                f"La date de réalisation doit tomber dans l’année scolaire {year}-{year + 1} "
                f"(du 1er septembre {year} au 31 août {year + 1})."
            )
    return errors
