"""The synthesis board's daily digest of what is late in its units."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from dialogue.conclusions.models import DirectiveStatus
from dialogue.core.models import Notification
from dialogue.organisation.factories import make_person
from dialogue.organisation.roles import Role
from dialogue.reminders import services
from dialogue.reminders.models import CancelReason, DeliveryStatus, Digest, MessageChannel, OutboundMessage
from tests import test_reminders_fixtures
from tests.test_reminders_fixtures import at

matters = test_reminders_fixtures.matters

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def outbox(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SITE_URL = "https://doithoai.example.vn"


def _today_at(hour=7, minute=5):
    return at(timezone.localdate(), hour, minute)


def test_the_synthesis_board_gets_one_digest_of_what_is_late_in_its_units(matters):
    m = matters
    services.digest_daily(day=m.today, now=_today_at())
    [digest] = Digest.objects.all()
    assert digest.recipient == m.cast.province_officer and digest.status == DeliveryStatus.SENT
    assert digest.unit == m.tree.province
    late = [(i["kind"], i["pk"], i["late_by"]) for i in digest.items]
    assert late == [
        ("directive", m.directive_a.pk, 6),
        ("escalation", m.escalation.pk, 4),
        ("answer", m.answer.pk, 2),
        ("resolution", m.resolution.pk, 1),
    ]
    [email] = mail.outbox
    assert email.to == ["minh@example.vn"]
    assert email.subject == f"Tổng hợp ngày {m.today:%d/%m/%Y}: 4 nội dung quá hạn trong phạm vi theo dõi"
    body = email.body
    assert "Kính gửi đồng chí Trần Thị Minh," in body
    assert "NHIỆM VỤ THEO THÔNG BÁO KẾT LUẬN (1)" in body
    assert "Rà soát, cấp giấy chứng nhận quyền sử dụng đất" in body
    assert "Sở Nông nghiệp và Môi trường — hạn " in body and "quá hạn 6 ngày làm việc" in body
    assert "Ý KIẾN, KIẾN NGHỊ CHƯA ĐƯỢC TRẢ LỜI BẰNG VĂN BẢN (1)" in body
    assert "KIẾN NGHỊ VỚI CẤP TRÊN CHƯA ĐƯỢC TRẢ LỜI (1)" in body
    assert "Khắc phục điểm sạt lở" not in body  # directive B is not late
    assert "https://doithoai.example.vn/reminders/chase/" in body
    [note] = Notification.objects.filter(recipient=m.cast.province_officer)
    assert note.url == "/reminders/chase/" and note.message.startswith("Tổng hợp ngày")
    # No SMS for a digest, and no digest for the agencies or the outsider.
    assert not OutboundMessage.objects.filter(channel=MessageChannel.SMS).exists()


def test_the_digest_is_made_and_sent_once_a_day_however_often_the_job_runs(matters):
    services.digest_daily(day=matters.today, now=_today_at())
    services.digest_daily(day=matters.today, now=_today_at(9))
    services.digests_create(day=matters.today)
    assert Digest.objects.count() == 1 and len(mail.outbox) == 1


def test_no_digest_when_nothing_is_late(matters):
    m = matters
    type(m.directive_a).objects.filter(pk=m.directive_a.pk).update(status=DirectiveStatus.RESOLVED)
    type(m.answer).objects.filter(pk=m.answer.pk).update(due_date=m.today + timedelta(days=30))
    type(m.resolution).objects.filter(pk=m.resolution.pk).update(resolve_due=None)
    type(m.escalation).objects.filter(pk=m.escalation.pk).update(status="answered")
    services.digest_daily(day=m.today, now=_today_at())
    assert not Digest.objects.exists() and mail.outbox == []


def test_a_board_sees_only_its_own_province_and_a_national_administrator_gets_no_digest(matters):
    m = matters
    other = make_person("hai", "Đinh Văn Hải", roles=[(Role.SYNTHESIS, m.tree.other_commune)])
    services.digest_daily(day=m.today, now=_today_at())
    recipients = set(Digest.objects.values_list("recipient__username", flat=True))
    assert recipients == {"minh"}
    assert other.pk not in set(Digest.objects.values_list("recipient_id", flat=True))


def test_a_reported_directive_waiting_for_review_still_shows_late_in_the_digest(matters):
    m = matters
    type(m.directive_a).objects.filter(pk=m.directive_a.pk).update(status=DirectiveStatus.REPORTED)
    services.digest_daily(day=m.today, now=_today_at())
    [item] = [i for i in Digest.objects.get().items if i["kind"] == "directive"]
    assert item["status"] == "Đã báo cáo kết quả, chờ xem xét"


def test_a_digest_left_from_an_earlier_day_is_not_sent(matters):
    yesterday = matters.today - timedelta(days=1)
    services.digests_create(day=yesterday)
    services.deliveries_send(now=_today_at())
    digest = Digest.objects.get()
    assert (digest.status, digest.cancel_reason) == (DeliveryStatus.CANCELLED, CancelReason.SUPERSEDED)
    assert mail.outbox == []


def test_the_daily_job_given_a_day_makes_that_days_digest(matters):
    day = date(2026, 11, 25)
    services.digests_create(day=day)
    assert Digest.objects.get().day == day
