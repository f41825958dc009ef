"""Citizen satisfaction: petitioners of a resolved matter are asked once per resolution
through a secret link; their page shows nothing of anyone else; "not satisfied" reopens
the matter; unknown and expired links look the same."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from dialogue.conclusions.models import Directive, DirectiveStatus
from dialogue.core.models import AuditEntry, Notification
from dialogue.followup import satisfaction
from dialogue.followup import services as followup
from dialogue.followup.models import ProgressUpdate, Satisfaction, SatisfactionRequest, UpdateKind
from dialogue.petitions.models import Petition, PetitionStatus
from dialogue.reminders.models import OutboundMessage
from tests import test_followup_escalation_fixtures as fx

meeting = fx.meeting
world = fx.world

pytestmark = [pytest.mark.django_db, pytest.mark.urls(fx.URLCONF)]

RESULT = "Đã nạo vét 1,2 km kênh mương nội đồng thôn Nà Đon, nghiệm thu ngày 15/9; nước tiêu thoát tốt."


def _petition(world, name, phone, **extra):
    held = world.meeting.conference.date
    return Petition.objects.create(
        conference=world.meeting.conference,
        receiving_unit=world.tree.commune,
        channel="paper_citizen",
        name=name,
        phone=phone,
        content="Kênh mương nội đồng bị bồi lấp.",
        received_on=held - timedelta(days=20),
        ack_due=held - timedelta(days=6),
        group=world.group,
        **extra,
    )


def _resolve(world, *, claimed=DirectiveStatus.RESOLVED):
    canal = Directive.objects.get(pk=world.canal.pk)
    followup.result_report(
        actor=world.cast.agency_a, item=canal, claimed_status=claimed, text=RESULT, files=[fx.pdf("nghiem-thu.pdf")]
    )
    followup.result_accept(actor=world.board, item=canal)
    return Directive.objects.get(pk=canal.pk)


def _url(token):
    return reverse("satisfaction:respond", args=[token])


def _token(world):
    [sms] = fx.sms_outbox()
    return fx.token_in(sms.body)


# ---------------------------------------------------------------- asking


def test_each_petitioner_with_a_mobile_number_is_asked_once_per_resolution(world):
    _petition(world, "Trần Văn Hùng", "0912 345 678")  # the same person again: asked once
    _petition(world, "Lò Thị Mai", "0208 3855 123")  # a landline cannot take an SMS
    _petition(world, "Hoàng Văn Dũng", "")  # no contact
    _petition(world, "Vi Văn Tâm", "0987654321", status=PetitionStatus.WITHDRAWN)
    asker = _petition(world, "Nông Thị Lan", "+84 345 678 901")
    _resolve(world)
    requests = SatisfactionRequest.objects.order_by("petition_id")
    assert [r.petition_id for r in requests] == [world.petition.pk, asker.pk]
    assert {r.round for r in requests} == {1} and all(r.sent_at and r.channel == "sms" for r in requests)
    assert sorted(m.to for m in fx.sms_outbox()) == ["0345678901", "0912345678"]
    # Asking again for the same resolution asks nobody.
    assert satisfaction.matter_resolved(actor=world.board, item=Directive.objects.get(pk=world.canal.pk)) == 0
    assert SatisfactionRequest.objects.count() == 2 and len(fx.sms_outbox()) == 2
    assert AuditEntry.objects.filter(action="satisfaction.ask").count() == 1


def test_the_message_has_the_matter_the_result_and_a_link_whose_hash_only_is_kept(world):
    _resolve(world)
    [sms] = fx.sms_outbox()
    assert sms.to == "0912345678"
    assert "đã được giải quyết" in sms.body and "Đã nạo vét 1,2 km" in sms.body and "nạo vét kênh mương" in sms.body
    token = fx.token_in(sms.body)
    assert sms.body.count("https://doithoai.example.vn/danh-gia/") == 1
    request = SatisfactionRequest.objects.get()
    assert request.token_hash == satisfaction.token_hash(token) and token not in request.token_hash
    # The record of what was sent hides the link.
    record = OutboundMessage.objects.get(key=f"satisfaction:{request.pk}:sms")
    assert record.status == "sent" and token not in record.body and "[đường dẫn riêng]" in record.body
    assert record.recipient is None and "Nguyễn Văn Bình" not in record.recipient_name


def test_nobody_else_s_name_phone_or_address_leaves_in_the_message(world):
    Directive.objects.filter(pk=world.canal.pk).update(
        matter="Nạo vét kênh mương theo đề nghị của ông Lý Văn Tài (SĐT 0978 111 222), số 5 đường Trần Phú"
    )
    _petition(world, "Lý Văn Tài", "")
    _resolve(world)
    [sms] = fx.sms_outbox()
    assert "Lý Văn Tài" not in sms.body and "0978" not in sms.body and "số 5 đường" not in sms.body
    assert "L.V.T." in sms.body


def test_a_matter_without_any_contact_asks_nobody(world):
    Petition.objects.filter(pk=world.petition.pk).update(phone="")
    _resolve(world)
    assert not SatisfactionRequest.objects.exists() and not fx.sms_outbox()


def test_a_matter_not_resolved_asks_nobody(world):
    assert satisfaction.matter_resolved(actor=world.board, item=world.canal) == 0
    assert not SatisfactionRequest.objects.exists()


def test_a_gateway_failure_is_recorded_and_the_request_can_be_sent_again(world, settings):
    settings.SMS_BACKEND = "tests.test_followup_satisfaction.BrokenGateway"
    _resolve(world)
    request = SatisfactionRequest.objects.get()
    assert request.sent_at is None
    assert OutboundMessage.objects.get(key=f"satisfaction:{request.pk}:sms").status == "failed"
    settings.SMS_BACKEND = "dialogue.reminders.sms.LocmemBackend"
    # The worker's periodic job queues it again once it has waited long enough.
    assert satisfaction.unsent_requests_enqueue() == 0
    SatisfactionRequest.objects.update(created_at=timezone.now() - timedelta(hours=1))
    assert satisfaction.unsent_requests_enqueue() == 1
    assert SatisfactionRequest.objects.get().sent_at is not None
    assert satisfaction.satisfaction_send(request_id=request.pk) == "already sent"
    assert len(fx.sms_outbox()) == 1
    assert satisfaction.request_for_token(_token(world)).pk == request.pk


class BrokenGateway:
    def send_messages(self, messages):
        raise OSError("gateway unreachable")


# ---------------------------------------------------------------- the page


def test_the_page_shows_the_matter_and_result_masked_and_asks_three_ways(world, client):
    _petition(world, "Lò Văn Sáng", "0911222333")
    Directive.objects.filter(pk=world.canal.pk).update(matter="Nạo vét kênh mương, ông Lò Văn Sáng phản ánh")
    _resolve(world)
    token = next(fx.token_in(m.body) for m in fx.sms_outbox() if m.to == "0912345678")  # Nguyễn Văn Bình's own link
    page = client.get(_url(token))
    body = page.content.decode()
    assert page.status_code == 200
    assert "Đã nạo vét 1,2 km" in body and ">Đã giải quyết<" in body
    for label in ("Hài lòng", "Hài lòng một phần", "Chưa hài lòng"):
        assert f"<span>{label}</span>" in body
    assert "Lò Văn Sáng" not in body and "0911222333" not in body and "0912345678" not in body
    assert "Nguyễn Văn Bình" not in body and "số 12 đường Trần Phú" not in body
    assert page["Cache-Control"] == "no-store, private" and "noindex" in page["X-Robots-Tag"]
    assert 'name="csrfmiddlewaretoken"' in body and "<script" not in body.split("</head>")[1]


def test_a_satisfied_petitioner_is_recorded_on_the_timeline(world, client):
    canal = _resolve(world)
    token = _token(world)
    response = client.post(_url(token), {"response": Satisfaction.SATISFIED, "comment": "Cảm ơn xã và Sở."})
    assert response.status_code == 302 and response["Location"] == _url(token)
    request = SatisfactionRequest.objects.get()
    assert request.response == Satisfaction.SATISFIED and request.comment == "Cảm ơn xã và Sở."
    update = ProgressUpdate.objects.get(directive=canal, kind=UpdateKind.SATISFACTION)
    assert update.author is None and update.author_name == "Công dân" and update.author_unit is None
    assert "Hài lòng" in update.text and "Cảm ơn xã và Sở." in update.text
    assert Directive.objects.get(pk=canal.pk).status == DirectiveStatus.RESOLVED
    assert AuditEntry.objects.filter(action="satisfaction.respond", target_id=str(request.pk)).exists()
    page = client.get(_url(token)).content.decode()
    assert "đánh giá đã được ghi nhận" in page and "<strong>Hài lòng</strong>" in page and "<form" not in page


def test_a_dissatisfied_petitioner_reopens_the_matter_for_review(world, client):
    canal = _resolve(world)
    Notification.objects.all().delete()
    client.post(_url(_token(world)), {"response": Satisfaction.DISSATISFIED, "comment": "Mới nạo vét một đoạn."})
    canal = Directive.objects.get(pk=canal.pk)
    assert canal.status == DirectiveStatus.IN_PROGRESS
    kinds = list(ProgressUpdate.objects.filter(directive=canal).values_list("kind", flat=True))
    assert kinds[-2:] == [UpdateKind.SATISFACTION, UpdateKind.REOPENED]
    reopened = ProgressUpdate.objects.filter(directive=canal).last()
    assert reopened.author_name == "Công dân" and "Mới nạo vét một đoạn." in reopened.text
    assert Notification.objects.filter(recipient=world.board, message__contains="chưa hài lòng").exists()
    assert Notification.objects.filter(recipient=world.cast.agency_a).exists()
    page = client.get(_url(_token(world))).content.decode()
    assert "chuyển lại cơ quan có trách nhiệm" in page


def test_a_second_submit_shows_the_answer_already_recorded(world, client):
    canal = _resolve(world)
    token = _token(world)
    client.post(_url(token), {"response": Satisfaction.PARTLY})
    again = client.post(_url(token), {"response": Satisfaction.DISSATISFIED, "comment": "Đổi ý"})
    assert again.status_code == 200 and "<strong>Hài lòng một phần</strong>" in again.content.decode()
    assert SatisfactionRequest.objects.get().response == Satisfaction.PARTLY
    assert ProgressUpdate.objects.filter(directive=canal, kind=UpdateKind.SATISFACTION).count() == 1
    assert Directive.objects.get(pk=canal.pk).status == DirectiveStatus.RESOLVED
    with pytest.raises(satisfaction.UnknownLink):
        satisfaction.satisfaction_respond(token="khong-co", response=Satisfaction.SATISFIED)


def test_no_choice_is_asked_again_and_nothing_is_recorded(world, client):
    _resolve(world)
    response = client.post(_url(_token(world)), {"comment": "Ý kiến"})
    body = response.content.decode()
    assert response.status_code == 200 and "Vui lòng chọn một trong ba mức đánh giá." in body and "Ý kiến" in body
    assert SatisfactionRequest.objects.get().response == ""


def test_an_unknown_and_an_expired_link_get_the_same_neutral_page(world, client):
    _resolve(world)
    token = _token(world)
    unknown = client.get(_url("x" * 43))
    SatisfactionRequest.objects.update(sent_at=timezone.now() - timedelta(days=61))
    expired = client.get(_url(token))
    assert unknown.status_code == expired.status_code == 404
    assert unknown.content == expired.content
    assert "kênh mương" not in expired.content.decode() and "hết hạn" in expired.content.decode()
    posted = client.post(_url(token), {"response": Satisfaction.DISSATISFIED})
    assert posted.status_code == 404 and posted.content == unknown.content
    assert SatisfactionRequest.objects.get().response == ""
    assert Directive.objects.get(pk=world.canal.pk).status == DirectiveStatus.RESOLVED


def test_the_link_is_valid_for_a_setting_of_days(world, client, settings):
    _resolve(world)
    token = _token(world)
    SatisfactionRequest.objects.update(sent_at=timezone.now() - timedelta(days=20))
    assert client.get(_url(token)).status_code == 200
    settings.SATISFACTION_LINK_DAYS = 14
    assert client.get(_url(token)).status_code == 404


def test_posts_are_limited_per_address(world):
    _resolve(world)
    visitor = Client(REMOTE_ADDR="203.0.113.7")
    for _ in range(10):
        assert visitor.post(_url("doan-bua"), {"response": Satisfaction.SATISFIED}).status_code == 404
    limited = visitor.post(_url(_token(world)), {"response": Satisfaction.SATISFIED})
    assert limited.status_code == 429 and "thử lại sau" in limited.content.decode()
    assert SatisfactionRequest.objects.get().response == ""
    # Another address is not affected.
    other = Client(REMOTE_ADDR="203.0.113.8")
    assert other.post(_url(_token(world)), {"response": Satisfaction.SATISFIED}).status_code == 302


def test_a_post_without_the_csrf_token_is_refused(world):
    _resolve(world)
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(_url(_token(world)), {"response": Satisfaction.DISSATISFIED}).status_code == 403
    assert SatisfactionRequest.objects.get().response == ""


# ---------------------------------------------------------------- rounds


def test_resolving_again_after_a_reopening_asks_again_and_an_old_link_no_longer_reopens(world, client):
    _resolve(world)
    first = _token(world)
    client.post(_url(first), {"response": Satisfaction.DISSATISFIED})
    fx.sms_outbox().clear()
    canal = _resolve(world, claimed=DirectiveStatus.PARTLY_RESOLVED)
    second = _token(world)
    assert list(SatisfactionRequest.objects.order_by("round").values_list("round", flat=True)) == [1, 2]
    fx_body = client.get(_url(second)).content.decode()
    assert ">Đã giải quyết một phần<" in fx_body
    # The first link shows its recorded answer; the second one reopens.
    assert "<strong>Chưa hài lòng</strong>" in client.get(_url(first)).content.decode()
    client.post(_url(second), {"response": Satisfaction.DISSATISFIED})
    assert Directive.objects.get(pk=canal.pk).status == DirectiveStatus.IN_PROGRESS


def test_an_answer_to_an_earlier_resolution_does_not_reopen_the_later_one(world, client):
    _petition(world, "Nông Thị Lan", "0345678901")
    _resolve(world)
    tokens = {m.to: fx.token_in(m.body) for m in fx.sms_outbox()}
    client.post(_url(tokens["0912345678"]), {"response": Satisfaction.DISSATISFIED})  # reopens
    canal = _resolve(world)  # resolved again: round 2
    client.post(_url(tokens["0345678901"]), {"response": Satisfaction.DISSATISFIED})  # a round-1 link
    assert Directive.objects.get(pk=canal.pk).status == DirectiveStatus.RESOLVED
    assert SatisfactionRequest.objects.filter(round=1, response=Satisfaction.DISSATISFIED).count() == 2
    assert Notification.objects.filter(recipient=world.board, message__contains="chưa hài lòng với kết quả").exists()
