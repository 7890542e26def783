"""Open data: the published programmes' actions as CSV and JSON, their Table Schema, the page, the nightly task."""

import csv
import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.http import http_date

from ppo.api import opendata
from ppo.api.models import OpenDataExport
from ppo.partenaires.services.demandes import demande_accept, demande_schedule
from ppo.partenaires.services.offres import offre_add_to_programme
from ppo.plans.models import Axe, ProgrammeAnnuel
from ppo.referentiel.models import Niveau
from tests.api.helpers import published
from tests.documents.factories import rich_programme
from tests.factories import EtablissementFactory
from tests.partenaires.factories import DemandeFactory, OffreFactory
from tests.plans.factories import add_action, programme_for
from tests.plans.test_families import INTERNAL, MESSAGE, WISHED, _publish, ambassadeur, direction, lp  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def rich(lp, direction, ambassadeur):  # noqa: F811
    """As in tests/plans/test_families.py: the rich programme, an ambassador's visit, a catalogue offer, published."""
    programme = rich_programme(etablissement=lp, user=direction)
    demande = DemandeFactory(
        ambassadeur=ambassadeur, etablissement=lp, requested_by=direction, message=MESSAGE, wished_dates=WISHED
    )
    demande_accept(demande=demande, user=ambassadeur.user)
    demande_schedule(demande=demande, user=ambassadeur.user, date=datetime.date(2026, 2, 3))
    offre = OffreFactory(structure__name="AD Normandie", contact_name="Camille Contact")
    offre_add_to_programme(
        offre=offre,
        programme=programme,
        user=direction,
        axe=Axe.objects.get(number=1),
        niveaux=[Niveau.objects.get(code="tle-pro")],
    )
    return _publish(programme, direction)


TABLE_SCHEMA_KEYS = {"name", "title", "description", "fields", "licenses", "version", "missingValues", "path"}


def _csv_rows(client) -> list[dict]:
    response = client.get(reverse("api:opendata_csv"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def _json(client) -> dict:
    response = client.get(reverse("api:opendata_json"))
    assert response.status_code == 200
    return json.loads(response.content)


def test_only_published_programmes_are_in_the_files(client):
    programme = published(EtablissementFactory(college=True, name="Collège Public"), actions=2)
    draft = programme_for(EtablissementFactory(college=True, name="Collège Brouillon"))
    add_action(draft, title="Action du brouillon")
    rows = _csv_rows(client)
    assert sorted(r["intitule"] for r in rows) == ["Action publique 0", "Action publique 1"]
    assert {r["programme_id"] for r in rows} == {str(programme.public_id)}
    assert {r["etablissement"] for r in rows} == {"Collège Public"}
    assert {r["uai"] for r in rows} == {programme.ppo.etablissement.uai}
    assert "Action du brouillon" not in json.dumps(_json(client), ensure_ascii=False)


def test_no_internal_text_reaches_either_file(client, rich, direction, ambassadeur):  # noqa: F811
    assert rich.actions.count() > 3
    direction.last_name = "Quenouille-Interne"  # a name no other text holds (a random one could, by chance)
    direction.save()
    csv_text = client.get(reverse("api:opendata_csv")).content.decode()
    json_text = client.get(reverse("api:opendata_json")).content.decode()
    assert "Chantier naval du Cotentin" in csv_text  # the ambassador's employer is public
    for name, text in (("CSV", csv_text), ("JSON", json_text)):
        for internal in [*INTERNAL, direction.last_name, ambassadeur.user.last_name, ambassadeur.user.email]:
            assert internal not in text, f"« {internal} » dans le fichier {name}"


def test_csv_header_is_the_schema_and_json_lists_the_same_rows(client):
    published(EtablissementFactory(college=True), actions=3, public_description="=SOMME(A1:A2) pour les familles")
    schema = client.get(reverse("api:opendata_schema")).json()
    names = [f["name"] for f in schema["fields"]]
    text = client.get(reverse("api:opendata_csv")).content.decode()
    header = next(csv.reader(io.StringIO(text)))
    assert header == names == list(opendata.FIELD_NAMES)
    csv_rows = list(csv.DictReader(io.StringIO(text)))
    document = _json(client)
    assert document["nombre"] == len(csv_rows) == 3
    assert document["licence"]["name"] == "etalab-2.0"
    for csv_row, json_row in zip(csv_rows, document["actions"], strict=True):
        assert list(json_row) == names
        assert csv_row == {k: "" if v is None else str(v) for k, v in json_row.items()} | {
            "description": "'" + json_row["description"]  # a formula stays text in the CSV
        }


def test_schema_has_the_table_schema_shape(client):
    response = client.get(reverse("api:opendata_schema"))
    assert response.status_code == 200
    schema = response.json()
    assert set(schema) >= TABLE_SCHEMA_KEYS
    assert schema["licenses"][0]["name"] == "etalab-2.0"
    for field in schema["fields"]:
        assert {"name", "title", "description", "type", "example", "constraints"} <= set(field)
        assert field["type"] in {"string", "integer", "number", "boolean", "date", "datetime"}
        assert isinstance(field["constraints"]["required"], bool)
    required = [f["name"] for f in schema["fields"] if f["constraints"]["required"]]
    assert {"uai", "intitule", "annee_scolaire", "programme_id"} <= set(required)


def test_rows_respect_the_schema(client):
    published(EtablissementFactory(college=True), actions=2)
    schema = opendata.table_schema()
    for row in _json(client)["actions"]:
        for field in schema["fields"]:
            value = row[field["name"]]
            if field["constraints"]["required"]:
                assert value not in ("", None), field["name"]
            if field["type"] == "integer":
                assert isinstance(value, int)


def test_building_the_file_costs_the_same_queries_as_data_grows():
    published(EtablissementFactory(college=True), actions=1)
    with CaptureQueriesContext(connection) as few:
        opendata.rows()
    for _ in range(3):
        published(EtablissementFactory(college=True), actions=4)
    with CaptureQueriesContext(connection) as many:
        data = opendata.rows()
    assert len(data) == 13
    assert len(many.captured_queries) == len(few.captured_queries)


def test_downloads_serve_the_stored_file_and_the_page_says_when(client):
    published(EtablissementFactory(college=True), actions=1)
    client.get(reverse("api:opendata_csv"))  # none stored yet: built once, on the fly
    assert OpenDataExport.objects.count() == 1
    published(EtablissementFactory(college=True), actions=1)
    assert len(_csv_rows(client)) == 1  # the stored file, until the next regeneration
    page = client.get(reverse("api:opendata"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Licence Ouverte" in text and "1 action." in text
    for name in opendata.FIELD_NAMES:
        assert f"<code>{name}</code>" in text


def test_the_command_regenerates_the_file(client):
    published(EtablissementFactory(college=True), actions=1)
    call_command("export_open_data", stdout=io.StringIO())  # enqueued: the test backend runs it at once
    first = OpenDataExport.objects.get()
    assert first.rows == 1
    programme = published(EtablissementFactory(college=True), actions=2)
    out = io.StringIO()
    call_command("export_open_data", "--maintenant", stdout=out)
    assert "3 actions" in out.getvalue()
    export = OpenDataExport.objects.get()  # only the last one is kept
    assert export.pk != first.pk and export.rows == 3
    assert len(_csv_rows(client)) == 3
    ProgrammeAnnuel.objects.filter(pk=programme.pk).update(status="brouillon")
    call_command("export_open_data", stdout=io.StringIO())
    assert OpenDataExport.objects.get().rows == 1


def test_rows_are_read_through_the_public_fields_declaration(monkeypatch):
    """A field taken out of the declaration can no longer reach the file: the builder refuses, it does not publish."""
    from ppo.plans import public_fields

    published(EtablissementFactory(college=True), actions=1)
    declared = public_fields.FIELDS["plans.Action"]
    monkeypatch.setitem(
        public_fields.FIELDS,
        "plans.Action",
        public_fields.Classification(
            public=declared.public - {"public_description"}, internal=declared.internal | {"public_description"}
        ),
    )
    with pytest.raises(public_fields.NotPublic):
        opendata.rows()


def test_downloads_say_when_the_file_was_generated(client):
    published(EtablissementFactory(college=True), actions=1)
    call_command("export_open_data", "--maintenant", stdout=io.StringIO())
    export = OpenDataExport.objects.get()
    for name in ("api:opendata_csv", "api:opendata_json"):
        response = client.get(reverse(name))
        assert response["Last-Modified"] == http_date(export.generated_at.timestamp())
        assert "attachment" in response["Content-Disposition"]
    assert _json(client)["genere_le"] == export.generated_at.isoformat(timespec="seconds")
