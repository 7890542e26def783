"""GIN index on the full-text vector of the offers, on PostgreSQL only (SQLite searches `search_text`)."""

from django.db import migrations

INDEX = "partenaires_offre_search_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON partenaires_offre USING gin (search_vector)")


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("partenaires", "0002_catalogue_ambassadeurs")]

    operations = [migrations.RunPython(create_index, drop_index)]
