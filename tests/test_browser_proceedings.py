"""The conference day in a real Chromium: the commune secretariat checks people in (by search,
by the code of the invitation, a walk-in), takes three speakers through the console, the hall
display follows, the minutes are drafted, edited, approved by the chair and downloaded. A
note typed while the connection is down is kept and sent once when it returns. Agency B and
the chair are refused the console.

Screenshots land in var/screenshots/proceedings-*.png. Elements are found by ids, names and
addresses, so the tests hold whether the labels are English or Vietnamese.
"""

import re

import pytest
from django.utils import timezone
from docx import Document
from playwright.sync_api import expect

from dialogue.core.models import AuditEntry
from dialogue.organisation.factories import make_person, make_unit
from dialogue.organisation.roles import Role
from dialogue.petitions import services as petition_services
from dialogue.petitions.models import Channel, Petition
from dialogue.plans import services as plan_services
from dialogue.plans.models import Participant
from dialogue.proceedings import services
from dialogue.proceedings.models import (
    ConferenceRun,
    ConsoleSubmission,
    Minutes,
    MinutesStatus,
    Outcome,
    SpeakerRequest,
    SpeakerSource,
    SpeakerStatus,
)
from tests import test_browser

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The fixtures of test_browser.py, shared rather than copied.
browser = test_browser.browser
page = test_browser.page
shot = test_browser.shot
sign_in = test_browser.sign_in

TITLE = "Hội nghị đối thoại giữa Bí thư Đảng ủy xã với Nhân dân xã Cao Minh"
SLIP = ("Bà Lường Thị Én", "Nhân dân thôn Nà Đon", "Đề nghị sửa cầu tràn thôn Nà Đon trước mùa mưa.")
LINKED = ("Ông Nông Văn Tài", "Hội Nông dân xã", "Nước thải trại lợn chảy ra ruộng.")
FLOOR = ("Ông Hà Văn Pín", "Thôn Bản Chang", "Đề nghị lắp đèn chiếu sáng đường liên thôn Bản Chang.")
NOTE = "Ông Pín đề nghị lắp 12 bóng đèn; UBND xã ghi nhận, báo cáo lại trong quý I/2027."


@pytest.fixture
def chair(cast):
    return make_person("chutri", "Hứa Ngọc Sỹ", organisation=cast.tree.commune, roles=[(Role.CHAIR, cast.tree.commune)])


@pytest.fixture
def day(cast):
    """Today's conference of commune C, prepared by its secretariat: two delegations,
    three invitees, the standard agenda, an earlier petition and a slip handed in before."""
    officer = cast.commune_officer
    plan = plan_services.plan_create(actor=officer, issuing_unit=cast.tree.commune, title="Đối thoại năm 2026")
    conference = plan_services.conference_create(
        actor=officer, plan=plan, title=TITLE, date=timezone.localdate(), venue="Hội trường UBND xã Cao Minh"
    )
    plan_services.chair_add(actor=officer, conference=conference, name="Hứa Ngọc Sỹ", position="Bí thư Đảng ủy xã")
    plan_services.agenda_prefill(actor=officer, conference=conference)
    villages = plan_services.delegation_add(actor=officer, conference=conference, name="Đại biểu các thôn")
    unions = plan_services.delegation_add(actor=officer, conference=conference, name="Đại biểu các đoàn thể")
    hoa = plan_services.participant_add(
        actor=officer, conference=conference, full_name="Nguyễn Thị Hoà", position="Trưởng thôn", delegation=villages
    )
    lan = plan_services.participant_add(
        actor=officer, conference=conference, full_name="Đinh Thị Lan", position="Chi hội trưởng", delegation=unions
    )
    plan_services.participant_add(actor=officer, conference=conference, full_name="Triệu Văn Sinh", delegation=villages)
    petition = petition_services.petition_receive(
        actor=officer,
        receiving_unit=cast.tree.commune,
        conference=conference,
        channel=Channel.MTTQ,
        name=LINKED[0],
        content="Trại lợn của hộ ông Sầm xả nước thải ra ruộng lúa thôn Nà Đon.",
    )
    slip = services.speaker_add(
        actor=officer,
        conference=conference,
        speaker_name=SLIP[0],
        represents=SLIP[1],
        matter=SLIP[2],
        source=SpeakerSource.SLIP,
    )
    police = make_unit("Công an xã Cao Minh", "police", cast.tree.commune)
    return {
        "conference": conference,
        "police": police,
        "hoa": hoa,
        "lan": lan,
        "unions": unions,
        "petition": petition,
        "slip": slip,
    }


def signed_in(page, live_server, username):
    sign_in(page, live_server, username)
    page.wait_for_url(f"{live_server.url}/staff/")


def docx_text(path) -> str:
    document = Document(path)
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def record(page, speaker, *, notes, answered_by, outcome, unit=None, name=""):
    """Fill the record of the person holding the floor and save it through the outbox."""
    form = page.locator(f'#console-live form[action="/proceedings/speakers/{speaker.pk}/record/"]')
    form.locator("textarea[name=notes]").fill(notes)
    form.locator(f'input[name=answered_by][value="{answered_by}"]').check()
    if unit is not None:
        form.locator("select[name=answered_by_unit]").select_option(str(unit.pk))
    if name:
        form.locator("input[name=answered_by_name]").fill(name)
    form.locator(f'input[name=outcome][value="{outcome}"]').check()
    form.locator("button[type=submit]").click()
    expect(page.locator("#console-live .console__spoken, #console-live .message--success").first).to_be_visible()
    expect(page.locator("#outbox")).to_be_hidden()


def press_next(page, expected_name):
    page.locator('#console-live form[action$="/console/next-speaker/"] button[type=submit]').click()
    if expected_name:
        expect(page.locator("#console-live .console__speaker .console__title")).to_have_text(expected_name)
    else:
        expect(page.locator("#console-live .console__speaker .console__title")).to_have_count(0)


def test_the_secretariat_runs_the_day_from_check_in_to_the_approved_minutes(
    live_server, cast, chair, day, browser, page, tmp_path
):
    url = live_server.url
    conference = day["conference"]
    pk = conference.pk
    page.on("dialog", lambda dialog: dialog.accept())
    signed_in(page, live_server, "cuong")

    # Check-in by search, without accents.
    page.goto(f"{url}/proceedings/conferences/{pk}/check-in/")
    attendance = page.locator("#attendance")
    expect(attendance.locator(".attendance-total strong")).to_have_text("0")
    page.locator("#checkin-q").fill("nguyen thi hoa")
    rows = page.locator("#checkin-rows li.checkin-row")
    expect(rows).to_have_count(1)
    row = page.locator(f"#p-{day['hoa'].pk}")
    row.locator("button[type=submit]").click()
    expect(page.locator(f"#p-{day['hoa'].pk}")).to_have_class(re.compile("is-present"))
    expect(attendance.locator(".attendance-total strong")).to_have_text("1")
    villages_row = attendance.locator("tbody tr", has_text="Đại biểu các thôn")
    expect(villages_row).to_contain_text("1 / 2")

    # Check-in by typing the eight characters printed on the invitation.
    code = day["lan"].token.hex[:8].upper()
    page.locator("#code-form #id_code").fill(code)
    page.locator("#code-form button[type=submit]").click()
    expect(page.locator("#code-area .message--success")).to_contain_text("Đinh Thị Lan")
    expect(attendance.locator(".attendance-total strong")).to_have_text("2")
    unions_row = attendance.locator("tbody tr", has_text="Đại biểu các đoàn thể")
    expect(unions_row).to_contain_text("1 / 1")
    shot(page, "proceedings-checkin")

    # A walk-in of the unions' delegation: added present, counted with the delegation.
    walk_in = page.locator(f'form[action="/proceedings/conferences/{pk}/check-in/walk-in/"]')
    walk_in.locator("#id_full_name").fill("Sầm Văn Khoa")
    walk_in.locator("#id_position").fill("Hội viên Hội Cựu chiến binh")
    walk_in.locator("#id_delegation").select_option(str(day["unions"].pk))
    walk_in.locator("button[type=submit]").click()
    page.wait_for_url(f"{url}/proceedings/conferences/{pk}/check-in/")
    expect(attendance.locator(".attendance-total strong")).to_have_text("3")
    expect(attendance.locator("tbody tr", has_text="Đại biểu các đoàn thể")).to_contain_text("(+1")
    khoa = Participant.objects.get(conference=conference, full_name="Sầm Văn Khoa")
    assert khoa.walk_in and khoa.attended and khoa.delegation == day["unions"]
    assert set(conference.participants.filter(attended=True).values_list("full_name", flat=True)) == {
        "Nguyễn Thị Hoà",
        "Đinh Thị Lan",
        "Sầm Văn Khoa",
    }

    # The queue: the slip from before the day, then one linked to the petition, then a new request.
    page.goto(f"{url}/proceedings/conferences/{pk}/speakers/")
    expect(page.locator("#queue li.queue__row")).to_have_count(1)
    add = page.locator(f'form[action="/proceedings/conferences/{pk}/speakers/add/"]')
    add.locator("#id_speaker_name").fill(LINKED[0])
    add.locator("#id_represents").fill(LINKED[1])
    add.locator("#id_matter").fill(LINKED[2])
    add.locator("#id_link").select_option("petition")
    add.locator("#id_petition").select_option(str(day["petition"].pk))
    add.locator("button[type=submit]").click()
    page.wait_for_url(f"{url}/proceedings/conferences/{pk}/speakers/")
    expect(page.locator("#queue li.queue__row")).to_have_count(2)
    add.locator("#id_source").select_option(SpeakerSource.FLOOR)
    add.locator("#id_speaker_name").fill(FLOOR[0])
    add.locator("#id_represents").fill(FLOOR[1])
    add.locator("#id_matter").fill(FLOOR[2])
    add.locator("#id_link").select_option("new")
    add.locator("button[type=submit]").click()
    page.wait_for_url(f"{url}/proceedings/conferences/{pk}/speakers/")
    expect(page.locator("#queue li.queue__row")).to_have_count(3)
    expect(page.locator("#queue li.queue__row strong")).to_have_text([SLIP[0], LINKED[0], FLOOR[0]])
    shot(page, "proceedings-queue")
    slip, linked, floor = SpeakerRequest.objects.filter(conference=conference).order_by("position")
    assert linked.petition == day["petition"]
    spoken = Petition.objects.get(pk=floor.petition_id)
    assert spoken.channel == Channel.SPOKEN and spoken.conference == conference and spoken.name == FLOOR[0]

    # The console: start, give the floor, record, next.
    page.goto(f"{url}/proceedings/conferences/{pk}/console/")
    page.locator(f'form[action="/proceedings/conferences/{pk}/console/"] button[type=submit]').click()
    page.wait_for_url(f"{url}/proceedings/conferences/{pk}/console/")
    expect(page.locator("#console-live [data-timer]")).to_be_visible()
    shot(page, "proceedings-console-before")
    press_next(page, SLIP[0])

    # The hall display follows: who has the floor, who comes next.
    hall = page.context.new_page()
    hall.set_viewport_size({"width": 1920, "height": 1080})
    hall.goto(f"{url}/proceedings/conferences/{pk}/hall/")
    expect(hall.locator(".hall__now")).to_contain_text(SLIP[0])
    expect(hall.locator(".hall__next li")).to_have_count(2)
    expect(hall.locator(".hall__next li").first).to_contain_text(LINKED[0])
    expect(hall.locator(".hall__next li").nth(1)).to_contain_text(FLOOR[0])
    shot(hall, "proceedings-hall")
    page.bring_to_front()

    record(
        page,
        slip,
        notes="Bà Én đề nghị sửa cầu tràn; đồng chí Bí thư giải thích.",
        answered_by="chair",
        outcome=Outcome.SETTLED,
    )
    shot(page, "proceedings-console-speaker")
    press_next(page, LINKED[0])
    record(
        page,
        linked,
        notes="Công an xã kiểm tra trại lợn trong tháng 12.",
        answered_by="agency",
        unit=day["police"],
        name="Trưởng Công an xã",
        outcome=Outcome.COMMITTED,
    )
    press_next(page, FLOOR[0])
    # The hall display polls every five seconds; a reload shows the same at once.
    hall.reload()
    expect(hall.locator(".hall__now")).to_contain_text(FLOOR[0])
    expect(hall.locator(".hall__next li")).to_have_count(0)
    page.bring_to_front()
    record(page, floor, notes=NOTE, answered_by="chair", outcome=Outcome.FOLLOW_UP)
    press_next(page, None)
    hall.close()
    expect(page.locator("#console-live .console__spoken li")).to_have_count(3)

    rows = {r.pk: r for r in SpeakerRequest.objects.filter(conference=conference)}
    assert [rows[s.pk].status for s in (slip, linked, floor)] == [SpeakerStatus.DONE] * 3
    assert (rows[slip.pk].answered_by, rows[slip.pk].outcome) == ("chair", Outcome.SETTLED)
    assert (rows[linked.pk].answered_by, rows[linked.pk].answered_by_unit, rows[linked.pk].outcome) == (
        "agency",
        day["police"],
        Outcome.COMMITTED,
    )
    assert rows[linked.pk].answered_by_name == "Trưởng Công an xã"
    assert (rows[floor.pk].notes, rows[floor.pk].outcome) == (NOTE, Outcome.FOLLOW_UP)

    # The minutes: drafted from the records, one section edited.
    page.goto(f"{url}/proceedings/conferences/{pk}/minutes/")
    page.locator(f'form[action="/proceedings/conferences/{pk}/minutes/draft/"] button[type=submit]').click()
    page.wait_for_url(f"{url}/proceedings/conferences/{pk}/minutes/")
    text = page.locator("article.minutes-text")
    for name in (SLIP[0], LINKED[0], FLOOR[0]):
        expect(text).to_contain_text(name)
    page.locator(f'a[href="/proceedings/conferences/{pk}/minutes/edit/"]').click()
    page.wait_for_url(f"{url}/proceedings/conferences/{pk}/minutes/edit/")
    closing = "Hội nghị kết thúc lúc 11 giờ 00 cùng ngày. Biên bản đã được đọc lại cho hội nghị nghe."
    page.locator("#id_closing").fill(closing)
    page.locator("#id_secretary_name").fill("Hoàng Văn Cường")
    page.locator("form:has(#id_closing) button[type=submit]").click()
    page.wait_for_url(f"{url}/proceedings/conferences/{pk}/minutes/")
    expect(text).to_contain_text(closing)
    assert Minutes.objects.get(conference=conference).closing == closing
    # The secretariat may not approve.
    expect(page.locator(f'form[action="/proceedings/conferences/{pk}/minutes/approve/"]')).to_have_count(0)
    shot(page, "proceedings-minutes-draft")

    # The chair, at their own desk, approves; the minutes are locked.
    context = browser.new_context(
        locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", viewport={"width": 1280, "height": 860}
    )
    try:
        chair_page = context.new_page()
        chair_page.on("dialog", lambda dialog: dialog.accept())
        signed_in(chair_page, live_server, "chutri")
        chair_page.goto(f"{url}/proceedings/conferences/{pk}/minutes/")
        expect(chair_page.locator(f'a[href="/proceedings/conferences/{pk}/minutes/edit/"]')).to_have_count(0)
        chair_page.locator(f'form[action="/proceedings/conferences/{pk}/minutes/approve/"] button').click()
        chair_page.wait_for_url(f"{url}/proceedings/conferences/{pk}/minutes/")
        expect(chair_page.locator("h1 .badge--ok")).to_be_visible()
        shot(chair_page, "proceedings-minutes-approved")
    finally:
        context.close()
    minutes = Minutes.objects.get(conference=conference)
    assert minutes.status == MinutesStatus.APPROVED and minutes.approved_by == chair

    # The secretariat sees them locked and downloads the DOCX.
    page.reload()
    expect(page.locator(f'a[href="/proceedings/conferences/{pk}/minutes/edit/"]')).to_have_count(0)
    with page.expect_download() as info:
        page.locator(f'a[href="/proceedings/conferences/{pk}/minutes.docx"]').click()
    download = info.value
    assert download.suggested_filename.endswith(".docx")
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    printed = docx_text(path)
    assert "BIÊN BẢN" in printed
    for name in (SLIP[0], LINKED[0], FLOOR[0]):
        assert name in printed
    assert closing in printed
    assert f"1. {SLIP[0]} ({SLIP[1]}) phát biểu" in printed  # “Bà …”, not “Ông/bà Bà …”


@pytest.fixture
def speaking(cast, day):
    """The console open, the slip's author holding the floor."""
    officer = cast.commune_officer
    conference = day["conference"]
    services.run_start(actor=officer, conference=conference)
    services.console_next_speaker(actor=officer, conference=conference, expected_version=None)
    day["slip"].refresh_from_db()
    assert day["slip"].status == SpeakerStatus.SPEAKING
    return day


def test_a_note_saved_while_the_connection_is_down_is_kept_and_reaches_the_server_once(
    live_server, cast, speaking, page
):
    conference, slip = speaking["conference"], speaking["slip"]
    signed_in(page, live_server, "cuong")
    page.goto(f"{live_server.url}/proceedings/conferences/{conference.pk}/console/")
    form = page.locator(f'#console-live form[action="/proceedings/speakers/{slip.pk}/record/"]')
    expect(form).to_be_visible()

    version = slip.version
    page.context.set_offline(True)
    form.locator("textarea[name=notes]").fill(NOTE)
    form.locator('input[name=outcome][value="committed"]').check()
    form.locator("button[type=submit]").click()
    banner = page.locator("#outbox")
    expect(banner).to_be_visible()
    expect(banner).to_have_class(re.compile("outbox--waiting"))
    expect(banner).to_contain_text("1")
    shot(page, "proceedings-console-offline")
    slip.refresh_from_db()
    assert slip.notes == ""

    # A reload while offline is impossible; the change waits in localStorage meanwhile.
    kept = page.evaluate(f"localStorage.getItem('doithoai.console.outbox.{conference.pk}')")
    assert kept and "notes=" in kept

    page.context.set_offline(False)
    expect(banner).to_be_hidden(timeout=8000)
    slip.refresh_from_db()
    assert slip.notes == NOTE and slip.outcome == Outcome.COMMITTED
    # Sent once: one claim of the change, one audit entry, one new version.
    assert ConsoleSubmission.objects.filter(conference=conference, action="record").count() == 1
    assert AuditEntry.objects.filter(action="proceedings.record", target_id=str(slip.pk)).count() == 1
    assert slip.version == version + 1
    assert page.evaluate(f"localStorage.getItem('doithoai.console.outbox.{conference.pk}')") == "[]"
    expect(page.locator("#console-live textarea[name=notes]")).to_have_value(NOTE)


def test_agency_b_is_refused_the_console_and_the_chair_cannot_run_it(live_server, cast, chair, day, browser, page):
    pk = day["conference"].pk
    signed_in(page, live_server, "binh")
    response = page.goto(f"{live_server.url}/proceedings/conferences/{pk}/console/")
    assert response.status == 404
    expect(page.locator("body")).not_to_contain_text(SLIP[0])
    response = page.goto(f"{live_server.url}/proceedings/conferences/{pk}/hall/")
    assert response.status == 404

    context = browser.new_context(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh")
    try:
        chair_page = context.new_page()
        signed_in(chair_page, live_server, "chutri")
        response = chair_page.goto(f"{live_server.url}/proceedings/conferences/{pk}/console/")
        assert response.status == 403
        expect(chair_page.locator("body")).not_to_contain_text(SLIP[0])
    finally:
        context.close()
    assert not SpeakerRequest.objects.filter(conference_id=pk).exclude(status=SpeakerStatus.WAITING).exists()
    assert not ConferenceRun.objects.filter(conference_id=pk).exists()
