"""The system never publishes a conference later than the law allows.

Law 72/2025/QH15 art. 43: a commune announces its dialogue publicly at least 7 days
(PORTAL_ANNOUNCE_MIN_DAYS) before it. Staff announce from the conference page; when
nobody has by the latest lawful day, the worker's `announce_due` job announces it itself
(actor None, shown as “the system”) and tells the conference's secretariat.

A conference is announced automatically when its plan is issued, it has a date still
ahead, a start time and a venue or online address, it is neither held nor cancelled, and
its latest lawful day is today; or that day has passed (the conference was created or
moved late) — then the announcement carries an automatic reason for the delay. One
withdrawn by staff (postponed) is not announced again while its date stays the same.

Several workers may run the job at once: each conference is claimed with a conditional
update on `announced_at IS NULL`, so it is announced, audited and notified once.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_tasks import task

from dialogue.core.models import AuditEntry
from dialogue.core.services import audit_record, notify_unit
from dialogue.organisation.roles import Capability
from dialogue.plans.models import Conference, ConferenceStatus, PlanStatus
from dialogue.plans.services import announce_deadline, announce_min_days

# The job runs every hour from this local hour on (the first run of the day announces what
# is due that day; later runs catch conferences created or moved during the day).
FIRST_HOUR = 6


def due_conferences(today: date):
    """Conferences the law requires to be public by today and that are not."""
    return (
        Conference.objects.filter(
            plan__status=PlanStatus.ISSUED,
            announced_at__isnull=True,
            date__gt=today,
            date__lte=today + timedelta(days=announce_min_days()),
            start_time__isnull=False,
        )
        .exclude(status__in=[ConferenceStatus.HELD, ConferenceStatus.CANCELLED])
        .exclude(Q(venue="") & Q(online_link=""))
        .select_related("plan", "plan__issuing_unit")
        .order_by("date", "id")
    )


def _withdrawn_for_this_date(conference: Conference) -> bool:
    """Staff withdrew the announcement of this very date (postponed, not yet moved)."""
    kind = ContentType.objects.get_for_model(Conference)
    withdrawals = AuditEntry.objects.filter(
        action="conference.unannounce", target_type=kind, target_id=str(conference.pk)
    ).values_list("after", flat=True)
    day = conference.date.isoformat()
    return any((after or {}).get("date") == day for after in withdrawals)


def _announce_one(conference: Conference, today: date, now: datetime) -> bool:
    deadline = announce_deadline(conference)
    late = today > deadline
    reason = ""
    if late:
        reason = gettext(
            "Announced automatically by the system on %(today)s: the conference was scheduled or moved after the "
            "latest lawful day (%(deadline)s)."
        ) % {"today": today.strftime("%d/%m/%Y"), "deadline": deadline.strftime("%d/%m/%Y")}
    with transaction.atomic():
        claimed = Conference.objects.filter(pk=conference.pk, announced_at__isnull=True).update(
            announced_at=now, announced_by=None, announce_late_reason=reason, version=F("version") + 1
        )
        if not claimed:  # another worker (or a person) was first
            return False
        audit_record(
            actor=None,
            action="conference.announce",
            target=conference,
            before={"announced_at": None, "announced_by": None, "announce_late_reason": ""},
            after={
                "announced_at": now.isoformat(),
                "announced_by": None,
                "announce_late_reason": reason,
                "date": conference.date.isoformat(),
                "deadline": deadline.isoformat(),
                "late": late,
                "automatic": True,
            },
            unit=conference.plan.issuing_unit,
        )
        values = {"title": conference.title[:120], "date": conference.date.strftime("%d/%m/%Y")}
        if late:
            message = gettext(
                "The conference “%(title)s” (%(date)s) was announced on the public portal by the system, late: "
                "it was scheduled after the latest lawful day. Check what the portal shows."
            )
        else:
            message = gettext(
                "The conference “%(title)s” (%(date)s) was announced on the public portal by the system: today is "
                "the latest day the law allows. Check what the portal shows."
            )
        notify_unit(
            unit=conference.plan.issuing_unit,
            capability=Capability.PLAN_MANAGE,
            message=message % values,
            url=reverse("plans:conference_detail", args=[conference.pk]),
        )
    return True


def announce_due(*, today: date | None = None) -> dict:
    """Announce every conference due today (see the module); returns the counts."""
    today = today or timezone.localdate()
    now = timezone.now()
    counts = {"announced": 0, "late": 0}
    with translation.override(settings.LANGUAGE_CODE):
        for conference in due_conferences(today):
            if _withdrawn_for_this_date(conference):
                continue
            if _announce_one(conference, today, now):
                counts["announced"] += 1
                counts["late"] += int(today > announce_deadline(conference))
    return counts


def announce_slot(local: datetime) -> str | None:
    """“2026-11-24T06”: every hour of the day from FIRST_HOUR on (local time)."""
    if local.hour < FIRST_HOUR:
        return None
    return f"{local:%Y-%m-%dT%H}"


@task()
def announce_due_task(run_id: int | None = None) -> dict:
    """The worker's job: announce what is due, then mark the scheduled run finished."""
    counts = announce_due()
    if run_id is not None:
        from dialogue.reminders.models import ScheduledRun

        ScheduledRun.objects.filter(pk=run_id).update(finished_at=timezone.now())
    return counts


def scheduled_task():
    """For `dialogue.reminders.scheduler.Job`: the task to enqueue."""
    return announce_due_task
