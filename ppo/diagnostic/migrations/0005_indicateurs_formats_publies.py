from django.db import migrations, models

from ppo.diagnostic.frame import INDICATEURS_FORMATS_PUBLIES

CODES = [row[0] for row in INDICATEURS_FORMATS_PUBLIES]


def load(apps, schema_editor):
    Indicateur = apps.get_model("diagnostic", "Indicateur")
    start = (Indicateur.objects.aggregate(models.Max("order"))["order__max"] or 0) + 1
    for order, (code, label, unit, category, source, scope_label, description) in enumerate(
        INDICATEURS_FORMATS_PUBLIES, start=start
    ):
        Indicateur.objects.get_or_create(
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


def unload(apps, schema_editor):
    apps.get_model("diagnostic", "Indicateur").objects.filter(code__in=CODES, valeurs__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("diagnostic", "0004_objectif_priorite")]

    operations = [
        migrations.AlterField(
            model_name="valeurindicateur",
            name="source",
            field=models.CharField(
                choices=[
                    ("saisie", "Saisie dans la plateforme"),
                    ("modele", "Fichier de l’établissement (modèle CSV ou XLSX)"),
                    ("inserjeunes", "InserJeunes (DEPP)"),
                    ("dnb", "Diplôme national du brevet (DEPP)"),
                    ("specialites", "Effectifs par spécialité en terminale générale (DEPP)"),
                    ("specialites_1ere", "Effectifs par spécialité et triplette en première générale (DEPP)"),
                    ("effectifs_lycee", "Effectifs par niveau et sexe des lycées (DEPP)"),
                    ("ivac", "Indicateurs de valeur ajoutée des collèges (DEPP)"),
                    ("ips_colleges", "IPS des collèges (DEPP)"),
                ],
                default="saisie",
                max_length=20,
                verbose_name="source",
            ),
        ),
        migrations.RunPython(load, unload),
    ]
