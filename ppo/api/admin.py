from django.contrib import admin

from ppo.api.models import ApiCall, ApiKey


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin):
    list_display = ["name", "prefix", "scope_kind", "created_by", "created_at", "revoked_at", "last_used_at"]
    list_filter = ["scope_kind"]
    readonly_fields = ["prefix", "digest", "created_at", "last_used_at"]
    search_fields = ["name", "prefix"]


@admin.register(ApiCall)
class ApiCallAdmin(admin.ModelAdmin):
    list_display = ["at", "key", "method", "path", "status"]
    list_filter = ["status", "method"]
    readonly_fields = ["key", "at", "method", "path", "status"]
