"""The Django admin is for configuration by national system administrators only.
Access follows our roles, not Django's is_staff/permission flags."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from dialogue.organisation.roles import Capability


def is_national_admin(user) -> bool:
    from dialogue.organisation.selectors import scope_paths

    return bool(user.is_active and user.is_authenticated) and scope_paths(user, Capability.UNIT_MANAGE) is None


class RoleGatedAdmin(admin.ModelAdmin):
    def has_module_permission(self, request):
        return is_national_admin(request.user)

    def has_view_permission(self, request, obj=None):
        return is_national_admin(request.user)

    def has_add_permission(self, request):
        return is_national_admin(request.user)

    def has_change_permission(self, request, obj=None):
        return is_national_admin(request.user)

    def has_delete_permission(self, request, obj=None):
        return False


admin.site.has_permission = lambda request: is_national_admin(request.user)
admin.site.site_header = _("doithoai — system configuration")
admin.site.site_title = "doithoai"
admin.site.index_title = _("Configuration")
