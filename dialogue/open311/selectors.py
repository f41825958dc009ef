"""What the Open311 endpoint reads: services (the fields), jurisdictions (provinces and
communes by official code) and service requests (petitions sent by citizens).

Who sees which request:

- anyone: petitions sent through the public channels (the portal, connected
  applications) whose answer is published — the public stage is “answered” or later;
- a caller presenting a valid `api_key`: also every petition its application (the
  key's account, through any of its keys) sent, at any stage.

Nothing else exists for the caller: a request outside both sets answers 404 like an
unknown code. No output carries a petitioner's name, telephone number, e-mail, address or
attachments; texts pass through `mask_text` with the petitioners' names, and e-mail
addresses and links are removed as well.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from itertools import islice

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from dialogue.api.models import ApiToken
from dialogue.lib.masking import mask_text
from dialogue.lib.text import fold
from dialogue.organisation.models import Level, Unit, UnitStatus
from dialogue.organisation.roles import Capability
from dialogue.organisation.selectors import scope_paths
from dialogue.petitions.models import (
    PUBLIC_CHANNELS,
    Channel,
    Field,
    FollowUpStatus,
    GroupStatus,
    NotifyChannel,
    Petition,
    PetitionStatus,
)
from dialogue.petitions.public import (
    CONSENT_PURPOSE,
    IDENTITY_NOTE,
    PublicState,
    Stage,
    display_tracking_code,
    public_state,
    public_states,
)

MAX_RESULTS = 1000

# ---------------------------------------------------------------- services

# Fields grouped the way a citizen looks for them; a field an administrator adds later
# falls under “other”.
GROUP_LABELS = {
    "land": _("Land, construction and environment"),
    "economy": _("Economy, infrastructure and agriculture"),
    "society": _("Social affairs, health and education"),
    "government": _("Government, security and order"),
    "other": _("Other matters"),
}
FIELD_GROUPS = {
    "dat_dai": "land",
    "quy_hoach_xay_dung": "land",
    "giai_phong_mat_bang": "land",
    "moi_truong": "land",
    "giao_thong_ha_tang": "economy",
    "nong_nghiep": "economy",
    "kinh_te_doanh_nghiep": "economy",
    "chinh_sach_xa_hoi": "society",
    "y_te_giao_duc": "society",
    "an_ninh_trat_tu": "government",
    "xay_dung_dang_chinh_quyen": "government",
}

SERVICE_DESCRIPTION = _("Opinions, recommendations and reports of citizens about: %(field)s.")

# The attributes every service asks for (GET services/<code>): the consent the law
# requires before any processing, and what the portal's form also asks.
ATTR_CONSENT = "consent"
ATTR_IDENTITY = "identity_protected"
ATTR_NOTIFY = "notify_by"
ATTR_REQUEST_KEY = "request_key"
NOTIFY_NONE = "none"
REQUEST_KEY_MAX = 100

CONSENT_HOW = _(
    "Show this text to the citizen and send true only if they agree to it; without agreement the "
    "petition cannot be received."
)
AGREE = _("I agree")
DISAGREE = _("I do not agree")
YES = _("Yes")
NO = _("No")
IDENTITY_QUESTION = _("Keep my identity from the agencies that answer.")
NOTIFY_QUESTION = _(
    "How the receiving body tells the citizen of the petition's progress: an e-mail needs the email "
    "parameter, an SMS a mobile telephone number."
)
REQUEST_KEY_HELP = _(
    "A key of the application's own for this request, for example a UUID (at most 100 characters). "
    "Sending the same request again with the same key creates nothing twice."
)


def active_fields() -> QuerySet[Field]:
    return Field.objects.filter(is_active=True).order_by("sort_order", "name")


def field_for_code(code: str) -> Field | None:
    code = (code or "").strip()
    if not code or len(code) > 40:
        return None
    return active_fields().filter(code=code).first()


def service_keywords(name: str) -> str:
    """The field's name cut at its commas and brackets, as written and without accents, so a
    client's search finds “dat dai” as well as “đất đai”."""
    parts = [p.strip().lower() for p in re.split(r"[,;()]", name) if p.strip()]
    words: list[str] = []
    for part in parts + [fold(p) for p in parts]:
        if part not in words:
            words.append(part)
    return ", ".join(words)


def service_of(field: Field) -> dict:
    return {
        "service_code": field.code,
        "service_name": field.name,
        "description": SERVICE_DESCRIPTION % {"field": field.name},
        "metadata": True,
        # realtime: the service_request_id is returned by the POST.
        "type": "realtime",
        "keywords": service_keywords(field.name),
        "group": str(GROUP_LABELS[FIELD_GROUPS.get(field.code, "other")]),
    }


def service_list() -> list[dict]:
    return [service_of(field) for field in active_fields()]


def _values(pairs) -> list[dict]:
    return [{"key": key, "name": str(name)} for key, name in pairs]


def service_definition(field: Field) -> dict:
    notify_values = [(NOTIFY_NONE, NotifyChannel.NONE.label), ("sms", NotifyChannel.SMS.label)]
    notify_values.append(("email", NotifyChannel.EMAIL.label))
    return {
        "service_code": field.code,
        "attributes": [
            {
                "variable": True,
                "code": ATTR_CONSENT,
                "datatype": "singlevaluelist",
                "required": True,
                "datatype_description": str(CONSENT_HOW),
                "order": 1,
                "description": str(CONSENT_PURPOSE),
                "values": _values([("true", AGREE), ("false", DISAGREE)]),
            },
            {
                "variable": True,
                "code": ATTR_IDENTITY,
                "datatype": "singlevaluelist",
                "required": False,
                "datatype_description": None,
                "order": 2,
                "description": f"{IDENTITY_QUESTION} {IDENTITY_NOTE}",
                "values": _values([("true", YES), ("false", NO)]),
            },
            {
                "variable": True,
                "code": ATTR_NOTIFY,
                "datatype": "singlevaluelist",
                "required": False,
                "datatype_description": None,
                "order": 3,
                "description": str(NOTIFY_QUESTION),
                "values": _values(notify_values),
            },
            {
                "variable": True,
                "code": ATTR_REQUEST_KEY,
                "datatype": "string",
                "required": False,
                "datatype_description": None,
                "order": 4,
                "description": str(REQUEST_KEY_HELP),
            },
        ],
    }


# ---------------------------------------------------------------- jurisdictions


def _areas() -> QuerySet[Unit]:
    """Active provinces and communes: the two levels since the reform of 1 July 2025."""
    province = Q(kind__code="province", level=Level.PROVINCE, parent__isnull=True)
    commune = Q(kind__code="commune", level=Level.COMMUNE)
    return Unit.objects.filter(province | commune, status=UnitStatus.ACTIVE)


def jurisdiction_for_code(code: str) -> Unit | None:
    """The province or commune whose official code is `code` (“19”, “01879”), or None."""
    code = (code or "").strip()
    if not code or len(code) > 20:
        return None
    return _areas().filter(code=code).select_related("kind").order_by("level", "pk").first()


def key_areas(user) -> list[Unit] | None:
    """The provinces and communes over which the key's person may enter petitions; None
    for a national role (everywhere)."""
    paths = scope_paths(user, Capability.PETITION_INTAKE)
    if paths is None:
        return None
    return list(_areas().filter(path__in=paths).order_by("level", "name_folded"))


def key_may_submit(user, area: Unit) -> bool:
    paths = scope_paths(user, Capability.PETITION_INTAKE)
    return paths is None or any(area.path.startswith(p) for p in paths)


# ---------------------------------------------------------------- requests

# Public stages at which a petition's answer is published.
PUBLISHED_STAGES = {Stage.ANSWERED, Stage.IN_PROGRESS, Stage.RESOLVED, Stage.CLOSED}
# Follow-up states after which nothing more is expected (public_state's final stages).
DONE_FOLLOWUP = [
    FollowUpStatus.RESOLVED,
    FollowUpStatus.PARTLY_RESOLVED,
    FollowUpStatus.CANNOT_RESOLVE,
    FollowUpStatus.CLOSED,
]

MEDIA_LINE = _("Media sent by the application (not downloaded): %(url)s")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_LINK = re.compile(r"(?i)\b(?:https?://|www\.)\S+")


def client_label(token: ApiToken) -> str:
    """How a petition names the application that sent it: the key's name and prefix (the
    prefix always kept, so the label identifies the key)."""
    return f"{token.name[:100]} [{token.prefix}]"


def own_labels(token: ApiToken | None) -> list[str]:
    """The labels of every key of the application's account, revoked ones included: its
    requests stay its own when it changes keys."""
    if token is None:
        return []
    return [client_label(t) for t in ApiToken.objects.filter(user_id=token.user_id)]


def closed_q() -> Q:
    """Petitions whose Open311 status is “closed” (public_state's final stages)."""
    return Q(status=PetitionStatus.WITHDRAWN) | Q(group__followup_status__in=DONE_FOLLOWUP)


def published_q() -> Q:
    """A filter no narrower than “public stage answered or later”; each row is checked
    again with public_state."""
    answered = Q(group__status=GroupStatus.APPROVED) & ~Q(group__answer_text="")
    return (
        Q(channel__in=PUBLIC_CHANNELS, tracking_code__isnull=False, group__isnull=False)
        & ~Q(status=PetitionStatus.WITHDRAWN)
        & (answered | ~Q(group__followup_status=FollowUpStatus.NONE))
    )


def request_id_of(petition: Petition) -> str:
    """A petition's service_request_id: its number, never its tracking code. The code and the
    telephone together open the portal's tracking page, and five wrong telephones lock a code
    for an hour; published codes would let anyone collect them and lock citizens out. The code
    goes to the submitting application alone, in the POST's service_notice."""
    return str(petition.pk)


def parse_request_id(text: str) -> int | None:
    """The petition number in a service_request_id, or None for anything else."""
    text = text.strip()
    if not text.isascii() or not text.isdigit() or len(text) > 18:
        return None
    return int(text)


def _visible(labels: list[str]) -> Q:
    if not labels:
        return published_q()
    return published_q() | Q(channel=Channel.OPEN311, source_client__in=labels, tracking_code__isnull=False)


def _w3(moment: datetime | None) -> str | None:
    return timezone.localtime(moment).isoformat(timespec="seconds") if moment else None


def _end_of(day: date | None) -> str | None:
    if day is None:
        return None
    return _w3(timezone.make_aware(datetime.combine(day, time(23, 59, 59))))


def media_url_of(content: str) -> str | None:
    """The media address a connected application sent with the petition (see MEDIA_LINE)."""
    before, _sep, after = str(MEDIA_LINE).partition("%(url)s")
    match = re.search(re.escape(before) + r"(\S+)" + re.escape(after.rstrip()), content or "")
    return match.group(1) if match else None


def public_text(text: str, *, names: Iterable[str], petition: Petition) -> str:
    """A text fit for any caller: names as initials, no telephone number, house address,
    e-mail address, link, nor the petitioner's own address as they wrote it."""
    before = str(MEDIA_LINE).partition("%(url)s")[0]
    text = "\n".join(line for line in (text or "").split("\n") if not (before and line.startswith(before)))
    return scrub(mask_text(text, names=names), petition=petition)


def scrub(text: str, *, petition: Petition) -> str:
    """What `mask_text` leaves of contact details: e-mail addresses, links, and the
    petitioner's own address, e-mail and telephone number as stored. (A text masked
    already is not masked again: masking initials after “bà” would spoil them.)"""
    text = _EMAIL.sub("", text)
    text = _LINK.sub("", text)
    for value in (petition.address, petition.email, petition.phone):
        if value and len(value) >= 5:
            text = re.sub(re.escape(value), "", text, flags=re.IGNORECASE)
    return re.sub(r"[ \t]{2,}", " ", text).strip()


class _Places:
    """The province and commune names of receiving units, each looked up once."""

    def __init__(self):
        self.names: dict[int, str] = {}

    def of(self, unit: Unit) -> str:
        if unit.pk not in self.names:
            ids = [int(part) for part in unit.path.strip("/").split("/") if part]
            chain = _areas().in_bulk(ids)
            areas = [chain[i] for i in ids if i in chain]
            self.names[unit.pk] = ", ".join(a.name for a in reversed(areas))
        return self.names[unit.pk]


@dataclass
class RequestQuery:
    ids: list[str] | None = None
    service_codes: list[str] | None = None
    start: datetime | None = None
    end: datetime | None = None
    statuses: set[str] | None = None
    area: Unit | None = None


def _candidates(token: ApiToken | None, labels: list[str]) -> QuerySet[Petition]:
    return Petition.objects.filter(_visible(labels)).select_related(
        "field", "group", "group__lead_unit", "receiving_unit", "receiving_unit__kind"
    )


def request_view(
    petition: Petition, *, own: bool, names: list[str], places: _Places, state: PublicState | None = None
) -> dict | None:
    """One petition as a GeoReport v2 service request, or None when the caller may not see it.
    `state` is its `public_state` when the caller computed it for a batch."""
    state = state or public_state(petition)
    if not own and state.stage not in PUBLISHED_STAGES:
        return None
    notes = state.label
    if state.answer:
        # public_state masked the answer with the group's petitioners' names.
        notes = f"{state.label}: {scrub(state.answer, petition=petition)}"
    field = petition.field
    return {
        "service_request_id": request_id_of(petition),
        "status": "closed" if state.closed else "open",
        "status_notes": notes,
        "service_name": field.name if field else "",
        "service_code": field.code if field else "",
        "description": public_text(petition.content, names=names, petition=petition),
        "agency_responsible": state.answering_unit or petition.receiving_unit.name,
        "service_notice": None,
        "requested_datetime": _w3(petition.created_at),
        "updated_datetime": _w3(state.updated_at),
        "expected_datetime": _end_of(state.answer_due),
        "address": places.of(petition.receiving_unit),
        "address_id": None,
        "zipcode": None,
        "lat": None,
        "long": None,
        "media_url": media_url_of(petition.content) if own else None,
    }


def _names_by_group(petitions: list[Petition]) -> dict[int, list[str]]:
    group_ids = {p.group_id for p in petitions if p.group_id}
    names: dict[int, list[str]] = {}
    rows = Petition.objects.filter(group_id__in=group_ids).exclude(name="").values_list("group_id", "name")
    for group_id, name in rows:
        names.setdefault(group_id, []).append(name)
    return names


def _views(rows: Iterator[Petition], labels: list[str], limit: int) -> list[dict]:
    places = _Places()
    out: list[dict] = []
    while len(out) < limit:
        batch = list(islice(rows, 200))
        if not batch:
            break
        names = _names_by_group(batch)
        states = public_states(batch)
        for petition in batch:
            own = petition.channel == Channel.OPEN311 and petition.source_client in labels
            people = names.get(petition.group_id, []) + ([petition.name] if petition.name else [])
            view = request_view(petition, own=own, names=people, places=places, state=states[petition.pk])
            if view is not None:
                out.append(view)
                if len(out) >= limit:
                    break
    return out


def request_list(*, token: ApiToken | None, query: RequestQuery, limit: int | None = None) -> list[dict]:
    """The service requests the caller may see, newest first, at most `limit` (1000).
    Requested ids override every other filter (GeoReport v2)."""
    limit = MAX_RESULTS if limit is None else limit
    labels = own_labels(token)
    qs = _candidates(token, labels)
    if query.ids is not None:
        numbers = {parse_request_id(i) for i in query.ids}
        qs = qs.filter(pk__in=[n for n in numbers if n is not None])
    else:
        if query.area is not None:
            qs = qs.filter(receiving_unit__path__startswith=query.area.path)
        if query.service_codes:
            qs = qs.filter(field__code__in=query.service_codes)
        if query.start is not None:
            qs = qs.filter(created_at__gte=query.start)
        if query.end is not None:
            qs = qs.filter(created_at__lte=query.end)
        if query.statuses == {"closed"}:
            qs = qs.filter(closed_q())
        elif query.statuses == {"open"}:
            qs = qs.exclude(closed_q())
    rows = qs.order_by("-created_at", "-id").iterator(chunk_size=200)
    return _views(rows, labels, limit)


def request_get(*, token: ApiToken | None, request_id: str) -> dict | None:
    """One service request by its id, or None when it does not exist for this caller."""
    if parse_request_id(request_id) is None:
        return None
    views = request_list(token=token, query=RequestQuery(ids=[request_id]), limit=1)
    return views[0] if views else None


def service_notice(petition: Petition) -> str:
    """What happens next, told when the request is received."""
    return gettext(
        "Received. The receiving body will tell the citizen by %(date)s whether the petition is accepted; "
        "follow it with the code %(code)s."
    ) % {"date": petition.ack_due.strftime("%d/%m/%Y"), "code": display_tracking_code(petition.tracking_code)}
