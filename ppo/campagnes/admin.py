from django.contrib import admin

from ppo.campagnes.models import Campagne, Priorite, TempsFort, VolumeReference


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
