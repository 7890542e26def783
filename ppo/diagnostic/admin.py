"""The reference lists of the diagnostic (indicators, questionnaires) are data the operators can edit."""

from django.contrib import admin

from ppo.diagnostic.models import Indicateur, Question, Questionnaire, Section, ValeurIndicateur


@admin.register(Indicateur)
class IndicateurAdmin(admin.ModelAdmin):
    list_display = ["label", "code", "unit", "category", "source", "order"]
    list_filter = ["category", "source"]
    list_editable = ["order"]
    search_fields = ["label", "code"]


@admin.register(ValeurIndicateur)
class ValeurIndicateurAdmin(admin.ModelAdmin):
    list_display = ["etablissement", "indicateur", "year", "scope", "value", "source", "imported_at"]
    list_filter = ["source", "indicateur", "year"]
    list_select_related = ["etablissement", "indicateur"]
    search_fields = ["etablissement__uai", "etablissement__name"]
    raw_id_fields = ["etablissement", "entered_by"]


class SectionInline(admin.TabularInline):
    model = Section
    extra = 0


class QuestionInline(admin.StackedInline):
    model = Question
    extra = 0


@admin.register(Questionnaire)
class QuestionnaireAdmin(admin.ModelAdmin):
    list_display = ["title", "audience", "order"]
    inlines = [SectionInline]


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["title", "questionnaire", "order"]
    list_filter = ["questionnaire"]
    inlines = [QuestionInline]
