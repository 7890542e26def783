from django.contrib import admin

from ppo.campagnes.models import (
    Campagne,
    Commentaire,
    ContourAcademie,
    DecisionRevue,
    Priorite,
    TempsFort,
    Transmission,
    VolumeReference,
)


class PrioriteInline(admin.TabularInline):
    model = Priorite
    extra = 0


class VolumeInline(admin.TabularInline):
    model = VolumeReference
    extra = 0


class TempsFortInline(admin.StackedInline):
    model = TempsFort
    extra = 0
    filter_horizontal = ["niveaux"]


@admin.register(Campagne)
class CampagneAdmin(admin.ModelAdmin):
    list_display = ["academie", "year", "deadline"]
    list_filter = ["academie", "year"]
    inlines = [PrioriteInline, VolumeInline, TempsFortInline]


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


@admin.register(ContourAcademie)
class ContourAcademieAdmin(admin.ModelAdmin):
    list_display = ["academie", "min_lon", "max_lon", "min_lat", "max_lat", "updated_at"]
    readonly_fields = ["rings"]
