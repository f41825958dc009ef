"""The conclusion notice in a real Chromium: the secretariat drafts it from a held
conference with petition groups and interventions and edits a directive; the chair
approves and issues it; the DOCX downloads; agency A finds its directive in its inbox.

Screenshots land in var/screenshots/conclusions-*.png. Elements are found by addresses,
ids and names, so the test does not depend on the wording of labels.
"""

import io
from pathlib import Path

import pytest
from docx import Document

from dialogue.conclusions.models import Conclusion, ConclusionStatus, DirectiveStatus
from tests import test_browser, test_conclusions_fixtures

meeting = test_conclusions_fixtures.meeting

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

browser = test_browser.browser
page = test_browser.page
shot = test_browser.shot
sign_in = test_browser.sign_in


def _signed_in(page, live_server, username):
    sign_in(page, live_server, username)
    page.wait_for_url(f"{live_server.url}/staff/")


def test_draft_edit_approve_issue_download_and_find_the_directive_in_the_agency_inbox(live_server, meeting, browser):
    base = live_server.url
    context = browser.new_context(
        locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()

    # The secretariat drafts from the conference page.
    _signed_in(page, live_server, meeting.officer.username)
    page.goto(f"{base}/plans/conferences/{meeting.conference.pk}/")
    page.locator(f"form[action='/conclusions/conference/{meeting.conference.pk}/draft/'] button").click()
    page.wait_for_url(f"{base}/conclusions/*/")
    conclusion = Conclusion.objects.get()
    assert page.locator("#directives li").count() == 2
    shot(page, "conclusions-draft")

    # Edit the first directive: a sharper expected result and an earlier due date.
    first = conclusion.directives.order_by("order").first()
    page.locator(f"#directive-{first.pk} a[href='/conclusions/directives/{first.pk}/edit/']").click()
    page.locator("#id_expected_result").fill("Nạo vét xong 1,2 km kênh mương trước vụ mùa; báo cáo Đảng ủy xã")
    page.locator("form button[type=submit].btn--primary").click()
    page.wait_for_url(f"{base}/conclusions/{conclusion.pk}/")
    first.refresh_from_db()
    assert first.expected_result.startswith("Nạo vét xong 1,2 km")
    # The secretariat has no approve button.
    assert page.locator(f"form[action='/conclusions/{conclusion.pk}/approve/']").count() == 0
    context.close()

    # The chair approves and issues it with the next number.
    context = browser.new_context(
        locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    _signed_in(page, live_server, meeting.chair.username)
    page.goto(f"{base}/conclusions/{conclusion.pk}/")
    page.locator(f"form[action='/conclusions/{conclusion.pk}/approve/'] button").click()
    page.wait_for_url(f"{base}/conclusions/{conclusion.pk}/")
    page.locator(f"a[href='/conclusions/{conclusion.pk}/issue/']").click()
    page.locator("form button[type=submit].btn--primary").click()
    page.wait_for_url(f"{base}/conclusions/{conclusion.pk}/")
    conclusion.refresh_from_db()
    assert conclusion.status == ConclusionStatus.ISSUED and conclusion.number == 1
    assert set(conclusion.directives.values_list("status", flat=True)) == {DirectiveStatus.ASSIGNED}
    shot(page, "conclusions-issued")

    with page.expect_download() as download_info:
        page.locator(f"a[href='/conclusions/{conclusion.pk}/document.docx']").first.click()
    download = download_info.value
    assert download.suggested_filename.startswith("thong-bao-ket-luan-1-")
    texts = [p.text for p in Document(io.BytesIO(Path(download.path()).read_bytes())).paragraphs]
    assert "THÔNG BÁO KẾT LUẬN" in texts
    assert any("Nạo vét xong 1,2 km" in t for t in texts)
    context.close()

    # Agency A finds its directive in the inbox, on the answers page, and a count at home.
    context = browser.new_context(
        locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", viewport={"width": 390, "height": 844}
    )
    page = context.new_page()
    _signed_in(page, live_server, meeting.cast.agency_a.username)
    assert page.locator("a[href='/conclusions/directives/']").count() >= 1
    page.goto(f"{base}/conclusions/directives/")
    assert page.locator(f"a[href='/conclusions/directives/{first.pk}/']").count() == 1
    mine = conclusion.directives.exclude(pk=first.pk).get()
    assert page.locator(f"a[href='/conclusions/directives/{mine.pk}/']").count() == 0  # agency B's, not A's
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shot(page, "conclusions-agency-inbox-phone")
    page.goto(f"{base}/petitions/inbox/")
    assert page.locator(f"a[href='/conclusions/directives/{first.pk}/']").count() == 1
    page.locator(f"a[href='/conclusions/directives/{first.pk}/']").click()
    page.wait_for_url(f"{base}/conclusions/directives/{first.pk}/")
    shot(page, "conclusions-directive-phone")
    context.close()
