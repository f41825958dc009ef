"""The citizen's path in a real Chromium on a phone-sized window (360×740), without an
account: from the home page to the conference, the form (a mistake, then right, with a
file), the receipt's code, tracking it, the answer once staff have acted (through
services here), the assessment, and the page of the SMS link. axe-core (WCAG 2.1 AA)
runs on every page visited; the form is also sent with JavaScript turned off.

Screenshots land in var/screenshots/citizen-*.png.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.test import Client

from dialogue.followup.models import SatisfactionRequest
from dialogue.petitions.models import FollowUpStatus, Petition
from dialogue.reminders.sms import LocmemBackend
from tests import test_browser
from tests import test_portal_citizen as pc
from tests.axe import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

browser = test_browser.browser
shot = test_browser.shot
place = pc.place

PHONE_SIZE = {"width": 360, "height": 740}


def phone(browser, *, javascript=True):
    context = browser.new_context(
        locale="vi-VN",
        timezone_id="Asia/Ho_Chi_Minh",
        viewport=PHONE_SIZE,
        is_mobile=True,
        has_touch=True,
        java_script_enabled=javascript,
    )
    return context, context.new_page()


def fits_the_screen(page) -> None:
    """Nothing wider than the phone: no sideways scrolling."""
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE_SIZE["width"], f"{page.url} is {width}px wide"


def look(page, name) -> None:
    assert_accessible(page)
    fits_the_screen(page)
    shot(page, name)


def test_a_citizen_finds_the_conference_sends_tracks_and_assesses_on_a_phone(
    live_server, place, browser, settings, tmp_path
):
    settings.SITE_URL = live_server.url
    base = live_server.url
    letter = tmp_path / "don-de-nghi.pdf"
    letter.write_bytes(pc.pdf().read())
    context, page = phone(browser)

    page.goto(base + "/")
    look(page, "citizen-01-home")
    page.get_by_role("link", name=place.conference.title).first.click()
    page.wait_for_url(f"{base}/hoi-nghi/{place.conference.pk}/")
    look(page, "citizen-02-conference")
    page.get_by_role("link", name="Gửi kiến nghị cho hội nghị này").click()
    page.wait_for_url(re.compile(r".*/gui-kien-nghi/\?hoi-nghi=\d+$"))
    look(page, "citizen-03-form")

    # A mistake first: a telephone number too short, and no consent.
    page.get_by_label("Họ và tên").fill("Nguyễn Thị Lan")
    page.get_by_label("Số điện thoại", exact=False).first.fill("0912 345")
    page.get_by_label("Nội dung ý kiến, đề xuất, kiến nghị").fill(pc.CONTENT)
    page.locator("#id_files").set_input_files(str(letter))
    page.get_by_role("button", name="Gửi kiến nghị").click()
    page.wait_for_load_state()
    assert page.get_by_text("Số điện thoại “0912 345” không hợp lệ").first.is_visible()
    assert page.get_by_text("hãy chọn lại tệp trước khi gửi").first.is_visible()
    assert page.get_by_label("Họ và tên").input_value() == "Nguyễn Thị Lan"
    look(page, "citizen-04-form-errors")
    assert not Petition.objects.exists()

    page.locator("#id_phone").fill("0912 345 678")
    page.locator("#id_files").set_input_files(str(letter))
    page.locator("#id_consent").check()
    page.get_by_text("Tin nhắn SMS", exact=True).click()
    page.get_by_role("button", name="Gửi kiến nghị").click()
    page.wait_for_url(f"{base}/gui-kien-nghi/da-gui/")
    code = page.locator("#tracking-code").inner_text().strip()
    assert re.fullmatch(r"DT-[0-9A-Z]{5}-[0-9A-Z]{5}", code)
    look(page, "citizen-05-receipt")
    petition = Petition.objects.get()
    assert petition.files.count() == 1 and petition.notify_by == "sms"
    assert code in LocmemBackend.outbox[-1].body

    page.get_by_role("link", name="Tra cứu kiến nghị đã gửi").click()
    page.wait_for_url(f"{base}/tra-cuu/")
    look(page, "citizen-06-track")
    page.get_by_label("Mã tra cứu", exact=True).fill(code.lower())
    page.get_by_label("Số điện thoại bạn đã ghi khi gửi").fill("0987 654 321")
    page.get_by_role("button", name="Xem kiến nghị của tôi").click()
    page.wait_for_load_state()
    assert page.get_by_text("không tìm thấy kiến nghị").is_visible()
    look(page, "citizen-07-track-no-match")
    page.get_by_label("Mã tra cứu", exact=True).fill(code.lower())
    page.get_by_label("Số điện thoại bạn đã ghi khi gửi").fill("0912345678")
    page.get_by_role("button", name="Xem kiến nghị của tôi").click()
    page.wait_for_url(f"{base}/tra-cuu/kien-nghi/")
    assert code not in page.url
    assert page.get_by_text("don-de-nghi.pdf").is_visible()
    look(page, "citizen-08-tracked-received")

    # Staff act: acknowledged, grouped, assigned to agency A, answered and approved.
    pc.answer(place, Petition.objects.get(pk=petition.pk), "Cầu tràn thôn Nà Đon được sửa chữa xong ngày 20/12/2026.")
    page.reload()
    assert page.get_by_text("Cầu tràn thôn Nà Đon được sửa chữa xong ngày 20/12/2026.").is_visible()
    assert page.get_by_text("Sở Nông nghiệp và Môi trường").first.is_visible()
    look(page, "citizen-09-tracked-answered")

    page.get_by_role("button", name="Gửi đánh giá").click()  # nothing chosen
    page.wait_for_load_state()
    assert page.get_by_text("Vui lòng chọn một trong ba mức đánh giá").first.is_visible()
    look(page, "citizen-10-rating-error")
    page.get_by_text("Không hài lòng", exact=True).click()
    page.get_by_label("Ý kiến thêm của bạn (không bắt buộc)").fill("Mặt cầu vẫn còn lún.")
    page.get_by_role("button", name="Gửi đánh giá").click()
    page.wait_for_url(f"{base}/tra-cuu/kien-nghi/")
    assert page.get_by_text("Cảm ơn bạn, đánh giá của bạn đã được ghi nhận.").is_visible()
    look(page, "citizen-11-rated")
    group = Petition.objects.get(pk=petition.pk).group
    assert group.followup_status == FollowUpStatus.IN_PROGRESS
    assert SatisfactionRequest.objects.get(petition=petition).response == "dissatisfied"

    # The link of the SMS asking whether she is satisfied shows the same answer.
    link = re.search(r"https?://\S+/danh-gia/[A-Za-z0-9_\-]+/", " ".join(m.body for m in LocmemBackend.outbox))
    page.goto(link.group(0))
    assert page.get_by_text("Chưa hài lòng").first.is_visible()
    look(page, "citizen-12-satisfaction-page")
    page.goto(base + "/danh-gia/khong-co-lien-ket-nay/")
    look(page, "citizen-13-satisfaction-neutral")

    page.goto(f"{base}/tra-cuu/kien-nghi/")
    page.get_by_role("button", name="Kết thúc tra cứu").click()
    page.wait_for_url(f"{base}/tra-cuu/")
    look(page, "citizen-14-finished")
    page.goto(f"{base}/tra-cuu/kien-nghi/")
    page.wait_for_url(f"{base}/tra-cuu/")
    context.close()


def test_the_form_works_without_javascript(live_server, place, browser, settings):
    settings.SITE_URL = live_server.url
    base = live_server.url
    context, page = phone(browser, javascript=False)
    page.goto(base + "/gui-kien-nghi/")
    look_without_script(page)
    page.get_by_label("Tỉnh hoặc xã của bạn").fill("cao minh")
    page.get_by_role("button", name="Tìm").click()
    page.wait_for_url(re.compile(r".*/gui-kien-nghi/\?q=cao\+minh$"))
    shot(page, "citizen-nojs-01-choose")
    page.get_by_role("link", name=re.compile("Gửi đến nơi tiếp công dân thường xuyên")).click()
    page.wait_for_url(re.compile(r".*\?don-vi=\d+$"))
    page.locator("#id_name").fill("Hoàng Văn Sơn")
    page.locator("#id_phone").fill("0987654321")
    page.locator("#id_content").fill("Đề nghị lắp đèn chiếu sáng đường liên thôn Nà Đon – Nà Mòn.")
    page.locator("#id_consent").check()
    page.locator("#id_identity_protected").check()
    page.locator("button[type=submit]", has_text="Gửi kiến nghị").click()
    page.wait_for_url(f"{base}/gui-kien-nghi/da-gui/")
    code = page.locator("#tracking-code").inner_text().strip()
    shot(page, "citizen-nojs-02-receipt")
    petition = Petition.objects.get()
    assert petition.identity_protected and petition.conference is None
    page.goto(base + "/tra-cuu/")
    page.locator("#id_code").fill(code)
    page.locator("#id_phone").fill("0987654321")
    page.locator("button[type=submit]", has_text="Xem kiến nghị của tôi").click()
    page.wait_for_url(f"{base}/tra-cuu/kien-nghi/")
    assert page.get_by_text("Đề nghị lắp đèn chiếu sáng").is_visible()
    shot(page, "citizen-nojs-03-tracked")
    context.close()


def look_without_script(page) -> None:
    """axe-core is a script: with JavaScript off only the layout can be checked here (the
    same pages are checked by axe in the test above)."""
    fits_the_screen(page)


def test_every_other_state_of_the_citizen_pages_has_no_accessibility_violation(live_server, place, browser, settings):
    """The pages and states the citizen's path above does not pass through: choosing where a
    petition goes (empty, found, nothing found), the standing reception's form, a
    conference that no longer takes petitions, the 429 pages of sending and tracking, a
    tracked matter with a directive and its progress, and the SMS link's open question."""
    from django.utils import timezone

    from dialogue.followup import services as followup
    from dialogue.plans.models import Conference

    settings.SITE_URL = live_server.url
    base = live_server.url
    petition, code = pc.submitted(Client(), place, notify_by="sms")
    group = pc.answer(place, petition, "Sở sẽ sửa cầu tràn.", followup_until=timezone.localdate() + timedelta(days=60))
    directive = pc.directive_about(place, group, "Sửa cầu tràn thôn Nà Đon theo kiến nghị của bà Nguyễn Thị Lan")
    followup.progress_post(actor=place.cast.agency_a, item=directive, text="Đã khảo sát hiện trường.")
    # Another petition, answered and settled: its SMS asks whether the citizen is satisfied.
    settled, _code = pc.submitted(Client(), place, notify_by="sms", phone="0987 654 321", name="Hoàng Văn Tám")
    pc.answer(place, settled, "Đèn chiếu sáng đã được lắp ngày 20/11/2026.")
    link = re.search(r"https?://\S+/danh-gia/[A-Za-z0-9_\-]+/", " ".join(m.body for m in LocmemBackend.outbox))
    assert link, "the answer's SMS carries the assessment link"
    held = Conference.objects.create(
        plan=place.conference.plan,
        host_unit=place.tree.commune,
        title="Hội nghị đối thoại đã diễn ra ở thôn Khuổi Ky",
        venue="Nhà văn hóa thôn Khuổi Ky",
        date=timezone.localdate() - timedelta(days=3),
        announced_at=timezone.now() - timedelta(days=20),
    )
    context, page = phone(browser)
    for name, path, status in (
        ("choose", "/gui-kien-nghi/", 200),
        ("choose-found", "/gui-kien-nghi/?q=cao+minh", 200),
        ("choose-nothing", "/gui-kien-nghi/?q=khong+co+noi+nay", 200),
        ("reception-form", f"/gui-kien-nghi/?don-vi={place.tree.commune.pk}", 200),
        ("closed", f"/gui-kien-nghi/?hoi-nghi={held.pk}", 200),
        ("satisfaction-open", link.group(0).removeprefix(base), 200),
    ):
        response = page.goto(base + path)
        assert response.status == status, path
        look(page, f"citizen-state-{name}")
    assert page.get_by_text("Hài lòng", exact=True).first.is_visible()

    # A tracked matter with the notice's directive and its progress.
    page.goto(f"{base}/tra-cuu/")
    page.get_by_label("Mã tra cứu", exact=True).fill(code)
    page.get_by_label("Số điện thoại bạn đã ghi khi gửi").fill(pc.PHONE)
    page.get_by_role("button", name="Xem kiến nghị của tôi").click()
    page.wait_for_url(f"{base}/tra-cuu/kien-nghi/")
    if page.locator("details.progress").get_attribute("open") is None:
        page.locator("details.progress summary").click()
    assert page.get_by_text("Đã khảo sát hiện trường.").is_visible()
    look(page, "citizen-state-tracked-directive")

    # Too many: sending from one address, then tracking from it.
    settings.PORTAL_SUBMIT_PER_IP_HOUR = 0  # every address has sent too many
    settings.PORTAL_TRACK_PER_IP_HOUR = 0
    page.goto(f"{base}/gui-kien-nghi/?hoi-nghi={place.conference.pk}")
    page.get_by_label("Họ và tên").fill("Lò Văn Páo")
    page.locator("#id_phone").fill("0912 345 679")
    page.get_by_label("Nội dung ý kiến, đề xuất, kiến nghị").fill(pc.CONTENT)
    page.locator("#id_consent").check()
    with page.expect_response(lambda r: r.request.method == "POST") as sent:
        page.get_by_role("button", name="Gửi kiến nghị").click()
    assert sent.value.status == 429
    page.wait_for_load_state()
    look(page, "citizen-state-submit-429")
    page.goto(f"{base}/tra-cuu/")
    page.get_by_label("Mã tra cứu", exact=True).fill(code)
    page.get_by_label("Số điện thoại bạn đã ghi khi gửi").fill(pc.PHONE)
    with page.expect_response(lambda r: r.request.method == "POST") as tracked:
        page.get_by_role("button", name="Xem kiến nghị của tôi").click()
    assert tracked.value.status == 429
    page.wait_for_load_state()
    look(page, "citizen-state-track-429")
    context.close()
