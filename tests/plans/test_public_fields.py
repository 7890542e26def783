"""What is public is declared field by field (ppo/plans/public_fields.py): every field is classified."""

import pytest
from django.apps import apps

from ppo.plans import public_fields
from ppo.plans.public_fields import FIELDS, Classification, NotPublic, public_value, unclassified
from tests.partenaires.factories import AmbassadeurFactory
from tests.plans.factories import add_action, programme_for

pytestmark = pytest.mark.django_db


def test_every_field_of_every_publicly_reachable_model_is_classified():
    assert unclassified() == []


def test_a_field_added_without_classification_is_caught():
    """Removing a field from the declaration is what adding a field to a model does: the walk names it."""
    action = FIELDS["plans.Action"]
    without = {**FIELDS, "plans.Action": Classification(action.public - {"public_description"}, action.internal)}
    assert unclassified(without) == ["plans.Action.public_description"]


def test_a_model_reached_by_a_public_relation_must_be_declared():
    without = {label: c for label, c in FIELDS.items() if label != "plans.Axe"}
    assert "plans.Axe" in unclassified(without)


def test_a_field_cannot_be_both_public_and_internal():
    action = FIELDS["plans.Action"]
    both = {**FIELDS, "plans.Action": Classification(action.public, action.internal | {"title"})}
    assert "plans.Action.title (public et interne)" in unclassified(both)


def test_each_consent_guards_a_public_field_with_an_internal_flag():
    for (label, name), consent in public_fields.CONSENT.items():
        assert name in FIELDS[label].public
        assert consent in FIELDS[label].internal
        assert apps.get_model(label)._meta.get_field(consent).get_internal_type() == "BooleanField"


def test_builders_cannot_read_an_internal_field():
    action = add_action(programme_for(), internal_comment="Jamais publié", public_description="Pour les familles")
    assert public_value(action, "public_description") == "Pour les familles"
    for internal in ("internal_comment", "description", "partners", "objective", "actors_other"):
        with pytest.raises(NotPublic):
            public_value(action, internal)


def test_an_ambassador_name_needs_their_consent():
    ambassadeur = AmbassadeurFactory()
    assert ambassadeur.show_name_publicly is False
    assert public_value(ambassadeur, "user") is None
    ambassadeur.show_name_publicly = True
    assert public_value(ambassadeur, "user") == ambassadeur.user
    with pytest.raises(NotPublic):
        public_value(ambassadeur, "phone")
