"""The review models (now in examen) and the map's outlines (now in pilotage) leave campagnes' state; their
tables stay, now owned by those apps (see examen 0001 and pilotage 0001)."""

from django.db import migrations

MOVED = {"examen": ["transmission", "decisionrevue", "commentaire"], "pilotage": ["contouracademie"]}


def drop_stale_content_types(apps, schema_editor):
    """A content type left under campagnes for a moved model (made by `migrate` for a state in between, while the
    one under its new app holds the history) is removed, with its default permissions."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    for app, models in MOVED.items():
        moved = ContentType.objects.filter(app_label=app, model__in=models).values("model")
        ContentType.objects.filter(app_label="campagnes", model__in=moved).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("examen", "0001_initial"),
        ("pilotage", "0001_initial"),
        ("campagnes", "0002_indexes_tableau_de_bord"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name="contouracademie",
                    name="academie",
                ),
                migrations.RemoveField(
                    model_name="decisionrevue",
                    name="by",
                ),
                migrations.RemoveField(
                    model_name="decisionrevue",
                    name="transmission",
                ),
                migrations.RemoveField(
                    model_name="transmission",
                    name="created_by",
                ),
                migrations.RemoveField(
                    model_name="transmission",
                    name="programme",
                ),
                migrations.DeleteModel(
                    name="Commentaire",
                ),
                migrations.DeleteModel(
                    name="ContourAcademie",
                ),
                migrations.DeleteModel(
                    name="DecisionRevue",
                ),
                migrations.DeleteModel(
                    name="Transmission",
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(drop_stale_content_types, migrations.RunPython.noop),
    ]
