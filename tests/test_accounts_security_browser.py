"""Account security in a real Chromium: the Content-Security-Policy blocks nothing on the
staff home, a petition list, the portal home, the proceedings console, the hall display,
the check-in page and the Django admin; an officer sets up two-step verification by
scanning the QR code on the page (read back here with the vendored jsQR), signs in with
password and code, and a forgotten password is reset through the e-mailed link.

Screenshots land in var/screenshots/accounts-*.png.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import mail
from playwright.sync_api import expect

from dialogue.lib import totp
from dialogue.organisation import two_factor
from dialogue.organisation.models import User
from tests import test_browser, test_browser_proceedings
from tests.axe import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

browser = test_browser.browser
page = test_browser.page
shot = test_browser.shot
sign_in = test_browser.sign_in
day = test_browser_proceedings.day

JSQR = Path(__file__).resolve().parent.parent / "static" / "vendor" / "jsqr" / "jsQR.js"

# Recorded before any page script runs (an init script is injected by the browser, so the
# policy under test does not block it): every violation the page reports.
WATCH_CSP = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' '
    + (e.sourceFile || '') + ':' + e.lineNumber);
});
"""


def watch(page) -> list[str]:
    """Console messages about the policy, gathered from now on."""
    messages: list[str] = []
    page.add_init_script(WATCH_CSP)
    page.on(
        "console",
        lambda msg: (
            messages.append(msg.text) if "Content Security Policy" in msg.text or "Refused to" in msg.text else None
        ),
    )
    return messages


def violations(page) -> list[str]:
    return page.evaluate("() => window.__csp || []")


def test_the_policy_blocks_nothing_on_the_busiest_pages(live_server, cast, day, page):
    console = watch(page)
    conference = day["conference"]
    page.goto(live_server.url + "/")
    expect(page.get_by_role("link", name="Đăng nhập cán bộ").first).to_be_visible()
    assert violations(page) == []
    sign_in(page, live_server, "cuong")
    page.wait_for_url(f"{live_server.url}/staff/")
    seen = {}
    for path in [
        "/staff/",
        "/petitions/",
        f"/proceedings/conferences/{conference.pk}/console/",
        f"/proceedings/conferences/{conference.pk}/check-in/",
        f"/proceedings/conferences/{conference.pk}/hall/",
        f"/plans/conferences/{conference.pk}/",
    ]:
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        assert "script-src 'self'" in response.headers["content-security-policy"]
        page.wait_for_load_state("networkidle")
        seen[path] = violations(page)
    # The console and the hall refresh themselves through htmx: let a few swaps happen.
    page.goto(f"{live_server.url}/proceedings/conferences/{conference.pk}/hall/")
    page.wait_for_timeout(6000)
    seen["hall after a refresh"] = violations(page)
    assert page.evaluate("() => document.querySelectorAll('style').length") == 0
    shot(page, "accounts-csp-hall")
    assert {path: found for path, found in seen.items() if found} == {}
    assert console == []


def test_the_django_admin_works_under_the_policy(live_server, cast, page):
    console = watch(page)
    sign_in(page, live_server, "quantri")
    page.wait_for_url(f"{live_server.url}/staff/")
    for path in ["/admin/", "/admin/organisation/unitkind/", "/admin/organisation/unitkind/add/"]:
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        page.wait_for_load_state("networkidle")
        assert violations(page) == [], path
    page.goto(live_server.url + "/admin/organisation/unitkind/")
    page.locator("#result_list tbody th a").first.click()
    page.wait_for_url(re.compile(r".*/admin/organisation/unitkind/\d+/change/"))
    page.wait_for_load_state("networkidle")
    assert violations(page) == []
    shot(page, "accounts-csp-admin")
    assert console == []


def decode_qr_on_page(page) -> str:
    """Draw the page's QR <svg> on a canvas and read it with jsQR, as a phone would."""
    page.evaluate(JSQR.read_text(encoding="utf-8") + "\n;undefined")
    return page.evaluate(
        """async () => {
            const svg = document.querySelector('svg.qr');
            const markup = new XMLSerializer().serializeToString(svg);
            const data = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(markup);
            const img = new Image();
            await new Promise((ok, fail) => { img.onload = ok; img.onerror = fail; img.src = data; });
            const canvas = document.createElement('canvas');
            canvas.width = canvas.height = 400;
            const ctx = canvas.getContext('2d');
            ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, 400, 400);
            ctx.drawImage(img, 0, 0, 400, 400);
            const pixels = ctx.getImageData(0, 0, 400, 400);
            const code = jsQR(pixels.data, 400, 400);
            return code ? code.data : null;
        }"""
    )


def test_an_officer_sets_up_two_step_verification_and_signs_in_with_a_code(live_server, cast, page):
    console = watch(page)
    sign_in(page, live_server, "minh")
    page.wait_for_url(f"{live_server.url}/staff/")
    page.get_by_role("link", name="Bảo mật tài khoản").click()
    expect(page.get_by_role("heading", name="Bảo mật tài khoản")).to_be_visible()
    shot(page, "accounts-security-off")
    page.get_by_role("link", name="Thiết lập xác thực hai bước").click()
    expect(page.get_by_role("img", name="Mã QR để quét bằng ứng dụng xác thực")).to_be_visible()
    assert_accessible(page)
    shot(page, "accounts-setup")

    uri = decode_qr_on_page(page)
    assert uri is not None and uri.startswith("otpauth://totp/doithoai:minh?")
    secret = parse_qs(urlsplit(uri).query)["secret"][0]
    assert page.locator("#secret-key").inner_text().replace(" ", "") == secret
    key = totp.decode_secret(secret)

    page.get_by_label("Mã trong ứng dụng").fill(totp.totp(key, time.time()))
    page.get_by_role("button", name="Bật xác thực hai bước").click()
    expect(page.get_by_role("heading", name="Mã khôi phục")).to_be_visible()
    codes = page.locator("ol.recovery-codes code").all_inner_texts()
    assert len(codes) == 10
    assert_accessible(page)
    shot(page, "accounts-recovery-codes")

    page.get_by_role("button", name="Đăng xuất").click()
    sign_in(page, live_server, "minh")
    page.wait_for_url(f"{live_server.url}/accounts/login/code/")
    expect(page.get_by_role("heading", name="Xác thực hai bước")).to_be_visible()
    page.get_by_label("Mã xác thực").fill("000000" if totp.totp(key, time.time()) != "000000" else "111111")
    page.get_by_role("button", name="Xác thực và đăng nhập").click()
    expect(page.get_by_text("Mã xác thực không đúng")).to_be_visible()
    assert_accessible(page)
    shot(page, "accounts-code-step")
    # The step after the one used at set-up: within the accepted window, never used before.
    page.get_by_label("Mã xác thực").fill(totp.totp(key, time.time() + 30))
    page.get_by_role("button", name="Xác thực và đăng nhập").click()
    page.wait_for_url(f"{live_server.url}/staff/")
    expect(page.get_by_role("heading", name="Xin chào, Trần Thị Minh")).to_be_visible()

    page.goto(f"{live_server.url}/accounts/security/")
    expect(page.get_by_text("Đang bật")).to_be_visible()
    shot(page, "accounts-security-on")
    assert console == [] and violations(page) == []
    assert two_factor.confirmed_device(User.objects.get(username="minh")) is not None


def test_a_forgotten_password_is_reset_through_the_emailed_link(live_server, cast, page):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_role("link", name="Quên mật khẩu?").click()
    expect(page.get_by_role("heading", name="Đặt lại mật khẩu")).to_be_visible()
    assert_accessible(page)
    shot(page, "accounts-reset-request")
    page.get_by_label("Địa chỉ thư điện tử của tài khoản").fill("an@example.vn")
    page.get_by_role("button", name="Gửi đường dẫn").click()
    expect(page.get_by_role("heading", name="Kiểm tra hộp thư")).to_be_visible()
    shot(page, "accounts-reset-sent")
    assert len(mail.outbox) == 1
    path = re.search(r"https?://[^/\s]+(/accounts/password/reset/\S+/)", mail.outbox[0].body).group(1)

    page.goto(live_server.url + path)
    expect(page.get_by_role("heading", name="Đặt mật khẩu mới")).to_be_visible()
    page.locator("#id_new_password1").fill("Song-Cau-2026!")
    page.locator("#id_new_password2").fill("Song-Cau-2026!")
    assert_accessible(page)
    shot(page, "accounts-reset-new-password")
    page.get_by_role("button", name="Lưu mật khẩu mới").click()
    expect(page.get_by_role("heading", name="Đã đổi mật khẩu")).to_be_visible()
    page.get_by_role("link", name="Đăng nhập").last.click()
    sign_in(page, live_server, "an", password="Song-Cau-2026!")
    page.wait_for_url(f"{live_server.url}/staff/")


def test_the_setup_page_fits_a_phone(live_server, cast, browser):
    context = browser.new_context(locale="vi-VN", viewport={"width": 375, "height": 740}, is_mobile=True)
    phone = context.new_page()
    try:
        sign_in(phone, live_server, "an")
        phone.wait_for_url(f"{live_server.url}/staff/")
        phone.goto(f"{live_server.url}/accounts/security/two-factor/setup/")
        expect(phone.locator("svg.qr")).to_be_visible()
        assert phone.evaluate("() => document.documentElement.scrollWidth") <= 375
        shot(phone, "accounts-setup-phone")
    finally:
        context.close()
