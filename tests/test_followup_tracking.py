"""Follow-up of directives and petition groups: every move, rights, evidence rules,
double submits, stale pages and the group's state (services)."""

import uuid
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.translation import override

from dialogue.conclusions.models import Directive, DirectiveStatus
from dialogue.conclusions.states import DIRECTIVE_TRANSITIONS
from dialogue.core.errors import IllegalTransition, ServiceError
from dialogue.core.models import AuditEntry, Notification
from dialogue.followup import services
from dialogue.followup.models import Evidence, ProgressUpdate, UpdateKind
from dialogue.followup.states import GROUP_FOLLOWUP_TRANSITIONS
from dialogue.petitions import services as petition_services
from dialogue.petitions.models import FollowUpStatus, GroupStatus, PetitionGroup
from tests import test_followup_fixtures as fx

meeting = fx.meeting
followed = fx.followed

pytestmark = pytest.mark.django_db

S = DirectiveStatus
TEXT = "Đã khảo sát hiện trường, lập phương án nạo vét toàn tuyến kênh."


def _message(excinfo) -> str:
    return str(excinfo.value.message)


def _progress(f, item=None, actor=None, **kw):
    return services.progress_post(actor=actor or f.cast.agency_a, item=item or f.canal, text=TEXT, **kw)


def _report(f, claimed=S.RESOLVED, item=None, actor=None, files=None, **kw):
    files = [fx.document()] if files is None else files
    return services.result_report(
        actor=actor or f.cast.agency_a, item=item or f.canal, claimed_status=claimed, text=TEXT, files=files, **kw
    )


def _reload(item):
    item.refresh_from_db()
    return item


# ---------------------------------------------------------------- progress


def test_the_first_progress_update_puts_an_assigned_directive_in_progress(followed):
    f = followed
    assert f.canal.status == S.ASSIGNED
    update = _progress(f, files=[fx.photo()])
    assert _reload(f.canal).status == S.IN_PROGRESS
    assert (update.kind, update.status_before, update.status_after) == ("progress", "assigned", "in_progress")
    assert update.author == f.cast.agency_a and update.author_unit == f.tree.agency_a
    assert f.canal.last_update_at is not None
    evidence = update.evidence.get()
    assert evidence.content_type == "image/png" and evidence.size > 0 and len(evidence.sha256) == 64
    assert evidence.file.name.startswith("evidence/") and evidence.file.name.endswith("-hien-truong.png")


def test_a_later_progress_update_keeps_the_state_and_adds_to_the_timeline(followed):
    f = followed
    _progress(f)
    update = _progress(f)
    assert update.status_before == update.status_after == S.IN_PROGRESS
    assert ProgressUpdate.objects.filter(directive=f.canal).count() == 2


def test_a_supporting_unit_may_post_progress_but_not_report_a_result(followed):
    f = followed
    update = _progress(f, actor=f.cast.agency_b)
    assert update.author_unit == f.tree.agency_b
    with pytest.raises(PermissionDenied):
        _report(f, actor=f.cast.agency_b)
    assert _reload(f.canal).status == S.IN_PROGRESS


def test_an_agency_officer_of_another_unit_cannot_post_on_a_directive_it_is_not_given(followed):
    f = followed
    audited = AuditEntry.objects.filter(action__startswith="followup.").count()
    with pytest.raises(PermissionDenied):
        _progress(f, item=f.road, actor=f.cast.agency_a)
    with pytest.raises(PermissionDenied):
        _progress(f, actor=f.cast.outsider)
    with pytest.raises(PermissionDenied):
        _progress(f, actor=f.supervisor)
    assert not ProgressUpdate.objects.exists()
    assert AuditEntry.objects.filter(action__startswith="followup.").count() == audited


def test_a_progress_update_needs_some_text(followed):
    with pytest.raises(ServiceError) as excinfo:
        services.progress_post(actor=followed.cast.agency_a, item=followed.canal, text="  xong ")
    assert _message(excinfo) == str(services.MSG_TEXT_REQUIRED)
    assert excinfo.value.field == "text"


def test_a_directive_of_a_draft_notice_cannot_be_followed(meeting):
    from dialogue.conclusions import services as conclusion_services

    draft = conclusion_services.conclusion_draft(actor=meeting.officer, conference=meeting.conference)
    directive = draft.directives.filter(lead_unit=meeting.tree.agency_a).first()
    with pytest.raises(ServiceError) as excinfo:
        services.progress_post(actor=meeting.cast.agency_a, item=directive, text=TEXT)
    assert _message(excinfo) == str(services.MSG_NOT_IN_FORCE)


# ---------------------------------------------------------------- report, accept, return


def test_reporting_resolved_needs_evidence_on_the_directive_or_in_the_report(followed):
    f = followed
    with pytest.raises(ServiceError) as excinfo:
        _report(f, files=[])
    assert _message(excinfo) == str(services.MSG_RESOLVED_EVIDENCE)
    assert _reload(f.canal).status == S.ASSIGNED
    _progress(f, files=[fx.photo()])
    update = _report(f, files=[])
    assert update.kind == UpdateKind.REPORT and _reload(f.canal).status == S.REPORTED


def test_a_report_keeps_the_claimed_result_until_the_synthesis_board_decides(followed):
    f = followed
    update = _report(f, claimed=S.PARTLY_RESOLVED, files=[])
    f.canal.refresh_from_db()
    assert f.canal.status == S.REPORTED and f.canal.claimed_status == S.PARTLY_RESOLVED
    assert (update.status_before, update.status_after) == (S.ASSIGNED, S.PARTLY_RESOLVED)
    assert services.claimed_of(f.canal) == S.PARTLY_RESOLVED


def test_cannot_be_resolved_needs_the_reason(followed):
    f = followed
    with pytest.raises(ServiceError) as excinfo:
        _report(f, claimed=S.CANNOT_RESOLVE, files=[])
    assert _message(excinfo) == str(services.MSG_REASON_REQUIRED) and excinfo.value.field == "reason"
    _report(f, claimed=S.CANNOT_RESOLVE, files=[], reason="Vượt thẩm quyền, cần kinh phí của tỉnh.")
    assert _reload(f.canal).resolution_reason == "Vượt thẩm quyền, cần kinh phí của tỉnh."


def test_a_report_must_name_one_of_the_three_results(followed):
    with pytest.raises(ServiceError) as excinfo:
        _report(followed, claimed=S.CLOSED)
    assert _message(excinfo) == str(services.MSG_RESULT_CHOICE)


@pytest.mark.parametrize("claimed", [S.RESOLVED, S.PARTLY_RESOLVED, S.CANNOT_RESOLVE])
def test_accepting_a_result_makes_the_claimed_state(followed, claimed):
    f = followed
    _report(f, claimed=claimed, reason="Vượt thẩm quyền của xã.")
    update = services.result_accept(actor=f.reviewer, item=f.canal, text="Đồng ý.")
    f.canal.refresh_from_db()
    assert f.canal.status == claimed and f.canal.claimed_status == ""
    assert f.canal.resolved_at is not None
    assert (update.kind, update.status_before, update.status_after) == ("accepted", S.REPORTED, claimed)
    assert update.author_unit == f.conclusion.issuing_unit
    assert (f.canal.resolution_reason != "") == (claimed == S.CANNOT_RESOLVE)


def test_accepting_a_resolved_result_asks_the_petitioners(followed, monkeypatch):
    from dialogue.followup import satisfaction

    calls = []
    monkeypatch.setattr(satisfaction, "matter_resolved", lambda *, actor, item: calls.append(item.pk) or 1)
    _report(followed)
    services.result_accept(actor=followed.reviewer, item=followed.canal)
    assert calls == [followed.canal.pk]


def test_returning_a_result_needs_a_reason_and_puts_the_directive_back_in_progress(followed):
    f = followed
    _report(f)
    with pytest.raises(ServiceError) as excinfo:
        services.result_return(actor=f.reviewer, item=f.canal, reason="")
    assert _message(excinfo) == str(services.MSG_RETURN_REASON)
    update = services.result_return(actor=f.reviewer, item=f.canal, reason="Thiếu biên bản nghiệm thu có chữ ký.")
    f.canal.refresh_from_db()
    assert f.canal.status == S.IN_PROGRESS and f.canal.claimed_status == ""
    assert update.kind == UpdateKind.RETURNED and "biên bản" in update.text


def test_the_unit_that_must_act_cannot_accept_or_return_its_own_result(followed):
    f = followed
    _report(f)
    with pytest.raises(PermissionDenied):
        services.result_accept(actor=f.cast.agency_a, item=f.canal)
    with pytest.raises(PermissionDenied):
        services.result_return(actor=f.cast.agency_a, item=f.canal, reason="Tự trả lại kết quả của mình.")
    with pytest.raises(PermissionDenied):
        services.result_accept(actor=f.supervisor, item=f.canal)
    with pytest.raises(PermissionDenied):
        services.result_accept(actor=f.cast.outsider, item=f.canal)
    assert _reload(f.canal).status == S.REPORTED


def test_the_person_who_reported_a_result_cannot_accept_it(followed):
    f = followed
    _report(f, actor=f.reviewer)  # the synthesis board entering the agency's paper report
    with pytest.raises(ServiceError) as excinfo:
        services.result_accept(actor=f.reviewer, item=f.canal)
    assert _message(excinfo) == str(services.MSG_OWN_REPORT)
    services.result_accept(actor=f.cast.admin, item=f.canal)
    assert _reload(f.canal).status == S.RESOLVED


def test_nothing_can_be_accepted_when_no_result_was_reported(followed):
    with pytest.raises(ServiceError) as excinfo:
        services.result_accept(actor=followed.reviewer, item=followed.canal)
    assert _message(excinfo) == str(services.MSG_NOT_REPORTED)


# ---------------------------------------------------------------- close, due date, reopen


def test_a_directive_is_only_closed_with_evidence(followed):
    f = followed
    _report(f, claimed=S.PARTLY_RESOLVED, files=[])
    services.result_accept(actor=f.reviewer, item=f.canal)
    with pytest.raises(ServiceError) as excinfo:
        services.item_close(actor=f.reviewer, item=f.canal)
    assert _message(excinfo) == str(services.MSG_CLOSE_EVIDENCE)
    assert _reload(f.canal).status == S.PARTLY_RESOLVED
    update = services.item_close(actor=f.reviewer, item=f.canal, files=[fx.document("bien-ban-nghiem-thu.pdf")])
    f.canal.refresh_from_db()
    assert f.canal.status == S.CLOSED and f.canal.closed_at is not None
    assert update.evidence.get().name == "bien-ban-nghiem-thu.pdf"


def test_a_resolved_directive_with_evidence_on_its_timeline_is_closed(followed):
    f = followed
    _report(f)
    services.result_accept(actor=f.reviewer, item=f.canal)
    services.item_close(actor=f.reviewer, item=f.canal, text="Hoàn thành.")
    assert _reload(f.canal).status == S.CLOSED


def test_only_a_finished_result_can_be_closed_and_only_by_the_synthesis_board(followed):
    f = followed
    _progress(f, files=[fx.photo()])
    with pytest.raises(ServiceError) as excinfo:
        services.item_close(actor=f.reviewer, item=f.canal)
    assert _message(excinfo) == str(services.MSG_NOT_CLOSABLE)
    _report(f)
    services.result_accept(actor=f.reviewer, item=f.canal)
    with pytest.raises(PermissionDenied):
        services.item_close(actor=f.cast.agency_a, item=f.canal)


def test_the_synthesis_board_changes_the_due_date_with_a_reason(followed):
    f = followed
    old = f.canal.due_date
    new = timezone.localdate() + timedelta(days=30)
    with pytest.raises(ServiceError) as excinfo:
        services.due_change(actor=f.reviewer, item=f.canal, due_date=new, reason="")
    assert _message(excinfo) == str(services.MSG_DUE_REASON)
    with pytest.raises(ServiceError) as excinfo:
        services.due_change(actor=f.reviewer, item=f.canal, due_date=timezone.localdate(), reason="Chờ vốn.")
    assert _message(excinfo) == str(services.MSG_DUE_PAST) and excinfo.value.field == "due_date"
    update = services.due_change(actor=f.reviewer, item=f.canal, due_date=new, reason="Chờ bố trí vốn của tỉnh.")
    assert _reload(f.canal).due_date == new and f.canal.status == S.ASSIGNED
    assert update.kind == UpdateKind.DUE_CHANGED
    assert old.strftime("%d/%m/%Y") in update.text and new.strftime("%d/%m/%Y") in update.text
    with pytest.raises(ServiceError) as excinfo:
        services.due_change(actor=f.reviewer, item=f.canal, due_date=new, reason="Chờ bố trí vốn của tỉnh.")
    assert _message(excinfo) == str(services.MSG_DUE_SAME)
    with pytest.raises(PermissionDenied):
        services.due_change(actor=f.cast.agency_a, item=f.canal, due_date=new + timedelta(days=1), reason="Xin gia hạn")


def test_the_due_date_of_a_closed_directive_does_not_change(followed):
    f = followed
    _report(f)
    services.result_accept(actor=f.reviewer, item=f.canal)
    services.item_close(actor=f.reviewer, item=f.canal)
    with pytest.raises(ServiceError) as excinfo:
        services.due_change(
            actor=f.reviewer, item=f.canal, due_date=timezone.localdate() + timedelta(days=9), reason="Gia hạn thêm."
        )
    assert _message(excinfo) == str(services.MSG_DUE_FINISHED)


def test_the_synthesis_board_reopens_a_closed_directive_with_a_reason(followed):
    f = followed
    _report(f)
    services.result_accept(actor=f.reviewer, item=f.canal)
    services.item_close(actor=f.reviewer, item=f.canal)
    with pytest.raises(ServiceError) as excinfo:
        services.item_reopen(actor=f.reviewer, item=f.canal, reason="")
    assert _message(excinfo) == str(services.MSG_REOPEN_REASON)
    new_due = timezone.localdate() + timedelta(days=20)
    update = services.item_reopen(
        actor=f.reviewer, item=f.canal, reason="Cử tri phản ánh kênh bồi lấp trở lại.", due_date=new_due
    )
    f.canal.refresh_from_db()
    assert f.canal.status == S.IN_PROGRESS and f.canal.closed_at is None and f.canal.resolved_at is None
    assert f.canal.due_date == new_due and update.kind == UpdateKind.REOPENED
    with pytest.raises(ServiceError) as excinfo:
        services.item_reopen(actor=f.reviewer, item=f.canal, reason="Mở lại thêm lần nữa.")
    assert _message(excinfo) == str(services.MSG_NOT_REOPENABLE)


def test_progress_on_a_finished_directive_is_refused(followed):
    f = followed
    _report(f)
    services.result_accept(actor=f.reviewer, item=f.canal)
    with pytest.raises(ServiceError) as excinfo:
        _progress(f)
    assert _message(excinfo) == str(services.MSG_FINISHED)
    with pytest.raises(ServiceError):
        _report(f)


# ---------------------------------------------------------------- every move of the tables


def _pairs(table):
    states = list(table.moves)
    return [(a, b, b in table.allowed(a)) for a in states for b in states if a != b]


@pytest.mark.parametrize("current,target,legal", _pairs(DIRECTIVE_TRANSITIONS))
def test_every_move_of_a_directive_follows_the_table(followed, current, target, legal):
    f = followed
    Directive.objects.filter(pk=f.road.pk).update(status=current)
    f.road.refresh_from_db()
    kwargs = {"claimed_status": S.RESOLVED} if target == S.REPORTED else {}
    call = lambda: services.apply_move(  # noqa: E731
        actor=f.reviewer, item=f.road, kind=UpdateKind.PROGRESS, to_status=target, text="Bước kiểm tra.", **kwargs
    )
    if legal:
        update = call()
        assert _reload(f.road).status == target and update.status_before == current
    else:
        with pytest.raises(IllegalTransition):
            call()
        assert _reload(f.road).status == current
        assert not ProgressUpdate.objects.filter(directive=f.road).exists()


@pytest.mark.parametrize("current,target,legal", _pairs(GROUP_FOLLOWUP_TRANSITIONS))
def test_every_move_of_a_group_followed_directly_follows_the_table(followed, current, target, legal):
    group = followed.meeting.answered  # approved answer, no directive
    PetitionGroup.objects.filter(pk=group.pk).update(followup_status=current)
    group.refresh_from_db()
    kwargs = {"claimed_status": S.PARTLY_RESOLVED} if target == S.REPORTED else {}
    call = lambda: services.apply_move(  # noqa: E731
        actor=followed.reviewer, item=group, kind=UpdateKind.PROGRESS, to_status=target, text="Bước.", **kwargs
    )
    if legal:
        call()
        assert _reload(group).followup_status == target
    else:
        with pytest.raises(IllegalTransition):
            call()
        assert _reload(group).followup_status == current


# ---------------------------------------------------------------- double submits and stale pages


def test_a_double_submit_of_the_same_form_writes_one_update(followed):
    f = followed
    key = uuid.uuid4()
    first = _report(f, submission_key=key, expected_version=f.canal.version)
    second = _report(f, submission_key=key, expected_version=first.directive.version - 1)
    assert first.pk == second.pk
    assert ProgressUpdate.objects.filter(directive=f.canal).count() == 1
    assert Evidence.objects.count() == 1
    assert AuditEntry.objects.filter(action="followup.report").count() == 1


def test_a_form_from_a_stale_page_is_refused(followed):
    f = followed
    version = _reload(f.canal).version
    _report(f)
    with pytest.raises(ServiceError) as excinfo:
        services.result_return(actor=f.reviewer, item=f.canal, reason="Thiếu hồ sơ nghiệm thu.",
                               expected_version=version)  # fmt: skip
    assert _message(excinfo) == str(services.MSG_STALE)
    assert _reload(f.canal).status == S.REPORTED


def test_a_submission_key_of_another_item_is_refused(followed):
    key = uuid.uuid4()
    _progress(followed, submission_key=key)
    with pytest.raises(ServiceError):
        services.progress_post(actor=followed.cast.agency_b, item=followed.road, text=TEXT, submission_key=key)
    assert not ProgressUpdate.objects.filter(directive=followed.road).exists()


# ---------------------------------------------------------------- audit and messages


def test_every_step_is_audited_with_the_values_before_and_after(followed):
    f = followed
    _report(f)
    entry = AuditEntry.objects.get(action="followup.report")
    assert entry.before["status"] == S.ASSIGNED and entry.after["status"] == S.REPORTED
    assert entry.after["claimed_status"] == S.RESOLVED and entry.after["files"] == ["bien-ban.pdf"]
    assert entry.unit == f.conclusion.issuing_unit


def test_a_report_tells_the_synthesis_board_and_a_decision_tells_the_unit(followed):
    f = followed
    _report(f)
    assert Notification.objects.filter(recipient=f.reviewer, url=f"/followup/directives/{f.canal.pk}/").exists()
    services.result_return(actor=f.reviewer, item=f.canal, reason="Bổ sung ảnh hiện trường sau nạo vét.")
    told = Notification.objects.filter(recipient=f.cast.agency_a).order_by("-id").first()
    with override("vi"):
        assert told.message.startswith("Bộ phận tổng hợp đã trả lại kết quả")


# ---------------------------------------------------------------- groups


def test_a_group_with_a_directive_takes_its_state(followed):
    f = followed
    assert _reload(f.group).followup_status in (FollowUpStatus.ASSIGNED, "")
    _progress(f)
    assert _reload(f.group).followup_status == S.IN_PROGRESS
    _report(f)
    services.result_accept(actor=f.reviewer, item=f.canal)
    f.group.refresh_from_db()
    assert f.group.followup_status == S.RESOLVED and f.group.resolved_at is not None
    assert f.group.resolve_due == f.canal.due_date


def test_a_group_with_several_directives_is_as_far_as_the_least_advanced(followed):
    f = followed
    Directive.objects.filter(pk=f.road.pk).update(group=f.group)
    f.road.refresh_from_db()
    _report(f)
    services.result_accept(actor=f.reviewer, item=f.canal)
    assert _reload(f.group).followup_status == S.ASSIGNED  # the road is still only assigned
    services.progress_post(actor=f.cast.agency_b, item=f.road, text=TEXT)
    assert _reload(f.group).followup_status == S.IN_PROGRESS
    services.result_report(actor=f.cast.agency_b, item=f.road, claimed_status=S.CANNOT_RESOLVE, text=TEXT,
                           reason="Cần vốn của tỉnh.")  # fmt: skip
    services.result_accept(actor=f.reviewer, item=f.road)
    f.group.refresh_from_db()
    assert f.group.followup_status == S.CANNOT_RESOLVE and "vốn của tỉnh" in f.group.resolution_reason
    services.item_close(actor=f.reviewer, item=f.road, files=[fx.document()])
    assert _reload(f.group).followup_status == S.RESOLVED
    services.item_close(actor=f.reviewer, item=f.canal)
    assert _reload(f.group).followup_status == S.CLOSED
    assert AuditEntry.objects.filter(action="followup.group_sync", target_id=str(f.group.pk)).count() >= 4


def test_a_group_followed_through_directives_takes_no_update_of_its_own(followed):
    f = followed
    _progress(f)
    with pytest.raises(ServiceError) as excinfo:
        services.progress_post(actor=f.cast.agency_a, item=_reload(f.group), text=TEXT)
    assert _message(excinfo) == str(services.MSG_GROUP_HAS_DIRECTIVES)


def test_a_group_without_directive_is_followed_on_its_own(followed):
    f = followed
    group = f.meeting.answered  # lead agency A, approved answer, no directive
    services.progress_post(actor=f.cast.agency_a, item=group, text=TEXT, files=[fx.photo()])
    assert _reload(group).followup_status == S.IN_PROGRESS
    services.result_report(actor=f.cast.agency_a, item=group, claimed_status=S.RESOLVED, text=TEXT)
    assert _reload(group).followup_status == S.REPORTED and services.claimed_of(group) == S.RESOLVED
    with pytest.raises(PermissionDenied):
        services.result_accept(actor=f.cast.agency_b, item=group)
    services.result_accept(actor=f.reviewer, item=group)
    assert _reload(group).followup_status == S.RESOLVED and group.resolved_at is not None
    services.item_close(actor=f.reviewer, item=group)
    assert _reload(group).followup_status == S.CLOSED


def test_assigning_a_group_to_its_lead_agency_starts_its_follow_up(meeting):
    from dialogue.petitions.models import Petition

    petition = Petition.objects.create(
        conference=meeting.conference,
        receiving_unit=meeting.tree.commune,
        channel="paper_citizen",
        name="Đặng Thị Hoa",
        content="Đề nghị lắp biển báo tại ngã ba trường học thôn Nà Đon.",
        received_on=meeting.conference.date - timedelta(days=20),
        ack_due=meeting.conference.date - timedelta(days=6),
        status="classified",
    )
    group = PetitionGroup.objects.create(
        conference=meeting.conference, receiving_unit=meeting.tree.commune, summary=petition.content
    )
    petition.group = group
    petition.save()
    assert group.followup_status == ""
    petition_services.group_assign(actor=meeting.cast.province_officer, group=group, lead_unit=meeting.tree.agency_b)
    assert _reload(group).followup_status == FollowUpStatus.ASSIGNED
    assert AuditEntry.objects.filter(action="followup.group_start", target_id=str(group.pk)).exists()


def _submitted_group(meeting):
    group = PetitionGroup.objects.create(
        conference=meeting.conference,
        receiving_unit=meeting.tree.commune,
        summary="Đề nghị cấp nước sạch cho các hộ cuối thôn Nà Đon.",
    )
    group = petition_services.group_assign(
        actor=meeting.cast.province_officer, group=group, lead_unit=meeting.tree.agency_a
    )
    petition_services.answer_submit(
        actor=meeting.cast.agency_a, group=group, text="Sở sẽ đầu tư tuyến ống nước sạch trong quý IV năm 2026."
    )
    return _reload(group)


def test_an_approved_answer_that_settles_the_matter_resolves_the_group(meeting):
    group = _submitted_group(meeting)
    petition_services.answer_review(actor=meeting.cast.province_officer, group=group, approve=True)
    group.refresh_from_db()
    assert group.status == GroupStatus.APPROVED and group.followup_status == S.RESOLVED
    update = ProgressUpdate.objects.get(group=group)
    assert update.kind == UpdateKind.ACCEPTED


def test_an_approved_answer_that_needs_follow_up_puts_the_group_in_progress_until_a_date(meeting):
    group = _submitted_group(meeting)
    until = timezone.localdate() + timedelta(days=60)
    petition_services.answer_review(actor=meeting.cast.province_officer, group=group, approve=True,
                                    followup_until=until)  # fmt: skip
    group.refresh_from_db()
    assert group.followup_status == S.IN_PROGRESS and group.resolve_due == until


def test_a_follow_up_date_in_the_past_refuses_the_approval(meeting):
    group = _submitted_group(meeting)
    with pytest.raises(ServiceError):
        petition_services.answer_review(actor=meeting.cast.province_officer, group=group, approve=True,
                                        followup_until=timezone.localdate())  # fmt: skip
    assert _reload(group).status == GroupStatus.SUBMITTED


# ---------------------------------------------------------------- uploads


def test_a_program_renamed_as_a_pdf_is_refused_with_a_vietnamese_message(followed):
    bad = SimpleUploadedFile("bao-cao.pdf", b"MZ\x90\x00" + b"\x00" * 200, content_type="application/pdf")
    with override("vi"), pytest.raises(ServiceError) as excinfo:
        _progress(followed, files=[bad])
    with override("vi"):
        assert (
            _message(excinfo)
            == "Tệp “bao-cao.pdf” không thuộc loại được nhận: PDF, Word, Excel, OpenDocument hoặc ảnh JPEG, PNG, WebP."
        )
    assert not ProgressUpdate.objects.exists() and _reload(followed.canal).status == S.ASSIGNED


def test_too_many_too_big_or_empty_files_are_refused(followed, monkeypatch):
    with pytest.raises(ServiceError) as excinfo:
        _progress(followed, files=[fx.photo(f"anh-{i}.png") for i in range(11)])
    assert _message(excinfo) == str(services.MSG_TOO_MANY_FILES % {"n": 10})
    monkeypatch.setattr("dialogue.core.uploads.MAX_FILE_BYTES", 100)
    with pytest.raises(ServiceError) as excinfo:
        _progress(followed, files=[fx.document()])
    assert "bien-ban.pdf" in _message(excinfo) and "20 MB" in _message(excinfo)
    monkeypatch.undo()
    with pytest.raises(ServiceError) as excinfo:
        _progress(followed, files=[SimpleUploadedFile("trong.pdf", b"")])
    assert _message(excinfo) == str(services.MSG_FILE_EMPTY % {"name": "trong.pdf"})
    assert not ProgressUpdate.objects.exists()


def test_office_files_are_recognised_by_their_content(followed, tmp_path):
    import docx
    import openpyxl

    doc = docx.Document()
    doc.add_paragraph("Báo cáo kết quả nạo vét kênh")
    doc.save(tmp_path / "a.docx")
    book = openpyxl.Workbook()
    book.active["A1"] = "Khối lượng"
    book.save(tmp_path / "b.xlsx")
    files = [
        SimpleUploadedFile("Báo cáo.docx", (tmp_path / "a.docx").read_bytes()),
        SimpleUploadedFile("khoi-luong.xlsx", (tmp_path / "b.xlsx").read_bytes()),
        SimpleUploadedFile("anh-chup.pdf", fx.png_bytes()),  # a photo with a wrong name
    ]
    update = _progress(followed, files=files)
    found = {e.name: e.content_type for e in update.evidence.all()}
    assert found == {
        "Báo cáo.docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "khoi-luong.xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "anh-chup.png": "image/png",
    }


def test_sniffing_knows_webp_jpeg_odt_and_old_office_files():
    import io
    import zipfile

    assert services.sniff(b"RIFF\x00\x00\x00\x00WEBPVP8 ")[1] == "webp"
    assert services.sniff(b"\xff\xd8\xff\xe0\x00\x10JFIF")[1] == "jpg"
    odt = io.BytesIO()
    with zipfile.ZipFile(odt, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<x/>")
    assert services.sniff(odt.getvalue())[1] == "odt"
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100
    assert services.sniff(ole + "WordDocument".encode("utf-16-le"))[1] == "doc"
    assert services.sniff(ole + "Workbook".encode("utf-16-le"))[1] == "xls"
    assert services.sniff(ole) is None
    assert services.sniff(b"PK\x03\x04 not really a zip") is None
    assert services.sniff(b"<html><script>alert(1)</script>") is None
