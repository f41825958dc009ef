"""Masking personal data in text that will be published (Law 91/2025/QH15 on personal
data protection; Decree 356/2025/NĐ-CP): citizens' names become initials, telephone
numbers, e-mail addresses and house or street addresses are removed; officials'
positions stay.

Pure functions, no database: the conclusion notice's publication uses them now and the
public portal will reuse them.

    >>> initials("Nguyễn Văn An")
    'N.V.A.'
    >>> mask_text("Ông Nguyễn Văn An (SĐT 0912 345 678) ở số 12 đường Lê Lợi, thôn Phong Lâm")
    'Ông N.V.A. ở thôn Phong Lâm'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Where something was removed, until `_tidy` closes the gap.
_GAP = "\x00"

# -------------------------------------------------------------------- helpers

_UPPER = "A-ZÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸĐ"
_LOWER = "a-zàáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ"
# One word of a Vietnamese name: a capital then lower-case letters (“Nguyễn”, “Thị”, “An”).
_NAME_WORD = rf"[{_UPPER}][{_LOWER}]*"


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text or "")


def _fold(text: str) -> str:
    """Lower case without accents, đ → d, for matching names typed with or without them."""
    decomposed = unicodedata.normalize("NFD", _nfc(text).replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def initials(name: str) -> str:
    """“Nguyễn Văn An” → “N.V.A.”; “Đỗ Thị Hoa” → “Đ.T.H.”; an empty name stays empty."""
    words = [w for w in re.split(r"[\s\-]+", _nfc(name).strip()) if w]
    letters = [w[0].upper() for w in words if w[0].isalpha()]
    return "".join(f"{letter}." for letter in letters)


def _tidy(text: str) -> str:
    """Close the gaps left by removed pieces: doubled spaces, empty brackets, “, ,”."""
    # A gap at the end of a sentence or line takes the comma before it along.
    text = re.sub(r"[ \t]*[,;]?[ \t]*\x00[ \t]*(?=[.\n]|$)", "", text)
    text = re.sub(r"[ \t]*\x00(?:[ \t]*[,;])?[ \t]*", " ", text)
    text = re.sub(r"\(\s*[,;:.\-–]*\s*\)", "", text)
    text = re.sub(r"\[\s*\]", "", text)
    text = re.sub(r"[ \t]{2,}", " ", text)
    text = re.sub(r"\s+([,;.:)])", r"\1", text)
    text = re.sub(r"([,;:])(\s*[,;:])+", r"\1", text)
    text = re.sub(r"\(\s+", "(", text)
    text = re.sub(r"(^|\n)[ \t]*[,;:][ \t]*", r"\1", text)
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r":\s*([,;.])", r"\1", text)
    text = re.sub(r"[,;]+([.])", r"\1", text)
    return text.strip()


# -------------------------------------------------------------------- phones

# A label people write before a number; removed with it.
_PHONE_LABEL = (
    r"(?:số\s+điện\s+thoại|so\s+dien\s+thoai|điện\s+thoại|dien\s+thoai|đtdđ|dtdd|sđt|sdt|đt|dt|dđ|tel|mobile|zalo|số)"
)
# +84 / 84 / (+84) / 0, then 8–10 more digits separated by spaces, dots or dashes; the
# digits are counted afterwards so a sum of money or a date is never taken for a phone.
_PHONE_CORE = r"(?:\(?\+?84\)?|\(?0)(?:\)?[\s.\-]?\d){8,10}"
_PHONE = re.compile(rf"(?:(?i:{_PHONE_LABEL})\s*[:.]?\s*)?(?<![\d/.,+\w])({_PHONE_CORE})(?![\d/]|[.,]\d)")


def _is_phone(candidate: str) -> bool:
    digits = re.sub(r"\D", "", candidate)
    if candidate.lstrip("( ").startswith("+84") or (
        digits.startswith("84") and not candidate.lstrip("(").startswith("0")
    ):
        national = "0" + digits[2:]
    else:
        national = digits
    if len(national) == 10 and national[:2] in ("03", "05", "07", "08", "09"):
        return True
    if len(national) == 11 and national.startswith("02"):
        return True
    # Old 11-digit mobile numbers (before the 2018 renumbering): 01xx.
    return len(national) == 11 and national.startswith("01")


def mask_phones(text: str) -> str:
    """Remove Vietnamese telephone numbers (mobile and landline, any usual spelling) and
    the “SĐT:”/“ĐT:” label written before them."""

    def replace(match: re.Match) -> str:
        return _GAP if _is_phone(match.group(1)) else match.group(0)

    return _tidy(_PHONE.sub(replace, _nfc(text)))


# -------------------------------------------------------------------- e-mail addresses

_EMAIL = re.compile(
    r"(?:(?i:e-?mail|thư\s+điện\s+tử|thu\s+dien\s+tu|gmail)\s*:?\s*)?"
    r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+(?![\w-])"
)


def mask_emails(text: str) -> str:
    """Remove e-mail addresses and the “email:” label written before them."""
    return _tidy(_EMAIL.sub(_GAP, _nfc(text)))


# -------------------------------------------------------------------- addresses

_STREET_KIND = r"(?<!dân\s)(?<!dan\s)(?<!khu\s)(?i:đường|duong|phố|pho|ngõ|ngo|ngách|ngach|hẻm|hem|kiệt|kiet)"
_HOUSE_NUMBER = r"\d+[A-Za-z]?(?:[/\-]\d+[A-Za-z]?)*"
# A street name: capitalised words or a number (“Lê Lợi”, “Trần Hưng Đạo”, “3/2”, “Số 5”).
_STREET_NAME = rf"(?:{_NAME_WORD}|\d+(?:/\d+)?)(?:\s+(?:{_NAME_WORD}|\d+))*"
# A street name typed in lower case (“so 12 duong le loi”): up to three words after a house
# number and a street kind, stopping at a word that begins a place, a verb or a link word.
_NOT_STREET = (
    r"thôn|thon|xóm|xom|tổ|to|khu|ấp|ap|bản|ban|xã|xa|phường|phuong|huyện|huyen|tỉnh|tinh|quận|quan|"
    r"đề|de|ở|o|tại|tai|và|va|bị|bi|có|co|là|la|đã|da|được|duoc|đang|dang|xin|hỏi|hoi|phản|phan|"
    r"kiến|kien|để|cho|của|cua|với|voi|trước|truoc|sau|gần|gan|nhà|nha|số|so|sđt|sdt|đt|dt|email|e|mail|"
    r"điện|dien|liên|lien|thì|thi|nhưng|nhung|nên|nen|vì|vi|do|từ|tu|đến|den|về|ve|mà|ma"
)
_LOWER_WORD = rf"(?!(?:{_NOT_STREET})(?![{_LOWER}]))[{_LOWER}]+"
_STREET_NAME_ANY = rf"(?:{_STREET_NAME}|{_LOWER_WORD}(?:\s+{_LOWER_WORD}){{0,2}})"
_ADDRESS = re.compile(
    # “số nhà 12”, “nhà số 12”, “số 12”, “SN 12”, “12A/3”, followed by the lanes and the
    # street it lies on; or a lane and street without a number (“ngõ 5 phố Huế”).
    rf"(?:"
    # “số 12 Lê Lợi”: a house number right before a street name of two words or more; not
    # a place kind (“số 3 Thôn …” counts villages) nor a date (“số 12 Ngày …”).
    rf"(?:(?i:địa\s+chỉ|đ/c)\s*:?\s*)?(?i:số\s+nhà|so\s+nha|nhà\s+số|nha\s+so|số|so|sn)\s*{_HOUSE_NUMBER}\s+"
    rf"(?!(?i:thôn|thon|xóm|xom|tổ|khu|ấp|bản|xã|phường|phuong|tỉnh|tinh|huyện|huyen|quận|thị|thành|"
    rf"ngày|ngay|tháng|thang|năm|nam)\b){_NAME_WORD}(?:\s+{_NAME_WORD})+"
    rf"|(?:(?i:địa\s+chỉ|đ/c)\s*:?\s*)?"
    rf"(?:(?i:số\s+nhà|so\s+nha|nhà\s+số|nha\s+so|số|so|sn|nhà|nha)\s*{_HOUSE_NUMBER}|{_HOUSE_NUMBER}(?=\s*,?\s*{_STREET_KIND}\b))"
    rf"(?:\s*,?\s*{_STREET_KIND}\s+{_STREET_NAME_ANY})*"
    rf"|(?:{_STREET_KIND})\s+\d+[\w/]*(?:\s*,?\s*{_STREET_KIND}\s+{_STREET_NAME_ANY})*"
    # “45/2 Trần Phú”: a slashed house number right before a street name.
    rf"|\b\d+[A-Za-z]?/\d+[A-Za-z]?(?:/\d+)?\s+{_NAME_WORD}(?:\s+{_NAME_WORD})*"
    rf"|(?i:đường|phố)\s+{_STREET_NAME}(?=\s*,\s*(?i:thôn|xóm|bản|ấp|phường|xã|thị\s+trấn|tổ))"
    rf")"
)
# Words after “số” that make it something other than a house number.
_NOT_HOUSE = re.compile(
    r"^(?:số|so)\s*\d+[\w/]*\s*[-/]\s*(?:KH|TB|QĐ|NQ|CT|HD|BC|KL|UBND|ĐU|TU|QH|NĐ|TT)", re.IGNORECASE
)


def mask_addresses(text: str) -> str:
    """Remove house numbers and street addresses (“số 12 đường Lê Lợi”, “nhà số 7, ngõ 3”,
    “45/2 Trần Phú”); village, commune and province names stay (they are not personal)."""
    source = _nfc(text)

    def replace(match: re.Match) -> str:
        found = match.group(0)
        tail = source[match.end() :]
        if _NOT_HOUSE.match(found + tail[:20]):
            return found
        # “số 12 hộ”, “số 3 thôn” are counts, not house numbers, unless a place follows
        # after a comma (“số 12, thôn Phong Lâm”).
        if re.fullmatch(r"(?:số|so|nhà|nha)\s*\d+", found.strip(), re.IGNORECASE) and not re.match(
            r"^\s*,\s*(?:thôn|thon|xóm|xom|tổ|khu|ấp|bản|đường|duong|phố|pho|ngõ|ngo)\b", tail, re.IGNORECASE
        ):
            return found
        return _GAP

    return _tidy(_ADDRESS.sub(replace, source))


# -------------------------------------------------------------------- names

# Forms of address before a citizen's name: “ông Nguyễn Văn An”, “bà Lan”, “hộ ông Tư”.
_HONORIFIC = (
    r"(?:hộ\s+gia\s+đình\s+(?:ông|bà|anh|chị)|gia\s+đình\s+(?:ông|bà|anh|chị)|hộ\s+(?:ông|bà|anh|chị)|"
    r"công\s+dân|cử\s+tri|ông|bà|anh|chị|cụ|cô|chú|bác|em|cháu)"
)
# A capitalised word right after a form of address that begins a position or a body,
# not a name (“ông Trưởng thôn”, “bà Chủ tịch Hội”). Words that are also common given or
# middle names (Văn, Công, Thành, Trung, Chi, Hội…) are not in the list.
_POSITION_WORDS = {
    "trưởng",
    "phó",
    "chủ",
    "bí",
    "giám",
    "chánh",
    "cán",
    "thường",
    "ủy",
    "uỷ",
    "ban",
    "thôn",
    "xã",
    "phường",
    "tỉnh",
    "huyện",
    "sở",
    "phòng",
    "đảng",
    "mặt",
    "ubnd",
    "hđnd",
    "mttq",
    "kế",
    "tổ",
    "đội",
    "viện",
    "nhà",
    "trạm",
    "công an",
    "chi bộ",
}
# Words that end a name when they follow it in capitals (“ông Nguyễn Văn An Thôn …”).
_AFTER_NAME = {"thôn", "xã", "phường", "tỉnh", "huyện", "sở", "phòng", "ban", "ủy", "uỷ", "ubnd", "hđnd", "mttq"}
_HONORIFIC_NAME = re.compile(rf"(?<!\w)((?i:{_HONORIFIC}))\s+({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}})")
# Officials named in their capacity keep their name: “đồng chí Đỗ Văn Tiến, Bí thư …”.
_OFFICIAL = re.compile(rf"(?<!\w)(?i:đồng\s+chí)\s+{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}}")


def _known_name_pattern(name: str) -> re.Pattern | None:
    """A pattern matching `name` with or without its diacritics, in any case."""
    words = [w for w in _nfc(name).split() if w]
    if len(words) < 2:  # a lone given name is too common to hunt for without a form of address
        return None
    parts = []
    for word in words:
        letters = []
        for char in word:
            folded = _fold(char)
            if folded.isalpha():
                letters.append(f"[{_variants(folded)}]")
            else:
                letters.append(re.escape(char))
        parts.append("".join(letters))
    return re.compile(r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)", re.IGNORECASE)


_VARIANTS = {
    "a": "aàáạảãâầấậẩẫăằắặẳẵ",
    "e": "eèéẹẻẽêềếệểễ",
    "i": "iìíịỉĩ",
    "o": "oòóọỏõôồốộổỗơờớợởỡ",
    "u": "uùúụủũưừứựửữ",
    "y": "yỳýỵỷỹ",
    "d": "dđ",
}


def _variants(folded: str) -> str:
    base = _VARIANTS.get(folded, folded)
    return base + base.upper()


def mask_names(text: str, names: Iterable[str] = (), *, keep: Iterable[str] = ()) -> str:
    """Reduce citizens' names to initials: every name in `names` (the petitioners and
    speakers known from the records, matched with or without diacritics) and any name
    written after a form of address (“ông”, “bà”, “chị”…). Names after “đồng chí” and
    those in `keep` (officials acting in their capacity) are left as written."""
    source = _nfc(text)
    kept_folded = {_fold(k) for k in keep if k}
    protected: list[tuple[int, int]] = [m.span() for m in _OFFICIAL.finditer(source)]
    for name in keep:
        pattern = _known_name_pattern(name)
        if pattern:
            protected += [m.span() for m in pattern.finditer(source)]

    def is_protected(start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in protected)

    replacements: list[tuple[int, int, str]] = []
    # “Bà Nguyễn Thị Hằng” in a speaker's field: the form of address is not part of the name.
    cleaned = {re.sub(rf"^(?i:{_HONORIFIC})\s+", "", _nfc(n).strip()) for n in names if n and n.strip()}
    for name in sorted(cleaned, key=len, reverse=True):
        if _fold(name) in kept_folded:
            continue
        pattern = _known_name_pattern(name)
        if not pattern:
            continue
        for match in pattern.finditer(source):
            if not is_protected(*match.span()):
                replacements.append((match.start(), match.end(), initials(match.group(0))))
    for match in _HONORIFIC_NAME.finditer(source):
        words = match.group(2).split()
        # Already initials (“bà N.T.H.M.”): masking twice changes nothing.
        if len(match.group(2)) == 1 and source[match.end(2) : match.end(2) + 1] == ".":
            continue
        # Stop at the first word that begins a position (“ông Trưởng thôn”).
        if words[0].lower() in _POSITION_WORDS:
            continue
        kept_words = []
        for word in words:
            if word.lower() in _AFTER_NAME:
                break
            kept_words.append(word)
        if not kept_words:
            continue
        start = match.start(2)
        end = start + len(" ".join(kept_words))
        if is_protected(start, end) or _fold(" ".join(kept_words)) in kept_folded:
            continue
        replacements.append((start, end, initials(" ".join(kept_words))))
    # Apply from the end, skipping overlaps (the longer, earlier-found replacement wins).
    replacements.sort(key=lambda r: (r[0], -(r[1] - r[0])))
    chosen: list[tuple[int, int, str]] = []
    last_end = -1
    for start, end, value in replacements:
        if start >= last_end:
            chosen.append((start, end, value))
            last_end = end
    for start, end, value in reversed(chosen):
        source = source[:start] + value + source[end:]
    return source


def mask_text(text: str, *, names: Iterable[str] = (), keep: Iterable[str] = ()) -> str:
    """Everything a published text needs: e-mail addresses, phones, then addresses, then names."""
    return mask_names(mask_addresses(mask_phones(mask_emails(text))), names, keep=keep)
