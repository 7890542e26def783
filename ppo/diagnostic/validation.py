"""What a value of an indicator must be, checked the same way on every path (typing, import, target objectives).

- `check_value` / `value_error`: a value outside the indicator's range (`Indicateur.min_value`, `max_value`, data
  editable in the administration) is refused with a French message naming the indicator, the value and the range;
- `scope_key` / `scope_label`: the précision of a value, normalised so that « Ensemble », blank, « ensemble  » make
  one series, and « Apprentis » and « apprentis » another.
"""

import re
import unicodedata
from decimal import Decimal

from django.core.exceptions import ValidationError

ENSEMBLE = "ensemble"


def _number(value) -> str:
    """12.50 → « 12,5 », 100.00 → « 100 » (French decimal comma)."""
    text = format(Decimal(value).normalize(), "f")
    return text.replace(".", ",")


def _with_unit(number: str, indicateur) -> str:
    symbol = indicateur.unit_symbol
    return f"{number}\u00a0{symbol}" if symbol else number


def range_label(indicateur) -> str:
    """« de 0 à 100 % », « 0 ou plus », « 180 ou moins », or "" when the indicator has no bound."""
    low, high = indicateur.min_value, indicateur.max_value
    if low is not None and high is not None:
        return f"de {_number(low)} à {_with_unit(_number(high), indicateur)}"
    if low is not None:
        return f"{_with_unit(_number(low), indicateur)} ou plus"
    if high is not None:
        return f"{_with_unit(_number(high), indicateur)} ou moins"
    return ""


def value_error(*, indicateur, value) -> str | None:
    """The French message when `value` is outside the indicator's range, None when it fits."""
    if value is None:
        return None
    value = Decimal(value)
    low, high = indicateur.min_value, indicateur.max_value
    if (low is not None and value < low) or (high is not None and value > high):
        return (
            f"{indicateur.label} : la valeur {_with_unit(_number(value), indicateur)} est hors de l’intervalle admis "
            f"({range_label(indicateur)})."
        )
    return None


def check_value(*, indicateur, value, field: str | None = None) -> None:
    """Raises a ValidationError (on `field` when given) when the value is outside the indicator's range."""
    message = value_error(indicateur=indicateur, value=value)
    if message:
        raise ValidationError({field: message} if field else message)


def scope_key(scope: str | None) -> str:
    """The précision without case, accents or extra spaces; "" for blank and « Ensemble »."""
    text = (scope or "").replace("’", "'").replace("\u00a0", " ").strip().lower()
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = re.sub(r"\s+", " ", text)
    return "" if text == ENSEMBLE else text


def scope_label(scope: str | None) -> str:
    """The précision as shown: spaces tidied, "" for « Ensemble » (displayed « Ensemble »)."""
    text = re.sub(r"\s+", " ", (scope or "").replace("\u00a0", " ")).strip()
    return "" if scope_key(text) == "" else text
