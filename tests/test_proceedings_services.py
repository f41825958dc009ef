"""The conference day's rules: who may run it, the queue, the console, the minutes."""

import uuid
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from dialogue.core.errors import ServiceError
from dialogue.core.models import AuditEntry
from dialogue.organisation.factories import make_person
from dialogue.organisation.roles import Role
from dialogue.plans import services as plan_services
from dialogue.proceedings import services
from dialogue.proceedings.models import (
    ConferenceRun,
    Minutes,
    MinutesStatus,
    Outcome,
    SpeakerRequest,
    SpeakerStatus,
)


@pytest.fixture
def day(cast):
    """A commune conference held today, run by the commune's secretariat (cuong)."""
    officer = cast.commune_officer
    plan = plan_services.plan_create(
        actor=officer, issuing_unit=cast.tree.commune, title="Đối thoại với Nhân dân xã Cao Minh năm 2026"
    )
    conference = plan_services.conference_create(
        actor=officer, plan=plan, title="Hội nghị đối thoại với Nhân dân", date=timezone.localdate(), venue="Hội trường"
    )
    plan_services.chair_add(actor=officer, conference=conference, name="Hứa Ngọc Sỹ", position="Bí thư Đảng ủy xã")
    delegation = plan_services.delegation_add(actor=officer, conference=conference, name="Đại biểu thôn")
    plan_services.agenda_prefill(actor=officer, conference=conference)
    people = [
        plan_services.participant_add(
            actor=officer, conference=conference, full_name=name, position="Trưởng thôn", delegation=delegation
        )
        for name in ("Nguyễn Văn Ân", "Trần Thị Bích", "Lê Đức Cảnh")
    ]
    chair = make_person(
        "chutri", "Hứa Ngọc Sỹ", organisation=cast.tree.commune, roles=[(Role.CHAIR, cast.tree.commune)]
    )
    supervisor = make_person(
        "giamsat", "Đặng Văn Giám", organisation=cast.tree.commune, roles=[(Role.SUPERVISOR, cast.tree.commune)]
    )
    return {
        "conference": conference,
        "people": people,
        "delegation": delegation,
        "chair": chair,
        "supervisor": supervisor,
    }


def _queue(cast, conference, n=3):
    return [
        services.speaker_add(
            actor=cast.commune_officer,
            conference=conference,
            speaker_name=f"Người phát biểu {i}",
            represents=f"Nhân dân thôn {i}",
            matter=f"Đề nghị sửa đường liên thôn số {i}.",
        )
        for i in range(1, n + 1)
    ]


def test_the_secretariat_and_the_synthesis_board_may_run_the_day_and_others_may_not(cast, day):
    conference = day["conference"]
    assert services.can_run(cast.commune_officer, conference)
    assert services.can_run(cast.province_officer, conference)
    for person in (cast.agency_a, cast.agency_b, cast.outsider, day["chair"], day["supervisor"]):
        assert not services.can_run(person, conference)
    assert services.can_approve(day["chair"], conference) and services.can_approve(cast.admin, conference)
    assert not services.can_approve(cast.commune_officer, conference)


def test_checking_in_marks_present_once_and_can_be_undone(cast, day):
    person = day["people"][0]
    key = uuid.uuid4()
    services.attendance_mark(actor=cast.commune_officer, participant=person, present=True, submission_key=key)
    services.attendance_mark(actor=cast.commune_officer, participant=person, present=True, submission_key=key)
    person.refresh_from_db()
    assert person.attended is True and person.checked_in_at is not None
    assert AuditEntry.objects.filter(action="proceedings.check_in").count() == 1
    services.attendance_mark(actor=cast.commune_officer, participant=person, present=False)
    person.refresh_from_db()
    assert person.attended is False and person.checked_in_at is None


def test_a_refused_person_cannot_check_anyone_in(cast, day):
    with pytest.raises(PermissionDenied):
        services.attendance_mark(actor=day["supervisor"], participant=day["people"][0], present=True)


def test_check_in_is_refused_before_the_conference_day(cast, day):
    conference = day["conference"]
    conference.date = timezone.localdate() + timedelta(days=3)
    conference.save()
    with pytest.raises(ServiceError) as error:
        services.attendance_mark(actor=cast.commune_officer, participant=day["people"][0], present=True)
    assert error.value.message == services.MSG_NOT_THE_DAY


def test_the_qr_code_the_short_code_and_the_address_all_find_the_invitee(cast, day):
    conference, person = day["conference"], day["people"][1]
    assert services.participant_for_code(conference, str(person.token)) == person
    assert services.participant_for_code(conference, f"https://x.vn/proceedings/check-in/{person.token}/") == person
    assert services.participant_for_code(conference, person.token.hex[:8].upper()) == person
    with pytest.raises(ServiceError) as error:
        services.participant_for_code(conference, "ZZZZ")
    assert error.value.message == services.MSG_CODE_UNKNOWN


def test_a_code_of_another_conference_is_not_accepted(cast, day):
    other = plan_services.conference_create(
        actor=cast.commune_officer, plan=day["conference"].plan, title="Hội nghị khác", date=timezone.localdate()
    )
    stranger = plan_services.participant_add(actor=cast.commune_officer, conference=other, full_name="Người ngoài")
    with pytest.raises(ServiceError):
        services.participant_for_code(day["conference"], str(stranger.token))


def test_a_walk_in_is_added_present_and_a_resent_form_adds_nobody(cast, day):
    key = uuid.uuid4()
    for _ in range(2):
        walk_in = services.walk_in_add(
            actor=cast.commune_officer,
            conference=day["conference"],
            full_name="  Phạm  Văn Đến ",
            organisation="thôn Nà Đon",
            submission_key=key,
        )
    assert walk_in.full_name == "Phạm Văn Đến" and walk_in.walk_in and walk_in.attended
    assert day["conference"].participants.filter(walk_in=True).count() == 1


def test_a_walk_in_needs_a_name(cast, day):
    with pytest.raises(ServiceError) as error:
        services.walk_in_add(actor=cast.commune_officer, conference=day["conference"], full_name=" ")
    assert error.value.message == services.MSG_NAME_REQUIRED


def test_attendance_is_counted_by_delegation(cast, day):
    from dialogue.proceedings.selectors import attendance_counts

    services.attendance_mark(actor=cast.commune_officer, participant=day["people"][0], present=True)
    services.walk_in_add(actor=cast.commune_officer, conference=day["conference"], full_name="Người đến thêm")
    counts = attendance_counts(day["conference"], other_label="Khác")
    assert (counts.invited, counts.present, counts.walk_ins, counts.absent) == (3, 2, 1, 2)
    rows = {r.name: (r.present, r.invited, r.walk_ins) for r in counts.rows}
    assert rows == {"Đại biểu thôn": (1, 3, 0), "Khác": (1, 0, 1)}


def test_the_check_in_search_ignores_accents(cast, day):
    from dialogue.proceedings.selectors import checkin_search

    assert [p.full_name for p in checkin_search(day["conference"], "tran thi bich")] == ["Trần Thị Bích"]


def test_requests_join_the_end_of_the_queue_and_a_resent_one_is_added_once(cast, day):
    key = uuid.uuid4()
    first = _queue(cast, day["conference"], 2)
    again = [
        services.speaker_add(
            actor=cast.commune_officer,
            conference=day["conference"],
            speaker_name="Bà Hoa",
            matter="Đèn đường.",
            submission_key=key,
        )
        for _ in range(2)
    ]
    assert again[0] == again[1]
    assert [r.position for r in [*first, again[0]]] == [1, 2, 3]


def test_a_request_needs_a_speaker_and_a_matter(cast, day):
    with pytest.raises(ServiceError) as error:
        services.speaker_add(actor=cast.commune_officer, conference=day["conference"], speaker_name="", matter="x")
    assert error.value.message == services.MSG_SPEAKER_REQUIRED
    with pytest.raises(ServiceError) as error:
        services.speaker_add(
            actor=cast.commune_officer, conference=day["conference"], speaker_name="Ông Ba", matter=" "
        )
    assert error.value.message == services.MSG_MATTER_REQUIRED


def test_a_request_can_record_its_matter_as_a_new_spoken_petition_once(cast, day):
    from dialogue.petitions.models import Petition

    key = uuid.uuid4()
    for _ in range(2):
        speaker = services.speaker_add(
            actor=cast.commune_officer,
            conference=day["conference"],
            speaker_name="Ông Hoàng Văn Tư",
            represents="Nhân dân thôn Nà Đon",
            matter="Đề nghị xã sớm sửa chữa cầu tràn thôn Nà Đon bị hư hỏng sau bão.",
            create_petition=True,
            submission_key=key,
        )
    petition = speaker.petition
    assert (
        petition.channel == "spoken"
        and petition.conference == day["conference"]
        and petition.name == "Ông Hoàng Văn Tư"
    )
    assert Petition.objects.filter(conference=day["conference"]).count() == 1


def test_a_request_cannot_link_a_petition_of_another_conference(cast, day):
    from dialogue.petitions.services import petition_receive

    other = plan_services.conference_create(
        actor=cast.commune_officer, plan=day["conference"].plan, title="Hội nghị khác", date=timezone.localdate()
    )
    petition = petition_receive(
        actor=cast.commune_officer,
        receiving_unit=cast.tree.commune,
        content="Đề nghị nạo vét kênh mương nội đồng.",
        channel="paper_citizen",
        conference=other,
    )
    with pytest.raises(ServiceError) as error:
        services.speaker_add(
            actor=cast.commune_officer,
            conference=day["conference"],
            speaker_name="Ông Ba",
            matter="Kênh mương",
            petition=petition,
        )
    assert error.value.message == services.MSG_OTHER_CONFERENCE


def test_the_queue_is_reordered_and_a_withdrawn_request_is_skipped(cast, day):
    a, _b, c = _queue(cast, day["conference"])
    services.speaker_move(actor=cast.commune_officer, speaker=c, direction="up")
    services.speaker_withdraw(actor=cast.commune_officer, speaker=a)
    order = list(
        SpeakerRequest.objects.filter(conference=day["conference"], status="waiting")
        .order_by("position")
        .values_list("speaker_name", flat=True)
    )
    assert order == ["Người phát biểu 3", "Người phát biểu 2"]
    run = services.run_start(actor=cast.commune_officer, conference=day["conference"])
    run = services.console_next_speaker(
        actor=cast.commune_officer, conference=day["conference"], expected_version=run.version
    )
    assert run.current_speaker == c


def test_next_gives_the_floor_in_order_and_closes_the_previous_intervention(cast, day):
    conference = day["conference"]
    a, b, _c = _queue(cast, conference)
    run = services.run_start(actor=cast.commune_officer, conference=conference)
    run = services.console_next_speaker(actor=cast.commune_officer, conference=conference, expected_version=run.version)
    assert run.current_speaker == a
    run = services.console_next_speaker(actor=cast.commune_officer, conference=conference, expected_version=run.version)
    a.refresh_from_db()
    assert a.status == SpeakerStatus.DONE and a.ended_at and run.current_speaker == b
    assert SpeakerRequest.objects.filter(conference=conference, status="speaking").count() == 1


def test_next_pressed_on_a_stale_console_moves_nothing(cast, day):
    conference = day["conference"]
    _queue(cast, conference)
    run = services.run_start(actor=cast.commune_officer, conference=conference)
    services.console_next_speaker(actor=cast.commune_officer, conference=conference, expected_version=run.version)
    with pytest.raises(ServiceError) as error:
        services.console_next_speaker(actor=cast.province_officer, conference=conference, expected_version=run.version)
    assert error.value.message == services.MSG_STALE
    assert SpeakerRequest.objects.filter(conference=conference, status="done").count() == 0


def test_a_resent_next_is_applied_once(cast, day):
    conference = day["conference"]
    a, _b, _c = _queue(cast, conference)
    run = services.run_start(actor=cast.commune_officer, conference=conference)
    key = uuid.uuid4()
    for _ in range(2):
        services.console_next_speaker(
            actor=cast.commune_officer, conference=conference, expected_version=run.version, submission_key=key
        )
    assert ConferenceRun.objects.get(conference=conference).current_speaker == a


def test_next_item_walks_the_agenda_and_ends_the_conference(cast, day):
    conference = day["conference"]
    items = list(conference.agenda_items.order_by("order", "id"))
    run = services.run_start(actor=cast.commune_officer, conference=conference)
    assert run.current_item == items[0]
    for item in items[1:]:
        run = services.console_next_item(
            actor=cast.commune_officer, conference=conference, expected_version=run.version
        )
        assert run.current_item == item
    run = services.console_next_item(actor=cast.commune_officer, conference=conference, expected_version=run.version)
    assert run.current_item is None and run.ended_at is not None


def test_the_record_saves_notes_who_answered_and_the_outcome_once(cast, day):
    conference = day["conference"]
    a, *_ = _queue(cast, conference)
    run = services.run_start(actor=cast.commune_officer, conference=conference)
    services.console_next_speaker(actor=cast.commune_officer, conference=conference, expected_version=run.version)
    a.refresh_from_db()
    key = uuid.uuid4()
    for _ in range(2):  # the same change resent after a dropped connection
        services.intervention_record(
            actor=cast.commune_officer,
            speaker=a,
            expected_version=a.version,
            notes="Đường hỏng nặng sau mưa lũ.",
            answered_by="agency",
            answered_by_unit=cast.tree.agency_a,
            answered_by_name="Ông Lê Văn An, Giám đốc Sở",
            outcome=Outcome.COMMITTED,
            submission_key=key,
        )
    a.refresh_from_db()
    assert (a.notes, a.outcome, a.answered_by_unit) == ("Đường hỏng nặng sau mưa lũ.", "committed", cast.tree.agency_a)
    assert AuditEntry.objects.filter(action="proceedings.record").count() == 1


def test_a_record_made_on_a_stale_copy_is_refused_and_overwrites_nothing(cast, day):
    conference = day["conference"]
    a, *_ = _queue(cast, conference)
    run = services.run_start(actor=cast.commune_officer, conference=conference)
    services.console_next_speaker(actor=cast.commune_officer, conference=conference, expected_version=run.version)
    a.refresh_from_db()
    seen = a.version
    services.intervention_record(
        actor=cast.commune_officer, speaker=a, expected_version=seen, notes="Ghi chép của thư ký 1"
    )
    with pytest.raises(ServiceError) as error:
        services.intervention_record(
            actor=cast.province_officer, speaker=a, expected_version=seen, notes="Ghi chép của thư ký 2"
        )
    assert error.value.message == services.MSG_STALE
    a.refresh_from_db()
    assert a.notes == "Ghi chép của thư ký 1"


def test_an_agency_answer_must_name_the_agency_or_the_person(cast, day):
    conference = day["conference"]
    a, *_ = _queue(cast, conference)
    run = services.run_start(actor=cast.commune_officer, conference=conference)
    services.console_next_speaker(actor=cast.commune_officer, conference=conference, expected_version=run.version)
    with pytest.raises(ServiceError) as error:
        services.intervention_record(actor=cast.commune_officer, speaker=a, expected_version=None, answered_by="agency")
    assert error.value.message == services.MSG_AGENCY_WHO


def test_a_waiting_request_has_no_record_yet(cast, day):
    a, *_ = _queue(cast, day["conference"])
    with pytest.raises(ServiceError) as error:
        services.intervention_record(actor=cast.commune_officer, speaker=a, expected_version=None, notes="x")
    assert error.value.message == services.MSG_NOT_SPOKEN


def _held(cast, day):
    conference = day["conference"]
    services.attendance_mark(actor=cast.commune_officer, participant=day["people"][0], present=True)
    a, _b, _c = _queue(cast, conference)
    run = services.run_start(actor=cast.commune_officer, conference=conference)
    run = services.console_next_speaker(actor=cast.commune_officer, conference=conference, expected_version=run.version)
    a.refresh_from_db()
    services.intervention_record(
        actor=cast.commune_officer,
        speaker=a,
        expected_version=a.version,
        notes="Xin sửa đường.",
        answered_by="chair",
        outcome="settled",
    )
    services.console_next_speaker(actor=cast.commune_officer, conference=conference, expected_version=run.version)
    return conference


def test_the_minutes_are_drafted_from_the_agenda_attendance_and_interventions(cast, day):
    conference = _held(cast, day)
    minutes = services.minutes_draft(actor=cast.commune_officer, conference=conference)
    assert services.minutes_draft(actor=cast.commune_officer, conference=conference) == minutes
    assert "có mặt: 1" in minutes.attendance and "Đại biểu thôn: có mặt 1/3" in minutes.attendance
    assert "Chủ trì: Đồng chí Hứa Ngọc Sỹ" in minutes.presiding and "Hoàng Văn Cường" in minutes.presiding
    assert "Người phát biểu 1 (Nhân dân thôn 1)" in minutes.interventions
    assert "Đã giải quyết ngay tại hội nghị" in minutes.interventions
    assert "Khai mạc" in minutes.agenda or minutes.agenda.startswith("1.")


def test_the_chair_approves_and_the_minutes_are_locked(cast, day):
    conference = _held(cast, day)
    minutes = services.minutes_draft(actor=cast.commune_officer, conference=conference)
    minutes = services.minutes_update(
        actor=cast.commune_officer,
        minutes=minutes,
        expected_version=minutes.version,
        closing="Hội nghị kết thúc lúc 11 giờ.",
    )
    with pytest.raises(PermissionDenied):
        services.minutes_approve(actor=cast.commune_officer, minutes=minutes, expected_version=minutes.version)
    minutes = services.minutes_approve(actor=day["chair"], minutes=minutes, expected_version=minutes.version)
    assert minutes.status == MinutesStatus.APPROVED and minutes.approved_by == day["chair"]
    with pytest.raises(ServiceError) as error:
        services.minutes_update(
            actor=cast.commune_officer, minutes=minutes, expected_version=minutes.version, closing="x"
        )
    assert error.value.message == services.MSG_MINUTES_LOCKED


def test_a_correction_after_approval_is_an_amendment_and_the_approved_text_stays(cast, day):
    conference = _held(cast, day)
    minutes = services.minutes_draft(actor=cast.commune_officer, conference=conference)
    minutes = services.minutes_approve(actor=day["chair"], minutes=minutes, expected_version=minutes.version)
    original = minutes.closing
    with pytest.raises(ServiceError) as error:
        services.minutes_amend(actor=cast.commune_officer, minutes=minutes, section="closing", after="Sửa", reason=" ")
    assert error.value.message == services.MSG_REASON_REQUIRED
    key = uuid.uuid4()
    for _ in range(2):
        amendment = services.minutes_amend(
            actor=cast.commune_officer,
            minutes=minutes,
            section="closing",
            after="Hội nghị kết thúc vào hồi 11 giờ 15 cùng ngày.",
            reason="Ghi nhầm giờ kết thúc.",
            submission_key=key,
        )
    assert amendment.before == original and amendment.made_by == cast.commune_officer
    assert Minutes.objects.get(pk=minutes.pk).closing == original and minutes.amendments.count() == 1
    with pytest.raises(PermissionDenied):
        services.minutes_amend(actor=day["supervisor"], minutes=minutes, section="closing", after="x", reason="y")


def test_a_draft_cannot_be_amended(cast, day):
    minutes = services.minutes_draft(actor=cast.commune_officer, conference=_held(cast, day))
    with pytest.raises(ServiceError) as error:
        services.minutes_amend(actor=cast.commune_officer, minutes=minutes, section="closing", after="x", reason="y")
    assert error.value.message == services.MSG_MINUTES_NOT_APPROVED


def test_the_minutes_render_as_a_biên_bản_with_two_signatures(cast, day):
    import io

    from docx import Document

    from dialogue.proceedings.documents import minutes_docx

    minutes = services.minutes_draft(actor=cast.commune_officer, conference=_held(cast, day))
    text = "\n".join(p.text for p in Document(io.BytesIO(minutes_docx(minutes))).paragraphs)
    document = Document(io.BytesIO(minutes_docx(minutes)))
    cells = document.tables[-1].rows[0].cells
    assert "BIÊN BẢN" in text and "Ý KIẾN PHÁT BIỂU VÀ TRẢ LỜI TẠI HỘI NGHỊ" in text
    assert "THƯ KÝ HỘI NGHỊ" in cells[0].text and "Hoàng Văn Cường" in cells[0].text
    assert "CHỦ TRÌ HỘI NGHỊ" in cells[1].text and "Hứa Ngọc Sỹ" in cells[1].text


def test_the_console_offers_the_communes_bodies_and_the_provincial_agencies_but_not_other_communes(cast, day):
    from dialogue.organisation.factories import make_unit
    from dialogue.proceedings.forms import RecordForm

    own = make_unit("Công an xã Cao Minh", "agency", cast.tree.commune)
    other_commune = make_unit("Xã Nà Phặc", "commune", cast.tree.province)
    elsewhere = make_unit("Công an xã Nà Phặc", "agency", other_commune)
    offered = set(RecordForm(conference=day["conference"]).fields["answered_by_unit"].queryset)
    assert {own, cast.tree.agency_a, cast.tree.agency_b} <= offered
    assert elsewhere not in offered and cast.tree.commune not in offered
