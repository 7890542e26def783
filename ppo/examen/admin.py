from django.contrib import admin

from ppo.examen.models import Commentaire, DecisionRevue, Transmission


class DecisionInline(admin.TabularInline):
    model = DecisionRevue
    extra = 0
    readonly_fields = ["decision", "message", "at", "by"]
    can_delete = False


class CommentaireInline(admin.TabularInline):
    model = Commentaire
    extra = 0
    readonly_fields = ["parent", "anchor_kind", "section_code", "action_id", "text", "author", "created_at"]
    can_delete = False


@admin.register(Transmission)
class TransmissionAdmin(admin.ModelAdmin):
    """Read only: a transmission is a frozen copy, changed by nobody."""

    list_display = ["programme", "number", "review_status", "created_at"]
    list_filter = ["review_status"]
    readonly_fields = ["programme", "number", "snapshot", "review_status", "warning", "created_at", "created_by"]
    inlines = [DecisionInline, CommentaireInline]

    def has_add_permission(self, request):
        return False
