"""The map's outlines move from campagnes to pilotage: the table stays as it is (db_table
`campagnes_contouracademie`), only Django's state moves (SeparateDatabaseAndState); content types follow."""

import django.db.models.deletion
from django.db import migrations, models


APP = "pilotage"
MODELS = ['contouracademie']


def _move_content_types(apps, schema_editor, models, source, target):
    """Admin history and permissions follow the models: their content types change app label. A content type
    already under the target label was made empty by `migrate` for a state in between (post_migrate), with its
    default permissions: it gives way to the one that holds the history."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    moving = ContentType.objects.filter(app_label=source, model__in=models)
    ContentType.objects.filter(app_label=target, model__in=moving.values("model")).delete()
    moving.update(app_label=target)


def forwards(apps, schema_editor):
    _move_content_types(apps, schema_editor, MODELS, "campagnes", APP)


def backwards(apps, schema_editor):
    _move_content_types(apps, schema_editor, MODELS, APP, "campagnes")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('campagnes', '0002_indexes_tableau_de_bord'),
        ('referentiel', '0004_reperes_familles_data'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='ContourAcademie',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('rings', models.JSONField(help_text='Liste d’anneaux de points [longitude, latitude].', verbose_name='contours')),
                        ('min_lon', models.FloatField(verbose_name='longitude minimale')),
                        ('max_lon', models.FloatField(verbose_name='longitude maximale')),
                        ('min_lat', models.FloatField(verbose_name='latitude minimale')),
                        ('max_lat', models.FloatField(verbose_name='latitude maximale')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='mis à jour le')),
                        ('academie', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='contour', to='referentiel.academie', verbose_name='académie')),
                    ],
                    options={
                        'verbose_name': 'contour d’académie',
                        'verbose_name_plural': 'contours d’académies',
                        'db_table': 'campagnes_contouracademie',
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards),
    ]
