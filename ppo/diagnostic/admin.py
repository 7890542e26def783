"""The reference lists of the diagnostic (indicators, questionnaires) are data the operators can edit."""

from django.contrib import admin

from ppo.diagnostic.models import Indicateur, Question, Questionnaire, Section, ValeurArchivee, ValeurIndicateur


@admin.register(Indicateur)
class IndicateurAdmin(admin.ModelAdmin):
    """Units and valid ranges are data: a range changed here applies at once to typing, imports and objectives."""

    list_display = ["label", "code", "unit", "min_value", "max_value", "category", "source", "order"]
    list_filter = ["category", "unit", "source"]
    list_editable = ["min_value", "max_value", "order"]
    search_fields = ["label", "code"]


class ValeurArchiveeInline(admin.TabularInline):
    model = ValeurArchivee
    extra = 0
    can_delete = False
    readonly_fields = [
        "motif",
        "scope",
        "value",
        "source",
        "source_detail",
        "recorded_at",
        "entered_by",
        "archived_at",
    ]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ValeurIndicateur)
class ValeurIndicateurAdmin(admin.ModelAdmin):
    list_display = ["etablissement", "indicateur", "year", "scope", "value", "source", "imported_at"]
    list_filter = ["source", "indicateur", "year"]
    list_select_related = ["etablissement", "indicateur"]
    search_fields = ["etablissement__uai", "etablissement__name"]
    raw_id_fields = ["etablissement", "entered_by"]
    inlines = [ValeurArchiveeInline]


class SectionInline(admin.TabularInline):
    model = Section
    extra = 0


class QuestionInline(admin.StackedInline):
    model = Question
    extra = 0


@admin.register(Questionnaire)
class QuestionnaireAdmin(admin.ModelAdmin):
    list_display = ["title", "audience", "order"]
    list_editable = ["audience"]
    inlines = [SectionInline]


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["title", "questionnaire", "order"]
    list_filter = ["questionnaire"]
    inlines = [QuestionInline]
