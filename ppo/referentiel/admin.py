from django.contrib import admin

from ppo.referentiel.models import (
    Academie,
    Bassin,
    Competence,
    Departement,
    Etablissement,
    FamilleCompetences,
    Niveau,
    Region,
    RepereFamille,
)


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "name"]
    search_fields = ["code", "name"]


@admin.register(Academie)
class AcademieAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "region"]
    list_select_related = ["region"]
    search_fields = ["code", "name"]


@admin.register(Departement)
class DepartementAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "academie"]
    list_select_related = ["academie"]
    list_filter = ["academie"]
    search_fields = ["code", "name"]


@admin.register(Bassin)
class BassinAdmin(admin.ModelAdmin):
    list_display = ["name", "academie", "departement"]
    list_select_related = ["academie", "departement"]
    list_filter = ["academie"]
    search_fields = ["name"]


@admin.register(Niveau)
class NiveauAdmin(admin.ModelAdmin):
    list_display = ["label", "code", "voie", "groupe", "order", "reference_hours"]
    list_editable = ["reference_hours"]
    ordering = ["order"]


@admin.register(Etablissement)
class EtablissementAdmin(admin.ModelAdmin):
    list_display = ["uai", "name", "kind", "secteur", "commune", "departement", "academie", "bassin"]
    list_select_related = ["departement", "academie", "bassin"]
    list_filter = ["kind", "secteur", "academie"]
    search_fields = ["uai", "name", "commune"]
    autocomplete_fields = ["bassin"]
    filter_horizontal = ["niveaux"]


@admin.register(RepereFamille)
class RepereFamilleAdmin(admin.ModelAdmin):
    list_display = ["niveau", "kind", "order", "period", "text"]
    list_filter = ["niveau", "kind"]
    list_editable = ["order"]
    list_select_related = ["niveau"]
    search_fields = ["text"]


class CompetenceInline(admin.StackedInline):
    model = Competence
    extra = 0
    fields = ["order", "code", "label", "progression_college", "progression_lycee"]


@admin.register(FamilleCompetences)
class FamilleCompetencesAdmin(admin.ModelAdmin):
    """ONISEP's « compétences à s’orienter »: an operator corrects the wording against the published référentiel."""

    list_display = ["label", "order", "code", "version"]
    list_editable = ["order"]
    fields = ["order", "code", "label", "source", "version"]
    inlines = [CompetenceInline]


@admin.register(Competence)
class CompetenceAdmin(admin.ModelAdmin):
    list_display = ["label", "famille", "order", "code"]
    list_filter = ["famille"]
    list_select_related = ["famille"]
    search_fields = ["label", "code"]
