from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from ppo.suivi.models import Bilan, PieceJointe, Reprise, RepriseAction, SuiviAction


class PieceJointeInline(admin.TabularInline):
    model = PieceJointe
    extra = 0
    fields = ["original_name", "description", "content_type", "size", "uploaded_at", "uploaded_by"]
    readonly_fields = fields
    can_delete = False


@admin.register(SuiviAction)
class SuiviActionAdmin(SimpleHistoryAdmin):
    list_display = ["action", "status", "actual_date", "girls", "boys", "evaluation"]
    list_filter = ["status", "evaluation"]
    search_fields = ["action__title"]
    raw_id_fields = ["action"]
    autocomplete_fields = []
    inlines = [PieceJointeInline]


@admin.register(Bilan)
class BilanAdmin(SimpleHistoryAdmin):
    list_display = ["programme", "status", "validated_at"]
    list_filter = ["status"]
    raw_id_fields = ["programme"]
    readonly_fields = ["figures", "validated_at", "validated_by"]


@admin.register(RepriseAction)
class RepriseActionAdmin(admin.ModelAdmin):
    list_display = ["action", "decision", "copy", "decided_at"]
    list_filter = ["decision"]
    raw_id_fields = ["action", "copy"]


@admin.register(Reprise)
class RepriseAdmin(admin.ModelAdmin):
    list_display = ["source", "target", "decided_at", "decided_by", "bilan_validated", "added", "already_there"]
    list_filter = ["bilan_validated"]
    raw_id_fields = ["source", "target"]
    readonly_fields = ["decided_at", "decided_by"]
