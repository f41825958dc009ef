"""Petitions in a real Chromium: the secretariat enters a citizen's form, sees the field
suggested and an earlier petition about the same matter, merges them and assigns the group;
agency A answers with a PDF; the synthesis board approves. The people outside are refused,
and an Excel list is imported after its preview.

Screenshots land in var/screenshots/petitions-*.png. Labels may be English or Vietnamese while
translations are being written, so elements are found by ids, names and addresses.
"""

import io
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from openpyxl import Workbook
from playwright.sync_api import expect

from dialogue.petitions import services as petition_services
from dialogue.petitions.fields_seed import load_builtin_fields
from dialogue.petitions.models import (
    Channel,
    Field,
    GroupStatus,
    Petition,
    PetitionGroup,
    PetitionStatus,
)
from dialogue.plans import services as plan_services
from dialogue.plans.models import TimelineStep, TimelineTemplate
from dialogue.plans.procedure import load_builtin_timelines
from dialogue.workcalendar.selectors import add_working_days
from tests import test_browser

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The fixtures of test_browser.py, shared rather than copied.
browser = test_browser.browser
page = test_browser.page
shot = test_browser.shot
sign_in = test_browser.sign_in

PLAN_TITLE = "Tổ chức Hội nghị đối thoại trực tiếp giữa đồng chí Bí thư Tỉnh ủy với Nhân dân năm 2027"
TOPIC = "Hội nghị đối thoại với Nhân dân về đất đai, môi trường"
EARLIER = "Nuoc thai khu cong nghiep Song Cong chay ra suoi Coc gay o nhiem, de nghi tinh xu ly"
CONTENT = (
    "Khu công nghiệp Sông Công xả nước thải chưa qua xử lý ra suối Cốc, cá chết, nước có mùi hôi. "
    "Đề nghị tỉnh kiểm tra, xử lý dứt điểm."
)
ANSWER = (
    "Sở Nông nghiệp và Môi trường đã kiểm tra hệ thống xử lý nước thải của Khu công nghiệp Sông Công, "
    "lập biên bản vi phạm và yêu cầu doanh nghiệp khắc phục trước ngày 30/12/2026."
)
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PDF_NAME = "bien-ban-kiem-tra-nuoc-thai.pdf"


@pytest.fixture
def seeded(db):
    # A transactional test flushes what the data migrations loaded.
    load_builtin_fields(Field)
    load_builtin_timelines(TimelineTemplate, TimelineStep)


@pytest.fixture
def conference(cast, seeded):
    officer = cast.province_officer
    plan = plan_services.plan_create(actor=officer, issuing_unit=cast.tree.tinh_uy, title=PLAN_TITLE, year=2027)
    return plan_services.conference_create(
        actor=officer,
        plan=plan,
        title=TOPIC,
        date=add_working_days(timezone.localdate(), 40),
        venue="Hội trường Tỉnh ủy Thái Nguyên",
    )


@pytest.fixture
def earlier(cast, conference):
    """The same matter, sent for the conference a week ago by the Fatherland Front, in other
    words and without diacritics."""
    return petition_services.petition_receive(
        actor=cast.province_officer,
        receiving_unit=cast.tree.tinh_uy,
        conference=conference,
        channel=Channel.MTTQ,
        name="Ma Văn Sáng",
        content=EARLIER,
        received_on=timezone.localdate() - timedelta(days=7),
    )


def new_page(browser):
    """A second person at their own desk: a fresh browser context, nobody signed in."""
    context = browser.new_context(
        locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", viewport={"width": 1280, "height": 860}
    )
    return context, context.new_page()


def signed_in(page, live_server, username):
    sign_in(page, live_server, username)
    page.wait_for_url(f"{live_server.url}/staff/")


def test_the_secretariat_enters_merges_and_assigns_a_petition_agency_a_answers_and_the_board_approves(
    live_server, cast, conference, earlier, browser, page
):
    url = live_server.url
    signed_in(page, live_server, "minh")

    # The citizen's paper form, typed in for the conference.
    page.goto(f"{url}/petitions/new/?kind=citizen&conference={conference.pk}")
    expect(page.locator(".page-head")).to_contain_text(TOPIC)
    expect(page.locator('input[type="hidden"][name="receiving_unit"]')).to_have_value(str(cast.tree.tinh_uy.pk))
    page.locator("#id_name").fill("Nguyễn Thị Hoa")
    page.locator("#id_phone").fill("0912 345 678")
    page.locator("#id_address").fill("Thôn Nà Đon, xã Cao Minh")
    page.locator("#id_content").fill(CONTENT)
    shot(page, "petitions-entry-form")
    page.locator("form:has(#id_content) button.btn--primary[type=submit]").click()
    page.wait_for_url(re.compile(r"/petitions/\d+/$"))
    petition = Petition.objects.get(name="Nguyễn Thị Hoa")
    assert page.url == f"{url}/petitions/{petition.pk}/"
    assert petition.conference == conference
    assert petition.phone == "0912345678"
    expect(page.locator("h1")).to_contain_text("Khu công nghiệp Sông Công")

    # The field is suggested and preselected; the earlier petition is listed as similar.
    environment = Field.objects.get(code="moi_truong")
    expect(page.locator("#triage")).to_contain_text(environment.name)
    expect(page.locator("#id_field")).to_have_value(str(environment.pk))
    similar = page.locator("#similar")
    expect(similar.locator(f'a[href="/petitions/{earlier.pk}/"]')).to_contain_text("Nuoc thai khu cong nghiep")
    shot(page, "petitions-petition-page")

    # Tick the earlier petition and merge: the group page.
    similar.locator(f'input[type=checkbox][name=petitions][value="{earlier.pk}"]').check()
    similar.locator("form > button[type=submit]").click()
    page.wait_for_url(re.compile(r"/petitions/groups/\d+/$"))
    group = PetitionGroup.objects.get(petitions=petition)
    assert page.url == f"{url}/petitions/groups/{group.pk}/"
    assert group.conference == conference
    expect(page.locator(f'.page-head a[href="/petitions/conferences/{conference.pk}/"]')).to_be_visible()
    assert set(group.petitions.values_list("pk", flat=True)) == {petition.pk, earlier.pk}
    expect(page.locator(f'#petitions a[href="/petitions/{earlier.pk}/"]')).to_have_count(1)
    expect(page.locator(f'#petitions a[href="/petitions/{petition.pk}/"]')).to_have_count(1)

    # Assigned to agency A: the deadline comes from the conference.
    page.locator("#id_lead_unit").select_option(str(cast.tree.agency_a.pk))
    page.locator("#assign button[type=submit]").click()
    expect(page.locator("#answer dl")).to_contain_text(cast.tree.agency_a.name)
    group.refresh_from_db()
    assert group.status == GroupStatus.ASSIGNED
    assert group.lead_unit == cast.tree.agency_a
    assert group.due_date == add_working_days(conference.date, -3)  # no timeline: 3 working days before
    expect(page.locator("#answer dl")).to_contain_text(group.due_date.strftime("%d/%m/%Y"))
    shot(page, "petitions-group-assigned")

    # Agency A finds the group in its inbox, answers and attaches the inspection record.
    agency_context, agency = new_page(browser)
    try:
        signed_in(agency, live_server, "an")
        agency.goto(f"{url}/petitions/inbox/")
        row_link = agency.locator(f'a[href="/petitions/groups/{group.pk}/"]')
        expect(row_link).to_have_count(1)
        expect(agency.locator("table tbody tr")).to_contain_text(TOPIC)
        shot(agency, "petitions-inbox-agency")
        row_link.click()
        agency.wait_for_url(f"{url}/petitions/groups/{group.pk}/")
        agency.locator("#id_text").fill(ANSWER)
        agency.locator("#id_files").set_input_files(
            files=[{"name": PDF_NAME, "mimeType": "application/pdf", "buffer": PDF}]
        )
        agency.locator('form[action$="/answer/"] button[type=submit]').click()
        expect(agency.locator("#answer .history")).to_contain_text(PDF_NAME)
        expect(agency.locator('form[action$="/answer/"]')).to_have_count(0)
    finally:
        agency_context.close()
    group.refresh_from_db()
    assert group.status == GroupStatus.SUBMITTED
    answer = group.answers.get()
    assert [a.name for a in answer.attachments.all()] == [PDF_NAME]

    # The synthesis board signs in again, reads the evidence and approves.
    board_context, board = new_page(browser)
    try:
        signed_in(board, live_server, "minh")
        board.goto(f"{url}/petitions/groups/{group.pk}/")
        expect(board.locator("#answer .history")).to_contain_text("Khu công nghiệp Sông Công")
        with board.expect_download() as info:
            board.locator(f'#answer .history a:has-text("{PDF_NAME}")').click()
        assert info.value.suggested_filename == PDF_NAME
        board.locator("#id_decision").select_option("approve")
        board.locator("#id_comment").fill("Đồng ý nội dung trả lời.")
        board.locator('form[action$="/review/"] button[type=submit]').click()
        expect(board.locator("#answer")).to_contain_text("Đã duyệt")
        expect(board.locator(".page-head .badge--ok")).to_be_visible()
        expect(board.locator('form[action$="/review/"]')).to_have_count(0)
        group.refresh_from_db()
        assert group.status == GroupStatus.APPROVED
        assert group.answer_text == ANSWER
        shot(board, "petitions-group-approved")

        # The list of petitions shows both, merged and answered.
        board.goto(f"{url}/petitions/")
        expect(board.locator(f'table a[href="/petitions/{petition.pk}/"]')).to_have_count(1)
        expect(board.locator(f'table a[href="/petitions/{earlier.pk}/"]')).to_have_count(1)
        shot(board, "petitions-list")
    finally:
        board_context.close()
    assert Petition.objects.filter(group=group, status=PetitionStatus.GROUPED).count() == 2

    # The petition page on a phone: readable without scrolling sideways.
    phone_context = browser.new_context(
        locale="vi-VN",
        timezone_id="Asia/Ho_Chi_Minh",
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )
    try:
        phone = phone_context.new_page()
        signed_in(phone, live_server, "minh")
        phone.goto(f"{url}/petitions/{petition.pk}/")
        expect(phone.locator("h1")).to_contain_text("Khu công nghiệp Sông Công")
        expect(phone.locator(f'a[href="/petitions/groups/{group.pk}/"]').first).to_be_visible()
        shot(phone, "petitions-petition-phone")
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"the petition page is {width}px wide on a 390px phone"
    finally:
        phone_context.close()


@pytest.fixture
def assigned_group(cast, conference):
    officer = cast.province_officer
    petition = petition_services.petition_receive(
        actor=officer,
        receiving_unit=cast.tree.tinh_uy,
        conference=conference,
        channel=Channel.PAPER_CITIZEN,
        name="Nguyễn Thị Hoa",
        content=CONTENT,
    )
    group = petition_services.group_create(actor=officer, petitions=[petition])
    return petition_services.group_assign(actor=officer, group=group, lead_unit=cast.tree.agency_a)


def test_agency_b_gets_not_found_and_the_outsider_does_not_see_the_petition(live_server, cast, assigned_group, page):
    url = live_server.url
    petition = assigned_group.petitions.get()

    signed_in(page, live_server, "binh")
    response = page.goto(f"{url}/petitions/groups/{assigned_group.pk}/")
    assert response.status == 404
    expect(page.locator("h1")).to_have_text(re.compile("Not found|Không tìm thấy", re.IGNORECASE))
    expect(page.locator("body")).not_to_contain_text("Sông Công")
    shot(page, "petitions-agency-b-404")
    page.context.clear_cookies()

    signed_in(page, live_server, "dung")
    response = page.goto(f"{url}/petitions/")
    assert response.status == 200
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator(f'a[href="/petitions/{petition.pk}/"]')).to_have_count(0)
    expect(page.locator("body")).not_to_contain_text("Sông Công")
    shot(page, "petitions-outsider-list")


def workbook(rows) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["STT", "Họ và tên", "Số điện thoại", "Địa chỉ", "Nội dung ý kiến, kiến nghị"])
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


VALID_ROW = [1, "Lò Văn Páo", "0912000111", "Thôn Nà Đon, xã Cao Minh", "Đề nghị sửa chữa đường vào thôn Nà Đon."]
INVALID_ROW = [2, "Hà Thị Mai", "12345", "Thôn Nà Đon, xã Cao Minh", "Đề nghị hỗ trợ giống cây trồng sau lũ."]


def test_an_excel_list_is_previewed_with_its_row_errors_and_only_the_valid_rows_are_imported(
    live_server, cast, seeded, page
):
    url = live_server.url
    signed_in(page, live_server, "minh")
    page.goto(f"{url}/petitions/")
    page.locator('a[href="/petitions/import/"]').click()
    page.wait_for_url(f"{url}/petitions/import/")

    # The receiving unit is chosen with the unit picker; the file comes from memory.
    page.locator("#picker-receiving_unit").fill("tinh uy thai")
    page.locator('#picker-receiving_unit-results button[data-pick-label="Tỉnh ủy Thái Nguyên"]').click()
    expect(page.locator("#picker-receiving_unit-current")).to_have_text("Tỉnh ủy Thái Nguyên")
    expect(page.locator('input[type="hidden"][name="receiving_unit"]')).to_have_value(str(cast.tree.tinh_uy.pk))
    page.locator("#id_file").set_input_files(
        files=[
            {
                "name": "danh-sach-y-kien-thon-na-don.xlsx",
                "mimeType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "buffer": workbook([VALID_ROW, INVALID_ROW]),
            }
        ]
    )
    page.locator("form:has(#id_file) button.btn--primary[type=submit]").click()
    page.wait_for_url(re.compile(r"/petitions/import/\d+/$"))

    # The preview: one valid row, one with the phone error in Vietnamese; nothing written yet.
    rows = page.locator("table tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_have_class(re.compile("row--error"))  # rows with errors come first
    expect(rows.nth(1)).not_to_have_class(re.compile("row--error"))
    error_row = page.locator("tr.row--error")
    expect(error_row).to_have_count(1)
    expect(error_row).to_contain_text("Hà Thị Mai")
    expect(error_row.locator(".field__error")).to_contain_text("Dòng 3, cột “Số điện thoại”")
    expect(error_row.locator(".field__error")).to_contain_text("không hợp lệ")
    expect(page.locator('button[name=mode][value="all"]')).to_have_count(0)
    assert not Petition.objects.exists()
    shot(page, "petitions-import-preview")

    page.locator('button[name=mode][value="valid"]').click()
    expect(page.locator(".message--success")).to_contain_text("Đã nhập: 1 ý kiến mới")
    expect(page.locator(".message--success")).to_contain_text("1 dòng có lỗi không được nhập")
    shot(page, "petitions-import-done")
    page.get_by_role("link", name="Xem các ý kiến").click()
    page.wait_for_url(f"{url}/petitions/")
    imported = Petition.objects.get()
    assert imported.name == "Lò Văn Páo"
    assert imported.channel == Channel.MTTQ
    assert imported.receiving_unit == cast.tree.tinh_uy
    expect(page.locator(f'table a[href="/petitions/{imported.pk}/"]')).to_contain_text("đường vào thôn Nà Đon")
    expect(page.locator("table")).not_to_contain_text("giống cây trồng")
