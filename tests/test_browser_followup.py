"""Follow-up in a real Chromium: agency A's officer posts a progress update with a photo
from the directive's follow-up page, then reports the matter resolved with the minutes;
the synthesis officer accepts the result; the directive shows as resolved, and so does
its petition group. The dashboard step (statistics) is added by the lead.

Screenshots land in var/screenshots/followup-*.png. Elements are found by addresses, ids
and names, so the test does not depend on the wording of labels.
"""

import pytest
from django.utils import timezone

from dialogue.conclusions.models import DirectiveStatus
from dialogue.followup.models import Evidence, ProgressUpdate, UpdateKind
from tests import test_browser, test_followup_fixtures

meeting = test_followup_fixtures.meeting
followed = test_followup_fixtures.followed

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

browser = test_browser.browser
shot = test_browser.shot
sign_in = test_browser.sign_in


def _signed_in(browser, live_server, username, *, width=1280, height=900):
    context = browser.new_context(
        locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", viewport={"width": width, "height": height}
    )
    page = context.new_page()
    sign_in(page, live_server, username)
    page.wait_for_url(f"{live_server.url}/staff/")
    return context, page


def test_post_progress_with_evidence_report_resolved_and_the_synthesis_board_accepts(live_server, followed, browser):
    base = live_server.url
    directive = followed.canal
    url = f"{base}/followup/directives/{directive.pk}/"

    # Agency A's officer, on a phone, finds the directive in the list and opens its follow-up.
    context, page = _signed_in(browser, live_server, followed.cast.agency_a.username, width=390, height=820)
    page.goto(f"{base}/conclusions/directives/")
    page.locator(f"a[href='/followup/directives/{directive.pk}/']").first.click()
    page.wait_for_url(url)
    assert page.locator("#fu-progress[open]").count() == 1
    assert page.locator("#fu-accept").count() == 0
    page.locator("#id_progress-text").fill("Đã khảo sát hiện trường, nạo vét được 600 m kênh mương nội đồng.")
    page.locator("#id_progress-files").set_input_files(
        [{"name": "anh-hien-truong.png", "mimeType": "image/png", "buffer": test_followup_fixtures.png_bytes()}]
    )
    page.locator("#fu-progress button[type=submit]").click()
    page.locator("[data-status='in_progress']").wait_for()
    assert page.locator("#followup-body .message--success").count() == 1
    assert page.locator("a[href^='/followup/evidence/']").count() == 1
    shot(page, "followup-agency-phone")
    evidence = Evidence.objects.get()
    assert evidence.name == "anh-hien-truong.png" and evidence.update.kind == UpdateKind.PROGRESS

    # The evidence downloads as an attachment.
    with page.expect_download() as info:
        page.locator(f"a[href='/followup/evidence/{evidence.pk}/']").click()
    assert info.value.suggested_filename == "anh-hien-truong.png"

    # The report: resolved, with the minutes.
    page.locator("#fu-report summary").click()
    page.locator("input[name='report-claimed_status'][value='resolved']").check()
    page.locator("#id_report-text").fill("Đã nạo vét xong toàn tuyến 1,2 km, nghiệm thu ngày hôm nay.")
    page.locator("#id_report-files").set_input_files(
        [{"name": "bien-ban.pdf", "mimeType": "application/pdf", "buffer": test_followup_fixtures.pdf_bytes()}]
    )
    page.locator("#fu-report button[type=submit]").click()
    page.locator("[data-status='reported']").wait_for()
    assert page.locator("#followup-body .message--success").count() == 1
    assert page.locator("#fu-report").count() == 0
    context.close()
    directive.refresh_from_db()
    assert directive.status == DirectiveStatus.REPORTED and directive.claimed_status == DirectiveStatus.RESOLVED

    # The synthesis officer looks at the statistics first: nothing resolved yet.
    context, page = _signed_in(browser, live_server, followed.reviewer.username)
    today = timezone.localdate().strftime("%d/%m/%Y")
    dashboard = f"{base}/statistics/?unit={followed.tree.province.pk}&start={today}&end={today}"
    resolved_figure = page.locator("a[href*='/statistics/rows/directives_resolved/']").first
    page.goto(dashboard)
    before = int(resolved_figure.inner_text())

    # The synthesis officer accepts the result.
    page.goto(url)
    assert page.locator("#fu-accept[open]").count() == 1
    shot(page, "followup-review")
    page.locator("#id_accept-text").fill("Đã kiểm tra thực tế, đồng ý.")
    page.locator("#fu-accept button[type=submit]").click()
    page.locator("[data-status='resolved']").wait_for()
    assert page.locator("#followup-body .message--success").count() == 1
    assert page.locator("#fu-close").count() == 1
    shot(page, "followup-resolved")

    # The directive and its petition group show as resolved.
    page.goto(f"{base}/conclusions/directives/{directive.pk}/")
    assert page.locator(f"a[href='/followup/directives/{directive.pk}/']").count() == 1
    page.goto(f"{base}/followup/groups/{followed.group.pk}/")
    assert page.locator("[data-status='resolved']").count() == 1

    # The dashboard counts one more resolved directive, and its list shows it.
    page.goto(dashboard)
    assert int(resolved_figure.inner_text()) == before + 1
    resolved_figure.click()
    page.wait_for_url("**/statistics/rows/directives_resolved/**")
    assert page.get_by_text(directive.matter[:40]).count() >= 1
    shot(page, "followup-dashboard-resolved")
    context.close()

    directive.refresh_from_db()
    followed.group.refresh_from_db()
    assert directive.status == DirectiveStatus.RESOLVED
    assert followed.group.followup_status == DirectiveStatus.RESOLVED
    assert list(ProgressUpdate.objects.filter(directive=directive).values_list("kind", flat=True)) == [
        UpdateKind.PROGRESS,
        UpdateKind.REPORT,
        UpdateKind.ACCEPTED,
    ]


def test_without_javascript_the_forms_still_post_and_come_back_to_the_page(live_server, followed, browser):
    context = browser.new_context(locale="vi-VN", java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    sign_in(page, live_server, followed.cast.agency_b.username)
    page.wait_for_url(f"{live_server.url}/staff/")
    url = f"{live_server.url}/followup/directives/{followed.road.pk}/"
    page.goto(url)
    page.locator("#id_progress-text").fill("Đã khảo sát điểm sạt lở, lập phương án khắc phục trước mùa mưa.")
    page.locator("#fu-progress button[type=submit]").click()
    page.wait_for_url(url)
    assert page.locator(".messages .message--success").count() == 1
    assert page.locator("[data-status='in_progress']").count() == 1
    context.close()
