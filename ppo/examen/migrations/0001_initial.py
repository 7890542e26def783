"""The review models move from campagnes to examen: their tables stay as they are (db_table `campagnes_…`), only
Django's state moves (SeparateDatabaseAndState); content types follow."""

import django.core.serializers.json
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


APP = "examen"
MODELS = ['transmission', 'decisionrevue', 'commentaire']


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
        ('plans', '0005_references_perimees'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Transmission',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('number', models.PositiveSmallIntegerField(verbose_name='numéro')),
                        ('snapshot', models.JSONField(encoder=django.core.serializers.json.DjangoJSONEncoder, verbose_name='copie figée')),
                        ('review_status', models.CharField(choices=[('a_examiner', 'À examiner'), ('en_cours', 'En cours de revue'), ('valide', 'Validé'), ('a_completer', 'À compléter')], default='a_examiner', max_length=20, verbose_name='état de la revue')),
                        ('warning', models.CharField(blank=True, max_length=300, verbose_name='avertissement')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='transmis le')),
                        ('created_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='transmis par')),
                        ('programme', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='transmissions', to='plans.programmeannuel', verbose_name='programme')),
                    ],
                    options={
                        'verbose_name': 'transmission',
                        'verbose_name_plural': 'transmissions',
                        'db_table': 'campagnes_transmission',
                        'ordering': ['programme', 'number'],
                    },
                ),
                migrations.CreateModel(
                    name='DecisionRevue',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('decision', models.CharField(choices=[('en_cours', 'Mettre en cours de revue'), ('valide', 'Valider'), ('a_completer', 'Renvoyer à compléter')], max_length=20, verbose_name='décision')),
                        ('message', models.TextField(blank=True, verbose_name='message')),
                        ('at', models.DateTimeField(auto_now_add=True, verbose_name='le')),
                        ('by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='par')),
                        ('transmission', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='decisions', to='examen.transmission', verbose_name='transmission')),
                    ],
                    options={
                        'verbose_name': 'décision de revue',
                        'verbose_name_plural': 'décisions de revue',
                        'db_table': 'campagnes_decisionrevue',
                        'ordering': ['at', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='Commentaire',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('anchor_kind', models.CharField(choices=[('general', 'Le programme dans son ensemble'), ('section', 'Une partie du programme'), ('action', 'Une action')], default='general', max_length=10, verbose_name='porte sur')),
                        ('section_code', models.CharField(blank=True, max_length=30, verbose_name='partie')),
                        ('action_id', models.PositiveIntegerField(blank=True, null=True, verbose_name='action')),
                        ('text', models.TextField(verbose_name='commentaire')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='le')),
                        ('author', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='auteur')),
                        ('parent', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='replies', to='examen.commentaire', verbose_name='en réponse à')),
                        ('transmission', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='commentaires', to='examen.transmission', verbose_name='transmission')),
                    ],
                    options={
                        'verbose_name': 'commentaire de revue',
                        'verbose_name_plural': 'commentaires de revue',
                        'db_table': 'campagnes_commentaire',
                        'ordering': ['created_at', 'pk'],
                    },
                ),
                migrations.AddConstraint(
                    model_name='transmission',
                    constraint=models.UniqueConstraint(fields=('programme', 'number'), name='transmission_unique_number'),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards),
    ]
