"""Documents and command output speak Vietnamese through Django i18n, whatever language the
caller has active: a worker, a command or a page in another language gets the same text."""

import io
import json
from datetime import date

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from docx import Document
from openpyxl import load_workbook

from dialogue.documents.layout import (
    ADDRESSEES_LABEL,
    PARTY_TITLE,
    RECIPIENTS_LABEL,
    STATE_MOTTO,
    STATE_SLOGAN,
    Block,
    Layout,
    OfficialDocument,
    render_docx,
)
from dialogue.petitions.demo import MSG_CONFERENCE_MISSING, MSG_UNIT_MISSING
from dialogue.petitions.documents import (
    CHANNEL_LABELS,
    GROUP_HEADERS,
    PHONE_MASK,
    mask_phones,
    paper_form_document,
    synthesis_report_document,
    synthesis_report_workbook,
)
from dialogue.petitions.models import Channel
from dialogue.plans import services as plan_services
from dialogue.plans.documents import (
    announcement_document,
    date_words,
    invitation_document,
    place_date_line,
    plan_document,
    render,
)

URL = "https://doithoai.example.vn/y-kien/gui/abc"
LONG_TITLE = (
    "Đối thoại để nắm bắt tâm tư, nguyện vọng của cán bộ, hội viên Hội Cựu chiến binh đối với việc tham gia "
    "phát triển kinh tế, văn hoá - xã hội, quốc phòng, an ninh và thực hiện phong trào thi đua “Cựu chiến binh "
    "gương mẫu” trên địa bàn thị xã"
)


def _conference(cast, *, unit, title="Đối thoại với doanh nghiệp năm 2026", **extra):
    plan = plan_services.plan_create(
        actor=cast.province_officer,
        issuing_unit=unit,
        title="Tổ chức Hội nghị đối thoại với doanh nghiệp năm 2026",
        legal_bases=["Luật số 72/2025/QH15"],
        introduction="Ủy ban nhân dân tỉnh xây dựng Kế hoạch như sau:",
    )
    plan = plan_services.plan_issue(actor=cast.province_officer, plan=plan, issued_on=date(2026, 2, 4), number=15)
    return plan_services.conference_create(
        actor=cast.province_officer, plan=plan, title=title, date=date(2026, 9, 10), **extra
    )


@pytest.fixture
def conference(cast):
    return _conference(cast, unit=cast.tree.ubnd, venue="Hội trường UBND tỉnh")


def _docx_text(data: bytes) -> list[str]:
    document = Document(io.BytesIO(data))
    text = [p.text for p in document.paragraphs]
    for table in document.tables:
        text += [cell.text for row in table.rows for cell in row.cells]
    return text


def _every_document(conference) -> dict[str, list[str]]:
    plan = conference.plan
    return {
        "plan": _docx_text(render(plan_document(plan), "x", "docx")[0]),
        "announcement": _docx_text(render_docx(announcement_document(conference, today=date(2026, 8, 3)))),
        "invitation": _docx_text(render_docx(invitation_document(conference))),
        "report": _docx_text(render_docx(synthesis_report_document(conference, [], today=date(2026, 8, 3)))),
        "citizen form": _docx_text(paper_form_document(conference, "citizen", online_url=URL)),
        "organisation form": _docx_text(paper_form_document(conference, "organisation", online_url=URL)),
    }


def test_every_document_is_the_same_vietnamese_text_when_english_is_active(conference):
    with translation.override("vi"):
        vietnamese = _every_document(conference)
    with translation.override("en"):
        english_caller = _every_document(conference)
    assert english_caller == vietnamese
    joined = "\n".join(line for lines in vietnamese.values() for line in lines)
    for label in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Nơi nhận:",
        "KẾ HOẠCH",
        "THÔNG BÁO",
        "GIẤY MỜI",
        "BÁO CÁO",
        "ngày 04 tháng 02 năm 2026",
        "Người ý kiến",
        "(Ký, ghi rõ họ tên)",
        "Xác nhận của tổ chức (cá nhân)",
        "(Ký, đóng dấu)",
        "Đề nghị đồng chí bố trí thời gian tham dự hội nghị đúng thời gian, thành phần./.",
    ):
        assert label in joined, label
    for english in ("SOCIALIST REPUBLIC", "Recipients", "Pursuant to", "Comrade", "INVITATION", "Sign and"):
        assert english not in joined


def test_the_workbook_is_vietnamese_when_english_is_active(conference):
    with translation.override("en"):
        workbook = load_workbook(io.BytesIO(synthesis_report_workbook(conference, [])))
    assert workbook.sheetnames == ["Tổng hợp", "Từng ý kiến"]
    assert workbook.active["A1"].value == "PHỤ LỤC: TỔNG HỢP Ý KIẾN, KIẾN NGHỊ CỦA NHÂN DÂN VÀ NỘI DUNG TRẢ LỜI"
    assert [c.value for c in workbook.active[4]][:4] == ["STT", "Lĩnh vực", "Cấp thẩm quyền", list(GROUP_HEADERS)[3]]
    with translation.override("vi"):
        assert str(GROUP_HEADERS[3]) == "Nội dung ý kiến, kiến nghị (tổng hợp)"


def test_a_party_document_prints_the_party_title_in_vietnamese_when_english_is_active():
    doc = OfficialDocument(
        layout=Layout.PARTY,
        issuer_parent="ĐẢNG BỘ TỈNH THÁI NGUYÊN",
        issuer="TỈNH ỦY",
        number_line="Số 12-CV/TU",
        place_date_line="Thái Nguyên, ngày 05 tháng 3 năm 2026",
        doc_type="",
        title="",
        blocks=[Block("Nội dung.")],
        addressees=["Ban Tuyên giáo và Dân vận Tỉnh ủy"],
        recipients=["- Như trên;"],
    )
    with translation.override("en"):
        text = _docx_text(render_docx(doc))
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    assert "Kính gửi: Ban Tuyên giáo và Dân vận Tỉnh ủy" in text
    assert any(line.startswith("Nơi nhận:") for line in text)


def test_the_fixed_labels_are_english_msgids_with_a_vietnamese_translation():
    with translation.override("vi"):
        assert [str(x) for x in (STATE_MOTTO, STATE_SLOGAN, PARTY_TITLE, RECIPIENTS_LABEL, ADDRESSEES_LABEL)] == [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "Nơi nhận",
            "Kính gửi:",
        ]
        assert str(CHANNEL_LABELS[Channel.ONLINE]) == "Gửi trực tuyến"
    with translation.override("en"):
        assert str(STATE_MOTTO) == "SOCIALIST REPUBLIC OF VIET NAM"
        assert str(PHONE_MASK) == "[phone number hidden]"


def test_date_lines_are_vietnamese_with_leading_zeros_whatever_the_language():
    with translation.override("en"):
        assert date_words(date(2026, 2, 5)) == "ngày 05 tháng 02 năm 2026"
        assert place_date_line("Thái Nguyên", date(2026, 11, 20)) == "Thái Nguyên, ngày 20 tháng 11 năm 2026"
        assert place_date_line("Gia Phúc", None, month=7, year=2026) == "Gia Phúc, ngày      tháng 7 năm 2026"
        assert place_date_line("Gia Phúc", None, year=2026) == "Gia Phúc, ngày      tháng       năm 2026"
        assert mask_phones("gọi 0912345678") == "gọi [số điện thoại đã ẩn]"


def test_a_form_and_a_report_for_a_very_long_conference_title_still_render(cast):
    conference = _conference(cast, unit=cast.tree.ubnd, title=LONG_TITLE)
    for kind in ("citizen", "organisation"):
        document = Document(io.BytesIO(paper_form_document(conference, kind, online_url=URL)))
        assert len(document.core_properties.title) <= 255
        assert "Cựu chiến binh" in "\n".join(p.text for p in document.paragraphs)


def test_the_demo_messages_are_vietnamese():
    with translation.override("vi"):
        assert MSG_CONFERENCE_MISSING.format(what="X") == (
            "Không tìm thấy hội nghị “X” của dữ liệu mẫu; hãy chạy plans_demo_load() trước."
        )
        assert MSG_UNIT_MISSING.format(name="Y").startswith("Không tìm thấy đơn vị “Y”")


def test_classify_petitions_answers_in_vietnamese_even_when_english_is_active(tmp_path, db):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"text": "Đường liên thôn bị hỏng"}, ensure_ascii=False) + "\n", encoding="utf-8")
    out = io.StringIO()
    with translation.override("en"):
        call_command("classify_petitions", input=str(source), output=str(tmp_path / "out.jsonl"), stdout=out)
    assert out.getvalue().startswith("Đã phân loại 1 kiến nghị → ")
    with translation.override("en"), pytest.raises(CommandError) as error:
        call_command("classify_petitions", input=str(tmp_path / "missing.jsonl"), output=str(tmp_path / "x.jsonl"))
    assert str(error.value) == f"Không tìm thấy tệp {tmp_path / 'missing.jsonl'}."
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join(["[1]"] * 12) + "\n", encoding="utf-8")
    with pytest.raises(CommandError) as error:
        call_command("classify_petitions", input=str(bad), output=str(tmp_path / "x.jsonl"))
    message = str(error.value)
    assert message.startswith(f"Tệp {bad} có 12 dòng lỗi, chưa ghi gì:")
    assert "dòng 1: phải là một đối tượng JSON {...}" in message and "… và 2 lỗi khác" in message
