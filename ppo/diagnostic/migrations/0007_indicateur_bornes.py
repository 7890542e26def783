"""Units and valid ranges of the indicators, as data.

Two new units (ratio, heures) and, on every indicator, a minimum and a maximum (both optional, editable in the
administration). The existing indicators get the range their unit suggests (`ppo.diagnostic.enums.UNIT_BOUNDS`,
copied here so that the migration never changes): rates 0 to 100, points of percentage -100 to 100, counts,
numbers, ratios and hours 0 or more; the IPS 40 to 180 (the national values lie between about 45 and 160);
other indices unbounded. Only empty bounds are filled, so running it on edited data keeps the edits.
Reversed: the bounds are dropped with their columns (nothing else depended on them).
"""

from decimal import Decimal

from django.db import migrations, models

BOUNDS = {
    "pourcent": (0, 100),
    "points": (-100, 100),
    "effectif": (0, None),
    "nombre": (0, None),
    "indice": (None, None),
    "ratio": (0, None),
    "heures": (0, None),
}
BY_CODE = {"ips": (40, 180)}


def fill_bounds(apps, schema_editor):
    Indicateur = apps.get_model("diagnostic", "Indicateur")
    for indicateur in Indicateur.objects.filter(min_value__isnull=True, max_value__isnull=True):
        low, high = BY_CODE.get(indicateur.code) or BOUNDS.get(indicateur.unit, (None, None))
        indicateur.min_value = None if low is None else Decimal(low)
        indicateur.max_value = None if high is None else Decimal(high)
        indicateur.save(update_fields=["min_value", "max_value"])


class Migration(migrations.Migration):
    dependencies = [("diagnostic", "0006_import_indicateurs_en_tache_de_fond")]

    operations = [
        migrations.AlterField(
            model_name="indicateur",
            name="unit",
            field=models.CharField(
                choices=[
                    ("pourcent", "Pourcentage"),
                    ("points", "Points de pourcentage"),
                    ("effectif", "Nombre d’élèves"),
                    ("nombre", "Nombre"),
                    ("indice", "Indice"),
                    ("ratio", "Ratio"),
                    ("heures", "Heures"),
                ],
                default="pourcent",
                max_length=10,
                verbose_name="unité",
            ),
        ),
        migrations.AddField(
            model_name="indicateur",
            name="min_value",
            field=models.DecimalField(
                blank=True,
                decimal_places=2,
                help_text="Une valeur plus petite est refusée (saisie, import, objectif). Vide : pas de minimum.",
                max_digits=10,
                null=True,
                verbose_name="valeur minimale",
            ),
        ),
        migrations.AddField(
            model_name="indicateur",
            name="max_value",
            field=models.DecimalField(
                blank=True,
                decimal_places=2,
                help_text="Une valeur plus grande est refusée (saisie, import, objectif). Vide : pas de maximum.",
                max_digits=10,
                null=True,
                verbose_name="valeur maximale",
            ),
        ),
        migrations.AddConstraint(
            model_name="indicateur",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("min_value__isnull", True),
                    ("max_value__isnull", True),
                    ("min_value__lte", models.F("max_value")),
                    _connector="OR",
                ),
                name="indicateur_min_lte_max",
                violation_error_message="La valeur minimale doit être inférieure ou égale à la valeur maximale.",
            ),
        ),
        migrations.RunPython(fill_bounds, migrations.RunPython.noop),
    ]
