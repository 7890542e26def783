from django.db import migrations

from ppo.diagnostic.questionnaires import questionnaires_load


def load(apps, schema_editor):
    questionnaires_load(
        Questionnaire=apps.get_model("diagnostic", "Questionnaire"),
        Section=apps.get_model("diagnostic", "Section"),
        Question=apps.get_model("diagnostic", "Question"),
    )


class Migration(migrations.Migration):
    dependencies = [("diagnostic", "0002_indicateurs")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
