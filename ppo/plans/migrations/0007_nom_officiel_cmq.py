"""The official name « Campus des métiers et des qualifications » (the seeds wrote « Campus de métiers … »): the box
of the checklist is renamed in place, the plans that tick it keep it. See ppo.plans.frame.FORMER_LABELS."""

from django.db import migrations

from ppo.plans.frame import FORMER_LABELS


def forwards(apps, schema_editor):
    RessourceItem = apps.get_model("plans", "RessourceItem")
    for category, former, label in FORMER_LABELS:
        RessourceItem.objects.filter(category=category, label=former).update(label=label)


def backwards(apps, schema_editor):
    RessourceItem = apps.get_model("plans", "RessourceItem")
    for category, former, label in FORMER_LABELS:
        RessourceItem.objects.filter(category=category, label=label).update(label=former)


class Migration(migrations.Migration):
    dependencies = [("plans", "0006_action_responsable")]

    operations = [migrations.RunPython(forwards, backwards)]
