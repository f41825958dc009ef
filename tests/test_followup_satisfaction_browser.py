"""Escalation and satisfaction in a real Chromium: the office of the province's People's
Committee answers a recommendation from its page; the petitioner, on a phone-sized
screen, opens the link of the SMS, says she is not satisfied and the matter is reopened
(a real browser sends the Origin header the CSRF check reads).

Screenshots land in var/screenshots/escalation-*.png and satisfaction-*.png.
"""

import pytest

from dialogue.conclusions.models import Directive, DirectiveStatus
from dialogue.followup import escalation as esc
from dialogue.followup import services as followup
from dialogue.followup.models import EscalationStatus, SatisfactionRequest
from tests import test_browser
from tests import test_followup_escalation_fixtures as fx

meeting = fx.meeting
world = fx.world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.urls(fx.URLCONF)]

browser = test_browser.browser
shot = test_browser.shot
sign_in = test_browser.sign_in


def test_the_office_answers_and_the_petitioner_is_dissatisfied_on_a_phone(live_server, world, browser):
    base = live_server.url
    escalation = esc.escalation_create(
        actor=world.board,
        item=world.canal,
        to_unit=world.tree.ubnd,
        request_text="Nạo vét kênh cấp II vượt khả năng ngân sách xã; đề nghị tỉnh bố trí vốn.",
    )
    desk = browser.new_context(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", viewport={"width": 1280, "height": 900})
    page = desk.new_page()
    sign_in(page, live_server, world.office.username)
    page.wait_for_url(f"{base}/staff/")
    page.goto(f"{base}/followup/escalations/")
    page.locator(f"a[href='/followup/escalations/{escalation.pk}/']").click()
    page.wait_for_url(f"{base}/followup/escalations/{escalation.pk}/")
    shot(page, "escalation-answer-form")
    answer = "UBND tỉnh bố trí 1,2 tỷ đồng; Sở Nông nghiệp và Môi trường nạo vét trong tháng 9."
    page.locator("#id_answer_text").fill(answer)
    page.locator(f"form[action='/followup/escalations/{escalation.pk}/answer/'] button[type=submit]").click()
    page.wait_for_url(f"{base}/followup/escalations/{escalation.pk}/")
    escalation.refresh_from_db()
    assert escalation.status == EscalationStatus.ANSWERED
    shot(page, "escalation-answered")
    desk.close()

    followup.result_accept(actor=world.board, item=Directive.objects.get(pk=world.canal.pk))
    token = fx.token_in(fx.sms_outbox()[-1].body)
    phone = browser.new_context(
        locale="vi-VN",
        timezone_id="Asia/Ho_Chi_Minh",
        viewport={"width": 360, "height": 740},
        is_mobile=True,
        has_touch=True,
        java_script_enabled=False,
    )
    page = phone.new_page()
    page.goto(f"{base}/danh-gia/{token}/")
    # Nothing wider than the screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    shot(page, "satisfaction-phone")
    page.locator("input[value=dissatisfied]").check()
    page.locator("#id_comment").fill("Mới nạo vét một đoạn đầu kênh.")
    page.locator("form button[type=submit]").click()
    page.wait_for_url(f"{base}/danh-gia/{token}/")
    assert SatisfactionRequest.objects.get().response == "dissatisfied"
    assert Directive.objects.get(pk=world.canal.pk).status == DirectiveStatus.IN_PROGRESS
    assert page.locator("[role=status]").count() == 1
    shot(page, "satisfaction-recorded")
    phone.close()
