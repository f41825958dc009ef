from django.contrib import admin

from dialogue.core.admin_access import RoleGatedAdmin
from dialogue.core.services import audit_record, snapshot
from dialogue.organisation.models import UnitKind

KIND_FIELDS = ["code", "name", "category", "level", "historical", "sort_order"]


@admin.register(UnitKind)
class UnitKindAdmin(RoleGatedAdmin):
    list_display = ["name", "code", "category", "level", "historical", "sort_order"]
    list_editable = ["sort_order"]

    def save_model(self, request, obj, form, change):
        before = snapshot(UnitKind.objects.get(pk=obj.pk), KIND_FIELDS) if change else None
        super().save_model(request, obj, form, change)
        audit_record(
            actor=request.user,
            action="unit_kind.update" if change else "unit_kind.create",
            target=obj,
            before=before,
            after=snapshot(obj, KIND_FIELDS),
        )
