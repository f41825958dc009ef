"""Plans, conferences, timelines and tasks through their services."""

from datetime import date, time

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile

from dialogue.core.errors import IllegalTransition, ServiceError
from dialogue.core.models import AuditEntry, Notification
from dialogue.organisation.factories import make_person, make_unit
from dialogue.organisation.models import Level
from dialogue.organisation.roles import Role
from dialogue.plans import services
from dialogue.plans.models import (
    ConferenceStatus,
    DocumentLayout,
    Plan,
    PlanStatus,
    ProgrammeFrequency,
    TaskStatus,
    TimelineTemplate,
)
from dialogue.plans.selectors import conference_warnings, plan_tasks, progress_of
from dialogue.workcalendar.selectors import add_working_days


@pytest.fixture
def plan(cast):
    return services.plan_create(
        actor=cast.province_officer,
        issuing_unit=cast.tree.tinh_uy,
        title="Tổ chức Hội nghị tiếp xúc, đối thoại trực tiếp của đồng chí Bí thư Tỉnh ủy năm 2026",
        legal_bases=["Quy định số 11-QĐi/TW ngày 18/02/2019 của Bộ Chính trị về trách nhiệm của người đứng đầu"],
        introduction="Thường trực Tỉnh ủy xây dựng Kế hoạch như sau:",
        signing_authority="T/M BAN THƯỜNG VỤ",
        signer_title="PHÓ BÍ THƯ THƯỜNG TRỰC",
        signer_name="Phạm Hoàng Sơn",
    )


@pytest.fixture
def commune_party(cast):
    return make_unit("Đảng ủy xã Cao Minh", "party_committee", cast.tree.commune)


def test_a_plan_takes_the_party_header_of_a_party_issuer(plan):
    assert plan.layout == DocumentLayout.PARTY
    assert plan.issuer_line == "TỈNH ỦY THÁI NGUYÊN"
    assert plan.symbol == "KH/TU"
    assert plan.place == "Thái Nguyên"
    assert plan.status == PlanStatus.DRAFT
    assert plan.number_label.startswith("Số ") and plan.number_label.endswith("-KH/TU")


def test_a_commune_party_plan_prints_the_provincial_party_organisation_above_it(cast, commune_party):
    plan = services.plan_create(actor=cast.commune_officer, issuing_unit=commune_party, title="Kế hoạch đối thoại")
    assert plan.issuer_parent_line == "ĐẢNG BỘ TỈNH THÁI NGUYÊN"
    assert plan.issuer_line == "ĐẢNG ỦY XÃ CAO MINH"
    assert plan.symbol == "KH/ĐU"
    assert plan.place == "Cao Minh"


def test_a_peoples_committee_plan_uses_the_state_layout(cast):
    plan = services.plan_create(actor=cast.province_officer, issuing_unit=cast.tree.ubnd, title="Kế hoạch")
    assert plan.layout == DocumentLayout.STATE
    assert plan.symbol == "KH-UBND"
    assert plan.number_label == "Số:     /KH-UBND"


def test_legal_bases_keep_their_document_number_and_date(plan):
    basis = plan.legal_bases.get()
    assert basis.document_number == "11-QĐi/TW"
    assert basis.issued_on == date(2019, 2, 18)


def test_parse_citation_reads_dates_written_in_words():
    number, issued = services.parse_citation("Kế hoạch số 54-KH/ĐU ngày 16 tháng 01 năm 2026 của Đảng ủy xã Gia Phúc")
    assert (number, issued) == ("54-KH/ĐU", date(2026, 1, 16))


def test_the_agency_officer_cannot_create_a_plan(cast):
    with pytest.raises(PermissionDenied):
        services.plan_create(actor=cast.agency_a, issuing_unit=cast.tree.agency_a, title="Kế hoạch")


def test_the_outsider_cannot_edit_a_plan_of_another_province(cast, plan):
    with pytest.raises(PermissionDenied):
        services.plan_update(actor=cast.outsider, plan=plan, title="Đổi tên")


def test_a_stale_edit_is_refused(cast, plan):
    services.plan_update(actor=cast.province_officer, plan=plan, expected_version=plan.version, title="Lần một")
    with pytest.raises(ServiceError) as error:
        services.plan_update(actor=cast.province_officer, plan=plan, expected_version=plan.version, title="Lần hai")
    assert error.value.message == services.MSG_STALE


def test_issuing_takes_the_next_number_of_the_unit_and_year(cast, plan):
    other = services.plan_create(actor=cast.province_officer, issuing_unit=cast.tree.tinh_uy, title="Kế hoạch khác")
    services.plan_issue(actor=cast.province_officer, plan=other, issued_on=date(2026, 3, 2), number=166)
    issued = services.plan_issue(actor=cast.province_officer, plan=plan, issued_on=date(2026, 3, 5))
    assert issued.number == 167
    assert issued.year == 2026
    assert issued.number_label == "Số 167-KH/TU"
    assert AuditEntry.objects.filter(action="plan.issue", target_id=str(plan.pk)).exists()


def test_a_number_already_used_that_year_is_refused(cast, plan):
    other = services.plan_create(actor=cast.province_officer, issuing_unit=cast.tree.tinh_uy, title="Kế hoạch khác")
    services.plan_issue(actor=cast.province_officer, plan=other, issued_on=date(2026, 3, 2), number=5)
    with pytest.raises(ServiceError) as error:
        services.plan_issue(actor=cast.province_officer, plan=plan, issued_on=date(2026, 4, 1), number=5)
    assert error.value.message == services.MSG_NUMBER_TAKEN % {"number": 5, "year": 2026}


def test_the_same_number_may_be_used_again_in_another_year(cast, plan):
    other = services.plan_create(actor=cast.province_officer, issuing_unit=cast.tree.tinh_uy, title="Kế hoạch khác")
    services.plan_issue(actor=cast.province_officer, plan=other, issued_on=date(2025, 3, 2), number=5)
    assert services.plan_issue(actor=cast.province_officer, plan=plan, issued_on=date(2026, 1, 5), number=5).number == 5


def test_an_issued_plan_can_no_longer_be_edited_or_issued_again(cast, plan):
    services.plan_issue(actor=cast.province_officer, plan=plan, issued_on=date(2026, 3, 2))
    with pytest.raises(ServiceError):
        services.plan_update(actor=cast.province_officer, plan=plan, title="Sửa")
    with pytest.raises(IllegalTransition):
        services.plan_issue(actor=cast.province_officer, plan=plan, issued_on=date(2026, 3, 3))


def test_a_conference_without_date_or_period_is_refused(cast, plan):
    with pytest.raises(ServiceError) as error:
        services.conference_create(actor=cast.province_officer, plan=plan, title="Hội nghị")
    assert error.value.message == services.MSG_DATE_OR_PERIOD


def test_a_conference_with_a_planned_period_is_planned_and_becomes_scheduled_when_dated(cast, plan):
    conference = services.conference_create(
        actor=cast.province_officer, plan=plan, title="Hội nghị", planned_period="trung tuần tháng 7/2026"
    )
    assert conference.status == ConferenceStatus.PLANNED
    assert conference.host_unit == cast.tree.province
    conference = services.conference_update(actor=cast.province_officer, conference=conference, date=date(2026, 7, 15))
    assert conference.status == ConferenceStatus.SCHEDULED


def test_a_conference_may_have_two_chairs_scope_and_served_villages(cast, commune_party):
    plan = services.plan_create(actor=cast.commune_officer, issuing_unit=commune_party, title="Kế hoạch")
    conference = services.conference_create(
        actor=cast.commune_officer,
        plan=plan,
        title="Hội nghị đối thoại",
        date=date(2026, 11, 13),
        start_time=time(8, 0),
        scope_levels=[Level.COMMUNE],
        served_units=[cast.tree.village],
        chairs=[
            {"name": "Hứa Ngọc Sỹ", "position": "Bí thư Đảng ủy, Chủ tịch HĐND xã"},
            {"name": "Nguyễn Văn Bình", "position": "Chủ tịch UBND xã"},
        ],
    )
    assert [c.name for c in conference.chairs.all()] == ["Hứa Ngọc Sỹ", "Nguyễn Văn Bình"]
    assert list(conference.served_units.all()) == [cast.tree.village]
    assert conference.host_unit == cast.tree.commune


def test_a_conference_cannot_be_hosted_outside_the_issuers_area(cast, plan):
    with pytest.raises(ServiceError) as error:
        services.conference_create(
            actor=cast.province_officer,
            plan=plan,
            title="Hội nghị",
            date=date(2026, 7, 15),
            host_unit=cast.tree.other_commune,
        )
    assert error.value.message == services.MSG_HOST_OUTSIDE


def _timeline(cast, plan, conference):
    template = TimelineTemplate.objects.get(code="commune-dialogue")
    return services.timeline_apply(actor=cast.commune_officer, conference=conference, template=template, units={})


def test_a_timeline_places_each_step_in_working_days_from_the_conference(cast, commune_party):
    plan = services.plan_create(actor=cast.commune_officer, issuing_unit=commune_party, title="Kế hoạch")
    conference = services.conference_create(
        actor=cast.commune_officer, plan=plan, title="Hội nghị", date=date(2026, 6, 11)
    )
    tasks = {t.step.kind: t for t in _timeline(cast, plan, conference)}
    # 11/6/2026 is a Thursday; 3 working days before is Monday 8/6.
    assert tasks["answer"].due_date == date(2026, 6, 8)
    assert tasks["answer"].due_date == add_working_days(date(2026, 6, 11), -3)
    # The announcement: 7 working days before, and never later than 7 calendar days before.
    assert tasks["announce"].due_date == date(2026, 6, 2)
    assert (conference.date - tasks["announce"].due_date).days >= 7
    # The conclusion notice: 7 working days after (seed 001).
    assert tasks["conclusion"].due_date == date(2026, 6, 22)
    assert all(t.unit == commune_party for t in tasks.values())


def test_moving_the_conference_moves_open_deadlines_and_tells_the_responsible_people(cast, commune_party):
    plan = services.plan_create(actor=cast.commune_officer, issuing_unit=commune_party, title="Kế hoạch")
    conference = services.conference_create(
        actor=cast.commune_officer, plan=plan, title="Hội nghị", date=date(2026, 6, 11)
    )
    front = make_unit("Ủy ban MTTQ Việt Nam xã Cao Minh", "front", cast.tree.commune)
    collector = make_person("mttq", "Lò Thị Hoa", organisation=front, roles=[(Role.MTTQ, front)])
    template = TimelineTemplate.objects.get(code="commune-dialogue")
    collect_step = template.steps.get(kind="collect")
    tasks = services.timeline_apply(
        actor=cast.commune_officer, conference=conference, template=template, units={collect_step.pk: front}
    )
    done = next(t for t in tasks if t.step.kind == "invite")
    services.task_complete(actor=cast.commune_officer, task=done, note="Đã gửi giấy mời")
    done.refresh_from_db()
    before = done.due_date
    Notification.objects.all().delete()

    services.conference_update(actor=cast.commune_officer, conference=conference, date=date(2026, 6, 25))

    answer = conference.tasks.get(step__kind="answer")
    assert answer.due_date == add_working_days(date(2026, 6, 25), -3)
    done.refresh_from_db()
    assert done.due_date == before  # a duty already done keeps its date
    note = Notification.objects.get(recipient=collector)
    assert "25/06/2026" in note.message
    assert AuditEntry.objects.filter(action="conference.reschedule").exists()


def test_a_programme_generates_its_conferences_and_moving_one_moves_no_other(cast):
    plan = services.plan_create(actor=cast.province_officer, issuing_unit=cast.tree.ubnd, title="Kế hoạch 2024")
    programme = services.programme_create(
        actor=cast.province_officer,
        plan=plan,
        title="Đối thoại kết hợp tiếp công dân định kỳ",
        frequency=ProgrammeFrequency.MONTHLY,
        day_of_month=15,
        start_date=date(2024, 1, 1),
        end_date=date(2024, 12, 31),
        chair_name="Phan Thế Tuấn",
        chair_position="Phó Chủ tịch UBND tỉnh",
    )
    created = services.programme_generate(actor=cast.province_officer, programme=programme)
    assert len(created) == 12
    assert all(c.chairs.get().name == "Phan Thế Tuấn" for c in created)
    by_key = {c.occurrence_key: c for c in created}
    # 15/6/2024 is a Saturday: the reception moves to Monday 17/6.
    assert by_key["2024-06"].date == date(2024, 6, 17)
    assert by_key["2024-03"].date == date(2024, 3, 15)
    services.conference_update(actor=cast.province_officer, conference=by_key["2024-03"], date=date(2024, 3, 20))
    assert by_key["2024-04"].__class__.objects.get(pk=by_key["2024-04"].pk).date == date(2024, 4, 15)
    assert services.programme_generate(actor=cast.province_officer, programme=programme) == []


def test_a_quarterly_programme_without_a_day_leaves_periods_to_be_fixed(cast, plan):
    programme = services.programme_create(
        actor=cast.province_officer,
        plan=plan,
        title="Đối thoại chuyên đề",
        frequency=ProgrammeFrequency.QUARTERLY,
        start_date=date(2026, 1, 1),
        end_date=date(2026, 12, 31),
    )
    created = services.programme_generate(actor=cast.province_officer, programme=programme)
    assert [c.planned_period for c in created] == ["Quý I/2026", "Quý II/2026", "Quý III/2026", "Quý IV/2026"]
    assert all(c.status == ConferenceStatus.PLANNED for c in created)


def test_the_responsible_agency_marks_its_task_done_with_a_file(cast, plan):
    item = services.responsibility_add(actor=cast.province_officer, plan=plan, unit=cast.tree.agency_a)
    task = services.task_add(
        actor=cast.province_officer, plan=plan, responsibility=item, description="- Trả lời", due_date=date(2026, 6, 25)
    )
    assert not Notification.objects.filter(recipient=cast.agency_a).exists()  # a draft tells nobody yet
    services.plan_issue(actor=cast.province_officer, plan=plan, issued_on=date(2026, 6, 1))
    note = Notification.objects.get(recipient=cast.agency_a)
    assert note.message == "Nhiệm vụ mới theo kế hoạch Số 1-KH/TU: Trả lời"
    upload = SimpleUploadedFile("../Báo cáo trả lời.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    done = services.task_complete(actor=cast.agency_a, task=task, file=upload, done_on=date(2026, 6, 24))
    assert done.status == TaskStatus.DONE
    assert done.evidence_name == "Báo cáo trả lời.pdf"
    assert ".." not in done.evidence.name and done.evidence.name.endswith("bao-cao-tra-loi.pdf")


def test_agency_b_cannot_mark_agency_as_task_done(cast, plan):
    item = services.responsibility_add(actor=cast.province_officer, plan=plan, unit=cast.tree.agency_a)
    task = services.task_add(actor=cast.province_officer, plan=plan, responsibility=item, description="Trả lời")
    with pytest.raises(PermissionDenied):
        services.task_complete(actor=cast.agency_b, task=task, note="Xong")


def test_a_task_needs_a_note_or_a_file_to_be_done(cast, plan):
    item = services.responsibility_add(actor=cast.province_officer, plan=plan, unit=cast.tree.agency_a)
    task = services.task_add(actor=cast.province_officer, plan=plan, responsibility=item, description="Trả lời")
    with pytest.raises(ServiceError) as error:
        services.task_complete(actor=cast.agency_a, task=task)
    assert error.value.message == services.MSG_TASK_NOTE_OR_FILE


def test_progress_counts_late_tasks_in_working_days(cast, plan):
    item = services.responsibility_add(actor=cast.province_officer, plan=plan, unit=cast.tree.agency_a)
    late = services.task_add(
        actor=cast.province_officer, plan=plan, responsibility=item, description="a", due_date=date(2026, 6, 5)
    )
    services.task_add(
        actor=cast.province_officer, plan=plan, responsibility=item, description="b", due_date=date(2026, 6, 30)
    )
    done = services.task_add(
        actor=cast.province_officer, plan=plan, responsibility=item, description="c", due_date=date(2026, 6, 1)
    )
    services.task_complete(actor=cast.agency_a, task=done, note="xong", done_on=date(2026, 6, 3))
    rows = plan_tasks(plan, today=date(2026, 6, 10))
    by_id = {r.task.pk: r for r in rows}
    # Due Friday 5/6, today Wednesday 10/6: Monday, Tuesday, Wednesday -> 3 working days.
    assert by_id[late.pk].late_by == 3
    assert by_id[done.pk].late_by == 2
    progress = progress_of(rows)
    assert (progress.total, progress.done, progress.late, progress.percent) == (3, 1, 1, 33)


def test_a_commune_conference_less_than_seven_days_away_warns_about_the_announcement(cast, commune_party):
    plan = services.plan_create(actor=cast.commune_officer, issuing_unit=commune_party, title="Kế hoạch")
    conference = services.conference_create(
        actor=cast.commune_officer, plan=plan, title="Hội nghị", date=date(2026, 6, 11)
    )
    assert conference_warnings(conference, today=date(2026, 6, 1)) == []
    warnings = conference_warnings(conference, today=date(2026, 6, 6))
    assert len(warnings) == 1 and "7" in warnings[0]


def test_participants_are_tracked_from_invitation_to_attendance(cast, plan):
    conference = services.conference_create(
        actor=cast.province_officer, plan=plan, title="Hội nghị", date=date(2020, 7, 15)
    )
    parent = services.delegation_add(
        actor=cast.province_officer, conference=conference, name="Đại biểu thành phố", expected_size=250
    )
    services.delegation_add(
        actor=cast.province_officer, conference=conference, name="Người dân", expected_size=200, parent=parent
    )
    with pytest.raises(ServiceError):
        services.delegation_add(
            actor=cast.province_officer, conference=conference, name="Doanh nghiệp", expected_size=60, parent=parent
        )
    person = services.participant_add(actor=cast.province_officer, conference=conference, person=cast.agency_a)
    assert person.organisation == "Sở Nông nghiệp và Môi trường"
    with pytest.raises(ServiceError):
        services.participant_add(actor=cast.province_officer, conference=conference, person=cast.agency_a)
    by_hand = services.participant_add(
        actor=cast.province_officer, conference=conference, full_name="Nguyễn Văn Dân", delegation=parent
    )
    assert services.invitations_mark_sent(actor=cast.province_officer, conference=conference) == 2
    by_hand.refresh_from_db()
    services.participant_set_invitation(actor=cast.province_officer, participant=by_hand, status="confirmed")
    services.participant_set_attendance(actor=cast.province_officer, participant=by_hand, attended=True)
    by_hand.refresh_from_db()
    assert by_hand.invitation_status == "confirmed" and by_hand.attended is True


def test_attendance_cannot_be_recorded_before_the_day(cast, plan):
    conference = services.conference_create(
        actor=cast.province_officer, plan=plan, title="Hội nghị", date=date(2099, 7, 15)
    )
    person = services.participant_add(actor=cast.province_officer, conference=conference, full_name="Ông A")
    with pytest.raises(ServiceError):
        services.participant_set_attendance(actor=cast.province_officer, participant=person, attended=True)


def test_the_agenda_is_prefilled_with_the_standard_procedure_and_can_be_reordered(cast, plan):
    conference = services.conference_create(
        actor=cast.province_officer, plan=plan, title="Hội nghị", date=date(2026, 7, 15)
    )
    assert services.agenda_prefill(actor=cast.province_officer, conference=conference) == 8
    assert services.agenda_prefill(actor=cast.province_officer, conference=conference) == 0
    items = list(conference.agenda_items.all())
    services.agenda_item_move(actor=cast.province_officer, item=items[1], up=True)
    assert list(conference.agenda_items.order_by("order").values_list("pk", flat=True))[:2] == [
        items[1].pk,
        items[0].pk,
    ]
    services.agenda_item_delete(actor=cast.province_officer, item=items[0])
    assert list(conference.agenda_items.values_list("order", flat=True)) == list(range(1, 8))


def test_cancelling_a_plan_cancels_its_open_tasks(cast, plan):
    item = services.responsibility_add(actor=cast.province_officer, plan=plan, unit=cast.tree.agency_a)
    task = services.task_add(actor=cast.province_officer, plan=plan, responsibility=item, description="a")
    services.plan_cancel(actor=cast.province_officer, plan=plan)
    task.refresh_from_db()
    assert task.status == TaskStatus.CANCELLED
    assert Plan.objects.get(pk=plan.pk).status == PlanStatus.CANCELLED


def test_a_printed_duty_carries_its_due_date_unless_the_wording_gives_one(cast, plan):
    from dialogue.plans.documents import duty_text

    item = services.responsibility_add(actor=cast.province_officer, plan=plan, unit=cast.tree.agency_a)

    def duty(text):
        task = services.task_add(
            actor=cast.province_officer, plan=plan, responsibility=item, description=text, due_date=date(2026, 6, 5)
        )
        return duty_text(task)

    assert duty("- Gửi giấy mời.") == "- Gửi giấy mời (thời hạn: 05/06/2026)."
    assert duty("- Gửi giấy mời xong trước ngày 05/6/2026.") == "- Gửi giấy mời xong trước ngày 05/6/2026."
    assert duty("- Gửi báo cáo trước 03 ngày làm việc tổ chức Hội nghị.").endswith("Hội nghị.")
