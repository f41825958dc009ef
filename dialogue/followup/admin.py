"""The follow-up timeline in the configuration site: read only. Every step is written by
`followup.services` (rights, transition table, audit), never edited by hand."""

from django.contrib import admin

from dialogue.core.admin_access import RoleGatedAdmin
from dialogue.followup.models import Evidence, ProgressUpdate


class _ReadOnly(RoleGatedAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class EvidenceInline(admin.TabularInline):
    model = Evidence
    fields = ["name", "content_type", "size", "sha256", "created_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(_ReadOnly):
    list_display = ["created_at", "kind", "status_before", "status_after", "author_name", "author_unit", "directive",
                    "group"]  # fmt: skip
    list_filter = ["kind", "status_after"]
    search_fields = ["text", "author_name"]
    list_select_related = ["author_unit", "directive", "group"]
    inlines = [EvidenceInline]
