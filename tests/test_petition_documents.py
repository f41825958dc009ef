"""The paper forms, the synthesis report and its Excel annex (dialogue.petitions.documents).

With LibreOffice present (and always when CI=true) the report and both forms are also
rendered to PDF and PNG in var/documents-preview/ for people to look at.
"""

import io
import os
import shutil
import subprocess
import unicodedata
from datetime import date, timedelta
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.text.paragraph import Paragraph
from openpyxl import load_workbook

from dialogue.documents.layout import font_report, render_docx
from dialogue.documents.pdf import docx_to_pdf, libreoffice_path
from dialogue.petitions.documents import (
    CHANNEL_LABELS,
    GROUP_HEADERS,
    PETITION_HEADERS,
    PHONE_MASK,
    STATUS_LABELS,
    conference_phrase,
    mask_phones,
    paper_form_document,
    synthesis_report_document,
    synthesis_report_workbook,
)
from dialogue.petitions.models import (
    AnswerMode,
    Channel,
    Field,
    GroupStatus,
    JurisdictionLevel,
    Petition,
    PetitionerKind,
    PetitionGroup,
    Support,
)
from dialogue.plans import services as plan_services

PREVIEW_DIR = Path(__file__).resolve().parents[1] / "var" / "documents-preview"
PHONE = "0912345678"
URL = "https://doithoai.thainguyen.gov.vn/y-kien/gui/7f3a9c2e"
CONFERENCE_TITLE = (
    "Hội nghị tiếp xúc, đối thoại trực tiếp của đồng chí Bí thư Tỉnh ủy với cán bộ, Nhân dân "
    "thành phố Thái Nguyên năm 2026"
)
SCOPE = (
    "Chỉ ý kiến đề xuất, kiến nghị những nội dung thuộc trách nhiệm, thẩm quyền giải quyết của cấp tỉnh và Trung ương"
)
ANSWER = (
    "Sở Nông nghiệp và Môi trường đã chỉ đạo đo đạc lại thửa đất số 112, tờ bản đồ số 5; "
    "giấy chứng nhận sẽ được cấp đổi trước ngày 30/6/2026.\n"
    "Đề nghị hộ gia đình liên hệ Văn phòng đăng ký đất đai để được hướng dẫn."
)


def _plan(cast, issuing_unit, **extra):
    plan = plan_services.plan_create(
        actor=cast.province_officer,
        issuing_unit=issuing_unit,
        title="Tổ chức Hội nghị tiếp xúc, đối thoại trực tiếp của đồng chí Bí thư Tỉnh ủy năm 2026",
        legal_bases=["Quy định số 11-QĐi/TW ngày 18/02/2019 của Bộ Chính trị về trách nhiệm của người đứng đầu"],
        introduction="Thường trực Tỉnh ủy xây dựng Kế hoạch như sau:",
        **extra,
    )
    return plan_services.plan_issue(actor=cast.province_officer, plan=plan, issued_on=date(2026, 5, 4), number=166)


@pytest.fixture
def conference(cast):
    plan = _plan(
        cast,
        cast.tree.tinh_uy,
        signing_authority="T/M BAN THƯỜNG VỤ",
        signer_title="PHÓ BÍ THƯ THƯỜNG TRỰC",
        signer_name="Phạm Hoàng Sơn",
    )
    return plan_services.conference_create(
        actor=cast.province_officer,
        plan=plan,
        title=CONFERENCE_TITLE,
        date=date(2026, 7, 15),
        venue="Hội trường UBND tỉnh",
        scope_note=SCOPE,
    )


@pytest.fixture
def state_conference(cast):
    plan = _plan(
        cast,
        cast.tree.ubnd,
        signing_authority="TM. ỦY BAN NHÂN DÂN",
        signer_title="CHỦ TỊCH",
        signer_name="Trịnh Việt Hùng",
    )
    return plan_services.conference_create(
        actor=cast.province_officer, plan=plan, title="Đối thoại với doanh nghiệp năm 2026", date=date(2026, 9, 10)
    )


def _petition(conference, tree, content, *, name, channel=Channel.PAPER_CITIZEN, group=None, **extra):
    received = extra.pop("received_on", date(2026, 5, 20))
    return Petition.objects.create(
        conference=conference,
        receiving_unit=tree.province,
        channel=channel,
        name=name,
        phone=extra.pop("phone", PHONE),
        content=content,
        received_on=received,
        ack_due=received + timedelta(days=14),
        group=group,
        **extra,
    )


def _group(conference, tree, summary, *, level, field, **extra):
    return PetitionGroup.objects.create(
        conference=conference,
        receiving_unit=tree.province,
        summary=summary,
        level=level,
        field=Field.objects.get(code=field),
        **extra,
    )


@pytest.fixture
def groups(conference, cast):
    """Three groups over two levels and three fields: approved, live (raised before), open."""
    tree = cast.tree
    earlier = _group(None, tree, "Cấp giấy chứng nhận cho các hộ ở tổ 5", level="tinh", field="dat_dai")
    land = _group(
        conference,
        tree,
        "Đề nghị cấp đổi giấy chứng nhận quyền sử dụng đất cho các hộ ở tổ 5 phường Phan Đình Phùng",
        level=JurisdictionLevel.TINH,
        field="dat_dai",
        lead_unit=tree.agency_a,
        status=GroupStatus.APPROVED,
        answer_text=ANSWER,
        due_date=date(2026, 6, 25),
    )
    Support.objects.create(group=land, unit=tree.agency_b)
    road = _group(
        conference,
        tree,
        "Đường Quang Trung xuống cấp, ngập úng khi mưa lớn, đề nghị sớm sửa chữa",
        level=JurisdictionLevel.TINH,
        field="giao_thong_ha_tang",
        lead_unit=tree.agency_b,
        status=GroupStatus.ASSIGNED,
        answer_mode=AnswerMode.LIVE,
        previous_group=earlier,
        times_raised=2,
        due_date=date(2026, 6, 25),
    )
    pension = _group(
        conference,
        tree,
        "Đề nghị Trung ương điều chỉnh mức trợ cấp cho người có công",
        level=JurisdictionLevel.TRUNG_UONG,
        field="chinh_sach_xa_hoi",
        due_date=date(2026, 6, 1),
    )
    _petition(conference, tree, "Nhà tôi chưa được cấp đổi sổ đỏ.", name="Nguyễn Văn Hải", group=land, address="Tổ 5")
    _petition(
        conference,
        tree,
        "Đề nghị cấp đổi giấy chứng nhận, liên hệ 0987 654 321.",
        name="Trần Thị Lan",
        group=land,
        channel=Channel.ONLINE,
    )
    _petition(conference, tree, '=HYPERLINK("http://x")', name="Lò Văn Páo", group=land, channel=Channel.SPOKEN)
    _petition(
        conference,
        tree,
        "Đường Quang Trung ngập sâu mỗi khi mưa.",
        name="",
        organisation="Chi bộ tổ 12",
        petitioner_kind=PetitionerKind.ORGANISATION,
        channel=Channel.PAPER_ORGANISATION,
        group=road,
    )
    _petition(conference, tree, "Trợ cấp người có công còn thấp.", name="Hoàng Văn Thụ", group=pension)
    return list(
        PetitionGroup.objects.filter(conference=conference)
        .select_related("field", "lead_unit", "previous_group")
        .prefetch_related("petitions", "supports__unit")
    )


def _paragraphs(document) -> list[str]:
    """Every paragraph, in tables too, in document order, NFC."""
    return [
        unicodedata.normalize("NFC", Paragraph(p, document._body).text) for p in document.element.body.iter(qn("w:p"))
    ]


def _index(paragraphs: list[str], text: str) -> int:
    for index, paragraph in enumerate(paragraphs):
        if text in paragraph:
            return index
    raise AssertionError(f"{text!r} not found")


# --- synthesis report -------------------------------------------------------------------------


def test_the_report_lists_the_groups_by_level_then_field(conference, groups):
    data = render_docx(synthesis_report_document(conference, groups, today=date(2026, 7, 1)))
    text = _paragraphs(Document(io.BytesIO(data)))
    order = [
        "BÁO CÁO",
        "Tổng hợp ý kiến, kiến nghị của Nhân dân và nội dung trả lời",
        "I. KẾT QUẢ THU THẬP Ý KIẾN, KIẾN NGHỊ",
        "II. NỘI DUNG Ý KIẾN, KIẾN NGHỊ VÀ TRẢ LỜI",
        "1. Thuộc thẩm quyền giải quyết của Trung ương",
        "1.1. Lĩnh vực chính sách xã hội, lao động, người có công",
        "Ý kiến 1: Đề nghị Trung ương điều chỉnh mức trợ cấp",
        "2. Thuộc thẩm quyền giải quyết của cấp tỉnh",
        "2.1. Lĩnh vực đất đai",
        "Ý kiến 2: Đề nghị cấp đổi giấy chứng nhận",
        "2.2. Lĩnh vực giao thông, hạ tầng",
        "Ý kiến 3: Đường Quang Trung xuống cấp",
        "III. ĐỀ XUẤT, KIẾN NGHỊ",
        "Phạm Hoàng Sơn",
    ]
    positions = [_index(text, phrase) for phrase in order]
    assert positions == sorted(positions)
    assert "Cấp giấy chứng nhận cho các hộ ở tổ 5" not in "\n".join(text)  # the earlier group is not in it


def test_the_report_header_number_and_opening_come_from_the_plan(conference, groups):
    board = conference.plan.issuing_unit.children.get(name="Ban Dân vận Tỉnh ủy")
    doc = synthesis_report_document(conference, groups, issuer_unit=board, today=date(2026, 7, 1))
    assert doc.layout == "party"
    assert doc.issuer == "TỈNH ỦY THÁI NGUYÊN"
    assert doc.number_line == "Số     -BC/TU"
    assert doc.place_date_line == "Thái Nguyên, ngày 01 tháng 7 năm 2026"
    opening = doc.blocks[0].text
    assert opening.startswith("Thực hiện Kế hoạch số 166-KH/TU ngày 04 tháng 5 năm 2026 của Tỉnh ủy Thái Nguyên")
    assert "Ban Dân vận Tỉnh ủy tổng hợp ý kiến, kiến nghị của Nhân dân" in opening
    assert opening.endswith("như sau:")
    assert doc.recipients[0] == "- Thường trực Tỉnh ủy Thái Nguyên (báo cáo);"
    assert doc.recipients[-1] == "- Lưu VT."
    assert (doc.signing_authority, doc.signer_title) == ("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC")


def test_the_report_counts_petitions_by_channel_merged_groups_and_repeats(conference, groups):
    texts = [b.text for b in synthesis_report_document(conference, groups).blocks]
    joined = "\n".join(texts)
    assert "1. Tổng số ý kiến, kiến nghị đã tiếp nhận: 5 ý kiến, trong đó:" in texts
    assert "- Phiếu ý kiến của Nhân dân: 2 ý kiến;" in texts
    assert "- Phiếu ý kiến của cơ quan, đơn vị, cán bộ đảng viên: 1 ý kiến;" in texts
    assert "- Phát biểu tại hội nghị: 1 ý kiến;" in texts
    assert "- Gửi trực tuyến: 1 ý kiến." in texts  # the last channel closes the list
    assert "còn 3 ý kiến, kiến nghị tổng hợp, thuộc thẩm quyền giải quyết của: Trung ương 1; cấp tỉnh 2." in joined
    assert "3. Có 1 ý kiến, kiến nghị đã được Nhân dân nêu từ các kỳ trước" in joined
    assert (
        "4. Tình hình chuẩn bị trả lời: 1 ý kiến, kiến nghị đã có nội dung trả lời; 1 ý kiến, kiến nghị trả lời "
        "trực tiếp tại hội nghị; 1 ý kiến, kiến nghị chưa có nội dung trả lời." in texts
    )


def test_each_group_carries_its_lead_agency_and_answer_or_what_is_missing(conference, groups):
    texts = [b.text for b in synthesis_report_document(conference, groups).blocks]
    land = _index(texts, "Ý kiến 2:")
    assert texts[land].endswith("(3 ý kiến)")
    assert texts[land + 1] == ("Cơ quan chủ trì trả lời: Sở Nông nghiệp và Môi trường; cơ quan phối hợp: Sở Xây dựng.")
    assert texts[land + 2] == f"*Trả lời:* {ANSWER.splitlines()[0]}"
    assert texts[land + 3] == ANSWER.splitlines()[1]  # a multi-line answer keeps its paragraphs
    road = _index(texts, "Ý kiến 3:")
    assert texts[road].endswith("(1 ý kiến; đã nêu 2 lần)")
    assert texts[road + 2] == "*Trả lời trực tiếp tại hội nghị.*"
    pension = _index(texts, "Ý kiến 1:")
    assert texts[pension + 1] == "Cơ quan chủ trì trả lời: chưa phân công."
    assert texts[pension + 2] == "*Chưa có nội dung trả lời (hạn 01/06/2026).*"


def test_the_report_docx_is_times_new_roman_and_holds_no_phone_or_names(conference, groups):
    data = render_docx(synthesis_report_document(conference, groups))
    runs = font_report(data)
    assert runs and all(run.font == "Times New Roman" for run in runs)
    text = "\n".join(_paragraphs(Document(io.BytesIO(data))))
    assert "đã nêu 2 lần" in text
    assert "Sở Nông nghiệp và Môi trường đã chỉ đạo đo đạc lại thửa đất số 112" in text
    assert PHONE not in text and "0987 654 321" not in text
    assert "Nguyễn Văn Hải" not in text  # petitioners are in the annex, not in the circulated report


def test_a_state_plan_gives_a_state_report(state_conference, cast):
    doc = synthesis_report_document(state_conference, [], today=date(2026, 9, 1))
    assert doc.layout == "state"
    assert doc.number_line == "Số:     /BC-UBND"
    assert doc.recipients[0] == "- Chủ tịch, các Phó Chủ tịch Ủy ban nhân dân tỉnh Thái Nguyên (báo cáo);"
    texts = [b.text for b in doc.blocks]
    assert "1. Chưa tiếp nhận ý kiến, kiến nghị nào." in texts
    assert "Chưa có ý kiến, kiến nghị nào được tổng hợp." in texts
    assert texts[-1].endswith("phục vụ Hội nghị đối thoại với doanh nghiệp năm 2026./.")
    text = "\n".join(_paragraphs(Document(io.BytesIO(render_docx(doc)))))
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "ĐẢNG CỘNG SẢN" not in text


def test_prefetched_groups_cost_no_query_per_group(conference, groups, cast, django_assert_max_num_queries):
    for number in range(5):  # more groups must not mean more queries
        group = _group(
            conference, cast.tree, f"Ý kiến thêm số {number}", level="xa", field="khac", lead_unit=cast.tree.agency_a
        )
        Support.objects.create(group=group, unit=cast.tree.agency_b)
        _petition(conference, cast.tree, f"Nội dung thêm số {number}", name="Người dân", group=group)
    many = list(
        PetitionGroup.objects.filter(conference=conference)
        .select_related("field", "lead_unit", "previous_group")
        .prefetch_related("petitions", "supports__unit")
    )
    conference = type(conference).objects.select_related("plan__issuing_unit").get(pk=conference.pk)
    with django_assert_max_num_queries(1):  # the plan's number of conferences
        synthesis_report_document(conference, many)
    with django_assert_max_num_queries(0):
        synthesis_report_workbook(conference, many)


def test_stars_in_a_summary_are_printed_not_taken_for_bold(conference, cast):
    group = _group(conference, cast.tree, "Mức phí *** quá cao", level="tinh", field="khac")
    data = render_docx(synthesis_report_document(conference, [group]))
    assert any("Mức phí *** quá cao" in p for p in _paragraphs(Document(io.BytesIO(data))))


# --- paper forms ----------------------------------------------------------------------------


def _form(conference, kind):
    return Document(io.BytesIO(paper_form_document(conference, kind, online_url=URL)))


def test_the_citizens_form_follows_seed_000(conference):
    document = _form(conference, "citizen")
    text = _paragraphs(document)
    order = [
        "PHIẾU Ý KIẾN ĐỀ XUẤT, KIẾN NGHỊ",
        f"Tại {CONFERENCE_TITLE}",
        "(Phiếu dành cho Nhân dân)",
        "Họ và tên: \t SĐT: \t",
        "Địa chỉ liên hệ: \t",
        "NỘI DUNG Ý KIẾN ĐỀ XUẤT, KIẾN NGHỊ",
        f"(Lưu ý: {SCOPE})",
        "Gửi ý kiến trực tuyến: quét mã hoặc truy cập",
        "Người ý kiến",
        "(Ký, ghi rõ họ tên)",
    ]
    joined = [p.replace("\n", " ") for p in text]
    positions = [_index(joined, phrase) for phrase in order]
    assert positions == sorted(positions)
    caption = joined[_index(joined, "Gửi ý kiến trực tuyến")].replace("\u200b", "")
    assert caption == f"Gửi ý kiến trực tuyến: quét mã hoặc truy cập {URL}"
    note = next(p for p in document.paragraphs if "Lưu ý" in p.text)
    assert all(run.italic for run in note.runs)
    writing_lines = [p for p in document.paragraphs if p.text == " \t"]
    assert len(writing_lines) == 21  # 20 for the content, one under the address
    for paragraph in writing_lines:
        (stop,) = paragraph.paragraph_format.tab_stops
        assert stop.leader == 1  # WD_TAB_LEADER.DOTS


def test_the_organisations_form_has_the_header_to_fill_in_and_a_stamp(conference):
    text = [p.replace("\n", " ") for p in _paragraphs(_form(conference, "organisation"))]
    for phrase in (
        "TÊN CƠ QUAN, ĐƠN VỊ",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        ", ngày ...... tháng ...... năm 2026",
        "(Phiếu dành các cơ quan, đơn vị và cán bộ đảng viên)",
        "Tên tổ chức (cá nhân): \t SĐT: \t",
        "Chức vụ, đơn vị công tác: \t",
        "NỘI DUNG Ý KIẾN KIẾN NGHỊ, ĐỀ XUẤT",
        "Xác nhận của tổ chức (cá nhân)",
        "(Ký, đóng dấu)",
    ):
        _index(text, phrase)
    assert text.index("*") < _index(text, "PHIẾU Ý KIẾN")


def test_both_forms_carry_one_qr_code_of_about_two_and_a_half_centimetres(conference):
    for kind in ("citizen", "organisation"):
        document = _form(conference, kind)
        assert len(document.inline_shapes) == 1
        shape = document.inline_shapes[0]
        assert abs(shape.width - Cm(2.5)) < Cm(0.05) and abs(shape.height - Cm(2.5)) < Cm(0.05)
        blob = document.part.related_parts[
            document.inline_shapes[0]._inline.graphic.graphicData.pic.blipFill.blip.embed
        ].blob
        assert blob.startswith(b"\x89PNG")


def test_the_forms_are_a4_with_the_engines_margins_in_times_new_roman(conference):
    for kind in ("citizen", "organisation"):
        data = paper_form_document(conference, kind, online_url=URL)
        section = Document(io.BytesIO(data)).sections[0]
        assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
        assert [round(x.mm) for x in (section.top_margin, section.bottom_margin)] == [20, 20]
        assert [round(x.mm) for x in (section.left_margin, section.right_margin)] == [30, 15]
        assert all(run.font == "Times New Roman" for run in font_report(data))


def test_a_form_without_a_scope_note_prints_none_and_a_state_plan_prints_the_motto(state_conference):
    text = "\n".join(_paragraphs(_form(state_conference, "organisation")))
    assert "Lưu ý" not in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "ĐẢNG CỘNG SẢN" not in text
    assert "Tại Hội nghị đối thoại với doanh nghiệp năm 2026" in text


def test_an_unknown_form_kind_or_a_missing_address_is_refused(conference):
    with pytest.raises(ValueError, match="unknown form kind"):
        paper_form_document(conference, "voter", online_url=URL)
    with pytest.raises(ValueError, match="online_url"):
        paper_form_document(conference, "citizen", online_url=" ")


# --- Excel annex ----------------------------------------------------------------------------


def test_the_workbook_has_one_row_per_group_in_report_order(conference, groups):
    workbook = load_workbook(io.BytesIO(synthesis_report_workbook(conference, groups)))
    sheet = workbook["Tổng hợp"]
    assert [c.value for c in sheet[4]] == list(GROUP_HEADERS)
    assert all(c.font.b for c in sheet[4])
    assert sheet.freeze_panes == "A5"
    assert sheet.auto_filter.ref == "A4:L7"
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=5)]
    assert [r[0] for r in rows] == [1, 2, 3]
    pension, land, road = rows
    assert pension[1:5] == [
        "Chính sách xã hội, lao động, người có công",
        "Trung ương",
        "Đề nghị Trung ương điều chỉnh mức trợ cấp cho người có công",
        1,
    ]
    assert pension[10] == STATUS_LABELS[GroupStatus.OPEN] and pension[11] is None
    assert land[6] == "Nguyễn Văn Hải; Trần Thị Lan; Lò Văn Páo"
    assert (land[7], land[8]) == ("Sở Nông nghiệp và Môi trường", "Sở Xây dựng")
    assert land[9].date() == date(2026, 6, 25)
    assert sheet.cell(row=6, column=10).number_format == "dd/mm/yyyy"
    assert land[11] == ANSWER
    assert (road[5], road[6], road[11]) == (2, "Chi bộ tổ 12", "Trả lời trực tiếp tại hội nghị")
    assert land[5] is None  # raised for the first time
    assert sheet.cell(row=5, column=4).alignment.wrap_text


def test_the_second_sheet_lists_every_petition_with_its_group(conference, groups):
    workbook = load_workbook(io.BytesIO(synthesis_report_workbook(conference, groups)))
    sheet = workbook["Từng ý kiến"]
    assert [c.value for c in sheet[4]] == list(PETITION_HEADERS)
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=5)]
    assert len(rows) == 5
    assert [r[6] for r in rows] == [1, 2, 2, 2, 3]
    assert rows[0][2] == CHANNEL_LABELS[Channel.PAPER_CITIZEN] == "Phiếu ý kiến của Nhân dân"
    assert rows[1][1].date() == date(2026, 5, 20)
    assert sheet.cell(row=6, column=2).number_format == "dd/mm/yyyy"
    formula_like = next(r for r in rows if r[3] == "Lò Văn Páo")
    assert formula_like[5] == '=HYPERLINK("http://x")'  # kept as text, never a formula
    assert sheet.cell(row=5 + rows.index(formula_like), column=6).data_type == "s"


def test_no_phone_number_is_anywhere_in_the_workbook(conference, groups):
    workbook = load_workbook(io.BytesIO(synthesis_report_workbook(conference, groups)))
    values = [str(c.value) for sheet in workbook for row in sheet.iter_rows() for c in row if c.value is not None]
    joined = "\n".join(values)
    assert PHONE not in joined and "0987 654 321" not in joined
    assert "0912" not in joined.replace(" ", "")
    assert f"liên hệ {PHONE_MASK}." in joined


def test_every_channel_and_status_has_a_vietnamese_label():
    assert set(CHANNEL_LABELS) == set(Channel.values)
    assert set(STATUS_LABELS) == set(GroupStatus.values)


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("gọi 0912345678 nhé", f"gọi {PHONE_MASK} nhé"),
        ("SĐT: 0912.345.678.", f"SĐT: {PHONE_MASK}."),
        ("số +84 912 345 678", f"số {PHONE_MASK}"),
        ("máy bàn 0208 3855 123", f"máy bàn {PHONE_MASK}"),
        ("Quyết định số 1234/QĐ-UBND ngày 01/02/2024", "Quyết định số 1234/QĐ-UBND ngày 01/02/2024"),
        ("kinh phí 100.000.000 đồng, thửa số 0123", "kinh phí 100.000.000 đồng, thửa số 0123"),
        ("ĐT.0912345678", f"ĐT.{PHONE_MASK}"),
        ("tổng vốn 1.000.000.000.000 đồng", "tổng vốn 1.000.000.000.000 đồng"),
    ],
)
def test_phone_numbers_written_in_a_text_are_masked(text, masked):
    assert mask_phones(text) == masked


def test_a_conference_title_reads_as_a_hoi_nghi_phrase(conference, state_conference):
    assert conference_phrase(conference) == CONFERENCE_TITLE
    assert conference_phrase(state_conference) == "Hội nghị đối thoại với doanh nghiệp năm 2026"


# --- rendered previews ------------------------------------------------------------------------

_NO_LIBREOFFICE = not libreoffice_path() and os.environ.get("CI") != "true"


def _preview(name: str, data: bytes) -> tuple[list[Path], str, bytes]:
    PREVIEW_DIR.mkdir(parents=True, exist_ok=True)
    pdf = docx_to_pdf(data, timeout=90)
    assert pdf.startswith(b"%PDF")
    (PREVIEW_DIR / f"{name}.docx").write_bytes(data)
    pdf_path = PREVIEW_DIR / f"{name}.pdf"
    pdf_path.write_bytes(pdf)
    for old in PREVIEW_DIR.glob(f"{name}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", "60", pdf_path, PREVIEW_DIR / name], check=True, timeout=30)
    text = ""
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", pdf_path, "-"], check=True, capture_output=True, timeout=30)
        text = unicodedata.normalize("NFC", text.stdout.decode())
    info = b""
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", pdf_path], check=True, capture_output=True, timeout=30).stdout
    return sorted(PREVIEW_DIR.glob(f"{name}-*.png")), text, info


@pytest.mark.skipif(_NO_LIBREOFFICE, reason="LibreOffice is not installed (CI=true makes this a failure)")
def test_the_report_and_the_forms_render_to_pdf_and_png(conference, state_conference, groups):
    report = render_docx(synthesis_report_document(conference, groups, today=date(2026, 7, 1)))
    pngs, text, info = _preview("petition-report", report)
    assert pngs
    for phrase in ("BÁO CÁO", "Số     -BC/TU", "II. NỘI DUNG Ý KIẾN, KIẾN NGHỊ VÀ TRẢ LỜI", "Phạm Hoàng Sơn"):
        assert not text or " ".join(phrase.split()) in " ".join(text.split()), phrase
    forms = {
        "citizen": (conference, "citizen"),
        "organisation": (conference, "organisation"),
        "organisation-state": (state_conference, "organisation"),
    }
    for name, (meeting, kind) in forms.items():
        pngs, text, info = _preview(f"paper-form-{name}", paper_form_document(meeting, kind, online_url=URL))
        assert pngs
        assert not info or b"Pages:           1\n" in info  # a form is one sheet of paper
        assert not info or b"(A4)" in info
        assert not text or "PHIẾU Ý KIẾN ĐỀ XUẤT, KIẾN NGHỊ" in text
    (PREVIEW_DIR / "petition-annex.xlsx").write_bytes(synthesis_report_workbook(conference, groups))
