from django.contrib import admin

from ppo.partenaires.models import Ambassadeur, DemandeIntervention, Metier, Offre, Secteur, Structure
from ppo.partenaires.services.offres import offre_reindex


@admin.register(Structure)
class StructureAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "academie", "is_moderator"]
    list_filter = ["kind", "academie"]
    search_fields = ["name"]


@admin.register(Secteur)
class SecteurAdmin(admin.ModelAdmin):
    search_fields = ["label"]


@admin.register(Metier)
class MetierAdmin(admin.ModelAdmin):
    list_display = ["label", "onisep_id", "rome_codes"]
    list_filter = ["secteurs"]
    search_fields = ["label", "onisep_id", "rome_codes"]


@admin.register(Offre)
class OffreAdmin(admin.ModelAdmin):
    """Offers are written through the partner's pages; an edit here re-indexes the offer for the search."""

    list_display = ["title", "structure", "kind", "status", "last_confirmed_at"]
    list_filter = ["status", "kind", "academie"]
    search_fields = ["title", "structure__name"]
    readonly_fields = ["search_text", "created_at", "updated_at"]
    raw_id_fields = ["structure", "created_by", "moderated_by"]
    filter_horizontal = ["niveaux", "axes", "metiers", "secteurs", "departements", "bassins"]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        offre_reindex(offre=form.instance)


@admin.register(Ambassadeur)
class AmbassadeurAdmin(admin.ModelAdmin):
    list_display = ["user", "job_title", "academie", "is_paused"]
    list_filter = ["is_paused", "academie"]
    search_fields = ["job_title", "user__email", "user__last_name"]
    raw_id_fields = ["user", "metier"]


@admin.register(DemandeIntervention)
class DemandeInterventionAdmin(admin.ModelAdmin):
    list_display = ["etablissement", "ambassadeur", "kind", "status", "scheduled_date"]
    list_filter = ["status", "kind"]
    raw_id_fields = ["ambassadeur", "etablissement", "requested_by", "action"]
