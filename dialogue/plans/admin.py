from django.contrib import admin

from dialogue.core.admin_access import RoleGatedAdmin, is_national_admin
from dialogue.core.services import audit_record
from dialogue.plans.models import TimelineStep, TimelineTemplate

STEP_FIELDS = ["order", "kind", "title", "offset_working_days", "responsible_hint", "min_calendar_days_before"]


class TimelineStepInline(admin.TabularInline):
    model = TimelineStep
    fields = STEP_FIELDS
    extra = 1

    def has_view_permission(self, request, obj=None):
        return is_national_admin(request.user)

    has_add_permission = has_change_permission = has_delete_permission = has_view_permission


@admin.register(TimelineTemplate)
class TimelineTemplateAdmin(RoleGatedAdmin):
    """Preparation timelines offered to every unit (no unit) or to one unit's subtree."""

    list_display = ["name", "unit", "is_active"]
    fields = ["name", "description", "unit", "code", "is_active"]
    raw_id_fields = ["unit"]
    inlines = [TimelineStepInline]

    def save_related(self, request, form, formsets, change):
        before = self._steps(form.instance) if change else None
        super().save_related(request, form, formsets, change)
        audit_record(
            actor=request.user,
            action="timeline.update" if change else "timeline.create",
            target=form.instance,
            before=before,
            after=self._steps(form.instance),
            unit=form.instance.unit,
        )

    @staticmethod
    def _steps(template) -> dict:
        steps = [
            {name: getattr(step, name) for name in STEP_FIELDS}
            for step in TimelineStep.objects.filter(template_id=template.pk).order_by("order", "id")
        ]
        return {"name": template.name, "active": template.is_active, "steps": steps}
