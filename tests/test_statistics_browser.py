"""The statistics dashboard in a real Chromium: the province officer opens March 2026, reads
the figures, follows a bar's table to the petitions behind it; on a phone the page does
not scroll sideways. Screenshots land in var/screenshots/statistics-*.png."""

import pytest

from tests import test_browser, test_statistics_fixtures

dataset = test_statistics_fixtures.dataset
browser = test_browser.browser
shot = test_browser.shot
sign_in = test_browser.sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _open(browser, live_server, username, url, width):
    context = browser.new_context(
        locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", viewport={"width": width, "height": 900}
    )
    page = context.new_page()
    sign_in(page, live_server, username)
    page.wait_for_url(f"{live_server.url}/staff/")
    page.goto(f"{live_server.url}{url}")
    return context, page


def test_the_province_officer_reads_the_dashboard_and_opens_the_petitions_of_a_field(live_server, dataset, browser):
    t = dataset.tree
    url = f"/statistics/?unit={t.province.pk}&start=01/03/2026&end=31/03/2026"
    context, page = _open(browser, live_server, dataset.cast.province_officer.username, url, 1280)
    kpis = page.locator(".kpi__value").all_inner_texts()
    assert kpis[:3] == ["3", "5", "6"]  # conferences, participants checked in, petitions
    assert "25,0 %" in kpis  # answered on time
    assert page.locator("svg[role=img] title").count() >= 7
    shot(page, "statistics-dashboard")

    # The data table under the chart of fields carries the links.
    page.locator("#chart-field details summary").click()
    page.locator("#chart-field details a", has_text="3").first.click()
    page.wait_for_url(f"{live_server.url}/statistics/rows/field/*")
    assert page.locator("h1").inner_text().endswith("Đất đai")
    assert page.locator("tbody tr").count() == 3
    shot(page, "statistics-rows")
    context.close()


def test_on_a_phone_the_dashboard_fits_the_screen(live_server, dataset, browser):
    url = f"/statistics/?unit={dataset.tree.province.pk}&start=01/03/2026&end=31/03/2026"
    context, page = _open(browser, live_server, dataset.cast.province_officer.username, url, 390)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    shot(page, "statistics-dashboard-phone")
    context.close()
