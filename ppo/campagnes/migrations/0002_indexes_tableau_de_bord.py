"""PostgreSQL indexes for the académie's dashboard (ADR 007, docs/academie.md « Mesures »).

They sit on tables of the plans app but serve only the dashboard, so they live here, created with SQL on
PostgreSQL only (`INCLUDE` does not exist on SQLite, where the dashboard is fast enough without them):
- the actions of a programme with the columns the dashboard reads: index-only scans once the visible programmes
  of the year are known;
- the programmes of a year by status (the first filter of every figure on content).
"""

from django.db import migrations

INDEXES = [
    (
        "campagnes_action_programme_cover",
        "plans_action (programme_id) INCLUDE (id, axe_id, hours, kind, gender_equality)",
    ),
    ("campagnes_programme_year_status", "plans_programmeannuel (year, status) INCLUDE (ppo_id)"),
]


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, definition in INDEXES:
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {definition}")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _definition in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("campagnes", "0001_initial"),
        ("plans", "0002_frame"),
    ]

    operations = [migrations.RunPython(create_indexes, drop_indexes, elidable=False)]
