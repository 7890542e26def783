from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from ppo.comptes.models import CodeRattachement, Membership, User


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["etablissement", "bassin", "academie", "structure"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "is_active", "is_staff"]
    search_fields = ["email", "first_name", "last_name"]
    list_filter = ["is_active", "is_staff", "memberships__role"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Identité", {"fields": ["first_name", "last_name"]}),
        ("Droits", {"fields": ["is_active", "is_staff", "is_superuser"]}),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "etablissement", "bassin", "academie", "structure", "is_active", "confirmed_at"]
    list_select_related = ["user", "etablissement", "bassin", "academie", "structure"]
    list_filter = ["role", "is_active"]
    search_fields = ["user__email", "etablissement__uai", "etablissement__name"]
    autocomplete_fields = ["user", "etablissement", "bassin", "academie", "structure"]


@admin.register(CodeRattachement)
class CodeRattachementAdmin(admin.ModelAdmin):
    list_display = ["etablissement", "code", "created_at", "created_by"]
    list_select_related = ["etablissement", "created_by"]
    search_fields = ["code", "etablissement__uai", "etablissement__name"]
    autocomplete_fields = ["etablissement", "created_by"]
