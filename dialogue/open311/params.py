"""Reading GeoReport v2 parameters: dates in w3 format, comma lists, a POST's location,
attributes and contact details. Each reader returns the value or Vietnamese messages; the
view answers 400 with all the messages at once."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from dialogue.open311 import selectors
from dialogue.open311.services import RequestInput
from dialogue.petitions.models import NotifyChannel

MAX_DESCRIPTION = 4000  # GeoReport v2: free text limited to 4,000 characters
MAX_MEDIA_URL = 500
MAX_SPAN = timedelta(days=90)  # GeoReport v2: a search spans at most 90 days

MSG_LOCATION = _("Give the location: lat and long, address_string or address_id.")
MSG_LATLONG = _(
    "lat and long are sent together as numbers in WGS84 degrees (latitude from −90 to 90, longitude from −180 to 180)."
)
MSG_DESCRIPTION_LONG = _("The description is longer than 4,000 characters.")
MSG_CONSENT = _(
    "Agree to the processing of your personal data (attribute[consent]=true); without it the petition cannot be sent."
)
MSG_ATTRIBUTE_VALUE = _("attribute[%(code)s] takes one of: %(values)s.")
MSG_REQUEST_KEY = _("attribute[request_key] is at most 100 characters.")
MSG_EMAIL = _("The e-mail address is not valid.")
MSG_MEDIA_URL = _("media_url is an http or https address of at most 500 characters.")
MSG_DATE = _("%(name)s is a date and time in ISO 8601, for example 2026-11-01T00:00:00+07:00.")
MSG_DATE_ORDER = _("start_date comes before end_date.")
MSG_DATE_SPAN = _("start_date and end_date may be at most 90 days apart.")
MSG_STATUS = _("status takes open, closed or both, separated by a comma.")


def comma_list(raw: str | None) -> list[str]:
    """“a, b,,c” → ["a", "b", "c"]; parameters may also be repeated (see `values`)."""
    return [part.strip() for part in (raw or "").split(",") if part.strip()]


def values(query, name: str) -> list[str]:
    """Every value of a parameter given as a comma list, repeated, or both."""
    out: list[str] = []
    for raw in query.getlist(name):
        out.extend(comma_list(raw))
    return out


def parse_w3(raw: str) -> datetime | None:
    """A w3 date-time (“2010-01-01T00:00:00Z”, “…+07:00”) or a date; a time without an
    offset is Vietnam's. An unencoded “+” of the offset arrives as a space."""
    text = (raw or "").strip()
    if not text:
        return None
    if len(text) > 10 and text[-6] == " ":
        text = text[:-6] + "+" + text[-5:]
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


@dataclass
class DateRange:
    start: datetime | None = None
    end: datetime | None = None
    errors: list[str] = field(default_factory=list)


def date_range(query, *, now: datetime | None = None) -> DateRange:
    """start_date/end_date, by default the last 90 days; one alone spans 90 days from it."""
    now = now or timezone.now()
    result = DateRange()
    raw_start, raw_end = query.get("start_date", "").strip(), query.get("end_date", "").strip()
    start, end = parse_w3(raw_start), parse_w3(raw_end)
    if raw_start and start is None:
        result.errors.append(gettext(MSG_DATE) % {"name": "start_date"})
    if raw_end and end is None:
        result.errors.append(gettext(MSG_DATE) % {"name": "end_date"})
    if result.errors:
        return result
    if start is None and end is None:
        end = now
        start = now - MAX_SPAN
    elif start is None:
        start = end - MAX_SPAN
    elif end is None:
        end = start + MAX_SPAN
    elif start > end:
        result.errors.append(str(MSG_DATE_ORDER))
    elif end - start > MAX_SPAN:
        result.errors.append(str(MSG_DATE_SPAN))
    result.start, result.end = start, end
    return result


def statuses(query) -> tuple[set[str] | None, list[str]]:
    wanted = {v.lower() for v in values(query, "status")}
    if not wanted:
        return None, []
    if not wanted <= {"open", "closed"}:
        return None, [str(MSG_STATUS)]
    return wanted, []


def _attribute(post, code: str) -> str:
    return (post.get(f"attribute[{code}]") or "").strip()


def _choice(post, code: str, allowed: list[str], errors: list[str]) -> str:
    value = _attribute(post, code).lower()
    if value and value not in allowed:
        errors.append(gettext(MSG_ATTRIBUTE_VALUE) % {"code": code, "values": ", ".join(allowed)})
        return ""
    return value


def _location(post, errors: list[str]) -> None:
    lat, long = (post.get("lat") or "").strip(), (post.get("long") or "").strip()
    point = False
    if lat or long:
        try:
            la, lo = float(lat), float(long)
        except ValueError:
            la = lo = math.nan
        if math.isfinite(la) and math.isfinite(lo) and -90 <= la <= 90 and -180 <= lo <= 180:
            point = True
        else:
            errors.append(str(MSG_LATLONG))
            return
    address = (post.get("address_string") or "").strip() or (post.get("address_id") or "").strip()
    if not point and not address:
        errors.append(str(MSG_LOCATION))


def request_input(post) -> tuple[RequestInput, list[str]]:
    """The citizen's request from a POST's form; the messages of everything malformed.
    Rules of the intake itself (name, telephone, content) are the service's."""
    errors: list[str] = []
    _location(post, errors)
    description = post.get("description") or ""
    if len(description) > MAX_DESCRIPTION:
        errors.append(str(MSG_DESCRIPTION_LONG))
    consent = _attribute(post, selectors.ATTR_CONSENT).lower() == "true"
    if not consent:
        errors.append(str(MSG_CONSENT))
    identity = _choice(post, selectors.ATTR_IDENTITY, ["true", "false"], errors)
    notify = _choice(post, selectors.ATTR_NOTIFY, [selectors.NOTIFY_NONE, "sms", "email"], errors)
    request_key = _attribute(post, selectors.ATTR_REQUEST_KEY)
    if len(request_key) > selectors.REQUEST_KEY_MAX:
        errors.append(str(MSG_REQUEST_KEY))
    email = (post.get("email") or "").strip()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors.append(str(MSG_EMAIL))
    media_url = (post.get("media_url") or "").strip()
    if media_url:
        try:
            URLValidator(schemes=["http", "https"])(media_url)
            if len(media_url) > MAX_MEDIA_URL:
                raise ValidationError("too long")
        except ValidationError:
            errors.append(str(MSG_MEDIA_URL))
    data = RequestInput(
        description=description,
        first_name=(post.get("first_name") or "").strip(),
        last_name=(post.get("last_name") or "").strip(),
        phone=(post.get("phone") or "").strip(),
        email=email,
        address_string=(post.get("address_string") or "").strip(),
        media_url=media_url,
        device_id=(post.get("device_id") or "").strip(),
        account_id=(post.get("account_id") or "").strip(),
        consent=consent,
        identity_protected=identity == "true",
        notify_by=notify if notify in (NotifyChannel.SMS, NotifyChannel.EMAIL) else NotifyChannel.NONE,
        request_key=request_key,
    )
    return data, errors
