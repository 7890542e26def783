"""Outdated references of the checklists become data: « Pôle emploi » is replaced by « France Travail », the yearly
ministry sites of 2021-2022 by onisep.fr. Plans that cite them keep them (and are told on their to-do list)."""

from django.db import migrations

# (category, outdated label, replacement label, replacement is economic world)
REPLACEMENTS = [
    ("partenariats", "Pôle emploi", "France Travail", False),
    ("ressources", "secondes-premieres2021-2022.fr", "onisep.fr", False),
    ("ressources", "terminales2021-2022.fr", "onisep.fr", False),
]


def forwards(apps, schema_editor):
    RessourceItem = apps.get_model("plans", "RessourceItem")
    for category, old_label, new_label, economic in REPLACEMENTS:
        old = RessourceItem.objects.filter(category=category, label=old_label).first()
        if old is None:
            continue
        new, _ = RessourceItem.objects.get_or_create(
            category=category,
            label=new_label,
            defaults={"group": old.group, "order": old.order, "is_economic_world": economic},
        )
        old.is_active = False
        old.replaced_by = new
        old.save(update_fields=["is_active", "replaced_by"])


def backwards(apps, schema_editor):
    RessourceItem = apps.get_model("plans", "RessourceItem")
    for category, old_label, _new_label, _economic in REPLACEMENTS:
        RessourceItem.objects.filter(category=category, label=old_label).update(is_active=True, replaced_by=None)
    RessourceItem.objects.filter(category="partenariats", label="France Travail").delete()


class Migration(migrations.Migration):
    dependencies = [("plans", "0004_action_public_description_ressource_replaced_by")]

    operations = [migrations.RunPython(forwards, backwards)]
