"""The UAI (unité administrative immatriculée): seven characters and a check letter.

The check letter is the remainder of the seven-character number modulo 23, read in an alphabet without
I, O and Q. Corsican UAIs start with 620 / 720 and are plain digits, so every valid UAI is 7 digits + letter.
"""

from django.core.exceptions import ValidationError

CHECK_ALPHABET = "ABCDEFGHJKLMNPRSTUVWXYZ"


def uai_check_letter(number: str) -> str:
    if len(number) != 7 or not number.isdigit():
        raise ValueError("Le numéro doit comporter 7 chiffres.")
    return CHECK_ALPHABET[int(number) % 23]


def normalize_uai(value: str) -> str:
    return (value or "").strip().upper()


def is_valid_uai(value: str) -> bool:
    value = normalize_uai(value)
    if len(value) != 8 or not value[:7].isdigit():
        return False
    return uai_check_letter(value[:7]) == value[7]


def validate_uai(value: str) -> None:
    value = normalize_uai(value)
    if len(value) != 8 or not value[:7].isdigit() or not value[7].isalpha():
        raise ValidationError(
            "Un UAI comporte 7 chiffres suivis d’une lettre (exemple : 0140041U).", code="uai_format"
        )
    expected = uai_check_letter(value[:7])
    if value[7] != expected:
        raise ValidationError(
            "La lettre de contrôle de l’UAI %(uai)s est incorrecte : la lettre attendue est %(expected)s.",
            code="uai_check_letter",
            params={"uai": value, "expected": expected},
        )
