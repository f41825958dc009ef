"""Removing one person's own identifiers from a text, for anonymisation: their name in
any spelling (with or without diacritics, any case), their telephone number with any
separators (0…, +84…, 84…), their e-mail address and the address they gave. Everything
else in the text stays as it was written. Pure functions, no database.

    >>> scrub("Bà Nguyễn Thị Mai (0912 345 678) đề nghị sửa cống", names=["Nguyễn Thị Mai"],
    ...       phones=["0912345678"], mark="[đã ẩn danh]")
    'Bà [đã ẩn danh] đề nghị sửa cống'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from dialogue.lib.text import fold

_VARIANTS = {
    "a": "aàáạảãâầấậẩẫăằắặẳẵ",
    "e": "eèéẹẻẽêềếệểễ",
    "i": "iìíịỉĩ",
    "o": "oòóọỏõôồốộổỗơờớợởỡ",
    "u": "uùúụủũưừứựửữ",
    "y": "yỳýỵỷỹ",
    "d": "dđ",
}


def _letter(char: str) -> str:
    folded = fold(char)
    if len(folded) == 1 and folded.isalpha():
        base = _VARIANTS.get(folded, folded)
        return f"[{base}{base.upper()}]"
    return re.escape(char)


def text_pattern(text: str) -> re.Pattern | None:
    """`text` with or without diacritics, in any case, with any run of spaces."""
    words = [w for w in unicodedata.normalize("NFC", text or "").split() if w]
    if not words:
        return None
    body = r"\s+".join("".join(_letter(c) for c in word) for word in words)
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


def phone_pattern(phone: str) -> re.Pattern | None:
    """The national number (`0912345678`) with any separators, written with 0, +84 or 84."""
    digits = re.sub(r"\D", "", phone or "")
    if len(digits) < 9 or not digits.startswith("0"):
        return None
    body = r"[\s.\-()]{0,3}".join(digits[1:])
    return re.compile(rf"(?<!\d)(?:\(?\+?84\)?|0)[\s.\-()]{{0,3}}{body}(?!\d)")


@dataclass
class Identifiers:
    """What identifies one person in the records (collected from all their petitions)."""

    names: set[str] = field(default_factory=set)
    phones: set[str] = field(default_factory=set)
    emails: set[str] = field(default_factory=set)
    addresses: set[str] = field(default_factory=set)

    def add(self, *, name: str = "", phone: str = "", email: str = "", address: str = "") -> None:
        # A lone given name (“Lan”) is too common to hunt for in free text.
        if len((name or "").split()) >= 2:
            self.names.add(name.strip())
        if phone:
            self.phones.add(phone.strip())
        if email:
            self.emails.add(email.strip())
        if address and len(address.strip()) >= 6:
            self.addresses.add(address.strip())
            street = address.split(",")[0].strip()
            # “số 12 đường Lê Lợi, thôn Nà Đon”: the house and street alone, too; the village
            # and commune are not personal.
            if street != address.strip() and len(street) >= 6 and re.search(r"\d", street):
                self.addresses.add(street)

    def __bool__(self) -> bool:
        return bool(self.names or self.phones or self.emails or self.addresses)

    def folded(self) -> list[str]:
        """The folded forms a search could find (names, e-mail addresses, streets)."""
        values = [fold(v) for v in (*self.names, *self.emails, *self.addresses)]
        values += [re.sub(r"\D", "", p) for p in self.phones]
        return [v for v in values if v]


def scrub(
    text: str,
    *,
    names: Iterable[str] = (),
    phones: Iterable[str] = (),
    emails: Iterable[str] = (),
    addresses: Iterable[str] = (),
    mark: str,
) -> str:
    """`text` without the given identifiers: a name becomes `mark`, the rest is removed
    (with an “SĐT:”/“email:” label written before it). Longest values first, so a full
    address goes before its street."""
    if not text:
        return text or ""
    result = unicodedata.normalize("NFC", text)
    for email in sorted(set(emails), key=len, reverse=True):
        if email:
            label = r"(?:(?i:e-?mail|thư\s+điện\s+tử|thu\s+dien\s+tu)\s*:?\s*)?"
            result = re.sub(label + re.escape(email), "", result, flags=re.IGNORECASE)
    for phone in phones:
        pattern = phone_pattern(phone)
        if pattern:
            label = r"(?:(?i:số\s+điện\s+thoại|so\s+dien\s+thoai|điện\s+thoại|dien\s+thoai|sđt|sdt|đt|dt)\s*[:.]?\s*)?"
            result = re.sub(label + pattern.pattern, "", result)
    for address in sorted(set(addresses), key=len, reverse=True):
        pattern = text_pattern(address)
        if pattern:
            result = pattern.sub("", result)
    for name in sorted(set(names), key=len, reverse=True):
        pattern = text_pattern(name)
        if pattern:
            result = pattern.sub(mark, result)
    return _tidy(result) if result != text else result


def scrub_with(text: str, ids: Identifiers, *, mark: str) -> str:
    return scrub(text, names=ids.names, phones=ids.phones, emails=ids.emails, addresses=ids.addresses, mark=mark)


def _tidy(text: str) -> str:
    """Close the gaps a removal leaves: doubled spaces, empty brackets, “, ,”."""
    text = re.sub(r"\(\s*[,;:.\-–]*\s*\)", "", text)
    text = re.sub(r"[ \t]{2,}", " ", text)
    text = re.sub(r"[ \t]+([,;.:)])", r"\1", text)
    text = re.sub(r"([,;:])(\s*[,;:])+", r"\1", text)
    text = re.sub(r"[ \t]+\n", "\n", text)
    return text.strip()
