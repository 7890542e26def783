"""Target objectives linked to an academic priority of the campaign.

The free-text `priorite_label` stays for priorities that are not in the académie's list. Existing labels that match,
word for word (case and spaces aside), a priority of the campaign of the school's académie for the programme's year
are linked to it and emptied; the others are kept as they are. Reversed: the linked priority's text is written back.
"""

import django.db.models.deletion
from django.db import migrations, models


def _key(text):
    return " ".join((text or "").split()).casefold()


def link_labels(apps, schema_editor):
    ObjectifCible = apps.get_model("diagnostic", "ObjectifCible")
    Priorite = apps.get_model("campagnes", "Priorite")
    objectifs = (
        ObjectifCible.objects.exclude(priorite_label__isnull=True)
        .exclude(priorite_label="")
        .select_related("programme__ppo__etablissement")
    )
    for objectif in objectifs:
        programme = objectif.programme
        priorites = Priorite.objects.filter(
            campagne__academie_id=programme.ppo.etablissement.academie_id, campagne__year=programme.year
        )
        match = next((p for p in priorites if _key(p.text) == _key(objectif.priorite_label)), None)
        if match is not None:
            objectif.priorite = match
            objectif.priorite_label = ""
            objectif.save(update_fields=["priorite", "priorite_label"])


def unlink(apps, schema_editor):
    ObjectifCible = apps.get_model("diagnostic", "ObjectifCible")
    for objectif in ObjectifCible.objects.filter(priorite__isnull=False).select_related("priorite"):
        if not objectif.priorite_label:
            objectif.priorite_label = objectif.priorite.text[:300]
            objectif.save(update_fields=["priorite_label"])


class Migration(migrations.Migration):
    dependencies = [
        ("campagnes", "0001_initial"),
        ("diagnostic", "0003_questionnaires"),
    ]

    operations = [
        migrations.AddField(
            model_name="objectifcible",
            name="priorite",
            field=models.ForeignKey(
                blank=True,
                help_text="Une priorité de la campagne de l’académie pour l’année du programme.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="objectifs_cibles",
                to="campagnes.priorite",
                verbose_name="priorité académique",
            ),
        ),
        migrations.AlterField(
            model_name="objectifcible",
            name="priorite_label",
            field=models.CharField(
                blank=True,
                help_text="Une priorité qui n’est pas dans la liste de l’académie (par exemple une priorité du bassin).",
                max_length=300,
                null=True,
                verbose_name="autre priorité (texte libre)",
            ),
        ),
        migrations.RunPython(link_labels, unlink),
    ]
