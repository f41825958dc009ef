"""What a member of staff is responsible for, gathered for their home page."""

from datetime import timedelta

from django.utils import timezone

from dialogue.core.selectors import audit_list_for_user
from dialogue.lib.workdays import statutory_holidays
from dialogue.organisation.roles import Capability
from dialogue.organisation.selectors import active_roles, unit_subtree_counts, user_can
from dialogue.petitions.selectors import petition_work_summary
from dialogue.plans.selectors import announcements_due, tasks_for_home, upcoming_conferences
from dialogue.workcalendar.selectors import get_calendar


def home_summary(*, user) -> dict:
    today = timezone.localdate()
    calendar = get_calendar()
    responsibilities = []
    for assignment in active_roles(user):
        unit = assignment.unit
        responsibilities.append(
            {
                "assignment": assignment,
                "unit": unit,
                "counts": unit_subtree_counts(unit) if unit else None,
            }
        )
    upcoming = []
    for year in (today.year, today.year + 1):
        for day, name in sorted(statutory_holidays(year).items()):
            if day >= today and len(upcoming) < 4:
                upcoming.append((day, name))
    recent_audit = list(audit_list_for_user(user=user)[:8]) if user_can(user, Capability.AUDIT_VIEW) else None
    task_rows, task_total = tasks_for_home(user=user) if user_can(user, Capability.TASK_UPDATE) else ([], 0)
    notifications = list(user.notifications.all()[:8])
    return {
        "today": today,
        "today_is_working": calendar.is_working_day(today),
        "next_working_day": calendar.add(today, 1),
        "in_seven_working_days": calendar.add(today, 7),
        "responsibilities": responsibilities,
        "upcoming_holidays": upcoming,
        "recent_audit": recent_audit,
        "task_rows": task_rows,
        "task_total": task_total,
        "upcoming_conferences": upcoming_conferences(user=user) if user_can(user, Capability.PLAN_VIEW) else [],
        "announce_due": announcements_due(user=user) if user_can(user, Capability.PLAN_MANAGE) else [],
        "notifications": notifications,
        "petition_work": petition_work_summary(user=user),
        "unread_count": sum(1 for n in notifications if n.read_at is None),
        "week_ahead": [
            (today + timedelta(days=i), calendar.is_working_day(today + timedelta(days=i))) for i in range(7)
        ],
    }
