from django.contrib import admin

from ppo.documents.models import CalendarToken, PreparedPdf, WordImport


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


@admin.register(PreparedPdf)
class PreparedPdfAdmin(admin.ModelAdmin):
    """What the background worker prepared (ADR 011): when, in how long, and the last error if any."""

    list_display = ["programme", "public", "built_at", "build_ms", "requested_at", "scheduled_for", "has_error"]
    list_filter = ["public"]
    list_select_related = ["programme__ppo__etablissement"]
    search_fields = ["programme__ppo__etablissement__uai", "programme__ppo__etablissement__name"]
    exclude = ["data"]
    readonly_fields = [
        "content_hash",
        "built_at",
        "build_ms",
        "requested_hash",
        "requested_at",
        "enqueued_at",
        "scheduled_for",
        "error",
    ]
    raw_id_fields = ["programme"]

    @admin.display(boolean=True, description="erreur")
    def has_error(self, obj):
        return bool(obj.error)
