"""Telling a citizen about their own petition: the receipt with the tracking code, then one
message per change of what the tracking page shows, by SMS or e-mail — sent once even
with two workers, tried again after a failure, masked, never with the telephone number."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from dialogue.petitions import public
from dialogue.petitions import services as petitions
from dialogue.petitions.models import AckKind, Petition
from dialogue.portal import notify
from dialogue.portal.tasks import portal_notify
from dialogue.reminders.models import MessageStatus, OutboundMessage, ScheduledRun
from dialogue.reminders.sms import LocmemBackend
from tests import test_portal_citizen as pc

place = pc.place
pytestmark = pytest.mark.django_db

LINK = "https://doithoai.example.vn/tra-cuu/"


def sms_outbox():
    return LocmemBackend.outbox


def petition_by(client, place, **extra) -> tuple[Petition, str]:
    return pc.submitted(client, place, **extra)


class FailingBackend:
    def __init__(self, **options):
        pass

    def send_messages(self, messages):
        raise RuntimeError("gateway down")


# ---------------------------------------------------------------- the receipt


def test_the_receipt_goes_by_sms_with_the_code_and_the_link_never_the_phone(place, client):
    petition, code = petition_by(client, place, notify_by="sms")
    [sms] = sms_outbox()
    assert sms.to == "0912345678"
    assert code in sms.body and LINK in sms.body and "Đảng ủy xã Cao Minh đã nhận kiến nghị" in sms.body
    assert "0912" not in sms.body and "Nguyễn Thị Lan" not in sms.body
    record = OutboundMessage.objects.get(key=f"portal-receipt:{petition.pk}:sms")
    assert record.status == MessageStatus.SENT and record.recipient is None
    assert code not in record.body and "[mã tra cứu]" in record.body
    assert record.unit == place.dang_uy


def test_the_receipt_goes_by_email_in_html_and_text(place, client):
    _petition, code = petition_by(client, place, notify_by="email", email="lan@example.vn")
    [message] = mail.outbox
    assert message.to == ["lan@example.vn"]
    assert code in message.subject and "Đã nhận kiến nghị của bạn" in message.subject
    assert "Kính gửi ông/bà Nguyễn Thị Lan," in message.body and code in message.body and LINK in message.body
    html, kind = message.alternatives[0]
    assert kind == "text/html" and code in html and LINK in html
    assert "0912" not in message.body + html
    assert not sms_outbox()


def test_no_channel_means_no_message(place, client):
    petition_by(client, place)
    assert not sms_outbox() and not mail.outbox and not OutboundMessage.objects.exists()
    assert notify.notify_changes()["sent"] == 0


def test_a_double_submit_sends_one_receipt(place, client):
    url = pc.form_url(place)
    data = {**pc.fresh_form(client, url), **pc.fields(notify_by="sms")}
    client.post(url, data)
    client.post(url, data)
    assert len(sms_outbox()) == 1


# ---------------------------------------------------------------- changes


def test_each_change_is_sent_once_by_sms(place, client):
    petition, code = petition_by(client, place, notify_by="sms")
    sms_outbox().clear()
    assert notify.notify_changes()["sent"] == 0  # nothing changed since the receipt
    petitions.petition_acknowledge(actor=place.cast.commune_officer, petition=petition, kind=AckKind.ACCEPTED)
    assert notify.notify_changes()["sent"] == 1
    assert notify.notify_changes()["sent"] == 0
    [sms] = sms_outbox()
    assert code in sms.body and "Đã tiếp nhận để trả lời" in sms.body and LINK in sms.body
    assert "0912" not in sms.body
    group = petitions.group_create(actor=place.cast.commune_officer, petitions=[Petition.objects.get(pk=petition.pk)])
    petitions.group_assign(
        actor=place.cast.commune_officer, group=group, lead_unit=place.tree.agency_a, due_date=pc.future_working_day()
    )
    notify.notify_changes()
    notify.notify_changes()
    assert len(sms_outbox()) == 2
    assert "Cơ quan trả lời: Sở Nông nghiệp và Môi trường" in sms_outbox()[-1].body
    assert OutboundMessage.objects.filter(key__startswith=f"portal:{petition.pk}:").count() == 2


def test_an_email_tells_the_masked_answer_and_nothing_of_anyone_else(place, client):
    petition, code = petition_by(client, place, notify_by="email", email="lan@example.vn")
    mail.outbox.clear()
    neighbour = pc.submitted(Client(), place, name="Trần Văn Hùng", phone="0987654321")[0]
    officer = place.cast.commune_officer
    petitions.petition_acknowledge(actor=officer, petition=petition, kind=AckKind.ACCEPTED)
    group = petitions.group_create(actor=officer, petitions=[petition, neighbour])
    group = petitions.group_assign(actor=officer, group=group, lead_unit=place.tree.agency_a,
                                   due_date=pc.future_working_day())  # fmt: skip
    petitions.answer_submit(
        actor=place.cast.agency_a,
        group=group,
        text="Sở đã làm việc với ông Trần Văn Hùng (0987654321) tại số 5 đường Lê Lợi: cầu tràn sửa xong tháng 12.",
    )
    petitions.answer_review(actor=place.board, group=group, approve=True)
    assert notify.notify_changes()["sent"] == 1
    [message] = mail.outbox
    assert code in message.subject and "Đã giải quyết" in message.subject
    text, html = message.body, message.alternatives[0][0]
    for body in (text, html):
        assert "cầu tràn sửa xong tháng 12" in body
        assert "Trần Văn Hùng" not in body and "0987654321" not in body and "0912345678" not in body
    assert "Kính gửi ông/bà Nguyễn Thị Lan," in text
    record = OutboundMessage.objects.get(key__startswith=f"portal:{petition.pk}:")
    assert code not in record.body and record.address == "lan@example.vn"


def test_two_workers_send_a_change_once(place, client):
    petition, _code = petition_by(client, place, notify_by="sms")
    sms_outbox().clear()
    petitions.petition_acknowledge(actor=place.cast.commune_officer, petition=petition, kind=AckKind.ACCEPTED)
    first = Petition.objects.select_related("receiving_unit", "group").get(pk=petition.pk)
    second = Petition.objects.select_related("receiving_unit", "group").get(pk=petition.pk)
    assert notify.petition_notify(first) == "sent"
    assert notify.petition_notify(second) == "taken"  # its copy of notified_state is stale
    assert len(sms_outbox()) == 1


def test_a_failed_send_is_recorded_and_sent_again_by_the_next_scan(place, client, settings):
    petition, _code = petition_by(client, place, notify_by="sms")
    sms_outbox().clear()
    petitions.petition_acknowledge(actor=place.cast.commune_officer, petition=petition, kind=AckKind.ACCEPTED)
    settings.SMS_BACKEND = "tests.test_portal_notify.FailingBackend"
    assert notify.notify_changes()["failed"] == 1
    record = OutboundMessage.objects.get(key__startswith=f"portal:{petition.pk}:")
    assert record.status == MessageStatus.FAILED and "gateway down" in record.error
    settings.SMS_BACKEND = "dialogue.reminders.sms.LocmemBackend"
    assert notify.notify_changes()["sent"] == 1
    record.refresh_from_db()
    assert record.status == MessageStatus.SENT and record.attempts == 2
    assert len(sms_outbox()) == 1
    assert OutboundMessage.objects.filter(key__startswith=f"portal:{petition.pk}:").count() == 1


def test_a_failed_receipt_is_sent_again_by_the_scan(place, client, settings):
    settings.SMS_BACKEND = "tests.test_portal_notify.FailingBackend"
    petition, code = petition_by(client, place, notify_by="sms")
    record = OutboundMessage.objects.get(key=f"portal-receipt:{petition.pk}:sms")
    assert record.status == MessageStatus.FAILED
    settings.SMS_BACKEND = "dialogue.reminders.sms.LocmemBackend"
    assert notify.notify_changes()["receipts"] == 1
    [sms] = sms_outbox()
    assert code in sms.body


def test_a_message_left_by_a_worker_that_died_is_sent_again(place, client):
    petition, _code = petition_by(client, place, notify_by="sms")
    sms_outbox().clear()
    petitions.petition_acknowledge(actor=place.cast.commune_officer, petition=petition, kind=AckKind.ACCEPTED)
    # A worker claimed the change and recorded the message, then died before sending it.
    state = public.public_state(Petition.objects.get(pk=petition.pk))
    digest = state.digest()
    Petition.objects.filter(pk=petition.pk).update(notified_state=digest)
    stuck = OutboundMessage.objects.create(
        key=f"portal:{petition.pk}:{digest[:24]}:sms",
        channel="sms",
        recipient_name="Người kiến nghị",
        address="0912345678",
        subject="x",
        body="x",
    )
    OutboundMessage.objects.filter(pk=stuck.pk).update(created_at=timezone.now() - timedelta(minutes=11))
    counts = notify.notify_changes()
    assert counts["recovered"] == 1 and counts["sent"] == 1
    stuck.refresh_from_db()
    assert stuck.status == MessageStatus.SENT
    assert len(sms_outbox()) == 1


def test_a_landline_or_a_missing_address_gets_no_message(place, client):
    petition, _code = petition_by(client, place, notify_by="sms")
    Petition.objects.filter(pk=petition.pk).update(phone="02083855123")
    petitions.petition_acknowledge(actor=place.cast.commune_officer, petition=petition, kind=AckKind.ACCEPTED)
    sms_outbox().clear()
    assert notify.petition_notify(Petition.objects.get(pk=petition.pk)) == "no channel"
    assert not sms_outbox()


def test_the_scheduled_task_scans_and_marks_its_run_finished(place, client):
    petition, _code = petition_by(client, place, notify_by="sms")
    petitions.petition_acknowledge(actor=place.cast.commune_officer, petition=petition, kind=AckKind.ACCEPTED)
    run = ScheduledRun.objects.create(job="portal.notify", slot="2026-11-24T07:15", enqueued_at=timezone.now())
    result = portal_notify.enqueue(run_id=run.pk)
    assert result.return_value["sent"] == 1
    run.refresh_from_db()
    assert run.finished_at is not None


def test_the_scheduler_slot_is_the_quarter_of_an_hour():
    assert notify.quarter_hour_slot(datetime(2026, 11, 24, 7, 29)) == "2026-11-24T07:15"
    assert notify.quarter_hour_slot(datetime(2026, 11, 24, 7, 30)) == "2026-11-24T07:30"
    assert notify.quarter_hour_slot(datetime(2026, 11, 24, 0, 0)) == "2026-11-24T00:00"


def test_the_scheduler_job_enqueues_the_scan_once_per_quarter_hour(place, client):
    """The Job line proposed for dialogue/reminders/scheduler.py, run through its machinery."""
    from dialogue.reminders import scheduler

    petition, _code = petition_by(client, place, notify_by="sms")
    petitions.petition_acknowledge(actor=place.cast.commune_officer, petition=petition, kind=AckKind.ACCEPTED)
    job = scheduler.Job("portal.notify", lambda: portal_notify, notify.quarter_hour_slot, lambda slot: {})
    now = timezone.now()
    slot = notify.quarter_hour_slot(timezone.localtime(now))
    assert scheduler._enqueue_once(job, slot, now) is True
    assert scheduler._enqueue_once(job, slot, now) is False
    run = ScheduledRun.objects.get(job="portal.notify", slot=slot)
    assert run.finished_at is not None
    assert OutboundMessage.objects.filter(key__startswith=f"portal:{petition.pk}:", status="sent").count() == 1


def test_a_directive_about_the_matter_and_its_progress_are_each_told_once(place, client):
    from dialogue.followup import services as followup

    petition, code = petition_by(client, place, notify_by="email", email="lan@example.vn")
    group = pc.answer(place, petition, "Sở sẽ sửa cầu tràn.", followup_until=timezone.localdate() + timedelta(days=60))
    notify.notify_changes()
    mail.outbox.clear()
    directive = pc.directive_about(place, group, "Sửa cầu tràn thôn Nà Đon theo kiến nghị của bà Nguyễn Thị Lan")
    assert notify.notify_changes()["sent"] == 1
    followup.progress_post(actor=place.cast.agency_a, item=directive, text="Đã khảo sát hiện trường.")
    assert notify.notify_changes()["sent"] == 1
    assert notify.notify_changes()["sent"] == 0
    issued, started = mail.outbox
    assert code in issued.body and "Sửa cầu tràn thôn Nà Đon theo kiến nghị của bà N.T.L." in issued.body
    assert "Sở Nông nghiệp và Môi trường — Đã giao" in issued.body
    assert "Sở Nông nghiệp và Môi trường — Đang thực hiện" in started.body
    # The citizen is greeted by name; the directive's text about them is masked.
    assert "kiến nghị của bà Nguyễn Thị Lan" not in issued.body + started.body
