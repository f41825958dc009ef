"""Properties that must hold for any input, checked with hypothesis: Vietnamese text
folding, telephone numbers, address matching, working-day arithmetic and the Excel
import's check. Each test says the rule; hypothesis looks for the input that breaks it.

Example counts are kept small enough for the file to run in well under a minute on
SQLite; the fuzz run (tests/test_fuzz.py) throws thousands more at the same code. No test
has a deadline: a busy CI machine must not fail a property because it was slow."""

from __future__ import annotations

import io
import re
import string
import unicodedata
from datetime import date, datetime, time, timedelta

import pytest
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from dialogue.core.errors import ServiceError
from dialogue.lib.phones import (
    MSG_CHARACTERS,
    MSG_FOREIGN,
    MSG_LANDLINE,
    MSG_MOBILE,
    MSG_SEVERAL,
    OLD_MOBILE_PREFIXES,
    InvalidPhone,
    format_phone,
    normalize_phone,
)
from dialogue.lib.text import fold, normalize_text
from dialogue.lib.workdays import MAX_WORKING_DAYS, WorkingCalendar, statutory_holidays
from dialogue.petitions import excel, imports
from dialogue.petitions.models import Channel, ImportBatch, ImportStatus, Petition
from dialogue.petitions.services import match_address

# Letters of the Vietnamese alphabet with every tone, upper and lower case.
_BASES = "aăâeêioôơuưy"
_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
VIETNAMESE_VOWELS = "".join(unicodedata.normalize("NFC", base + tone) for base in _BASES for tone in _TONES)
VIETNAMESE_LETTERS = VIETNAMESE_VOWELS + VIETNAMESE_VOWELS.upper() + "bcdđghklmnpqrstvxfjwzBCDĐGHKLMNPQRSTVXFJWZ"
vietnamese_text = st.text(alphabet=VIETNAMESE_LETTERS + string.digits + " \t\n,.;:-()/?!\"'", max_size=200)
# What people paste: any Unicode at all, including control characters and marks.
any_text = st.text(max_size=300)

CANONICAL_PHONE = re.compile(r"^(0[35789]\d{8}|02\d{9})?$")


def vi(message) -> str:
    with translation.override("vi"):
        return str(message)


def template_pattern(message, *, lower_first: bool = False) -> re.Pattern:
    """A str.format message in Vietnamese as a regex: fixed text exact, {fields} anything."""
    text = vi(message)
    if lower_first:
        text = text[:1].lower() + text[1:]
    parts = re.split(r"\{[a-z_]+\}", text)
    return re.compile("^" + "(.*)".join(re.escape(p) for p in parts) + "$", re.DOTALL)


# ---------------------------------------------------------------- text


@settings(deadline=None)
@given(any_text)
def test_normalising_text_twice_changes_nothing_and_leaves_no_outer_or_double_space(value):
    once = normalize_text(value)
    assert normalize_text(once) == once
    assert once == once.strip()
    assert not re.search(r"\s\s", once)
    assert unicodedata.is_normalized("NFC", once)
    assert len(once) <= len(unicodedata.normalize("NFC", value))


@settings(deadline=None)
@given(any_text)
def test_folding_twice_changes_nothing(value):
    assert fold(fold(value)) == fold(value)


@settings(deadline=None)
@given(any_text)
def test_composed_and_decomposed_input_fold_alike(value):
    assert fold(unicodedata.normalize("NFC", value)) == fold(unicodedata.normalize("NFD", value))


@settings(deadline=None)
@given(any_text)
def test_folded_text_has_no_combining_mark_no_capital_and_is_not_longer_than_its_decomposition(value):
    folded = fold(value)
    assert not any(unicodedata.combining(ch) for ch in folded)
    assert folded == folded.lower()
    assert "đ" not in folded and "Đ" not in folded
    assert len(folded) <= len(unicodedata.normalize("NFD", value))


@settings(deadline=None)
@given(vietnamese_text)
def test_vietnamese_text_folds_to_lower_case_ascii_of_the_same_letters(value):
    folded = fold(value)
    assert folded.isascii()
    assert folded == folded.lower()
    # One letter for one letter: tones and marks go, nothing else does.
    assert len(folded) == len(" ".join(value.lower().split()))
    assert fold(value.upper()) == folded
    assert fold(value.replace("đ", "d").replace("Đ", "D")) == folded


def test_every_vietnamese_vowel_folds_to_its_bare_letter():
    for ch in VIETNAMESE_VOWELS + VIETNAMESE_VOWELS.upper():
        assert fold(ch) in "aeiouy", ch
    assert fold("Đường Nà Đon") == "duong na don"


def test_folding_keeps_non_latin_scripts_it_cannot_spell_in_ascii():
    # Folding is for search: text in another script stays searchable as it is.
    assert fold("北京 Ünïcødé") == "北京 unicøde"


# ---------------------------------------------------------------- telephone numbers

MOBILE_PREFIX = st.sampled_from(["03", "05", "07", "08", "09"])
EIGHT_DIGITS = st.text(alphabet=string.digits, min_size=8, max_size=8)
NINE_DIGITS = st.text(alphabet=string.digits, min_size=9, max_size=9)
SEPARATOR = st.sampled_from(["", " ", ".", "-", "\u00a0", "  "])
OLD_BY_NEW = {new: old for old, new in OLD_MOBILE_PREFIXES.items()}


def _grouped(digits: str, sizes: tuple[int, ...], sep: str) -> str:
    parts, start = [], 0
    for size in sizes:
        parts.append(digits[start : start + size])
        start += size
    if start < len(digits):
        parts.append(digits[start:])
    return sep.join(p for p in parts if p)


@st.composite
def written_mobile(draw) -> tuple[str, str]:
    """(how a person writes a mobile number, its national form)."""
    national = draw(MOBILE_PREFIX) + draw(EIGHT_DIGITS)
    sep = draw(SEPARATOR)
    rest = national[1:]
    style = draw(st.sampled_from(["national", "plus84", "84", "0084", "plus84zero", "bracket84", "nozero", "label"]))
    body = {
        "national": _grouped(national, draw(st.sampled_from([(4, 3, 3), (3, 3, 4), (10,), (2, 4, 4)])), sep),
        "plus84": "+84" + sep + _grouped(rest, (3, 3, 3), sep),
        "84": "84" + _grouped(rest, (3, 3, 3), sep),
        "0084": "0084" + sep + _grouped(rest, (3, 3, 3), sep),
        "plus84zero": "+84 (0) " + _grouped(rest, (3, 3, 3), " "),
        "bracket84": "(+84) " + _grouped(rest, (3, 3, 3), sep),
        "nozero": rest,
        "label": draw(st.sampled_from(["SĐT: ", "ĐT ", "Tel. ", "Điện thoại: ", "sdt "])) + national,
    }[style]
    if draw(st.booleans()):
        body = unicodedata.normalize("NFKC", body).translate({ord(d): 0xFF10 + int(d) for d in string.digits})
    if draw(st.booleans()):
        body = f"  {body} "
    return body, national


@st.composite
def written_landline(draw) -> tuple[str, str]:
    national = "02" + draw(NINE_DIGITS)
    sep = draw(SEPARATOR)
    area = 3 if national[:3] in ("024", "028") else 4
    style = draw(st.sampled_from(["national", "bracket", "plus84", "nozero"]))
    body = {
        "national": national[:area] + sep + _grouped(national[area:], (4, 4), sep),
        "bracket": f"({national[:area]}) " + _grouped(national[area:], (4, 4), " "),
        "plus84": "+84 " + national[1:area] + " " + national[area:],
        "nozero": national[1:],
    }[style]
    return body, national


@settings(deadline=None)
@given(written_mobile())
def test_a_vietnamese_mobile_number_written_any_usual_way_comes_back_in_its_national_form(case):
    written, national = case
    assert normalize_phone(written) == national
    assert normalize_phone(format_phone(written)) == national
    assert normalize_phone(national) == national


@settings(deadline=None)
@given(written_landline())
def test_a_landline_written_any_usual_way_comes_back_in_its_national_form(case):
    written, national = case
    assert normalize_phone(written) == national
    assert normalize_phone(format_phone(national)) == national


@settings(deadline=None)
@given(st.sampled_from(sorted(OLD_BY_NEW)), st.text(alphabet=string.digits, min_size=7, max_size=7))
def test_an_old_eleven_digit_mobile_number_becomes_its_new_ten_digit_number(new_prefix, rest):
    old = OLD_BY_NEW[new_prefix] + rest
    assert normalize_phone(old) == new_prefix + rest
    assert normalize_phone(f"{old[:4]} {old[4:7]} {old[7:]}") == new_prefix + rest


PHONE_TEMPLATES = (MSG_MOBILE, MSG_LANDLINE, MSG_CHARACTERS, MSG_FOREIGN, MSG_SEVERAL)
PHONE_MESSAGES = [template_pattern(m) for m in PHONE_TEMPLATES]


@settings(deadline=None)
@given(st.one_of(any_text, st.text(alphabet=string.digits + " +().-/;", max_size=30)))
def test_anything_else_is_a_national_number_or_a_vietnamese_refusal_never_another_error(value):
    try:
        result = normalize_phone(value)
    except InvalidPhone as refused:
        message = vi(refused)
        assert any(p.match(message) for p in PHONE_MESSAGES), message
        assert message.startswith("Số điện thoại “")
        return
    assert CANONICAL_PHONE.match(result), (value, result)
    # What was accepted is stable: normalising the national form gives it back.
    assert normalize_phone(result) == result


# ---------------------------------------------------------------- addresses


@pytest.mark.django_db
@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(junk=st.lists(any_text, min_size=0, max_size=3), area_name=st.sampled_from(["province", "commune", "other"]))
def test_matching_any_address_never_fails_and_finds_a_unit_inside_the_area_or_none(tree, junk, area_name):
    area = {"province": tree.province, "commune": tree.commune, "other": tree.other_province}[area_name]
    found = match_address(" ".join(junk), area)
    assert found is None or found.path.startswith(area.path)


@pytest.mark.django_db
@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(
    before=st.text(alphabet=VIETNAMESE_LETTERS + " ", max_size=30),
    after=st.text(alphabet=VIETNAMESE_LETTERS + " ", max_size=30),
    spelling=st.sampled_from(["thôn Nà Đon", "THÔN NÀ ĐON", "thon Na Don", "Nà Đon", "na don"]),
    form=st.sampled_from(["NFC", "NFD"]),
)
def test_a_village_named_anywhere_in_an_address_is_found_however_it_is_spelt(tree, before, after, spelling, form):
    address = unicodedata.normalize(form, f"{before}, {spelling}, {after}")
    # The province and the commune both find the village; the other province never does.
    assert match_address(address, tree.province) == tree.village
    assert match_address(address, tree.commune) == tree.village
    found = match_address(address, tree.other_province)
    assert found is None or found.path.startswith(tree.other_province.path)


# ---------------------------------------------------------------- working days

days = st.dates(min_value=date(2001, 1, 1), max_value=date(2039, 12, 31))
counts = st.integers(min_value=-400, max_value=400)


@st.composite
def calendars(draw) -> WorkingCalendar:
    """Holidays plus any swaps an administrator might record."""
    swaps = st.lists(days, max_size=6)
    return WorkingCalendar.from_exceptions(days_off=draw(swaps), working_days=draw(swaps))


def _is_day_off_by_law(calendar: WorkingCalendar, day: date) -> bool:
    return day.weekday() >= 5 or day in statutory_holidays(day.year) or day in calendar.days_off


@settings(max_examples=150, deadline=None)
@given(calendars(), days, counts)
def test_adding_n_working_days_then_counting_back_gives_n(calendar, start, n):
    end = calendar.add(start, n)
    working = calendar.is_working_day(start)
    if n > 0:
        assert calendar.between(start, end) == n
    elif n < 0:
        # Counting back from a day off, the day off itself is not one of the days counted.
        assert calendar.between(start, end) == (n if working else n + 1)
    else:
        assert end == start if working else end > start
        assert calendar.between(start, end) == (0 if working else 1)
    # Counting back lands on the start itself, or on the nearest working day before it
    # (after it, counting backwards) when the start was a day off.
    if n:
        back = calendar.add(end, -n)
        assert back == (start if working else calendar.add(start, -1 if n > 0 else 1))


@settings(max_examples=150, deadline=None)
@given(calendars(), days, counts)
def test_a_deadline_never_falls_on_a_weekend_or_holiday_unless_a_swap_makes_it_a_working_day(calendar, start, n):
    end = calendar.add(start, n)
    assert calendar.is_working_day(end)
    if end not in calendar.working_days:
        assert not _is_day_off_by_law(calendar, end)


@settings(max_examples=150, deadline=None)
@given(calendars(), days, st.integers(min_value=0, max_value=300), st.integers(min_value=1, max_value=60))
def test_more_working_days_or_a_later_start_never_give_an_earlier_deadline(calendar, start, n, more):
    if n == 0:  # from a day off, 0 and 1 working days are both the next working day
        assert calendar.add(start, 0) <= calendar.add(start, more)
    else:
        assert calendar.add(start, n) < calendar.add(start, n + more)
    assert calendar.add(start, n) <= calendar.add(start + timedelta(days=more), n)
    assert calendar.add(start, -n) >= calendar.add(start, -n - more)


offsets = st.integers(min_value=-1500, max_value=1500)


@settings(max_examples=150, deadline=None)
@given(calendars(), days, offsets, offsets)
def test_counting_working_days_is_antisymmetric_and_adds_up(calendar, a, to_b, to_c):
    b, c = a + timedelta(days=to_b), a + timedelta(days=to_b + to_c)
    assert calendar.between(a, b) == -calendar.between(b, a)
    assert calendar.between(a, b) + calendar.between(b, c) == calendar.between(a, c)


def test_a_count_beyond_a_decade_is_refused_with_the_documented_error():
    with pytest.raises(ValueError, match="out of range"):
        WorkingCalendar().add(date(2026, 1, 1), MAX_WORKING_DAYS + 1)


# ---------------------------------------------------------------- the Excel import's check

TODAY = date(2026, 6, 1)
HEADER = [c.header for c in excel.COLUMNS]
# Strings openpyxl may write (XML 1.0 forbids most control characters).
_XML_SAFE = st.characters(
    blacklist_categories=("Cs",), blacklist_characters="".join(map(chr, range(32))) + "\ufffe\uffff"
)
cell_text = st.one_of(
    st.text(alphabet=_XML_SAFE, max_size=60),
    st.text(alphabet=VIETNAMESE_LETTERS + " \n", min_size=5, max_size=120),
    st.sampled_from(["=cmd|' /C calc'!A0", '=HYPERLINK("http://x")', "+1+1", "@SUM(A1)", "-2+3", "VD", "vd 2"]),
    st.sampled_from([*excel.CHANNELS, "mttq", "Fax", "thư điện tử", ""]),
    st.sampled_from(["15/05/2026", "31/02/2026", "2026-05-15", "ngày 1 tháng 5 năm 2026", "1/1/1999", "12/12/2030"]),
    st.text(alphabet=string.digits + " .+()-", max_size=16),
)
cell_value = st.one_of(
    st.none(),
    cell_text,
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=False, allow_infinity=False, width=64),
    st.booleans(),
    st.dates(min_value=date(1900, 3, 1), max_value=date(2100, 1, 1)),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(2100, 1, 1)),
)
rows_strategy = st.lists(st.lists(cell_value, min_size=0, max_size=len(HEADER) + 2), min_size=0, max_size=12)

ROW_MESSAGES = [
    template_pattern(m)
    for m in (
        excel.MSG_REQUIRED,
        excel.MSG_TOO_SHORT,
        excel.MSG_TOO_LONG,
        excel.MSG_CHANNEL,
        excel.MSG_DATE,
        excel.MSG_DATE_FUTURE,
        excel.MSG_DATE_TOO_OLD,
    )
] + [
    template_pattern(m, lower_first=True) for m in (MSG_MOBILE, MSG_LANDLINE, MSG_CHARACTERS, MSG_FOREIGN, MSG_SEVERAL)
]
CELL_PREFIX = template_pattern(excel.MSG_CELL)
DUPLICATE = template_pattern(excel.MSG_DUPLICATE)
WARNINGS = [template_pattern(m) for m in (excel.MSG_UNKNOWN_COLUMN, excel.MSG_REPEATED_COLUMN, excel.MSG_NO_ROWS)]


def workbook(rows, header=HEADER) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def assert_vietnamese_row_error(row_number: int, message: str) -> None:
    """“Dòng N, cột “…”: <one of the checks' messages>” or “Dòng N: the same as row M”."""
    cell = CELL_PREFIX.match(message)
    if cell:
        row, _column, reason = cell.groups()
        assert row == str(row_number)
        assert any(p.match(reason) for p in ROW_MESSAGES), reason
        return
    duplicate = DUPLICATE.match(message)
    assert duplicate, message
    assert duplicate.group(1) == str(row_number)


@settings(max_examples=120, deadline=None)
@given(rows_strategy)
def test_any_cell_values_give_a_row_by_row_report_in_vietnamese_never_an_exception(rows):
    with translation.override("vi"):
        result = excel.parse_workbook(workbook(rows), today=TODAY)
    assert not result.file_errors, result.file_errors
    assert all(any(p.match(w) for p in WARNINGS) for w in result.warnings), result.warnings
    for row in result.rows:
        assert 2 <= row.row_number <= len(rows) + 1
        for message in row.errors:
            assert_vietnamese_row_error(row.row_number, message)
        if row.is_valid:
            content = row.values["content"]
            assert excel.MIN_CONTENT <= len(content) <= excel.MAX_CONTENT
            assert CANONICAL_PHONE.match(row.values["phone"])
            assert row.values["received_on"] is None or date(2000, 1, 1) <= row.values["received_on"] <= TODAY
            assert row.fingerprint
    # Every row with an error is in the report, before the valid ones.
    report = imports.report_of(result)
    reported = [r["row"] for r in report["rows"]]
    invalid = [r.row_number for r in result.invalid_rows]
    assert reported[: len(invalid)] == invalid


@settings(max_examples=80, deadline=None)
@given(st.lists(cell_value, min_size=1, max_size=12), st.permutations(range(len(HEADER))))
def test_columns_in_any_order_with_any_values_are_read_under_their_own_header(values, order):
    header = [HEADER[i] for i in order]
    content_at = header.index("Nội dung ý kiến, kiến nghị")
    row = list(values[: len(header)]) + [None] * (len(header) - len(values))
    row[header.index("STT")] = None  # “VD” there would make it an example row
    row[content_at] = "Đề nghị sửa chữa đường liên thôn Nà Đon bị sạt lở."
    with translation.override("vi"):
        result = excel.parse_workbook(workbook([row], header=header), today=TODAY)
    assert not result.file_errors
    assert len(result.rows) == 1
    assert result.rows[0].values["content"] == "Đề nghị sửa chữa đường liên thôn Nà Đon bị sạt lở."


GOOD_ROW = ["", "Nguyễn Văn An", "0912 345 678", "thôn Nà Đon", None, "Đề nghị sửa chữa đường liên thôn {n}.", "", ""]
BAD_CELLS = [
    (5, "ngắn"),  # content too short
    (5, None),  # content missing
    (2, "0123 456"),  # not a telephone number
    (6, "Fax"),  # unknown channel
    (7, "31/02/2026"),  # no such date
    (7, "15/05/2099"),  # in the future
]


@pytest.mark.django_db
@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(
    good=st.integers(min_value=0, max_value=8),
    bad=st.lists(st.sampled_from(BAD_CELLS), min_size=1, max_size=3),
    data=st.data(),
)
def test_a_file_with_any_invalid_row_imports_nothing(cast, good, bad, data):
    rows = [[*GOOD_ROW[:5], GOOD_ROW[5].format(n=n), *GOOD_ROW[6:]] for n in range(good)]
    for column, value in bad:
        broken = [*GOOD_ROW[:5], GOOD_ROW[5].format(n=f"lỗi {len(rows)}"), *GOOD_ROW[6:]]
        broken[column] = value
        rows.insert(data.draw(st.integers(min_value=0, max_value=len(rows))), broken)
    before = Petition.objects.count()
    batch = imports.import_upload(
        actor=cast.province_officer,
        data=workbook(rows),
        file_name="danh-sach.xlsx",
        receiving_unit=cast.tree.tinh_uy,
        conference=None,
        default_channel=Channel.MTTQ,
    )
    batch.refresh_from_db()
    assert batch.status == ImportStatus.CHECKED
    assert batch.rows_invalid >= 1
    with pytest.raises(ServiceError) as refused:
        imports.import_start(actor=cast.province_officer, batch=batch, only_valid=False)
    assert vi(refused.value.message) == vi(imports.MSG_ROWS_INVALID) % {"count": batch.rows_invalid}
    # Even a worker told to run it whole (a stale page, a forged request) writes nothing.
    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportStatus.QUEUED, only_valid=False)
    imports.import_run(batch_id=batch.pk)
    batch.refresh_from_db()
    assert batch.status == ImportStatus.FAILED
    assert vi(batch.error) == vi(imports.MSG_ROWS_INVALID) % {"count": batch.rows_invalid}
    assert Petition.objects.count() == before
    # Cancelled so that the same file uploaded again in the next example is a new import.
    imports.import_cancel(actor=cast.province_officer, batch=batch)


def test_a_cell_value_of_every_python_type_openpyxl_reads_is_turned_into_text():
    for value in (None, True, 0.5, 3.0, -7, date(2026, 5, 15), datetime(2026, 5, 15, 8, 30), time(8, 30), "  a  b "):
        assert isinstance(excel._text(value), str)
