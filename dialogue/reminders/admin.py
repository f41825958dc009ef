"""Reminders in the configuration site: read only, for the national administrator to see
the schedule and what the worker did. Rows are written by the worker's services only."""

from django.contrib import admin

from dialogue.core.admin_access import RoleGatedAdmin
from dialogue.reminders.models import Digest, Reminder, ScheduledRun


class _ReadOnly(RoleGatedAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ScheduledRun)
class ScheduledRunAdmin(_ReadOnly):
    list_display = ["job", "slot", "enqueued_at", "attempts", "finished_at"]
    list_filter = ["job"]


@admin.register(Reminder)
class ReminderAdmin(_ReadOnly):
    list_display = [
        "created_at",
        "target_key",
        "kind",
        "step",
        "due_date",
        "recipient",
        "unit",
        "status",
        "cancel_reason",
    ]
    list_filter = ["status", "kind", "target_kind", "cancel_reason"]
    search_fields = ["target_key", "recipient__full_name", "recipient__username"]
    list_select_related = ["recipient", "unit"]


@admin.register(Digest)
class DigestAdmin(_ReadOnly):
    list_display = ["day", "recipient", "unit", "status", "sent_at"]
    list_filter = ["status"]
    list_select_related = ["recipient", "unit"]
