import pytest

from ppo.comptes.enums import Role
from tests.documents.factories import rich_programme
from tests.factories import EtablissementFactory, user_with


@pytest.fixture
def lp(db):
    return EtablissementFactory(lp=True, name="Lycée professionnel Maurice Marland")


@pytest.fixture
def direction(lp):
    return user_with(Role.DIRECTION, etablissement=lp)


@pytest.fixture
def rich(lp, direction):
    return rich_programme(etablissement=lp, user=direction)
