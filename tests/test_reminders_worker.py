"""The worker: the scheduler enqueues each slot once with several workers, two real
`manage.py worker` processes never send the same reminder twice, and a worker killed
half-way loses nothing — on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.db import connection, connections
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from dialogue.conclusions.models import Directive, DirectiveStatus
from dialogue.core.models import Notification
from dialogue.reminders import scheduler, stages, tasks
from dialogue.reminders.models import DeliveryStatus, OutboundMessage, Reminder, ScheduledRun, TargetKind
from dialogue.workcalendar.selectors import get_calendar
from tests import test_reminders_fixtures
from tests.test_reminders_fixtures import at

matters = test_reminders_fixtures.matters

ROOT = Path(__file__).resolve().parent.parent
KEY = re.compile(r"^X-Doithoai-Message: (\S+)$", re.MULTILINE)


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _env(tmp_path, **extra) -> dict:
    env = {
        **os.environ,
        "DEBUG": "true",
        "DATABASE_URL": _database_url(),
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(tmp_path / "mail"),
        "SMS_BACKEND": "tests.test_reminders_fixtures.SlowFileBackend",
        "SMS_LOG_FILE": str(tmp_path / "sms.log"),
        **extra,
    }
    env.pop("TASKS_BACKEND", None)
    return env


def _worker(env, *args) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", "worker", "--batch", "--interval", "0", "--no-startup-delay", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _finish(process: subprocess.Popen) -> None:
    out, err = process.communicate(timeout=180)
    assert process.returncode == 0, (out + err)[-3000:]


def _emails(tmp_path) -> Counter:
    keys: Counter = Counter()
    for path in (tmp_path / "mail").glob("*.log"):
        keys.update(KEY.findall(path.read_text(encoding="utf-8")))
    return keys


def _sms(tmp_path) -> list[list[str]]:
    path = tmp_path / "sms.log"
    return [line.split("\t") for line in path.read_text().splitlines()] if path.exists() else []


def _pending_reminders(matters, count: int) -> list[Reminder]:
    """`count` directives of agency B due yesterday (in working days), each with its
    reminder of the stage reached today, ready to be sent."""
    today = timezone.localdate()
    calendar = get_calendar()
    due = calendar.add(today, -1)
    stage = stages.current_stage(due, today, calendar, before=3, overdue=[1, 5, 10])
    person = matters.cast.agency_b
    person.phone = "0987 654 321"
    person.save()
    rows = []
    for n in range(count):
        directive = Directive.objects.create(
            conclusion=matters.conclusion,
            order=10 + n,
            matter=f"Nhiệm vụ số {n + 1}: hoàn thành hồ sơ giải phóng mặt bằng tuyến đường tỉnh 261",
            lead_unit=matters.tree.agency_b,
            due_date=due,
            status=DirectiveStatus.ASSIGNED,
        )
        rows.append(
            Reminder(
                target_kind=TargetKind.DIRECTIVE,
                target_key=f"directive:{directive.pk}",
                directive=directive,
                unit=matters.tree.agency_b,
                holder_unit=matters.tree.agency_b,
                recipient=person,
                kind=stage.kind,
                step=stage.step,
                due_date=due,
                send_on=stage.send_on,
            )
        )
    return Reminder.objects.bulk_create(rows)


# ---------------------------------------------------------------- the scheduler


def test_the_scan_slot_is_the_start_of_its_quarter_hour(settings):
    settings.REMINDERS_SCAN_MINUTES = 15
    assert scheduler.scan_slot(timezone.localtime(at(date(2026, 11, 25), 7, 44))) == "2026-11-25T07:30"
    assert scheduler.scan_slot(timezone.localtime(at(date(2026, 11, 25), 0, 0))) == "2026-11-25T00:00"


@pytest.mark.django_db
def test_the_digest_slot_comes_once_a_working_day_from_seven_in_the_morning(settings):
    settings.REMINDERS_DIGEST_TIME = "07:00"
    wednesday = date(2026, 11, 25)
    assert scheduler.digest_slot(timezone.localtime(at(wednesday, 6, 59))) is None
    assert scheduler.digest_slot(timezone.localtime(at(wednesday, 7, 0))) == "2026-11-25"
    assert scheduler.digest_slot(timezone.localtime(at(wednesday, 16, 0))) == "2026-11-25"
    assert scheduler.digest_slot(timezone.localtime(at(date(2026, 11, 28), 9))) is None  # Saturday
    assert scheduler.digest_slot(timezone.localtime(at(date(2026, 9, 2), 9))) is None  # National Day


@pytest.mark.django_db(transaction=True)
def test_two_schedulers_at_once_enqueue_each_slot_once(database_tasks):
    now = at(date(2026, 11, 25), 9, 5)
    barrier = threading.Barrier(2)
    results, errors = [], []

    def run():
        try:
            barrier.wait()
            results.append(scheduler.tick(now=now))
        except Exception as error:  # pragma: no cover - shown by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    assert sorted(line for lines in results for line in lines) == [
        "plans.announce 2026-11-25T09",
        "portal.notify 2026-11-25T09:00",
        "reminders.digest 2026-11-25",
        "reminders.scan 2026-11-25T09:00",
        "satisfaction.resend 2026-11-25T09:00",
        "statistics.figures 2026-11-25T09:00",
    ]
    assert ScheduledRun.objects.count() == 6
    assert sorted(DBTaskResult.objects.values_list("task_path", flat=True)) == [
        "dialogue.plans.announce.announce_due_task",
        "dialogue.portal.tasks.portal_notify",
        "dialogue.reminders.tasks.digest_daily",
        "dialogue.reminders.tasks.reminders_scan",
        "dialogue.reminders.tasks.satisfaction_resend",
        "dialogue.statistics.summary.figures_refresh_task",
    ]
    # A minute later nothing new; at the next quarter hour the next scan and citizens' notices.
    assert scheduler.tick(now=now + timedelta(minutes=1)) == []
    assert scheduler.tick(now=now + timedelta(minutes=10)) == [
        "reminders.scan 2026-11-25T09:15",
        "portal.notify 2026-11-25T09:15",
    ]


@pytest.mark.django_db(transaction=True)
def test_a_daily_run_whose_worker_died_is_enqueued_again_after_half_an_hour(database_tasks):
    now = at(date(2026, 11, 25), 7, 1)
    assert "reminders.digest 2026-11-25" in scheduler.tick(now=now)
    assert scheduler.tick(now=now + timedelta(minutes=20)) == [
        "reminders.scan 2026-11-25T07:15",
        "portal.notify 2026-11-25T07:15",
    ]
    again = scheduler.tick(now=now + timedelta(minutes=31))
    assert again == [
        "reminders.scan 2026-11-25T07:30",
        "portal.notify 2026-11-25T07:30",
        "satisfaction.resend 2026-11-25T07:30",
        "reminders.digest 2026-11-25",
    ]
    run = ScheduledRun.objects.get(job="reminders.digest")
    assert run.attempts == 2
    assert DBTaskResult.objects.filter(task_path="dialogue.reminders.tasks.digest_daily").count() == 2
    ScheduledRun.objects.filter(pk=run.pk).update(finished_at=now + timedelta(minutes=40))
    assert scheduler.tick(now=now + timedelta(hours=2)) == [
        "reminders.scan 2026-11-25T09:00",
        "portal.notify 2026-11-25T09:00",
        "plans.announce 2026-11-25T09",
        "satisfaction.resend 2026-11-25T09:00",
        "statistics.figures 2026-11-25T09:00",
    ]


@pytest.mark.django_db
def test_a_finished_job_marks_its_run(matters):
    run = ScheduledRun.objects.create(job="reminders.scan", slot="x", enqueued_at=timezone.now())
    tasks.reminders_scan.call(run_id=run.pk)
    run.refresh_from_db()
    assert run.finished_at is not None


@pytest.mark.django_db
def test_old_runs_are_forgotten_after_a_month():
    ScheduledRun.objects.create(job="reminders.scan", slot="old", enqueued_at=timezone.now() - timedelta(days=31))
    scheduler.tick(now=timezone.now())
    assert not ScheduledRun.objects.filter(slot="old").exists()


# ---------------------------------------------------------------- real worker processes


@pytest.mark.django_db(transaction=True)
def test_two_worker_processes_at_once_never_send_the_same_reminder_twice(matters, database_tasks, tmp_path):
    reminders = _pending_reminders(matters, 30)
    tasks.deliveries_send.enqueue()
    tasks.deliveries_send.enqueue()
    env = _env(tmp_path, SMS_DELAY="0.1")
    workers = [_worker(env, "--no-scheduler", "--worker-id", f"w{n}") for n in (1, 2)]
    for process in workers:
        _finish(process)

    assert set(Reminder.objects.values_list("status", flat=True)) == {DeliveryStatus.SENT}
    keys = [f"reminder:{r.pk}" for r in reminders]
    emails = _emails(tmp_path)
    assert sorted(emails) == sorted(f"{k}:email" for k in keys) and set(emails.values()) == {1}
    sms = _sms(tmp_path)
    assert sorted(reference for reference, _pid, _to in sms) == sorted(f"{k}:sms" for k in keys)
    # Both processes really sent some of them, at the same time.
    assert len({pid for _reference, pid, _to in sms}) == 2
    assert len(set(Reminder.objects.values_list("claimed_by", flat=True))) == 2
    assert OutboundMessage.objects.count() == 90
    assert Notification.objects.filter(recipient=matters.cast.agency_b).count() == 30


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_while_sending_loses_no_reminder_and_sends_nothing_twice(matters, database_tasks, tmp_path):
    reminders = _pending_reminders(matters, 4)
    tasks.deliveries_send.enqueue()
    victim = _worker(_env(tmp_path, SMS_DELAY="2"), "--no-scheduler", "--worker-id", "victim")
    # Kill it while it waits for the gateway on the second reminder: its e-mail and in-app
    # message are out, its SMS is not.
    second = reminders[1]
    deadline = time.monotonic() + 60
    while (
        time.monotonic() < deadline
        and not OutboundMessage.objects.filter(key=f"reminder:{second.pk}:email", status="sent").exists()
    ):
        time.sleep(0.05)
    os.kill(victim.pid, signal.SIGKILL)
    victim.communicate(timeout=30)
    assert len(_sms(tmp_path)) == 1
    left = Reminder.objects.exclude(status=DeliveryStatus.SENT)
    assert left.count() == 3
    assert Reminder.objects.get(pk=second.pk).status == DeliveryStatus.SENDING

    # The next sending run of any worker takes the abandoned row again (timeout 0 here).
    # Without the scheduler: in the daytime of a working day its scan would also remind
    # of the fixture's late matters and its digest would go out, whatever this test sends.
    tasks.deliveries_send.enqueue()
    _finish(_worker(_env(tmp_path, SMS_DELAY="0", REMINDERS_CLAIM_TIMEOUT_SECONDS="0"), "--no-scheduler"))
    assert set(Reminder.objects.values_list("status", flat=True)) == {DeliveryStatus.SENT}
    keys = [f"reminder:{r.pk}" for r in reminders]
    assert sorted(reference for reference, _pid, _to in _sms(tmp_path)) == sorted(f"{k}:sms" for k in keys)
    emails = _emails(tmp_path)
    assert sorted(emails) == sorted(f"{k}:email" for k in keys) and set(emails.values()) == {1}
    assert Notification.objects.filter(recipient=matters.cast.agency_b).count() == 4


@pytest.mark.django_db(transaction=True)
def test_the_worker_alone_schedules_the_scan_and_reminds_the_late_units(matters, database_tasks, tmp_path):
    today = timezone.localdate()
    _finish(_worker(_env(tmp_path, REMINDERS_SEND_FROM_HOUR="0", REMINDERS_SEND_UNTIL_HOUR="24")))
    assert ScheduledRun.objects.filter(job="reminders.scan", finished_at__isnull=False).count() == 1
    if not get_calendar().is_working_day(today):
        assert not Reminder.objects.exists()  # nothing is made on a day off
        return
    sent = {(r.target_kind, r.recipient.username) for r in Reminder.objects.filter(status=DeliveryStatus.SENT)}
    assert sent == {
        (TargetKind.DIRECTIVE, "an"),
        (TargetKind.DIRECTIVE, "binh"),
        (TargetKind.ANSWER, "an"),
        (TargetKind.RESOLUTION, "binh"),
        (TargetKind.ESCALATION, "minh"),
    }
    assert len([k for k in _emails(tmp_path) if k.startswith("reminder:")]) == 5
    # A second run in the same quarter hour enqueues nothing and sends nothing more.
    _finish(_worker(_env(tmp_path)))
    assert len([k for k in _emails(tmp_path) if k.startswith("reminder:")]) == 5
