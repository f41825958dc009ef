"""Personal data in a real Chromium on a telephone-sized window: the national
administrator opens «Dữ liệu cá nhân» from the menu, finds Đinh Thị Khuê by her number,
downloads her data as Excel, anonymises it with a reason, and the petition page says so.
The pages pass axe-core's WCAG 2.1 A/AA rules.

Screenshots land in var/screenshots/privacy-*.png."""

import io

import pytest
from openpyxl import load_workbook

from dialogue.petitions.models import Petition
from dialogue.privacy.models import ErasedPetition
from tests import test_browser, test_privacy
from tests.axe import assert_accessible

world = test_privacy.world
conference = test_privacy.conference

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

browser = test_browser.browser
shot = test_browser.shot
sign_in = test_browser.sign_in


def test_the_administrator_finds_exports_and_anonymises_a_person_on_a_phone(live_server, world, browser):
    base = live_server.url
    context = browser.new_context(
        locale="vi-VN",
        timezone_id="Asia/Ho_Chi_Minh",
        viewport={"width": 360, "height": 740},
        is_mobile=True,
        accept_downloads=True,
    )
    page = context.new_page()
    sign_in(page, live_server, world.cast.admin.username)
    page.wait_for_url(f"{base}/staff/")
    menu = page.locator("a[href='/privacy/']")
    assert menu.count() >= 1 and menu.first.inner_text().strip() == "Dữ liệu cá nhân"
    page.goto(f"{base}/privacy/")
    assert_accessible(page)

    page.get_by_label("Số điện thoại, thư điện tử hoặc họ tên").fill("0912 468 357")
    page.get_by_role("button", name="Tra cứu").click()
    page.wait_for_selector("#found-h")
    assert page.locator("#found-h").inner_text() == "Tìm thấy 3 kiến nghị"
    assert page.locator("input[name=petitions]:checked").count() == 3
    assert_accessible(page)
    shot(page, "privacy-lookup-phone")

    with page.expect_download() as info:
        page.get_by_role("button", name="Tải dữ liệu (Excel)").click()
    download = info.value
    assert download.suggested_filename.startswith("du-lieu-ca-nhan-")
    with open(download.path(), "rb") as handle:
        book = load_workbook(io.BytesIO(handle.read()))
    assert book.sheetnames[1] == "Kiến nghị" and book["Kiến nghị"].max_row == 4

    # The download leaves the page as it was, and app.js refuses a second post of the same
    # form for 4 seconds (double clicks): a person clicking on wait that long too.
    page.wait_for_timeout(4500)
    page.get_by_role("button", name="Ẩn danh…").click()
    page.wait_for_selector("#confirm-h")
    page.get_by_label("Lý do", exact=True).fill("Đơn yêu cầu xóa dữ liệu ngày 02/03/2026")
    page.get_by_label("Tôi hiểu rằng việc ẩn danh không thể hoàn tác.").check()
    assert_accessible(page)
    shot(page, "privacy-anonymise-confirm")
    page.get_by_role("button", name="Ẩn danh", exact=True).click()
    page.wait_for_url(f"{base}/privacy/")
    assert "đã ẩn danh người kiến nghị của 3 kiến nghị" in page.locator("body").inner_text()
    shot(page, "privacy-anonymised")

    assert ErasedPetition.objects.count() == 3
    assert Petition.objects.get(pk=world.paper.pk).name == "Người kiến nghị đã ẩn danh"
    page.goto(f"{base}/petitions/{world.paper.pk}/")
    card = page.locator("#personal-data")
    assert "đã ẩn danh" in card.inner_text() and "Thực hiện nhiệm vụ công" in card.inner_text()
    shot(page, "privacy-petition-card")
    context.close()
