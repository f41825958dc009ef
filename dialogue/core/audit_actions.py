"""Human names of audit actions, shown in the audit log."""

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "unit.create": _("Unit created"),
    "unit.update": _("Unit changed"),
    "unit.dissolve": _("Unit dissolved"),
    "unit.restore": _("Unit restored"),
    "person.create": _("Account created"),
    "person.update": _("Account changed"),
    "role.grant": _("Role granted"),
    "role.revoke": _("Role revoked"),
    "calendar.exception_create": _("Calendar exception added"),
    "calendar.exception_delete": _("Calendar exception deleted"),
    "unit_kind.create": _("Unit kind created"),
    "unit_kind.update": _("Unit kind changed"),
    "organisation.load_admin_units": _("Administrative units loaded"),
    "account.bootstrap_admin": _("First administrator created"),
}
