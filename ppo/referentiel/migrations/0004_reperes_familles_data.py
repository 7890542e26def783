"""Loads the families' guide of each level (ppo.referentiel.familles), editable afterwards in the administration."""

from django.db import migrations

from ppo.referentiel.familles import REPERES


def load(apps, schema_editor):
    Niveau = apps.get_model("referentiel", "Niveau")
    RepereFamille = apps.get_model("referentiel", "RepereFamille")
    niveaux = {n.code: n for n in Niveau.objects.filter(code__in=REPERES)}
    for code, lines in REPERES.items():
        niveau = niveaux.get(code)
        if niveau is None or RepereFamille.objects.filter(niveau=niveau).exists():
            continue
        RepereFamille.objects.bulk_create(
            RepereFamille(niveau=niveau, kind=kind, period=period, text=text, order=order)
            for order, (kind, period, text) in enumerate(lines, start=1)
        )


def unload(apps, schema_editor):
    apps.get_model("referentiel", "RepereFamille").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("referentiel", "0003_code_postal_reperes_familles")]

    operations = [migrations.RunPython(load, unload)]
