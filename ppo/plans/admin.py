from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from ppo.plans.models import PPO, Action, Axe, ProgrammeAnnuel, RessourceItem


@admin.register(Axe)
class AxeAdmin(admin.ModelAdmin):
    list_display = ["number", "label", "label_bac_pro", "label_cap"]


@admin.register(RessourceItem)
class RessourceItemAdmin(admin.ModelAdmin):
    list_display = ["label", "category", "group", "order", "is_economic_world", "is_active", "replaced_by"]
    list_filter = ["category", "is_active"]
    list_editable = ["order", "is_active"]
    list_select_related = ["replaced_by"]
    search_fields = ["label"]
    autocomplete_fields = ["replaced_by"]


@admin.register(PPO)
class PPOAdmin(admin.ModelAdmin):
    list_display = ["etablissement", "first_year", "last_year"]
    list_select_related = ["etablissement"]
    search_fields = ["etablissement__uai", "etablissement__name"]
    autocomplete_fields = ["etablissement"]


@admin.register(ProgrammeAnnuel)
class ProgrammeAnnuelAdmin(SimpleHistoryAdmin):
    list_display = ["ppo", "year", "status", "updated_at"]
    list_select_related = ["ppo__etablissement"]
    list_filter = ["status", "year"]
    search_fields = ["ppo__etablissement__uai", "ppo__etablissement__name"]
    # The status changes only through its life cycle (ppo.plans.lifecycle), with its history.
    readonly_fields = ["status", "version"]


@admin.register(Action)
class ActionAdmin(SimpleHistoryAdmin):
    list_display = ["title", "programme", "axe", "kind", "hours"]
    list_select_related = ["programme__ppo__etablissement", "axe"]
    list_filter = ["axe", "kind"]
    search_fields = ["title", "programme__ppo__etablissement__uai"]
