"""A draft notice takes in what the conference gained after it was drafted."""

import pytest
from django.urls import reverse

from dialogue.conclusions import services
from dialogue.core.errors import ServiceError
from dialogue.core.models import AuditEntry, Notification
from dialogue.core.services import notify_unit, people_for_unit
from dialogue.organisation.factories import make_unit
from dialogue.organisation.roles import Capability
from dialogue.petitions.models import GroupStatus, PetitionGroup
from dialogue.proceedings.models import Outcome, SpeakerRequest, SpeakerStatus
from tests import test_conclusions_fixtures

meeting = test_conclusions_fixtures.meeting

pytestmark = pytest.mark.django_db


def _draft(meeting):
    return services.conclusion_draft(actor=meeting.officer, conference=meeting.conference)


def _late_group(meeting, summary="Đề nghị lắp đặt biển báo giao thông tại ngã ba chợ Nà Đon."):
    return PetitionGroup.objects.create(
        conference=meeting.conference,
        receiving_unit=meeting.tree.commune,
        summary=summary,
        lead_unit=meeting.tree.agency_b,
        status=GroupStatus.ASSIGNED,
    )


def test_a_group_made_after_the_draft_is_added_as_a_proposed_directive(meeting):
    conclusion = _draft(meeting)
    before = conclusion.directives.count()
    group = _late_group(meeting)
    result = services.conclusion_refresh(
        actor=meeting.officer, conclusion=conclusion, expected_version=conclusion.version
    )
    assert result.directives == 1
    added = conclusion.directives.get(group=group)
    assert added.lead_unit == meeting.tree.agency_b
    assert added.order == before + 1
    assert AuditEntry.objects.filter(action="conclusion.refresh").count() == 1


def test_an_intervention_recorded_after_the_draft_is_added_and_a_settled_one_joins_the_text(meeting):
    conclusion = _draft(meeting)
    SpeakerRequest.objects.create(
        conference=meeting.conference,
        position=9,
        speaker_name="Đinh Văn Lâm",
        matter="Cấp nước sạch cho xóm Bản Chang",
        status=SpeakerStatus.DONE,
        outcome=Outcome.FOLLOW_UP,
        answered_by_unit=meeting.tree.agency_a,
    )
    SpeakerRequest.objects.create(
        conference=meeting.conference,
        position=10,
        speaker_name="Lục Thị Hoa",
        matter="Lịch thu gom rác thải",
        status=SpeakerStatus.DONE,
        outcome=Outcome.SETTLED,
        answered_by="chair",
    )
    conclusion.refresh_from_db()
    result = services.conclusion_refresh(
        actor=meeting.officer, conclusion=conclusion, expected_version=conclusion.version
    )
    assert result.directives == 1 and result.lines == 1
    conclusion.refresh_from_db()
    assert "Lục Thị Hoa" in conclusion.settled
    assert conclusion.directives.filter(matter__contains="Đinh Văn Lâm").exists()


def test_refreshing_twice_adds_nothing_the_second_time_and_keeps_the_secretariats_words(meeting):
    conclusion = _draft(meeting)
    services.conclusion_update(
        actor=meeting.officer,
        conclusion=conclusion,
        expected_version=conclusion.version,
        answered="Các ý kiến đã được trả lời bằng văn bản.",
    )
    _late_group(meeting)
    conclusion.refresh_from_db()
    services.conclusion_refresh(actor=meeting.officer, conclusion=conclusion, expected_version=conclusion.version)
    conclusion.refresh_from_db()
    count = conclusion.directives.count()
    again = services.conclusion_refresh(
        actor=meeting.officer, conclusion=conclusion, expected_version=conclusion.version
    )
    assert (again.directives, again.lines) == (0, 0)
    conclusion.refresh_from_db()
    assert conclusion.directives.count() == count
    # What the secretariat wrote in place of the drafted lines is not undone.
    assert conclusion.answered == "Các ý kiến đã được trả lời bằng văn bản."


def test_a_directive_the_secretariat_deleted_does_not_come_back(meeting):
    conclusion = _draft(meeting)
    services.directive_delete(actor=meeting.officer, directive=conclusion.directives.get(group=meeting.open_group))
    conclusion.refresh_from_db()
    result = services.conclusion_refresh(
        actor=meeting.officer, conclusion=conclusion, expected_version=conclusion.version
    )
    assert result.directives == 0
    assert not conclusion.directives.filter(group=meeting.open_group).exists()


def test_a_notice_that_is_no_longer_a_draft_is_not_refreshed(meeting):
    conclusion = _draft(meeting)
    approved = services.conclusion_approve(actor=meeting.chair, conclusion=conclusion)
    _late_group(meeting)
    with pytest.raises(ServiceError):
        services.conclusion_refresh(actor=meeting.officer, conclusion=approved, expected_version=approved.version)


def test_a_stale_page_is_refused(meeting):
    conclusion = _draft(meeting)
    with pytest.raises(ServiceError):
        services.conclusion_refresh(
            actor=meeting.officer, conclusion=conclusion, expected_version=conclusion.version - 1
        )


def test_the_secretariat_refreshes_from_the_page_and_an_agency_officer_is_refused(meeting, login):
    conclusion = _draft(meeting)
    _late_group(meeting)
    url = reverse("conclusions:refresh", args=[conclusion.pk])
    refused = login(meeting.cast.agency_a).post(url, {"version": conclusion.version})
    assert refused.status_code in (403, 404)
    assert conclusion.directives.count() == 2
    response = login(meeting.officer).post(url, {"version": conclusion.version}, follow=True)
    assert response.status_code == 200
    assert "Đã bổ sung từ hội nghị: 1 nhiệm vụ" in response.content.decode()
    assert conclusion.directives.count() == 3


def test_a_unit_without_accounts_is_notified_through_its_nearest_unit_with_people(meeting):
    commune_body = make_unit("Công an xã Cao Minh", "agency", meeting.tree.commune)
    people, holder = people_for_unit(unit=commune_body, capability=Capability.TASK_UPDATE)
    assert holder == meeting.tree.commune
    # The commune's secretariat relays it; its chair and supervisor are not flooded.
    assert people == [meeting.officer]
    sent = notify_unit(unit=commune_body, capability=Capability.TASK_UPDATE, message="Có nhiệm vụ mới.")
    assert sent >= 1
    note = Notification.objects.get(recipient=meeting.officer)
    assert note.message.startswith("Cho Công an xã Cao Minh")


def test_a_unit_with_its_own_people_is_notified_alone(meeting):
    notify_unit(unit=meeting.tree.agency_a, capability=Capability.TASK_UPDATE, message="Có nhiệm vụ mới.")
    assert Notification.objects.filter(recipient=meeting.cast.agency_a, message="Có nhiệm vụ mới.").exists()
    assert not Notification.objects.filter(recipient=meeting.officer).exists()
