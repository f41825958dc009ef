"""Every error of the API is one JSON body: `{"detail": "<Vietnamese message>", "field":
"<the input it concerns, or null>"}`, plus `"errors"` (every invalid input with its
messages) when the input was refused.

- a service's refusal (ServiceError) is a 400 with the field it names; a stale version or
  a move the object's state does not allow is a 409;
- an object outside the person's scope is a 404 (its existence is not revealed); an
  action the person's roles do not allow is a 403;
- no key or a bad key is a 401, too many requests a 429 with Retry-After.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler
from rest_framework.views import set_rollback

from dialogue.core.errors import IllegalTransition, ServiceError

MSG_NOT_AUTHENTICATED = _("Send your API key in the header “Authorization: Bearer <key>”.")
MSG_NOT_FOUND = _("Not found, or not among what your roles let you see.")
MSG_FORBIDDEN = _("Your roles do not allow this action.")
MSG_METHOD = _("This method is not allowed here.")
MSG_NOT_ACCEPTABLE = _("This API answers only in JSON (Accept: application/json).")
MSG_MEDIA_TYPE = _("Send the request body as JSON (Content-Type: application/json).")
MSG_PARSE = _("The request body is not valid JSON.")
MSG_THROTTLED = _("Too many requests with this key; try again in %(seconds)s seconds.")
MSG_INVALID = _("The request is not valid.")
MSG_STALE = _(
    "Someone else changed this in the meantime (it is now at version %(current)s, you sent %(sent)s). "
    "Read it again and repeat your change."
)


class Conflict(exceptions.APIException):
    """409: the object changed since the client read it, or its state refuses the move."""

    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"

    def __init__(self, detail, *, field: str | None = None):
        super().__init__(detail)
        self.field = field


def stale(*, current: int | None, sent: int) -> Conflict:
    return Conflict(MSG_STALE % {"current": current if current is not None else "—", "sent": sent}, field="version")


def _stale_messages() -> set[str]:
    """The services' own "someone else changed this" refusals (they take an expected
    version): as the client sees them, they are a 409 like ours."""
    from dialogue.followup.services import MSG_STALE as FOLLOWUP_STALE
    from dialogue.petitions.services import MSG_STALE as PETITION_STALE

    return {str(PETITION_STALE), str(FOLLOWUP_STALE)}


def _first_error(errors, path: str = "") -> tuple[str | None, str]:
    """The first invalid input of a DRF error structure and its first message."""
    if isinstance(errors, dict):
        for key, value in errors.items():
            name = "" if key == "non_field_errors" else (f"{path}.{key}" if path else str(key))
            field, message = _first_error(value, name)
            if message:
                return field, message
        return None, ""
    if isinstance(errors, list):
        for index, value in enumerate(errors):
            if isinstance(value, (dict, list)):
                field, message = _first_error(value, f"{path}[{index}]" if path else "")
                if message:
                    return field, message
            elif value:
                return (path or None), str(value)
        return None, ""
    return (path or None), str(errors)


def _body(detail, field: str | None = None, errors=None) -> dict:
    body = {"detail": str(detail), "field": field}
    if errors is not None:
        body["errors"] = errors
    return body


def exception_handler(exc, context):
    field = None
    errors = None
    if isinstance(exc, IllegalTransition):
        exc = Conflict(str(exc))
    elif isinstance(exc, ServiceError):
        if str(exc) in _stale_messages():
            exc = Conflict(str(exc), field="version")
        else:
            set_rollback()
            return Response(_body(exc, exc.field or None), status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(MSG_NOT_FOUND)
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) if str(exc) else MSG_FORBIDDEN)

    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, Conflict):
        field = exc.field
        detail = exc.detail
    elif isinstance(exc, exceptions.ValidationError):
        errors = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
        field, detail = _first_error(errors)
        detail = detail or MSG_INVALID
        errors = _plain(errors)
    elif isinstance(exc, exceptions.NotAuthenticated):
        detail = MSG_NOT_AUTHENTICATED
    elif isinstance(exc, exceptions.AuthenticationFailed):
        detail = exc.detail
    elif isinstance(exc, exceptions.NotFound):
        detail = MSG_NOT_FOUND
    elif isinstance(exc, exceptions.PermissionDenied):
        default = str(exceptions.PermissionDenied.default_detail)
        detail = MSG_FORBIDDEN if str(exc.detail) == default else exc.detail
    elif isinstance(exc, exceptions.MethodNotAllowed):
        detail = MSG_METHOD
    elif isinstance(exc, exceptions.NotAcceptable):
        detail = MSG_NOT_ACCEPTABLE
    elif isinstance(exc, exceptions.UnsupportedMediaType):
        detail = MSG_MEDIA_TYPE
    elif isinstance(exc, exceptions.ParseError):
        detail = MSG_PARSE
    elif isinstance(exc, exceptions.Throttled):
        detail = gettext(MSG_THROTTLED) % {"seconds": int(exc.wait or 1)}
    else:
        detail = exc.detail if isinstance(exc, exceptions.APIException) else MSG_INVALID
    response.data = _body(detail, field, errors)
    return response


def _plain(errors):
    """ErrorDetail structures as plain strings (the same JSON, without DRF's types)."""
    if isinstance(errors, dict):
        return {str(k): _plain(v) for k, v in errors.items()}
    if isinstance(errors, list):
        return [_plain(v) for v in errors]
    return str(errors)
