from django.contrib import admin

from ppo.partenaires.models import Structure


@admin.register(Structure)
class StructureAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "academie", "is_moderator"]
    list_filter = ["kind", "academie"]
    search_fields = ["name"]
