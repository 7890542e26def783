"""Contract tests: schemathesis generates requests from the OpenAPI schema the code produces and checks that every
answer conforms to it (status codes, content types, bodies), on the test database.

The operations are walked by hand with Hypothesis (schemathesis' pytest plugin does not load under pytest 9).
"""

import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import positive_data_acceptance

from tests.api.helpers import academie_key, partner_key, published
from tests.campagnes.factories import campagne
from tests.partenaires.factories import OffreFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def api_schema(world, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"key": "100000/min", "anonyme": "100000/min"},
    }
    cache.clear()
    published(world.school, actions=3)
    campagne()
    OffreFactory(structure=world.structure)
    # As Django's test client does: a request through the WSGI application must not close the test's connection
    # (on PostgreSQL, `close_old_connections` closes a connection inside a transaction).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", get_wsgi_application())
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def _operations(schema):
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10
    return operations


def _run(operation, *, headers, excluded):
    @given(case=operation.as_strategy())
    # derandomize: the same generated requests on every run, so that CI never fails on a draw it never saw before.
    @settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), database=None, derandomize=True)
    def check(case):
        case.call_and_validate(headers=headers, excluded_checks=excluded)

    check()


def test_the_api_answers_as_its_schema_says(api_schema, world):
    keys = {"/academie/": academie_key(world), "/partenaire/": partner_key(world)}
    failures = []
    for operation in _operations(api_schema):
        secret = next((s for prefix, s in keys.items() if prefix in operation.path), None)
        headers = {"Authorization": f"Bearer {secret}"} if secret else {}
        # A write whose body fits the schema may still be refused: ids of niveaux or académies that do not exist,
        # rules across fields (a paying offer needs a justification). Reads must accept every schema-valid request.
        excluded = [positive_data_acceptance] if operation.method.upper() in ("POST", "PATCH") else []

        try:
            _run(operation, headers=headers, excluded=excluded)
        except Exception as exc:  # collect every operation's failure, then report them together
            failures.append(f"{operation.method.upper()} {operation.path}: {exc}")
    assert not failures, "\n\n".join(failures)
