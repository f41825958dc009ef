from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from dialogue.core.errors import ServiceError
from dialogue.core.services import audit_record, snapshot
from dialogue.lib.text import normalize_text
from dialogue.organisation.roles import Capability
from dialogue.organisation.selectors import scope_paths
from dialogue.workcalendar.models import CalendarException, ExceptionKind
from dialogue.workcalendar.selectors import invalidate_calendar

MSG_NOT_ALLOWED = _("Only a national system administrator can change the working-day calendar.")
MSG_DATE_TAKEN = _("This date already has an exception; delete it first.")
MSG_REASON_REQUIRED = _("Enter the reason (e.g. the decision that moves the day).")
MSG_WEEKDAY_WORKING = _("A weekday is already a working day; choose “Day off” or a Saturday or Sunday.")

AUDIT_FIELDS = ["date", "kind", "reason"]


def _invalidate() -> None:
    # Now, so this request sees the change, and again after commit, in case another
    # request cached the old calendar in between.
    invalidate_calendar()
    transaction.on_commit(invalidate_calendar)


def _require_national_admin(actor) -> None:
    # The calendar is national: every unit's deadlines move with it.
    if scope_paths(actor, Capability.CALENDAR_MANAGE) is not None:
        raise PermissionDenied(MSG_NOT_ALLOWED)


@transaction.atomic
def calendar_exception_create(*, actor, day: date, kind: str, reason: str) -> CalendarException:
    """Record a government day swap (Labour Code 2019 art. 112 and the yearly decision)."""
    _require_national_admin(actor)
    reason = normalize_text(reason)
    if not reason:
        raise ServiceError(MSG_REASON_REQUIRED, field="reason")
    if kind == ExceptionKind.WORKING_DAY and day.weekday() < 5:
        raise ServiceError(MSG_WEEKDAY_WORKING, field="kind")
    try:
        with transaction.atomic():
            exc = CalendarException.objects.create(date=day, kind=kind, reason=reason, created_by=actor)
    except IntegrityError:
        raise ServiceError(MSG_DATE_TAKEN, field="day") from None
    audit_record(actor=actor, action="calendar.exception_create", target=exc, after=snapshot(exc, AUDIT_FIELDS))
    _invalidate()
    return exc


@transaction.atomic
def calendar_exception_delete(*, actor, exception: CalendarException) -> None:
    _require_national_admin(actor)
    before = snapshot(exception, AUDIT_FIELDS)
    audit_record(actor=actor, action="calendar.exception_delete", target=exception, before=before)
    exception.delete()
    _invalidate()
