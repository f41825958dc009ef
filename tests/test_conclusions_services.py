"""Drafting, editing, approving and issuing conclusion notices (dialogue.conclusions.services)."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from dialogue.conclusions import services
from dialogue.conclusions.models import (
    Conclusion,
    ConclusionPolicy,
    ConclusionStatus,
    Directive,
    DirectiveStatus,
    PublicationStatus,
)
from dialogue.conclusions.states import CONCLUSION_TRANSITIONS, DIRECTIVE_TRANSITIONS
from dialogue.core.audit_actions import ACTION_LABELS
from dialogue.core.errors import IllegalTransition, ServiceError
from dialogue.core.models import AuditEntry, Notification
from dialogue.organisation.factories import make_person
from dialogue.organisation.roles import Role
from dialogue.workcalendar.selectors import get_calendar
from tests import test_conclusions_fixtures

meeting = test_conclusions_fixtures.meeting

pytestmark = pytest.mark.django_db


def _draft(meeting):
    return services.conclusion_draft(actor=meeting.officer, conference=meeting.conference)


def _issue(meeting, conclusion=None):
    conclusion = conclusion or _draft(meeting)
    conclusion = services.conclusion_approve(actor=meeting.chair, conclusion=conclusion)
    return services.conclusion_issue(actor=meeting.chair, conclusion=conclusion, issued_on=timezone.localdate())


def test_the_draft_sorts_answered_settled_and_open_matters(meeting):
    conclusion = _draft(meeting)
    assert "giống lúa" in conclusion.answered and "Sở đã cấp 5 tấn giống lúa" in conclusion.answered
    assert "đèn chiếu sáng" in conclusion.settled  # answered live
    assert "Hoàng Thị Mai" in conclusion.settled  # settled on the spot
    matters = [d.matter for d in conclusion.directives.order_by("order")]
    assert len(matters) == 2
    assert matters[0].startswith("Đề nghị nạo vét kênh mương")
    assert "Lý Văn Tài" in matters[1]


def test_an_open_group_goes_to_its_lead_agency_with_its_supporting_agencies(meeting):
    directive = _draft(meeting).directives.get(group=meeting.open_group)
    assert directive.lead_unit == meeting.tree.agency_a
    assert list(directive.supporting_units.all()) == [meeting.tree.agency_b]
    # The follow-up intervention about the same matter is attached, not duplicated.
    assert directive.speaker_request == meeting.follow
    assert directive.status == DirectiveStatus.PROPOSED


def test_a_commitment_goes_to_the_unit_that_answered(meeting):
    directive = _draft(meeting).directives.get(speaker_request=meeting.committed)
    assert directive.lead_unit == meeting.tree.agency_b
    assert "khảo sát và khắc phục trước mùa mưa" in directive.expected_result


def test_the_notice_is_due_seven_working_days_after_the_conference_by_default(meeting):
    conclusion = _draft(meeting)
    assert conclusion.due_date == get_calendar().add(meeting.conference.date, 7)
    directive = conclusion.directives.first()
    assert directive.due_date == get_calendar().add(meeting.conference.date, 15)


def test_a_unit_policy_is_found_from_the_unit_up_its_ancestors(meeting):
    services.policy_save(
        actor=meeting.officer,
        unit=meeting.tree.commune,
        notice_working_days=5,
        directive_working_days=10,
        publication_days=10,
    )
    assert services.policy_for(meeting.dang_uy).notice_working_days == 5
    assert _draft(meeting).due_date == get_calendar().add(meeting.conference.date, 5)


def test_a_policy_is_refused_to_an_agency_and_out_of_range_values(meeting):
    with pytest.raises(PermissionDenied):
        services.policy_save(
            actor=meeting.cast.agency_a,
            unit=meeting.tree.commune,
            notice_working_days=5,
            directive_working_days=10,
            publication_days=10,
        )
    with pytest.raises(ServiceError) as error:
        services.policy_save(
            actor=meeting.officer,
            unit=meeting.tree.commune,
            notice_working_days=0,
            directive_working_days=10,
            publication_days=10,
        )
    assert error.value.message == services.MSG_DAYS_RANGE
    assert not ConclusionPolicy.objects.exists()


def test_drafting_twice_returns_the_same_draft(meeting):
    first = _draft(meeting)
    assert _draft(meeting).pk == first.pk
    assert Conclusion.objects.count() == 1
    assert AuditEntry.objects.filter(action="conclusion.draft").count() == 1


def test_a_conference_not_yet_held_cannot_be_drafted(meeting):
    meeting.conference.date = timezone.localdate() + timedelta(days=3)
    meeting.conference.save()
    with pytest.raises(ServiceError) as error:
        _draft(meeting)
    assert error.value.message == services.MSG_NOT_HELD


@pytest.mark.parametrize("who", ["agency_a", "agency_b", "outsider"])
def test_drafting_is_refused_to_people_without_the_capability_over_the_unit(meeting, who):
    with pytest.raises(PermissionDenied):
        services.conclusion_draft(actor=getattr(meeting.cast, who), conference=meeting.conference)
    assert not Conclusion.objects.exists()


def test_the_chair_cannot_draft_and_the_secretariat_cannot_approve(meeting):
    with pytest.raises(PermissionDenied):
        services.conclusion_draft(actor=meeting.chair, conference=meeting.conference)
    conclusion = _draft(meeting)
    with pytest.raises(PermissionDenied):
        services.conclusion_approve(actor=meeting.officer, conclusion=conclusion)
    with pytest.raises(PermissionDenied):
        services.conclusion_issue(actor=meeting.officer, conclusion=conclusion, issued_on=timezone.localdate())


def test_directives_can_be_added_edited_reordered_and_removed_in_the_draft(meeting):
    conclusion = _draft(meeting)
    due = get_calendar().add(meeting.conference.date, 10)
    added = services.directive_add(
        actor=meeting.officer,
        conclusion=conclusion,
        matter="  Rà soát  hồ sơ đất đai thôn Nà Đon ",
        lead_unit=meeting.ubnd_xa,
        supporting_units=[meeting.tree.agency_a],
        expected_result="Báo cáo kết quả",
        due_date=due,
    )
    assert added.order == 3 and added.matter == "Rà soát hồ sơ đất đai thôn Nà Đon"
    services.directive_move(actor=meeting.officer, directive=added, up=True)
    assert list(conclusion.directives.order_by("order").values_list("pk", flat=True))[1] == added.pk
    updated = services.directive_update(
        actor=meeting.officer,
        directive=added,
        expected_version=added.version,
        matter="Rà soát hồ sơ",
        lead_unit=meeting.ubnd_xa,
        supporting_units=[],
        expected_result="",
        due_date=due,
    )
    assert updated.matter == "Rà soát hồ sơ" and not updated.supporting_units.exists()
    services.directive_delete(actor=meeting.officer, directive=updated)
    assert list(conclusion.directives.order_by("order").values_list("order", flat=True)) == [1, 2]
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {
        "conclusion.directive_add",
        "conclusion.directive_move",
        "conclusion.directive_update",
        "conclusion.directive_delete",
    } <= actions


def test_a_directive_needs_a_unit_a_matter_and_a_due_date_after_the_conference(meeting):
    conclusion = _draft(meeting)
    cases = [
        ({"matter": "", "lead_unit": meeting.ubnd_xa, "due_date": timezone.localdate()}, services.MSG_MATTER_REQUIRED),
        ({"matter": "Việc", "lead_unit": None, "due_date": timezone.localdate()}, services.MSG_LEAD_REQUIRED),
        ({"matter": "Việc", "lead_unit": meeting.ubnd_xa, "due_date": None}, services.MSG_DUE_REQUIRED),
        (
            {"matter": "Việc", "lead_unit": meeting.ubnd_xa, "due_date": meeting.conference.date},
            services.MSG_DUE_BEFORE,
        ),
        (
            {"matter": "Việc", "lead_unit": meeting.tree.other_commune, "due_date": timezone.localdate()},
            services.MSG_UNIT_OUTSIDE,
        ),
    ]
    for values, message in cases:
        with pytest.raises(ServiceError) as error:
            services.directive_add(actor=meeting.officer, conclusion=conclusion, **values)
        assert error.value.message == message
    with pytest.raises(ServiceError) as error:
        services.directive_add(
            actor=meeting.officer,
            conclusion=conclusion,
            matter="Việc",
            lead_unit=meeting.ubnd_xa,
            supporting_units=[meeting.ubnd_xa],
            due_date=timezone.localdate(),
        )
    assert error.value.message == services.MSG_SUPPORT_IS_LEAD
    assert conclusion.directives.count() == 2


def test_a_stale_edit_is_refused(meeting):
    conclusion = _draft(meeting)
    services.conclusion_update(
        actor=meeting.officer, conclusion=conclusion, expected_version=conclusion.version, title="Kết luận mới"
    )
    with pytest.raises(ServiceError) as error:
        services.conclusion_update(
            actor=meeting.officer, conclusion=conclusion, expected_version=conclusion.version, title="Bản cũ"
        )
    assert error.value.message == services.MSG_STALE
    assert Conclusion.objects.get().title == "Kết luận mới"


def test_approval_requires_every_directive_to_have_a_unit(meeting):
    conclusion = _draft(meeting)
    Directive.objects.filter(conclusion=conclusion, order=2).update(lead_unit=None)
    with pytest.raises(ServiceError) as error:
        services.conclusion_approve(actor=meeting.chair, conclusion=conclusion)
    assert error.value.message == services.MSG_DIRECTIVES_INCOMPLETE % {"number": 2}
    assert Conclusion.objects.get().status == ConclusionStatus.DRAFT


def test_an_approved_notice_cannot_be_edited_until_sent_back(meeting):
    conclusion = services.conclusion_approve(actor=meeting.chair, conclusion=_draft(meeting))
    with pytest.raises(ServiceError):
        services.conclusion_update(actor=meeting.officer, conclusion=conclusion, expected_version=None, title="X")
    conclusion = services.conclusion_return(actor=meeting.chair, conclusion=conclusion)
    assert conclusion.status == ConclusionStatus.DRAFT and conclusion.approved_by is None


def test_issuing_numbers_the_notice_assigns_the_directives_and_tells_the_units(meeting):
    t = meeting.tree
    conclusion = _issue(meeting)
    assert conclusion.status == ConclusionStatus.ISSUED and conclusion.number == 1
    assert conclusion.number_label == "Số 1-TB/ĐU"
    assert set(conclusion.directives.values_list("status", flat=True)) == {DirectiveStatus.ASSIGNED}
    # Agency A leads the first, agency B leads the second and supports the first.
    assert Notification.objects.filter(recipient=meeting.cast.agency_a).count() == 1
    assert Notification.objects.filter(recipient=meeting.cast.agency_b).count() == 2
    assert "Số 1-TB/ĐU" in Notification.objects.filter(recipient=meeting.cast.agency_a).get().message
    assert AuditEntry.objects.filter(action="directive.assign").count() == 2
    assert t.agency_a.led_directives.count() == 1


def test_the_next_notice_of_the_unit_takes_the_next_number_and_a_typed_number_is_checked(meeting):
    first = _issue(meeting)
    conference2 = meeting.conference
    conference2.pk = None
    conference2.title = "Hội nghị đối thoại lần 2"
    conference2.save()
    second = services.conclusion_draft(actor=meeting.officer, conference=conference2)
    second = services.conclusion_approve(actor=meeting.chair, conclusion=second)
    with pytest.raises(ServiceError) as error:
        services.conclusion_issue(actor=meeting.chair, conclusion=second, issued_on=timezone.localdate(), number=1)
    assert error.value.message == services.MSG_NUMBER_TAKEN % {"number": 1, "year": timezone.localdate().year}
    second = services.conclusion_issue(actor=meeting.chair, conclusion=second, issued_on=timezone.localdate())
    assert (first.number, second.number) == (1, 2)


def test_a_notice_cannot_be_dated_before_the_conference(meeting):
    conclusion = services.conclusion_approve(actor=meeting.chair, conclusion=_draft(meeting))
    with pytest.raises(ServiceError) as error:
        services.conclusion_issue(
            actor=meeting.chair, conclusion=conclusion, issued_on=meeting.conference.date - timedelta(days=1)
        )
    assert error.value.message == services.MSG_ISSUE_BEFORE_CONFERENCE


def test_issuing_a_draft_that_was_not_approved_is_an_illegal_move(meeting):
    with pytest.raises(IllegalTransition):
        services.conclusion_issue(actor=meeting.chair, conclusion=_draft(meeting), issued_on=timezone.localdate())


def test_a_commune_conference_must_be_published_within_ten_calendar_days(meeting):
    publication = _issue(meeting).publication
    assert publication.due_date == meeting.conference.date + timedelta(days=10)
    assert publication.status == PublicationStatus.PENDING


def test_publishing_masks_names_phones_and_addresses_and_happens_once(meeting):
    conclusion = _issue(meeting)
    Conclusion.objects.filter(pk=conclusion.pk).update(
        settled=conclusion.settled + "\n- Ông Nguyễn Văn Bình (SĐT 0912 345 678) ở số 12 đường Trần Phú đề nghị."
    )
    conclusion.refresh_from_db()
    published = services.publication_publish(actor=meeting.officer, publication=conclusion.publication)
    text = published.public_text
    assert "Hoàng Thị Mai" not in text and "H.T.M." in text
    assert "Nguyễn Văn Bình" not in text and "N.V.B." in text
    assert "0912" not in text and "Trần Phú" not in text
    assert "Hứa Ngọc Sỹ" in text  # the chair and signer, named in office, keep their names
    with pytest.raises(ServiceError) as error:
        services.publication_publish(actor=meeting.officer, publication=published)
    assert error.value.message == services.MSG_ALREADY_PUBLISHED


def test_publishing_is_refused_to_an_agency(meeting):
    conclusion = _issue(meeting)
    with pytest.raises(PermissionDenied):
        services.publication_publish(actor=meeting.cast.agency_a, publication=conclusion.publication)


def test_a_cancelled_draft_frees_the_conference_for_a_new_draft(meeting):
    first = _draft(meeting)
    services.conclusion_cancel(actor=meeting.officer, conclusion=first)
    second = _draft(meeting)
    assert second.pk != first.pk and second.status == ConclusionStatus.DRAFT


def test_transition_tables_hold_every_status_and_a_proposal_only_becomes_assigned():
    assert set(CONCLUSION_TRANSITIONS.moves) == set(ConclusionStatus.values)
    assert set(DIRECTIVE_TRANSITIONS.moves) == set(DirectiveStatus.values)
    assert DIRECTIVE_TRANSITIONS.allowed(DirectiveStatus.PROPOSED) == {DirectiveStatus.ASSIGNED}
    # Nothing goes back to a proposal once the notice is issued.
    assert not any(DirectiveStatus.PROPOSED in targets for targets in DIRECTIVE_TRANSITIONS.moves.values())


def test_every_audit_action_of_conclusions_has_a_label():
    for action in [
        "conclusion.draft",
        "conclusion.update",
        "conclusion.cancel",
        "conclusion.approve",
        "conclusion.return",
        "conclusion.issue",
        "conclusion.publish",
        "conclusion.policy",
        "conclusion.directive_add",
        "conclusion.directive_update",
        "conclusion.directive_delete",
        "conclusion.directive_move",
        "directive.assign",
    ]:
        assert action in ACTION_LABELS


def test_an_admin_may_do_everything(meeting):
    admin = meeting.cast.admin
    conclusion = services.conclusion_draft(actor=admin, conference=meeting.conference)
    conclusion = services.conclusion_approve(actor=admin, conclusion=conclusion)
    assert services.conclusion_issue(actor=admin, conclusion=conclusion, issued_on=timezone.localdate()).number == 1


def test_a_chair_of_another_commune_is_refused(meeting):
    other_chair = make_person("chu2", "Đỗ Văn Tiến", roles=[(Role.CHAIR, meeting.tree.other_commune)])
    with pytest.raises(PermissionDenied):
        services.conclusion_approve(actor=other_chair, conclusion=_draft(meeting))
