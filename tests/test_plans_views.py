"""Plan, conference and task pages: what each member of the cast may see and do."""

import io
from datetime import date

import pytest
from django.urls import reverse
from docx import Document

from dialogue.core.models import AuditEntry
from dialogue.plans import services
from dialogue.plans.models import Conference, Plan, PlanStatus, Task, TaskStatus, TimelineTemplate


@pytest.fixture
def setup(cast):
    officer = cast.province_officer
    plan = services.plan_create(
        actor=officer,
        issuing_unit=cast.tree.tinh_uy,
        title="Tổ chức Hội nghị tiếp xúc, đối thoại trực tiếp của đồng chí Bí thư Tỉnh ủy năm 2026",
        purposes="I. MỤC ĐÍCH, YÊU CẦU\n- Lắng nghe tâm tư, nguyện vọng của Nhân dân.",
        signing_authority="T/M BAN THƯỜNG VỤ",
        signer_title="PHÓ BÍ THƯ THƯỜNG TRỰC",
        signer_name="Phạm Hoàng Sơn",
        recipients="- Thường trực Tỉnh ủy,\n- Lưu Văn phòng Tỉnh ủy.",
    )
    conference = services.conference_create(
        actor=officer, plan=plan, title="Hội nghị đối thoại với Nhân dân", date=date(2026, 12, 17), venue="Hội trường"
    )
    item = services.responsibility_add(actor=officer, plan=plan, unit=cast.tree.agency_a, label="Sở NN&MT")
    task = services.task_add(
        actor=officer, plan=plan, responsibility=item, description="- Chuẩn bị trả lời", due_date=date(2026, 12, 10)
    )
    participant = services.participant_add(actor=officer, conference=conference, full_name="Nguyễn Văn Dân")
    delegation = services.delegation_add(actor=officer, conference=conference, name="Đại biểu tỉnh", expected_size=30)
    services.agenda_prefill(actor=officer, conference=conference)
    return {
        "plan": plan,
        "conference": conference,
        "task": task,
        "participant": participant,
        "delegation": delegation,
        "item": item,
    }


def _pages(s):
    plan, conference, task = s["plan"], s["conference"], s["task"]
    agenda_item = conference.agenda_items.first()
    return [
        reverse("plans:plan_detail", args=[plan.pk]),
        reverse("plans:plan_document", args=[plan.pk, "docx"]),
        reverse("plans:conference_detail", args=[conference.pk]),
        reverse("plans:conference_document", args=[conference.pk, "announcement", "docx"]),
        reverse("plans:conference_document", args=[conference.pk, "invitation", "docx"])
        + f"?participant={s['participant'].pk}",
        reverse("plans:task_detail", args=[task.pk]),
        reverse("plans:plan_update", args=[plan.pk]),
        reverse("plans:plan_issue", args=[plan.pk]),
        reverse("plans:conference_update", args=[conference.pk]),
        reverse("plans:timeline_apply", args=[conference.pk]),
        reverse("plans:agenda_update", args=[conference.pk, agenda_item.pk]),
        reverse("plans:responsibility_update", args=[plan.pk, s["item"].pk]),
        reverse("plans:task_create", args=[plan.pk]),
        reverse("plans:task_update", args=[task.pk]),
        reverse("plans:conference_create", args=[plan.pk]),
        reverse("plans:programme_create", args=[plan.pk]),
    ]


def test_the_province_officer_opens_every_page_of_the_plan(cast, login, setup):
    client = login(cast.province_officer)
    for url in _pages(setup):
        assert client.get(url).status_code == 200, url


def test_the_outsider_gets_not_found_on_every_page_of_the_plan(cast, login, setup):
    client = login(cast.outsider)
    for url in _pages(setup):
        assert client.get(url).status_code == 404, url


def test_agency_b_without_duties_in_the_plan_gets_not_found(cast, login, setup):
    client = login(cast.agency_b)
    for url in _pages(setup):
        assert client.get(url).status_code == 404, url


def test_agency_a_sees_the_plan_that_gives_it_a_duty_but_cannot_edit_it(cast, login, setup):
    client = login(cast.agency_a)
    assert client.get(reverse("plans:plan_detail", args=[setup["plan"].pk])).status_code == 200
    assert client.get(reverse("plans:task_detail", args=[setup["task"].pk])).status_code == 200
    assert client.get(reverse("plans:plan_update", args=[setup["plan"].pk])).status_code == 403
    assert client.get(reverse("plans:conference_update", args=[setup["conference"].pk])).status_code == 403


def test_an_anonymous_visitor_is_sent_to_sign_in(client, setup):
    for url in [*_pages(setup), reverse("plans:plan_list"), reverse("plans:calendar"), reverse("plans:task_list")]:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url


def test_the_plan_list_shows_only_plans_in_scope_and_searches_without_accents(cast, login, setup):
    response = login(cast.province_officer).get(reverse("plans:plan_list"), {"q": "doi thoai bi thu"})
    assert setup["plan"].title in response.content.decode()
    response = login(cast.outsider).get(reverse("plans:plan_list"))
    assert setup["plan"].title not in response.content.decode()


def test_the_secretariat_creates_a_plan_from_the_form(cast, login, tree):
    client = login(cast.province_officer)
    response = client.post(
        reverse("plans:plan_create"),
        {
            "issuing_unit": tree.tinh_uy.pk,
            "title": "Kế hoạch đối thoại năm 2027",
            "legal_bases": (
                "Quy định số 11-QĐi/TW ngày 18/02/2019 của Bộ Chính trị\nKết luận số 215-KL/TW ngày 23/11/2025"
            ),
            "basis_verb": "Thực hiện",
        },
    )
    plan = Plan.objects.get(title="Kế hoạch đối thoại năm 2027")
    assert response.status_code == 302 and response["Location"] == reverse("plans:plan_detail", args=[plan.pk])
    assert plan.legal_bases.count() == 2
    assert plan.created_by == cast.province_officer


def test_the_outsider_cannot_create_a_plan_for_another_provinces_unit(cast, login, tree):
    response = login(cast.outsider).post(
        reverse("plans:plan_create"), {"issuing_unit": tree.tinh_uy.pk, "title": "Kế hoạch"}
    )
    assert response.status_code == 200  # the unit is not a valid choice for them
    assert not Plan.objects.filter(title="Kế hoạch").exists()


def test_the_agency_officer_cannot_open_the_new_plan_form(cast, login):
    assert login(cast.agency_a).get(reverse("plans:plan_create")).status_code == 403


def test_a_double_submitted_plan_is_refused_the_second_time_as_stale(cast, login, setup):
    plan = setup["plan"]
    client = login(cast.province_officer)
    data = {
        "title": "Tên mới",
        "layout": "party",
        "issuer_line": plan.issuer_line,
        "symbol": plan.symbol,
        "place": plan.place,
        "year": plan.year,
        "version": plan.version,
    }
    assert client.post(reverse("plans:plan_update", args=[plan.pk]), data).status_code == 302
    response = client.post(reverse("plans:plan_update", args=[plan.pk]), {**data, "title": "Tên khác"})
    assert response.status_code == 200
    assert str(services.MSG_STALE) in response.content.decode()
    assert Plan.objects.get(pk=plan.pk).title == "Tên mới"


def test_issuing_from_the_form_numbers_the_plan(cast, login, setup):
    plan = setup["plan"]
    response = login(cast.province_officer).post(
        reverse("plans:plan_issue", args=[plan.pk]), {"issued_on": "02/03/2026", "number": ""}
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert (plan.status, plan.number, plan.issued_on) == (PlanStatus.ISSUED, 1, date(2026, 3, 2))


def test_the_plan_docx_is_a_real_document_with_the_plan_header(cast, login, setup):
    response = login(cast.province_officer).get(reverse("plans:plan_document", args=[setup["plan"].pk, "docx"]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]
    document = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert "KẾ HOẠCH" in text and "MỤC ĐÍCH, YÊU CẦU" in text and "TỔ CHỨC THỰC HIỆN" in text
    assert "TỈNH ỦY THÁI NGUYÊN" in cells and "ĐẢNG CỘNG SẢN VIỆT NAM" in cells
    assert "Phạm Hoàng Sơn" in cells and "Nơi nhận" in cells


def test_an_unknown_document_format_is_not_found(cast, login, setup):
    client = login(cast.province_officer)
    assert client.get(reverse("plans:plan_document", args=[setup["plan"].pk, "exe"])).status_code == 404


def test_the_agency_marks_its_task_done_from_the_task_page(cast, login, setup):
    task = setup["task"]
    response = login(cast.agency_a).post(
        reverse("plans:task_detail", args=[task.pk]), {"note": "Đã gửi văn bản trả lời", "done_on": ""}
    )
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.status == TaskStatus.DONE and task.done_by == cast.agency_a


def test_agency_b_cannot_mark_the_task_done(cast, login, setup):
    response = login(cast.agency_b).post(reverse("plans:task_detail", args=[setup["task"].pk]), {"note": "x"})
    assert response.status_code == 404
    assert Task.objects.get(pk=setup["task"].pk).status == TaskStatus.OPEN


def test_a_task_without_note_or_file_shows_the_vietnamese_reason(cast, login, setup):
    response = login(cast.agency_a).post(reverse("plans:task_detail", args=[setup["task"].pk]), {"note": ""})
    assert response.status_code == 200
    assert "Thêm ghi chú hoặc tệp" in response.content.decode()


def test_the_home_page_lists_the_units_tasks(cast, login, setup):
    body = login(cast.agency_a).get(reverse("staff:home")).content.decode()
    assert "Chuẩn bị trả lời" in body
    body = login(cast.agency_b).get(reverse("staff:home")).content.decode()
    assert "Chuẩn bị trả lời" not in body


def test_applying_a_timeline_from_the_page_creates_dated_tasks(cast, login, setup):
    conference = setup["conference"]
    template = TimelineTemplate.objects.get(code="province-dialogue")
    client = login(cast.province_officer)
    url = reverse("plans:timeline_apply", args=[conference.pk]) + f"?template={template.pk}"
    page = client.get(url)
    assert page.status_code == 200
    data = {f"unit_{step.pk}": cast.tree.ban_dan_van.pk for step in template.steps.all()}
    assert client.post(url, data).status_code == 302
    assert conference.tasks.filter(step__isnull=False, due_date__isnull=False).count() == template.steps.count()


def test_the_outsider_cannot_apply_a_timeline(cast, login, setup):
    template = TimelineTemplate.objects.get(code="province-dialogue")
    url = reverse("plans:timeline_apply", args=[setup["conference"].pk]) + f"?template={template.pk}"
    assert login(cast.outsider).post(url, {}).status_code == 404
    assert not setup["conference"].tasks.filter(step__isnull=False).exists()


@pytest.mark.parametrize(
    "name,args,data",
    [
        ("plans:plan_cancel", lambda s: [s["plan"].pk], {}),
        ("plans:conference_status", lambda s: [s["conference"].pk], {"status": "cancelled"}),
        ("plans:chair_add", lambda s: [s["conference"].pk], {"name": "Ông A"}),
        ("plans:delegation_add", lambda s: [s["conference"].pk], {"name": "Đoàn B"}),
        ("plans:participant_add", lambda s: [s["conference"].pk], {"full_name": "Bà C"}),
        ("plans:participant_invitation", lambda s: [s["participant"].pk], {"status": "invited"}),
        ("plans:participant_remove", lambda s: [s["participant"].pk], {}),
        ("plans:delegation_delete", lambda s: [s["conference"].pk, s["delegation"].pk], {}),
        ("plans:invitations_sent", lambda s: [s["conference"].pk], {}),
        ("plans:agenda_prefill", lambda s: [s["conference"].pk], {}),
        ("plans:agenda_add", lambda s: [s["conference"].pk], {"title": "Mục", "duration_minutes": 5}),
        ("plans:task_delete", lambda s: [s["task"].pk], {}),
        ("plans:task_reopen", lambda s: [s["task"].pk], {}),
        ("plans:responsibility_delete", lambda s: [s["plan"].pk, s["item"].pk], {}),
    ],
)
def test_every_write_is_refused_to_the_outsider_and_to_agency_b(cast, login, setup, name, args, data):
    url = reverse(name, args=args(setup))
    before = AuditEntry.objects.count()
    for person in (cast.outsider, cast.agency_b):
        response = login(person).post(url, data)
        assert response.status_code in (403, 404), (name, person)
    assert AuditEntry.objects.count() == before


def test_agency_a_may_not_use_the_secretariats_writes(cast, login, setup):
    client = login(cast.agency_a)
    assert client.post(reverse("plans:plan_cancel", args=[setup["plan"].pk])).status_code == 403
    assert client.post(reverse("plans:chair_add", args=[setup["conference"].pk]), {"name": "X"}).status_code == 403
    assert Plan.objects.get(pk=setup["plan"].pk).status == PlanStatus.DRAFT


def test_the_secretariat_records_the_conference_on_its_page(cast, login, setup):
    conference = setup["conference"]
    client = login(cast.province_officer)
    client.post(reverse("plans:chair_add", args=[conference.pk]), {"name": "Trịnh Việt Hùng", "position": "Bí thư"})
    client.post(reverse("plans:participant_invitation", args=[setup["participant"].pk]), {"status": "confirmed"})
    page = client.get(reverse("plans:conference_detail", args=[conference.pk])).content.decode()
    assert "Trịnh Việt Hùng" in page
    assert Conference.objects.get(pk=conference.pk).participants.get().invitation_status == "confirmed"


def test_the_calendar_shows_conferences_and_deadlines_in_scope_only(cast, login, setup):
    params = {"year": 2026, "month": 12}
    body = login(cast.province_officer).get(reverse("plans:calendar"), params).content.decode()
    assert "Hội nghị đối thoại với Nhân dân" in body and "Chuẩn bị trả lời" in body
    body = login(cast.outsider).get(reverse("plans:calendar"), params).content.decode()
    assert "Hội nghị đối thoại với Nhân dân" not in body


def test_the_task_list_shows_only_the_units_tasks(cast, login, setup):
    assert "Chuẩn bị trả lời" in login(cast.agency_a).get(reverse("plans:task_list")).content.decode()
    assert "Chuẩn bị trả lời" not in login(cast.agency_b).get(reverse("plans:task_list")).content.decode()


def test_a_national_administrator_adds_a_preparation_timeline_in_the_admin(cast, login):
    url = reverse("admin:plans_timelinetemplate_add")
    data = {
        "name": "Đối thoại với doanh nghiệp",
        "description": "",
        "unit": "",
        "code": "business",
        "is_active": "on",
        "steps-TOTAL_FORMS": "1",
        "steps-INITIAL_FORMS": "0",
        "steps-MIN_NUM_FORMS": "0",
        "steps-MAX_NUM_FORMS": "1000",
        "steps-0-order": "1",
        "steps-0-kind": "invite",
        "steps-0-title": "Gửi giấy mời doanh nghiệp",
        "steps-0-offset_working_days": "-5",
        "steps-0-responsible_hint": "Văn phòng UBND tỉnh",
        "steps-0-min_calendar_days_before": "",
    }
    assert login(cast.admin).post(url, data).status_code == 302
    template = TimelineTemplate.objects.get(code="business")
    assert template.steps.get().offset_working_days == -5
    entry = AuditEntry.objects.get(action="timeline.create")
    assert entry.after["steps"][0]["title"] == "Gửi giấy mời doanh nghiệp"


def test_the_province_officer_cannot_edit_timelines_in_the_admin(cast, login):
    response = login(cast.province_officer).get(reverse("admin:plans_timelinetemplate_changelist"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_a_monthly_programme_from_the_form_generates_its_conferences_with_their_chair(cast, login, setup):
    plan = setup["plan"]
    response = login(cast.province_officer).post(
        reverse("plans:programme_create", args=[plan.pk]),
        {
            "title": "Đối thoại kết hợp tiếp công dân định kỳ",
            "frequency": "monthly",
            "day_of_month": "15",
            "start_date": "01/01/2027",
            "end_date": "30/06/2027",
            "format": "in_person",
            "chair_name": "Trịnh Việt Hùng",
            "chair_position": "Bí thư Tỉnh ủy",
        },
    )
    assert response.status_code == 302
    generated = plan.conferences.filter(programme__isnull=False)
    assert generated.count() == 6
    assert {c.chairs.get().name for c in generated} == {"Trịnh Việt Hùng"}


def test_a_programme_whose_end_is_before_its_start_is_refused_in_vietnamese(cast, login, setup):
    response = login(cast.province_officer).post(
        reverse("plans:programme_create", args=[setup["plan"].pk]),
        {
            "title": "X",
            "frequency": "monthly",
            "start_date": "01/06/2027",
            "end_date": "01/01/2027",
            "format": "in_person",
        },
    )
    assert response.status_code == 200
    assert "Ngày kết thúc chương trình không được trước ngày bắt đầu." in response.content.decode()


def test_the_national_administrator_sees_every_plan_even_one_without_duties(cast, login, tree):
    plan = services.plan_create(actor=cast.province_officer, issuing_unit=tree.tinh_uy, title="Kế hoạch chưa giao việc")
    client = login(cast.admin)
    assert client.get(reverse("plans:plan_detail", args=[plan.pk])).status_code == 200
    assert "Kế hoạch chưa giao việc" in client.get(reverse("plans:plan_list")).content.decode()
