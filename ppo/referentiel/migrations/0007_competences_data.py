"""Loads ONISEP's « compétences à s’orienter » (ppo.referentiel.competences), editable afterwards in the
administration. A list already there (edited by an operator) is left alone."""

from django.db import migrations

from ppo.referentiel.competences import COMPETENCES, SOURCE, VERSION


def load(apps, schema_editor):
    Famille = apps.get_model("referentiel", "FamilleCompetences")
    Competence = apps.get_model("referentiel", "Competence")
    if Famille.objects.exists():
        return
    for order, (code, label, competences) in enumerate(COMPETENCES, start=1):
        famille = Famille.objects.create(code=code, label=label, order=order, source=SOURCE, version=VERSION)
        Competence.objects.bulk_create(
            Competence(
                famille=famille,
                code=c_code,
                label=c_label,
                order=c_order,
                progression_college=college,
                progression_lycee=lycee,
            )
            for c_order, (c_code, c_label, college, lycee) in enumerate(competences, start=1)
        )


def unload(apps, schema_editor):
    apps.get_model("referentiel", "FamilleCompetences").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("referentiel", "0006_famillecompetences_competence")]

    operations = [migrations.RunPython(load, unload)]
