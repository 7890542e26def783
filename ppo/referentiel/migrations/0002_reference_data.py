from django.db import migrations

from ppo.referentiel.frame import ACADEMIES, NIVEAUX, REGIONS


def load(apps, schema_editor):
    Region = apps.get_model("referentiel", "Region")
    Academie = apps.get_model("referentiel", "Academie")
    Niveau = apps.get_model("referentiel", "Niveau")
    regions = {}
    for code, name in REGIONS:
        regions[code], _ = Region.objects.update_or_create(code=code, defaults={"name": name})
    for code, name, region in ACADEMIES:
        Academie.objects.update_or_create(code=code, defaults={"name": name, "region": regions[region]})
    for code, label, short, template, voie, groupe, order, kinds, hours, note, source in NIVEAUX:
        Niveau.objects.update_or_create(
            code=code,
            defaults={
                "label": label,
                "short_label": short,
                "template_label": template,
                "voie": voie,
                "groupe": groupe,
                "order": order,
                "default_for_kinds": kinds,
                "reference_hours": hours,
                "reference_hours_note": note,
                "reference_hours_source": source,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("referentiel", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
