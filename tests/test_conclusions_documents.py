"""The conclusion notice as a DOCX in the legal layout (dialogue.conclusions.documents).

With LibreOffice present (and always when CI=true) the notice is rendered to PDF and PNG in
var/documents-preview/ for people to look at.
"""

import io
import os
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from django.utils import timezone
from docx import Document
from docx.shared import Mm

from dialogue.conclusions import services
from dialogue.conclusions.documents import conclusion_document, conclusion_filename
from dialogue.documents.layout import font_report, render_docx
from dialogue.documents.pdf import docx_to_pdf, libreoffice_path
from dialogue.plans.models import DocumentLayout
from tests import test_conclusions_fixtures

meeting = test_conclusions_fixtures.meeting

pytestmark = pytest.mark.django_db
PREVIEW_DIR = Path(__file__).resolve().parents[1] / "var" / "documents-preview"
_NO_LIBREOFFICE = libreoffice_path() is None and os.environ.get("CI") != "true"


def _issued(meeting):
    conclusion = services.conclusion_draft(actor=meeting.officer, conference=meeting.conference)
    conclusion = services.conclusion_approve(actor=meeting.chair, conclusion=conclusion)
    return services.conclusion_issue(actor=meeting.chair, conclusion=conclusion, issued_on=timezone.localdate())


def _paragraphs(data: bytes) -> list[str]:
    document = Document(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                texts += [p.text for p in cell.paragraphs]
    return texts


def test_a_party_notice_prints_the_party_header_number_type_and_signature(meeting):
    conclusion = _issued(meeting)
    data = render_docx(conclusion_document(conclusion))
    texts = _paragraphs(data)
    joined = "\n".join(texts)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in joined
    assert "ĐẢNG ỦY XÃ CAO MINH" in joined
    assert "Số 1-TB/ĐU" in joined
    assert "THÔNG BÁO KẾT LUẬN" in texts
    assert any(t.startswith("Cao Minh, ngày ") for t in texts)
    assert "T/M BAN THƯỜNG VỤ" in joined and "BÍ THƯ" in joined and "Hứa Ngọc Sỹ" in joined
    assert "Nơi nhận:" in joined and "- Sở Nông nghiệp và Môi trường," in joined and "- Lưu VT." in joined


def test_the_body_has_answered_settled_and_numbered_directives_with_their_deadlines(meeting):
    conclusion = _issued(meeting)
    texts = _paragraphs(render_docx(conclusion_document(conclusion)))
    assert "I. NHỮNG NỘI DUNG ĐÃ ĐƯỢC TRẢ LỜI" in texts
    assert "II. NHỮNG NỘI DUNG ĐÃ ĐƯỢC GIẢI QUYẾT TẠI HỘI NGHỊ" in texts
    assert "III. NHỮNG NỘI DUNG GIAO CÁC CƠ QUAN, ĐƠN VỊ GIẢI QUYẾT" in texts
    first = next(t for t in texts if t.startswith("1. Giao Sở Nông nghiệp và Môi trường:"))
    assert "nạo vét kênh mương" in first
    due = conclusion.directives.order_by("order").first().due_date
    assert f"- Thời hạn hoàn thành: trước ngày {due:%d/%m/%Y}." in texts
    assert "- Đơn vị phối hợp: Sở Xây dựng." in texts


def test_the_docx_is_a4_with_legal_margins_in_times_new_roman(meeting):
    data = render_docx(conclusion_document(_issued(meeting)))
    section = Document(io.BytesIO(data)).sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1)
    assert Mm(29) < section.left_margin < Mm(36) and Mm(14) < section.right_margin < Mm(21)
    assert all(run.font == "Times New Roman" for run in font_report(data))


def test_a_state_issuer_gives_the_national_motto_and_a_state_number(meeting):
    conclusion = _issued(meeting)
    conclusion.layout = DocumentLayout.STATE
    conclusion.symbol = "TB-UBND"
    conclusion.issuer_line = "ỦY BAN NHÂN DÂN XÃ CAO MINH"
    joined = "\n".join(_paragraphs(render_docx(conclusion_document(conclusion))))
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in joined and "Số: 1/TB-UBND" in joined


def test_a_draft_prints_a_blank_number_and_a_draft_file_name(meeting):
    conclusion = services.conclusion_draft(actor=meeting.officer, conference=meeting.conference)
    joined = "\n".join(_paragraphs(render_docx(conclusion_document(conclusion))))
    assert "Số     -TB/ĐU" in joined
    assert conclusion_filename(conclusion).startswith("thong-bao-ket-luan-du-thao-")


@pytest.mark.skipif(_NO_LIBREOFFICE, reason="LibreOffice is not installed (CI=true makes this a failure)")
def test_the_notice_renders_to_pdf_and_png(meeting):
    data = render_docx(conclusion_document(_issued(meeting)))
    PREVIEW_DIR.mkdir(parents=True, exist_ok=True)
    pdf = docx_to_pdf(data, timeout=90)
    assert pdf.startswith(b"%PDF")
    (PREVIEW_DIR / "thong-bao-ket-luan.docx").write_bytes(data)
    pdf_path = PREVIEW_DIR / "thong-bao-ket-luan.pdf"
    pdf_path.write_bytes(pdf)
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "60", pdf_path, PREVIEW_DIR / "thong-bao-ket-luan"], check=True)
        assert list(PREVIEW_DIR.glob("thong-bao-ket-luan-*.png"))
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", pdf_path, "-"], check=True, capture_output=True).stdout
        text = unicodedata.normalize("NFC", text.decode())
        assert "THÔNG BÁO KẾT LUẬN" in text and "Số 1-TB/ĐU" in text


def test_the_notice_reads_its_directives_and_their_units_in_a_fixed_number_of_statements(
    meeting, django_assert_max_num_queries
):
    from dialogue.conclusions.models import Directive

    conclusion = services.conclusion_draft(actor=meeting.officer, conference=meeting.conference)
    template = conclusion.directives.order_by("order").first()
    supporting = list(template.supporting_units.all())
    for n in range(40):
        directive = Directive.objects.create(
            conclusion=conclusion, order=100 + n, matter=f"Việc thứ {n}", lead_unit=template.lead_unit
        )
        directive.supporting_units.set(supporting)
    conclusion.refresh_from_db()
    with django_assert_max_num_queries(12):
        texts = _paragraphs(render_docx(conclusion_document(conclusion)))
    assert sum(t.startswith(f"{template.lead_unit.name}") or "Việc thứ" in t for t in texts) >= 40
