from django.contrib import admin

from dialogue.core.admin_access import RoleGatedAdmin
from dialogue.core.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(RoleGatedAdmin):
    list_display = ["at", "actor_repr", "action", "target_repr", "unit"]
    list_filter = ["action"]
    search_fields = ["target_repr", "actor_repr"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
