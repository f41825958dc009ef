"""The public portal's reading pages in a real Chromium, at phone size (360×740) and on a
desktop: axe-core finds no WCAG 2.1 A/AA violation on any of them, nothing is wider than
the phone's screen, the main controls are large enough for a thumb, nothing shifts while
loading, and reading and searching work with JavaScript turned off.

Screenshots land in var/screenshots/portal-read-*.png.
"""

import pytest

from tests import test_browser, test_portal_read
from tests.axe import assert_accessible

meeting = test_portal_read.meeting
portal = test_portal_read.portal
browser = test_browser.browser
shot = test_browser.shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 860}


def pages_of(portal) -> list[tuple[str, str]]:
    t = portal.tree
    return [
        ("home", "/"),
        ("areas", "/dia-ban/"),
        ("areas-search", "/dia-ban/?q=gia+phuc"),
        ("area-commune", f"/dia-ban/{t.commune.pk}/"),
        ("area-province", f"/dia-ban/{t.province.pk}/"),
        ("conferences", "/hoi-nghi/"),
        ("conferences-filtered", f"/hoi-nghi/?dia-ban={t.other_province.pk}&q=nuoc"),
        ("conference-upcoming", f"/hoi-nghi/{portal.soon.pk}/"),
        ("conference-results", f"/hoi-nghi/{portal.held.pk}/"),
        ("conference-unpublished", f"/hoi-nghi/{portal.quiet.pk}/"),
        ("results", "/ket-qua/"),
        ("privacy", "/du-lieu-ca-nhan/"),
    ]


def _context(browser, viewport, **extra):
    return browser.new_context(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", viewport=viewport, **extra)


def test_every_reading_page_has_no_accessibility_violation_at_phone_and_desktop_size(live_server, portal, browser):
    for size, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        context = _context(browser, viewport)
        page = context.new_page()
        for name, path in pages_of(portal):
            response = page.goto(live_server.url + path)
            assert response.status == 200, path
            assert page.locator("html").get_attribute("lang") == "vi"
            assert_accessible(page)
            overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{path} is {overflow}px wider than the {size} screen"
            shot(page, f"portal-read-{name}-{size}")
        context.close()


def test_the_main_controls_are_large_enough_to_tap_on_a_phone(live_server, portal, browser):
    context = _context(browser, PHONE)
    page = context.new_page()
    for path in ("/", f"/hoi-nghi/{portal.soon.pk}/", "/ket-qua/"):
        page.goto(live_server.url + path)
        small = page.evaluate(
            """() => [...document.querySelectorAll(
                    '.mainnav a, .topbar .btn, main .btn, main input, main select, '
                    + '.quick__link, .link-list a, .portal-footer__links a')]
                .map(el => [el.textContent.trim().slice(0, 40) || el.name, el.getBoundingClientRect().height])
                .filter(([, h]) => h < 44)"""
        )
        assert not small, (path, small)
    context.close()


def test_the_pages_do_not_shift_while_they_load(live_server, portal, browser):
    context = _context(browser, PHONE)
    page = context.new_page()
    for path in ("/", f"/hoi-nghi/{portal.held.pk}/"):
        page.goto(live_server.url + path, wait_until="load")
        shift = page.evaluate(
            """() => new Promise(resolve => {
                let total = 0;
                new PerformanceObserver(list => {
                    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
                }).observe({type: 'layout-shift', buffered: true});
                setTimeout(() => resolve(total), 300);
            })"""
        )
        assert shift == 0, (path, shift)
    context.close()


def test_a_citizen_without_javascript_finds_gia_phuc_reads_its_conference_and_the_results(live_server, portal, browser):
    context = _context(browser, PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/")
    page.get_by_label("Tìm tỉnh, thành phố hoặc xã, phường của bạn").fill("gia phuc")
    page.get_by_role("button", name="Tìm").click()
    page.wait_for_url(f"{live_server.url}/dia-ban/?q=gia+phuc")
    page.get_by_role("link", name="Xã Gia Phúc").click()
    page.wait_for_url(f"{live_server.url}/dia-ban/{portal.tree.other_commune.pk}/")
    assert page.get_by_role("heading", name="Xã Gia Phúc", level=1).is_visible()
    shot(page, "portal-read-nojs-area")
    page.get_by_role("link", name=portal.far.title).click()
    page.wait_for_url(f"{live_server.url}/hoi-nghi/{portal.far.pk}/")
    assert page.get_by_role("heading", name="Cách tham gia").is_visible()
    assert page.get_by_text("Hội trường Ủy ban nhân dân xã Gia Phúc").is_visible()

    # Filter the upcoming conferences by province with the form, no script needed.
    page.get_by_role("link", name="Hội nghị sắp tới").first.click()
    page.get_by_label("Tỉnh hoặc xã").select_option(str(portal.tree.province.pk))
    page.get_by_role("button", name="Xem").click()
    assert page.get_by_role("link", name=portal.soon.title).is_visible()
    assert page.get_by_role("link", name=portal.far.title).count() == 0

    # Results, and the notice opens (a <details> element works without script).
    page.get_by_role("link", name="Kết quả", exact=True).first.click()
    page.get_by_role("link", name=portal.held.title).click()
    assert page.get_by_role("heading", name="Trả lời kiến nghị").is_visible()
    assert "Sở đã cấp 5 tấn giống lúa cho xã trong tháng 7" in page.locator(".answer__text").first.inner_text()
    shot(page, "portal-read-nojs-results")

    # A province's communes open from a <details> summary, also without script.
    page.goto(f"{live_server.url}/dia-ban/{portal.tree.province.pk}/")
    assert not page.get_by_role("link", name="Xã Cao Minh").is_visible()
    page.get_by_text("Xem danh sách").click()
    page.get_by_role("link", name="Xã Cao Minh").click()
    page.wait_for_url(f"{live_server.url}/dia-ban/{portal.tree.commune.pk}/")
    context.close()
