"""Real Chromium (Debian's /usr/bin/chromium) driven by Playwright against the live server.

Screenshots land in var/screenshots/ so a person can look at what the pages show.
"""

import os
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parent.parent / "var" / "screenshots"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="module")
def browser():
    # Playwright's sync API runs an event loop in this thread; the live server's ORM
    # calls happen in its own thread, and fixtures' ORM calls are synchronous by design.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium không có tại {CHROMIUM}: cài bằng apt-get install chromium")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(
        locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", viewport={"width": 1280, "height": 860}
    )
    page = context.new_page()
    yield page
    context.close()


def shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def sign_in(page, live_server, username, password="Doithoai@2026"):  # noqa: S107
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()


def test_a_province_officer_signs_in_through_the_real_page_and_sees_their_responsibilities(live_server, cast, page):
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "vi"
    shot(page, "portal-home")
    page.get_by_role("link", name="Đăng nhập cán bộ").first.click()
    shot(page, "login")
    sign_in(page, live_server, "minh")
    page.wait_for_url(f"{live_server.url}/staff/")
    assert page.get_by_role("heading", name="Xin chào, Trần Thị Minh").is_visible()
    assert page.get_by_text("Ban tổng hợp, theo dõi").first.is_visible()
    assert page.get_by_role("link", name="Nhật ký thay đổi").first.is_visible()
    shot(page, "staff-home")


def test_a_wrong_password_shows_a_vietnamese_error_and_stays_on_the_page(live_server, cast, page):
    sign_in(page, live_server, "minh", password="khong-dung")
    assert page.get_by_text("Sai tên đăng nhập hoặc mật khẩu").is_visible()
    assert "/accounts/login/" in page.url


def test_unit_search_updates_as_you_type_without_accents(live_server, cast, page):
    sign_in(page, live_server, "minh")
    page.wait_for_url(f"{live_server.url}/staff/")
    page.goto(f"{live_server.url}/organisation/units/")
    page.get_by_label("Tìm đơn vị").fill("cao minh")
    page.get_by_role("link", name="Xã Cao Minh").wait_for()
    assert page.get_by_text("Tìm thấy 1 đơn vị").is_visible()
    shot(page, "unit-search")


def test_an_admin_grants_a_role_by_picking_a_unit(live_server, cast, page):
    sign_in(page, live_server, "quantri")
    page.wait_for_url(f"{live_server.url}/staff/")
    page.goto(f"{live_server.url}/organisation/people/{cast.agency_b.pk}/")
    page.get_by_label("Vai trò").select_option("chair")
    page.get_by_label("Phạm vi đơn vị").fill("cao min")
    page.get_by_role("button", name="Xã Cao Minh").click()
    assert page.locator("#picker-unit-current").inner_text() == "Xã Cao Minh"
    page.get_by_role("button", name="Giao", exact=True).click()
    page.get_by_text("Đã giao vai trò.").wait_for()
    assert page.get_by_role("cell", name="Người chủ trì").is_visible()
    shot(page, "person-detail")


def test_on_a_phone_the_menu_folds_behind_one_button_that_names_the_current_page(live_server, cast, browser):
    context = browser.new_context(locale="vi-VN", viewport={"width": 360, "height": 740})
    page = context.new_page()
    sign_in(page, live_server, "minh")
    page.wait_for_url(f"{live_server.url}/staff/")
    toggle = page.locator(".mainnav__toggle")
    assert toggle.is_visible() and "Danh mục: Việc của tôi" in toggle.inner_text()
    assert toggle.get_attribute("aria-expanded") == "false"
    statistics = page.locator(".mainnav").get_by_role("link", name="Thống kê")
    assert not statistics.is_visible()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true" and statistics.is_visible()
    shot(page, "staff-menu-phone-open")
    statistics.click()
    page.wait_for_url(f"{live_server.url}/statistics/**")
    assert "Danh mục: Thống kê" in page.locator(".mainnav__toggle").inner_text()
    page.set_viewport_size({"width": 1280, "height": 860})
    from playwright.sync_api import expect

    # The media query's change event comes after the resize: wait for it, not a fixed time.
    expect(page.locator(".mainnav__toggle")).to_be_hidden()
    expect(page.locator(".mainnav").get_by_role("link", name="Việc của tôi")).to_be_visible()
    context.close()
