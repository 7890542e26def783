"""The shared optimistic lock: one conditional UPDATE moves a row to its next version, or refuses."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ppo.core.locking import StaleVersionError, claim_version
from ppo.plans.models import ProgrammeAnnuel
from tests.plans.factories import programme_for

pytestmark = pytest.mark.django_db


def _versions(*programmes):
    return [ProgrammeAnnuel.objects.values_list("version", flat=True).get(pk=p.pk) for p in programmes]


def test_the_right_version_is_bumped_in_one_query():
    programme, other = programme_for(), programme_for(first_year=2026)
    with CaptureQueriesContext(connection) as ctx:
        assert claim_version(ProgrammeAnnuel, pk=programme.pk, expected_version=1) == 2
    assert len(ctx.captured_queries) == 1
    assert ctx.captured_queries[0]["sql"].startswith("UPDATE")
    assert _versions(programme, other) == [2, 1]
    assert claim_version(ProgrammeAnnuel, pk=programme.pk, expected_version=2) == 3
    assert _versions(programme, other) == [3, 1]


def test_a_stale_version_is_refused_with_the_saved_object_and_changes_nothing():
    programme = programme_for()
    claim_version(ProgrammeAnnuel, pk=programme.pk, expected_version=1)
    with pytest.raises(StaleVersionError) as exc:
        claim_version(ProgrammeAnnuel, pk=programme.pk, expected_version=1)
    assert isinstance(exc.value.current, ProgrammeAnnuel)
    assert (exc.value.current.pk, exc.value.current.version) == (programme.pk, 2)
    assert _versions(programme) == [2]
    # A version from the future (a forged form) is refused too.
    with pytest.raises(StaleVersionError):
        claim_version(ProgrammeAnnuel, pk=programme.pk, expected_version=5)
    assert _versions(programme) == [2]


def test_the_refusal_is_a_validation_error_with_a_french_message():
    programme = programme_for()
    with pytest.raises(ValidationError) as exc:
        claim_version(ProgrammeAnnuel, pk=programme.pk, expected_version=7)
    assert exc.value.messages == ["Une version plus récente a été enregistrée entre-temps."]
    assert exc.value.code == "stale"
    with pytest.raises(StaleVersionError) as exc:
        claim_version(
            ProgrammeAnnuel, pk=programme.pk, expected_version=7, message="Quelqu’un d’autre a modifié ceci."
        )
    assert exc.value.messages == ["Quelqu’un d’autre a modifié ceci."]
    assert exc.value.current.version == 1


def test_an_unknown_pk_raises_does_not_exist_and_changes_nothing():
    programme = programme_for()
    missing = ProgrammeAnnuel.objects.order_by("-pk").values_list("pk", flat=True).first() + 1
    with pytest.raises(ProgrammeAnnuel.DoesNotExist):
        claim_version(ProgrammeAnnuel, pk=missing, expected_version=1)
    assert _versions(programme) == [1]
