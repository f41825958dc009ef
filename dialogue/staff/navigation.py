"""The staff menu: each person sees only the entries their roles open."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from dialogue.organisation.roles import Capability
from dialogue.organisation.selectors import user_can

# (url name, label, capability needed or None for any member of staff)
MENU = [
    ("staff:home", _("My work"), None),
    ("plans:plan_list", _("Plans"), Capability.PLAN_VIEW),
    ("plans:task_list", _("Tasks"), Capability.TASK_UPDATE),
    ("plans:calendar", _("Calendar"), Capability.PLAN_VIEW),
    ("petitions:petition_list", _("Petitions"), Capability.PETITION_VIEW),
    ("petitions:inbox", _("Answers"), Capability.ANSWER_PREPARE),
    ("conclusions:inbox", _("Directives"), Capability.TASK_UPDATE),
    ("followup:escalation_inbox", _("Recommendations to the higher level"), Capability.FOLLOWUP_UPDATE),
    ("reminders:chase", _("Late matters"), Capability.FOLLOWUP_REVIEW),
    ("followup:supervision", _("Supervision"), Capability.FOLLOWUP_SUPERVISE),
    ("statistics:dashboard", _("Statistics"), Capability.STATISTICS_VIEW),
    ("statistics:reports", _("Periodic reports"), Capability.REPORT_PRODUCE),
    ("followup:chair_overview", _("My conferences"), Capability.CONCLUSION_ISSUE),
    ("organisation:unit_list", _("Organisation"), Capability.UNIT_VIEW),
    ("organisation:person_list", _("People"), Capability.PERSON_VIEW),
    ("workcalendar:year", _("Working-day calendar"), None),
    ("core:audit_list", _("Audit log"), Capability.AUDIT_VIEW),
    ("privacy:home", _("Personal data"), Capability.AUDIT_VIEW),
    ("api_keys:list", _("API keys"), None),
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
        items.append({"url": url, "label": label, "current": False, "exact": url_name == "staff:home"})
    # The entry with the longest URL that the page lies under is the current one
    # (/plans/tasks/ is "Tasks", not "Plans").
    matches = [i for i in items if (path == i["url"] if i["exact"] else path.startswith(i["url"]))]
    if matches:
        max(matches, key=lambda i: len(i["url"]))["current"] = True
    return items
