"""Supervision in a real Chromium: the commune's MTTQ searches the late list on a phone and
opens a directive's history; the chair's overview fits a phone and prints without the menus.

Screenshots land in var/screenshots/supervision-*.png.
"""

import pytest

from tests import test_browser
from tests import test_followup_supervision_fixtures as fx

meeting = fx.meeting
followed = fx.followed

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

browser = test_browser.browser
shot = test_browser.shot
sign_in = test_browser.sign_in

PHONE = {"width": 390, "height": 844}


def _signed_in(browser, live_server, username, viewport):
    context = browser.new_context(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", viewport=viewport)
    page = context.new_page()
    sign_in(page, live_server, username)
    page.wait_for_url(f"{live_server.url}/staff/")
    return context, page


def _fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_the_mttq_searches_the_late_list_on_a_phone_and_reads_the_history(live_server, followed, browser):
    f = followed
    fx.add_history(f)
    context, page = _signed_in(browser, live_server, f.mttq.username, PHONE)
    page.goto(f"{live_server.url}/followup/supervision/")
    assert page.locator("tbody tr").count() == 3  # canal, the commune's provincial matter, the lighting group
    assert _fits(page)
    shot(page, "supervision-list-phone")
    page.locator("#id_q").fill("nao vet kenh")  # typed without accents
    page.locator("form[role=search] button[type=submit]").click()
    page.wait_for_url("**q=nao+vet+kenh**")
    assert page.locator("tbody tr").count() == 1
    page.locator("tbody tr a").first.click()
    page.wait_for_url(f"{live_server.url}/followup/supervision/directive/{f.canal.pk}/")
    assert page.locator(".sv-files li").count() == 3
    assert page.locator("form[method=post]").count() == 1  # sign-out only
    assert _fits(page)
    shot(page, "supervision-directive-phone")
    context.close()


def test_the_chair_overview_fits_a_phone_and_prints_without_the_menus(live_server, followed, browser):
    f = followed
    fx.add_conference_day(f)
    year = f.meeting.conference.date.year
    context, page = _signed_in(browser, live_server, f.chair.username, PHONE)
    page.goto(f"{live_server.url}/followup/chair/?year={year}")
    assert page.locator(".sv-conf").count() == 1
    assert _fits(page)
    shot(page, "supervision-chair-phone")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.emulate_media(media="print")
    assert not page.locator(".mainnav").is_visible()
    assert not page.locator("form.sv-head-form").is_visible()
    assert page.locator(".sv-conf").is_visible()
    shot(page, "supervision-chair-print")
    context.close()
