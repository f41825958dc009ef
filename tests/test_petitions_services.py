"""Petitions through their services: intake, triage, merging, forwarding, answers."""

import uuid
from datetime import date, datetime, time, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from dialogue.core.errors import IllegalTransition, ServiceError
from dialogue.core.models import AuditEntry, Notification
from dialogue.organisation.factories import make_person, make_unit
from dialogue.organisation.models import Level
from dialogue.organisation.roles import Role
from dialogue.petitions import services
from dialogue.petitions.models import (
    Channel,
    Field,
    GroupStatus,
    Petition,
    PetitionStatus,
)
from dialogue.plans import services as plan_services
from dialogue.workcalendar.selectors import add_working_days


@pytest.fixture
def conference(cast):
    plan = plan_services.plan_create(actor=cast.province_officer, issuing_unit=cast.tree.tinh_uy, title="Kế hoạch")
    return plan_services.conference_create(
        actor=cast.province_officer,
        plan=plan,
        title="Hội nghị đối thoại với Nhân dân",
        date=date(2026, 12, 17),
        scope_levels=[Level.CENTRAL, Level.PROVINCE],
    )


def receive(cast, conference, content, **kwargs):
    kwargs.setdefault("channel", Channel.PAPER_CITIZEN)
    kwargs.setdefault("received_on", date(2026, 11, 2))
    return services.petition_receive(
        actor=cast.province_officer, receiving_unit=cast.tree.tinh_uy, conference=conference, content=content,
        **kwargs,
    )  # fmt: skip


def field(code):
    return Field.objects.get(code=code)


def test_a_petition_is_received_with_its_acknowledgment_due_in_ten_working_days(cast, conference):
    petition = receive(
        cast, conference, "Đề nghị sớm cấp giấy chứng nhận quyền sử dụng đất cho các hộ dân thôn Nà Đon.",
        name="Nguyễn Văn Dân", phone="0912.345.678", address="thôn Nà Đon, xã Cao Minh",
    )  # fmt: skip
    assert petition.phone == "0912345678"
    assert petition.ack_due == add_working_days(date(2026, 11, 2), 10)
    assert petition.address_unit == cast.tree.village
    assert petition.status == PetitionStatus.RECEIVED
    assert AuditEntry.objects.filter(action="petition.receive", target_id=str(petition.pk)).exists()


def test_a_double_submitted_form_creates_one_petition(cast, conference):
    key = uuid.uuid4()
    first = receive(cast, conference, "Đường liên thôn Nà Đon xuống cấp nghiêm trọng.", submission_key=key)
    second = receive(cast, conference, "Đường liên thôn Nà Đon xuống cấp nghiêm trọng.", submission_key=key)
    assert first.pk == second.pk
    assert Petition.objects.count() == 1


@pytest.mark.parametrize(
    "content,phone,message",
    [
        ("ngắn", "", services.MSG_CONTENT_REQUIRED),
        ("Nội dung đủ dài để ghi nhận.", "12345", None),
    ],
)
def test_bad_input_is_refused_with_a_vietnamese_reason_and_nothing_is_saved(cast, conference, content, phone, message):
    with pytest.raises(ServiceError) as error:
        receive(cast, conference, content, phone=phone)
    if message:
        assert error.value.message == message
    else:
        assert error.value.field == "phone" and "không hợp lệ" in str(error.value.message)
    assert Petition.objects.count() == 0


def test_a_petition_received_in_the_future_is_refused(cast, conference):
    with pytest.raises(ServiceError):
        receive(cast, conference, "Đề nghị sửa chữa cầu treo qua suối.", received_on=date(2099, 1, 1))


def test_agency_b_cannot_enter_petitions_for_the_province(cast, conference):
    with pytest.raises(PermissionDenied):
        services.petition_receive(
            actor=cast.agency_b, receiving_unit=cast.tree.tinh_uy, content="Nội dung kiến nghị đủ dài.",
            channel=Channel.PAPER_CITIZEN,
        )  # fmt: skip


def test_the_online_form_service_records_an_online_petition_without_a_staff_actor(cast, conference):
    petition = services.petition_submit_online(
        content="Đề nghị lắp đèn chiếu sáng đường thôn.", receiving_unit=cast.tree.tinh_uy, conference=conference
    )
    assert petition.channel == Channel.ONLINE and petition.created_by is None


def test_a_petition_like_one_of_an_earlier_conference_is_flagged_raised_before(cast, conference):
    earlier = receive(
        cast, None, "Đề nghị sửa chữa đường liên thôn Nà Đon bị xuống cấp, đi lại khó khăn.",
        received_on=date(2025, 3, 2),
    )  # fmt: skip
    later = receive(cast, conference, "Duong lien thon Na Don xuong cap, di lai kho khan, de nghi sua chua")
    assert later.repeat_of == earlier


def test_triage_keeps_what_was_suggested_and_an_outside_level_is_forwarded(cast, conference):
    petition = receive(cast, conference, "Đề nghị xã sửa chữa rãnh thoát nước ngõ xóm.")
    triaged = services.petition_triage(
        actor=cast.province_officer, petition=petition, field=field("giao_thong_ha_tang"), level="xa",
        suggestion={"fields": [{"code": "giao_thong_ha_tang"}]},
    )  # fmt: skip
    assert triaged.status == PetitionStatus.TRIAGED and triaged.suggestion["fields"][0]["code"] == "giao_thong_ha_tang"
    assert services.outside_scope(triaged)  # the conference accepts only province and centre
    commune_body = make_unit("Ủy ban nhân dân xã Cao Minh", "people_committee", cast.tree.commune)
    officer = make_person("ubnd.caominh", "Lý Văn Hòa", organisation=commune_body, roles=[(Role.AGENCY, commune_body)])
    group = services.petition_forward(actor=cast.province_officer, petition=triaged, competent_unit=commune_body)
    assert group.forwarded and group.lead_unit == commune_body and group.conference == conference
    assert group.status == GroupStatus.ASSIGNED
    assert Notification.objects.filter(recipient=officer).exists()
    with pytest.raises(IllegalTransition):  # a forwarded petition is now the competent unit's
        services.petition_triage(
            actor=cast.province_officer, petition=Petition.objects.get(pk=petition.pk), field=field("dat_dai"),
            level="tinh",
        )  # fmt: skip


def test_twins_are_merged_into_one_group_and_can_be_split_again(cast, conference):
    a = receive(cast, conference, "Khu công nghiệp xả nước thải gây ô nhiễm suối Cốc.", name="A")
    b = receive(cast, conference, "Nước thải khu công nghiệp làm ô nhiễm suối Cốc, đề nghị xử lý.", name="B")
    c = receive(cast, conference, "Suoi Coc bi o nhiem do nuoc thai khu cong nghiep", name="C")
    group = services.group_create(actor=cast.province_officer, petitions=[a, b, c], summary="Ô nhiễm suối Cốc")
    assert group.petitions.count() == 3
    assert set(Petition.objects.values_list("status", flat=True)) == {PetitionStatus.GROUPED}
    new_group = services.group_split(actor=cast.province_officer, group=group, petitions=[c])
    assert list(new_group.petitions.all()) == [Petition.objects.get(pk=c.pk)]
    with pytest.raises(ServiceError):
        services.group_split(actor=cast.province_officer, group=new_group, petitions=[c])


def test_the_outsider_cannot_merge_the_provinces_petitions(cast, conference):
    a = receive(cast, conference, "Khu công nghiệp xả nước thải gây ô nhiễm suối Cốc.")
    with pytest.raises(PermissionDenied):
        services.group_create(actor=cast.outsider, petitions=[a])


def answered_group(cast, conference):
    petition = receive(cast, conference, "Đề nghị bồi thường thỏa đáng khi thu hồi đất làm đường vành đai.")
    group = services.group_create(actor=cast.province_officer, petitions=[petition])
    return services.group_assign(
        actor=cast.province_officer, group=group, lead_unit=cast.tree.agency_a, supporting_units=[cast.tree.agency_b]
    )


def test_a_group_is_assigned_with_a_deadline_before_the_conference_and_the_agencies_are_told(cast, conference):
    group = answered_group(cast, conference)
    assert group.status == GroupStatus.ASSIGNED
    assert group.due_date == add_working_days(date(2026, 12, 17), -3)
    assert Notification.objects.filter(recipient=cast.agency_a).exists()
    assert Notification.objects.filter(recipient=cast.agency_b).exists()


def test_the_lead_agency_answers_with_evidence_and_the_board_returns_then_approves(cast, conference):
    group = answered_group(cast, conference)
    services.support_contribute(actor=cast.agency_b, group=group, text="Sở Xây dựng: đã thẩm định hồ sơ.")
    evidence = SimpleUploadedFile("Quyết định bồi thường.pdf", b"%PDF-1.4", content_type="application/pdf")
    services.answer_submit(
        actor=cast.agency_a, group=group, text="Đã phê duyệt phương án bồi thường.", files=[evidence]
    )
    group.refresh_from_db()
    assert group.status == GroupStatus.SUBMITTED
    with pytest.raises(ServiceError) as error:
        services.answer_review(actor=cast.province_officer, group=group, approve=False)
    assert error.value.message == services.MSG_RETURN_COMMENT
    services.answer_review(actor=cast.province_officer, group=group, approve=False, comment="Nêu rõ mức bồi thường.")
    group.refresh_from_db()
    assert group.status == GroupStatus.RETURNED
    services.answer_submit(actor=cast.agency_a, group=group, text="Mức bồi thường 1,2 triệu đồng/m² theo quyết định.")
    approved = services.answer_review(actor=cast.province_officer, group=group, approve=True)
    assert approved.status == GroupStatus.APPROVED
    assert approved.answer_text.startswith("Mức bồi thường")
    assert approved.answers.count() == 2 and approved.answers.last().attachments.count() == 1


def test_agency_b_cannot_submit_the_lead_agencys_answer(cast, conference):
    group = answered_group(cast, conference)
    with pytest.raises(PermissionDenied):
        services.answer_submit(actor=cast.agency_b, group=group, text="Trả lời thay cơ quan chủ trì.")


def test_an_agency_cannot_approve_its_own_answer(cast, conference):
    group = answered_group(cast, conference)
    services.answer_submit(actor=cast.agency_a, group=group, text="Đã phê duyệt phương án bồi thường.")
    with pytest.raises(PermissionDenied):
        services.answer_review(actor=cast.agency_a, group=group, approve=True)


def test_an_attachment_that_is_not_a_document_is_refused(cast, conference):
    group = answered_group(cast, conference)
    script = SimpleUploadedFile("x.exe", b"MZ", content_type="application/octet-stream")
    with pytest.raises(ServiceError):
        services.answer_submit(actor=cast.agency_a, group=group, text="Đã phê duyệt phương án.", files=[script])
    group.refresh_from_db()
    assert group.status == GroupStatus.ASSIGNED and group.answers.count() == 0


def test_the_chair_marks_a_matter_to_be_answered_live(cast, conference):
    group = answered_group(cast, conference)
    chair = make_person("chutri", "Trịnh Việt Hùng", roles=[(Role.CHAIR, cast.tree.province)])
    assert services.group_set_answer_mode(actor=chair, group=group, mode="live").answer_mode == "live"
    with pytest.raises(PermissionDenied):
        services.group_set_answer_mode(actor=cast.agency_a, group=group, mode="written")


def test_acknowledgment_is_recorded_once(cast, conference):
    petition = receive(cast, conference, "Đề nghị hỗ trợ hộ nghèo sửa nhà.")
    services.petition_acknowledge(actor=cast.province_officer, petition=petition, kind="accepted")
    with pytest.raises(ServiceError):
        services.petition_acknowledge(actor=cast.province_officer, petition=petition, kind="accepted")
    assert Petition.objects.get(pk=petition.pk).acknowledged_on == timezone.localdate()


def test_whoever_submitted_an_answer_cannot_approve_it(cast, conference):
    group = answered_group(cast, conference)
    services.answer_submit(actor=cast.province_officer, group=group, text="Ban Dân vận soạn thay nội dung trả lời.")
    with pytest.raises(ServiceError) as error:
        services.answer_review(actor=cast.province_officer, group=group, approve=True)
    assert error.value.message == services.MSG_OWN_ANSWER


def test_a_merge_keeps_the_conference_and_never_empties_a_group_being_answered(cast, conference):
    at_conference = receive(cast, conference, "Đề nghị cấp nước sạch cho khu dân cư Tân Lập.")
    standing = receive(cast, None, "De nghi cap nuoc sach cho khu dan cu Tan Lap")
    group = services.group_create(actor=cast.province_officer, petitions=[at_conference, standing])
    assert group.conference == conference
    services.group_assign(actor=cast.province_officer, group=group, lead_unit=cast.tree.agency_a)
    with pytest.raises(ServiceError):
        services.group_create(actor=cast.province_officer, petitions=[at_conference])
    assert group.petitions.count() == 2


def test_the_classify_command_learns_from_the_classifications_staff_confirmed(cast, conference, tmp_path):
    import json

    from django.core.management import call_command

    for wording in (
        "Loa truyền thanh thôn hỏng lâu ngày",
        "Đề nghị sửa loa truyền thanh của xã",
        "Loa truyen thanh khong nghe ro",
    ):
        petition = receive(cast, conference, wording)
        services.petition_triage(
            actor=cast.province_officer, petition=petition, field=field("xay_dung_dang_chinh_quyen"), level="xa"
        )
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text(json.dumps({"text": "Loa truyền thanh của thôn bị hỏng"}, ensure_ascii=False) + "\n")
    call_command("classify_petitions", input=str(source), output=str(target))
    row = json.loads(target.read_text(encoding="utf-8"))
    assert row["field"] == "xay_dung_dang_chinh_quyen" and len(row["fields"]) == 3


def dated_group(cast, conference, *, received_days_ago: int):
    received = timezone.localdate() - timedelta(days=received_days_ago)
    petition = receive(
        cast, conference, "Đề nghị bồi thường thỏa đáng khi thu hồi đất làm đường vành đai.", received_on=received
    )
    group = services.group_create(actor=cast.province_officer, petitions=[petition])
    return services.group_assign(actor=cast.province_officer, group=group, lead_unit=cast.tree.agency_a)


def days_ago(days: int, hour: int = 9):
    day = timezone.localdate() - timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour)))


def test_an_answer_entered_later_keeps_the_date_it_was_given_and_so_does_its_review(cast, conference):
    group = dated_group(cast, conference, received_days_ago=30)
    answer = services.answer_submit(
        actor=cast.agency_a, group=group, text="Đã phê duyệt phương án bồi thường.", at=days_ago(10)
    )
    assert answer.submitted_at == days_ago(10)
    approved = services.answer_review(actor=cast.province_officer, group=group, approve=True, at=days_ago(8))
    answer.refresh_from_db()
    assert answer.reviewed_at == days_ago(8) and approved.approved_at == days_ago(8)


def test_an_answer_without_a_date_is_dated_now(cast, conference):
    group = dated_group(cast, conference, received_days_ago=30)
    before = timezone.now()
    answer = services.answer_submit(actor=cast.agency_a, group=group, text="Đã phê duyệt phương án bồi thường.")
    assert before <= answer.submitted_at <= timezone.now()


def test_an_answer_dated_in_the_future_is_refused_and_nothing_is_saved(cast, conference):
    group = dated_group(cast, conference, received_days_ago=30)
    with pytest.raises(ServiceError) as error:
        services.answer_submit(
            actor=cast.agency_a,
            group=group,
            text="Đã phê duyệt phương án bồi thường.",
            at=timezone.now() + timedelta(days=1),
        )
    assert error.value.message == services.MSG_ANSWER_FUTURE
    assert str(error.value.message) == "Ngày trả lời không được sau thời điểm hiện tại."
    group.refresh_from_db()
    assert group.status == GroupStatus.ASSIGNED and group.answers.count() == 0


def test_an_answer_dated_before_its_petitions_were_received_is_refused(cast, conference):
    group = dated_group(cast, conference, received_days_ago=5)
    received = (timezone.localdate() - timedelta(days=5)).strftime("%d/%m/%Y")
    with pytest.raises(ServiceError) as error:
        services.answer_submit(actor=cast.agency_a, group=group, text="Đã phê duyệt phương án.", at=days_ago(6))
    assert error.value.message == services.MSG_ANSWER_BEFORE_PETITIONS % {"date": received}
    assert received in str(error.value.message) and "Ngày trả lời không được trước ngày" in str(error.value.message)
    assert services.answer_submit(actor=cast.agency_a, group=group, text="Đã phê duyệt phương án.", at=days_ago(5))


def test_a_review_cannot_be_dated_before_the_answer_or_in_the_future(cast, conference):
    group = dated_group(cast, conference, received_days_ago=30)
    services.answer_submit(actor=cast.agency_a, group=group, text="Đã phê duyệt phương án.", at=days_ago(10))
    with pytest.raises(ServiceError) as error:
        services.answer_review(actor=cast.province_officer, group=group, approve=True, at=days_ago(11))
    assert error.value.message == services.MSG_REVIEW_BEFORE_ANSWER % {"date": f"09:00 {days_ago(10):%d/%m/%Y}"}
    with pytest.raises(ServiceError) as error:
        services.answer_review(
            actor=cast.province_officer, group=group, approve=True, at=timezone.now() + timedelta(hours=2)
        )
    assert error.value.message == services.MSG_REVIEW_FUTURE
    group.refresh_from_db()
    assert group.status == GroupStatus.SUBMITTED


def test_a_revised_answer_cannot_be_dated_before_the_first_one_was_returned(cast, conference):
    group = dated_group(cast, conference, received_days_ago=30)
    services.answer_submit(actor=cast.agency_a, group=group, text="Đã phê duyệt phương án.", at=days_ago(10))
    services.answer_review(
        actor=cast.province_officer, group=group, approve=False, comment="Nêu rõ mức bồi thường.", at=days_ago(8)
    )
    with pytest.raises(ServiceError) as error:
        services.answer_submit(
            actor=cast.agency_a, group=group, text="Mức bồi thường 1,2 triệu đồng/m².", at=days_ago(9)
        )
    assert error.value.message == services.MSG_ANSWER_BEFORE_RETURN % {"date": f"09:00 {days_ago(8):%d/%m/%Y}"}
    revised = services.answer_submit(
        actor=cast.agency_a, group=group, text="Mức bồi thường 1,2 triệu đồng/m².", at=days_ago(7)
    )
    assert group.answers.first() == revised
