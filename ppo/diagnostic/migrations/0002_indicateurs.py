from django.db import migrations

from ppo.diagnostic.frame import INDICATEURS


def load(apps, schema_editor):
    Indicateur = apps.get_model("diagnostic", "Indicateur")
    for order, (code, label, unit, category, source, scope_label, description) in enumerate(INDICATEURS, start=1):
        Indicateur.objects.update_or_create(
            code=code,
            defaults={
                "label": label,
                "unit": unit,
                "category": category,
                "source": source,
                "scope_label": scope_label,
                "description": description,
                "order": order,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("diagnostic", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
