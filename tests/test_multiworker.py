"""Several workers on one queue: two real `manage.py worker` processes started at the same
moment against the same database (a file SQLite database, or PostgreSQL when the suite
runs there), with periodic jobs due and messages of every kind waiting. Every task runs
once, every scheduled slot is enqueued once, and every e-mail and SMS leaves exactly once
(counted in what the mail backend and the SMS gateway really received)."""

from __future__ import annotations

import uuid
from collections import Counter
from datetime import time as clock
from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from dialogue.core.models import AuditEntry
from dialogue.followup.models import SatisfactionRequest
from dialogue.followup.satisfaction import send_request
from dialogue.petitions import public
from dialogue.petitions.models import NotifyChannel, Petition
from dialogue.plans import services as plans
from dialogue.plans.announce import announce_due_task
from dialogue.plans.models import Conference, Plan, PlanStatus
from dialogue.portal.notify import RECEIPT_PREFIX
from dialogue.portal.tasks import portal_notify
from dialogue.reminders import tasks
from dialogue.reminders.models import DeliveryStatus, MessageStatus, OutboundMessage, Reminder, ScheduledRun
from tests import test_reminders_fixtures
from tests.test_portal_citizen import place
from tests.test_reminders_worker import _emails, _env, _finish, _pending_reminders, _sms, _worker

matters = test_reminders_fixtures.matters
place = place  # the portal's conference taking petitions online (a fixture)

pytestmark = pytest.mark.django_db(transaction=True)

CONTENT = "Đề nghị sửa chữa cầu tràn thôn Nà Đon bị sạt lở sau mưa lớn, học sinh đi lại nguy hiểm (số {n})."


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _citizens(place, count: int, *, channel: str, first: int = 0) -> list[Petition]:
    """`count` petitions sent on the portal, each asking for notices on `channel`: each
    queues its receipt for the worker."""
    sent = []
    for n in range(first, first + count):
        sent.append(
            public.petition_submit_public(
                public.Submission(
                    content=CONTENT.format(n=n),
                    name=f"Nguyễn Thị Lan {n}",
                    phone=f"09123{n:05d}",
                    email=f"lan{n}@example.vn",
                    consent=True,
                    conference=place.conference,
                    notify_by=channel,
                    submission_key=uuid.uuid4(),
                )
            )
        )
    return sent


def _failed_receipts(petitions: list[Petition]) -> None:
    """Their receipt was tried once and the gateway refused it: the record says failed
    and no task is left for it; the citizens' notice scan sends it again."""
    DBTaskResult.objects.filter(task_path="dialogue.portal.tasks.send_receipt").filter(
        args_kwargs__args__0__in=[p.pk for p in petitions]
    ).delete()
    for petition in petitions:
        OutboundMessage.objects.create(
            key=f"{RECEIPT_PREFIX}:{petition.pk}:sms",
            channel="sms",
            recipient_name="Người kiến nghị",
            address=petition.phone,
            subject="Kiến nghị của ông/bà đã được tiếp nhận",
            body="…",
            status=MessageStatus.FAILED,
            error="Cổng SMS không trả lời",
            attempts=1,
            unit=petition.receiving_unit,
            unit_path=petition.receiving_unit.path,
        )


def _due_for_announcement(place) -> Conference:
    """A conference of an issued plan, in three days, that nobody has announced: the
    law's last day has passed, so the worker announces it."""
    plan = Plan.objects.get(pk=place.plan.pk)
    Plan.objects.filter(pk=plan.pk).update(status=PlanStatus.ISSUED)
    conference = plans.conference_create(
        actor=place.cast.commune_officer,
        plan=plan,
        host_unit=place.tree.commune,
        title="Hội nghị đối thoại với Nhân dân xóm Nà Đon về đường giao thông nông thôn",
        venue="Nhà văn hóa xóm Nà Đon",
        date=timezone.localdate() + timedelta(days=3),
    )
    Conference.objects.filter(pk=conference.pk).update(start_time=clock(8, 0))
    return conference


def _satisfaction_requests(matters, count: int) -> list[SatisfactionRequest]:
    rows = []
    for n in range(count):
        petition = Petition.objects.create(
            receiving_unit=matters.tree.province,
            conference=matters.conference,
            channel="paper_citizen",
            name=f"Trần Văn Hải {n}",
            phone=f"09887{n:05d}",
            content="Đề nghị khắc phục điểm sạt lở đường vào khu sản xuất xóm Na Hoàng trước mùa mưa.",
            received_on=matters.conference.date,
            ack_due=matters.conference.date + timedelta(days=14),
        )
        rows.append(
            SatisfactionRequest.objects.create(
                petition=petition, directive=matters.directive_b, token_hash=uuid.uuid4().hex, round=1
            )
        )
    return rows


def _start_two(env) -> list:
    return [_worker(env, "--worker-id", f"w{n}") for n in (1, 2)]


def _every_message_left_once(tmp_path) -> tuple[Counter, Counter]:
    """What the mail backend and the gateway received, by message key, checked against
    the records: each key once, each record of an e-mail or SMS sent and received once."""
    emails = _emails(tmp_path)
    sms = Counter(reference for reference, _pid, _to in _sms(tmp_path))
    assert {k: n for k, n in emails.items() if n > 1} == {}
    assert {k: n for k, n in sms.items() if n > 1} == {}
    records = OutboundMessage.objects.exclude(channel="in_app")
    assert set(records.filter(channel="email", status=MessageStatus.SENT).values_list("key", flat=True)) == set(emails)
    assert set(records.filter(channel="sms", status=MessageStatus.SENT).values_list("key", flat=True)) == set(sms)
    assert not records.exclude(status=MessageStatus.SENT).exists()
    return emails, sms


# ---------------------------------------------------------------- the whole queue


def test_two_workers_at_once_run_every_task_once_and_send_every_message_once(matters, place, database_tasks, tmp_path):
    reminders = _pending_reminders(matters, 10)
    tasks.deliveries_send.enqueue()
    tasks.deliveries_send.enqueue()
    by_sms = _citizens(place, 8, channel=NotifyChannel.SMS)
    by_email = _citizens(place, 6, channel=NotifyChannel.EMAIL, first=100)
    _failed_receipts(by_sms[:4])
    # Something changed on four petitions since their citizens were told.
    Petition.objects.filter(pk__in=[p.pk for p in by_email[:4]]).update(notified_state="trạng thái cũ")
    # Two citizens' notice scans at once (one overran its quarter hour) beside the slot's own.
    portal_notify.enqueue()
    portal_notify.enqueue()
    asked = _satisfaction_requests(matters, 5)
    for request in asked:  # each queued twice: the resolution's and the half-hourly resend's
        send_request.enqueue(request.pk)
        send_request.enqueue(request.pk)
    conference = _due_for_announcement(place)
    announce_due_task.enqueue()
    announce_due_task.enqueue()
    queued = DBTaskResult.objects.count()

    env = _env(tmp_path, SMS_DELAY="0.05", REMINDERS_SEND_FROM_HOUR="0", REMINDERS_SEND_UNTIL_HOUR="24")
    for process in _start_two(env):
        _finish(process)

    # Every task ran once, by one worker, and both workers ran some.
    results = list(DBTaskResult.objects.values_list("status", "worker_ids", "task_path"))
    assert {status for status, _w, _p in results} == {"SUCCESSFUL"}
    assert all(len(workers) == 1 for _s, workers, _p in results)
    assert {workers[0] for _s, workers, _p in results} == {"w1", "w2"}
    # Each slot of the schedule was enqueued once (both workers looked at it) and finished.
    runs = list(ScheduledRun.objects.values_list("job", "slot", "finished_at"))
    assert len(runs) == len({(job, slot) for job, slot, _f in runs}) >= 3
    assert all(finished for _j, _s, finished in runs)
    assert len(results) == queued + len(runs)

    emails, sms = _every_message_left_once(tmp_path)
    for reminder in reminders:
        assert emails[f"reminder:{reminder.pk}:email"] == 1 and sms[f"reminder:{reminder.pk}:sms"] == 1
    assert set(Reminder.objects.filter(pk__in=[r.pk for r in reminders]).values_list("status", flat=True)) == {
        DeliveryStatus.SENT
    }
    for petition in by_sms:
        assert sms[f"{RECEIPT_PREFIX}:{petition.pk}:sms"] == 1
    for petition in by_email:
        assert emails[f"{RECEIPT_PREFIX}:{petition.pk}:email"] == 1
    changes = [k for k in emails if k.startswith("portal:")]
    assert sorted(int(k.split(":")[1]) for k in changes) == sorted(p.pk for p in by_email[:4])
    for request in asked:
        assert sms[f"satisfaction:{request.pk}:sms"] == 1
    assert SatisfactionRequest.objects.filter(sent_at__isnull=True).count() == 0
    assert AuditEntry.objects.filter(action="conference.announce", target_id=str(conference.pk)).count() == 1
    # Both processes really sent, at the same time.
    assert len({pid for _r, pid, _to in _sms(tmp_path)}) == 2


# ---------------------------------------------------------------- the race that sent twice


def test_two_overlapping_notice_scans_send_each_failed_receipt_once(place, database_tasks, tmp_path):
    """A scan of citizens' notices still sending when the next one starts (a slow gateway)
    used to send every failed receipt twice: each took the failed record and sent it."""
    petitions = _citizens(place, 6, channel=NotifyChannel.SMS)
    _failed_receipts(petitions)
    portal_notify.enqueue()
    portal_notify.enqueue()
    env = _env(tmp_path, SMS_DELAY="0.3")
    for process in [_worker(env, "--no-scheduler", "--worker-id", f"w{n}") for n in (1, 2)]:
        _finish(process)

    assert {w[0] for w in DBTaskResult.objects.values_list("worker_ids", flat=True)} == {"w1", "w2"}
    _, sms = _every_message_left_once(tmp_path)
    assert sorted(sms) == sorted(f"{RECEIPT_PREFIX}:{p.pk}:sms" for p in petitions)
    assert set(OutboundMessage.objects.filter(key__startswith=RECEIPT_PREFIX).values_list("status", "attempts")) == {
        (MessageStatus.SENT, 2)
    }
