import pytest

from tests import strict_templates
from tests.world import build_world


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


def pytest_configure(config):
    strict_templates.install()  # active while settings.STRICT_TEMPLATES is true
