"""Reminders: made on the right working days, never repeated, cancelled when the matter
moved on, sent on every channel once, and taken again when a worker died."""

from datetime import date, timedelta

import pytest
from django.core import mail

from dialogue.conclusions.models import DirectiveStatus
from dialogue.core.models import Notification
from dialogue.lib.workdays import WorkingCalendar
from dialogue.petitions.models import FollowUpStatus, GroupStatus
from dialogue.reminders import channels, services, stages
from dialogue.reminders.models import (
    CancelReason,
    DeliveryStatus,
    MessageChannel,
    MessageStatus,
    OutboundMessage,
    Reminder,
    ReminderKind,
    TargetKind,
)
from dialogue.reminders.sms import LocmemBackend
from tests import test_reminders_fixtures
from tests.test_reminders_fixtures import at

matters = test_reminders_fixtures.matters
unit_without_people = test_reminders_fixtures.unit_without_people

pytestmark = pytest.mark.django_db

CONFIG = {"before": 3, "overdue": [1, 5, 10]}
# Due Monday 04/05/2026, after Giỗ Tổ (observed Monday 27/04), 30/04 and 01/05.
DUE = date(2026, 5, 4)


@pytest.fixture(autouse=True)
def outboxes(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SMS_BACKEND = "dialogue.reminders.sms.LocmemBackend"
    settings.SITE_URL = "https://doithoai.example.vn"
    LocmemBackend.outbox = []
    yield
    LocmemBackend.outbox = []


def only(matters, directive_due=DUE):
    """Leave directive B as the one matter with a due date (the others far in the future)."""
    far = date(2030, 1, 7)
    m = matters
    type(m.directive_a).objects.filter(pk=m.directive_a.pk).update(due_date=far)
    type(m.directive_b).objects.filter(pk=m.directive_b.pk).update(due_date=directive_due)
    type(m.answer).objects.filter(pk=m.answer.pk).update(due_date=far)
    type(m.resolution).objects.filter(pk=m.resolution.pk).update(resolve_due=far)
    type(m.escalation).objects.filter(pk=m.escalation.pk).update(due_date=far)
    m.directive_b.refresh_from_db()
    return m.directive_b


def rows(directive):
    return list(Reminder.objects.filter(directive=directive).order_by("id"))


# ---------------------------------------------------------------- the days


def test_the_stages_skip_weekends_and_public_holidays():
    calendar = WorkingCalendar.from_exceptions()
    found = [(s.kind, s.step, s.send_on) for s in stages.stages(DUE, calendar, **CONFIG)]
    assert found == [
        (ReminderKind.BEFORE, 3, date(2026, 4, 24)),  # Fri: Mon 27/04, Thu 30/04 and Fri 01/05 are off
        (ReminderKind.DUE, 0, date(2026, 5, 4)),
        (ReminderKind.OVERDUE, 1, date(2026, 5, 5)),
        (ReminderKind.OVERDUE, 5, date(2026, 5, 11)),
        (ReminderKind.OVERDUE, 10, date(2026, 5, 18)),
    ]


def test_a_due_date_on_a_day_off_is_reminded_on_the_last_working_day_before_it():
    calendar = WorkingCalendar.from_exceptions()
    # National Day, Wednesday 02/09/2026: Tuesday 01/09 is off too, and Monday 31/08 is
    # swapped with Saturday 22/08; the last working day before it is Friday 28/08.
    national_day = date(2026, 9, 2)
    found = {(s.kind, s.step): s.send_on for s in stages.stages(national_day, calendar, **CONFIG)}
    assert found[(ReminderKind.DUE, 0)] == date(2026, 8, 28)
    assert found[(ReminderKind.OVERDUE, 1)] == date(2026, 9, 3)


def test_only_the_latest_stage_reached_is_made_so_missed_ones_are_not_sent_in_a_burst():
    calendar = WorkingCalendar.from_exceptions()
    assert stages.current_stage(DUE, date(2026, 4, 23), calendar, **CONFIG) is None
    assert stages.current_stage(DUE, date(2026, 4, 28), calendar, **CONFIG).kind == ReminderKind.BEFORE
    late = stages.current_stage(DUE, date(2026, 5, 12), calendar, **CONFIG)
    assert (late.kind, late.step) == (ReminderKind.OVERDUE, 5)


def test_a_directive_is_reminded_three_working_days_before_it_is_due_and_not_earlier(matters):
    directive = only(matters)
    assert services.reminders_create(now=at(date(2026, 4, 23))) == 0
    services.reminders_create(now=at(date(2026, 4, 24)))
    [reminder] = rows(directive)
    assert (reminder.kind, reminder.step, reminder.recipient) == (ReminderKind.BEFORE, 3, matters.cast.agency_b)
    assert reminder.due_date == DUE and reminder.send_on == date(2026, 4, 24)


def test_the_due_date_and_each_overdue_mark_are_reminded_once_each(matters):
    directive = only(matters)
    for day in [date(2026, 5, 4), date(2026, 5, 4), date(2026, 5, 5), date(2026, 5, 6), date(2026, 5, 8)]:
        services.reminders_create(now=at(day))
    assert [(r.kind, r.step) for r in rows(directive)] == [(ReminderKind.DUE, 0), (ReminderKind.OVERDUE, 1)]
    services.reminders_create(now=at(date(2026, 5, 11), 15))
    services.reminders_create(now=at(date(2026, 5, 18)))
    services.reminders_create(now=at(date(2026, 6, 30)))
    assert [(r.kind, r.step) for r in rows(directive)] == [
        (ReminderKind.DUE, 0),
        (ReminderKind.OVERDUE, 1),
        (ReminderKind.OVERDUE, 5),
        (ReminderKind.OVERDUE, 10),
    ]


def test_nothing_is_made_on_a_day_off_or_outside_office_hours(matters):
    directive = only(matters)
    services.reminders_create(now=at(date(2026, 5, 2)))  # Saturday
    services.reminders_create(now=at(date(2026, 5, 1)))  # Labour Day
    services.reminders_create(now=at(date(2026, 5, 4), 6, 30))
    services.reminders_create(now=at(date(2026, 5, 4), 21))
    assert rows(directive) == []
    services.reminders_create(now=at(date(2026, 5, 4), 7))
    assert len(rows(directive)) == 1


def test_every_kind_of_matter_goes_to_the_people_acting_for_its_unit(matters):
    day = date(2026, 11, 18)  # a Wednesday; the matters due as in the fixture, seen from that day
    m = matters
    shift = {
        m.directive_a: ("due_date", -6),
        m.directive_b: ("due_date", 3),
        m.answer: ("due_date", -2),
        m.resolution: ("resolve_due", -1),
        m.escalation: ("due_date", -4),
    }
    for obj, (field, offset) in shift.items():
        type(obj).objects.filter(pk=obj.pk).update(**{field: test_reminders_fixtures.working_days_from(day, offset)})
    services.reminders_create(now=at(day, 10))
    made = {(r.target_kind, r.recipient.username, r.kind, r.step) for r in Reminder.objects.all()}
    assert made == {
        (TargetKind.DIRECTIVE, "an", ReminderKind.OVERDUE, 5),  # late by 6
        (TargetKind.DIRECTIVE, "binh", ReminderKind.BEFORE, 3),  # due in 3
        (TargetKind.ANSWER, "an", ReminderKind.OVERDUE, 1),  # late by 2
        (TargetKind.RESOLUTION, "binh", ReminderKind.OVERDUE, 1),  # late by 1
        # UBND tỉnh has no account: the synthesis board of the province answers for it.
        (TargetKind.ESCALATION, "minh", ReminderKind.OVERDUE, 1),  # late by 4
    }


def test_a_directive_waiting_for_review_or_a_group_with_directives_is_not_reminded(matters):
    m = only(matters)
    type(m).objects.filter(pk=m.pk).update(status=DirectiveStatus.REPORTED)
    services.reminders_create(now=at(date(2026, 5, 5)))
    assert rows(m) == []


def test_a_live_answer_needs_no_written_answer_reminder(matters):
    only(matters)
    type(matters.answer).objects.filter(pk=matters.answer.pk).update(due_date=DUE, answer_mode="live")
    services.reminders_create(now=at(date(2026, 5, 5)))
    assert not Reminder.objects.filter(group=matters.answer).exists()


# ---------------------------------------------------------------- sending


def test_a_reminder_goes_by_e_mail_sms_and_in_the_application_once(matters):
    person = matters.cast.agency_b
    person.phone = "0912 345 678"
    person.save()
    directive = only(matters)
    services.reminders_scan(now=at(date(2026, 5, 11)), worker="w1")
    [reminder] = rows(directive)
    assert reminder.status == DeliveryStatus.SENT and reminder.claimed_by == "w1"
    [email] = mail.outbox
    assert email.to == ["binh@example.vn"]
    assert email.subject == (
        "Quá hạn 5 ngày làm việc: thực hiện nhiệm vụ theo thông báo kết luận — "
        "Khắc phục điểm sạt lở đường vào khu sản xuất xóm Na Hoàng trước mùa…"
    )
    assert "Kính gửi đồng chí Phạm Thị Bình," in email.body
    assert "Khắc phục điểm sạt lở đường vào khu sản xuất xóm Na Hoàng" in email.body
    issued = matters.conclusion.issued_on
    assert f"Thông báo kết luận Số 12-TB/TU ngày {issued:%d/%m/%Y} của Tỉnh ủy Thái Nguyên" in email.body
    assert "Thời hạn: ngày 04/05/2026 — đã quá hạn 5 ngày làm việc." in email.body
    assert f"https://doithoai.example.vn/conclusions/directives/{directive.pk}/" in email.body
    assert email.alternatives and "Na Hoàng" in email.alternatives[0][0]
    assert email.extra_headers[channels.KEY_HEADER] == f"reminder:{reminder.pk}:email"
    [sms] = LocmemBackend.outbox
    assert sms.to == "0912345678" and sms.reference == f"reminder:{reminder.pk}:sms"
    assert sms.body == (
        "doithoai: Quá hạn 5 ngày làm việc (hạn 04/05/2026): Khắc phục điểm sạt lở đường vào khu sản xuất xóm Na Hoàng"
        f"… (Sở Xây dựng). https://doithoai.example.vn/conclusions/directives/{directive.pk}/"
    )
    [note] = Notification.objects.filter(recipient=person)
    assert note.message.startswith("Quá hạn 5 ngày làm việc") and note.url.endswith(f"/directives/{directive.pk}/")
    records = {m.channel: m for m in OutboundMessage.objects.filter(reminder=reminder)}
    assert set(records) == {MessageChannel.EMAIL, MessageChannel.SMS, MessageChannel.IN_APP}
    assert all(m.status == MessageStatus.SENT for m in records.values())
    assert records[MessageChannel.EMAIL].unit == matters.tree.agency_b

    services.reminders_scan(now=at(date(2026, 5, 11), 14), worker="w2")
    assert len(mail.outbox) == 1 and len(LocmemBackend.outbox) == 1
    assert Notification.objects.filter(recipient=person).count() == 1


def test_a_person_without_e_mail_or_mobile_is_told_in_the_application_and_the_record_says_so(matters):
    person = matters.cast.agency_b
    person.email = ""
    person.phone = "0208 3855 123"  # a landline: no SMS
    person.save()
    only(matters)
    services.reminders_scan(now=at(date(2026, 5, 4)))
    assert mail.outbox == [] and LocmemBackend.outbox == []
    [record] = OutboundMessage.objects.all()
    assert record.channel == MessageChannel.IN_APP and record.status == MessageStatus.SENT
    assert record.note == "Không có địa chỉ thư điện tử hoặc số điện thoại di động: chỉ thông báo trên hệ thống."
    assert Notification.objects.filter(recipient=person).count() == 1


def test_a_unit_without_accounts_is_reminded_through_the_people_of_its_parent(matters, unit_without_people):
    directive = only(matters)
    type(directive).objects.filter(pk=directive.pk).update(lead_unit=unit_without_people)
    services.reminders_scan(now=at(date(2026, 5, 4)))
    [reminder] = rows(directive)
    assert reminder.recipient == matters.cast.agency_a and reminder.holder_unit == matters.tree.agency_a
    [email] = mail.outbox
    assert "Chi cục Thủy lợi chưa có tài khoản trên hệ thống" in email.body
    assert Notification.objects.get(recipient=matters.cast.agency_a).message.startswith("Cho Chi cục Thủy lợi")


def test_a_reminder_for_a_due_date_that_has_since_moved_is_cancelled_and_the_new_date_reminded(matters):
    directive = only(matters)
    services.reminders_create(now=at(date(2026, 5, 4)))
    type(directive).objects.filter(pk=directive.pk).update(due_date=date(2026, 5, 20))
    services.reminders_scan(now=at(date(2026, 5, 5)))
    [old] = rows(directive)
    assert (old.status, old.cancel_reason) == (DeliveryStatus.CANCELLED, CancelReason.DATE_MOVED)
    assert mail.outbox == []
    services.reminders_scan(now=at(date(2026, 5, 15)))
    new = rows(directive)[-1]
    assert (new.due_date, new.kind, new.status) == (date(2026, 5, 20), ReminderKind.BEFORE, DeliveryStatus.SENT)
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    "change",
    [
        lambda m: type(m.directive_b).objects.filter(pk=m.directive_b.pk).update(status=DirectiveStatus.RESOLVED),
        lambda m: type(m.answer).objects.filter(pk=m.answer.pk).update(status=GroupStatus.APPROVED),
        lambda m: type(m.resolution).objects.filter(pk=m.resolution.pk).update(followup_status=FollowUpStatus.CLOSED),
        lambda m: type(m.escalation).objects.filter(pk=m.escalation.pk).update(status="answered"),
    ],
    ids=["directive resolved", "answer approved", "group closed", "recommendation answered"],
)
def test_a_matter_done_before_its_reminder_left_is_not_reminded(matters, change):
    m = matters
    day = date(2026, 5, 5)
    Model = type(m.directive_b)
    Model.objects.filter(pk=m.directive_b.pk).update(due_date=DUE)
    type(m.answer).objects.filter(pk=m.answer.pk).update(due_date=DUE)
    type(m.resolution).objects.filter(pk=m.resolution.pk).update(resolve_due=DUE)
    type(m.escalation).objects.filter(pk=m.escalation.pk).update(due_date=DUE)
    Model.objects.filter(pk=m.directive_a.pk).update(due_date=date(2030, 1, 7))
    services.reminders_create(now=at(day))
    assert Reminder.objects.count() == 4
    change(m)
    services.deliveries_send(now=at(day))
    cancelled = Reminder.objects.filter(status=DeliveryStatus.CANCELLED)
    assert [r.cancel_reason for r in cancelled] == [CancelReason.CLOSED]
    assert Reminder.objects.filter(status=DeliveryStatus.SENT).count() == 3


def test_a_reminder_overtaken_by_a_later_stage_is_not_sent(matters):
    directive = only(matters)
    services.reminders_create(now=at(date(2026, 4, 24)))
    services.deliveries_send(now=at(date(2026, 5, 4)))
    [reminder] = rows(directive)
    assert (reminder.status, reminder.cancel_reason) == (DeliveryStatus.CANCELLED, CancelReason.SUPERSEDED)


def test_a_row_left_sending_by_a_killed_worker_is_taken_again_after_the_timeout(matters, settings):
    settings.REMINDERS_CLAIM_TIMEOUT_SECONDS = 600
    directive = only(matters)
    now = at(date(2026, 5, 4), 10)
    services.reminders_create(now=now)
    [reminder] = rows(directive)
    # A worker claimed it and was killed before sending anything.
    Reminder.objects.filter(pk=reminder.pk).update(
        status=DeliveryStatus.SENDING, claimed_by="dead:1", claimed_at=now - timedelta(minutes=5)
    )
    assert services.deliveries_send(now=now, worker="w2") == {}
    assert mail.outbox == []
    later = now + timedelta(minutes=6)
    assert services.deliveries_send(now=later, worker="w2") == {"sent": 1}
    reminder.refresh_from_db()
    assert (reminder.status, reminder.claimed_by) == (DeliveryStatus.SENT, "w2")
    assert len(mail.outbox) == 1


def test_a_worker_killed_after_the_e_mail_left_does_not_send_it_again(matters):
    directive = only(matters)
    now = at(date(2026, 5, 4), 10)
    services.reminders_scan(now=now, worker="w1")
    [reminder] = rows(directive)
    # As if the worker died right after the e-mail: the row is still "sending".
    Reminder.objects.filter(pk=reminder.pk).update(
        status=DeliveryStatus.SENDING, claimed_by="w1", claimed_at=now - timedelta(hours=1)
    )
    services.deliveries_send(now=now, worker="w2")
    reminder.refresh_from_db()
    assert reminder.status == DeliveryStatus.SENT and reminder.claimed_by == "w2"
    assert len(mail.outbox) == 1
    assert Notification.objects.filter(recipient=matters.cast.agency_b).count() == 1


def test_an_e_mail_that_fails_is_tried_again_later_and_given_up_after_the_last_try(matters, settings, monkeypatch):
    settings.REMINDERS_MAX_ATTEMPTS = 2
    directive = only(matters)
    now = at(date(2026, 5, 4), 10)

    def refuse(message, address):
        raise OSError("Connection refused")

    monkeypatch.setattr(channels, "_send_email", refuse)
    services.reminders_scan(now=now)
    [reminder] = rows(directive)
    assert reminder.status == DeliveryStatus.PENDING and reminder.not_before == now + timedelta(minutes=5)
    email = OutboundMessage.objects.get(channel=MessageChannel.EMAIL)
    assert (email.status, email.error) == (MessageStatus.FAILED, "Connection refused")
    assert services.deliveries_send(now=now + timedelta(minutes=1)) == {}  # not before its time
    services.deliveries_send(now=now + timedelta(minutes=6))
    reminder.refresh_from_db()
    assert reminder.status == DeliveryStatus.FAILED and "Connection refused" in reminder.last_error
    # The in-app message was given once, whatever the e-mail did.
    assert Notification.objects.filter(recipient=matters.cast.agency_b).count() == 1


def test_an_e_mail_that_failed_once_goes_on_the_next_try(matters, monkeypatch):
    directive = only(matters)
    now = at(date(2026, 5, 4), 10)
    real = channels._send_email
    monkeypatch.setattr(channels, "_send_email", lambda message, address: (_ for _ in ()).throw(OSError("timed out")))
    services.reminders_scan(now=now)
    monkeypatch.setattr(channels, "_send_email", real)
    services.deliveries_send(now=now + timedelta(minutes=6))
    [reminder] = rows(directive)
    assert reminder.status == DeliveryStatus.SENT and reminder.attempts == 2
    email = OutboundMessage.objects.get(channel=MessageChannel.EMAIL)
    assert (email.status, email.attempts, email.error) == (MessageStatus.SENT, 2, "")
    assert len(mail.outbox) == 1


def test_claiming_is_one_conditional_update(matters):
    directive = only(matters)
    now = at(date(2026, 5, 4), 10)
    services.reminders_create(now=now)
    [reminder] = rows(directive)
    assert services._claim(Reminder, reminder.pk, "w1", now) is True
    assert services._claim(Reminder, reminder.pk, "w2", now) is False
    assert services.reminder_send(reminder_id=reminder.pk, worker="w2", now=now) == "taken"
    assert mail.outbox == []


def test_the_worker_id_names_the_host_process_and_thread():
    assert services.worker_id().count(":") == 2 and len(services.worker_id()) <= 64
