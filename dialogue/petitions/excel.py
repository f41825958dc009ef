"""Excel lists of petitions sent by MTTQ, mass organisations, villages and agencies.

`build_template()` gives the downloadable .xlsx (Vietnamese headers, a drop-down for the
channel, two example rows marked “VD”, a “Hướng dẫn” sheet). `parse_workbook()` reads a
filled file — the template or a list made by hand with reasonable column names, a title
above the header — and checks every row, with Vietnamese messages naming the row and the
column. It writes nothing: the caller shows the preview, then imports either a file
without errors or only its valid rows, and skips rows whose `fingerprint` it already has.

Pure Python (openpyxl); no database, no Django models.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.utils.text import format_lazy
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation

from dialogue.lib.phones import InvalidPhone, normalize_phone
from dialogue.lib.text import fold, normalize_text

log = logging.getLogger(__name__)

MAX_ROWS = 20000
MIN_CONTENT = 10
MAX_CONTENT = 5000
MAX_UNCOMPRESSED = 300 * 1024 * 1024  # a zip that inflates beyond this is refused
HEADER_SEARCH_ROWS = 10
TEMPLATE_SHEET = "Danh sách"
GUIDE_SHEET = "Hướng dẫn"
TITLE = _("LIST OF OPINIONS AND PETITIONS OF VOTERS AND THE PEOPLE")
EXAMPLE_MARK = "VD"
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
EARLIEST_DATE = date(2000, 1, 1)


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    required: bool = False
    max_length: int = 0
    width: int = 18
    guide: str = ""
    examples: tuple[str, str] = ("", "")


# Channel labels as the template shows them, with the code of petitions.models.Channel
# they correspond to. “Phiếu ý kiến” covers both paper forms of seed 000; the caller picks
# the organisation form when the row names an organisation.
CHANNELS: dict[str, str] = {
    "Phiếu ý kiến": "paper_citizen",
    "Phiếu đăng ký phát biểu": "speaker_slip",
    "Phát biểu tại hội nghị": "spoken",
    "Tổng hợp của MTTQ, đoàn thể": "mttq",
    "Họp thôn, tổ dân phố": "village_meeting",
    "Báo cáo của cơ quan": "agency_report",
    "Trực tuyến": "online",
}

COLUMNS: tuple[Column, ...] = (
    Column(
        "row_number", "STT", width=6, guide=_("Number (optional). Write “VD” on an example row."), examples=("VD", "VD")
    ),
    Column(
        "name",
        "Họ và tên",
        max_length=200,
        width=24,
        guide=_(
            "Full name of the petitioner; for a form of an agency, unit or Party member: "
            "the name of the organisation (person)."
        ),
        examples=("Nguyễn Văn An", "Chi bộ thôn Nà Đon"),
    ),
    Column(
        "phone",
        "Số điện thoại",
        max_length=20,
        width=15,
        guide=_(
            "A 10-digit mobile number (03x, 05x, 07x, 08x, 09x) or a landline with its area code; "
            "0912.345.678, +84 912 345 678 and old 11-digit numbers are accepted too."
        ),
        examples=("0912 345 678", ""),
    ),
    Column(
        "address",
        "Địa chỉ",
        max_length=300,
        width=28,
        guide=_("Contact address: village or residential group, commune or ward."),
        examples=("Thôn Nà Đon, xã Cao Minh", "Thôn Nà Đon, xã Cao Minh"),
    ),
    Column(
        "position",
        "Chức vụ, đơn vị công tác",
        max_length=300,
        width=24,
        guide=_("For a form of an agency, unit or Party member."),
        examples=("", "Bí thư chi bộ"),
    ),
    Column(
        "content",
        "Nội dung ý kiến, kiến nghị",
        required=True,
        max_length=MAX_CONTENT,
        width=60,
        guide=format_lazy(
            _(
                "Required, from {minimum} to {maximum} characters. One opinion per row; "
                "a cell may hold several lines (Alt+Enter)."
            ),
            minimum=MIN_CONTENT,
            maximum="5.000",
        ),
        examples=(
            "Đường liên thôn Nà Đon xuống cấp nghiêm trọng, đề nghị sớm sửa chữa.",
            "Đề nghị đẩy nhanh việc cấp giấy chứng nhận quyền sử dụng đất cho các hộ dân thôn Nà Đon.",
        ),
    ),
    Column(
        "channel",
        "Kênh tiếp nhận",
        width=26,
        guide=format_lazy(_("Choose from the list: {choices}. Leave empty if unknown."), choices="; ".join(CHANNELS)),
        examples=("Phiếu ý kiến", "Họp thôn, tổ dân phố"),
    ),
    Column(
        "received_on",
        "Ngày tiếp nhận",
        width=14,
        guide=_("The day the opinion was received, as dd/mm/yyyy (for example 15/05/2026); not after today."),
        examples=("15/05/2026", "16/05/2026"),
    ),
    Column("note", "Ghi chú", max_length=2000, width=20, guide=_("Any other note (optional).")),
)
COLUMN_BY_KEY = {c.key: c for c in COLUMNS}

# Header variants accepted, on folded text without punctuation (see `header_key`).
HEADER_ALIASES: dict[str, str] = {
    **dict.fromkeys(("stt", "tt", "so tt", "so thu tu"), "row_number"),
    **dict.fromkeys(
        (
            "ho va ten",
            "ho ten",
            "ten",
            "nguoi kien nghi",
            "ho va ten nguoi kien nghi",
            "ho ten nguoi kien nghi",
            "nguoi gui",
            "ten to chuc ca nhan",
            "to chuc ca nhan",
            "ten to chuc",
            "ten co quan don vi",
            "ho va ten ten to chuc",
            "ho va ten to chuc ca nhan",
        ),
        "name",
    ),
    **dict.fromkeys(
        ("so dien thoai", "sdt", "so dt", "dien thoai", "dt", "dtdd", "di dong", "so dien thoai lien he"), "phone"
    ),
    **dict.fromkeys(
        ("dia chi", "dia chi lien he", "noi o", "cho o", "noi cu tru", "dia chi cu tru", "dia chi thuong tru"),
        "address",
    ),
    **dict.fromkeys(
        ("chuc vu don vi cong tac", "chuc vu", "don vi cong tac", "chuc vu don vi", "co quan don vi"), "position"
    ),
    **dict.fromkeys(
        (
            "noi dung y kien kien nghi",
            "noi dung",
            "noi dung kien nghi",
            "noi dung y kien",
            "y kien",
            "y kien kien nghi",
            "kien nghi",
            "noi dung y kien de xuat kien nghi",
            "noi dung y kien kien nghi de xuat",
            "noi dung kien nghi de xuat",
            "noi dung phan anh kien nghi",
            "y kien de xuat kien nghi",
            "y kien kien nghi de xuat",
        ),
        "content",
    ),
    **dict.fromkeys(
        ("kenh tiep nhan", "kenh", "hinh thuc tiep nhan", "hinh thuc", "nguon", "nguon tiep nhan"), "channel"
    ),
    **dict.fromkeys(
        ("ngay tiep nhan", "ngay", "ngay nhan", "ngay kien nghi", "thoi gian tiep nhan", "ngay thang"), "received_on"
    ),
    "ghi chu": "note",
}

# When no alias matches exactly: the first rule whose words the header contains.
_HEADER_RULES: tuple[tuple[str, str], ...] = (
    ("ghi chu", "note"),
    ("dien thoai", "phone"),
    ("sdt", "phone"),
    ("dia chi", "address"),
    ("chuc vu", "position"),
    ("kenh", "channel"),
    ("hinh thuc tiep nhan", "channel"),
    ("ngay", "received_on"),
    ("ho va ten", "name"),
    ("ho ten", "name"),
    ("ten to chuc", "name"),
    ("nguoi kien nghi", "name"),
    ("noi dung", "content"),
    ("kien nghi", "content"),
    ("y kien", "content"),
)
# A title above the header (“DANH SÁCH Ý KIẾN, KIẾN NGHỊ …”) is not a header cell.
_TITLE_WORDS = ("danh sach", "tong hop", "bao cao", "bieu mau", "mau so")


def _header_words(text: str) -> str:
    """Folded words without punctuation: “Số ĐT (*)” -> “so dt”."""
    folded = fold(text).replace("*", " ")
    return re.sub(r"[^0-9a-z]+", " ", folded).strip()


_CHANNEL_ALIASES: dict[str, str] = {
    **{_header_words(label): label for label in CHANNELS},
    **{code: label for label, code in CHANNELS.items()},
    "paper_organisation": "Phiếu ý kiến",
    "village": "Họp thôn, tổ dân phố",
    "phieu": "Phiếu ý kiến",
    "phieu gop y": "Phiếu ý kiến",
    "phieu y kien de xuat kien nghi": "Phiếu ý kiến",
    "dang ky phat bieu": "Phiếu đăng ký phát biểu",
    "phieu dang ky": "Phiếu đăng ký phát biểu",
    "phat bieu": "Phát biểu tại hội nghị",
    "phat bieu truc tiep": "Phát biểu tại hội nghị",
    "tai hoi nghi": "Phát biểu tại hội nghị",
    "mttq": "Tổng hợp của MTTQ, đoàn thể",
    "mat tran": "Tổng hợp của MTTQ, đoàn thể",
    "mat tran to quoc": "Tổng hợp của MTTQ, đoàn thể",
    "doan the": "Tổng hợp của MTTQ, đoàn thể",
    "hop thon": "Họp thôn, tổ dân phố",
    "hop to dan pho": "Họp thôn, tổ dân phố",
    "thon": "Họp thôn, tổ dân phố",
    "to dan pho": "Họp thôn, tổ dân phố",
    "bao cao": "Báo cáo của cơ quan",
    "co quan": "Báo cáo của cơ quan",
    "online": "Trực tuyến",
    "truc tuyen": "Trực tuyến",
    "cong thong tin": "Trực tuyến",
    "website": "Trực tuyến",
    "email": "Trực tuyến",
}

# ---------------------------------------------------------------- messages

# Messages use str.format placeholders; `.format` on the lazy string translates it, and the
# constants without placeholders are turned into plain text with str() where they are used.
# The Vietnamese words quoted inside (column “Nội dung ý kiến, kiến nghị”, “VD”) are the
# template's own headers and marks, which the file must contain as they are.
MSG_EMPTY_FILE = _("The file is empty: it holds no data.")
MSG_NOT_XLSX = _(
    "The file is not an Excel .xlsx file. Open it in Excel or LibreOffice and save it as “Excel "
    "Workbook (.xlsx)”, or use the template."
)
MSG_OLD_XLS = _(
    "The file is in the old Excel format (.xls). Open it in Excel, save it as “Excel Workbook "
    "(.xlsx)” and upload it again."
)
MSG_ODS = _("The file is a LibreOffice spreadsheet (.ods). Save it as “Excel 2007-365 (.xlsx)” and upload it again.")
MSG_ENCRYPTED = _(
    "The Excel file is protected by a password and cannot be read. Open it, remove the password "
    "(File → Info → Protect Workbook) and upload it again."
)
MSG_TOO_BIG = _("The file is too large once unpacked (more than 300 MB); split it into smaller files.")
MSG_DAMAGED = _("The Excel file cannot be read: it is damaged or not really .xlsx. Save the file again and upload it.")
MSG_NO_HEADER = _(
    "No header row with the column “Nội dung ý kiến, kiến nghị” was found in the first {rows} rows "
    "of the sheet. Use the template or name the columns as the template does."
)
MSG_TOO_MANY_ROWS = _(
    "The file has more than {limit} rows of data; split it into several files of at most {limit} rows each."
)
MSG_NO_ROWS = _("The file has no petition rows (besides the header and the example rows “VD”).")
MSG_CELL = _("Row {row}, column “{column}”: {message}")
MSG_REQUIRED = _("must not be empty.")
MSG_TOO_SHORT = _("too short ({length} characters); at least {minimum} characters are needed.")
MSG_TOO_LONG = _("too long ({length} characters); at most {maximum} characters.")
MSG_CHANNEL = _("“{value}” is not in the list of channels ({choices}).")
MSG_DATE = _("“{value}” is not a valid date (write it as dd/mm/yyyy, for example 15/05/2026).")
MSG_DATE_FUTURE = _("the date {value} is in the future.")
MSG_DATE_TOO_OLD = _("the date {value} is not valid (before 2000).")
MSG_DUPLICATE = _("Row {row}: the same as row {first} (same content, name and telephone number).")
MSG_UNKNOWN_COLUMN = _("The column “{header}” ({letter}) is not in the template and is ignored.")
MSG_REPEATED_COLUMN = _("The column “{header}” ({letter}) repeats column {first}; only column {first} is used.")


def _number(value: int) -> str:
    """20000 -> “20.000” (Vietnamese thousands separator)."""
    return f"{value:,}".replace(",", ".")


# ---------------------------------------------------------------- results


@dataclass
class RowResult:
    row_number: int  # the row in the Excel sheet
    values: dict[str, Any]  # row_number (the STT cell), name, phone, address, position, content, channel, …
    errors: list[str] = field(default_factory=list)
    fingerprint: str = ""

    @property
    def is_valid(self) -> bool:
        return not self.errors


@dataclass
class ParseResult:
    rows: list[RowResult] = field(default_factory=list)
    file_errors: list[str] = field(default_factory=list)  # about the whole file: nothing can be imported
    warnings: list[str] = field(default_factory=list)
    header_map: dict[str, str] = field(default_factory=dict)  # key -> the header as written in the file
    header_row: int | None = None
    sheet_name: str = ""
    file_sha256: str = ""
    blank_rows: int = 0
    example_rows: int = 0

    @property
    def ok(self) -> bool:
        """The file could be read (rows may still have errors)."""
        return not self.file_errors

    @property
    def valid_rows(self) -> list[RowResult]:
        return [r for r in self.rows if r.is_valid]

    @property
    def invalid_rows(self) -> list[RowResult]:
        return [r for r in self.rows if not r.is_valid]

    @property
    def all_valid(self) -> bool:
        """Readable, at least one row, and no row with an error: the whole file can be imported."""
        return self.ok and bool(self.rows) and not self.invalid_rows

    @property
    def summary(self) -> str:
        if self.file_errors:
            return self.file_errors[0]
        valid, invalid = len(self.valid_rows), len(self.invalid_rows)
        return gettext("{rows} petition rows: {valid} valid, {invalid} with errors.").format(
            rows=_number(len(self.rows)), valid=_number(valid), invalid=_number(invalid)
        )


# ---------------------------------------------------------------- headers


def _header_text(value: Any) -> str:
    return normalize_text(str(value)) if value is not None else ""


def header_key(text: str, *, loose: bool = True) -> str | None:
    """The canonical key for a header cell (“Họ tên” -> “name”), or None."""
    words = _header_words(text)
    if not words:
        return None
    if words in HEADER_ALIASES:
        return HEADER_ALIASES[words]
    bare = _header_words(re.sub(r"\([^)]*\)", " ", fold(text)))  # “Số điện thoại (nếu có)”
    if bare in HEADER_ALIASES:
        return HEADER_ALIASES[bare]
    if not loose or len(words) > 120 or words.startswith(_TITLE_WORDS):
        return None
    padded = f" {words} "
    for needle, key in _HEADER_RULES:
        if f" {needle} " in padded:
            return key
    return None


def _map_header(cells: tuple[Any, ...]) -> tuple[dict[int, str], dict[str, str], list[str]]:
    """Column index -> key, key -> header text, warnings; the first of repeated columns wins."""
    texts = [_header_text(v) for v in cells]
    filled = [t for t in texts if t]
    loose = len(filled) >= 2  # one lone cell is more likely a title than a header
    by_index: dict[int, str] = {}
    headers: dict[str, str] = {}
    letters: dict[str, str] = {}
    warnings: list[str] = []
    for index, text in enumerate(texts):
        if not text:
            continue
        key = header_key(text, loose=loose)
        letter = get_column_letter(index + 1)
        if key is None:
            warnings.append(MSG_UNKNOWN_COLUMN.format(header=text, letter=letter))
        elif key in headers:
            warnings.append(MSG_REPEATED_COLUMN.format(header=text, letter=letter, first=letters[key]))
        else:
            by_index[index] = key
            headers[key] = text
            letters[key] = letter
    return by_index, headers, warnings


# ---------------------------------------------------------------- cell values


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date() if value.time() == time(0) else value
    if isinstance(value, date | datetime):
        return value.strftime("%d/%m/%Y %H:%M" if isinstance(value, datetime) else "%d/%m/%Y")
    return normalize_text(str(value))


def _filled(value: Any) -> bool:
    return value is not None and (not isinstance(value, str) or bool(value.strip()))


def _multiline(value: Any) -> str:
    """Content keeps its paragraphs (Alt+Enter in a cell); each line is cleaned."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return _text(value)
    lines = [normalize_text(line) for line in value.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


_DATE_NUMERIC = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t]\d{1,2}:\d{2}(?::\d{2})?)?$")
_DATE_WORDS = re.compile(r"^(?:ngay\s*)?(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})$")
_EXCEL_EPOCH = date(1899, 12, 30)


def _date(value: Any) -> date | None:
    """A date from an Excel date, an Excel serial number or a dd/mm/yyyy string; None if unreadable."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 1 <= value < 2958466:  # Excel's 1900 date system, up to 31/12/9999
            return _EXCEL_EPOCH + timedelta(days=int(value))
        return None
    text = fold(str(value)).strip()
    for pattern, order in ((_DATE_NUMERIC, "dmy"), (_DATE_WORDS, "dmy"), (_DATE_ISO, "ymd")):
        found = pattern.match(text)
        if not found:
            continue
        parts = dict(zip(order, (int(g) for g in found.groups()[:3]), strict=True))
        year = parts["y"] + 2000 if parts["y"] < 100 else parts["y"]
        try:
            return date(year, parts["m"], parts["d"])
        except ValueError:
            return None
    return None


def _ascii_words(text: str) -> str:
    """Folded letters and digits only (“Đường  liên-thôn.” -> “duong lien thon”); a fast `fold` for hashing."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D").replace("ð", "d"))
    return " ".join(_NON_WORD.sub(" ", decomposed.encode("ascii", "ignore").decode("ascii").lower()).split())


_NON_WORD = re.compile(r"[^0-9a-z]+")


def _fingerprint(content: str, name: str, phone: str) -> str:
    """Stable over re-imports and retyping: case, diacritics, punctuation and spacing ignored."""
    joined = "\x1f".join((_ascii_words(content), _ascii_words(name), phone))
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()


def _is_example(stt: Any) -> bool:
    words = _header_words(str(stt)) if stt is not None else ""
    return words in ("vd", "vi du") or (words.startswith("vd") and words[2:].strip().isdigit())


def _check_row(row_number: int, cells: dict[str, Any], headers: dict[str, str], today: date) -> RowResult:
    values: dict[str, Any] = dict.fromkeys(COLUMN_BY_KEY, "")
    values["received_on"] = None
    errors: list[str] = []

    def fail(key: str, message: str) -> None:
        errors.append(
            MSG_CELL.format(row=row_number, column=headers.get(key, COLUMN_BY_KEY[key].header), message=message)
        )

    for key in ("row_number", "name", "address", "position", "note"):
        values[key] = _text(cells.get(key))
        limit = COLUMN_BY_KEY[key].max_length
        if limit and len(values[key]) > limit:
            fail(key, MSG_TOO_LONG.format(length=_number(len(values[key])), maximum=_number(limit)))

    raw_phone = cells.get("phone")
    if isinstance(raw_phone, float) and raw_phone.is_integer():
        raw_phone = int(raw_phone)
    try:
        values["phone"] = normalize_phone("" if raw_phone is None else str(raw_phone))
    except InvalidPhone as error:
        fail("phone", error.message[:1].lower() + error.message[1:])

    content = _multiline(cells.get("content"))
    values["content"] = content
    if not content:
        fail("content", str(MSG_REQUIRED))
    elif len(content) < MIN_CONTENT:
        fail("content", MSG_TOO_SHORT.format(length=len(content), minimum=MIN_CONTENT))
    elif len(content) > MAX_CONTENT:
        fail("content", MSG_TOO_LONG.format(length=_number(len(content)), maximum=_number(MAX_CONTENT)))

    channel = _text(cells.get("channel"))
    if channel:
        label = _CHANNEL_ALIASES.get(_header_words(channel)) or _CHANNEL_ALIASES.get(channel.strip().lower())
        if label:
            values["channel"] = label
        else:
            fail("channel", MSG_CHANNEL.format(value=channel, choices="; ".join(CHANNELS)))

    raw_date = cells.get("received_on")
    if raw_date is not None and _text(raw_date):
        received = _date(raw_date)
        if received is None:
            fail("received_on", MSG_DATE.format(value=_text(raw_date)))
        elif received > today:
            fail("received_on", MSG_DATE_FUTURE.format(value=received.strftime("%d/%m/%Y")))
        elif received < EARLIEST_DATE:
            fail("received_on", MSG_DATE_TOO_OLD.format(value=received.strftime("%d/%m/%Y")))
        else:
            values["received_on"] = received

    fingerprint = _fingerprint(content, values["name"], values["phone"]) if content else ""
    return RowResult(row_number, values, errors, fingerprint)


# ---------------------------------------------------------------- reading


def _sniff(data: bytes) -> str | None:
    """A file-level error for what is clearly not a readable .xlsx, else None."""
    if not data:
        return str(MSG_EMPTY_FILE)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":  # OLE2: legacy .xls or encrypted OOXML
        return str(MSG_ENCRYPTED) if "EncryptedPackage".encode("utf-16-le") in data else str(MSG_OLD_XLS)
    if data[:4] != b"PK\x03\x04":
        return str(MSG_NOT_XLSX)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and b"opendocument.spreadsheet" in archive.read("mimetype"):
                return str(MSG_ODS)
            if "xl/workbook.xml" not in names:
                return str(MSG_NOT_XLSX)
            if sum(info.file_size for info in archive.infolist()) > MAX_UNCOMPRESSED:
                return str(MSG_TOO_BIG)
    except Exception:  # a damaged archive fails in many ways: version, compression, encryption, CRC
        return str(MSG_DAMAGED)
    return None


def _find_header(ws) -> tuple[int, dict[int, str], dict[str, str], list[str]] | None:
    for number, cells in enumerate(ws.iter_rows(min_row=1, max_row=HEADER_SEARCH_ROWS, values_only=True), start=1):
        by_index, headers, warnings = _map_header(tuple(cells))
        if "content" in headers:
            return number, by_index, headers, warnings
    return None


def parse_workbook(
    data: bytes,
    *,
    max_rows: int = MAX_ROWS,
    progress: Callable[[int, int | None], None] | None = None,
    today: date | None = None,
) -> ParseResult:
    """Read and check every row of an uploaded .xlsx; never raises on a bad file.

    `progress(done, total)` is called every few hundred rows: `done` sheet rows read
    below the header, `total` as the file declares it (None if it does not).
    `today` (default: today in Vietnam) bounds the date received.
    """
    result = ParseResult(file_sha256=hashlib.sha256(data or b"").hexdigest())
    problem = _sniff(data)
    if problem:
        result.file_errors.append(problem)
        return result
    today = today or datetime.now(VIETNAM).date()
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:
        log.info("unreadable workbook %s", result.file_sha256, exc_info=True)
        result.file_errors.append(str(MSG_DAMAGED))
        return result
    try:
        _read(workbook, result, max_rows=max_rows, progress=progress, today=today)
    except Exception:
        log.warning("failed reading workbook %s", result.file_sha256, exc_info=True)
        result.rows = []
        result.file_errors.append(str(MSG_DAMAGED))
    finally:
        workbook.close()
    return result


def _read(workbook, result: ParseResult, *, max_rows: int, progress, today: date) -> None:
    found = None
    for ws in workbook.worksheets:
        if ws.sheet_state != "visible" or _header_words(ws.title) in ("huong dan", "danh muc"):
            continue
        declared_rows = ws.max_row if isinstance(ws.max_row, int) else None
        ws.reset_dimensions()  # a wrong <dimension> must not cut rows off
        found = _find_header(ws)
        if found:
            break
    if not found:
        result.file_errors.append(MSG_NO_HEADER.format(rows=HEADER_SEARCH_ROWS))
        return
    header_row, by_index, headers, warnings = found
    result.sheet_name, result.header_row, result.header_map = ws.title, header_row, headers
    result.warnings.extend(warnings)
    total = max(0, declared_rows - header_row) if declared_rows else None

    seen: dict[str, int] = {}
    columns = sorted(by_index.items())
    done = 0
    for done, cells in enumerate(ws.iter_rows(min_row=header_row + 1, values_only=True), start=1):
        if progress and done % 500 == 0:
            progress(done, total)
        row_number = header_row + done
        values = {key: cells[index] for index, key in columns if index < len(cells)}
        if not any(_filled(v) for k, v in values.items() if k != "row_number"):
            result.blank_rows += 1
            continue
        if _is_example(values.get("row_number")):
            result.example_rows += 1
            continue
        if len(result.rows) >= max_rows:
            result.rows = []
            result.file_errors.append(MSG_TOO_MANY_ROWS.format(limit=_number(max_rows)))
            return
        row = _check_row(row_number, values, headers, today)
        if row.fingerprint:
            first = seen.setdefault(row.fingerprint, row_number)
            if first != row_number:
                row.errors.append(MSG_DUPLICATE.format(row=row_number, first=first))
        result.rows.append(row)
    if progress:
        progress(done, total if total is not None else done)
    if not result.rows:
        result.warnings.append(str(MSG_NO_ROWS))


# ---------------------------------------------------------------- template

_THIN = Side(style="thin", color="999999")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_REQUIRED_FILL = PatternFill("solid", fgColor="FCE4D6")
_EXAMPLE_FONT = Font(name="Times New Roman", size=12, italic=True, color="808080")
_FONT = Font(name="Times New Roman", size=12)
_BOLD = Font(name="Times New Roman", size=12, bold=True)
_WRAP_TOP = Alignment(wrap_text=True, vertical="top")


def build_template(*, rows: int = MAX_ROWS) -> bytes:
    """The .xlsx to download: title, header, two example rows (STT “VD”, ignored on
    import), a drop-down for “Kênh tiếp nhận” and a “Hướng dẫn” sheet."""
    wb = Workbook()
    ws = wb.active
    ws.title = TEMPLATE_SHEET
    last = get_column_letter(len(COLUMNS))
    header_row, first_data = 3, 4

    ws.merge_cells(f"A1:{last}1")
    ws["A1"] = str(TITLE)
    ws["A1"].font = Font(name="Times New Roman", size=14, bold=True)
    ws["A1"].alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 28
    ws.merge_cells(f"A2:{last}2")
    ws["A2"] = gettext(
        "One opinion per row. The column “Nội dung ý kiến, kiến nghị” is required. Rows whose STT is “VD” "
        "are examples and are not imported. See the sheet “Hướng dẫn”."
    )
    ws["A2"].font = Font(name="Times New Roman", size=11, italic=True)
    ws["A2"].alignment = Alignment(wrap_text=True, vertical="center")
    ws.row_dimensions[2].height = 32

    for index, column in enumerate(COLUMNS, start=1):
        cell = ws.cell(row=header_row, column=index, value=column.header)
        cell.font = _BOLD
        cell.fill = _REQUIRED_FILL if column.required else _HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = _BORDER
        letter = get_column_letter(index)
        ws.column_dimensions[letter].width = column.width
        if column.key == "phone":
            ws.column_dimensions[letter].number_format = "@"  # keep the leading zero
        elif column.key == "received_on":
            ws.column_dimensions[letter].number_format = "DD/MM/YYYY"
        for offset, example in enumerate(column.examples):
            cell = ws.cell(row=first_data + offset, column=index, value=example or None)
            cell.font = _EXAMPLE_FONT
            cell.alignment = _WRAP_TOP
            cell.border = _BORDER
    ws.row_dimensions[header_row].height = 36
    ws.freeze_panes = ws.cell(row=first_data, column=1)
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True

    guide = wb.create_sheet(GUIDE_SHEET)
    channel_cells = _write_guide(guide)
    wb.defined_names["KenhTiepNhan"] = DefinedName("KenhTiepNhan", attr_text=channel_cells)
    channel_letter = get_column_letter([c.key for c in COLUMNS].index("channel") + 1)
    validation = DataValidation(
        type="list",
        formula1="KenhTiepNhan",
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="warning",
        errorTitle=COLUMN_BY_KEY["channel"].header,
        error=gettext("Choose a channel from the list."),
        promptTitle=COLUMN_BY_KEY["channel"].header,
        prompt=gettext("Choose from the list; leave empty if unknown."),
        showInputMessage=True,
    )
    validation.add(f"{channel_letter}{first_data}:{channel_letter}{first_data + rows - 1}")
    ws.add_data_validation(validation)

    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _write_guide(ws) -> str:
    """Fill the “Hướng dẫn” sheet; returns the range holding the channel labels."""
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 12
    ws.column_dimensions["C"].width = 70
    ws.column_dimensions["D"].width = 36
    ws["A1"] = gettext("HOW TO FILL IN THE LIST OF OPINIONS AND PETITIONS")
    ws["A1"].font = Font(name="Times New Roman", size=14, bold=True)
    guide_headers = (
        pgettext("excel guide", "Column"),
        pgettext("excel guide", "Required"),
        pgettext("excel guide", "How to write it"),
        pgettext("excel guide", "Example"),
    )
    for index, header in enumerate(guide_headers, start=1):
        cell = ws.cell(row=3, column=index, value=header)
        cell.font = _BOLD
        cell.fill = _HEADER_FILL
        cell.border = _BORDER
    row = 4
    for column in COLUMNS:
        example = next((e for e in column.examples if e and e != EXAMPLE_MARK), "")
        for index, value in enumerate(
            (
                column.header,
                pgettext("required", "Yes") if column.required else pgettext("required", "No"),
                str(column.guide),
                example,
            ),
            start=1,
        ):
            cell = ws.cell(row=row, column=index, value=value)
            cell.font = _FONT
            cell.alignment = _WRAP_TOP
            cell.border = _BORDER
        row += 1
    notes = (
        gettext("Keep the header row; a title row may be added above it, and columns may be reordered or left out."),
        gettext(
            "Other column names close to these are accepted too (for example"
            " “Họ tên”, “SĐT”, “Nội dung kiến nghị”, “Ngày nhận”)."
        ),
        gettext("Rows whose STT is “VD” are examples and are skipped; empty rows are skipped."),
        gettext("An .xlsx file of at most {rows} petition rows.").format(rows=_number(MAX_ROWS)),
        gettext(
            "Uploading the same file again adds no duplicate: rows already imported"
            " (same content, name and telephone number) are skipped."
        ),
        gettext(
            "Names, telephone numbers and addresses are personal data:"
            " write them only when needed to answer the petitioner."
        ),
    )
    row += 1
    ws.cell(row=row, column=1, value=pgettext("excel guide", "Notes")).font = _BOLD
    for note in notes:
        row += 1
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
        cell = ws.cell(row=row, column=1, value=f"- {note}")
        cell.font = _FONT
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    row += 2
    ws.cell(row=row, column=1, value=gettext("List of channels")).font = _BOLD
    first = row + 1
    for label in CHANNELS:
        row += 1
        ws.cell(row=row, column=2, value=label).font = _FONT
    return f"'{GUIDE_SHEET}'!$B${first}:$B${row}"
