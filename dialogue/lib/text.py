"""Text helpers for Vietnamese input.

People type with and without diacritics, in composed and decomposed Unicode; we store
NFC and search on a folded form (lower case, no accents, đ→d) so both spellings match.
"""

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def normalize_text(value: str) -> str:
    """NFC-normalise and collapse runs of white space; None-safe for optional fields."""
    if not value:
        return ""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", value)).strip()


def fold(value: str) -> str:
    """Fold to lower case ASCII-ish Vietnamese: 'Phường Phổ Minh' -> 'phuong pho minh'."""
    if not value:
        return ""
    # Ð (U+00D0) and ð stand in for Đ and đ in some published texts.
    value = value.replace("đ", "d").replace("Đ", "D").replace("ð", "d").replace("Ð", "D")
    decomposed = unicodedata.normalize("NFD", value)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.lower()).strip()
