"""Indicative national hours of the plan Avenir (ppo.referentiel.frame.PLAN_AVENIR_HOURS) for the levels that had no
figure: 5e and the voie professionnelle (four half-days, about 12 h a year). Reversing restores the previous figures
(ppo.referentiel.frame.NIVEAUX). A volume an operator changed in the administration since is left alone."""

from django.db import migrations

from ppo.referentiel.frame import NIVEAUX, PLAN_AVENIR_HOURS

_BEFORE = {code: (hours, note, source) for code, *_rest, hours, note, source in NIVEAUX}


def _same(a, b) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and float(a) == float(b))


def _apply(apps, values, expected):
    Niveau = apps.get_model("referentiel", "Niveau")
    for niveau in Niveau.objects.filter(code__in=values):
        hours, note, source = values[niveau.code]
        old_hours, _old_note, _old_source = expected[niveau.code]
        if not _same(niveau.reference_hours, old_hours):
            continue  # changed by an operator since: theirs
        niveau.reference_hours = hours
        niveau.reference_hours_note = note
        niveau.reference_hours_source = source
        niveau.save(update_fields=["reference_hours", "reference_hours_note", "reference_hours_source"])


def load(apps, schema_editor):
    _apply(apps, PLAN_AVENIR_HOURS, _BEFORE)


def unload(apps, schema_editor):
    _apply(apps, {code: _BEFORE[code] for code in PLAN_AVENIR_HOURS}, PLAN_AVENIR_HOURS)


class Migration(migrations.Migration):
    dependencies = [("referentiel", "0004_reperes_familles_data")]

    operations = [migrations.RunPython(load, unload)]
