"""Vietnamese telephone numbers: one canonical national form for storage and matching.

`normalize_phone` accepts what people write on forms and in spreadsheets (“0912 345 678”,
“0912.345.678”, “+84 912 345 678”, “84912345678”, “(0208) 3855 123”, an old 11-digit
mobile number from before the 2018 renumbering, a number Excel stored without its leading
zero) and returns the national form: ten digits for a mobile (03x, 05x, 07x, 08x, 09x),
eleven for a landline (02 + area code + subscriber). Anything else raises `InvalidPhone`
with a message (Vietnamese, through gettext) the form or the import shows as it is.
"""

import re
import unicodedata

from django.utils.translation import gettext_lazy as _

MOBILE_PREFIXES = ("03", "05", "07", "08", "09")

# The 11-digit mobile prefixes converted to 10 digits in 2018 (Thông tư 22/2014/TT-BTTTT,
# as amended; conversion from 15/09/2018 to 15/11/2018).
OLD_MOBILE_PREFIXES = {
    "0162": "032",
    "0163": "033",
    "0164": "034",
    "0165": "035",
    "0166": "036",
    "0167": "037",
    "0168": "038",
    "0169": "039",
    "0120": "070",
    "0121": "079",
    "0122": "077",
    "0126": "076",
    "0128": "078",
    "0123": "083",
    "0124": "084",
    "0125": "085",
    "0127": "081",
    "0129": "082",
    "0186": "056",
    "0188": "058",
    "0199": "059",
}

# Messages use str.format placeholders; `.format` on the lazy string translates it.
MSG_MOBILE = _(
    "The telephone number “{raw}” is not valid: a Vietnamese mobile number has 10 digits "
    "and starts with 03, 05, 07, 08 or 09."
)
MSG_LANDLINE = _(
    "The telephone number “{raw}” is not valid: a landline number has 11 digits "
    "and starts with the area code 02 (for example 0208 3855 123)."
)
MSG_CHARACTERS = _(
    "The telephone number “{raw}” is not valid: only digits, spaces, full stops, hyphens, "
    "brackets and a leading + are allowed."
)
MSG_FOREIGN = _("The telephone number “{raw}” is not valid: only Vietnamese numbers (country code +84) are accepted.")
MSG_SEVERAL = _("The telephone number “{raw}” is not valid: write only one number.")

# “SĐT: …”, “ĐT …”, “Tel. …” typed before the number.
_LABEL = re.compile(
    r"^(số điện thoại|so dien thoai|điện thoại|dien thoai|sđt|sdt|đtdđ|dtdd|đt|dt|dđ|dd|tel|phone|mobile)\s*[:.]?\s*",
    re.IGNORECASE,
)
_ALLOWED = re.compile(r"^\(?\+?[0-9\s.\-()]+$")
_SEPARATORS = re.compile(r"[/,;]|\s-\s|\s(?:hoặc|hoac|or|và|va)\s", re.IGNORECASE)


class InvalidPhone(ValueError):
    """The input is not a Vietnamese telephone number; `str(error)` is the message to show."""

    def __init__(self, message: str):
        message = str(message)
        super().__init__(message)
        self.message = message


def _shown(raw: str) -> str:
    raw = " ".join(raw.split())
    return raw if len(raw) <= 40 else raw[:39] + "…"


def normalize_phone(raw: str) -> str:
    """The national form “0XXXXXXXXX” (mobile) or “02XXXXXXXXX” (landline); "" for empty input."""
    if raw is None:
        return ""
    text = unicodedata.normalize("NFKC", str(raw)).replace("\u00a0", " ").strip()  # NFKC: full-width digits
    if not text:
        return ""
    if len(text) == 10 and text.isascii() and text.isdigit() and text[:2] in MOBILE_PREFIXES:  # canonical
        return text
    shown = _shown(text)
    text = _LABEL.sub("", text)
    if sum(len(re.sub(r"[^0-9]", "", part)) >= 9 for part in _SEPARATORS.split(text)) >= 2:
        raise InvalidPhone(MSG_SEVERAL.format(raw=shown))
    if not _ALLOWED.match(text):
        raise InvalidPhone(MSG_CHARACTERS.format(raw=shown))
    international = text.lstrip("(").startswith("+")
    digits = re.sub(r"[^0-9]", "", text)

    if digits.startswith("00"):  # 0084… dialled from abroad
        digits, international = digits[2:], True
    if international and not digits.startswith("84"):
        raise InvalidPhone(MSG_FOREIGN.format(raw=shown))
    if digits.startswith("84") and (international or len(digits) in (11, 12)):
        digits = digits[2:]
        if digits.startswith("0"):  # “+84 (0) 912 …”
            digits = digits[1:]
        digits = "0" + digits
    elif not digits.startswith("0") and (
        (len(digits) == 9 and digits[0] in "35789") or (len(digits) == 10 and digits[0] == "2")
    ):
        digits = "0" + digits  # Excel dropped the leading zero of a number stored as a number

    if len(digits) == 11 and digits[:4] in OLD_MOBILE_PREFIXES:
        return OLD_MOBILE_PREFIXES[digits[:4]] + digits[4:]
    if len(digits) == 10 and digits[:2] in MOBILE_PREFIXES:
        return digits
    if digits.startswith("02"):
        if len(digits) == 11:
            return digits
        raise InvalidPhone(MSG_LANDLINE.format(raw=shown))
    raise InvalidPhone(MSG_MOBILE.format(raw=shown))


def is_mobile(phone: str) -> bool:
    """True for a valid mobile number (in any accepted spelling), False otherwise."""
    try:
        return normalize_phone(phone)[:2] in MOBILE_PREFIXES
    except InvalidPhone:
        return False


def format_phone(phone: str) -> str:
    """Grouped for reading: “0912 345 678”, “0208 3855 123”; input that is not a number is returned as it is."""
    try:
        digits = normalize_phone(phone)
    except InvalidPhone:
        return phone
    if not digits:
        return ""
    if len(digits) == 10:
        return f"{digits[:4]} {digits[4:7]} {digits[7:]}"
    area = _area_code(digits)
    return f"{area} {digits[len(area) : -4]} {digits[-4:]}" if len(area) == 3 else f"{area} {digits[4:8]} {digits[8:]}"


def mask_phone(phone: str) -> str:
    """For published pages: “0912 *** 678”, “0208 **** 123”; never reveals a number it cannot read."""
    if not phone or not str(phone).strip():
        return ""
    try:
        digits = normalize_phone(phone)
    except InvalidPhone:
        return "***"
    head = digits[:4] if len(digits) == 10 else _area_code(digits)
    return f"{head} {'*' * (len(digits) - len(head) - 3)} {digits[-3:]}"


def _area_code(landline: str) -> str:
    """Hà Nội (024) and Hồ Chí Minh City (028) have three-digit area codes, the others four."""
    return landline[:3] if landline[:3] in ("024", "028") else landline[:4]
