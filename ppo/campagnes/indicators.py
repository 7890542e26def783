"""The school's indicators beside the review, when the diagnostic app provides them."""


def school_indicators(*, etablissement, year: int) -> list | None:
    """Values of the school's indicators up to the programme's year, most recent first (None without diagnostic)."""
    try:
        from ppo.diagnostic.models import ValeurIndicateur
    except ImportError:
        return None
    return list(
        ValeurIndicateur.objects.filter(etablissement=etablissement, year__lte=year)
        .select_related("indicateur")
        .order_by("indicateur__order", "indicateur__label", "scope", "-year")[:60]
    )
