"""The Open311 GeoReport v2 endpoint (https://wiki.open311.org/GeoReport_v2).

Every answer's format is the URL's suffix (`.json` or `.xml`), errors included. POSTs are
form-encoded and authenticated by their `api_key`, never by a session, so CSRF does not
apply. Reading needs no key and shows only what is public; a valid key adds its
application's own requests. See docs/open311.md.
"""

from __future__ import annotations

from functools import wraps

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt

from dialogue.api.tokens import token_for_key
from dialogue.core import ratelimit
from dialogue.core.errors import ServiceError
from dialogue.open311 import params, selectors
from dialogue.open311.render import JSON, MIME_TYPES, XML, error, respond
from dialogue.open311.services import MSG_KEY_SCOPE, fingerprint_of, request_submit
from dialogue.organisation.roles import Capability
from dialogue.organisation.selectors import scope_paths

SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
# When the discovery document or the service definitions last changed in the code; the
# fields themselves are configured by administrators.
CHANGESET = "2026-11-24T00:00:00+07:00"

MSG_KEY_MISSING = _("Send the api_key of your application to submit a request.")
MSG_KEY_INVALID = _("The api_key is not valid: it is unknown, revoked or expired.")
MSG_KEY_NO_INTAKE = _("This api_key may not send petitions: its account has no role that receives petitions.")
MSG_JURISDICTION_MISSING = _("Give the jurisdiction_id: the official code of the province or commune.")
MSG_JURISDICTION_UNKNOWN = _("No province or commune has the code “%(code)s”.")
MSG_SERVICE_MISSING = _("Give the service_code (one of services.json).")
MSG_SERVICE_UNKNOWN = _("There is no service with the code “%(code)s”.")
MSG_REQUEST_UNKNOWN = _("There is no service request “%(code)s”.")
MSG_FORM = _("Send the request form-encoded (Content-Type: application/x-www-form-urlencoded).")
MSG_TOO_MANY = _("Too many requests from this application or address; try again in %(minutes)s minutes.")
MSG_METHOD = _("This address does not accept the %(method)s method.")
MSG_NOT_FOUND = _("There is nothing at this address. Open311 addresses end in .json or .xml, e.g. services.json.")
CONTACT = _(
    "Ask the office of the Party committee or the People's Committee of the province or commune that runs this system."
)
KEY_SERVICE = _(
    "The system administrator issues a key on the API keys page (/api-keys/) to an account of the "
    "application that holds a role receiving petitions over the province or commune it serves."
)

HOUR = 3600


def _limit(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def _retry_after() -> int:
    return ratelimit.seconds_left(HOUR)


def _too_many(fmt: str):
    seconds = _retry_after()
    minutes = max(1, (seconds + 59) // 60)
    return error(fmt, 429, gettext(MSG_TOO_MANY) % {"minutes": minutes}, headers={"Retry-After": str(seconds)})


def endpoint(*methods: str):
    """An Open311 view: CSRF-exempt (key-authenticated, no session), other methods 405."""
    allowed = set(methods) | ({"HEAD"} if "GET" in methods else set())

    def decorate(view):
        @csrf_exempt
        @wraps(view)
        def wrapped(request, *args, fmt: str = XML, **kwargs):
            if request.method not in allowed:
                return error(
                    fmt,
                    405,
                    gettext(MSG_METHOD) % {"method": request.method[:10]},
                    headers={"Allow": ", ".join(sorted(allowed))},
                )
            return view(request, *args, fmt=fmt, **kwargs)

        return wrapped

    return decorate


def _reader(request, fmt: str):
    """The token of a GET's api_key: (None, None) without a key, an error for a bad one."""
    raw = (request.GET.get("api_key") or "").strip()
    if not raw:
        return None, None
    token = token_for_key(raw)
    if token is None:
        return None, error(fmt, 403, MSG_KEY_INVALID)
    return token, None


def _jurisdiction(query, fmt: str):
    """The area named by jurisdiction_id: (None, None) when none is given."""
    code = (query.get("jurisdiction_id") or "").strip()
    if not code:
        return None, None
    area = selectors.jurisdiction_for_code(code)
    if area is None:
        return None, error(fmt, 404, gettext(MSG_JURISDICTION_UNKNOWN) % {"code": code[:40]})
    return area, None


# ---------------------------------------------------------------- discovery and services


@endpoint("GET")
def discovery(request, fmt: str):
    base = request.build_absolute_uri(reverse("open311:discovery", kwargs={"fmt": fmt}))
    url = base.rsplit("/", 1)[0]
    document = {
        "changeset": CHANGESET,
        "contact": str(getattr(settings, "OPEN311_CONTACT", "") or CONTACT),
        "key_service": str(KEY_SERVICE),
        "endpoints": [
            {
                "specification": SPECIFICATION,
                "url": url,
                "changeset": CHANGESET,
                "type": getattr(settings, "OPEN311_ENDPOINT_TYPE", "production"),
                "formats": [MIME_TYPES[XML], MIME_TYPES[JSON]],
            }
        ],
    }
    return respond(fmt, "discovery", document)


@endpoint("GET")
def services(request, fmt: str):
    _area, refused = _jurisdiction(request.GET, fmt)
    if refused:
        return refused
    return respond(fmt, "services", selectors.service_list())


@endpoint("GET")
def service_definition(request, code: str, fmt: str):
    _area, refused = _jurisdiction(request.GET, fmt)
    if refused:
        return refused
    field = selectors.field_for_code(code)
    if field is None:
        return error(fmt, 404, gettext(MSG_SERVICE_UNKNOWN) % {"code": code[:40]})
    return respond(fmt, "service_definition", selectors.service_definition(field))


# ---------------------------------------------------------------- requests


@endpoint("GET", "POST")
def requests(request, fmt: str):
    if request.method == "POST":
        return _submit(request, fmt)
    return _search(request, fmt)


def _read_allowed(request, *, listing: bool) -> bool:
    """Reads per client address: a list of up to 1000 requests costs far more than one."""
    address = ratelimit.client_address(request)
    if listing:
        key, limit = f"open311:list:ip:{address}", _limit("OPEN311_LIST_PER_IP_HOUR", 120)
    else:
        key, limit = f"open311:read:ip:{address}", _limit("OPEN311_READ_PER_IP_HOUR", 600)
    return ratelimit.allow(key, limit=limit, seconds=HOUR)


def _search(request, fmt: str):
    if not _read_allowed(request, listing=True):
        return _too_many(fmt)
    token, refused = _reader(request, fmt)
    if refused:
        return refused
    area, refused = _jurisdiction(request.GET, fmt)
    if refused:
        return refused
    query = selectors.RequestQuery(area=area)
    ids = params.values(request.GET, "service_request_id")
    if ids:
        query.ids = ids[: selectors.MAX_RESULTS]
    else:
        dates = params.date_range(request.GET)
        wanted, status_errors = params.statuses(request.GET)
        problems = dates.errors + status_errors
        if problems:
            return error(fmt, 400, *problems)
        query.start, query.end, query.statuses = dates.start, dates.end, wanted
        query.service_codes = params.values(request.GET, "service_code") or None
    return respond(fmt, "service_requests", selectors.request_list(token=token, query=query))


@endpoint("GET")
def request_detail(request, request_id: str, fmt: str):
    if not _read_allowed(request, listing=False):
        return _too_many(fmt)
    token, refused = _reader(request, fmt)
    if refused:
        return refused
    _area, refused = _jurisdiction(request.GET, fmt)
    if refused:
        return refused
    view = selectors.request_get(token=token, request_id=request_id)
    if view is None:
        return error(fmt, 404, gettext(MSG_REQUEST_UNKNOWN) % {"code": request_id[:40]})
    return respond(fmt, "service_requests", [view])


def _form_encoded(request) -> bool:
    content_type = (request.content_type or "").lower()
    return content_type in ("application/x-www-form-urlencoded", "multipart/form-data")


def _submit(request, fmt: str):
    address = ratelimit.client_address(request)
    if not ratelimit.allow(f"open311:post:ip:{address}", limit=_limit("OPEN311_POST_PER_IP_HOUR", 600), seconds=HOUR):
        return _too_many(fmt)
    if not _form_encoded(request):
        return error(fmt, 400, MSG_FORM)
    post = request.POST
    raw_key = (post.get("api_key") or "").strip()
    if not raw_key:
        return error(fmt, 403, MSG_KEY_MISSING)
    token = token_for_key(raw_key)
    if token is None:
        return error(fmt, 403, MSG_KEY_INVALID)
    if not ratelimit.allow(
        f"open311:post:key:{token.pk}", limit=_limit("OPEN311_POST_PER_KEY_HOUR", 300), seconds=HOUR
    ):
        return _too_many(fmt)
    if scope_paths(token.user, Capability.PETITION_INTAKE) == []:
        return error(fmt, 403, MSG_KEY_NO_INTAKE)
    area, refused = _jurisdiction(post, fmt)
    if refused:
        return refused
    if area is None:
        # One endpoint serves many jurisdictions; a key held over exactly one may omit it.
        areas = selectors.key_areas(token.user)
        if not areas or len(areas) != 1:
            return error(fmt, 400, MSG_JURISDICTION_MISSING)
        area = areas[0]
    if not selectors.key_may_submit(token.user, area):
        return error(fmt, 403, MSG_KEY_SCOPE)
    code = (post.get("service_code") or "").strip()
    if not code:
        return error(fmt, 400, MSG_SERVICE_MISSING)
    field = selectors.field_for_code(code)
    if field is None:
        return error(fmt, 404, gettext(MSG_SERVICE_UNKNOWN) % {"code": code[:40]})
    data, problems = params.request_input(post)
    if problems:
        return error(fmt, 400, *problems)
    data.fingerprint = fingerprint_of(dict(post.lists()))
    try:
        petition, created = request_submit(token=token, area=area, field=field, data=data)
    except PermissionDenied as refusal:
        return error(fmt, 403, str(refusal))
    except ServiceError as refusal:
        return error(fmt, 400, str(refusal.message))
    body = [
        {
            "service_request_id": selectors.request_id_of(petition),
            "service_notice": selectors.service_notice(petition),
            "account_id": data.account_id or None,
        }
    ]
    return respond(fmt, "service_requests", body, status=201 if created else 200)


# ---------------------------------------------------------------- anything else


@csrf_exempt
def not_found(request, rest: str = ""):
    fmt = JSON if rest.lower().endswith(".json") else XML
    return error(fmt, 404, MSG_NOT_FOUND)
