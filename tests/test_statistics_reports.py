"""Periodic reports of QĐ 11: periods, the content, the DOCX and the Excel annex, the
province's roll-up of its communes."""

import io
from datetime import date

import pytest
from django.utils import translation
from docx import Document
from openpyxl import load_workbook

from dialogue.petitions.models import Petition
from dialogue.statistics import report_documents, reports
from dialogue.statistics.reports import PeriodKind, latest_period, report_period
from dialogue.statistics.selectors import unit_statistics
from tests import test_statistics_reports_fixtures

pytestmark = pytest.mark.django_db
half_year = test_statistics_reports_fixtures.half_year

H1_2025 = ("h1", 2025)
AFTER = date(2025, 9, 1)  # the day the reports below are produced


# --------------------------------------------------------------------------- periods


@pytest.mark.parametrize(
    ("kind", "year", "month", "start", "end"),
    [
        ("month", 2026, 1, date(2025, 12, 15), date(2026, 1, 14)),
        ("month", 2025, 12, date(2025, 11, 15), date(2025, 12, 14)),
        ("month", 2026, 3, date(2026, 2, 15), date(2026, 3, 14)),
        ("q1", 2026, None, date(2025, 12, 15), date(2026, 3, 14)),
        ("h1", 2026, None, date(2025, 12, 15), date(2026, 6, 14)),
        ("m9", 2026, None, date(2025, 12, 15), date(2026, 9, 14)),
        ("year", 2026, None, date(2025, 12, 15), date(2026, 12, 14)),
    ],
)
def test_each_period_runs_from_the_15th_before_to_the_14th_of_its_last_month(kind, year, month, start, end):
    period = report_period(kind, year, month)
    assert (period.start, period.end) == (start, end)


def test_the_year_boundary_puts_15_december_in_the_next_years_reports():
    assert report_period("year", 2025).contains(date(2025, 12, 14))
    assert not report_period("year", 2025).contains(date(2025, 12, 15))
    assert report_period("year", 2026).contains(date(2025, 12, 15))
    assert report_period("q1", 2026).contains(date(2025, 12, 15))
    assert report_period("month", 2026, 1).contains(date(2025, 12, 15))


def test_calendar_periods_are_whole_months_when_the_settings_say_so(settings):
    settings.REPORTS_PERIOD_BASIS = "calendar"
    assert (report_period("year", 2026).start, report_period("year", 2026).end) == (
        date(2026, 1, 1),
        date(2026, 12, 31),
    )
    february = report_period("month", 2024, 2)
    assert (february.start, february.end) == (date(2024, 2, 1), date(2024, 2, 29))


def test_a_month_report_needs_a_month():
    with pytest.raises(ValueError):
        report_period("month", 2026)


def test_the_periods_are_named_as_in_vietnamese_reports():
    with translation.override("vi"):
        assert report_period("month", 2026, 6).label == "tháng 6 năm 2026"
        assert report_period("q1", 2026).label == "quý I năm 2026"
        assert report_period("h1", 2026).label == "6 tháng đầu năm 2026"
        assert report_period("m9", 2026).label == "9 tháng năm 2026"
        assert report_period("year", 2026).label == "năm 2026"


def test_a_commune_reports_two_working_days_after_the_cutoff_and_a_province_four():
    period = report_period("h1", 2026)  # cut-off Sunday 14/06/2026
    assert period.due_date(3) == date(2026, 6, 16)
    assert period.due_date(1) == date(2026, 6, 18)


def test_the_latest_period_is_the_last_one_whose_cutoff_has_come():
    assert latest_period(PeriodKind.MONTH, date(2026, 1, 10)) == report_period("month", 2025, 12)
    assert latest_period(PeriodKind.MONTH, date(2026, 1, 14)) == report_period("month", 2026, 1)
    assert latest_period(PeriodKind.YEAR, date(2025, 12, 14)) == report_period("year", 2025)
    assert latest_period(PeriodKind.YEAR, date(2025, 12, 13)) == report_period("year", 2024)
    assert latest_period(PeriodKind.NINE, date(2026, 1, 10)) == report_period("m9", 2025)


def test_a_petition_of_15_december_counts_in_the_next_years_report(cast):
    t = cast.tree
    for day in (date(2025, 12, 14), date(2025, 12, 15)):
        Petition.objects.create(
            receiving_unit=t.commune, channel="online", content="Ý kiến", received_on=day, ack_due=day
        )
    for year, expected in ((2025, 1), (2026, 1)):
        period = report_period("year", year)
        content = reports.build_report(user=cast.commune_officer, unit=t.commune, period=period, today=date(2027, 1, 5))
        assert content.statistics.petitions == expected
        received = [f.total for f in content.fields]
        assert sum(received) == expected


# --------------------------------------------------------------------------- content


def _content(person, unit, kind="h1", year=2025, layout=None):
    return reports.build_report(user=person, unit=unit, period=report_period(kind, year), layout=layout, today=AFTER)


def test_the_report_takes_its_figures_from_the_dashboard(half_year):
    t = half_year.tree
    content = _content(half_year.cast.province_officer, t.province)
    s = content.statistics
    figures = unit_statistics(unit=t.province, start=date(2024, 12, 15), end=date(2025, 6, 14), today=AFTER)
    assert s == figures
    assert (s.conferences, s.conferences_held, s.participants) == (2, 1, 3)
    assert (s.petitions, s.repeats) == (6, 1)
    assert (s.answers_due, s.answered_on_time, s.answered_late, s.answers_overdue) == (3, 1, 1, 1)
    assert (s.directives_issued, s.late_directives, s.late_answers, s.directives_resolved) == (2, 1, 1, 1)


def test_the_annex_lists_conferences_fields_agencies_and_late_items(half_year):
    t = half_year.tree
    content = _content(half_year.cast.province_officer, t.province)
    assert [(c.day, c.held, c.participants, c.petitions, c.answered) for c in content.conferences] == [
        (date(2025, 3, 10), True, 3, 4, 2),
        (date(2025, 5, 5), False, 0, 0, 0),
    ]
    assert content.conferences[0].chairs == "Hứa Ngọc Sỹ, Bí thư Đảng ủy xã Cao Minh"
    fields = {f.name: (f.total, f.repeats, f.answered, f.by_status["received"]) for f in content.fields}
    assert fields == {"Đất đai": (2, 0, 1, 2), "Giao thông": (3, 0, 1, 3), "Chưa phân loại": (1, 1, 0, 1)}
    agencies = {
        a.name: (a.assigned, a.resolved, a.in_progress, a.late_directives, a.late_answers) for a in content.agencies
    }
    assert agencies == {
        "Sở Nông nghiệp và Môi trường": (1, 0, 1, 1, 1),
        "Ủy ban nhân dân xã Cao Minh": (1, 1, 0, 0, 0),
    }
    assert [(i.matter, i.unit, i.due) for i in content.late_items] == [
        ("Nạo vét kênh mương nội đồng thôn Nà Đon.", "Sở Nông nghiệp và Môi trường", date(2025, 4, 15)),
        ("Đề nghị nạo vét kênh mương nội đồng bị bồi lấp.", "Sở Nông nghiệp và Môi trường", date(2025, 5, 1)),
    ]
    assert all(i.days_late > 0 for i in content.late_items)
    assert [(r.summary, r.resolved) for r in content.repeats] == [
        ("Đề nghị nạo vét kênh mương nội đồng bị bồi lấp.", False)
    ]


def test_a_province_report_rolls_up_each_commune_and_its_own_level(half_year):
    t = half_year.tree
    content = _content(half_year.cast.province_officer, t.province)
    rows = [
        (c.name, c.conferences, c.conferences_held, c.petitions, c.answers_due, c.answered_on_time, c.late)
        for c in content.communes
    ]
    assert rows == [
        ("Cấp tỉnh (Tỉnh Thái Nguyên)", 1, 0, 2, 0, 0, 0),
        ("Xã Cao Minh", 1, 1, 4, 3, 1, 2),
        ("Xã Phú Đình", 0, 0, 0, 0, 0, 0),
    ]


def test_each_commune_row_equals_that_communes_own_statistics(half_year):
    t = half_year.tree
    content = _content(half_year.cast.province_officer, t.province)
    for row in content.communes[1:]:
        unit = t.commune if row.pk == t.commune.pk else half_year.phu_dinh
        s = unit_statistics(unit=unit, start=date(2024, 12, 15), end=date(2025, 6, 14), today=AFTER)
        assert (
            row.conferences,
            row.conferences_held,
            row.petitions,
            row.answers_due,
            row.answered_on_time,
            row.late,
        ) == (
            s.conferences,
            s.conferences_held,
            s.petitions,
            s.answers_due,
            s.answered_on_time,
            s.late,
        )
    total = content.statistics
    assert sum(r.petitions for r in content.communes) == total.petitions
    assert sum(r.late for r in content.communes) == total.late
    assert sum(r.conferences for r in content.communes) == total.conferences


def test_a_commune_report_has_no_rollup_and_counts_only_the_commune(half_year):
    content = _content(half_year.cast.commune_officer, half_year.tree.commune)
    assert content.communes == []
    assert content.statistics.petitions == 4
    assert content.statistics.conferences == 1


def test_a_commune_reports_to_the_provincial_standing_committee_in_the_party_layout(half_year):
    identity = _content(half_year.cast.commune_officer, half_year.tree.commune).identity
    assert identity.layout == "party"
    assert identity.issuer == "ĐẢNG ỦY XÃ CAO MINH"
    assert identity.issuer_parent == "ĐẢNG BỘ TỈNH THÁI NGUYÊN"
    assert identity.number_line == "Số    -BC/ĐU"
    assert identity.addressees == ("- Ban Thường vụ Tỉnh ủy Thái Nguyên;", "- Ban Dân vận Tỉnh ủy.")
    assert (identity.signing_authority, identity.signer_title, identity.signer_name) == (
        "T/M BAN THƯỜNG VỤ",
        "BÍ THƯ",
        "Hứa Ngọc Sỹ",
    )


def test_a_state_report_of_a_commune_goes_to_the_provincial_peoples_committee(half_year):
    identity = _content(half_year.cast.commune_officer, half_year.tree.commune, layout="state").identity
    assert identity.issuer == "Ủy ban nhân dân xã Cao Minh"
    assert identity.number_line == "Số:    /BC-UBND"
    assert identity.addressees == ("Ủy ban nhân dân tỉnh Thái Nguyên",)
    assert identity.signing_authority == "TM. ỦY BAN NHÂN DÂN"


def test_the_assessment_is_worded_from_the_figures(half_year):
    content = _content(half_year.cast.province_officer, half_year.tree.province)
    limitations = " ".join(content.limitations)
    assert "33,3%" in limitations
    assert "Sở Nông nghiệp và Môi trường" in limitations
    assert any("01 hội nghị" in s for s in content.strengths)
    assert any("Sở Nông nghiệp và Môi trường" in d and "02 nội dung quá hạn" in d for d in content.directions)
    assert content.proposals  # never empty: a derived recommendation or the standing one


# --------------------------------------------------------------------------- the DOCX


def _docx_text(data: bytes) -> tuple[str, list[list[list[str]]]]:
    document = Document(io.BytesIO(data))
    text = "\n".join(p.text for p in document.paragraphs)
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]
    return text, tables


def test_the_docx_holds_the_figures_of_the_period(half_year):
    content = _content(half_year.cast.province_officer, half_year.tree.province)
    data, _content_type, name = report_documents.report_files(content, "docx")
    assert name == "bao-cao-qd11-6-thang-2025-tinh-thai-nguyen.docx"
    text, tables = _docx_text(data)
    for expected in (
        "BÁO CÁO",
        "Kết quả tiếp xúc, đối thoại trực tiếp với Nhân dân và xử lý ý kiến, kiến nghị của Nhân dân "
        "6 tháng đầu năm 2025",
        "(từ ngày 15/12/2024 đến ngày 14/06/2025)",
        "đã tổ chức 01 hội nghị tiếp xúc, đối thoại trực tiếp với Nhân dân, với 03 lượt đại biểu",
        "Ngày 10/03/2025, đồng chí Hứa Ngọc Sỹ, Bí thư Đảng ủy xã Cao Minh chủ trì",
        "Có 01 hội nghị theo kế hoạch trong kỳ chưa tổ chức",
        "đã tiếp nhận 06 ý kiến, kiến nghị của Nhân dân. "
        "Trong đó, 01 ý kiến đã được nêu từ các kỳ trước (chiếm 16,7%).",
        "Có 03 ý kiến, kiến nghị (sau khi tổng hợp) đến hạn trả lời bằng văn bản trong kỳ: đã trả lời 02 ý kiến, "
        "trong đó đúng hạn 01 ý kiến (tỷ lệ đúng hạn đạt 33,3%); trả lời chậm 01 ý kiến; "
        "quá hạn chưa trả lời 01 ý kiến.",
        "đã giao các cơ quan, đơn vị 02 nội dung",
        "Đến ngày 14/06/2025, còn 02 nội dung quá hạn (01 nội dung chỉ đạo, 01 ý kiến chưa trả lời): "
        "Sở Nông nghiệp và Môi trường 02 nội dung",
        "I. TÌNH HÌNH, KẾT QUẢ THỰC HIỆN",
        "II. ĐÁNH GIÁ CHUNG",
        "III. PHƯƠNG HƯỚNG, NHIỆM VỤ VÀ KIẾN NGHỊ",
        "(Kèm theo Phụ lục số liệu từ Biểu 01 đến Biểu 05.)",
    ):
        assert expected in text, expected
    assert "Hải Phòng" not in text
    header, rollup, signature = tables[0], tables[1], tables[-1]
    assert "TỈNH ỦY THÁI NGUYÊN" in header[0][0]
    assert "Số    -BC/TU" in header[1][0]
    assert rollup[0][1] == "Đơn vị"
    assert [row[1:] for row in rollup[1:]] == [
        ["Cấp tỉnh (Tỉnh Thái Nguyên)", "0", "2", "0", "0", "0"],
        ["Xã Cao Minh", "1", "4", "3", "1", "2"],
        ["Xã Phú Đình", "0", "0", "0", "0", "0"],
        ["Tổng cộng", "1", "6", "3", "1", "2"],
    ]
    assert "Nơi nhận" in signature[0][0]
    assert "- Như trên," in signature[0][0]


def test_the_docx_is_in_vietnamese_whatever_language_is_active(half_year):
    content = _content(half_year.cast.province_officer, half_year.tree.province)
    with translation.override("en"):
        text, _tables = _docx_text(report_documents.report_docx(content))
    assert "I. TÌNH HÌNH, KẾT QUẢ THỰC HIỆN" in text
    assert "SITUATION" not in text


def test_a_province_with_many_communes_prints_only_those_with_figures(half_year, monkeypatch):
    monkeypatch.setattr(report_documents, "FULL_COMMUNE_TABLE_LIMIT", 1)
    content = _content(half_year.cast.province_officer, half_year.tree.province)
    _text, tables = _docx_text(report_documents.report_docx(content))
    names = [row[1] for row in tables[1][1:-1]]
    assert names == ["Cấp tỉnh (Tỉnh Thái Nguyên)", "Xã Cao Minh"]
    assert tables[1][-1][1:] == ["Tổng cộng", "1", "6", "3", "1", "2"]


# --------------------------------------------------------------------------- the Excel annex


def _workbook(content):
    return load_workbook(io.BytesIO(report_documents.report_workbook(content)))


def _rows(sheet, first):
    return [list(r) for r in sheet.iter_rows(min_row=first, values_only=True)]


def test_the_annex_has_one_sheet_per_table_with_frozen_vietnamese_headers(half_year):
    book = _workbook(_content(half_year.cast.province_officer, half_year.tree.province))
    assert book.sheetnames == ["Biểu 01", "Biểu 02", "Biểu 03", "Biểu 04", "Biểu 05"]
    first = book["Biểu 01"]
    assert first["A1"].value == "Biểu 01: HỘI NGHỊ TIẾP XÚC, ĐỐI THOẠI TRỰC TIẾP VỚI NHÂN DÂN"
    assert first["A2"].value == "Tỉnh ủy Thái Nguyên — 6 tháng đầu năm 2025 (từ ngày 15/12/2024 đến ngày 14/06/2025)"
    assert [c.value for c in first[4]][:4] == ["STT", "Ngày", "Đơn vị tổ chức", "Hội nghị"]
    assert first.freeze_panes == "A5"
    assert book["Biểu 02"].freeze_panes == "A6"  # two header rows
    for sheet in book:
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.print_title_rows
        assert all(sheet.column_dimensions[c].width >= 6 for c in "ABC")


def test_the_conference_sheet_has_dates_and_a_totals_row(half_year):
    sheet = _workbook(_content(half_year.cast.province_officer, half_year.tree.province))["Biểu 01"]
    rows = _rows(sheet, 5)
    assert rows[0][1].date() == date(2025, 3, 10)
    assert sheet["B5"].number_format == "dd/mm/yyyy"
    assert rows[0][6:] == ["Đã tổ chức", 3, 4, 2]
    assert rows[1][6:] == ["Chưa tổ chức", 0, 0, 0]
    assert rows[2][2:4] == ["Tổng cộng", "2 hội nghị, đã tổ chức 1"]
    assert rows[2][7:] == [3, 4, 2]


def test_the_field_sheet_crosses_fields_with_states_and_totals_them(half_year):
    sheet = _workbook(_content(half_year.cast.province_officer, half_year.tree.province))["Biểu 02"]
    assert sheet["E4"].value == "Theo tình trạng xử lý"
    assert sheet["J4"].value == "Trong đó"
    assert sheet["E5"].value == "Mới tiếp nhận"
    rows = _rows(sheet, 6)
    by_name = {r[1]: r[2:] for r in rows[:3]}
    assert by_name["Đất đai"] == [2, 0, 2, 0, 0, 0, 0, 1, 0]
    assert by_name["Giao thông"] == [3, 0, 3, 0, 0, 0, 0, 1, 0]
    assert by_name["Chưa phân loại"] == [1, 1, 1, 0, 0, 0, 0, 0, 0]
    assert rows[3][1:] == ["Tổng cộng", 6, 1, 6, 0, 0, 0, 0, 2, 0]


def test_the_agency_and_late_sheets_list_the_late_matters(half_year):
    book = _workbook(_content(half_year.cast.province_officer, half_year.tree.province))
    agencies = _rows(book["Biểu 03"], 6)
    assert agencies[0][1:] == ["Sở Nông nghiệp và Môi trường", 1, 0, 1, 1, 1, 0, 2]
    assert agencies[-1][1:] == ["Tổng cộng", 2, 1, 1, 1, 1, 0, 2]
    late = _rows(book["Biểu 04"], 5)
    assert [r[2] for r in late[:2]] == [
        "Nạo vét kênh mương nội đồng thôn Nà Đon.",
        "Đề nghị nạo vét kênh mương nội đồng bị bồi lấp.",
    ]
    assert late[0][4].date() == date(2025, 4, 15)
    assert book["Biểu 04"]["E5"].number_format == "dd/mm/yyyy"
    assert late[2][1:3] == ["Tổng cộng", "2 nội dung"]


def test_the_commune_sheet_rolls_up_every_commune(half_year):
    sheet = _workbook(_content(half_year.cast.province_officer, half_year.tree.province))["Biểu 05"]
    rows = _rows(sheet, 5)
    assert rows[0][:7] == [None, "Cấp tỉnh (Tỉnh Thái Nguyên)", 1, 0, 2, 0, 0]
    assert rows[1][:7] == [1, "Xã Cao Minh", 1, 1, 4, 3, 1]
    assert rows[1][7] == pytest.approx(1 / 3)
    assert rows[1][8] == 2
    assert rows[2][:2] == [2, "Xã Phú Đình"]
    assert rows[3][1:7] == ["Tổng cộng", 2, 1, 6, 3, 1]
    assert sheet["H6"].number_format == "0.0%"


def test_a_commune_annex_has_no_commune_sheet(half_year):
    book = _workbook(_content(half_year.cast.commune_officer, half_year.tree.commune))
    assert book.sheetnames == ["Biểu 01", "Biểu 02", "Biểu 03", "Biểu 04"]


def test_a_period_without_figures_gives_a_report_that_says_so(cast):
    content = reports.build_report(
        user=cast.commune_officer, unit=cast.tree.commune, period=report_period("month", 2025, 2), today=AFTER
    )
    text, _tables = _docx_text(report_documents.report_docx(content))
    assert "Trong kỳ, chưa tổ chức hội nghị tiếp xúc, đối thoại trực tiếp với Nhân dân." in text
    assert "Trong kỳ, không tiếp nhận ý kiến, kiến nghị nào." in text
    book = _workbook(content)
    assert book["Biểu 04"]["A5"].value == "Không có nội dung quá hạn."
