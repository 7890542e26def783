from django.contrib import admin

from ppo.documents.models import CalendarToken, WordImport


@admin.register(CalendarToken)
class CalendarTokenAdmin(admin.ModelAdmin):
    list_display = ["etablissement", "created_at", "created_by"]
    list_select_related = ["etablissement", "created_by"]
    search_fields = ["etablissement__uai", "etablissement__name"]
    readonly_fields = ["token", "created_at"]
    raw_id_fields = ["etablissement", "created_by"]


@admin.register(WordImport)
class WordImportAdmin(admin.ModelAdmin):
    list_display = ["filename", "ppo", "year", "owner", "created_at", "expires_at", "programme"]
    list_select_related = ["ppo__etablissement", "owner", "programme__ppo__etablissement"]
    readonly_fields = ["parsed"]
    raw_id_fields = ["ppo", "owner", "programme"]
