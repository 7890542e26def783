"""Supervision at every level: who follows which schools, who may review, and the scope constraints."""

import pytest
from django.db import IntegrityError, transaction

from ppo.comptes import perms
from ppo.comptes.enums import Role
from ppo.comptes.models import Membership
from tests.factories import DepartementFactory, EtablissementFactory, UserFactory, academie, user_with

pytestmark = pytest.mark.django_db


@pytest.fixture
def schools():
    lille, amiens, normandie = academie("09"), academie("20"), academie("70")
    calvados = DepartementFactory(code="014")
    manche = DepartementFactory(code="050", name="Manche")
    return {
        "lille": EtablissementFactory(academie=lille, departement=DepartementFactory(code="059", academie=lille)),
        "amiens": EtablissementFactory(academie=amiens, departement=DepartementFactory(code="080", academie=amiens)),
        "calvados": EtablissementFactory(academie=normandie, departement=calvados),
        "manche": EtablissementFactory(academie=normandie, departement=manche),
    }


def _seen(user):
    return set(perms.supervised_etablissements(user).values_list("uai", flat=True))


def test_a_draio_follows_lille_and_amiens(schools):
    draio = user_with(Role.REGION, region=academie("09").region)
    assert _seen(draio) == {schools["lille"].uai, schools["amiens"].uai}
    assert perms.supervises(draio, schools["amiens"]) and perms.reviews(draio, schools["amiens"])
    assert not perms.supervises(draio, schools["calvados"])


def test_a_dasen_follows_only_the_schools_of_the_departement(schools):
    dasen = user_with(Role.DEPARTEMENT, departement=schools["calvados"].departement)
    assert _seen(dasen) == {schools["calvados"].uai}
    assert perms.reviews(dasen, schools["calvados"])
    assert not perms.supervises(dasen, schools["manche"])


def test_dgesco_reads_every_school_and_reviews_none(schools):
    dgesco = user_with(Role.NATIONAL)
    assert _seen(dgesco) == {s.uai for s in schools.values()}
    assert all(perms.supervises(dgesco, s) for s in schools.values())
    assert not any(perms.reviews(dgesco, s) for s in schools.values())
    assert perms.is_supervisor(dgesco)


def test_a_membership_has_the_scope_of_its_role(schools):
    user = UserFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(user=user, role=Role.DEPARTEMENT, academie=academie("70"))
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(user=user, role=Role.NATIONAL, region=academie("70").region)
    Membership.objects.create(user=user, role=Role.DEPARTEMENT, departement=schools["manche"].departement)
