"""The demo plans (`plans_demo_load`): the five seed plans as their issuers wrote them.

Like tests/test_demo.py, the demo (3,300 communes, then the plans) is loaded once for
the module inside a transaction rolled back at the end; each test runs in its own
savepoint on top of it.
"""

import io
import os
import subprocess
import unicodedata
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.db import transaction
from django.test import override_settings
from docx import Document

from dialogue.core.models import AuditEntry
from dialogue.documents import docx_to_pdf, libreoffice_path, render_docx
from dialogue.organisation.demo import DEMO_ACCOUNTS, demo_load
from dialogue.organisation.models import Level, Unit, User
from dialogue.plans.demo import GIA_PHUC_VILLAGES, SEED_PLANS, plans_demo_load
from dialogue.plans.documents import announcement_document, invitation_document, plan_document
from dialogue.plans.models import (
    Conference,
    ConferenceStatus,
    DocumentLayout,
    Plan,
    PlanStatus,
    StepKind,
    Task,
    TaskStatus,
)
from dialogue.plans.selectors import plan_tasks, progress_of
from dialogue.workcalendar.selectors import get_calendar

FAST_HASHING = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    """The organisation demo and the plans, loaded once; returns the plans' first counts."""
    with FAST_HASHING, django_db_blocker.unblock(), transaction.atomic():
        demo_load()
        admin = User.objects.get(username=DEMO_ACCOUNTS[0].username)
        counts = plans_demo_load(actor=admin)
        yield counts
        transaction.set_rollback(True)


def plan_of(issuer: str) -> Plan:
    return Plan.objects.get(issuing_unit__name=issuer)


def province_of(unit: Unit) -> Unit:
    """The outermost unit above `unit` (today's province; Bắc Giang sits under Bắc Ninh)."""
    return Unit.objects.get(pk=int(unit.path.strip("/").split("/")[0]))


# --- the five plans -------------------------------------------------------------------


def test_the_demo_holds_the_five_seed_plans(loaded, db):
    plans = {p.issuing_unit.name: p for p in Plan.objects.select_related("issuing_unit")}

    assert sorted(plans) == sorted(
        [
            "Tỉnh ủy Thái Nguyên",
            "Thị ủy Đức Phổ",
            "Ủy ban nhân dân tỉnh Bắc Giang",
            "Đảng ủy xã Gia Phúc",
            "Đảng ủy xã Cao Minh",
        ]
    )
    assert loaded == {
        "plans": 5,
        "conferences": Conference.objects.count(),
        "tasks": Task.objects.count(),
    }
    state = plans.pop("Ủy ban nhân dân tỉnh Bắc Giang")
    assert state.layout == DocumentLayout.STATE
    assert {p.layout for p in plans.values()} == {DocumentLayout.PARTY}


def test_the_plans_are_drafts_dated_as_in_the_seeds_except_the_issued_one(loaded, db):
    drafts = {
        p.issuing_unit.name: (p.number, p.draft_month, p.year)
        for p in Plan.objects.filter(status=PlanStatus.DRAFT).select_related("issuing_unit")
    }

    assert drafts == {
        "Thị ủy Đức Phổ": (None, None, 2023),
        "Ủy ban nhân dân tỉnh Bắc Giang": (None, 3, 2024),
        "Đảng ủy xã Gia Phúc": (None, 4, 2026),
        "Đảng ủy xã Cao Minh": (None, 10, 2025),
    }
    assert plan_of("Đảng ủy xã Cao Minh").number_label == "Số     -KH/ĐU"
    assert plan_of("Ủy ban nhân dân tỉnh Bắc Giang").number_label == "Số:     /KH-UBND"


def test_seed_000_is_issued_as_so_166_kh_tu_dated_24_05_2024(loaded, db):
    plan = plan_of("Tỉnh ủy Thái Nguyên")

    assert plan.status == PlanStatus.ISSUED
    assert plan.number_label == "Số 166-KH/TU"
    assert plan.issued_on == date(2024, 5, 24)
    assert (plan.issuer_parent_line, plan.issuer_line, plan.place) == ("", "TỈNH ỦY THÁI NGUYÊN", "Thái Nguyên")
    assert (plan.signing_authority, plan.signer_title, plan.signer_name) == (
        "T/M BAN THƯỜNG VỤ",
        "PHÓ BÍ THƯ THƯỜNG TRỰC",
        "Phạm Hoàng Sơn",
    )
    assert plan.signer.username == "phamhoangson"
    assert plan.drafter_mark == "BDVTU/20"
    assert plan.recipients.splitlines()[0] == "- Ban Dân vận Trung ương (*báo cáo*),"
    assert len(plan.recipients.splitlines()) == 9
    basis = plan.legal_bases.get()
    assert (basis.document_number, basis.issued_on) == ("1050-QĐ/TU", date(2022, 5, 24))


def test_seed_000_keeps_its_headings_on_their_own_lines(loaded, db):
    plan = plan_of("Tỉnh ủy Thái Nguyên")

    purposes = plan.purposes.splitlines()
    assert purposes[:3] == ["I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", purposes[2]]
    assert purposes[2].startswith("- Tuyên truyền, phổ biến đường lối")
    assert plan.content.splitlines()[0] == "II. NỘI DUNG THỰC HIỆN"
    assert "3.1. Đại biểu tỉnh: (khoảng 30 đại biểu)" in plan.content.splitlines()
    assert [r.label for r in plan.responsibilities.all()] == [
        "Thường trực Thành ủy Thái Nguyên",
        "Ban cán sự đảng Ủy ban nhân dân tỉnh",
        "Các cơ quan tham mưu, giúp việc Tỉnh ủy, Ủy ban Mặt trận Tổ quốc tỉnh "
        "và các tổ chức chính trị - xã hội cấp tỉnh",
        "Ban Dân vận Tỉnh ủy",
        "Văn phòng Tỉnh ủy",
    ]


def test_seed_000_has_its_three_deadlines_and_one_late_duty(loaded, db):
    plan = plan_of("Tỉnh ủy Thái Nguyên")

    dated = {t.due_date: t.unit.name for t in plan.tasks.exclude(due_date=None)}
    rows = plan_tasks(plan)
    progress = progress_of(rows)

    assert dated == {
        date(2024, 6, 10): "Thành ủy Thái Nguyên",
        date(2024, 6, 25): "Ủy ban nhân dân tỉnh Thái Nguyên",
        date(2024, 7, 5): "Ban Dân vận Tỉnh ủy Thái Nguyên",
    }
    assert progress.done >= 3 and progress.late >= 1
    late = next(r for r in rows if r.task.due_date == date(2024, 7, 5))
    assert late.task.status == TaskStatus.OPEN and late.late_by > 0
    done_late = next(r for r in rows if r.task.due_date == date(2024, 6, 25))
    assert done_late.task.status == TaskStatus.DONE and done_late.late_by == 3  # 26, 27, 28 June
    assert all(t.done_note for t in plan.tasks.filter(status=TaskStatus.DONE))


def test_seed_000_has_one_conference_in_mid_july_accepting_provincial_and_central_matters(loaded, db):
    conference = plan_of("Tỉnh ủy Thái Nguyên").conferences.get()

    assert conference.date is None and conference.status == ConferenceStatus.PLANNED
    assert conference.planned_period == "trung tuần tháng 7/2024"
    assert conference.venue == "Hội trường UBND thành phố Thái Nguyên"
    assert conference.host_unit.name == "Thành phố Thái Nguyên"
    assert conference.host_unit.kind.code == "district"
    assert conference.scope_levels == [Level.CENTRAL, Level.PROVINCE]
    assert "thẩm quyền giải quyết của cấp tỉnh và Trung ương" in conference.scope_note
    assert [c.position for c in conference.chairs.all()] == ["Bí thư Tỉnh ủy Thái Nguyên"]
    top = {d.name: d for d in conference.delegations.filter(parent=None)}
    assert {n: d.expected_size for n, d in top.items()} == {
        "Đại biểu tỉnh": 30,
        "Đại biểu cấp thành phố và cơ sở": 250,
    }
    children = top["Đại biểu cấp thành phố và cơ sở"].children.all()
    assert {d.name: d.expected_size for d in children} == {
        "Lãnh đạo các cơ quan, đơn vị thành phố": 30,
        "Người dân": 200,
        "Đại diện doanh nghiệp": 20,
    }


def test_seed_001_has_four_quarterly_conferences_hosted_in_duc_pho(loaded, db):
    plan = plan_of("Thị ủy Đức Phổ")

    conferences = list(plan.conferences.order_by("order"))

    assert [(c.planned_period, c.host_unit.name) for c in conferences] == [
        ("Tháng 3/2023", "Thị xã Đức Phổ"),
        ("Tháng 5/2023", "Xã Phổ An"),
        ("Tháng 7/2023", "Thị xã Đức Phổ"),
        ("Tháng 10/2023", "Phường Phổ Minh"),
    ]
    assert conferences[1].title.startswith("Đổi thoại trực tiếp giữa Bí thư Thị ủy với công dân xã Phổ An")
    assert {c.chairs.get().name for c in conferences} == {"Nguyễn Kiên"}
    assert plan.issuer_parent_line == "ĐẢNG BỘ TỈNH QUẢNG NGÃI"
    assert plan.tasks_heading == "III- Tổ chức thực hiện"
    assert plan.responsibilities.count() == 10
    assert plan.signer is None and plan.signer_name == "Nguyễn Kiên"


def test_seed_002_has_12_monthly_conferences_on_the_15th_or_the_next_working_day(loaded, db):
    plan = plan_of("Ủy ban nhân dân tỉnh Bắc Giang")
    programme = plan.programmes.get()
    calendar = get_calendar()

    monthly = list(programme.conferences.order_by("date"))

    assert programme.title == "Đối thoại kết hợp tiếp công dân định kỳ"
    assert len(monthly) == 12
    for month, conference in enumerate(monthly, start=1):
        fifteenth = date(2024, month, 15)
        assert conference.date >= fifteenth
        assert calendar.is_working_day(conference.date)
        assert all(
            not calendar.is_working_day(fifteenth + timedelta(days=d))
            for d in range((conference.date - fifteenth).days)
        )
    assert monthly[5].date == date(2024, 6, 17)  # Saturday 15 June 2024
    assert all(c.chairs.get().person.username == "phanthetuan" for c in plan.conferences.all())


def test_seed_002_has_voters_business_and_cooperative_conferences_with_open_dates(loaded, db):
    plan = plan_of("Ủy ban nhân dân tỉnh Bắc Giang")

    periods = sorted(plan.conferences.filter(programme=None).values_list("planned_period", flat=True))

    assert periods == sorted(["Tháng 6/2024", "Tháng 11/2024", "Năm 2024, thời gian quyết định sau", "Quý IV/2024"])
    assert plan.conferences.count() == 16
    assert [b.document_number for b in plan.legal_bases.all()] == ["1158-QĐ/TU", "307-QĐ/TU", "116-KL/TU"]
    assert (plan.signing_authority, plan.signer_title) == ("", "PHÓ CHỦ TỊCH")


def test_seed_003_has_one_conference_on_11_06_2026_serving_seven_villages(loaded, db):
    plan = plan_of("Đảng ủy xã Gia Phúc")

    conference = plan.conferences.get()

    assert conference.date == date(2026, 6, 11)
    assert conference.start_time.strftime("%H:%M") == "08:00"
    assert conference.venue == "Hội trường Nhà Văn hoá trung tâm xã Gia Phúc"
    assert sorted(conference.served_units.values_list("name", flat=True)) == sorted(
        f"Thôn {name}" for name in GIA_PHUC_VILLAGES
    )
    chair = conference.chairs.get()
    assert (chair.name, chair.person.username) == ("Đỗ Văn Tiến", "chutri.giaphuc")
    assert conference.agenda_items.count() == 8
    assert (plan.issuer_parent_line, plan.issuer_line) == ("ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG", "ĐẢNG ỦY XÃ GIA PHÚC")
    people = conference.delegations.get(name="Nhân dân")
    assert (people.parent.name, people.expected_size) == ("Đại biểu thôn", 100)


def test_seed_003_timeline_tasks_fall_on_working_days_and_the_announcement_is_7_days_ahead(loaded, db):
    conference = plan_of("Đảng ủy xã Gia Phúc").conferences.get()
    calendar = get_calendar()

    timeline = {t.step.kind: t for t in conference.tasks.select_related("step", "unit")}

    assert conference.timeline_template.code == "commune-dialogue"
    assert len(timeline) == 7
    assert all(calendar.is_working_day(t.due_date) for t in timeline.values())
    announce = timeline[StepKind.ANNOUNCE]
    assert announce.due_date <= conference.date - timedelta(days=7)
    assert announce.unit.name == "Trung tâm Dịch vụ sự nghiệp công xã Gia Phúc"
    assert timeline[StepKind.COLLECT].unit.name == "Ủy ban Mặt trận Tổ quốc Việt Nam xã Gia Phúc"
    assert timeline[StepKind.INVITE].due_date == date(2026, 6, 5)
    assert timeline[StepKind.SECURITY].unit.name == "Công an xã Gia Phúc"


def test_seed_003_duties_carry_the_dates_the_plan_gives(loaded, db):
    plan = plan_of("Đảng ủy xã Gia Phúc")

    written = plan.tasks.filter(responsibility__isnull=False)

    assert set(written.exclude(due_date=None).values_list("due_date", flat=True)) == {
        date(2026, 5, 15),
        date(2026, 5, 20),
        date(2026, 6, 5),
        date(2026, 6, 8),  # 03 working days before Thursday 11/6
        date(2026, 6, 2),  # 07 working days before
    }
    police = plan.responsibilities.get(label="Giao Công an xã")
    assert police.unit.name == "Công an xã Gia Phúc"
    assert all(t.description.startswith("- ") for t in plan.responsibilities.get(order=1).tasks.all())


def test_seed_004_has_two_chairs(loaded, db):
    conference = plan_of("Đảng ủy xã Cao Minh").conferences.get()

    chairs = [(c.name, c.position, c.person.username if c.person else None) for c in conference.chairs.all()]

    assert chairs == [
        ("Hứa Ngọc Sỹ", "Bí thư Đảng ủy, Chủ tịch HĐND xã Cao Minh", "chutri.caominh"),
        ("Đồng chí Chủ tịch UBND xã", "Chủ tịch UBND xã Cao Minh", None),
    ]
    assert conference.date == date(2025, 11, 14)
    assert conference.venue == "Hội trường UBND xã Cao Minh"


def test_seed_004_has_participants_from_the_tree_and_by_hand_and_a_late_conclusion(loaded, db):
    plan = plan_of("Đảng ủy xã Cao Minh")
    conference = plan.conferences.get()

    participants = list(conference.participants.all())
    rows = plan_tasks(plan)
    conclusion = next(r for r in rows if r.task.step and r.task.step.kind == StepKind.CONCLUSION)

    assert {p.person.username for p in participants if p.person} == {"vanphong.tu", "danvan.tu"}
    assert len([p for p in participants if p.person is None]) == 3
    assert conclusion.task.status == TaskStatus.OPEN and conclusion.late_by > 0
    assert progress_of(rows).done >= 8
    assert plan.tasks.get(due_date=date(2025, 11, 10), step=None).done_on == date(2025, 11, 12)


# --- invariants -----------------------------------------------------------------------


def test_every_plan_task_has_a_responsible_unit_inside_the_plan_s_province(loaded, db):
    for task in Task.objects.select_related("plan__issuing_unit", "unit"):
        province = province_of(task.plan.issuing_unit)
        assert task.unit.path.startswith(province.path), (task.plan.title, task.unit.name)


def test_the_demo_plans_match_the_seed_records(loaded, db):
    for seed in SEED_PLANS:
        plan = plan_of(seed.issuer)
        assert plan.title == seed.fields["title"]
        assert [r.label for r in plan.responsibilities.all()] == [h.label for h in seed.headings]
        assert plan.tasks.filter(responsibility__isnull=False).count() == sum(len(h.duties) for h in seed.headings)
        assert plan.legal_bases.count() == len(seed.legal_bases)


def test_every_change_is_audited_with_the_national_admin_as_actor(loaded, db):
    admin = User.objects.get(username=DEMO_ACCOUNTS[0].username)

    assert AuditEntry.objects.filter(action="plan.create", actor=admin).count() == 5
    assert AuditEntry.objects.filter(action="plan.issue", actor=admin).count() == 1
    assert (
        AuditEntry.objects.filter(action="task.create", actor=admin).count() == Task.objects.filter(step=None).count()
    )


def test_a_second_load_creates_nothing(loaded, db):
    admin = User.objects.get(username=DEMO_ACCOUNTS[0].username)
    before = (Plan.objects.count(), Conference.objects.count(), Task.objects.count(), AuditEntry.objects.count())

    counts = plans_demo_load(actor=admin)

    assert counts == {"plans": 0, "conferences": 0, "tasks": 0}
    after = (Plan.objects.count(), Conference.objects.count(), Task.objects.count(), AuditEntry.objects.count())
    assert after == before


# --- the regenerated documents ---------------------------------------------------------

# A copy of the shared seed plan 003 (Đảng ủy xã Gia Phúc, 2026), as published.
SEED_003 = Path(__file__).resolve().parent / "fixtures" / "seed_003_gia_phuc_2026.txt"
PREVIEW = Path(__file__).resolve().parents[1] / "var" / "documents-preview"


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("*", "").replace("’", "'")
    return " ".join(text.split())


def _docx_text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for row in t.rows for c in row.cells]
    return _normalise("\n".join(parts))


def test_the_plan_of_seed_003_regenerated_from_the_demo_reads_like_the_seed(loaded, db):
    plan = plan_of("Đảng ủy xã Gia Phúc")
    text = _docx_text(render_docx(plan_document(plan)))
    lines = [_normalise(line) for line in SEED_003.read_text(encoding="utf-8").splitlines()]
    # The header lines of the seed file are blank fields of a draft; the body is checked
    # line by line.
    body = [line for line in lines if len(line) > 3 and line not in {"Số -KH/ĐU", "KẾ HOẠCH"}]
    missing = [line for line in body if line not in text]
    assert missing == []
    for printed in ("Số -KH/ĐU", "Gia Phúc, ngày tháng 4 năm 2026", "KẾ HOẠCH", "T/M BAN THƯỜNG VỤ", "BÍ THƯ",
                    "Đỗ Văn Tiến", "ĐẢNG ỦY XÃ GIA PHÚC", "ĐẢNG CỘNG SẢN VIỆT NAM", "Nơi nhận"):  # fmt: skip
        assert printed in text, printed


def test_the_issued_plan_of_seed_000_prints_its_number_and_date(loaded, db):
    text = _docx_text(render_docx(plan_document(plan_of("Tỉnh ủy Thái Nguyên"))))
    assert "Số 166-KH/TU" in text
    assert "Thái Nguyên, ngày 24 tháng 5 năm 2024" in text
    assert "PHÓ BÍ THƯ THƯỜNG TRỰC" in text and "Phạm Hoàng Sơn" in text and "BDVTU/20" in text


def test_the_state_plan_of_seed_002_prints_the_national_motto(loaded, db):
    text = _docx_text(render_docx(plan_document(plan_of("Ủy ban nhân dân tỉnh Bắc Giang"))))
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Độc lập - Tự do - Hạnh phúc" in text
    assert "Số: /KH-UBND" in text and "PHÓ CHỦ TỊCH" in text and "T/M" not in text


def test_the_invitation_and_announcement_of_seed_003_name_the_conference(loaded, db):
    conference = plan_of("Đảng ủy xã Gia Phúc").conferences.get()
    announcement = _docx_text(render_docx(announcement_document(conference)))
    assert "THÔNG BÁO" in announcement and "Từ 08 giờ 00 đến 11 giờ 30, thứ Năm, ngày 11/6/2026" in announcement
    assert "Hội trường Nhà Văn hoá trung tâm xã Gia Phúc" in announcement
    assert "thôn Phong Lâm" in announcement and "Đồng chí Đồng chí" not in announcement
    participant = conference.participants.first()
    invitation = _docx_text(render_docx(invitation_document(conference, participant=participant)))
    assert "GIẤY MỜI" in invitation and participant.full_name in invitation
    # Printed again after the conference (for the archive), it keeps the month it was sent in.
    assert "Gia Phúc, ngày tháng 6 năm 2026" in invitation


_NO_LIBREOFFICE = not libreoffice_path() and os.environ.get("CI") != "true"


@pytest.mark.skipif(_NO_LIBREOFFICE, reason="LibreOffice is not installed (CI=true makes this a failure)")
def test_the_plan_of_seed_003_renders_to_pdf_and_png(loaded, db, tmp_path):
    data = docx_to_pdf(render_docx(plan_document(plan_of("Đảng ủy xã Gia Phúc"))))
    assert data.startswith(b"%PDF")
    PREVIEW.mkdir(parents=True, exist_ok=True)
    pdf = PREVIEW / "seed003-plan.pdf"
    pdf.write_bytes(data)
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(PREVIEW / "seed003-plan")], check=True, timeout=60)
    assert (PREVIEW / "seed003-plan-1.png").exists()
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "KẾ HOẠCH" in text and "TỔ CHỨC THỰC HIỆN" in text
