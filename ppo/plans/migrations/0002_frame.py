from django.db import migrations

from ppo.plans.frame import AXES, RESSOURCES


def load(apps, schema_editor):
    Axe = apps.get_model("plans", "Axe")
    RessourceItem = apps.get_model("plans", "RessourceItem")
    for number, label, label_bac_pro, label_cap, short in AXES:
        Axe.objects.update_or_create(
            number=number,
            defaults={"label": label, "label_bac_pro": label_bac_pro, "label_cap": label_cap, "short_label": short},
        )
    for order, (category, group, label, economic) in enumerate(RESSOURCES, start=1):
        RessourceItem.objects.update_or_create(
            category=category,
            label=label,
            defaults={"group": group, "order": order, "is_economic_world": economic},
        )


class Migration(migrations.Migration):
    dependencies = [("plans", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
