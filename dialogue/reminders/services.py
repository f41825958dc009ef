"""Reminders, the daily digest and chase letters: the only writers of dialogue.reminders.

Domain.md §1 step 8: the synthesis body tracks every directive until it is resolved and
chases late agencies. The worker reminds the people acting for the responsible unit
before, on and after the due date (working days, Labour Code 2019 art. 112 holidays and the
government's swaps, through workcalendar); the synthesis board gets one digest a day of
what is late; and it can issue a chase letter (công văn đôn đốc) to a late agency.

Sending is safe with several workers and survives a worker that dies: a row is claimed
with one conditional UPDATE (pending → sending, with the worker's id and time), a row
left “sending” longer than REMINDERS_CLAIM_TIMEOUT_SECONDS is taken again, and each
message on each channel carries a unique key so what already left is not sent again.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import uuid
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dialogue.core.errors import ServiceError
from dialogue.core.services import audit_record, people_for_unit, snapshot
from dialogue.lib.text import normalize_text
from dialogue.organisation.models import RoleAssignment, Unit, User
from dialogue.organisation.roles import Capability, Role, roles_with
from dialogue.organisation.selectors import user_can
from dialogue.plans.models import DocumentLayout, Plan
from dialogue.plans.services import default_header
from dialogue.reminders import selectors, stages, targets, wording
from dialogue.reminders.channels import deliver
from dialogue.reminders.models import (
    CancelReason,
    ChaseLetter,
    DeliveryStatus,
    Digest,
    Reminder,
    TargetKind,
)
from dialogue.reminders.states import DELIVERY_TRANSITIONS
from dialogue.workcalendar.selectors import get_calendar

logger = logging.getLogger("dialogue.reminders")

BATCH = 50

MSG_NOT_ALLOWED = _("Only the synthesis board of the units concerned may issue a chase letter.")
MSG_NOTHING_LATE = _("This unit has nothing late left to chase in your units.")
MSG_SENDER = _("Choose a unit of yours to issue the letter.")
MSG_REPORT_DAYS = _("The report must be asked for within 1 to 60 working days.")
MSG_NUMBER_TAKEN = _("Number %(number)s of %(year)s is already used by another chase letter of this unit.")

CHASE_AUDIT_FIELDS = [
    "sender_unit",
    "addressee",
    "number",
    "symbol",
    "issued_on",
    "report_by",
    "signing_authority",
    "signer_title",
    "signer_name",
]


def worker_id() -> str:
    """Who claims a row: host, process and thread (a worker may run the scheduler in a thread)."""
    return f"{socket.gethostname()[:30]}:{os.getpid()}:{threading.get_ident() % 100000}"


def _config() -> dict:
    return {"before": settings.REMINDERS_BEFORE_WORKING_DAYS, "overdue": list(settings.REMINDERS_OVERDUE_WORKING_DAYS)}


def in_sending_hours(now: datetime) -> bool:
    """New reminders are made on working days, in office hours (no SMS at night)."""
    local = timezone.localtime(now)
    return (
        get_calendar().is_working_day(local.date())
        and settings.REMINDERS_SEND_FROM_HOUR <= local.hour < settings.REMINDERS_SEND_UNTIL_HOUR
    )


# ---------------------------------------------------------------- making reminders


def reminders_create(*, now: datetime | None = None) -> int:
    """Make the reminders whose day has come: for each open matter, its current stage
    (before, on or after the due date), one row per person acting for the responsible
    unit. A stage already made for the matter and due date is not made again (and the
    unique constraint settles two scans at once); a moved due date starts anew."""
    now = now or timezone.now()
    if not in_sending_hours(now):
        return 0
    today = timezone.localdate(now)
    calendar = get_calendar()
    config = _config()
    people_cache: dict[tuple[int, str], tuple[list[User], Unit | None]] = {}
    created = 0
    chunk: list[tuple[targets.Target, stages.Stage]] = []

    def flush():
        nonlocal created
        if not chunk:
            return
        keys = [t.key for t, _s in chunk]
        made = set(Reminder.objects.filter(target_key__in=keys).values_list("target_key", "kind", "step", "due_date"))
        rows = []
        for target, stage in chunk:
            if (target.key, stage.kind, stage.step, target.due) in made:
                continue
            cache_key = (target.unit.pk, target.capability)
            if cache_key not in people_cache:
                people_cache[cache_key] = people_for_unit(unit=target.unit, capability=target.capability)
            people, holder = people_cache[cache_key]
            if not people:
                logger.info("Nobody to remind for %s (unit %s)", target.key, target.unit)
                continue
            for person in people:
                rows.append(
                    Reminder(
                        target_kind=target.kind,
                        target_key=target.key,
                        directive=target.obj if target.kind == TargetKind.DIRECTIVE else None,
                        group=target.obj if target.kind in (TargetKind.ANSWER, TargetKind.RESOLUTION) else None,
                        escalation=target.obj if target.kind == TargetKind.ESCALATION else None,
                        unit=target.unit,
                        holder_unit=holder,
                        recipient=person,
                        kind=stage.kind,
                        step=stage.step,
                        due_date=target.due,
                        send_on=stage.send_on,
                    )
                )
        if rows:
            Reminder.objects.bulk_create(rows, ignore_conflicts=True)
            created += len(rows)
        chunk.clear()

    for target in targets.open_targets():
        stage = stages.current_stage(target.due, today, calendar, **config)
        if stage is None:
            continue
        chunk.append((target, stage))
        if len(chunk) >= 500:
            flush()
    flush()
    return created


# ---------------------------------------------------------------- claiming and finishing


def _ready_q(now: datetime) -> Q:
    abandoned = now - timedelta(seconds=settings.REMINDERS_CLAIM_TIMEOUT_SECONDS)
    pending = Q(status=DeliveryStatus.PENDING) & (Q(not_before__isnull=True) | Q(not_before__lte=now))
    return pending | Q(status=DeliveryStatus.SENDING, claimed_at__lt=abandoned)


def _claim(model, pk: int, worker: str, now: datetime) -> bool:
    """Take the row for this worker: one conditional UPDATE, so of two workers only one
    gets it; a row another worker left “sending” too long is taken again."""
    return (
        model.objects.filter(Q(pk=pk) & _ready_q(now)).update(
            status=DeliveryStatus.SENDING, claimed_by=worker, claimed_at=now
        )
        == 1
    )


def _finish(row, worker: str, status: str, **fields) -> bool:
    DELIVERY_TRANSITIONS.check(DeliveryStatus.SENDING, status)
    done = (
        type(row)
        .objects.filter(pk=row.pk, status=DeliveryStatus.SENDING, claimed_by=worker)
        .update(status=status, **fields)
    )
    if not done:
        logger.warning("%s %s was taken over by another worker while being sent", type(row).__name__, row.pk)
    return bool(done)


def _retry_or_fail(row, worker: str, now: datetime, errors: list[str]) -> str:
    attempts = row.attempts + 1
    error = "\n".join(errors)[:4000]
    if attempts >= settings.REMINDERS_MAX_ATTEMPTS:
        _finish(row, worker, DeliveryStatus.FAILED, attempts=attempts, last_error=error)
        return "failed"
    _finish(
        row,
        worker,
        DeliveryStatus.PENDING,
        attempts=attempts,
        last_error=error,
        not_before=now + timedelta(minutes=5 * attempts),
    )
    return "retry"


# ---------------------------------------------------------------- sending reminders


def _stale_reason(reminder: Reminder, today: date) -> tuple[str, targets.Target | None]:
    """Why the reminder must not go any more ("" when it must), with the matter as it
    stands now: checked right before sending."""
    target = targets.target_now(reminder.target_kind, targets.object_of(reminder).pk)
    if target is None:
        return CancelReason.CLOSED, None
    if target.due != reminder.due_date:
        return CancelReason.DATE_MOVED, target
    if target.unit.pk != reminder.unit_id:
        return CancelReason.UNIT_CHANGED, target
    if stages.superseded(reminder.kind, reminder.step, reminder.due_date, today, get_calendar(), **_config()):
        return CancelReason.SUPERSEDED, target
    people, _holder = people_for_unit(unit=target.unit, capability=target.capability)
    if not reminder.recipient.is_active or reminder.recipient_id not in {p.pk for p in people}:
        return CancelReason.RECIPIENT_GONE, target
    return "", target


def reminder_send(*, reminder_id: int, worker: str, now: datetime | None = None) -> str:
    """Send one reminder if this worker wins it: checked again first (a moved due date, a
    resolved matter, another responsible unit or a later stage cancel it), then e-mail,
    SMS and the in-app message. Returns taken/cancelled/sent/retry/failed."""
    now = now or timezone.now()
    if not _claim(Reminder, reminder_id, worker, now):
        return "taken"
    reminder = Reminder.objects.select_related(
        "recipient", "unit", "holder_unit", "directive", "group", "escalation"
    ).get(pk=reminder_id)
    today = timezone.localdate(now)
    reason, target = _stale_reason(reminder, today)
    if reason:
        _finish(reminder, worker, DeliveryStatus.CANCELLED, cancel_reason=reason)
        return "cancelled"
    errors = deliver(wording.reminder_message(reminder, target.obj, today=today))
    if errors:
        return _retry_or_fail(reminder, worker, now, errors)
    _finish(
        reminder, worker, DeliveryStatus.SENT, sent_at=timezone.now(), attempts=reminder.attempts + 1, last_error=""
    )
    return "sent"


def _ready_ids(model, now: datetime) -> list[int]:
    return list(model.objects.filter(_ready_q(now)).order_by("id").values_list("pk", flat=True)[:BATCH])


def deliveries_send(*, now: datetime | None = None, worker: str | None = None) -> dict[str, int]:
    """Send every reminder and digest that is ready, until none is left. Several workers
    may run this at once: each row goes to the one that claims it."""
    worker = worker or worker_id()
    counts: dict[str, int] = {}
    for model, send in ((Reminder, reminder_send), (Digest, digest_send)):
        seen: set[int] = set()
        while True:
            current = now or timezone.now()
            ids = [pk for pk in _ready_ids(model, current) if pk not in seen]
            if not ids:
                break
            for pk in ids:
                seen.add(pk)
                outcome = send(**{f"{model.__name__.lower()}_id": pk, "worker": worker, "now": current})
                counts[outcome] = counts.get(outcome, 0) + 1
    return counts


def reminders_scan(*, now: datetime | None = None, worker: str | None = None) -> dict[str, int]:
    """The periodic job: make the reminders whose day has come, then send what is ready
    (including what a worker that died left behind)."""
    created = reminders_create(now=now)
    counts = deliveries_send(now=now, worker=worker)
    counts["created"] = created
    return counts


# ---------------------------------------------------------------- daily digest


def digest_recipients() -> list[User]:
    """People of a synthesis board over a unit (not national administrators: they would
    get the whole country's list every morning)."""
    roles = roles_with(Capability.FOLLOWUP_REVIEW) - {Role.ADMIN}
    ids = RoleAssignment.objects.filter(
        is_active=True, role__in=roles, unit__isnull=False, user__is_active=True
    ).values_list("user_id", flat=True)
    return list(User.objects.filter(pk__in=ids).order_by("pk"))


def digests_create(*, day: date) -> int:
    """One digest per person of a synthesis board for `day`, listing what is late in their
    units; none for a person with nothing late. Making it twice makes it once."""
    made = 0
    for person in digest_recipients():
        if Digest.objects.filter(recipient=person, day=day).exists():
            continue
        items = selectors.late_items_for_user(user=person, today=day)
        if not items:
            continue
        unit = (
            RoleAssignment.objects.filter(
                user=person,
                is_active=True,
                role__in=roles_with(Capability.FOLLOWUP_REVIEW) - {Role.ADMIN},
                unit__isnull=False,
            )
            .select_related("unit")
            .order_by("unit__depth", "pk")
            .first()
            .unit
        )
        try:
            with transaction.atomic():
                Digest.objects.create(recipient=person, day=day, unit=unit, items=[i.as_json() for i in items])
                made += 1
        except IntegrityError:  # another worker made it
            continue
    return made


def digest_send(*, digest_id: int, worker: str, now: datetime | None = None) -> str:
    """Send one digest if this worker wins it, on its own day only (a digest left from an
    earlier day is replaced by the day's own)."""
    now = now or timezone.now()
    if not _claim(Digest, digest_id, worker, now):
        return "taken"
    digest = Digest.objects.select_related("recipient", "unit").get(pk=digest_id)
    if digest.day != timezone.localdate(now):
        _finish(digest, worker, DeliveryStatus.CANCELLED, cancel_reason=CancelReason.SUPERSEDED)
        return "cancelled"
    if not digest.recipient.is_active:
        _finish(digest, worker, DeliveryStatus.CANCELLED, cancel_reason=CancelReason.RECIPIENT_GONE)
        return "cancelled"
    errors = deliver(wording.digest_message(digest))
    if errors:
        return _retry_or_fail(digest, worker, now, errors)
    _finish(digest, worker, DeliveryStatus.SENT, sent_at=timezone.now(), attempts=digest.attempts + 1, last_error="")
    return "sent"


def digest_daily(*, day: date | None = None, now: datetime | None = None, worker: str | None = None) -> dict[str, int]:
    """The daily job: make the day's digests, then send what is ready."""
    now = now or timezone.now()
    day = day or timezone.localdate(now)
    made = digests_create(day=day)
    counts = deliveries_send(now=now, worker=worker)
    counts["digests"] = made
    return counts


# ---------------------------------------------------------------- chase letters


def can_chase(user) -> bool:
    return user_can(user, Capability.FOLLOWUP_REVIEW)


def _initials(unit: Unit) -> str:
    """“Ban Dân vận Tỉnh ủy Thái Nguyên” → “BDVTU”: the first letters of the unit's name
    without its place (“Đ” kept, as in “ĐU”)."""
    import unicodedata

    from dialogue.plans.services import administrative_area, place_name

    name = unit.name
    for place in (administrative_area(unit).name, place_name(unit)):
        if place and name.lower().endswith(" " + place.lower()) and len(name) > len(place) + 1:
            name = name[: -len(place) - 1]
    letters = []
    for word in name.split():
        if word.lower() in ("và", "của"):
            continue
        first = word[0]
        letters.append("Đ" if first in "Đđ" else unicodedata.normalize("NFD", first)[0].upper())
    return "".join(letters)[:12]


def default_symbol(sender: Unit) -> str:
    """The letter's symbol from the unit's usual one: KH/TU → CV/TU, KH/ĐU → CV/ĐU (Party);
    KH-UBND → UBND (state); a board or an agency gets its initials (CV/BDVTU, SXD)."""
    header = default_header(sender)
    symbol = header["symbol"]
    if header["layout"] == DocumentLayout.PARTY:
        symbol = "CV" + symbol[2:] if symbol.startswith("KH") else f"CV/{symbol}"
        return symbol if not symbol.endswith("/") else symbol + _initials(sender)
    symbol = symbol[3:] if symbol.startswith("KH-") else symbol
    return symbol or _initials(sender)


def letter_defaults(sender: Unit) -> dict:
    """Signature and Nơi nhận as the unit's last chase letter had them, else its last plan's."""
    from django.utils.translation import gettext, override

    previous = selectors.last_letter_of(sender)
    if previous is not None:
        return {
            "symbol": previous.symbol,
            "signing_authority": previous.signing_authority,
            "signer_title": previous.signer_title,
            "signer_name": previous.signer_name,
            "recipients": previous.recipients,
        }
    plan = Plan.objects.filter(issuing_unit=sender).order_by("-created_at", "-id").first()
    party = default_header(sender)["layout"] == DocumentLayout.PARTY
    with override("vi"):
        recipients = (
            "\n".join([gettext("As above,"), gettext("Filed at the Office.")])
            if party
            else "\n".join([gettext("As above;"), gettext("Filed: Clerical office.")])
        )
    return {
        "symbol": default_symbol(sender),
        "signing_authority": plan.signing_authority if plan else "",
        "signer_title": plan.signer_title if plan else "",
        "signer_name": plan.signer_name if plan else "",
        "recipients": recipients,
    }


def chase_letter_create(
    *,
    actor,
    addressee: Unit,
    sender_unit: Unit,
    report_days: int,
    number: int | None = None,
    symbol: str = "",
    signing_authority: str = "",
    signer_title: str = "",
    signer_name: str = "",
    recipients: str = "",
    submission_key: uuid.UUID | None = None,
    today: date | None = None,
) -> ChaseLetter:
    """Công văn đôn đốc: a letter from a unit of the synthesis board to a late agency,
    listing each late item it must still act on (matter, source notice with its number and
    date, due date, working days late) and asking for a report within `report_days` working
    days, in the sender's legal layout (Decree 30/2020/NĐ-CP or Guideline 36-HD/VPTW). The
    items are kept as they stand today; the letter is audited. The same form sent twice
    makes one letter."""
    if submission_key is not None:
        existing = ChaseLetter.objects.filter(submission_key=submission_key).first()
        if existing is not None:
            return existing
    if not can_chase(actor):
        raise PermissionDenied(MSG_NOT_ALLOWED)
    today = today or timezone.localdate()
    items = [
        i for i in selectors.late_items_for_user(user=actor, today=today, acting_only=True) if i.unit.pk == addressee.pk
    ]
    if not items:
        raise ServiceError(MSG_NOTHING_LATE)
    if sender_unit.pk not in {u.pk for u in selectors.sender_choices(user=actor, addressee=addressee, items=items)}:
        raise ServiceError(MSG_SENDER, field="sender_unit")
    if not 1 <= int(report_days) <= 60:
        raise ServiceError(MSG_REPORT_DAYS, field="report_days")
    header = default_header(sender_unit)
    symbol = normalize_text(symbol or "") or default_symbol(sender_unit)
    if number is not None:
        clash = ChaseLetter.objects.filter(
            sender_unit=sender_unit, number=number, symbol=symbol, issued_on__year=today.year
        ).exists()
        if clash:
            raise ServiceError(MSG_NUMBER_TAKEN % {"number": number, "year": today.year}, field="number")
    try:
        with transaction.atomic():
            letter = ChaseLetter.objects.create(
                sender_unit=sender_unit,
                addressee=addressee,
                layout=header["layout"],
                issuer_parent_line=header["issuer_parent_line"],
                issuer_line=header["issuer_line"],
                number=number,
                symbol=symbol,
                place=header["place"],
                issued_on=today,
                report_by=get_calendar().add(today, int(report_days)),
                items=[i.as_json() for i in items],
                signing_authority=normalize_text(signing_authority or ""),
                signer_title=normalize_text(signer_title or ""),
                signer_name=normalize_text(signer_name or ""),
                recipients="\n".join(normalize_text(line) for line in (recipients or "").splitlines() if line.strip()),
                submission_key=submission_key,
                created_by=actor,
            )
            after = snapshot(letter, CHASE_AUDIT_FIELDS)
            after["items"] = [f"{i.kind}:{i.pk}" for i in items]
            audit_record(actor=actor, action="reminders.chase_letter", target=letter, after=after, unit=sender_unit)
            return letter
    except IntegrityError:
        existing = ChaseLetter.objects.filter(submission_key=submission_key).first() if submission_key else None
        if existing is None:
            raise
        return existing
