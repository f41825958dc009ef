"""Every conclusion page with the person allowed and the people refused."""

import pytest
from django.urls import reverse
from django.utils import timezone

from dialogue.conclusions import services
from dialogue.conclusions.models import Conclusion, ConclusionPolicy, ConclusionStatus, Directive, PublicationStatus
from dialogue.core.models import AuditEntry
from tests import test_conclusions_fixtures

meeting = test_conclusions_fixtures.meeting

pytestmark = pytest.mark.django_db


def _draft(meeting):
    return services.conclusion_draft(actor=meeting.officer, conference=meeting.conference)


def _issued(meeting):
    conclusion = services.conclusion_approve(actor=meeting.chair, conclusion=_draft(meeting))
    return services.conclusion_issue(actor=meeting.chair, conclusion=conclusion, issued_on=timezone.localdate())


def test_the_secretariat_drafts_from_the_conference_page(meeting, login):
    client = login(meeting.officer)
    page = client.get(reverse("plans:conference_detail", args=[meeting.conference.pk]))
    assert reverse("conclusions:draft", args=[meeting.conference.pk]) in page.content.decode()
    response = client.post(reverse("conclusions:draft", args=[meeting.conference.pk]))
    conclusion = Conclusion.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("conclusions:detail", args=[conclusion.pk])
    # A double submit lands on the same draft.
    client.post(reverse("conclusions:draft", args=[meeting.conference.pk]))
    assert Conclusion.objects.count() == 1
    detail = client.get(reverse("conclusions:detail", args=[conclusion.pk]))
    assert detail.status_code == 200 and "nạo vét kênh mương" in detail.content.decode()


@pytest.mark.parametrize("who,status", [("agency_a", 404), ("agency_b", 404), ("outsider", 404)])
def test_drafting_is_refused_to_people_who_cannot_see_or_draft(meeting, login, who, status):
    response = login(getattr(meeting.cast, who)).post(reverse("conclusions:draft", args=[meeting.conference.pk]))
    assert response.status_code == status
    assert not Conclusion.objects.exists()


def test_the_chair_and_the_supervisor_see_the_conference_but_may_not_draft(meeting, login):
    for person in (meeting.chair, meeting.supervisor):
        response = login(person).post(reverse("conclusions:draft", args=[meeting.conference.pk]))
        assert response.status_code == 403
    assert not Conclusion.objects.exists()


def test_anonymous_visitors_are_sent_to_sign_in(meeting, client):
    conclusion = _draft(meeting)
    for url in [
        reverse("conclusions:detail", args=[conclusion.pk]),
        reverse("conclusions:edit", args=[conclusion.pk]),
        reverse("conclusions:inbox"),
        reverse("conclusions:document", args=[conclusion.pk, "docx"]),
    ]:
        response = client.get(url)
        assert (response.status_code == 302 and "/login" in response["Location"]) or "/accounts/" in response[
            "Location"
        ]


def test_a_draft_is_hidden_from_agencies_and_outsiders(meeting, login):
    conclusion = _draft(meeting)
    for who in ("agency_a", "agency_b", "outsider"):
        client = login(getattr(meeting.cast, who))
        assert client.get(reverse("conclusions:detail", args=[conclusion.pk])).status_code == 404
        assert client.get(reverse("conclusions:document", args=[conclusion.pk, "docx"])).status_code == 404
    # The supervisor over the commune reads only issued notices.
    assert login(meeting.supervisor).get(reverse("conclusions:detail", args=[conclusion.pk])).status_code == 404


def test_the_drafter_edits_the_text_with_a_version_check(meeting, login):
    conclusion = _draft(meeting)
    client = login(meeting.officer)
    url = reverse("conclusions:edit", args=[conclusion.pk])
    assert client.get(url).status_code == 200
    data = {name: getattr(conclusion, name) or "" for name in services.CONCLUSION_FIELDS}
    data.update(
        {
            "version": conclusion.version,
            "title": "Kết luận đã sửa",
            "due_date": conclusion.due_date.strftime("%d/%m/%Y"),
        }
    )
    assert client.post(url, data).status_code == 302
    assert Conclusion.objects.get().title == "Kết luận đã sửa"
    stale = client.post(url, {**data, "title": "Bản cũ"})
    assert (
        stale.status_code == 200 and "Someone else" in stale.content.decode()
    ) or "Người khác" in stale.content.decode()
    assert Conclusion.objects.get().title == "Kết luận đã sửa"


@pytest.mark.parametrize("who", ["chair", "supervisor"])
def test_people_who_do_not_draft_cannot_edit_or_change_directives(meeting, login, who):
    conclusion = _draft(meeting)
    directive = conclusion.directives.first()
    client = login(getattr(meeting, who))
    assert client.get(reverse("conclusions:edit", args=[conclusion.pk])).status_code in (403, 404)
    assert client.post(reverse("conclusions:directive_delete", args=[directive.pk])).status_code in (403, 404)
    assert client.post(reverse("conclusions:directive_move", args=[directive.pk, "down"])).status_code in (403, 404)
    assert client.get(reverse("conclusions:directive_add", args=[conclusion.pk])).status_code in (403, 404)
    assert Directive.objects.count() == 2
    assert not AuditEntry.objects.filter(action__startswith="conclusion.directive").exists()


def test_the_drafter_adds_edits_moves_and_removes_a_directive(meeting, login):
    conclusion = _draft(meeting)
    client = login(meeting.officer)
    add_url = reverse("conclusions:directive_add", args=[conclusion.pk])
    assert client.get(add_url).status_code == 200
    due = services.directive_due(meeting.conference, services.policy_for(meeting.dang_uy))
    response = client.post(
        add_url,
        {
            "matter": "Rà soát hồ sơ đất đai",
            "lead_unit": meeting.ubnd_xa.pk,
            "supporting_units": [meeting.tree.agency_a.pk],
            "expected_result": "Báo cáo",
            "due_date": due.strftime("%d/%m/%Y"),
        },
    )
    assert response.status_code == 302
    added = Directive.objects.get(matter="Rà soát hồ sơ đất đai")
    bad = client.post(
        reverse("conclusions:directive_edit", args=[added.pk]),
        {
            "version": added.version,
            "matter": "Rà soát",
            "lead_unit": meeting.ubnd_xa.pk,
            "due_date": meeting.conference.date.strftime("%d/%m/%Y"),
        },
    )
    assert bad.status_code == 200
    assert Directive.objects.get(pk=added.pk).matter == "Rà soát hồ sơ đất đai"
    client.post(reverse("conclusions:directive_move", args=[added.pk, "up"]))
    assert Directive.objects.get(pk=added.pk).order == 2
    client.post(reverse("conclusions:directive_delete", args=[added.pk]))
    assert not Directive.objects.filter(pk=added.pk).exists()


def test_only_the_chair_approves_and_issues(meeting, login):
    conclusion = _draft(meeting)
    officer = login(meeting.officer)
    assert officer.post(reverse("conclusions:approve", args=[conclusion.pk])).status_code == 403
    assert officer.get(reverse("conclusions:issue", args=[conclusion.pk])).status_code == 403
    chair = login(meeting.chair)
    assert chair.get(reverse("conclusions:detail", args=[conclusion.pk])).status_code == 200
    chair.post(reverse("conclusions:approve", args=[conclusion.pk]), {"version": conclusion.version})
    assert Conclusion.objects.get().status == ConclusionStatus.APPROVED
    assert chair.get(reverse("conclusions:issue", args=[conclusion.pk])).status_code == 200
    response = chair.post(
        reverse("conclusions:issue", args=[conclusion.pk]), {"issued_on": timezone.localdate().strftime("%d/%m/%Y")}
    )
    assert response.status_code == 302
    assert Conclusion.objects.get().number == 1


def test_the_docx_downloads_for_drafters_and_for_agencies_once_issued(meeting, login):
    conclusion = _draft(meeting)
    response = login(meeting.officer).get(reverse("conclusions:document", args=[conclusion.pk, "docx"]))
    assert response.status_code == 200 and response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "thong-bao-ket-luan-du-thao" in response["Content-Disposition"]
    _issue = services.conclusion_issue(
        actor=meeting.chair,
        conclusion=services.conclusion_approve(actor=meeting.chair, conclusion=conclusion),
        issued_on=timezone.localdate(),
    )
    agency = login(meeting.cast.agency_a)
    assert agency.get(reverse("conclusions:document", args=[conclusion.pk, "docx"])).status_code == 200
    assert (
        login(meeting.cast.outsider).get(reverse("conclusions:document", args=[conclusion.pk, "docx"])).status_code
        == 404
    )


def test_an_agency_sees_only_the_directives_addressed_to_it(meeting, login):
    conclusion = _issued(meeting)
    mine = conclusion.directives.get(lead_unit=meeting.tree.agency_b)  # agency B leads the commitment
    theirs = conclusion.directives.get(lead_unit=meeting.tree.agency_a)  # and supports agency A's
    other = services  # noqa: F841
    b = login(meeting.cast.agency_b)
    inbox = b.get(reverse("conclusions:inbox")).content.decode()
    assert mine.matter[:40] in inbox and theirs.matter[:40] in inbox
    a = login(meeting.cast.agency_a)
    inbox_a = a.get(reverse("conclusions:inbox")).content.decode()
    assert theirs.matter[:40] in inbox_a and mine.matter[:40] not in inbox_a
    assert a.get(reverse("conclusions:directive_detail", args=[theirs.pk])).status_code == 200
    assert a.get(reverse("conclusions:directive_detail", args=[mine.pk])).status_code == 404
    # On the notice page agency A sees its own directive only.
    page = a.get(reverse("conclusions:detail", args=[conclusion.pk])).content.decode()
    assert theirs.matter[:40] in page and mine.matter[:40] not in page
    assert (
        login(meeting.cast.outsider).get(reverse("conclusions:directive_detail", args=[theirs.pk])).status_code == 404
    )


def test_the_agency_inbox_page_of_answers_shows_the_directives(meeting, login):
    _issued(meeting)
    page = login(meeting.cast.agency_a).get(reverse("petitions:inbox")).content.decode()
    assert "nạo vét kênh mương" in page


def test_the_home_page_counts_the_directives_of_my_units(meeting, login):
    _issued(meeting)
    page = login(meeting.cast.agency_b).get(reverse("staff:home"))
    assert page.context["directive_work"] == {"open": 2, "late": 0}


def test_the_draft_directives_are_not_in_any_inbox_before_issue(meeting, login):
    _draft(meeting)
    assert login(meeting.cast.agency_a).get(reverse("conclusions:inbox")).context["rows"] == []


def test_the_publication_preview_is_masked_and_publishing_is_for_drafters(meeting, login):
    conclusion = _issued(meeting)
    url = reverse("conclusions:publication", args=[conclusion.pk])
    assert login(meeting.cast.agency_a).get(url).status_code == 403
    assert login(meeting.chair).post(url).status_code == 403
    client = login(meeting.officer)
    page = client.get(url).content.decode()
    assert "H.T.M." in page and "Hoàng Thị Mai" not in page
    client.post(url)
    conclusion.publication.refresh_from_db()
    assert conclusion.publication.status == PublicationStatus.PUBLISHED
    client.post(url)
    assert AuditEntry.objects.filter(action="conclusion.publish").count() == 1


def test_the_unit_policy_page_is_for_the_units_secretariat(meeting, login):
    url = reverse("conclusions:policy", args=[meeting.tree.commune.pk])
    assert login(meeting.cast.agency_a).get(url).status_code == 404
    assert login(meeting.chair).get(url).status_code == 403
    client = login(meeting.officer)
    assert client.get(url).status_code == 200
    client.post(url, {"notice_working_days": 5, "directive_working_days": 12, "publication_days": 10})
    assert ConclusionPolicy.objects.get(unit=meeting.tree.commune).notice_working_days == 5
    bad = client.post(url, {"notice_working_days": 0, "directive_working_days": 12, "publication_days": 10})
    assert bad.status_code == 200
    assert ConclusionPolicy.objects.get(unit=meeting.tree.commune).notice_working_days == 5


def test_the_conference_page_shows_the_link_only_to_drafters_and_the_chair(meeting, login):
    conclusion = _draft(meeting)
    url = reverse("plans:conference_detail", args=[meeting.conference.pk])
    detail = reverse("conclusions:detail", args=[conclusion.pk])
    assert detail in login(meeting.officer).get(url).content.decode()
    assert detail in login(meeting.chair).get(url).content.decode()
    assert detail not in login(meeting.supervisor).get(url).content.decode()
