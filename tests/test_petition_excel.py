"""dialogue.petitions.excel: the downloadable template and the checked import of lists
that MTTQ, villages and agencies send. Workbooks are built in memory with openpyxl."""

import io
import os
import re
import unicodedata
import zipfile
from datetime import date, datetime

import pytest
from openpyxl import Workbook, load_workbook

from dialogue.petitions.excel import (
    CHANNELS,
    COLUMNS,
    HEADER_ALIASES,
    MSG_EMPTY_FILE,
    MSG_ENCRYPTED,
    MSG_NOT_XLSX,
    MSG_ODS,
    MSG_OLD_XLS,
    build_template,
    header_key,
    parse_workbook,
)

TODAY = date(2026, 6, 1)
HEADER = [c.header for c in COLUMNS]


def xlsx(rows, *, title=None, write_only=False) -> bytes:
    workbook = Workbook(write_only=write_only)
    sheet = workbook.create_sheet() if write_only else workbook.active
    if title and not write_only:
        sheet.title = title
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def row(**values):
    """A row of the template's columns, in order."""
    return [values.get(c.key) for c in COLUMNS]


def parse(rows, **kwargs):
    return parse_workbook(xlsx(rows), today=TODAY, **kwargs)


GOOD = "Đường liên thôn Nà Đon xuống cấp nghiêm trọng, đề nghị sửa chữa."


# ---------------------------------------------------------------- the template


def test_the_downloaded_template_parses_to_zero_rows():
    result = parse_workbook(build_template(), today=TODAY)
    assert result.ok and result.file_errors == []
    assert result.rows == []
    assert result.example_rows == 2
    assert result.header_row == 3 and result.sheet_name == "Danh sách"
    assert set(result.header_map) == {c.key for c in COLUMNS}


def test_the_template_has_a_title_a_bold_wrapped_frozen_header_and_grey_examples():
    workbook = load_workbook(io.BytesIO(build_template()))
    sheet = workbook["Danh sách"]
    assert sheet["A1"].value.startswith("DANH SÁCH Ý KIẾN, KIẾN NGHỊ")
    headers = [cell.value for cell in sheet[3]]
    assert headers == HEADER
    assert all(cell.font.b and cell.alignment.wrap_text for cell in sheet[3])
    assert sheet.freeze_panes == "A4"
    assert sheet.column_dimensions["F"].width == 60
    assert [sheet.cell(row=r, column=1).value for r in (4, 5)] == ["VD", "VD"]
    assert sheet["F4"].font.i and sheet["F4"].font.color.rgb.endswith("808080")


def test_the_template_offers_the_channels_as_a_drop_down_list():
    workbook = load_workbook(io.BytesIO(build_template()))
    sheet = workbook["Danh sách"]
    (validation,) = sheet.data_validations.dataValidation
    assert validation.type == "list" and validation.formula1 == "KenhTiepNhan"
    assert str(validation.sqref).startswith("G4:G")
    ((guide_title, cells),) = workbook.defined_names["KenhTiepNhan"].destinations
    labels = [cell.value for (cell,) in workbook[guide_title][cells.replace("$", "")]]
    assert labels == list(CHANNELS)


def test_the_guide_sheet_explains_every_column_in_vietnamese():
    workbook = load_workbook(io.BytesIO(build_template()))
    guide = workbook["Hướng dẫn"]
    explained = {r[0]: r[2] for r in guide.iter_rows(min_row=4, max_row=3 + len(COLUMNS), values_only=True)}
    assert list(explained) == HEADER
    assert "Bắt buộc" in explained["Nội dung ý kiến, kiến nghị"]
    assert "dd/mm/yyyy" in explained["Ngày tiếp nhận"]


def test_a_filled_template_gives_every_row_with_clean_values():
    workbook = load_workbook(io.BytesIO(build_template()))
    sheet = workbook["Danh sách"]
    sheet.append(
        row(
            row_number=1,
            name="  Nguyễn   Văn An ",
            phone="0912.345.678",
            address="Thôn Nà Đon, xã Cao Minh",
            content=GOOD,
            channel="Họp thôn, tổ dân phố",
            received_on=date(2026, 5, 15),
            note="Đã nêu năm 2025",
        )
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    result = parse_workbook(buffer.getvalue(), today=TODAY)
    (only,) = result.rows
    assert only.is_valid and result.all_valid
    assert only.row_number == 6
    assert only.values == {
        "row_number": "1",
        "name": "Nguyễn Văn An",
        "phone": "0912345678",
        "address": "Thôn Nà Đon, xã Cao Minh",
        "position": "",
        "content": GOOD,
        "channel": "Họp thôn, tổ dân phố",
        "received_on": date(2026, 5, 15),
        "note": "Đã nêu năm 2025",
    }
    assert re.fullmatch(r"[0-9a-f]{64}", only.fingerprint)
    assert result.summary == "1 dòng ý kiến: 1 hợp lệ, 0 có lỗi."


# ---------------------------------------------------------------- headers


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (
            ["TT", "Họ tên", "SĐT", "Địa chỉ liên hệ", "Nội dung kiến nghị", "Ngày nhận"],
            ["row_number", "name", "phone", "address", "content", "received_on"],
        ),
        (
            ["STT", "Tên tổ chức (cá nhân)", "Số ĐT", "Chức vụ, đơn vị công tác", "Nội dung ý kiến kiến nghị, đề xuất"],
            ["row_number", "name", "phone", "position", "content"],
        ),
        (
            ["Người kiến nghị", "Điện thoại", "Ý kiến", "Hình thức tiếp nhận", "Ghi chú"],
            ["name", "phone", "content", "channel", "note"],
        ),
        (
            ["ho va ten", "so dien thoai (neu co)", "NỘI DUNG (*)", "NGÀY"],
            ["name", "phone", "content", "received_on"],
        ),
        (
            ["Họ và tên người kiến nghị", "Số điện thoại liên hệ", "Nội dung ý kiến, kiến nghị của cử tri"],
            ["name", "phone", "content"],
        ),
    ],
)
def test_reasonable_variants_of_the_column_names_are_recognised(headers, expected):
    result = parse([headers, [None] * (len(headers) - 1) + [None]])
    assert result.ok, result.file_errors
    assert list(result.header_map) == expected
    assert list(result.header_map.values()) == headers


def test_header_aliases_are_folded_words():
    assert all(alias == alias.lower() and alias.isascii() for alias in HEADER_ALIASES)
    assert {"ho ten", "ho va ten", "nguoi kien nghi", "ten to chuc ca nhan", "sdt", "so dt", "dien thoai"} <= set(
        HEADER_ALIASES
    )
    assert {
        "dia chi lien he",
        "noi dung",
        "noi dung kien nghi",
        "y kien",
        "y kien kien nghi",
        "ngay",
        "ngay nhan",
    } <= set(HEADER_ALIASES)
    assert header_key("Nội dung ý kiến, kiến nghị") == "content"
    assert header_key(unicodedata.normalize("NFD", "Số điện thoại")) == "phone"
    assert header_key("Đơn vị tính") is None


def test_a_title_row_above_the_header_is_skipped():
    result = parse(
        [
            ["DANH SÁCH Ý KIẾN, KIẾN NGHỊ CỦA CỬ TRI XÃ CAO MINH"],
            ["(Kèm theo Báo cáo số 12/BC-MTTQ ngày 10/5/2026)"],
            [],
            ["STT", "Họ và tên", "Nội dung ý kiến, kiến nghị"],
            [1, "Nguyễn Văn An", GOOD],
        ]
    )
    assert result.header_row == 4
    assert [r.row_number for r in result.rows] == [5]
    assert result.rows[0].values["content"] == GOOD


def test_a_lone_content_column_is_enough():
    result = parse([["DANH SÁCH Ý KIẾN, KIẾN NGHỊ"], ["Nội dung"], [GOOD]])
    assert result.header_row == 2 and result.all_valid


def test_no_header_within_the_first_ten_rows_is_a_file_error():
    result = parse([["Báo cáo"]] + [[None]] * 10 + [["Nội dung ý kiến, kiến nghị"], [GOOD]])
    assert result.rows == []
    assert result.file_errors == [
        "Không tìm thấy dòng tiêu đề có cột “Nội dung ý kiến, kiến nghị” trong 10 dòng đầu của trang tính. "
        "Hãy dùng mẫu tải về hoặc đặt tên cột như trong mẫu."
    ]


def test_unknown_and_repeated_columns_are_reported_as_warnings():
    result = parse([["Nội dung", "Đơn vị tính", "Nội dung kiến nghị"], [GOOD, "x", "khác"]])
    assert result.warnings == [
        "Cột “Đơn vị tính” (B) không có trong mẫu nên được bỏ qua.",
        "Cột “Nội dung kiến nghị” (C) trùng với cột A; chỉ dùng cột A.",
    ]
    assert result.rows[0].values["content"] == GOOD


# ---------------------------------------------------------------- rows


def test_an_invalid_phone_names_the_row_and_the_column():
    result = parse([HEADER, row(name="Lê C", phone="0912 34", content=GOOD)])
    assert result.rows[0].errors == [
        "Dòng 2, cột “Số điện thoại”: số điện thoại “0912 34” không hợp lệ: số di động Việt Nam gồm 10 chữ số, "
        "bắt đầu bằng 03, 05, 07, 08 hoặc 09."
    ]
    assert result.invalid_rows == result.rows and not result.all_valid


def test_the_column_is_named_as_the_file_names_it():
    result = parse([["SĐT", "Nội dung"], ["12345", GOOD]])
    assert result.rows[0].errors[0].startswith("Dòng 2, cột “SĐT”: số điện thoại “12345” không hợp lệ")


def test_an_empty_content_is_refused():
    result = parse([HEADER, row(name="Nguyễn Văn An", phone="0912345678")])
    assert result.rows[0].errors == ["Dòng 2, cột “Nội dung ý kiến, kiến nghị”: không được để trống."]
    assert result.rows[0].fingerprint == ""


def test_a_content_shorter_than_ten_characters_is_refused():
    result = parse([HEADER, row(content="Sửa đường")])
    assert result.rows[0].errors == [
        "Dòng 2, cột “Nội dung ý kiến, kiến nghị”: quá ngắn (9 ký tự), cần ít nhất 10 ký tự."
    ]


def test_a_content_longer_than_five_thousand_characters_is_refused():
    result = parse([HEADER, row(content="Đường hỏng. " * 500)])
    assert result.rows[0].errors == [
        "Dòng 2, cột “Nội dung ý kiến, kiến nghị”: quá dài (5.999 ký tự), tối đa 5.000 ký tự."
    ]


def test_a_date_in_the_future_is_refused():
    result = parse([HEADER, row(content=GOOD, received_on="02/06/2026")])
    assert result.rows[0].errors == ["Dòng 2, cột “Ngày tiếp nhận”: ngày 02/06/2026 ở tương lai."]
    assert result.rows[0].values["received_on"] is None


def test_a_date_that_does_not_exist_is_refused():
    result = parse([HEADER, row(content=GOOD, received_on="31/02/2026")])
    assert result.rows[0].errors == [
        "Dòng 2, cột “Ngày tiếp nhận”: “31/02/2026” không phải là ngày hợp lệ "
        "(ghi theo dạng dd/mm/yyyy, ví dụ 15/05/2026)."
    ]


@pytest.mark.parametrize(
    "value",
    [
        date(2026, 5, 15),
        datetime(2026, 5, 15, 8, 30),
        "15/05/2026",
        "15/5/2026",
        "15-05-2026",
        "15.05.2026",
        "15/05/26",
        "2026-05-15",
        "ngày 15 tháng 5 năm 2026",
        46157,
    ],
)
def test_dates_are_read_from_excel_dates_and_from_day_month_year_text(value):
    result = parse([HEADER, row(content=GOOD, received_on=value)])
    assert result.rows[0].errors == []
    assert result.rows[0].values["received_on"] == date(2026, 5, 15)


def test_an_unknown_channel_lists_the_accepted_ones():
    result = parse([HEADER, row(content=GOOD, channel="Bồ câu đưa thư")])
    assert result.rows[0].errors == [
        "Dòng 2, cột “Kênh tiếp nhận”: “Bồ câu đưa thư” không có trong danh sách kênh tiếp nhận "
        "(Phiếu ý kiến; Phiếu đăng ký phát biểu; Phát biểu tại hội nghị; Tổng hợp của MTTQ, đoàn thể; "
        "Họp thôn, tổ dân phố; Báo cáo của cơ quan; Trực tuyến)."
    ]


@pytest.mark.parametrize(
    ("typed", "label"),
    [
        ("phieu y kien", "Phiếu ý kiến"),
        ("Phiếu", "Phiếu ý kiến"),
        ("MTTQ", "Tổng hợp của MTTQ, đoàn thể"),
        ("Họp thôn", "Họp thôn, tổ dân phố"),
        ("Đăng ký phát biểu", "Phiếu đăng ký phát biểu"),
        ("online", "Trực tuyến"),
        ("TRỰC TUYẾN", "Trực tuyến"),
    ],
)
def test_channel_labels_are_matched_without_case_or_diacritics(typed, label):
    result = parse([HEADER, row(content=GOOD, channel=typed)])
    assert result.rows[0].errors == []
    assert result.rows[0].values["channel"] == label


def test_every_channel_label_maps_to_a_petition_channel_code():
    assert set(CHANNELS.values()) <= {
        "paper_citizen",
        "paper_organisation",
        "speaker_slip",
        "spoken",
        "mttq",
        "village_meeting",
        "agency_report",
        "online",
    }


def test_a_phone_excel_stored_as_a_number_keeps_its_leading_zero():
    result = parse([HEADER, row(phone=912345678, content=GOOD), row(phone=912345679.0, content=GOOD + " 2")])
    assert [r.values["phone"] for r in result.rows] == ["0912345678", "0912345679"]


def test_text_is_composed_and_white_space_is_cleaned_but_paragraphs_are_kept():
    decomposed = unicodedata.normalize("NFD", "Nguyễn   Thị  Hoà")
    content = "  Đường   liên thôn Nà Đon hỏng.\r\n\r\n\r\n  Đề nghị   sửa chữa.  "
    result = parse([HEADER, row(name=decomposed, content=unicodedata.normalize("NFD", content))])
    values = result.rows[0].values
    assert values["name"] == "Nguyễn Thị Hoà" and unicodedata.is_normalized("NFC", values["name"])
    assert values["content"] == "Đường liên thôn Nà Đon hỏng.\n\nĐề nghị sửa chữa."


def test_blank_rows_and_rows_with_only_a_number_are_skipped_silently():
    result = parse(
        [
            HEADER,
            row(row_number=1, content=GOOD),
            [None] * 9,
            row(row_number=2),
            ["", " ", "\u00a0"],
            row(content="Trạm y tế xã Cao Minh thiếu bác sĩ."),
        ]
    )
    assert [r.row_number for r in result.rows] == [2, 6]
    assert result.blank_rows == 3
    assert all(r.is_valid for r in result.rows)


def test_example_rows_marked_vd_are_ignored():
    result = parse(
        [HEADER, row(row_number="VD", content=GOOD), row(row_number="Ví dụ", content=GOOD), row(content=GOOD)]
    )
    assert [r.row_number for r in result.rows] == [4]
    assert result.example_rows == 2


def test_the_same_row_twice_in_a_file_is_refused_the_second_time():
    result = parse(
        [
            HEADER,
            row(name="Nguyễn Văn An", phone="0912345678", content=GOOD),
            row(name="Trần Thị Bình", phone="0987654321", content=GOOD),
            row(name="NGUYỄN VĂN AN", phone="+84 912 345 678", content="  " + GOOD.upper().rstrip(".")),
        ]
    )
    first, other_person, again = result.rows
    assert first.is_valid and other_person.is_valid
    assert again.errors == ["Dòng 4: trùng với dòng 2 (cùng nội dung, họ tên và số điện thoại)."]
    assert again.fingerprint == first.fingerprint != other_person.fingerprint


def test_re_reading_the_same_file_gives_the_same_fingerprints_and_file_hash():
    data = xlsx([HEADER, row(name="Nguyễn Văn An", content=GOOD), row(name="Lê C", content=GOOD + " Thêm.")])
    first, second = parse_workbook(data, today=TODAY), parse_workbook(data, today=TODAY)
    assert [r.fingerprint for r in first.rows] == [r.fingerprint for r in second.rows]
    assert first.file_sha256 == second.file_sha256 == __import__("hashlib").sha256(data).hexdigest()


def test_a_fingerprint_does_not_depend_on_the_row_position_or_other_columns():
    a = parse([HEADER, row(name="An", content=GOOD, note="x", channel="MTTQ")]).rows[0]
    b = parse([HEADER, row(), row(name="An", content=GOOD, note="y")]).rows[0]
    assert a.fingerprint == b.fingerprint


def test_a_name_or_address_over_the_limit_is_refused():
    result = parse([HEADER, row(name="A" * 201, content=GOOD)])
    assert result.rows[0].errors == ["Dòng 2, cột “Họ và tên”: quá dài (201 ký tự), tối đa 200 ký tự."]


def test_the_form_for_organisations_maps_to_name_and_position():
    result = parse(
        [
            ["Tên tổ chức (cá nhân)", "SĐT", "Chức vụ, đơn vị công tác", "Nội dung ý kiến kiến nghị, đề xuất"],
            ["Chi bộ thôn Nà Đon", "", "Bí thư chi bộ", GOOD],
        ]
    )
    values = result.rows[0].values
    assert (values["name"], values["position"], values["phone"]) == ("Chi bộ thôn Nà Đon", "Bí thư chi bộ", "")


# ---------------------------------------------------------------- files


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", MSG_EMPTY_FILE),
        ("STT,Họ và tên,Nội dung\n1,An,Đường hỏng nặng lắm\n".encode(), MSG_NOT_XLSX),
        (b"\xef\xbb\xbfSTT;Ho ten;Noi dung\r\n", MSG_NOT_XLSX),
        (os.urandom(4096), MSG_NOT_XLSX),
        (b"<html><body>Danh sach</body></html>", MSG_NOT_XLSX),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, MSG_OLD_XLS),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600 + "EncryptedPackage".encode("utf-16-le"), MSG_ENCRYPTED),
    ],
)
def test_files_that_are_not_a_readable_xlsx_get_one_clear_message(data, message):
    result = parse_workbook(data)
    assert result.file_errors == [message]
    assert result.rows == [] and not result.ok


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_a_libreoffice_spreadsheet_is_asked_to_be_saved_as_xlsx():
    data = _zip({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<x/>"})
    assert parse_workbook(data).file_errors == [MSG_ODS]


def test_a_word_document_or_a_broken_workbook_is_refused_without_a_traceback():
    word = _zip({"word/document.xml": b"<w/>", "[Content_Types].xml": b"<Types/>"})
    assert parse_workbook(word).file_errors == [MSG_NOT_XLSX]
    broken = _zip({"xl/workbook.xml": b"<not-a-workbook", "[Content_Types].xml": b"<Types/>"})
    result = parse_workbook(broken)
    assert len(result.file_errors) == 1 and result.file_errors[0].startswith("Không đọc được tệp Excel")
    truncated = build_template()[:3000]
    assert parse_workbook(truncated).file_errors[0].startswith("Không đọc được tệp Excel")


def test_more_rows_than_allowed_is_a_file_error_and_gives_no_rows():
    result = parse([HEADER] + [row(content=f"{GOOD} {i}") for i in range(6)], max_rows=5)
    assert result.file_errors == ["Tệp có hơn 5 dòng dữ liệu; hãy chia thành nhiều tệp, mỗi tệp không quá 5 dòng."]
    assert result.rows == []
    assert parse([HEADER] + [row(content=f"{GOOD} {i}") for i in range(5)], max_rows=5).all_valid


def test_a_wrong_sheet_dimension_does_not_cut_rows_off():
    data = xlsx([HEADER] + [row(content=f"{GOOD} {i}") for i in range(5)])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    files[sheet] = re.sub(rb'<dimension ref="[^"]+"/>', b'<dimension ref="A1:B2"/>', files[sheet])
    result = parse_workbook(_zip(files), today=TODAY)
    assert len(result.rows) == 5 and result.all_valid
    assert result.rows[0].values["content"] == f"{GOOD} 0"


def test_twenty_thousand_rows_parse_with_steady_progress_reports():
    rows = [HEADER] + [
        [
            i + 1,
            f"Nguyễn Văn {i}",
            f"09{i:08d}",
            f"Thôn {i % 50}, xã Cao Minh",
            None,
            f"Đề nghị sửa chữa đường liên thôn số {i}, mặt đường xuống cấp, đi lại khó khăn.",
            "Phiếu ý kiến",
            date(2026, 5, 1 + i % 28),
            None,
        ]
        for i in range(20000)
    ]
    data = xlsx(rows, write_only=True)
    reports = []
    # Speed is measured by `make bench`, not here: a shared CI machine would make a time limit flaky.
    result = parse_workbook(data, today=TODAY, progress=lambda done, total: reports.append((done, total)))
    assert len(result.valid_rows) == 20000 and result.all_valid
    assert reports[-1][0] == 20000
    assert [done for done, _ in reports] == sorted(done for done, _ in reports)
    assert len(reports) >= 20
