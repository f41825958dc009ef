"""Writes to plans, conferences, tasks, participants and agendas.

Each service checks the actor's scope, runs in one transaction, moves status only
through the transition tables in `states.py` and leaves an audit entry.
"""

from __future__ import annotations

import calendar as pycalendar
import re
from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from dialogue.core.errors import ServiceError
from dialogue.core.services import audit_record, notify_unit, snapshot
from dialogue.core.uploads import check_files
from dialogue.lib.text import fold, normalize_text
from dialogue.organisation.models import Level, Unit, UnitCategory, User
from dialogue.organisation.roles import Capability
from dialogue.organisation.selectors import user_can
from dialogue.plans.models import (
    AgendaItem,
    Conference,
    ConferenceChair,
    ConferenceStatus,
    Delegation,
    DocumentLayout,
    InvitationStatus,
    LegalBasis,
    Participant,
    Plan,
    PlanStatus,
    Programme,
    ProgrammeFrequency,
    Responsibility,
    StepKind,
    Task,
    TaskStatus,
    TimelineTemplate,
)
from dialogue.plans.procedure import STANDARD_AGENDA
from dialogue.plans.states import (
    CONFERENCE_TRANSITIONS,
    INVITATION_TRANSITIONS,
    PLAN_TRANSITIONS,
    TASK_TRANSITIONS,
)
from dialogue.workcalendar.selectors import get_calendar

MSG_NOT_ALLOWED = _("You are not allowed to change this plan.")
MSG_TASK_NOT_ALLOWED = _("You are not allowed to update this task.")
MSG_TITLE_REQUIRED = _("Enter the title of the plan.")
MSG_SYMBOL_REQUIRED = _("Enter the symbol of the plan, e.g. “KH/TU” or “KH-UBND”.")
MSG_PLACE_REQUIRED = _("Enter the place written before the date, e.g. “Thái Nguyên”.")
MSG_ISSUER_REQUIRED = _("Enter the issuing body as printed in the header.")
MSG_NUMBER_TAKEN = _("Number %(number)s of %(year)s is already used by another plan of this unit.")
MSG_STALE = _("Someone else changed this in the meantime. Reload the page and make your change again.")
MSG_ONLY_DRAFT = _("An issued plan can no longer be edited; cancel it and issue a new one.")
MSG_ISSUE_DATE = _("Enter the date of issue.")
MSG_CONFERENCE_TITLE = _("Enter the topic of the conference.")
MSG_TIME_ORDER = _("The end time must be after the start time.")
MSG_DATE_OR_PERIOD = _("Enter the date of the conference, or the planned period while the date is not fixed.")
MSG_HOST_OUTSIDE = _("The host unit must lie within the issuing unit's area.")
MSG_CHAIR_NAME = _("Enter the chair's name.")
MSG_UNIT_REQUIRED = _("Choose the responsible unit.")
MSG_UNIT_OUTSIDE = _("The unit must lie within the issuing unit's province or commune.")
MSG_CONFERENCE_OF_OTHER_PLAN = _("This conference belongs to another plan.")
MSG_DESCRIPTION_REQUIRED = _("Describe the duty.")
MSG_TASK_NOTE_OR_FILE = _("Add a note or a file saying what was done.")
MSG_DONE_IN_FUTURE = _("The date done cannot be in the future.")
MSG_PARTICIPANT_NAME = _("Enter the participant's name.")
MSG_PARTICIPANT_EXISTS = _("This person is already on the list of participants.")
MSG_DELEGATION_NAME = _("Enter the name of the delegation.")
MSG_SIZE_EXCEEDS = _("The sub-delegations (%(sum)s) exceed the delegation's expected number (%(size)s).")
MSG_AGENDA_TITLE = _("Enter the agenda item.")
MSG_PROGRAMME_RANGE = _("The end of the programme must not be before its start.")
MSG_PROGRAMME_MONTHS = _("Choose at least one month.")
MSG_PROGRAMME_DAY = _("The day of the month must be between 1 and 31.")
MSG_NOT_HELD_YET = _("A conference can only be marked as held on or after its date.")
MSG_NEEDS_DATE = _("Fix the date of the conference first.")
MSG_ATTENDANCE_BEFORE = _("Attendance is recorded on the day of the conference.")
MSG_ANNOUNCE_CLOSED = _("A conference that was held or cancelled is no longer announced.")
MSG_ANNOUNCE_PAST = _("The conference date has passed; there is nothing left to announce.")
MSG_ANNOUNCE_NEEDS_DATE = _("Fix the date of the conference before announcing it.")
MSG_ANNOUNCE_NEEDS_PLACE = _("Enter the venue or the online meeting address before announcing the conference.")
MSG_ANNOUNCE_PLAN_CANCELLED = _("The plan was cancelled; its conferences are not announced.")
MSG_ANNOUNCE_LATE = _(
    "The law requires the conference to be announced at least %(days)s days before it (Law 72/2025/QH15, "
    "art. 43): the latest lawful day was %(deadline)s. Announce it only if it cannot be moved, and write why "
    "it is announced late."
)
MSG_UNANNOUNCE_REASON = _("Say why the announcement is withdrawn (e.g. the conference is postponed).")

PLAN_FIELDS = [
    "layout",
    "issuer_parent_line",
    "issuer_line",
    "symbol",
    "year",
    "place",
    "issued_on",
    "draft_month",
    "title",
    "basis_verb",
    "introduction",
    "purposes",
    "content",
    "tasks_heading",
    "closing",
    "signing_authority",
    "signer_title",
    "signer",
    "signer_name",
    "recipients",
    "drafter_mark",
]
# Multi-line fields keep their line breaks; the rest are one line.
_MULTILINE = {
    "title",
    "introduction",
    "purposes",
    "content",
    "closing",
    "recipients",
    "audience",
    "scope_note",
    "participation",
    "intro",
    "description",
    "note",
    "done_note",
}
PLAN_AUDIT_FIELDS = ["issuing_unit", "number", "status", *PLAN_FIELDS]
CONFERENCE_FIELDS = [
    "host_unit",
    "title",
    "content",
    "audience",
    "format",
    "venue",
    "online_link",
    "date",
    "start_time",
    "end_time",
    "planned_period",
    "scope_levels",
    "scope_note",
    "participation",
    "order",
]
CONFERENCE_AUDIT_FIELDS = ["plan", "status", *CONFERENCE_FIELDS]
TASK_AUDIT_FIELDS = ["unit", "description", "due_date", "status", "done_on", "done_note", "conference"]


# ---------------------------------------------------------------- helpers


def _audit(actor, action: str, target, plan: Plan, *, before: dict | None = None, after: dict | None = None):
    """Every change to a plan or what hangs from it is read by those who see the plan's issuer."""
    audit_record(actor=actor, action=action, target=target, before=before, after=after, unit=plan.issuing_unit)


def _clean(name: str, value):
    if isinstance(value, str):
        if name in _MULTILINE:
            lines = [normalize_text(line) for line in value.replace("\r\n", "\n").split("\n")]
            text = "\n".join(lines)
            return re.sub(r"\n{3,}", "\n\n", text).strip()
        return normalize_text(value)
    return value


def can_manage_plan(user, plan: Plan) -> bool:
    return user_can(user, Capability.PLAN_MANAGE, plan.issuing_unit)


def _require_manage(actor, plan: Plan) -> None:
    if not can_manage_plan(actor, plan):
        raise PermissionDenied(MSG_NOT_ALLOWED)


def _require_draft(plan: Plan) -> None:
    if plan.status != PlanStatus.DRAFT:
        raise ServiceError(MSG_ONLY_DRAFT)


def _bump(model, obj, expected_version: int | None):
    """Lock the row and refuse a save made on a stale copy (optimistic locking)."""
    locked = model.objects.select_for_update().get(pk=obj.pk)
    if expected_version is not None and locked.version != expected_version:
        raise ServiceError(MSG_STALE)
    return locked


def administrative_area(unit: Unit) -> Unit:
    """The province or commune a body belongs to (Đảng ủy xã Gia Phúc -> Xã Gia Phúc)."""
    current = unit
    while current is not None:
        if current.kind.category == UnitCategory.ADMINISTRATIVE:
            return current
        current = current.parent
    return unit


_PLACE_PREFIX = re.compile(r"^(tỉnh|thành phố|xã|phường|đặc khu|thị xã|thị trấn|huyện|quận)\s+", re.IGNORECASE)


def place_name(unit: Unit) -> str:
    """“Tỉnh Thái Nguyên” -> “Thái Nguyên”, as written before the date of a document."""
    return _PLACE_PREFIX.sub("", administrative_area(unit).name)


def default_header(unit: Unit) -> dict:
    """Header lines, layout and symbol a plan of `unit` usually carries."""
    category = unit.kind.category
    party = category in (UnitCategory.PARTY, UnitCategory.ADVISORY)
    area = administrative_area(unit)
    parent_line = ""
    if party and area.level >= Level.DISTRICT:
        province = area
        while province.parent_id and province.level > Level.PROVINCE:
            province = province.parent
        if province.level == Level.PROVINCE:
            parent_line = f"ĐẢNG BỘ {province.name}".upper()
    folded = unit.name.lower()
    if party:
        if folded.startswith(("tỉnh ủy", "thành ủy", "thị ủy", "tỉnh uỷ", "thành uỷ", "thị uỷ")):
            symbol = "KH/TU"
        elif folded.startswith(("đảng ủy", "đảng uỷ")):
            symbol = "KH/ĐU"
        else:
            symbol = "KH/"
    else:
        symbol = "KH-UBND" if unit.kind.code == "people_committee" else "KH-"
    return {
        "layout": DocumentLayout.PARTY if party else DocumentLayout.STATE,
        "issuer_line": unit.name.upper(),
        "issuer_parent_line": parent_line,
        "symbol": symbol,
        "place": place_name(unit),
    }


_DOC_NUMBER = re.compile(r"số\s+([0-9]+[\w/.\-]*[A-ZĐa-zđ])", re.IGNORECASE)
_DOC_DATE = re.compile(r"ngày\s+(\d{1,2})[/-](\d{1,2})[/-](\d{4})|ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")


def parse_citation(text: str) -> tuple[str, date | None]:
    """Pull the number and date out of a citation so documents can be found by them."""
    number_match = _DOC_NUMBER.search(text)
    number = number_match.group(1) if number_match else ""
    issued = None
    date_match = _DOC_DATE.search(text)
    if date_match:
        parts = date_match.groups()
        d, m, y = (parts[0], parts[1], parts[2]) if parts[0] else (parts[3], parts[4], parts[5])
        try:
            issued = date(int(y), int(m), int(d))
        except ValueError:
            issued = None
    return number, issued


def _set_legal_bases(plan: Plan, citations: Iterable[str]) -> None:
    plan.legal_bases.all().delete()
    for order, citation in enumerate((normalize_text(c) for c in citations), start=1):
        if not citation:
            continue
        number, issued = parse_citation(citation)
        LegalBasis.objects.create(
            plan=plan, order=order, citation=citation.rstrip(";,"), document_number=number, issued_on=issued
        )


# ---------------------------------------------------------------- plans


def _validate_plan(plan: Plan) -> None:
    if not plan.title:
        raise ServiceError(MSG_TITLE_REQUIRED, field="title")
    if not plan.symbol:
        raise ServiceError(MSG_SYMBOL_REQUIRED, field="symbol")
    if not plan.place:
        raise ServiceError(MSG_PLACE_REQUIRED, field="place")
    if not plan.issuer_line:
        raise ServiceError(MSG_ISSUER_REQUIRED, field="issuer_line")
    if plan.issued_on:
        plan.year = plan.issued_on.year
        plan.draft_month = None
    plan.search_folded = fold(f"{plan.title} {plan.symbol} {plan.issuer_line} {plan.place}")


@transaction.atomic
def plan_create(*, actor, issuing_unit: Unit, legal_bases: Iterable[str] = (), **fields) -> Plan:
    """Start a plan (draft) for `issuing_unit`. Header lines, layout and symbol default
    to what the unit's documents carry (Party layout for Party bodies, per Hướng dẫn
    36-HD/VPTW; state layout per Nghị định 30/2020/NĐ-CP otherwise)."""
    if not user_can(actor, Capability.PLAN_MANAGE, issuing_unit):
        raise PermissionDenied(MSG_NOT_ALLOWED)
    unknown = set(fields) - set(PLAN_FIELDS)
    if unknown:
        raise TypeError(f"unknown plan fields: {sorted(unknown)}")
    values = {**default_header(issuing_unit), "year": timezone.localdate().year}
    values.update({k: _clean(k, v) for k, v in fields.items() if v not in (None, "")})
    if values.get("signer") and not values.get("signer_name"):
        values["signer_name"] = values["signer"].full_name
    plan = Plan(issuing_unit=issuing_unit, created_by=actor if getattr(actor, "pk", None) else None, **values)
    _validate_plan(plan)
    plan.save()
    _set_legal_bases(plan, legal_bases)
    audit_record(
        actor=actor,
        action="plan.create",
        target=plan,
        after={**snapshot(plan, PLAN_AUDIT_FIELDS), "legal_bases": [b.citation for b in plan.legal_bases.all()]},
        unit=issuing_unit,
    )
    return plan


@transaction.atomic
def plan_update(
    *, actor, plan: Plan, expected_version: int | None = None, legal_bases: Iterable[str] | None = None, **fields
) -> Plan:
    _require_manage(actor, plan)
    plan = _bump(Plan, plan, expected_version)
    _require_draft(plan)
    unknown = set(fields) - set(PLAN_FIELDS)
    if unknown:
        raise TypeError(f"unknown plan fields: {sorted(unknown)}")
    before = {**snapshot(plan, PLAN_AUDIT_FIELDS), "legal_bases": [b.citation for b in plan.legal_bases.all()]}
    for name, value in fields.items():
        setattr(
            plan,
            name,
            _clean(name, value)
            if value is not None
            else ("" if name not in ("signer", "issued_on", "draft_month") else None),
        )
    if plan.signer and not plan.signer_name:
        plan.signer_name = plan.signer.full_name
    _validate_plan(plan)
    plan.version += 1
    plan.save()
    if legal_bases is not None:
        _set_legal_bases(plan, legal_bases)
    after = {**snapshot(plan, PLAN_AUDIT_FIELDS), "legal_bases": [b.citation for b in plan.legal_bases.all()]}
    _audit(actor, "plan.update", plan, plan, before=before, after=after)
    return plan


def _next_number(plan: Plan, year: int) -> int:
    current = Plan.objects.filter(issuing_unit=plan.issuing_unit, year=year).aggregate(m=Max("number"))["m"]
    return (current or 0) + 1


def plan_issue(*, actor, plan: Plan, issued_on: date | None, number: int | None = None) -> Plan:
    """Issue the plan under a number unique for its unit and year. Without a number the
    next free one is taken; the issuing unit's row is locked while numbering so two
    people issuing at once get different numbers, and the database constraint catches
    anything that slips through."""
    _require_manage(actor, plan)
    if issued_on is None:
        raise ServiceError(MSG_ISSUE_DATE, field="issued_on")
    for _attempt in range(3):
        try:
            with transaction.atomic():
                # NO KEY: numbering is serialised, yet a writer holding this plan may still
                # insert rows that refer to the unit (its audit entry), so no deadlock on PostgreSQL.
                Unit.objects.select_for_update(no_key=True).filter(pk=plan.issuing_unit_id).first()
                locked = Plan.objects.select_for_update().get(pk=plan.pk)
                PLAN_TRANSITIONS.check(locked.status, PlanStatus.ISSUED)
                year = issued_on.year
                chosen = number or _next_number(locked, year)
                clash = Plan.objects.filter(issuing_unit=locked.issuing_unit, year=year, number=chosen)
                if clash.exclude(pk=locked.pk).exists():
                    raise ServiceError(MSG_NUMBER_TAKEN % {"number": chosen, "year": year}, field="number")
                before = snapshot(locked, PLAN_AUDIT_FIELDS)
                locked.number = chosen
                locked.year = year
                locked.issued_on = issued_on
                locked.draft_month = None
                locked.status = PlanStatus.ISSUED
                locked.version += 1
                locked.save()
                for task in locked.tasks.filter(status=TaskStatus.OPEN, step__isnull=True).select_related("unit"):
                    _notify_task(task, exclude=actor)
                _audit(actor, "plan.issue", locked, locked, before=before, after=snapshot(locked, PLAN_AUDIT_FIELDS))
                return locked
        except IntegrityError:
            if number:
                raise ServiceError(
                    MSG_NUMBER_TAKEN % {"number": number, "year": issued_on.year}, field="number"
                ) from None
            continue
    raise ServiceError(MSG_STALE)


@transaction.atomic
def plan_cancel(*, actor, plan: Plan) -> Plan:
    _require_manage(actor, plan)
    plan = _bump(Plan, plan, None)
    PLAN_TRANSITIONS.check(plan.status, PlanStatus.CANCELLED)
    before = snapshot(plan, ["status"])
    plan.status = PlanStatus.CANCELLED
    plan.version += 1
    plan.save()
    plan.tasks.filter(status=TaskStatus.OPEN).update(status=TaskStatus.CANCELLED)
    _audit(actor, "plan.cancel", plan, plan, before=before, after={"status": plan.status})
    return plan


# ---------------------------------------------------------------- responsibilities and tasks


def _plan_unit_ok(plan: Plan, unit: Unit | None) -> Unit:
    """Duties go to units of the issuer's province or commune (its bodies, agencies,
    communes and villages), never to a unit elsewhere in the country."""
    if unit is None:
        raise ServiceError(MSG_UNIT_REQUIRED, field="unit")
    if not unit.path.startswith(administrative_area(plan.issuing_unit).path):
        raise ServiceError(MSG_UNIT_OUTSIDE, field="unit")
    return unit


@transaction.atomic
def responsibility_add(*, actor, plan: Plan, unit: Unit, label: str = "", intro: str = "") -> Responsibility:
    """A heading of “Tổ chức thực hiện”: the unit and, later, its duties."""
    _require_manage(actor, plan)
    _plan_unit_ok(plan, unit)
    order = (plan.responsibilities.aggregate(m=Max("order"))["m"] or 0) + 1
    item = Responsibility.objects.create(
        plan=plan, unit=unit, order=order, label=normalize_text(label) or unit.name, intro=_clean("intro", intro)
    )
    _audit(actor, "plan.responsibility_add", plan, plan, after={"unit": unit.name, "label": item.label})
    return item


@transaction.atomic
def responsibility_update(*, actor, responsibility: Responsibility, unit: Unit, label: str, intro: str = ""):
    plan = responsibility.plan
    _require_manage(actor, plan)
    _plan_unit_ok(plan, unit)
    before = snapshot(responsibility, ["unit", "label", "intro"])
    responsibility.unit = unit
    responsibility.label = normalize_text(label) or unit.name
    responsibility.intro = _clean("intro", intro)
    responsibility.save()
    responsibility.tasks.filter(status=TaskStatus.OPEN).update(unit=unit)
    _audit(
        actor,
        "plan.responsibility_update",
        plan,
        plan,
        before=before,
        after=snapshot(responsibility, ["unit", "label", "intro"]),
    )
    return responsibility


@transaction.atomic
def responsibility_delete(*, actor, responsibility: Responsibility) -> None:
    plan = responsibility.plan
    _require_manage(actor, plan)
    _audit(actor, "plan.responsibility_delete", plan, plan, before=snapshot(responsibility, ["unit", "label", "intro"]))
    responsibility.delete()


@transaction.atomic
def task_add(
    *,
    actor,
    plan: Plan,
    description: str,
    unit: Unit | None = None,
    responsibility: Responsibility | None = None,
    conference: Conference | None = None,
    due_date: date | None = None,
    in_document: bool | None = None,
) -> Task:
    """A duty of a unit with an optional due date (seed 003: “trước ngày 15/5/2026”)."""
    _require_manage(actor, plan)
    if responsibility is not None:
        unit = responsibility.unit
    _plan_unit_ok(plan, unit)
    if conference is not None and conference.plan_id != plan.pk:
        raise ServiceError(MSG_CONFERENCE_OF_OTHER_PLAN, field="conference")
    description = _clean("description", description)
    if not description:
        raise ServiceError(MSG_DESCRIPTION_REQUIRED, field="description")
    siblings = plan.tasks.filter(responsibility=responsibility)
    task = Task.objects.create(
        plan=plan,
        responsibility=responsibility,
        conference=conference,
        unit=unit,
        description=description,
        due_date=due_date,
        in_document=responsibility is not None if in_document is None else in_document,
        order=(siblings.aggregate(m=Max("order"))["m"] or 0) + 1,
    )
    _audit(actor, "task.create", task, plan, after=snapshot(task, TASK_AUDIT_FIELDS))
    if plan.status == PlanStatus.ISSUED:
        # Duties of a draft are announced when the plan is issued (see plan_issue).
        _notify_task(task, exclude=actor)
    return task


def _notify_task(task: Task, *, exclude=None) -> None:
    _notify_unit(
        task.unit,
        gettext("New task from plan %(plan)s: %(task)s")
        % {"plan": task.plan.label, "task": task.description.lstrip("-+ ")[:140]},
        reverse("plans:task_detail", args=[task.pk]),
        exclude=exclude,
    )


@transaction.atomic
def task_update(*, actor, task: Task, description: str, due_date: date | None, unit: Unit | None = None) -> Task:
    _require_manage(actor, task.plan)
    task = Task.objects.select_for_update().get(pk=task.pk)
    before = snapshot(task, TASK_AUDIT_FIELDS)
    description = _clean("description", description)
    if not description:
        raise ServiceError(MSG_DESCRIPTION_REQUIRED, field="description")
    task.description = description
    if due_date != task.due_date:
        task.due_date = due_date
        task.offset_working_days = None  # a hand-set date no longer follows the conference
    if unit is not None and task.responsibility_id is None:
        task.unit = unit
    task.save()
    _audit(actor, "task.update", task, task.plan, before=before, after=snapshot(task, TASK_AUDIT_FIELDS))
    return task


@transaction.atomic
def task_delete(*, actor, task: Task) -> None:
    _require_manage(actor, task.plan)
    _audit(actor, "task.delete", task, task.plan, before=snapshot(task, TASK_AUDIT_FIELDS))
    task.delete()


def can_update_task(user, task: Task) -> bool:
    if task.plan.status == PlanStatus.CANCELLED:
        return False
    return user_can(user, Capability.TASK_UPDATE, task.unit) or can_manage_plan(user, task.plan)


@transaction.atomic
def task_complete(*, actor, task: Task, note: str = "", file=None, done_on: date | None = None) -> Task:
    """The responsible unit reports a duty done, with a note or a file as evidence."""
    if not can_update_task(actor, task):
        raise PermissionDenied(MSG_TASK_NOT_ALLOWED)
    task = Task.objects.select_for_update().get(pk=task.pk)
    TASK_TRANSITIONS.check(task.status, TaskStatus.DONE)
    note = _clean("done_note", note)
    if not note and not file:
        raise ServiceError(MSG_TASK_NOTE_OR_FILE, field="note")
    evidence = None
    if file:  # checked by its content, as every upload (core.uploads): a page renamed .pdf is refused
        try:
            (evidence,) = check_files([file], max_files=1)
        except ServiceError as error:
            raise ServiceError(error.message, field="file") from None
    today = timezone.localdate()
    done_on = done_on or today
    if done_on > today:
        raise ServiceError(MSG_DONE_IN_FUTURE, field="done_on")
    before = snapshot(task, TASK_AUDIT_FIELDS)
    task.status = TaskStatus.DONE
    task.done_on = done_on
    task.done_at = timezone.now()
    task.done_by = actor
    task.done_note = note
    if evidence:
        task.evidence_name = evidence.name[:255]
        task.evidence.save(evidence.stored_name, file, save=False)
    task.save()
    audit_record(
        actor=actor,
        action="task.complete",
        target=task,
        before=before,
        after=snapshot(task, TASK_AUDIT_FIELDS),
        unit=task.unit,
    )
    return task


@transaction.atomic
def task_reopen(*, actor, task: Task) -> Task:
    if not can_update_task(actor, task):
        raise PermissionDenied(MSG_TASK_NOT_ALLOWED)
    task = Task.objects.select_for_update().get(pk=task.pk)
    TASK_TRANSITIONS.check(task.status, TaskStatus.OPEN)
    before = snapshot(task, TASK_AUDIT_FIELDS)
    task.status = TaskStatus.OPEN
    task.done_on = None
    task.done_at = None
    task.done_by = None
    task.save()
    audit_record(
        actor=actor,
        action="task.reopen",
        target=task,
        before=before,
        after=snapshot(task, TASK_AUDIT_FIELDS),
        unit=task.unit,
    )
    return task


def _notify_unit(unit: Unit, message: str, url: str, *, exclude=None) -> int:
    return notify_unit(unit=unit, capability=Capability.TASK_UPDATE, message=message, url=url, exclude=exclude)


# ---------------------------------------------------------------- conferences


def _due_date(conference_date: date, offset: int, min_days_before: int | None) -> date:
    """The working day `offset` days from the conference; with a legal minimum in
    calendar days (Law 72/2025/QH15 art. 43: announce at least 7 days before), no later
    than the last working day that still respects it."""
    cal = get_calendar()
    due = cal.add(conference_date, offset)
    if min_days_before:
        limit = conference_date - timedelta(days=min_days_before)
        latest = cal.add(limit + timedelta(days=1), -1)
        due = min(due, latest)
    return due


def _validate_conference(conference: Conference, plan: Plan) -> None:
    if not conference.title:
        raise ServiceError(MSG_CONFERENCE_TITLE, field="title")
    if not conference.date and not conference.planned_period:
        raise ServiceError(MSG_DATE_OR_PERIOD, field="date")
    if conference.start_time and conference.end_time and conference.end_time <= conference.start_time:
        raise ServiceError(MSG_TIME_ORDER, field="end_time")
    if conference.host_unit_id and not conference.host_unit.path.startswith(
        administrative_area(plan.issuing_unit).path
    ):
        raise ServiceError(MSG_HOST_OUTSIDE, field="host_unit")


@transaction.atomic
def conference_create(
    *, actor, plan: Plan, chairs: Iterable[Mapping] = (), served_units: Iterable[Unit] = (), **fields
) -> Conference:
    """Schedule a conference of the plan: with a date, or a planned period fixed later."""
    _require_manage(actor, plan)
    if plan.status == PlanStatus.CANCELLED:
        raise ServiceError(MSG_ONLY_DRAFT)
    unknown = set(fields) - set(CONFERENCE_FIELDS)
    if unknown:
        raise TypeError(f"unknown conference fields: {sorted(unknown)}")
    values = {k: _clean(k, v) for k, v in fields.items() if v is not None}
    values.setdefault("host_unit", administrative_area(plan.issuing_unit))
    values.setdefault("order", (plan.conferences.aggregate(m=Max("order"))["m"] or 0) + 1)
    conference = Conference(plan=plan, **values)
    conference.status = ConferenceStatus.SCHEDULED if conference.date else ConferenceStatus.PLANNED
    _validate_conference(conference, plan)
    conference.save()
    if served_units:
        conference.served_units.set(_served_ok(plan, served_units))
    for order, chair in enumerate(chairs, start=1):
        _chair_create(conference, order=order, **chair)
    _audit(actor, "conference.create", conference, plan, after=snapshot(conference, CONFERENCE_AUDIT_FIELDS))
    return conference


@transaction.atomic
def conference_update(
    *,
    actor,
    conference: Conference,
    expected_version: int | None = None,
    served_units: Iterable[Unit] | None = None,
    **fields,
) -> Conference:
    """Change a conference. Moving its date recomputes the open deadlines of its
    preparation timeline (working days, counted from the new date) and tells the
    responsible people; conferences generated by the same programme do not move."""
    plan = conference.plan
    _require_manage(actor, plan)
    conference = _bump(Conference, conference, expected_version)
    unknown = set(fields) - set(CONFERENCE_FIELDS)
    if unknown:
        raise TypeError(f"unknown conference fields: {sorted(unknown)}")
    before = snapshot(conference, CONFERENCE_AUDIT_FIELDS)
    old_date = conference.date
    for name, value in fields.items():
        setattr(conference, name, _clean(name, value) if value is not None else _empty(conference, name))
    _validate_conference(conference, plan)
    if conference.date and conference.status == ConferenceStatus.PLANNED:
        CONFERENCE_TRANSITIONS.check(conference.status, ConferenceStatus.SCHEDULED)
        conference.status = ConferenceStatus.SCHEDULED
    conference.version += 1
    conference.save()
    if served_units is not None:
        conference.served_units.set(served_units)
    _audit(
        actor, "conference.update", conference, plan, before=before, after=snapshot(conference, CONFERENCE_AUDIT_FIELDS)
    )
    if conference.date != old_date:
        _reschedule(actor, conference, old_date)
    return conference


def _served_ok(plan: Plan, units: Iterable[Unit]) -> list[Unit]:
    area = administrative_area(plan.issuing_unit).path
    units = list(units)
    if any(not u.path.startswith(area) for u in units):
        raise ServiceError(MSG_UNIT_OUTSIDE, field="served_units")
    return units


def _empty(obj, name):
    field = obj._meta.get_field(name)
    if field.null:
        return None
    if name == "scope_levels":
        return []
    return ""


def _reschedule(actor, conference: Conference, old_date: date | None) -> int:
    """Recompute open timeline deadlines and notify each responsible unit once."""
    changed: dict[int, list[Task]] = {}
    for task in conference.tasks.select_for_update().filter(status=TaskStatus.OPEN, offset_working_days__isnull=False):
        new_due = (
            _due_date(conference.date, task.offset_working_days, task.min_calendar_days_before)
            if conference.date
            else None
        )
        if new_due != task.due_date:
            task.due_date = new_due
            task.save(update_fields=["due_date"])
            changed.setdefault(task.unit_id, []).append(task)
    if not changed:
        return 0
    when = conference.date.strftime("%d/%m/%Y") if conference.date else conference.planned_period
    for tasks in changed.values():
        lines = "; ".join(
            f"{t.description[:80]} ({t.due_date.strftime('%d/%m/%Y') if t.due_date else '—'})" for t in tasks
        )
        _notify_unit(
            tasks[0].unit,
            gettext("The conference “%(title)s” moved to %(when)s. New deadlines: %(tasks)s")
            % {"title": conference.title[:100], "when": when, "tasks": lines},
            reverse("plans:conference_detail", args=[conference.pk]),
            exclude=actor,
        )
    _audit(
        actor,
        "conference.reschedule",
        conference,
        conference.plan,
        before={"date": old_date.isoformat() if old_date else None},
        after={
            "date": conference.date.isoformat() if conference.date else None,
            "tasks": sum(len(v) for v in changed.values()),
        },
    )
    return sum(len(v) for v in changed.values())


@transaction.atomic
def conference_set_status(*, actor, conference: Conference, status: str) -> Conference:
    _require_manage(actor, conference.plan)
    conference = _bump(Conference, conference, None)
    CONFERENCE_TRANSITIONS.check(conference.status, status)
    if status == ConferenceStatus.HELD and (not conference.date or conference.date > timezone.localdate()):
        raise ServiceError(MSG_NOT_HELD_YET)
    before = snapshot(conference, ["status"])
    conference.status = status
    conference.version += 1
    conference.save()
    if status == ConferenceStatus.CANCELLED:
        conference.tasks.filter(status=TaskStatus.OPEN).update(status=TaskStatus.CANCELLED)
    _audit(actor, f"conference.{status}", conference, conference.plan, before=before, after={"status": status})
    return conference


# ---------------------------------------------------------------- public announcement


ANNOUNCE_AUDIT_FIELDS = ["announced_at", "announced_by", "announce_late_reason"]


def announce_min_days() -> int:
    """Law 72/2025/QH15 art. 43: at least this many calendar days between the public
    announcement and the conference (setting PORTAL_ANNOUNCE_MIN_DAYS, 7)."""
    return settings.PORTAL_ANNOUNCE_MIN_DAYS


def announce_deadline(conference: Conference) -> date | None:
    """The latest lawful day to announce the conference: its date minus N calendar days
    (the law counts calendar days, so a day off does not move it). None without a date."""
    if conference.date is None:
        return None
    return conference.date - timedelta(days=announce_min_days())


def announce_missing(conference: Conference) -> list[str]:
    """What the conference still lacks to be announced (empty when it can be)."""
    missing = []
    if conference.date is None:
        missing.append(str(MSG_ANNOUNCE_NEEDS_DATE))
    if not (conference.venue or conference.online_link):
        missing.append(str(MSG_ANNOUNCE_NEEDS_PLACE))
    return missing


def _check_announceable(conference: Conference, today: date) -> None:
    if conference.status in (ConferenceStatus.HELD, ConferenceStatus.CANCELLED):
        raise ServiceError(MSG_ANNOUNCE_CLOSED)
    if conference.plan.status == PlanStatus.CANCELLED:
        raise ServiceError(MSG_ANNOUNCE_PLAN_CANCELLED)
    if conference.date is None:
        raise ServiceError(MSG_ANNOUNCE_NEEDS_DATE, field="date")
    if conference.date < today:
        raise ServiceError(MSG_ANNOUNCE_PAST)
    if not (conference.venue or conference.online_link):
        raise ServiceError(MSG_ANNOUNCE_NEEDS_PLACE, field="venue")


@transaction.atomic
def conference_announce(
    *, actor, conference: Conference, late_reason: str = "", expected_version: int | None = None
) -> Conference:
    """Publish the conference on the public portal (topic, audience, time, place and how
    to take part). Law 72/2025/QH15 art. 43: a commune announces its dialogue at least 7
    days before it (PORTAL_ANNOUNCE_MIN_DAYS). After the latest lawful day the
    announcement is refused unless the person says why it is late; the reason is kept
    and shown. Announcing what is already announced changes nothing (a double submit)."""
    _require_manage(actor, conference.plan)
    locked = Conference.objects.select_for_update().select_related("plan").get(pk=conference.pk)
    if locked.announced_at is not None:
        return locked
    if expected_version is not None and locked.version != expected_version:
        raise ServiceError(MSG_STALE)
    today = timezone.localdate()
    _check_announceable(locked, today)
    deadline = announce_deadline(locked)
    late = today > deadline
    late_reason = _clean("participation", late_reason or "")
    if late and not late_reason:
        raise ServiceError(
            MSG_ANNOUNCE_LATE % {"days": announce_min_days(), "deadline": deadline.strftime("%d/%m/%Y")},
            field="late_reason",
        )
    before = snapshot(locked, ANNOUNCE_AUDIT_FIELDS)
    locked.announced_at = timezone.now()
    locked.announced_by = actor if getattr(actor, "pk", None) else None
    locked.announce_late_reason = late_reason if late else ""
    locked.version += 1
    locked.save(update_fields=[*ANNOUNCE_AUDIT_FIELDS, "version", "updated_at"])
    _audit(
        actor,
        "conference.announce",
        locked,
        locked.plan,
        before=before,
        after={
            **snapshot(locked, ANNOUNCE_AUDIT_FIELDS),
            "date": locked.date.isoformat(),
            "deadline": deadline.isoformat(),
            "late": late,
        },
    )
    _announce_tasks_complete(actor, locked)
    return locked


def _announce_tasks_complete(actor, conference: Conference) -> int:
    """The timeline's duty "announce publicly" of this conference is done by the
    announcement itself: marked done with a note saying so, audited like any duty."""
    today = timezone.localdate()
    with translation.override("vi"):
        note = gettext("Announced on the public portal on %(date)s.") % {"date": today.strftime("%d/%m/%Y")}
    tasks = Task.objects.select_for_update().filter(
        conference=conference, step__kind=StepKind.ANNOUNCE, status=TaskStatus.OPEN
    )
    done = 0
    for task in tasks:
        before = snapshot(task, TASK_AUDIT_FIELDS)
        task.status = TaskStatus.DONE
        task.done_on = today
        task.done_at = timezone.now()
        task.done_by = actor if getattr(actor, "pk", None) else None
        task.done_note = note
        task.save(update_fields=["status", "done_on", "done_at", "done_by", "done_note"])
        audit_record(
            actor=actor,
            action="task.complete",
            target=task,
            before=before,
            after=snapshot(task, TASK_AUDIT_FIELDS),
            unit=task.unit,
        )
        done += 1
    return done


@transaction.atomic
def conference_unannounce(
    *, actor, conference: Conference, reason: str, expected_version: int | None = None
) -> Conference:
    """Withdraw the conference from the public portal (postponed, moved, announced by
    mistake), saying why. The automatic announcement (`plans.announce`) does not bring
    it back while its date stays the same; a new date is announced again in time."""
    _require_manage(actor, conference.plan)
    locked = Conference.objects.select_for_update().select_related("plan").get(pk=conference.pk)
    if locked.announced_at is None:
        return locked
    if expected_version is not None and locked.version != expected_version:
        raise ServiceError(MSG_STALE)
    reason = _clean("participation", reason or "")
    if not reason:
        raise ServiceError(MSG_UNANNOUNCE_REASON, field="reason")
    before = snapshot(locked, ANNOUNCE_AUDIT_FIELDS)
    locked.announced_at = None
    locked.announced_by = None
    locked.announce_late_reason = ""
    locked.version += 1
    locked.save(update_fields=[*ANNOUNCE_AUDIT_FIELDS, "version", "updated_at"])
    _audit(
        actor,
        "conference.unannounce",
        locked,
        locked.plan,
        before=before,
        after={"reason": reason, "date": locked.date.isoformat() if locked.date else None},
    )
    return locked


def _chair_create(conference: Conference, *, order: int, name: str = "", position: str = "", person=None):
    name = normalize_text(name) or (person.full_name if person else "")
    if not name:
        raise ServiceError(MSG_CHAIR_NAME, field="name")
    return ConferenceChair.objects.create(
        conference=conference,
        order=order,
        person=person,
        name=name,
        position=normalize_text(position) or (person.position if person else ""),
    )


@transaction.atomic
def chair_add(*, actor, conference: Conference, name: str = "", position: str = "", person=None) -> ConferenceChair:
    """Add a chair (người chủ trì); seed 004 has the Party secretary and the commune chairman."""
    _require_manage(actor, conference.plan)
    order = (conference.chairs.aggregate(m=Max("order"))["m"] or 0) + 1
    chair = _chair_create(conference, order=order, name=name, position=position, person=person)
    _audit(actor, "conference.chair_add", conference, conference.plan, after={"chair": str(chair)})
    return chair


@transaction.atomic
def chair_remove(*, actor, chair: ConferenceChair) -> None:
    conference = chair.conference
    _require_manage(actor, conference.plan)
    _audit(actor, "conference.chair_remove", conference, conference.plan, before={"chair": str(chair)})
    chair.delete()


# ---------------------------------------------------------------- timelines


@transaction.atomic
def timeline_apply(
    *, actor, conference: Conference, template: TimelineTemplate, units: Mapping[int, Unit]
) -> list[Task]:
    """Create the template's steps as tasks of the conference, each due a number of
    working days before or after the conference date, for the unit chosen per step.
    Applying again replaces the open tasks of the earlier timeline; done ones stay."""
    plan = conference.plan
    _require_manage(actor, plan)
    conference = _bump(Conference, conference, None)
    conference.tasks.filter(step__isnull=False, status=TaskStatus.OPEN).delete()
    tasks = []
    for step in template.steps.all():
        unit = units.get(step.pk) or plan.issuing_unit
        due = (
            _due_date(conference.date, step.offset_working_days, step.min_calendar_days_before)
            if conference.date
            else None
        )
        tasks.append(
            Task.objects.create(
                plan=plan,
                conference=conference,
                step=step,
                unit=unit,
                order=step.order,
                description=step.title,
                due_date=due,
                offset_working_days=step.offset_working_days,
                min_calendar_days_before=step.min_calendar_days_before,
                in_document=False,
            )
        )
    conference.timeline_template = template
    conference.version += 1
    conference.save(update_fields=["timeline_template", "version"])
    _audit(
        actor,
        "conference.timeline_apply",
        conference,
        plan,
        after={"template": template.name, "tasks": [f"{t.description} — {t.unit.name} — {t.due_date}" for t in tasks]},
    )
    by_unit: dict[int, list[Task]] = {}
    for task in tasks:
        by_unit.setdefault(task.unit_id, []).append(task)
    for unit_tasks in by_unit.values():
        _notify_unit(
            unit_tasks[0].unit,
            gettext("New preparation tasks for the conference “%(title)s”: %(count)s")
            % {"title": conference.title[:100], "count": len(unit_tasks)},
            reverse("plans:conference_detail", args=[conference.pk]),
            exclude=actor,
        )
    return tasks


# ---------------------------------------------------------------- programmes


QUARTER_NAMES = {1: "I", 2: "II", 3: "III", 4: "IV"}


def programme_occurrences(programme: Programme) -> list[tuple[str, date | None, str]]:
    """(key, date or None, planned period) for every occurrence in the programme's range.
    A day of the month that falls on a day off moves to the next working day."""
    cal = get_calendar()
    result = []
    year, month = programme.start_date.year, programme.start_date.month
    while (year, month) <= (programme.end_date.year, programme.end_date.month):
        wanted = (
            programme.frequency == ProgrammeFrequency.MONTHLY
            or (programme.frequency == ProgrammeFrequency.QUARTERLY and month in (programme.months or [1, 4, 7, 10]))
            or (programme.frequency == ProgrammeFrequency.MONTHS and month in (programme.months or []))
        )
        if wanted:
            quarter = (month - 1) // 3 + 1
            key = f"{year}-Q{quarter}" if programme.frequency == ProgrammeFrequency.QUARTERLY else f"{year}-{month:02d}"
            if programme.day_of_month:
                day = min(programme.day_of_month, pycalendar.monthrange(year, month)[1])
                when = cal.add(date(year, month, day), 0)
                if programme.start_date <= date(year, month, day) <= programme.end_date:
                    result.append((key, when, ""))
            else:
                period = (
                    f"Quý {QUARTER_NAMES[quarter]}/{year}"
                    if programme.frequency == ProgrammeFrequency.QUARTERLY
                    else f"Tháng {month}/{year}"
                )
                result.append((key, None, period))
        month += 1
        if month > 12:
            year, month = year + 1, 1
    return result


@transaction.atomic
def programme_create(
    *,
    actor,
    plan: Plan,
    title: str,
    frequency: str,
    start_date: date,
    end_date: date,
    day_of_month: int | None = None,
    months: list[int] | None = None,
    **defaults,
) -> Programme:
    _require_manage(actor, plan)
    if end_date < start_date:
        raise ServiceError(MSG_PROGRAMME_RANGE, field="end_date")
    if day_of_month is not None and not 1 <= day_of_month <= 31:
        raise ServiceError(MSG_PROGRAMME_DAY, field="day_of_month")
    months = sorted({int(m) for m in months or [] if 1 <= int(m) <= 12})
    if frequency == ProgrammeFrequency.MONTHS and not months:
        raise ServiceError(MSG_PROGRAMME_MONTHS, field="months")
    title = normalize_text(title)
    if not title:
        raise ServiceError(MSG_CONFERENCE_TITLE, field="title")
    chair_person = defaults.get("chair_person")
    if chair_person:
        defaults["chair_name"] = defaults.get("chair_name") or chair_person.full_name
        defaults["chair_position"] = defaults.get("chair_position") or chair_person.position
    programme = Programme.objects.create(
        plan=plan,
        title=title,
        frequency=frequency,
        start_date=start_date,
        end_date=end_date,
        day_of_month=day_of_month,
        months=months,
        **{k: _clean(k, v) for k, v in defaults.items() if v is not None},
    )
    _audit(
        actor,
        "programme.create",
        programme,
        plan,
        after=snapshot(programme, ["title", "frequency", "day_of_month", "months", "start_date", "end_date"]),
    )
    return programme


@transaction.atomic
def programme_generate(*, actor, programme: Programme) -> list[Conference]:
    """Create the programme's conferences that do not exist yet. Each is then its own
    record: generating again adds only missing ones and never moves existing ones."""
    plan = programme.plan
    _require_manage(actor, plan)
    existing = set(programme.conferences.values_list("occurrence_key", flat=True))
    created = []
    order = plan.conferences.aggregate(m=Max("order"))["m"] or 0
    for key, when, period in programme_occurrences(programme):
        if key in existing:
            continue
        order += 1
        label = when.strftime("%d/%m/%Y") if when else period
        conference = Conference.objects.create(
            plan=plan,
            programme=programme,
            occurrence_key=key,
            order=order,
            host_unit=administrative_area(plan.issuing_unit),
            title=f"{programme.title} ({label})",
            content=programme.content,
            audience=programme.audience,
            venue=programme.venue,
            format=programme.format,
            start_time=programme.start_time,
            date=when,
            planned_period=period,
            status=ConferenceStatus.SCHEDULED if when else ConferenceStatus.PLANNED,
        )
        if programme.chair_name or programme.chair_person_id:
            _chair_create(
                conference,
                order=1,
                name=programme.chair_name,
                position=programme.chair_position,
                person=programme.chair_person,
            )
        created.append(conference)
    _audit(actor, "programme.generate", programme, plan, after={"created": [c.occurrence_key for c in created]})
    return created


# ---------------------------------------------------------------- delegations and participants


@transaction.atomic
def delegation_add(
    *,
    actor,
    conference: Conference,
    name: str,
    expected_size: int | None = None,
    unit: Unit | None = None,
    parent: Delegation | None = None,
    note: str = "",
) -> Delegation:
    """Expected delegates (seed 000: ~30 province delegates; ~250 city delegates of whom
    ~200 citizens and ~20 businesses). Sub-delegations may not add up to more than their parent."""
    _require_manage(actor, conference.plan)
    name = normalize_text(name)
    if not name:
        raise ServiceError(MSG_DELEGATION_NAME, field="name")
    if parent is not None and parent.expected_size and expected_size:
        total = sum(c.expected_size or 0 for c in parent.children.all()) + expected_size
        if total > parent.expected_size:
            raise ServiceError(MSG_SIZE_EXCEEDS % {"sum": total, "size": parent.expected_size}, field="expected_size")
    order = (conference.delegations.aggregate(m=Max("order"))["m"] or 0) + 1
    delegation = Delegation.objects.create(
        conference=conference,
        name=name,
        expected_size=expected_size,
        unit=unit,
        parent=parent,
        order=order,
        note=_clean("note", note),
    )
    _audit(
        actor,
        "conference.delegation_add",
        conference,
        conference.plan,
        after=snapshot(delegation, ["name", "expected_size", "unit", "parent", "note"]),
    )
    return delegation


@transaction.atomic
def delegation_delete(*, actor, delegation: Delegation) -> None:
    conference = delegation.conference
    _require_manage(actor, conference.plan)
    _audit(
        actor,
        "conference.delegation_delete",
        conference,
        conference.plan,
        before=snapshot(delegation, ["name", "expected_size", "unit", "parent"]),
    )
    delegation.delete()


@transaction.atomic
def participant_add(
    *,
    actor,
    conference: Conference,
    person: User | None = None,
    full_name: str = "",
    position: str = "",
    organisation: str = "",
    email: str = "",
    phone: str = "",
    delegation: Delegation | None = None,
) -> Participant:
    """Invite a named person: picked from the organisation tree (details copied from the
    account) or typed by hand."""
    _require_manage(actor, conference.plan)
    if person is not None:
        if conference.participants.filter(person=person).exists():
            raise ServiceError(MSG_PARTICIPANT_EXISTS, field="person")
        full_name = full_name or person.full_name
        position = position or person.position
        organisation = organisation or (person.organisation.name if person.organisation_id else "")
        email = email or person.email
        phone = phone or person.phone
    full_name = normalize_text(full_name)
    if not full_name:
        raise ServiceError(MSG_PARTICIPANT_NAME, field="full_name")
    try:
        with transaction.atomic():
            participant = Participant.objects.create(
                conference=conference,
                person=person,
                full_name=full_name,
                position=normalize_text(position),
                organisation=normalize_text(organisation),
                email=normalize_text(email),
                phone=normalize_text(phone),
                delegation=delegation,
            )
    except IntegrityError:
        raise ServiceError(MSG_PARTICIPANT_EXISTS, field="person") from None
    _audit(
        actor,
        "conference.participant_add",
        conference,
        conference.plan,
        after=snapshot(participant, ["full_name", "position", "organisation", "delegation"]),
    )
    return participant


@transaction.atomic
def participant_remove(*, actor, participant: Participant) -> None:
    conference = participant.conference
    _require_manage(actor, conference.plan)
    _audit(
        actor,
        "conference.participant_remove",
        conference,
        conference.plan,
        before=snapshot(participant, ["full_name", "position", "organisation"]),
    )
    participant.delete()


@transaction.atomic
def participant_set_invitation(*, actor, participant: Participant, status: str) -> Participant:
    """Track the invitation: sent, then confirmed or declined (either may change later)."""
    conference = participant.conference
    _require_manage(actor, conference.plan)
    participant = Participant.objects.select_for_update().get(pk=participant.pk)
    INVITATION_TRANSITIONS.check(participant.invitation_status, status)
    before = snapshot(participant, ["invitation_status"])
    participant.invitation_status = status
    now = timezone.now()
    if status == InvitationStatus.INVITED:
        participant.invited_at = now
    elif status in (InvitationStatus.CONFIRMED, InvitationStatus.DECLINED):
        participant.responded_at = now
    participant.save()
    _audit(
        actor, "conference.invitation", participant, conference.plan, before=before, after={"invitation_status": status}
    )
    return participant


@transaction.atomic
def invitations_mark_sent(*, actor, conference: Conference) -> int:
    """Mark every participant not yet invited as invited (after the giấy mời went out)."""
    _require_manage(actor, conference.plan)
    pending = conference.participants.select_for_update().filter(invitation_status=InvitationStatus.PENDING)
    count = pending.update(invitation_status=InvitationStatus.INVITED, invited_at=timezone.now())
    _audit(actor, "conference.invitations_sent", conference, conference.plan, after={"count": count})
    return count


@transaction.atomic
def participant_set_attendance(*, actor, participant: Participant, attended: bool) -> Participant:
    """Record on the day whether an invitee came (the live console builds on this)."""
    conference = participant.conference
    _require_manage(actor, conference.plan)
    if not conference.date or conference.date > timezone.localdate():
        raise ServiceError(MSG_ATTENDANCE_BEFORE)
    participant = Participant.objects.select_for_update().get(pk=participant.pk)
    before = snapshot(participant, ["attended"])
    participant.attended = attended
    participant.checked_in_at = timezone.now() if attended else None
    participant.save()
    _audit(actor, "conference.attendance", participant, conference.plan, before=before, after={"attended": attended})
    return participant


# ---------------------------------------------------------------- agenda


@transaction.atomic
def agenda_prefill(*, actor, conference: Conference) -> int:
    """Fill an empty agenda with the standard order of business of seeds 002–004."""
    _require_manage(actor, conference.plan)
    if conference.agenda_items.exists():
        return 0
    for order, (title, presenter, minutes) in enumerate(STANDARD_AGENDA, start=1):
        AgendaItem.objects.create(
            conference=conference, order=order, title=title, presenter=presenter, duration_minutes=minutes
        )
    _audit(actor, "conference.agenda_prefill", conference, conference.plan, after={"items": len(STANDARD_AGENDA)})
    return len(STANDARD_AGENDA)


def _agenda_values(title: str, presenter: str, duration_minutes: int) -> dict:
    title = normalize_text(title)
    if not title:
        raise ServiceError(MSG_AGENDA_TITLE, field="title")
    return {"title": title, "presenter": normalize_text(presenter), "duration_minutes": duration_minutes}


@transaction.atomic
def agenda_item_add(
    *, actor, conference: Conference, title: str, presenter: str = "", duration_minutes: int = 10
) -> AgendaItem:
    _require_manage(actor, conference.plan)
    order = (conference.agenda_items.aggregate(m=Max("order"))["m"] or 0) + 1
    item = AgendaItem.objects.create(
        conference=conference, order=order, **_agenda_values(title, presenter, duration_minutes)
    )
    _audit(
        actor,
        "conference.agenda_add",
        conference,
        conference.plan,
        after=snapshot(item, ["order", "title", "presenter", "duration_minutes"]),
    )
    return item


@transaction.atomic
def agenda_item_update(
    *, actor, item: AgendaItem, title: str, presenter: str = "", duration_minutes: int = 10
) -> AgendaItem:
    conference = item.conference
    _require_manage(actor, conference.plan)
    before = snapshot(item, ["title", "presenter", "duration_minutes"])
    for name, value in _agenda_values(title, presenter, duration_minutes).items():
        setattr(item, name, value)
    item.save()
    _audit(
        actor,
        "conference.agenda_update",
        conference,
        conference.plan,
        before=before,
        after=snapshot(item, ["title", "presenter", "duration_minutes"]),
    )
    return item


@transaction.atomic
def agenda_item_delete(*, actor, item: AgendaItem) -> None:
    conference = item.conference
    _require_manage(actor, conference.plan)
    _audit(actor, "conference.agenda_delete", conference, conference.plan, before=snapshot(item, ["order", "title"]))
    item.delete()
    _renumber(conference.agenda_items.all())


@transaction.atomic
def agenda_item_move(*, actor, item: AgendaItem, up: bool) -> None:
    conference = item.conference
    _require_manage(actor, conference.plan)
    items = list(conference.agenda_items.select_for_update().order_by("order", "id"))
    index = next(i for i, it in enumerate(items) if it.pk == item.pk)
    other = index - 1 if up else index + 1
    if 0 <= other < len(items):
        items[index], items[other] = items[other], items[index]
        _renumber(items)
        _audit(
            actor,
            "conference.agenda_move",
            conference,
            conference.plan,
            after={"order": [it.title[:60] for it in items]},
        )


def _renumber(items) -> None:
    for order, it in enumerate(items, start=1):
        if it.order != order:
            it.order = order
            it.save(update_fields=["order"])
