from django.contrib import admin

from ppo.pilotage.models import ContourAcademie


@admin.register(ContourAcademie)
class ContourAcademieAdmin(admin.ModelAdmin):
    list_display = ["academie", "min_lon", "max_lon", "min_lat", "max_lat", "updated_at"]
    readonly_fields = ["rings"]
