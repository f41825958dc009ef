"""The follow-up pages: who reads them, who may use which form, uploads and downloads,
htmx and plain posts, the directives list's filters."""

import uuid
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from dialogue.conclusions import selectors as conclusion_selectors
from dialogue.conclusions.models import DirectiveStatus
from dialogue.core.models import AuditEntry
from dialogue.followup import services
from dialogue.followup.models import Evidence, ProgressUpdate
from tests import test_followup_fixtures as fx

meeting = fx.meeting
followed = fx.followed

pytestmark = pytest.mark.django_db

S = DirectiveStatus
TEXT = "Đã khảo sát hiện trường và lập dự toán nạo vét kênh."


def _page(f, item=None):
    item = item or f.canal
    return reverse("followup:directive", args=[item.pk])


def _act(item, action, kind="directive"):
    return reverse(f"followup:{kind}_act", args=[item.pk, action])


def _form(item, action, **fields):
    item.refresh_from_db()
    data = {f"{action}-version": item.version, f"{action}-key": str(uuid.uuid4())}
    data.update({f"{action}-{k}": v for k, v in fields.items()})
    return data


def test_the_unit_that_must_act_sees_the_page_with_its_forms(followed, login):
    page = login(followed.cast.agency_a).get(_page(followed))
    body = page.content.decode()
    assert page.status_code == 200
    assert 'id="fu-progress"' in body and 'id="fu-report"' in body
    assert 'id="fu-accept"' not in body and 'id="fu-due"' not in body
    assert "Sở Nông nghiệp và Môi trường" in body and "Sở Xây dựng" in body  # lead and supporting units
    assert 'accept="image/*,application/pdf' in body and "capture" not in body


def test_a_supporting_unit_may_only_post_progress(followed, login):
    body = login(followed.cast.agency_b).get(_page(followed)).content.decode()
    assert 'id="fu-progress"' in body and 'id="fu-report"' not in body


def test_the_synthesis_board_sees_the_review_forms(followed, login):
    services.result_report(actor=followed.cast.agency_a, item=followed.canal, claimed_status=S.PARTLY_RESOLVED,
                           text=TEXT)  # fmt: skip
    body = login(followed.reviewer).get(_page(followed)).content.decode()
    assert 'id="fu-accept"' in body and 'id="fu-return"' in body and 'id="fu-due"' in body
    assert "Đã giải quyết một phần" in body


def test_a_supervisor_reads_the_follow_up_without_any_form(followed, login):
    services.progress_post(actor=followed.cast.agency_a, item=followed.canal, text=TEXT, files=[fx.photo()])
    client = login(followed.supervisor)
    page = client.get(_page(followed))
    assert page.status_code == 200 and TEXT in page.content.decode()
    assert "<form" not in page.content.decode().split('id="followup-body"')[1]
    evidence = Evidence.objects.get()
    assert client.get(reverse("followup:evidence", args=[evidence.pk])).status_code == 200
    refused = client.post(_act(followed.canal, "progress"), _form(followed.canal, "progress", text=TEXT))
    assert refused.status_code == 403
    assert ProgressUpdate.objects.count() == 1


def test_outsiders_and_other_agencies_get_404(followed, login, client):
    services.progress_post(actor=followed.cast.agency_b, item=followed.road, text=TEXT, files=[fx.photo()])
    evidence = Evidence.objects.get()
    for person in (followed.cast.outsider, followed.cast.agency_a):
        other = login(person)
        assert other.get(_page(followed, followed.road)).status_code == 404
        assert other.get(reverse("followup:evidence", args=[evidence.pk])).status_code == 404
        posted = other.post(_act(followed.road, "progress"), _form(followed.road, "progress", text=TEXT))
        assert posted.status_code == 404
    assert login(followed.cast.outsider).get(_page(followed)).status_code == 404
    anonymous = client.get(_page(followed))
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    assert ProgressUpdate.objects.count() == 1


def test_an_agency_officer_posts_progress_with_a_photo_and_the_page_shows_it(followed, login):
    client = login(followed.cast.agency_a)
    data = _form(followed.canal, "progress", text=TEXT)
    data["progress-files"] = [fx.photo("Ảnh hiện trường.png"), fx.document()]
    response = client.post(_act(followed.canal, "progress"), data)
    assert response.status_code == 302 and response["Location"] == _page(followed)
    followed.canal.refresh_from_db()
    assert followed.canal.status == S.IN_PROGRESS
    page = client.get(_page(followed)).content.decode()
    assert "Đã cập nhật tiến độ." in page and "Ảnh hiện trường.png" in page and "bien-ban.pdf" in page
    download = client.get(reverse("followup:evidence", args=[Evidence.objects.get(name="bien-ban.pdf").pk]))
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment;") and download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_a_double_click_on_the_form_posts_once(followed, login):
    client = login(followed.cast.agency_a)
    data = _form(followed.canal, "progress", text=TEXT)
    client.post(_act(followed.canal, "progress"), data)
    again = client.post(_act(followed.canal, "progress"), data)
    assert again.status_code == 302
    assert ProgressUpdate.objects.filter(directive=followed.canal).count() == 1


def test_a_bad_upload_is_refused_with_a_vietnamese_message_and_the_text_is_kept(followed, login):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = login(followed.cast.agency_a)
    data = _form(followed.canal, "progress", text=TEXT)
    data["progress-files"] = [SimpleUploadedFile("ket-qua.jpg", b"#!/bin/sh\nrm -rf /\n")]
    response = client.post(_act(followed.canal, "progress"), data)
    body = response.content.decode()
    assert response.status_code == 400
    assert "Tệp “ket-qua.jpg” không thuộc loại được nhận" in body and TEXT in body
    assert not ProgressUpdate.objects.exists() and not Evidence.objects.exists()


def test_htmx_posts_swap_the_page_body_in_place(followed, login):
    client = login(followed.cast.agency_a)
    data = _form(followed.canal, "progress", text=TEXT)
    response = client.post(_act(followed.canal, "progress"), data, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert response.status_code == 200 and body.startswith('<div id="followup-body"')
    assert "Đã cập nhật tiến độ." in body and "<html" not in body
    refused = client.post(_act(followed.canal, "report"), _form(followed.canal, "report", claimed_status="resolved",
                          text=TEXT), headers={"HX-Request": "true"})  # fmt: skip
    assert refused.status_code == 200 and "phải có ít nhất một văn bản hoặc hình ảnh" in refused.content.decode()


def test_report_then_accept_through_the_pages(followed, login):
    agency = login(followed.cast.agency_a)
    data = _form(followed.canal, "report", claimed_status="resolved", text=TEXT)
    data["report-files"] = [fx.document()]
    assert agency.post(_act(followed.canal, "report"), data).status_code == 302
    reviewer = login(followed.reviewer)
    refused = agency.post(_act(followed.canal, "accept"), _form(followed.canal, "accept"))
    assert refused.status_code == 403
    accepted = reviewer.post(_act(followed.canal, "accept"), _form(followed.canal, "accept", text="Đồng ý"))
    assert accepted.status_code == 302
    followed.canal.refresh_from_db()
    assert followed.canal.status == S.RESOLVED
    page = reviewer.get(_page(followed)).content.decode()
    assert 'data-status="resolved"' in page and 'id="fu-close"' in page and 'id="fu-reopen"' in page


def test_two_reviewers_on_stale_pages_cannot_both_decide(followed, login):
    services.result_report(actor=followed.cast.agency_a, item=followed.canal, claimed_status=S.RESOLVED, text=TEXT,
                           files=[fx.document()])  # fmt: skip
    first = _form(followed.canal, "accept")
    second = _form(followed.canal, "return", reason="Thiếu ảnh hiện trường sau nạo vét.")
    reviewer = login(followed.reviewer)
    assert reviewer.post(_act(followed.canal, "accept"), first).status_code == 302
    late = login(followed.cast.admin).post(_act(followed.canal, "return"), second)
    assert late.status_code == 400 and "Người khác vừa thay đổi" in late.content.decode()
    followed.canal.refresh_from_db()
    assert followed.canal.status == S.RESOLVED


def test_changing_the_due_date_through_the_page(followed, login):
    new = timezone.localdate() + timedelta(days=40)
    data = _form(followed.canal, "due", due_date=new.strftime("%d/%m/%Y"), reason="Chờ bố trí vốn.")
    assert login(followed.reviewer).post(_act(followed.canal, "due"), data).status_code == 302
    followed.canal.refresh_from_db()
    assert followed.canal.due_date == new
    assert AuditEntry.objects.filter(action="followup.due_changed").exists()


def test_an_unknown_form_is_404(followed, login):
    assert login(followed.reviewer).post(_act(followed.canal, "delete"), {}).status_code == 404
    assert login(followed.reviewer).get(_act(followed.canal, "progress")).status_code == 405


# ---------------------------------------------------------------- groups


def test_a_group_page_shows_its_directives_and_their_updates(followed, login):
    services.progress_post(actor=followed.cast.agency_a, item=followed.canal, text=TEXT)
    url = reverse("followup:group", args=[followed.group.pk])
    body = login(followed.cast.agency_a).get(url).content.decode()
    assert "Các nhiệm vụ về nội dung này" in body and TEXT in body
    assert 'id="fu-progress"' not in body  # followed through its directive
    assert login(followed.cast.outsider).get(url).status_code == 404


def test_a_group_without_directive_is_followed_on_its_own_page(followed, login):
    group = followed.meeting.answered
    client = login(followed.cast.agency_a)
    data = _form(group, "progress", text=TEXT)
    assert client.post(_act(group, "progress", "group"), data).status_code == 302
    group.refresh_from_db()
    assert group.followup_status == S.IN_PROGRESS
    assert login(followed.cast.outsider).post(_act(group, "progress", "group"), data).status_code == 404


def test_the_group_page_shows_the_follow_up_panel(followed, login):
    services.progress_post(actor=followed.cast.agency_a, item=followed.canal, text=TEXT)
    body = login(followed.reviewer).get(reverse("petitions:group_detail", args=[followed.group.pk])).content.decode()
    assert reverse("followup:group", args=[followed.group.pk]) in body and "Đang thực hiện" in body


# ---------------------------------------------------------------- the directives list


def test_the_directives_list_shows_the_filters_with_counts(followed, login):
    services.result_report(actor=followed.cast.agency_a, item=followed.canal, claimed_status=S.RESOLVED, text=TEXT,
                           files=[fx.photo()])  # fmt: skip
    body = login(followed.reviewer).get(reverse("conclusions:inbox")).content.decode()
    assert "Chờ xem xét" in body and "?state=review" in body
    assert reverse("followup:directive", args=[followed.canal.pk]) in body
    agency = login(followed.cast.agency_b).get(reverse("conclusions:inbox")).content.decode()
    assert "?state=act" in agency and "?state=review" not in agency


def test_the_list_filters_select_the_right_directives(followed):
    f = followed
    services.result_report(actor=f.cast.agency_a, item=f.canal, claimed_status=S.RESOLVED, text=TEXT,
                           files=[fx.photo()])  # fmt: skip

    def ids(user, state):
        return {r.directive.pk for r in conclusion_selectors.directive_inbox_for_user(user=user, state=state)}

    assert ids(f.reviewer, "review") == {f.canal.pk}
    assert ids(f.cast.agency_a, "review") == set()
    assert ids(f.cast.agency_a, "act") == set()  # reported: waiting for the board
    assert ids(f.cast.agency_b, "act") == {f.road.pk}
    assert ids(f.cast.agency_b, "all") == {f.road.pk, f.canal.pk}
    assert ids(f.cast.outsider, "all") == set()
    services.result_accept(actor=f.reviewer, item=f.canal)
    assert ids(f.reviewer, "resolved") == {f.canal.pk}
    services.item_close(actor=f.reviewer, item=f.canal)
    assert ids(f.reviewer, "closed") == {f.canal.pk} and ids(f.reviewer, "resolved") == set()
    from dialogue.conclusions.models import Directive

    Directive.objects.filter(pk=f.road.pk).update(due_date=timezone.localdate() - timedelta(days=10))
    assert ids(f.cast.agency_b, "late") == {f.road.pk}
    counts = conclusion_selectors.directive_inbox_counts(user=f.reviewer)
    assert counts["closed"] == 1 and counts["late"] == 1 and counts["all"] == 2 and counts["review"] == 0


def test_the_list_opens_on_the_filter_asked_for(followed, login):
    """Needs the one-line change of conclusions.views.directive_inbox (docs/followup.md)."""
    services.result_report(actor=followed.cast.agency_a, item=followed.canal, claimed_status=S.RESOLVED, text=TEXT,
                           files=[fx.photo()])  # fmt: skip
    body = login(followed.reviewer).get(reverse("conclusions:inbox") + "?state=review").content.decode()
    assert reverse("followup:directive", args=[followed.canal.pk]) in body
    assert reverse("followup:directive", args=[followed.road.pk]) not in body
