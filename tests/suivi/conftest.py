import pytest

from tests.suivi.helpers import make_programme


@pytest.fixture
def programme(world):
    """A validated 2025-2026 programme of the world's LP (read by its académie and bassin)."""
    from tests.suivi.helpers import VISIBLE

    return make_programme(world.school, world.users["direction"], status=VISIBLE)


@pytest.fixture
def direction(world):
    return world.users["direction"]
