"""Plans in a real Chromium: a secretariat writes a plan, schedules a conference, applies a
preparation timeline and downloads the plan; the person outside the province is refused.

Screenshots land in var/screenshots/plans-*.png. Labels may be English or Vietnamese while
translations are being written, so elements are found by ids, names and addresses.
"""

import re
from datetime import date

import pytest
from django.utils import timezone
from docx import Document
from playwright.sync_api import expect

from dialogue.plans import services
from dialogue.plans.models import Conference, Plan, TimelineStep, TimelineTemplate
from dialogue.plans.procedure import STANDARD_AGENDA, load_builtin_timelines
from dialogue.workcalendar.selectors import add_working_days
from tests import test_browser

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The fixtures of test_browser.py, shared rather than copied.
browser = test_browser.browser
page = test_browser.page
shot = test_browser.shot
sign_in = test_browser.sign_in

TITLE = "Tổ chức Hội nghị đối thoại trực tiếp giữa đồng chí Bí thư Tỉnh ủy với Nhân dân năm 2027"
BASES = [
    "Quy định số 11-QĐi/TW ngày 18/02/2019 của Bộ Chính trị về trách nhiệm của người đứng đầu cấp ủy "
    "trong việc tiếp dân, đối thoại trực tiếp với dân",
    "Kế hoạch số 166-KH/TU ngày 05/3/2024 của Ban Thường vụ Tỉnh ủy",
]
TOPIC = "Hội nghị đối thoại với Nhân dân về đất đai, môi trường"
VENUE = "Hội trường Tỉnh ủy Thái Nguyên"


@pytest.fixture
def timelines(db):
    # A transactional test flushes what the data migration loaded.
    load_builtin_timelines(TimelineTemplate, TimelineStep)
    return {t.code: t for t in TimelineTemplate.objects.all()}


def conference_day() -> date:
    """A working day about eight weeks ahead: every step of the province timeline is still to come."""
    return add_working_days(timezone.localdate(), 40)


def signed_in(page, live_server, username):
    sign_in(page, live_server, username)
    page.wait_for_url(f"{live_server.url}/staff/")


def plan_with_conference(cast, timelines):
    """What the secretariat builds in the first test, made through the services."""
    officer = cast.province_officer
    plan = services.plan_create(
        actor=officer, issuing_unit=cast.tree.tinh_uy, title=TITLE, legal_bases=BASES, year=2027
    )
    conference = services.conference_create(actor=officer, plan=plan, title=TOPIC, date=conference_day(), venue=VENUE)
    services.timeline_apply(actor=officer, conference=conference, template=timelines["province-dialogue"], units={})
    services.chair_add(actor=officer, conference=conference, name="Trịnh Việt Hùng", position="Bí thư Tỉnh ủy")
    services.delegation_add(actor=officer, conference=conference, name="Đại biểu cấp tỉnh", expected_size=40)
    services.participant_add(actor=officer, conference=conference, full_name="Nguyễn Văn Dân", position="Trưởng thôn")
    services.agenda_prefill(actor=officer, conference=conference)
    return plan, conference


def docx_text(path) -> str:
    document = Document(path)
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def test_the_secretariat_writes_a_plan_schedules_a_conference_applies_a_timeline_and_downloads_the_plan(
    live_server, cast, timelines, browser, page, tmp_path
):
    signed_in(page, live_server, "minh")

    # A new plan: the issuing unit is chosen with the unit picker.
    page.goto(f"{live_server.url}/plans/new/")
    page.locator("#picker-issuing_unit").fill("tinh uy thai")
    page.locator('#picker-issuing_unit-results button[data-pick-label="Tỉnh ủy Thái Nguyên"]').click()
    expect(page.locator("#picker-issuing_unit-current")).to_have_text("Tỉnh ủy Thái Nguyên")
    expect(page.locator('input[type="hidden"][name="issuing_unit"]')).to_have_value(str(cast.tree.tinh_uy.pk))
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_legal_bases").fill("\n".join(BASES))
    shot(page, "plans-new-plan-form")
    page.locator("form:has(#id_title) button[type=submit]").click()
    page.wait_for_url(re.compile(r"/plans/\d+/$"))
    plan = Plan.objects.get(title=TITLE)
    assert plan.issuing_unit == cast.tree.tinh_uy
    assert [b.citation for b in plan.legal_bases.all()] == BASES
    expect(page.locator("h1")).to_contain_text(TITLE)
    shot(page, "plans-plan-empty")

    # A conference of the plan, about eight weeks ahead.
    day = conference_day()
    page.locator(f'a[href="/plans/{plan.pk}/conferences/add/"]').click()
    page.wait_for_url(f"{live_server.url}/plans/{plan.pk}/conferences/add/")
    page.locator("#id_title").fill(TOPIC)
    page.locator("#id_date").fill(day.strftime("%d/%m/%Y"))
    page.locator("#id_venue").fill(VENUE)
    shot(page, "plans-conference-form")
    page.locator("form:has(#id_title) button[type=submit]").click()
    page.wait_for_url(re.compile(r"/plans/conferences/\d+/$"))
    conference = Conference.objects.get(plan=plan)
    assert conference.date == day
    expect(page.locator("h1")).to_have_text(TOPIC)
    expect(page.locator(".lead")).to_contain_text(day.strftime("%d/%m/%Y"))
    expect(page.locator(".lead")).to_contain_text(VENUE)

    # The province's preparation timeline, shown step by step, then applied.
    page.locator(f'a[href="/plans/conferences/{conference.pk}/timeline/"]').click()
    page.wait_for_url(f"{live_server.url}/plans/conferences/{conference.pk}/timeline/")
    template = timelines["province-dialogue"]
    page.locator("#id_template").select_option(str(template.pk))
    page.locator("form[method=get] button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/timeline/\?template={template.pk}$"))
    steps = list(template.steps.all())
    expect(page.locator("table tbody tr")).to_have_count(len(steps))
    expect(page.locator("table tbody")).to_contain_text(steps[0].title)
    shot(page, "plans-timeline")
    page.locator("form[method=post]:has(table) button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/plans/conferences/{conference.pk}/(#timeline)?$"))

    # The conference page lists the preparation tasks with their due dates.
    tasks = list(conference.tasks.order_by("due_date", "order"))
    assert len(tasks) == len(steps)
    assert all(t.due_date for t in tasks)
    items = page.locator("#timeline li.task")
    expect(items).to_have_count(len(tasks))
    for item, task in zip(items.all(), tasks, strict=True):
        expect(item).to_contain_text(task.description[:60])
        expect(item).to_contain_text(task.due_date.strftime("%d/%m/%Y"))
    assert all(t.due_date < day for t in tasks if t.offset_working_days < 0)
    shot(page, "plans-conference")

    # Agency A is given a duty in the plan (through the services, as the plan page would).
    officer = cast.province_officer
    duty = services.responsibility_add(actor=officer, plan=plan, unit=cast.tree.agency_a)
    task = services.task_add(
        actor=officer,
        plan=plan,
        responsibility=duty,
        description="Chuẩn bị nội dung trả lời các kiến nghị về đất đai, môi trường",
        due_date=add_working_days(day, -12),
    )

    # Back on the plan page: the conference, the duties, the timeline; then the DOCX.
    page.goto(f"{live_server.url}/plans/{plan.pk}/")
    expect(page.locator("#conferences")).to_contain_text(TOPIC)
    expect(page.locator("#tasks")).to_contain_text(task.description)
    expect(page.locator("#timeline")).to_contain_text(day.strftime("%d/%m/%Y"))
    shot(page, "plans-plan")
    with page.expect_download() as info:
        page.locator(f'a[href="/plans/{plan.pk}/document.docx"]').click()
    download = info.value
    assert download.suggested_filename.endswith(".docx")
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    text = docx_text(path)
    assert "KẾ HOẠCH" in text
    assert TITLE in text
    assert BASES[0][:40] in text

    # The calendar of the conference's month shows the conference.
    page.goto(f"{live_server.url}/plans/calendar/?year={day.year}&month={day.month}")
    expect(page.locator(f'#agenda-h ~ ol a[href="/plans/conferences/{conference.pk}/"]')).to_have_count(1)
    shot(page, "plans-calendar")

    # The officer of agency A sees the duty among the tasks of their units.
    context = browser.new_context(
        locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", viewport={"width": 1280, "height": 860}
    )
    try:
        agency_page = context.new_page()
        signed_in(agency_page, live_server, "an")
        tasks_card = agency_page.locator("section:has(#tasks-h)")
        expect(tasks_card.locator(f'a[href="/plans/tasks/{task.pk}/"]')).to_have_text(task.description)
        expect(tasks_card).to_contain_text(task.due_date.strftime("%d/%m/%Y"))
        shot(agency_page, "plans-staff-home-agency")
    finally:
        context.close()


def test_the_person_outside_the_province_gets_not_found_and_does_not_see_the_plan(live_server, cast, timelines, page):
    plan, conference = plan_with_conference(cast, timelines)
    signed_in(page, live_server, "dung")
    response = page.goto(f"{live_server.url}/plans/{plan.pk}/")
    assert response.status == 404
    expect(page.locator("h1")).to_have_text(re.compile("Not found|Không tìm thấy", re.IGNORECASE))
    expect(page.locator("body")).not_to_contain_text(TITLE)
    shot(page, "plans-outsider-404")
    response = page.goto(f"{live_server.url}/plans/conferences/{conference.pk}/")
    assert response.status == 404

    response = page.goto(f"{live_server.url}/plans/")
    assert response.status == 200
    expect(page.locator(f'a[href="/plans/{plan.pk}/"]')).to_have_count(0)
    expect(page.locator("body")).not_to_contain_text(TITLE)
    shot(page, "plans-outsider-list")


@pytest.fixture
def phone(browser):
    context = browser.new_context(
        locale="vi-VN",
        timezone_id="Asia/Ho_Chi_Minh",
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )
    yield context.new_page()
    context.close()


def open_conference_on_a_phone(phone, live_server, cast, timelines):
    _plan, conference = plan_with_conference(cast, timelines)
    signed_in(phone, live_server, "minh")
    phone.goto(f"{live_server.url}/plans/conferences/{conference.pk}/")
    expect(phone.locator("h1")).to_have_text(TOPIC)
    expect(phone.locator("#timeline li.task")).to_have_count(conference.tasks.count())
    return conference


def test_the_conference_page_shows_its_timeline_and_agenda_on_a_phone(live_server, cast, timelines, phone):
    open_conference_on_a_phone(phone, live_server, cast, timelines)
    expect(phone.locator("#agenda ol.agenda > li")).to_have_count(len(STANDARD_AGENDA))
    shot(phone, "plans-conference-phone")


def test_the_conference_page_does_not_scroll_sideways_on_a_phone(live_server, cast, timelines, phone):
    open_conference_on_a_phone(phone, live_server, cast, timelines)
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the conference page is {width}px wide on a 390px phone"
