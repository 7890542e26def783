import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _empty_cache():
    """The join-code attempt counts live in the cache: no test sees another's (user ids are reused on SQLite)."""
    cache.clear()
    yield
    cache.clear()
