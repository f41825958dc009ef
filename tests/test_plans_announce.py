"""Public announcement of conferences (Law 72/2025/QH15 art. 43): at least 7 days before,
announced by staff or, on the latest lawful day, by the system; never later than the law
allows without a reason on record."""

import threading
from datetime import time, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from dialogue.core.errors import ServiceError
from dialogue.core.models import AuditEntry, Notification
from dialogue.organisation.factories import make_unit
from dialogue.plans import announce, services
from dialogue.plans.models import Conference, ConferenceStatus, StepKind, Task, TaskStatus, TimelineTemplate
from dialogue.plans.selectors import announce_status, announcements_due, conference_warnings
from tests import test_browser


def _today():
    return timezone.localdate()


@pytest.fixture
def commune_party(cast):
    return make_unit("Đảng ủy xã Cao Minh", "party_committee", cast.tree.commune)


@pytest.fixture
def plan(cast, commune_party):
    plan = services.plan_create(
        actor=cast.commune_officer, issuing_unit=commune_party, title="Tổ chức hội nghị đối thoại năm 2026"
    )
    return services.plan_issue(actor=cast.commune_officer, plan=plan, issued_on=_today())


def _conference(cast, plan, days_ahead: int, **fields):
    values = {
        "title": "Đối thoại về đất đai và môi trường",
        "audience": "Nhân dân các thôn",
        "date": _today() + timedelta(days=days_ahead),
        "start_time": time(8, 0),
        "venue": "Hội trường xã Cao Minh",
        "participation": "Đăng ký phát biểu tại Văn phòng Đảng ủy xã.",
    }
    values.update(fields)
    return services.conference_create(actor=cast.commune_officer, plan=plan, **values)


def _announcements(conference):
    return AuditEntry.objects.filter(action="conference.announce", target_id=str(conference.pk))


# ---------------------------------------------------------------- the rule


def test_the_latest_lawful_day_is_seven_calendar_days_before_the_conference(cast, plan):
    conference = _conference(cast, plan, 20)
    assert services.announce_deadline(conference) == conference.date - timedelta(days=7)


def test_the_minimum_comes_from_the_setting(cast, plan, settings):
    settings.PORTAL_ANNOUNCE_MIN_DAYS = 10
    conference = _conference(cast, plan, 20)
    assert services.announce_deadline(conference) == conference.date - timedelta(days=10)


def test_a_conference_without_a_date_has_no_deadline(cast, plan):
    conference = _conference(cast, plan, 0, date=None, planned_period="tháng 12/2026")
    assert services.announce_deadline(conference) is None


# ---------------------------------------------------------------- announcing by hand


def test_the_secretariat_announces_a_conference_in_time_and_it_is_audited(cast, plan):
    conference = _conference(cast, plan, 20)

    announced = services.conference_announce(
        actor=cast.commune_officer, conference=conference, expected_version=conference.version
    )

    assert announced.announced_at is not None
    assert announced.announced_by == cast.commune_officer
    assert announced.announce_late_reason == ""
    assert announced.version == conference.version + 1
    entry = _announcements(conference).get()
    assert entry.actor == cast.commune_officer and entry.after["late"] is False


def test_announcing_marks_the_timeline_duty_to_announce_done_and_nothing_else(cast, plan):
    conference = _conference(cast, plan, 20)
    template = TimelineTemplate.objects.get(code="commune-dialogue")
    services.timeline_apply(actor=cast.commune_officer, conference=conference, template=template, units={})
    conference.refresh_from_db()

    services.conference_announce(actor=cast.commune_officer, conference=conference)

    done = Task.objects.filter(conference=conference, status=TaskStatus.DONE)
    [task] = done
    assert task.step.kind == StepKind.ANNOUNCE and task.done_by == cast.commune_officer
    assert task.done_on == _today() and "cổng thông tin" in task.done_note
    assert Task.objects.filter(conference=conference, status=TaskStatus.OPEN).count() == template.steps.count() - 1
    assert AuditEntry.objects.filter(action="task.complete", target_id=str(task.pk)).exists()


def test_announcing_after_the_latest_lawful_day_is_refused_without_a_reason(cast, plan):
    conference = _conference(cast, plan, 3)
    deadline = services.announce_deadline(conference).strftime("%d/%m/%Y")

    with pytest.raises(ServiceError) as refused:
        services.conference_announce(actor=cast.commune_officer, conference=conference)

    assert refused.value.field == "late_reason"
    assert str(refused.value.message) == (
        "Luật yêu cầu công khai hội nghị ít nhất 7 ngày trước khi tổ chức (Luật số 72/2025/QH15, Điều 43): "
        f"ngày cuối cùng đúng luật là {deadline}. Chỉ công khai khi không thể dời ngày hội nghị, và ghi rõ lý do "
        "công khai muộn."
    )
    conference.refresh_from_db()
    assert conference.announced_at is None
    assert not _announcements(conference).exists()


def test_a_late_announcement_with_a_reason_is_made_and_the_reason_is_kept(cast, plan):
    conference = _conference(cast, plan, 3)

    announced = services.conference_announce(
        actor=cast.commune_officer, conference=conference, late_reason="  Lịch của lãnh đạo thay đổi đột xuất. "
    )

    assert announced.announced_at is not None
    assert announced.announce_late_reason == "Lịch của lãnh đạo thay đổi đột xuất."
    entry = _announcements(conference).get()
    assert entry.after["late"] is True
    assert entry.after["announce_late_reason"] == "Lịch của lãnh đạo thay đổi đột xuất."
    assert announce_status(announced).late


def test_a_reason_given_in_time_is_not_stored(cast, plan):
    conference = _conference(cast, plan, 20)
    announced = services.conference_announce(actor=cast.commune_officer, conference=conference, late_reason="không")
    assert announced.announce_late_reason == ""


def test_a_conference_without_a_place_cannot_be_announced(cast, plan):
    conference = _conference(cast, plan, 20, venue="", online_link="")
    with pytest.raises(ServiceError) as refused:
        services.conference_announce(actor=cast.commune_officer, conference=conference)
    assert str(refused.value.message) == ("Nhập địa điểm hoặc địa chỉ họp trực tuyến trước khi công khai hội nghị.")


def test_an_online_conference_with_its_address_can_be_announced(cast, plan):
    conference = _conference(cast, plan, 20, venue="", online_link="https://hop.example.vn/caominh")
    assert services.conference_announce(actor=cast.commune_officer, conference=conference).announced_at


def test_a_conference_without_a_date_cannot_be_announced(cast, plan):
    conference = _conference(cast, plan, 0, date=None, planned_period="tháng 12/2026")
    with pytest.raises(ServiceError) as refused:
        services.conference_announce(actor=cast.commune_officer, conference=conference)
    assert str(refused.value.message) == "Hãy ấn định ngày tổ chức hội nghị trước khi công khai."


def test_a_cancelled_or_past_conference_cannot_be_announced(cast, plan):
    cancelled = _conference(cast, plan, 20)
    services.conference_set_status(actor=cast.commune_officer, conference=cancelled, status=ConferenceStatus.CANCELLED)
    past = _conference(cast, plan, -2, title="Hội nghị đã qua")
    for conference in (cancelled, past):
        with pytest.raises(ServiceError):
            services.conference_announce(actor=cast.commune_officer, conference=conference, late_reason="thử")
        conference.refresh_from_db()
        assert conference.announced_at is None


@pytest.mark.parametrize("person", ["agency_a", "agency_b", "outsider"])
def test_people_who_may_not_edit_the_conference_cannot_announce_it(cast, plan, person):
    conference = _conference(cast, plan, 20)
    with pytest.raises(PermissionDenied):
        services.conference_announce(actor=getattr(cast, person), conference=conference)
    conference.refresh_from_db()
    assert conference.announced_at is None and not _announcements(conference).exists()


def test_the_province_synthesis_board_may_announce_a_commune_conference(cast, plan):
    conference = _conference(cast, plan, 20)
    assert services.conference_announce(actor=cast.province_officer, conference=conference).announced_at


def test_announcing_twice_changes_nothing_the_second_time(cast, plan):
    conference = _conference(cast, plan, 20)
    version = conference.version
    first = services.conference_announce(actor=cast.commune_officer, conference=conference, expected_version=version)
    second = services.conference_announce(actor=cast.commune_officer, conference=conference, expected_version=version)
    assert second.announced_at == first.announced_at and second.version == first.version
    assert _announcements(conference).count() == 1


def test_an_announcement_made_on_a_stale_copy_is_refused(cast, plan):
    conference = _conference(cast, plan, 20)
    stale = conference.version
    services.conference_update(actor=cast.commune_officer, conference=conference, venue="Nhà văn hóa thôn Nà Đon")
    with pytest.raises(ServiceError) as refused:
        services.conference_announce(actor=cast.commune_officer, conference=conference, expected_version=stale)
    assert "Người khác vừa thay đổi" in str(refused.value.message)
    conference.refresh_from_db()
    assert conference.announced_at is None


def test_the_announcement_is_withdrawn_with_a_reason_and_audited(cast, plan):
    conference = services.conference_announce(actor=cast.commune_officer, conference=_conference(cast, plan, 20))

    with pytest.raises(ServiceError):
        services.conference_unannounce(actor=cast.commune_officer, conference=conference, reason="  ")
    withdrawn = services.conference_unannounce(
        actor=cast.commune_officer, conference=conference, reason="Hoãn hội nghị do mưa bão."
    )

    assert withdrawn.announced_at is None and withdrawn.announced_by is None
    entry = AuditEntry.objects.get(action="conference.unannounce", target_id=str(conference.pk))
    assert entry.after == {"reason": "Hoãn hội nghị do mưa bão.", "date": conference.date.isoformat()}
    assert entry.before["announced_by"]["id"] == cast.commune_officer.pk


def test_an_agency_cannot_withdraw_an_announcement(cast, plan):
    conference = services.conference_announce(actor=cast.commune_officer, conference=_conference(cast, plan, 20))
    with pytest.raises(PermissionDenied):
        services.conference_unannounce(actor=cast.agency_b, conference=conference, reason="Không đồng ý")
    conference.refresh_from_db()
    assert conference.announced_at is not None


# ---------------------------------------------------------------- the system announces on the last lawful day


def test_the_system_announces_on_the_latest_lawful_day_and_tells_the_secretariat(cast, plan):
    due = _conference(cast, plan, 7)
    tomorrow = _conference(cast, plan, 8, title="Chưa đến hạn")

    counts = announce.announce_due()

    assert counts == {"announced": 1, "late": 0}
    due.refresh_from_db()
    tomorrow.refresh_from_db()
    assert due.announced_at is not None and due.announced_by is None and due.announce_late_reason == ""
    assert tomorrow.announced_at is None
    entry = _announcements(due).get()
    assert entry.actor is None and entry.after["automatic"] is True
    message = Notification.objects.get(recipient=cast.commune_officer)
    assert "được hệ thống công khai trên cổng thông tin" in message.message
    assert message.url == reverse("plans:conference_detail", args=[due.pk])


def test_a_conference_scheduled_too_late_is_announced_at_once_with_an_automatic_reason(cast, plan):
    late = _conference(cast, plan, 3)

    assert announce.announce_due() == {"announced": 1, "late": 1}

    late.refresh_from_db()
    deadline = services.announce_deadline(late).strftime("%d/%m/%Y")
    assert late.announce_late_reason.startswith("Hệ thống tự động công khai ngày ")
    assert deadline in late.announce_late_reason


def test_the_system_announces_nothing_twice(cast, plan):
    _conference(cast, plan, 5)
    assert announce.announce_due()["announced"] == 1
    assert announce.announce_due()["announced"] == 0
    assert AuditEntry.objects.filter(action="conference.announce").count() == 1


def test_the_system_leaves_what_is_not_ready_or_not_issued(cast, plan, commune_party):
    _conference(cast, plan, 5, start_time=None, title="Chưa có giờ")
    _conference(cast, plan, 5, venue="", title="Chưa có địa điểm")
    cancelled = _conference(cast, plan, 5, title="Đã hủy")
    services.conference_set_status(actor=cast.commune_officer, conference=cancelled, status=ConferenceStatus.CANCELLED)
    _conference(cast, plan, 0, title="Hôm nay")
    draft = services.plan_create(actor=cast.commune_officer, issuing_unit=commune_party, title="Kế hoạch dự thảo")
    _conference(cast, draft, 5, title="Kế hoạch chưa ban hành")

    assert announce.announce_due() == {"announced": 0, "late": 0}
    assert not Conference.objects.filter(announced_at__isnull=False).exists()


def test_a_withdrawn_conference_is_not_announced_again_until_its_date_moves(cast, plan):
    conference = services.conference_announce(
        actor=cast.commune_officer, conference=_conference(cast, plan, 6), late_reason="Lịch thay đổi"
    )
    services.conference_unannounce(actor=cast.commune_officer, conference=conference, reason="Hoãn hội nghị")

    assert announce.announce_due()["announced"] == 0

    conference.refresh_from_db()
    services.conference_update(
        actor=cast.commune_officer, conference=conference, date=conference.date + timedelta(days=1)
    )
    assert announce.announce_due()["announced"] == 1


@pytest.mark.django_db(transaction=True)
def test_two_workers_announce_a_conference_once(cast, plan):
    conference = _conference(cast, plan, 7)
    barrier = threading.Barrier(2)
    results, errors = [], []

    def run():
        try:
            barrier.wait()
            results.append(announce.announce_due()["announced"])
        except Exception as exc:  # the test reports any failure
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert sorted(results) == [0, 1]
    assert _announcements(conference).count() == 1
    assert Notification.objects.filter(recipient=cast.commune_officer).count() == 1


def test_the_job_runs_every_hour_from_six_in_the_morning():
    from datetime import datetime

    assert announce.announce_slot(datetime(2026, 12, 3, 5, 59)) is None
    assert announce.announce_slot(datetime(2026, 12, 3, 6, 0)) == "2026-12-03T06"
    assert announce.announce_slot(datetime(2026, 12, 3, 17, 45)) == "2026-12-03T17"


def test_the_worker_task_announces_and_marks_its_run_finished(cast, plan):
    from dialogue.reminders.models import ScheduledRun

    conference = _conference(cast, plan, 7)
    run = ScheduledRun.objects.create(job="plans.announce_due", slot="2026-12-03T06", enqueued_at=timezone.now())

    announce.scheduled_task().enqueue(run_id=run.pk)

    conference.refresh_from_db()
    run.refresh_from_db()
    assert conference.announced_at is not None and run.finished_at is not None


# ---------------------------------------------------------------- warnings


def test_an_unannounced_conference_past_its_latest_lawful_day_warns(cast, plan):
    conference = _conference(cast, plan, 3)
    warnings = conference_warnings(conference)
    assert len(warnings) == 1 and "ít nhất 7 ngày" in warnings[0]
    services.conference_announce(actor=cast.commune_officer, conference=conference, late_reason="Đột xuất")
    conference.refresh_from_db()
    assert conference_warnings(conference) == []


def test_conferences_to_announce_within_three_days_or_overdue_are_listed_for_the_secretariat(cast, plan):
    overdue = _conference(cast, plan, 5, title="Quá hạn")
    soon = _conference(cast, plan, 10, title="Sắp đến hạn")
    _conference(cast, plan, 11, title="Còn bốn ngày")
    done = _conference(cast, plan, 9, title="Đã công khai")
    services.conference_announce(actor=cast.commune_officer, conference=done)

    rows = announcements_due(user=cast.commune_officer)

    assert [c.pk for c in rows] == [overdue.pk, soon.pk]
    assert rows[0].announce.overdue and not rows[1].announce.overdue and rows[1].announce.days_left == 3
    assert announcements_due(user=cast.agency_a) == []
    assert announcements_due(user=cast.outsider) == []


# ---------------------------------------------------------------- pages


def test_the_conference_page_says_when_it_must_be_announced_at_the_latest(cast, plan, login):
    conference = _conference(cast, plan, 20)
    page = login(cast.commune_officer).get(reverse("plans:conference_detail", args=[conference.pk]))
    text = page.content.decode()
    deadline = services.announce_deadline(conference).strftime("%d/%m/%Y")
    assert "Công khai trên cổng thông tin" in text
    assert f"Ngày cuối cùng đúng luật: {deadline}, còn 13 ngày." in text
    assert reverse("plans:conference_announce", args=[conference.pk]) in text
    assert "Đăng ký phát biểu tại Văn phòng Đảng ủy xã." in text  # how to take part


def test_the_conference_page_shows_who_announced_and_links_to_the_public_page(cast, plan, login):
    conference = services.conference_announce(actor=cast.commune_officer, conference=_conference(cast, plan, 20))
    text = login(cast.commune_officer).get(reverse("plans:conference_detail", args=[conference.pk])).content.decode()
    when = timezone.localtime(conference.announced_at)
    assert f"Đã công khai ngày {when:%d/%m/%Y} lúc {when:%H:%M}, người thực hiện: Hoàng Văn Cường." in text
    assert f'href="/hoi-nghi/{conference.pk}/"' in text
    assert reverse("plans:conference_unannounce", args=[conference.pk]) in text


def test_a_conference_announced_by_the_system_says_so(cast, plan, login):
    conference = _conference(cast, plan, 3)
    announce.announce_due()
    text = login(cast.commune_officer).get(reverse("plans:conference_detail", args=[conference.pk])).content.decode()
    assert "người thực hiện: Hệ thống." in text
    assert "Công khai muộn hơn thời hạn luật định." in text


@pytest.fixture
def province_conference(cast):
    """A conference of the Tỉnh ủy's plan that gives agency A a duty (so A reads the plan)."""
    plan = services.plan_create(actor=cast.province_officer, issuing_unit=cast.tree.tinh_uy, title="Kế hoạch tỉnh")
    item = services.responsibility_add(actor=cast.province_officer, plan=plan, unit=cast.tree.agency_a)
    services.task_add(actor=cast.province_officer, plan=plan, responsibility=item, description="Chuẩn bị trả lời")
    return services.conference_create(
        actor=cast.province_officer,
        plan=plan,
        title="Đối thoại của Bí thư Tỉnh ủy",
        date=_today() + timedelta(days=20),
        venue="Hội trường Tỉnh ủy",
    )


def test_an_agency_reading_the_plan_sees_the_state_but_no_buttons(cast, province_conference, login):
    conference = province_conference
    text = login(cast.agency_a).get(reverse("plans:conference_detail", args=[conference.pk])).content.decode()
    assert "Chưa công khai" in text
    assert reverse("plans:conference_announce", args=[conference.pk]) not in text


def test_the_secretariat_announces_from_the_page(cast, plan, login):
    conference = _conference(cast, plan, 20)
    client = login(cast.commune_officer)
    response = client.post(
        reverse("plans:conference_announce", args=[conference.pk]), {"version": conference.version}, follow=True
    )
    conference.refresh_from_db()
    assert conference.announced_at is not None
    assert "Hội nghị đã được công khai trên cổng thông tin." in response.content.decode()


def test_a_late_announcement_from_the_page_asks_for_the_reason(cast, plan, login):
    conference = _conference(cast, plan, 2)
    client = login(cast.commune_officer)
    url = reverse("plans:conference_announce", args=[conference.pk])
    page = client.get(reverse("plans:conference_detail", args=[conference.pk])).content.decode()
    assert 'name="late_reason"' in page and "đã quá hạn 5 ngày" in page

    refused = client.post(url, {"version": conference.version}, follow=True).content.decode()
    conference.refresh_from_db()
    assert conference.announced_at is None and "ghi rõ lý do công khai muộn" in refused

    client.post(url, {"version": conference.version, "late_reason": "Đột xuất"})
    conference.refresh_from_db()
    assert conference.announce_late_reason == "Đột xuất"


def test_the_secretariat_withdraws_from_the_page_and_must_say_why(cast, plan, login):
    conference = services.conference_announce(actor=cast.commune_officer, conference=_conference(cast, plan, 20))
    client = login(cast.commune_officer)
    url = reverse("plans:conference_unannounce", args=[conference.pk])
    client.post(url, {"version": conference.version, "reason": ""})
    conference.refresh_from_db()
    assert conference.announced_at is not None
    client.post(url, {"version": conference.version, "reason": "Hoãn hội nghị"})
    conference.refresh_from_db()
    assert conference.announced_at is None


@pytest.mark.parametrize("person", ["agency_a", "agency_b", "outsider"])
def test_others_cannot_announce_or_withdraw_from_the_page(cast, plan, login, person):
    conference = _conference(cast, plan, 20)
    announced = services.conference_announce(actor=cast.commune_officer, conference=_conference(cast, plan, 21))
    client = login(getattr(cast, person))
    refused = client.post(reverse("plans:conference_announce", args=[conference.pk]), {"version": conference.version})
    assert refused.status_code == 404
    refused = client.post(
        reverse("plans:conference_unannounce", args=[announced.pk]), {"version": announced.version, "reason": "x"}
    )
    assert refused.status_code == 404
    conference.refresh_from_db()
    announced.refresh_from_db()
    assert conference.announced_at is None and announced.announced_at is not None


def test_an_agency_that_reads_the_plan_is_forbidden_to_announce(cast, province_conference, login):
    conference = province_conference
    response = login(cast.agency_a).post(reverse("plans:conference_announce", args=[conference.pk]), {})
    assert response.status_code == 403
    conference.refresh_from_db()
    assert conference.announced_at is None


def test_an_anonymous_visitor_is_sent_to_sign_in_and_get_is_not_allowed(cast, plan, client, login):
    conference = _conference(cast, plan, 20)
    url = reverse("plans:conference_announce", args=[conference.pk])
    assert client.post(url, {}).status_code == 302
    assert login(cast.commune_officer).get(url).status_code == 405
    conference.refresh_from_db()
    assert conference.announced_at is None


def test_saving_a_date_too_close_to_announce_in_time_warns(cast, plan, login):
    conference = _conference(cast, plan, 20)
    client = login(cast.commune_officer)
    data = {
        "title": conference.title,
        "host_unit": conference.host_unit_id,
        "format": "in_person",
        "venue": conference.venue,
        "date": (_today() + timedelta(days=4)).strftime("%d/%m/%Y"),
        "start_time": "08:00",
        "participation": "Đăng ký phát biểu qua cổng thông tin.",
        "version": conference.version,
    }
    response = client.post(reverse("plans:conference_update", args=[conference.pk]), data, follow=True)
    text = response.content.decode()
    conference.refresh_from_db()
    assert conference.participation == "Đăng ký phát biểu qua cổng thông tin."
    assert "chưa được công khai trên cổng thông tin" in text


def test_the_calendar_lists_the_conferences_to_announce(cast, plan, login):
    conference = _conference(cast, plan, 5, title="Đối thoại về nước sạch")
    text = login(cast.commune_officer).get(reverse("plans:calendar")).content.decode()
    assert "Hội nghị cần công khai trên cổng thông tin" in text and "Đối thoại về nước sạch" in text
    assert f"{reverse('plans:conference_detail', args=[conference.pk])}#announce" in text


# ---------------------------------------------------------------- in Chromium

# The shared Chromium of tests/test_browser.py.
browser = test_browser.browser


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_secretariat_announces_late_in_chromium_giving_the_reason(live_server, cast, browser):
    from tests.axe import assert_accessible

    commune_party = make_unit("Đảng ủy xã Cao Minh", "party_committee", cast.tree.commune)
    plan = services.plan_create(actor=cast.commune_officer, issuing_unit=commune_party, title="Kế hoạch xã")
    conference = _conference(cast, plan, 3, title="Đối thoại về nước sạch nông thôn")
    context = browser.new_context(
        locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", viewport={"width": 360, "height": 740}
    )
    phone = context.new_page()
    test_browser.sign_in(phone, live_server, "cuong")
    phone.wait_for_url(f"{live_server.url}/staff/")
    phone.goto(f"{live_server.url}{reverse('plans:conference_detail', args=[conference.pk])}")
    panel = phone.locator("#announce")
    assert "đã quá hạn 4 ngày" in panel.inner_text()
    assert_accessible(phone)
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"the conference page is {width}px wide on a 360px phone"
    test_browser.shot(phone, "plans-announce-late-phone")

    panel.get_by_role("button", name="Công khai trên cổng thông tin").click()
    phone.wait_for_load_state()
    conference.refresh_from_db()
    assert conference.announced_at is None

    phone.locator("#announce").get_by_label("Lý do công khai muộn").fill("Lịch của lãnh đạo thay đổi đột xuất.")
    phone.locator("#announce").get_by_role("button", name="Công khai trên cổng thông tin").click()
    phone.wait_for_load_state()
    assert "Công khai muộn hơn thời hạn luật định." in phone.locator("#announce").inner_text()
    test_browser.shot(phone, "plans-announce-done-phone")
    conference.refresh_from_db()
    assert conference.announce_late_reason == "Lịch của lãnh đạo thay đổi đột xuất."
    context.close()
