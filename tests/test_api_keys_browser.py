"""The API keys page in real Chromium: the administrator issues a key for a connected
application's account, copies it with the button, sees it listed by its prefix only, and
revokes it after confirming; on a phone-sized screen too; no WCAG 2.1 AA violation."""

import re

import pytest

from dialogue.api.models import ApiToken
from dialogue.api.tokens import token_for_key
from dialogue.organisation.factories import make_person
from dialogue.organisation.roles import Role
from tests import test_browser
from tests.axe import assert_accessible

browser = test_browser.browser
page = test_browser.page
shot = test_browser.shot
sign_in = test_browser.sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_administrator_issues_copies_and_revokes_an_application_s_key(live_server, cast, page):
    make_person("app.caominh", "Cổng 1022 Cao Minh", roles=[(Role.SECRETARIAT, cast.tree.commune)])
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    sign_in(page, live_server, "quantri")
    page.goto(f"{live_server.url}/api-keys/")
    assert page.get_by_role("heading", name="Khóa API", exact=True).is_visible()
    assert_accessible(page)
    page.get_by_label("Hệ thống sẽ dùng khóa").fill("Cổng 1022 xã Cao Minh")
    page.get_by_label("Thời hạn").select_option("90")
    page.get_by_label("Cấp cho tài khoản (tên đăng nhập)").fill("app.caominh")
    page.get_by_role("button", name="Cấp khóa").click()
    key_box = page.get_by_label("Khóa", exact=True)
    raw = key_box.input_value()
    assert re.fullmatch(r"dt_[0-9a-f]{8}_[\w-]+", raw)
    page.get_by_role("button", name="Sao chép khóa").click()
    page.get_by_text("Đã sao chép.").wait_for()
    assert page.evaluate("() => navigator.clipboard.readText()") == raw
    assert_accessible(page)
    shot(page, "api-keys-issued")
    token = ApiToken.objects.get()
    assert token.user.username == "app.caominh" and token_for_key(raw) == token

    page.goto(f"{live_server.url}/api-keys/")
    assert raw not in page.content()
    assert page.get_by_text(f"dt_{token.prefix}_…").is_visible()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Thu hồi Cổng 1022 xã Cao Minh").click()
    assert page.get_by_text(f"Đã thu hồi khóa dt_{token.prefix}_…").is_visible()
    assert token_for_key(raw) is None
    shot(page, "api-keys-list")


def test_the_keys_page_fits_a_phone(live_server, cast, browser):
    context = browser.new_context(locale="vi-VN", viewport={"width": 360, "height": 740})
    phone = context.new_page()
    sign_in(phone, live_server, "an")
    phone.goto(f"{live_server.url}/api-keys/")
    phone.get_by_label("Hệ thống sẽ dùng khóa").fill("Phần mềm quản lý văn bản của Sở")
    phone.get_by_role("button", name="Cấp khóa").click()
    assert phone.get_by_label("Khóa", exact=True).input_value().startswith("dt_")
    # Nothing wider than the screen: the table scrolls inside its own box.
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= 360
    assert_accessible(phone)
    shot(phone, "api-keys-phone")
    context.close()
