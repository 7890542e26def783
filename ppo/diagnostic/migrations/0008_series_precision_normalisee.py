"""One series per indicator and précision: précisions compared without case, accents or extra spaces.

Before, « Ensemble » typed by a school started a second series beside the seeded one (blank précision, shown
« Ensemble »), and « apprentis » another beside « Apprentis ». Each value now carries `scope_key`, its précision
folded (`ppo.diagnostic.validation.scope_key`, copied here: lower case, no accents, spaces collapsed, « ensemble »
→ blank), and the database keeps one value per établissement, indicator, year and key.

Merging the existing duplicates, nothing is lost:
- a series takes one label: blank for « Ensemble », else the label most of its values carry (the newest on a tie);
  a value whose label changes keeps its former label in a `ValeurArchivee` (motif « précision ») ;
- when two values exist for the same year, the newest (`imported_at`, then the highest id) stays the value of the
  series; the other is set aside in `ValeurArchivee` (motif « fusion ») with its précision, value, source, file,
  author and date, attached to the value kept, and the indicator's history page shows it.
Reversed: the former labels are restored, the values set aside become values again (with their own précision,
so the former constraint holds) and the archive is emptied.

The target objectives follow their series: an objective whose précision is « Ensemble » (any case) gets the blank
précision, another takes the label of the school's series with the same key. Reversed: left as they are (the
label is the same précision, written the way the series writes it).
"""

import re
import unicodedata
from collections import Counter, defaultdict

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def _key(scope):
    text = (scope or "").replace("’", "'").replace("\u00a0", " ").strip().lower()
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = re.sub(r"\s+", " ", text)
    return "" if text == "ensemble" else text


def _label(scopes_newest_first):
    counts = Counter(scopes_newest_first)
    best = max(counts.values())
    return next(s for s in scopes_newest_first if counts[s] == best)


def _immediate(schema_editor):
    """PostgreSQL: check the foreign keys at once, so that the constraint change after the data in this same
    transaction does not meet pending trigger events."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def merge_series(apps, schema_editor):
    _immediate(schema_editor)
    ValeurIndicateur = apps.get_model("diagnostic", "ValeurIndicateur")
    ValeurArchivee = apps.get_model("diagnostic", "ValeurArchivee")
    fields = ("pk", "etablissement_id", "indicateur_id", "year", "scope", "imported_at")
    rows = list(ValeurIndicateur.objects.exclude(scope="").values_list(*fields))
    blank_of = {(r[1], r[2]) for r in rows if _key(r[4]) == ""}
    if blank_of:
        schools = {school for school, _ in blank_of}
        rows += [
            r
            for r in ValeurIndicateur.objects.filter(scope="", etablissement_id__in=schools).values_list(*fields)
            if (r[1], r[2]) in blank_of
        ]
    series = defaultdict(list)
    for row in rows:
        series[(row[1], row[2], _key(row[4]))].append(row)
    for (_school, _indicateur, key), values in series.items():
        values.sort(key=lambda r: (r[5], r[0]), reverse=True)  # newest first
        label = "" if key == "" else " ".join(_label([r[4] for r in values]).split())
        kept_years = {}
        for pk, _s, _i, year, scope, _at in values:
            kept = kept_years.get(year)
            if kept is None:
                kept_years[year] = pk
                if scope != label:
                    ValeurArchivee.objects.create(valeur_id=pk, motif="precision", scope=scope)
                # update(): the historical model keeps auto_now, save() would change the date of the value.
                ValeurIndicateur.objects.filter(pk=pk).update(scope=label, scope_key=key)
                continue
            older = ValeurIndicateur.objects.get(pk=pk)
            ValeurArchivee.objects.create(
                valeur_id=kept,
                motif="fusion",
                scope=older.scope,
                value=older.value,
                source=older.source,
                source_detail=older.source_detail,
                recorded_at=older.imported_at,
                entered_by_id=older.entered_by_id,
            )
            older.delete()


def align_objectifs(apps, schema_editor):
    ValeurIndicateur = apps.get_model("diagnostic", "ValeurIndicateur")
    ObjectifCible = apps.get_model("diagnostic", "ObjectifCible")
    for objectif in ObjectifCible.objects.exclude(scope="").select_related("programme__ppo"):
        key = _key(objectif.scope)
        label = (
            ValeurIndicateur.objects.filter(
                etablissement_id=objectif.programme.ppo.etablissement_id,
                indicateur_id=objectif.indicateur_id,
                scope_key=key,
            )
            .values_list("scope", flat=True)
            .first()
        )
        label = "" if key == "" else (label if label is not None else " ".join(objectif.scope.split()))
        if label != objectif.scope:
            ObjectifCible.objects.filter(pk=objectif.pk).update(scope=label)


def unmerge_series(apps, schema_editor):
    _immediate(schema_editor)
    ValeurIndicateur = apps.get_model("diagnostic", "ValeurIndicateur")
    ValeurArchivee = apps.get_model("diagnostic", "ValeurArchivee")
    archives = ValeurArchivee.objects.select_related("valeur")
    for archive in archives.filter(motif="precision"):
        ValeurIndicateur.objects.filter(pk=archive.valeur_id).update(scope=archive.scope)
    for archive in archives.filter(motif="fusion"):
        kept = archive.valeur
        restored = ValeurIndicateur.objects.create(
            etablissement_id=kept.etablissement_id,
            indicateur_id=kept.indicateur_id,
            year=kept.year,
            scope=archive.scope,
            value=archive.value,
            source=archive.source or "saisie",
            source_detail=archive.source_detail,
            entered_by_id=archive.entered_by_id,
        )
        if archive.recorded_at is not None:
            ValeurIndicateur.objects.filter(pk=restored.pk).update(imported_at=archive.recorded_at)
    ValeurArchivee.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("diagnostic", "0007_indicateur_bornes"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ValeurArchivee",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "motif",
                    models.CharField(
                        choices=[
                            ("fusion", "Valeur remplacée lors de la fusion de deux séries"),
                            ("precision", "Précision renommée lors de la fusion de deux séries"),
                        ],
                        max_length=20,
                        verbose_name="motif",
                    ),
                ),
                (
                    "scope",
                    models.CharField(blank=True, default="", max_length=120, verbose_name="précision d’origine"),
                ),
                (
                    "value",
                    models.DecimalField(blank=True, decimal_places=2, max_digits=10, null=True, verbose_name="valeur"),
                ),
                (
                    "source",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("saisie", "Saisie dans la plateforme"),
                            ("modele", "Fichier de l’établissement (modèle CSV ou XLSX)"),
                            ("inserjeunes", "InserJeunes (DEPP)"),
                            ("dnb", "Diplôme national du brevet (DEPP)"),
                            ("specialites", "Effectifs par spécialité en terminale générale (DEPP)"),
                        ],
                        max_length=20,
                        verbose_name="source",
                    ),
                ),
                ("source_detail", models.CharField(blank=True, max_length=200, verbose_name="fichier d’origine")),
                ("recorded_at", models.DateTimeField(blank=True, null=True, verbose_name="enregistrée le")),
                ("archived_at", models.DateTimeField(auto_now_add=True, verbose_name="mise de côté le")),
                (
                    "entered_by",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="saisie par",
                    ),
                ),
                (
                    "valeur",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="archives",
                        to="diagnostic.valeurindicateur",
                        verbose_name="valeur retenue",
                    ),
                ),
            ],
            options={
                "verbose_name": "valeur mise de côté",
                "verbose_name_plural": "valeurs mises de côté",
                "ordering": ["valeur", "-recorded_at"],
            },
        ),
        migrations.AddField(
            model_name="valeurindicateur",
            name="scope_key",
            field=models.CharField(
                blank=True,
                default="",
                editable=False,
                help_text="La précision sans casse, accents ni espaces en trop ; vide pour « Ensemble ».",
                max_length=120,
                verbose_name="clé de la précision",
            ),
        ),
        migrations.RemoveConstraint(model_name="valeurindicateur", name="valeur_unique_per_year_and_scope"),
        migrations.RunPython(merge_series, unmerge_series),
        migrations.RunPython(align_objectifs, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="valeurindicateur",
            constraint=models.UniqueConstraint(
                fields=("etablissement", "indicateur", "year", "scope_key"),
                name="valeur_unique_per_year_and_scope_key",
            ),
        ),
        migrations.AlterModelOptions(
            name="valeurindicateur",
            options={
                "ordering": ["etablissement", "indicateur__order", "scope_key", "year"],
                "verbose_name": "valeur d’indicateur",
                "verbose_name_plural": "valeurs d’indicateurs",
            },
        ),
    ]
