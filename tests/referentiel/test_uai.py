import pytest
from django.core.exceptions import ValidationError

from ppo.referentiel.models import Etablissement
from ppo.referentiel.uai import is_valid_uai, uai_check_letter, validate_uai
from tests.factories import EtablissementFactory


@pytest.mark.parametrize(
    "uai",
    ["0140041U", "0140049C", "0594525Y", "0020034B", "0141157G", "6200001G", "0750001u", " 0140041u "],
)
def test_real_uais_validate(uai):
    assert is_valid_uai(uai)
    validate_uai(uai)


@pytest.mark.parametrize(
    ("number", "letter"),
    [("0140041", "U"), ("0000000", "A"), ("0000022", "Z"), ("0000008", "J"), ("0000013", "P"), ("0000014", "R")],
)
def test_check_letter_is_the_remainder_mod_23_without_i_o_q(number, letter):
    assert uai_check_letter(number) == letter


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("0140041A", "uai_check_letter"),  # wrong letter
        ("0140041", "uai_format"),  # no letter
        ("014004U1", "uai_format"),
        ("A140041U", "uai_format"),
        ("01400411U", "uai_format"),
        ("", "uai_format"),
    ],
)
def test_invalid_uais_are_refused_with_a_french_message(value, code):
    assert not is_valid_uai(value)
    with pytest.raises(ValidationError) as error:
        validate_uai(value)
    assert error.value.code == code


def test_the_message_gives_the_expected_letter():
    with pytest.raises(ValidationError) as error:
        validate_uai("0140041A")
    assert "la lettre attendue est U" in str(error.value.messages[0])


def test_check_letter_needs_seven_digits():
    with pytest.raises(ValueError):
        uai_check_letter("01400")


@pytest.mark.django_db
def test_model_validation_refuses_a_wrong_check_letter():
    etablissement = EtablissementFactory.build(uai="0140041A")
    etablissement.departement.save()
    with pytest.raises(ValidationError) as error:
        etablissement.full_clean()
    assert "uai" in error.value.message_dict


@pytest.mark.django_db
def test_admin_form_refuses_a_wrong_check_letter(client):
    from tests.factories import DepartementFactory, UserFactory, academie

    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    departement = DepartementFactory()
    response = client.post(
        "/admin/referentiel/etablissement/add/",
        {
            "uai": "0140041A",
            "name": "Collège erroné",
            "kind": "college",
            "secteur": "public",
            "departement": departement.pk,
            "academie": academie().pk,
        },
    )
    assert response.status_code == 200
    assert "la lettre attendue est U" in response.content.decode()
    assert not Etablissement.objects.exists()
