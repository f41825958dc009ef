"""The scheduler inside the worker: every minute or so, enqueue each periodic job whose
time slot has come — the reminder scan every REMINDERS_SCAN_MINUTES, the synthesis
board's digest once per working day from REMINDERS_DIGEST_TIME (Asia/Ho_Chi_Minh), and
every half hour the satisfaction messages that did not leave, and every
STATISTICS_REFRESH_MINUTES the dashboard's daily figures (dialogue/statistics/summary.py).

Each (job, slot) is one `ScheduledRun` row under a unique constraint, written in the same
transaction as the task row it enqueues: with several workers each slot is enqueued once,
and a slot whose task never finished (its worker died) is enqueued again after a while.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, connections, transaction
from django.db.models import F
from django.utils import timezone

from dialogue.reminders.models import ScheduledRun
from dialogue.workcalendar.selectors import get_calendar

logger = logging.getLogger("dialogue.reminders.scheduler")

KEEP_RUNS = timedelta(days=30)


def scan_slot(local: datetime) -> str | None:
    """“2026-11-24T07:15”: the start of the current REMINDERS_SCAN_MINUTES window of the day."""
    minutes = local.hour * 60 + local.minute
    start = minutes - minutes % settings.REMINDERS_SCAN_MINUTES
    return f"{local:%Y-%m-%d}T{start // 60:02d}:{start % 60:02d}"


def digest_slot(local: datetime) -> str | None:
    """“2026-11-24” once the digest time has passed on a working day; None otherwise."""
    hour, minute = (int(part) for part in settings.REMINDERS_DIGEST_TIME.split(":"))
    if (local.hour, local.minute) < (hour, minute) or not get_calendar().is_working_day(local.date()):
        return None
    return local.date().isoformat()


@dataclass(frozen=True)
class Job:
    name: str
    task: Callable[[], object]  # returns the django-tasks Task (imported late)
    slot: Callable[[datetime], str | None]
    kwargs: Callable[[str], dict]
    # A run not finished after this long is enqueued again (None: the next slot will do).
    retry_after: timedelta | None = None
    max_attempts: int = 3


def _scan_task():
    from dialogue.reminders.tasks import reminders_scan

    return reminders_scan


def _digest_task():
    from dialogue.reminders.tasks import digest_daily

    return digest_daily


def _satisfaction_task():
    from dialogue.reminders.tasks import satisfaction_resend

    return satisfaction_resend


def half_hour_slot(local: datetime) -> str | None:
    """“2026-11-24T07:30”: the current half hour."""
    return f"{local:%Y-%m-%dT%H}:{'30' if local.minute >= 30 else '00'}"


def _portal_notify_task():
    from dialogue.portal.tasks import portal_notify

    return portal_notify


def _portal_notify_slot(local: datetime) -> str | None:
    from dialogue.portal.notify import quarter_hour_slot

    return quarter_hour_slot(local)


def _announce_task():
    from dialogue.plans.announce import scheduled_task

    return scheduled_task()


def _announce_slot(local: datetime) -> str | None:
    from dialogue.plans.announce import announce_slot

    return announce_slot(local)


def _figures_task():
    from dialogue.statistics.summary import scheduled_task

    return scheduled_task()


def _figures_slot(local: datetime) -> str | None:
    from dialogue.statistics.summary import refresh_slot

    return refresh_slot(local)


JOBS = (
    Job("reminders.scan", _scan_task, scan_slot, lambda slot: {}),
    # Citizens who asked to be told of changes to their online petition (docs/portal-petitions.md).
    Job("portal.notify", _portal_notify_task, _portal_notify_slot, lambda slot: {}),
    # Conferences due to be announced on the portal by law (docs/announcement.md).
    Job("plans.announce", _announce_task, _announce_slot, lambda slot: {}),
    Job("satisfaction.resend", _satisfaction_task, half_hour_slot, lambda slot: {}),
    # The dashboard's daily figures at national scale (dialogue/statistics/summary.py); below
    # STATISTICS_SUMMARY_MIN_PETITIONS petitions the job only clears them and counting stays live.
    Job("statistics.figures", _figures_task, _figures_slot, lambda slot: {}),
    Job("reminders.digest", _digest_task, digest_slot, lambda slot: {"day": slot}, retry_after=timedelta(minutes=30)),
)


def _enqueue_once(job: Job, slot: str, now: datetime) -> bool:
    try:
        with transaction.atomic():
            run = ScheduledRun.objects.create(job=job.name, slot=slot, enqueued_at=now)
            job.task().enqueue(run_id=run.pk, **job.kwargs(slot))
        return True
    except IntegrityError:  # another worker enqueued this slot
        return False


def _enqueue_again(job: Job, slot: str, now: datetime) -> bool:
    if job.retry_after is None:
        return False
    with transaction.atomic():
        again = ScheduledRun.objects.filter(
            job=job.name,
            slot=slot,
            finished_at__isnull=True,
            enqueued_at__lt=now - job.retry_after,
            attempts__lt=job.max_attempts,
        ).update(enqueued_at=now, attempts=F("attempts") + 1)
        if not again:
            return False
        run = ScheduledRun.objects.get(job=job.name, slot=slot)
        job.task().enqueue(run_id=run.pk, **job.kwargs(slot))
    logger.warning("Job %s of %s did not finish; enqueued again", job.name, slot)
    return True


def tick(*, now: datetime | None = None) -> list[str]:
    """Enqueue the jobs whose slot has come and not been enqueued yet; returns "job slot"
    for each one enqueued by this call."""
    now = now or timezone.now()
    local = timezone.localtime(now)
    enqueued = []
    for job in JOBS:
        slot = job.slot(local)
        if slot is None:
            continue
        if _enqueue_once(job, slot, now) or _enqueue_again(job, slot, now):
            enqueued.append(f"{job.name} {slot}")
    ScheduledRun.objects.filter(enqueued_at__lt=now - KEEP_RUNS).delete()
    return enqueued


class SchedulerThread(threading.Thread):
    """Calls `tick` every `interval` seconds beside the worker's loop, with its own
    database connection (closed after each tick)."""

    def __init__(self, interval: float = 60.0):
        super().__init__(name="reminders-scheduler", daemon=True)
        self.interval = interval
        self.stopped = threading.Event()

    def run(self) -> None:
        while True:
            try:
                for line in tick():
                    logger.info("Enqueued %s", line)
            except Exception:  # the next tick tries again; the worker keeps running
                logger.exception("Scheduler tick failed")
            finally:
                connections.close_all()
            if self.stopped.wait(self.interval):
                return

    def stop(self) -> None:
        self.stopped.set()
