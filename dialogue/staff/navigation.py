"""The staff menu: each person sees only the entries their roles open."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from dialogue.organisation.roles import Capability
from dialogue.organisation.selectors import user_can

# (url name, label, capability needed or None for any member of staff)
MENU = [
    ("staff:home", _("My work"), None),
    ("organisation:unit_list", _("Organisation"), Capability.UNIT_VIEW),
    ("organisation:person_list", _("People"), Capability.PERSON_VIEW),
    ("workcalendar:year", _("Working-day calendar"), None),
    ("core:audit_list", _("Audit log"), Capability.AUDIT_VIEW),
]


def menu_for(request) -> list[dict]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return []
    path = request.path
    items = []
    for url_name, label, capability in MENU:
        if capability is not None and not user_can(user, capability):
            continue
        url = reverse(url_name)
        current = path == url if url_name == "staff:home" else path.startswith(url)
        items.append({"url": url, "label": label, "current": current})
    return items
