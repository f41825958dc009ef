"""The document layout engine prints what NĐ 30/2020 (state) and HD 36-HD/VPTW (Party) prescribe.

The DOCX is opened with python-docx and checked property by property; one test converts
through LibreOffice and leaves PDFs and PNGs in var/documents-preview/ for people to look at.
"""

import io
import os
import shutil
import stat
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm

from dialogue.documents import (
    Block,
    Layout,
    OfficialDocument,
    PdfConversionFailed,
    PdfUnavailable,
    docx_to_pdf,
    font_report,
    libreoffice_path,
    render_docx,
)
from dialogue.documents.layout import _text_width_cm, blocks_from_text, inline_runs

PREVIEW_DIR = Path(__file__).resolve().parents[1] / "var" / "documents-preview"
TNR = "Times New Roman"


def party_plan(**changes) -> OfficialDocument:
    """Seed 000: Tỉnh ủy Thái Nguyên, Kế hoạch 166-KH/TU (abridged)."""
    values = {
        "layout": Layout.PARTY,
        "issuer_parent": "",
        "issuer": "TỈNH ỦY THÁI NGUYÊN",
        "number_line": "Số 166-KH/TU",
        "place_date_line": "Thái Nguyên, ngày 24 tháng 5 năm 2024",
        "doc_type": "KẾ HOẠCH",
        "title": "Tổ chức Hội nghị tiếp xúc, đối thoại trực tiếp của đồng chí Bí thư Tỉnh ủy\n"
        "với cán bộ, Nhân dân thành phố Thái Nguyên năm 2024",
        "blocks": [
            Block(
                "Thực hiện Quyết định số 1050-QĐ/TU, ngày 24/5/2022 của Ban Thường vụ Tỉnh ủy về việc ban hành "
                "Quy chế tiếp xúc, đối thoại trực tiếp của người đứng đầu cấp ủy đảng, chính quyền các cấp với "
                "Nhân dân trên địa bàn tỉnh Thái Nguyên, Thường trực Tỉnh ủy xây dựng Kế hoạch như sau:"
            ),
            Block("I. MỤC ĐÍCH, YÊU CẦU", "heading1"),
            Block("1. Mục đích", "heading2"),
            Block(
                "- Tuyên truyền, phổ biến đường lối, chủ trương của Đảng, chính sách, pháp luật của Nhà nước; "
                "lắng nghe tâm tư, nguyện vọng và ý kiến phản ánh, kiến nghị của Nhân dân.",
                "bullet",
            ),
            Block("3.1. Đại biểu tỉnh: (khoảng 30 đại biểu)", "heading3"),
            Block("+ Công tác xây dựng Đảng, xây dựng hệ thống chính trị.", "bullet"),
            Block(
                "- Tổng hợp các ý kiến, kiến nghị gửi về Ban Dân vận Tỉnh ủy trước **ngày 10/6/2024** để báo cáo "
                "Thường trực Tỉnh ủy; chuẩn bị cơ sở vật chất (*Hội trường, trang trí, khánh tiết*).",
                "bullet",
            ),
            Block("(Kèm theo phiếu ý kiến đề xuất, kiến nghị)", "note"),
            Block("PHIẾU Ý KIẾN", "centered"),
        ],
        "signing_authority": "T/M BAN THƯỜNG VỤ",
        "signer_title": "PHÓ BÍ THƯ THƯỜNG TRỰC",
        "signer_name": "Phạm Hoàng Sơn",
        "recipients": [
            "- Ban Dân vận Trung ương (báo cáo),",
            "- Thường trực Tỉnh ủy,",
            "- Ủy ban MTTQ, các tổ chức CT-XH cấp tỉnh,",
            "- Thành ủy và UBND thành phố Thái Nguyên,",
            "- Lưu Văn phòng Tỉnh ủy.",
        ],
        "drafter_mark": "BDVTU/20",
    }
    values.update(changes)
    return OfficialDocument(**values)


def state_plan(**changes) -> OfficialDocument:
    """Seed 002: UBND tỉnh Bắc Giang, a Phó Chủ tịch signing in his own name (abridged)."""
    values = {
        "layout": Layout.STATE,
        "issuer_parent": "",
        "issuer": "ỦY BAN NHÂN DÂN TỈNH BẮC GIANG",
        "number_line": "Số:        /KH-UBND",
        "place_date_line": "Bắc Giang, ngày      tháng 3 năm 2024",
        "doc_type": "KẾ HOẠCH",
        "title": "Tiếp xúc, đối thoại với nhân dân của\nPhó Chủ tịch UBND tỉnh Phan Thế Tuấn năm 2024",
        "blocks": [
            Block(
                "Thực hiện Quyết định số 1158-QĐ/TU ngày 09/7/2015 của Ban Thường vụ Tỉnh ủy ban hành Quy chế "
                "tiếp xúc, đối thoại trực tiếp của người đứng đầu cấp ủy đảng, chính quyền các cấp với nhân dân."
            ),
            Block("I. MỤC ĐÍCH, YÊU CẦU", "heading1"),
            Block("1. Mục đích", "heading2"),
            Block(
                "- Tiếp tục thực hiện có hiệu quả Kết luận số 116-KL/TU ngày 09/7/2021 của Ban Thường vụ Tỉnh ủy "
                "và các văn bản lãnh đạo, chỉ đạo (*Quyết định số 1158-QĐ/TU ngày 09/7/2015*).",
                "bullet",
            ),
            Block("**1.** Các sở, cơ quan, đơn vị, địa phương liên quan chủ động phối hợp thực hiện."),
        ],
        "signer_title": "PHÓ CHỦ TỊCH",
        "signer_name": "Phan Thế Tuấn",
        "recipients": [
            "- Thường trực Tỉnh ủy (b/c);",
            "- Ban Dân vận Tỉnh ủy (b/c);",
            "- Văn phòng UBND tỉnh:",
            "+ LĐVP, TH, TCD, KTTH;",
            "+ Lưu: VT, KTTH.",
        ],
    }
    values.update(changes)
    return OfficialDocument(**values)


def open_docx(doc: OfficialDocument):
    return Document(io.BytesIO(render_docx(doc)))


def cell(document, table: int, row: int, column: int):
    return document.tables[table].rows[row].cells[column]


def texts(container) -> list[str]:
    return [p.text for p in container.paragraphs if p.text]


def paragraph_with(container, text: str):
    return next(p for p in container.paragraphs if text in p.text)


def runs_of(paragraph):
    return [run for run in paragraph.runs if run.text]


def has_bottom_rule(paragraph) -> bool:
    ppr = paragraph._p.pPr
    return ppr is not None and ppr.find(qn("w:pBdr")) is not None and not paragraph.text


def rule_width_cm(paragraph, box_cm: float) -> float:
    fmt = paragraph.paragraph_format
    return box_cm - fmt.left_indent.cm - fmt.right_indent.cm


def column_width_cm(table) -> list[float]:
    return [column.width.cm for column in table.columns]


# --- page -------------------------------------------------------------------------------


@pytest.mark.parametrize("make", [party_plan, state_plan])
def test_page_is_a4_portrait_with_the_official_margins(make):
    section = open_docx(make()).sections[0]
    sizes = [section.page_width, section.page_height, section.top_margin, section.bottom_margin]
    sizes += [section.left_margin, section.right_margin]
    assert [round(length.mm, 1) for length in sizes] == [210, 297, 20, 20, 30, 15]  # twips round A4 by 0.01 mm


@pytest.mark.parametrize("make", [party_plan, state_plan])
def test_every_run_and_every_style_is_times_new_roman_in_all_font_slots(make):
    data = render_docx(make())
    report = font_report(data)
    assert report
    for run in report:
        assert (run.font, run.east_asia, run.complex_script) == (TNR, TNR, TNR), run
        assert run.size_pt is not None
    document = Document(io.BytesIO(data))
    assert document.styles["Normal"].font.name == TNR
    for rfonts in document.styles.element.iter(qn("w:rFonts")):
        assert not any("Theme" in key or "theme" in key for key in rfonts.attrib), rfonts.attrib
        assert {rfonts.get(qn(f"w:{slot}")) for slot in ("ascii", "hAnsi", "eastAsia", "cs")} == {TNR}


def test_the_template_thumbnail_and_calibri_styles_with_effects_are_not_shipped():
    names = zipfile.ZipFile(io.BytesIO(render_docx(state_plan()))).namelist()
    assert "word/document.xml" in names and "word/styles.xml" in names
    assert not [name for name in names if "thumbnail" in name or "stylesWithEffects" in name]
    rels = zipfile.ZipFile(io.BytesIO(render_docx(state_plan()))).read("word/_rels/document.xml.rels")
    assert b"stylesWithEffects" not in rels


def test_vietnamese_text_survives_exactly_and_is_stored_composed():
    decomposed = unicodedata.normalize("NFD", "Phạm Hoàng Sơn")
    document = open_docx(party_plan(signer_name=decomposed))
    signature = cell(document, -1, 0, 1)
    assert "Phạm Hoàng Sơn" in texts(signature)
    everything = "\n".join(
        [p.text for p in document.paragraphs]
        + [p.text for table in document.tables for row in table.rows for c in row.cells for p in c.paragraphs]
    )
    assert unicodedata.is_normalized("NFC", everything)
    for phrase in ("TỈNH ỦY THÁI NGUYÊN", "ĐẢNG CỘNG SẢN VIỆT NAM", "Thái Nguyên, ngày 24 tháng 5 năm 2024"):
        assert phrase in everything
    assert "Nhân dân thành phố Thái Nguyên năm 2024" in everything


# --- header -----------------------------------------------------------------------------


def test_party_header_carries_the_party_name_top_right():
    document = open_docx(party_plan(issuer_parent="Đảng bộ tỉnh Thái Nguyên", issuer="Đảng ủy xã Cao Minh"))
    header = document.tables[0]
    title = paragraph_with(cell(document, 0, 0, 1), "ĐẢNG CỘNG SẢN VIỆT NAM")
    (run,) = runs_of(title)
    assert (run.font.size.pt, run.bold, run.underline) == (15, True, True)
    assert title.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" not in "".join(texts(header.rows[0].cells[0]))

    left = cell(document, 0, 0, 0)
    assert texts(left) == ["ĐẢNG BỘ TỈNH THÁI NGUYÊN", "ĐẢNG ỦY XÃ CAO MINH", "*"]
    parent, issuer, _star = (runs_of(p)[0] for p in left.paragraphs if p.text)
    assert (parent.font.size.pt, parent.bold) == (14, False)
    assert (issuer.font.size.pt, issuer.bold) == (14, True)
    assert all(p.alignment == WD_ALIGN_PARAGRAPH.CENTER for p in left.paragraphs)


def test_party_number_and_date_sit_on_one_line_below_the_issuer():
    document = open_docx(party_plan())
    (number,) = runs_of(paragraph_with(cell(document, 0, 1, 0), "Số"))
    assert number.text == "Số 166-KH/TU"
    assert (number.font.size.pt, number.bold, number.italic) == (14, False, False)
    (date,) = runs_of(paragraph_with(cell(document, 0, 1, 1), "ngày"))
    assert date.text == "Thái Nguyên, ngày 24 tháng 5 năm 2024"
    assert (date.font.size.pt, date.italic) == (14, True)


def test_state_header_carries_the_national_motto_top_right_with_a_rule_as_long_as_the_slogan():
    document = open_docx(state_plan())
    right = cell(document, 0, 0, 1)
    assert texts(right) == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    motto, slogan, rule = right.paragraphs
    assert (runs_of(motto)[0].font.size.pt, runs_of(motto)[0].bold) == (12, True)
    assert (runs_of(slogan)[0].font.size.pt, runs_of(slogan)[0].bold) == (13, True)
    assert has_bottom_rule(rule)
    right_cm = column_width_cm(document.tables[0])[1]
    slogan_cm = _text_width_cm("Độc lập - Tự do - Hạnh phúc", 13, bold=True)
    assert rule_width_cm(rule, right_cm) == pytest.approx(slogan_cm, abs=0.05)


def test_state_issuer_is_bold_12_caps_broken_like_the_standard_with_a_short_rule_under_it():
    document = open_docx(state_plan(issuer_parent="UBND tỉnh Bắc Giang", issuer="Sở Nội vụ"))
    left = cell(document, 0, 0, 0)
    parent, issuer, rule = left.paragraphs
    assert (parent.text, runs_of(parent)[0].font.size.pt, runs_of(parent)[0].bold) == ("UBND TỈNH BẮC GIANG", 12, False)
    assert (issuer.text, runs_of(issuer)[0].font.size.pt, runs_of(issuer)[0].bold) == ("SỞ NỘI VỤ", 12, True)
    assert has_bottom_rule(rule)

    document = open_docx(state_plan())
    issuer, rule = cell(document, 0, 0, 0).paragraphs
    assert issuer.text == "ỦY BAN NHÂN DÂN\nTỈNH BẮC GIANG"
    left_cm = column_width_cm(document.tables[0])[0]
    line_cm = _text_width_cm("ỦY BAN NHÂN DÂN", 12, bold=True)
    assert line_cm / 3 <= rule_width_cm(rule, left_cm) <= line_cm / 2


def test_state_number_line_is_13_and_the_date_14_italic():
    document = open_docx(state_plan())
    (number,) = runs_of(paragraph_with(cell(document, 0, 1, 0), "Số:"))
    assert number.text == "Số:        /KH-UBND"  # the blank number of a draft is kept
    assert (number.font.size.pt, number.bold) == (13, False)
    (date,) = runs_of(paragraph_with(cell(document, 0, 1, 1), "Bắc Giang"))
    assert (date.font.size.pt, date.italic) == (14, True)


@pytest.mark.parametrize("make", [party_plan, state_plan])
def test_header_and_signature_tables_fit_the_text_width_and_have_no_borders(make):
    document = open_docx(make())
    for table in (document.tables[0], document.tables[-1]):
        assert sum(column_width_cm(table)) == pytest.approx(16.5, abs=0.01)
        borders = table._tbl.tblPr.find(qn("w:tblBorders"))
        assert {edge.get(qn("w:val")) for edge in borders} == {"nil"}


def test_long_place_name_widens_the_date_column_instead_of_wrapping_the_date():
    date = "Thành phố Hồ Chí Minh, ngày 24 tháng 12 năm 2024"
    document = open_docx(state_plan(place_date_line=date))
    left_cm, right_cm = column_width_cm(document.tables[0])
    assert right_cm > _text_width_cm(date, 14, italic=True)
    assert left_cm + right_cm == pytest.approx(16.5, abs=0.01)


def test_cong_van_prints_the_summary_under_the_number_and_kinh_gui_above_the_body():
    document = open_docx(
        state_plan(
            doc_type="",
            title="",
            summary_line="V/v trả lời kiến nghị của công dân",
            addressees=["- Ủy ban nhân dân xã Cao Minh;", "- Ban Dân vận Tỉnh ủy."],
        )
    )
    assert texts(cell(document, 0, 1, 0))[1] == "V/v trả lời kiến nghị của công dân"
    body = [p.text for p in document.paragraphs if p.text]
    assert body[:2] == ["Kính gửi:\t- Ủy ban nhân dân xã Cao Minh;", "- Ban Dân vận Tỉnh ủy."]
    assert "KẾ HOẠCH" not in body


# --- document type, title and body ------------------------------------------------------


@pytest.mark.parametrize(("make", "size"), [(party_plan, 16), (state_plan, 14)])
def test_document_type_is_centred_bold_caps_and_sized_per_layout(make, size):
    document = open_docx(make(doc_type="Kế hoạch"))
    doc_type = paragraph_with(document, "KẾ HOẠCH")
    (run,) = runs_of(doc_type)
    assert (run.text, run.font.size.pt, run.bold) == ("KẾ HOẠCH", size, True)
    assert doc_type.alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_party_title_is_centred_bold_14_with_five_dashes_under_it():
    document = open_docx(party_plan())
    paragraphs = document.paragraphs
    index = next(i for i, p in enumerate(paragraphs) if p.text.startswith("Tổ chức Hội nghị"))
    title = paragraphs[index]
    assert title.text.endswith("năm 2024") and "\n" in title.text
    assert all((r.bold, r.font.size.pt) == (True, 14) for r in runs_of(title))
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert paragraphs[index + 1].text == "-----"
    assert paragraphs[index + 1].alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_state_title_has_a_short_rule_under_it():
    document = open_docx(state_plan())
    paragraphs = document.paragraphs
    index = next(i for i, p in enumerate(paragraphs) if p.text.startswith("Tiếp xúc, đối thoại"))
    assert has_bottom_rule(paragraphs[index + 1])
    width = rule_width_cm(paragraphs[index + 1], 16.5)
    assert 2.5 <= width <= 16.5 / 2


@pytest.mark.parametrize("make", [party_plan, state_plan])
def test_body_paragraphs_are_justified_14_with_a_first_line_indent(make):
    document = open_docx(make())
    body = [p for p in document.paragraphs if p.text.startswith(("Thực hiện", "- ", "+ "))]
    assert len(body) >= 2
    for paragraph in body:
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
        assert paragraph.paragraph_format.first_line_indent == Cm(1.27)
        assert paragraph.paragraph_format.space_after.pt == 6
        assert all(run.font.size.pt == 14 for run in runs_of(paragraph))


def test_headings_are_bold_and_third_level_headings_bold_italic():
    document = open_docx(party_plan())
    for text in ("I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích"):
        paragraph = paragraph_with(document, text)
        assert all(r.bold and not r.italic for r in runs_of(paragraph))
        assert paragraph.paragraph_format.keep_with_next
    third = paragraph_with(document, "3.1. Đại biểu tỉnh")
    assert all(r.bold and r.italic for r in runs_of(third))
    note = paragraph_with(document, "(Kèm theo phiếu")
    assert all(r.italic and not r.bold for r in runs_of(note))
    centred = paragraph_with(document, "PHIẾU Ý KIẾN")
    assert centred.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert not centred.paragraph_format.first_line_indent


def test_inline_bold_and_italic_markers_become_runs():
    document = open_docx(party_plan())
    paragraph = paragraph_with(document, "ngày 10/6/2024")
    assert "*" not in paragraph.text
    pieces = [(r.text, bool(r.bold), bool(r.italic)) for r in runs_of(paragraph)]
    assert ("ngày 10/6/2024", True, False) in pieces
    assert ("Hội trường, trang trí, khánh tiết", False, True) in pieces


def test_inline_parser_keeps_unmatched_and_spaced_stars_literal():
    assert inline_runs("**đậm** và *nghiêng* và ***cả hai***") == [
        ("đậm", True, False),
        (" và ", False, False),
        ("nghiêng", False, True),
        (" và ", False, False),
        ("cả hai", True, True),
    ]
    assert inline_runs("2 * 3 * 4 = 24") == [("2 * 3 * 4 = 24", False, False)]
    assert inline_runs("mở **không đóng") == [("mở **không đóng", False, False)]
    assert inline_runs(r"dấu \*sao\* thật") == [("dấu *sao* thật", False, False)]
    assert inline_runs("**đậm *lồng nghiêng* tiếp**") == [
        ("đậm ", True, False),
        ("lồng nghiêng", True, True),
        (" tiếp", True, False),
    ]


def test_unknown_block_style_is_refused():
    with pytest.raises(ValueError, match="heading9"):
        Block("x", "heading9")


def test_blocks_from_text_recognises_headings_bullets_and_bold_lead_ins():
    blocks = blocks_from_text(
        "## **I. MỤC ĐÍCH, YÊU CẦU**\n\n#### **1. Mục đích**\n\n- Tuyên truyền.\n+ Công tác.\n"
        "### 3.1. Đại biểu tỉnh\n**2. Hình thức:** Tổ chức tại hội trường.\nTrên đây là Kế hoạch.\n"
        "II- Nội dung, đối tượng\n" + "1. Các sở, cơ quan, đơn vị phối hợp thực hiện" + " và báo cáo kết quả" * 8
    )
    assert [(b.style, b.text) for b in blocks] == [
        ("heading1", "I. MỤC ĐÍCH, YÊU CẦU"),
        ("heading2", "1. Mục đích"),
        ("bullet", "- Tuyên truyền."),
        ("bullet", "+ Công tác."),
        ("heading3", "3.1. Đại biểu tỉnh"),
        ("para", "**2. Hình thức:** Tổ chức tại hội trường."),
        ("para", "Trên đây là Kế hoạch."),
        ("heading1", "II- Nội dung, đối tượng"),
        ("para", "1. Các sở, cơ quan, đơn vị phối hợp thực hiện" + " và báo cáo kết quả" * 8),
    ]


# --- signature and recipients -----------------------------------------------------------


def test_state_recipients_label_is_bold_italic_12_and_the_list_11():
    document = open_docx(state_plan())
    left = cell(document, -1, 0, 0)
    label = left.paragraphs[0]
    assert label.text == "Nơi nhận:"
    assert all((r.font.size.pt, r.bold, r.italic) == (12, True, True) for r in runs_of(label))
    lines = [p for p in left.paragraphs[1:] if p.text]
    assert [p.text for p in lines] == state_plan().recipients
    assert all((r.font.size.pt, r.bold, r.italic) == (11, False, False) for p in lines for r in runs_of(p))


def test_party_recipients_label_is_underlined_14_and_the_list_12_as_in_hd36():
    document = open_docx(party_plan())
    left = cell(document, -1, 0, 0)
    label = left.paragraphs[0]
    assert label.text == "Nơi nhận:"
    words, colon = runs_of(label)
    assert (words.text, words.underline, words.font.size.pt, words.bold) == ("Nơi nhận", True, 14, False)
    assert (colon.text, bool(colon.underline)) == (":", False)
    lines = [p for p in left.paragraphs[1:] if p.text]
    assert [p.text for p in lines[:-1]] == party_plan().recipients
    assert all(r.font.size.pt == 12 for p in lines[:-1] for r in runs_of(p))
    assert (lines[-1].text, runs_of(lines[-1])[0].font.size.pt) == ("BDVTU/20", 11)


def test_signature_block_stacks_authority_title_room_for_the_seal_and_name():
    document = open_docx(party_plan())
    right = cell(document, -1, 0, 1)
    paragraphs = right.paragraphs
    assert [p.text for p in paragraphs] == [
        "T/M BAN THƯỜNG VỤ",
        "PHÓ BÍ THƯ THƯỜNG TRỰC",
        "",
        "",
        "",
        "",
        "Phạm Hoàng Sơn",
    ]
    for paragraph in paragraphs:
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER
        assert all((r.bold, r.font.size.pt) == (True, 14) for r in runs_of(paragraph))


def test_a_deputy_signing_in_his_own_name_has_only_his_title_above_the_signature():
    document = open_docx(state_plan())
    assert [p.text for p in cell(document, -1, 0, 1).paragraphs if p.text] == ["PHÓ CHỦ TỊCH", "Phan Thế Tuấn"]


def test_signature_block_is_never_split_across_pages():
    document = open_docx(state_plan())
    tr_pr = document.tables[-1].rows[0]._tr.trPr
    assert tr_pr is not None and tr_pr.find(qn("w:cantSplit")) is not None


def test_pages_after_the_first_are_numbered_at_the_top_centre():
    document = open_docx(party_plan())
    section = document.sections[0]
    assert section.different_first_page_header_footer
    assert not "".join(p.text for p in section.first_page_header.paragraphs).strip()
    (paragraph,) = section.header.paragraphs
    assert paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert "PAGE" in "".join(el.text or "" for el in paragraph._p.iter(qn("w:instrText")))
    assert open_docx(party_plan(page_numbers=False)).sections[0].header.is_linked_to_previous


# --- PDF --------------------------------------------------------------------------------


def _fake_soffice(tmp_path: Path, script: str) -> Path:
    path = tmp_path / "soffice"
    path.write_text("#!/bin/sh\n" + script)
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def test_libreoffice_path_honours_the_environment_override(tmp_path, monkeypatch):
    fake = _fake_soffice(tmp_path, "exit 0\n")
    monkeypatch.setenv("LIBREOFFICE_PATH", str(fake))
    assert libreoffice_path() == str(fake)
    monkeypatch.setenv("LIBREOFFICE_PATH", str(tmp_path / "missing"))
    assert libreoffice_path() is None


def test_missing_libreoffice_is_reported_as_pdf_unavailable(tmp_path, monkeypatch):
    monkeypatch.setenv("LIBREOFFICE_PATH", str(tmp_path / "missing"))
    with pytest.raises(PdfUnavailable, match="LIBREOFFICE_PATH"):
        docx_to_pdf(b"not used")


@pytest.mark.parametrize("script", ["echo boom; exit 3\n", "exit 0\n"])
def test_a_conversion_that_produces_no_pdf_is_reported_as_failed(tmp_path, monkeypatch, script):
    monkeypatch.setenv("LIBREOFFICE_PATH", str(_fake_soffice(tmp_path, script)))
    with pytest.raises(PdfConversionFailed):
        docx_to_pdf(render_docx(state_plan()))


def test_a_hanging_conversion_is_stopped_at_the_time_out(tmp_path, monkeypatch):
    monkeypatch.setenv("LIBREOFFICE_PATH", str(_fake_soffice(tmp_path, "sleep 30\n")))
    with pytest.raises(PdfConversionFailed, match="within 1 s"):
        docx_to_pdf(b"x", timeout=1)


_NO_LIBREOFFICE = not libreoffice_path() and os.environ.get("CI") != "true"


@pytest.mark.skipif(_NO_LIBREOFFICE, reason="LibreOffice is not installed (CI=true makes this a failure)")
def test_both_layouts_render_to_pdf_and_png(tmp_path):
    PREVIEW_DIR.mkdir(parents=True, exist_ok=True)
    expectations = {
        "party": (party_plan(), ["ĐẢNG CỘNG SẢN VIỆT NAM", "KẾ HOẠCH", "Số 166-KH/TU", "Phạm Hoàng Sơn"]),
        "state": (state_plan(), ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "KẾ HOẠCH", "Phan Thế Tuấn"]),
    }
    for name, (doc, phrases) in expectations.items():
        data = render_docx(doc)
        pdf = docx_to_pdf(data, timeout=60)
        assert pdf.startswith(b"%PDF")
        (PREVIEW_DIR / f"{name}.docx").write_bytes(data)
        pdf_path = PREVIEW_DIR / f"{name}.pdf"
        pdf_path.write_bytes(pdf)
        for old in PREVIEW_DIR.glob(f"{name}-*.png"):
            old.unlink()
        subprocess.run(["pdftoppm", "-png", "-r", "60", pdf_path, PREVIEW_DIR / name], check=True, timeout=30)
        assert list(PREVIEW_DIR.glob(f"{name}-*.png"))
        if shutil.which("pdftotext"):
            text = subprocess.run(
                ["pdftotext", "-layout", pdf_path, "-"], check=True, capture_output=True, timeout=30
            ).stdout.decode()
            for phrase in phrases:
                assert phrase in unicodedata.normalize("NFC", text), phrase
        if shutil.which("pdfinfo"):
            info = subprocess.run(["pdfinfo", pdf_path], check=True, capture_output=True, timeout=30).stdout
            assert b"(A4)" in info


def test_a_long_numbered_sentence_is_a_paragraph_but_a_bold_long_heading_stays_a_heading():
    sentence = (
        "5. Ngoài ra, tùy theo điều kiện tình hình thực tế, Bí thư Thị ủy sẽ đổi thoại đột xuất với Nhân dân "
        "các địa phương trong thị xã khi cần thiết"
    )
    heading = (
        "**3. Đối thoại với cộng đồng doanh nghiệp tỉnh Bắc Giang về giải quyết những khó khăn, vướng mắc "
        "trong hoạt động sản xuất, kinh doanh**"
    )
    assert [b.style for b in blocks_from_text(f"{sentence}\n{heading}")] == ["para", "heading2"]


def test_the_last_paragraph_of_the_body_stays_with_the_signature():
    from docx import Document as Read

    doc = OfficialDocument(
        layout="state",
        issuer_parent="ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN",
        issuer="SỞ XÂY DỰNG",
        number_line="Số: 12/CV-SXD",
        place_date_line="Thái Nguyên, ngày 24 tháng 11 năm 2026",
        doc_type="",
        title="V/v đôn đốc",
        blocks=[Block("Đoạn thứ nhất."), Block("Đoạn cuối cùng của văn bản.")],
        signing_authority="KT. GIÁM ĐỐC",
        signer_title="PHÓ GIÁM ĐỐC",
        signer_name="Nguyễn Văn A",
        recipients=["- Như trên;", "- Lưu: VT."],
    )
    paragraphs = Read(io.BytesIO(render_docx(doc))).paragraphs
    last = next(p for p in paragraphs if p.text == "Đoạn cuối cùng của văn bản.")
    first = next(p for p in paragraphs if p.text == "Đoạn thứ nhất.")
    assert last.paragraph_format.keep_with_next is True
    assert not first.paragraph_format.keep_with_next
