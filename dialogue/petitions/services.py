"""Writes to petitions, groups and answers.

Each service checks the actor's scope, runs in one transaction, moves status only
through the tables in `states.py` and leaves an audit entry scoped to the receiving unit.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable
from datetime import date, datetime

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from dialogue.core.errors import ServiceError
from dialogue.core.services import audit_record, notify, notify_unit, snapshot
from dialogue.core.uploads import check_files, safe_upload_name
from dialogue.lib.phones import InvalidPhone, normalize_phone
from dialogue.lib.text import fold, normalize_text
from dialogue.organisation.models import Unit, UnitCategory, User
from dialogue.organisation.roles import Capability, Role, roles_with
from dialogue.organisation.selectors import province_of, scope_paths, user_can
from dialogue.petitions import similarity
from dialogue.petitions.models import (
    LEVEL_OF,
    AckKind,
    Answer,
    AnswerMode,
    AnswerStatus,
    Attachment,
    Channel,
    Field,
    GroupStatus,
    ImportBatch,
    Petition,
    PetitionerKind,
    PetitionGroup,
    PetitionStatus,
    SavedFilter,
    Support,
)
from dialogue.petitions.states import GROUP_TRANSITIONS, PETITION_TRANSITIONS
from dialogue.plans.models import Conference, TaskStatus
from dialogue.plans.services import administrative_area
from dialogue.privacy.basis import purpose_key_for
from dialogue.workcalendar.selectors import get_calendar

# QĐ 11-QĐi/TW: the petitioner is told within 10 working days that the petition was
# accepted or forwarded.
ACK_WORKING_DAYS = 10
# Without a timeline, an agency has this many working days to answer.
DEFAULT_ANSWER_WORKING_DAYS = 10
# A repeat is flagged at the duplicate threshold (precision 0.96, recall 1.00 on the labelled pairs).
REPEAT_THRESHOLD = similarity.DUPLICATE_THRESHOLD

MSG_NOT_ALLOWED = _("You are not allowed to do this for this unit's petitions.")
MSG_ALREADY_REVIEWED = _(
    "This answer was approved or returned by someone else in the meantime. Reload the page to see the decision."
)
MSG_CONTENT_REQUIRED = _("Enter the content of the opinion or petition (at least 10 characters).")
MSG_CONTENT_TOO_LONG = _("The content is longer than 5,000 characters; split it into several petitions.")
MSG_RECEIVED_FUTURE = _("The date received cannot be in the future.")
MSG_CONFERENCE_UNIT = _("The conference does not belong to the receiving unit.")
MSG_NAME_OR_ORG = _("Enter the name of the organisation or person.")
MSG_FIELD_REQUIRED = _("Choose the field.")
MSG_LEVEL_REQUIRED = _("Choose the level whose jurisdiction it is.")
MSG_NOT_TRIAGED = _("Classify the petition (field and level) first.")
MSG_GROUP_EMPTY = _("Choose at least one petition.")
MSG_GROUP_OTHER_UNIT = _("Only petitions received by the same unit can be merged.")
MSG_SUMMARY_REQUIRED = _("Write the summarised opinion of the group.")
MSG_LEAD_REQUIRED = _("Choose the lead agency.")
MSG_LEAD_SUPPORTING = _("The lead agency cannot also be a supporting agency.")
MSG_ANSWER_REQUIRED = _("Write the answer.")
MSG_RETURN_COMMENT = _("Say what must be corrected before returning the answer.")
MSG_NOT_LEAD = _("Only the lead agency can submit the answer.")
MSG_NOT_SUPPORTING = _("Only a supporting agency can add a contribution.")
MSG_STALE = _("Someone else changed this in the meantime. Reload the page and make your change again.")
MSG_FORWARD_TARGET = _("Choose the competent unit to forward to.")
MSG_ALREADY_ACKNOWLEDGED = _("The petitioner has already been told.")
MSG_LAST_IN_GROUP = _("A group keeps at least one petition; delete the group's assignment instead.")
MSG_FILTER_NAME = _("Give the filter a name.")
MSG_CHANNEL = _("Choose the channel through which the petition came.")
MSG_IN_ANSWERED_GROUP = _("Petition #%(pk)s is in a group already given to an agency; split it from there first.")
MSG_OWN_ANSWER = _("An answer is approved by someone other than the person who submitted it.")
MSG_ATTACHMENT_TOO_BIG = _("“%(name)s” is larger than 20 MB.")
MSG_ANSWER_FUTURE = _("The answer cannot be dated in the future.")
MSG_ANSWER_BEFORE_PETITIONS = _(
    "The answer cannot be dated before %(date)s: the group was assigned only after its petitions were received."
)
MSG_ANSWER_BEFORE_RETURN = _("The revised answer cannot be dated before the previous one was returned (%(date)s).")
MSG_REVIEW_FUTURE = _("The review cannot be dated in the future.")
MSG_REVIEW_BEFORE_ANSWER = _("The review cannot be dated before the answer was submitted (%(date)s).")

MAX_CONTENT = 5000

PETITION_AUDIT_FIELDS = [
    "conference",
    "receiving_unit",
    "channel",
    "petitioner_kind",
    "name",
    "phone",
    "address",
    "organisation",
    "position",
    "content",
    "received_on",
    "field",
    "level",
    "competent_unit",
    "status",
    "group",
]
GROUP_AUDIT_FIELDS = ["summary", "field", "level", "lead_unit", "due_date", "status", "answer_mode", "forwarded"]


# ---------------------------------------------------------------- helpers


def _audit(actor, action: str, target, unit: Unit, *, before=None, after=None) -> None:
    audit_record(actor=actor, action=action, target=target, before=before, after=after, unit=unit)


def _require(actor, capability: str, unit: Unit) -> None:
    if not user_can(actor, capability, unit):
        raise PermissionDenied(MSG_NOT_ALLOWED)


def _clean_content(content: str) -> str:
    lines = [normalize_text(line) for line in (content or "").replace("\r\n", "\n").split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    if len(text) < 10:
        raise ServiceError(MSG_CONTENT_REQUIRED, field="content")
    if len(text) > MAX_CONTENT:
        raise ServiceError(MSG_CONTENT_TOO_LONG, field="content")
    return text


def _clean_phone(raw: str) -> str:
    try:
        return normalize_phone(raw or "")
    except InvalidPhone as error:
        raise ServiceError(str(error), field="phone") from None


_ADDRESS_CACHE: dict[int, tuple[float, list[tuple[int, set[str]]]]] = {}
_ADDRESS_TTL = 300.0
_KIND_WORDS = re.compile(r"^(thon|xom|ban|to dan pho|xa|phuong|dac khu|tinh|thanh pho|huyen|thi xa)\s+")


def _address_names(area: Unit) -> list[tuple[int, set[str]]]:
    """The villages, communes and districts of an area with the names an address may use,
    most specific first; kept a few minutes, since the tree rarely changes."""
    now = time.monotonic()
    cached = _ADDRESS_CACHE.get(area.pk)
    if cached and now - cached[0] < _ADDRESS_TTL:
        return cached[1]
    # Dissolved units too: an address of 2023 names the commune of that time. The
    # province itself says nothing about where in it the petitioner lives.
    units = (
        Unit.objects.filter(path__startswith=area.path, kind__category=UnitCategory.ADMINISTRATIVE, level__gte=2)
        .order_by("status", "-level", "-depth")
        .values_list("pk", "name_folded", "short_name")[:20000]
    )
    entries = []
    for pk, name_folded, short_name in units:
        names = {name_folded, _KIND_WORDS.sub("", name_folded)}
        if short_name:
            names.add(fold(short_name))
        entries.append((pk, {n for n in names if len(n) >= 4}))
    _ADDRESS_CACHE[area.pk] = (now, entries)
    return entries


def match_address(address: str, area: Unit) -> Unit | None:
    """The village or commune of the receiving unit's area whose name the address
    mentions, most specific first (“thôn Nà Đon, xã Cao Minh” -> Thôn Nà Đon)."""
    folded = fold(address)
    if not folded:
        return None
    padded = f" {re.sub(r'[^a-z0-9]+', ' ', folded)} "
    for pk, names in _address_names(area):
        if any(f" {name} " in padded for name in names):
            return Unit.objects.filter(pk=pk).first()
    return None


def _set_search(petition: Petition) -> None:
    petition.search_folded = fold(" ".join(x for x in (petition.content, petition.name, petition.organisation,
                                                       petition.address) if x))  # fmt: skip
    petition.signature = similarity.signature(petition.content)


def find_repeat(petition: Petition) -> Petition | None:
    """The most similar petition of an earlier conference in the same area (repeats
    across years: “đã nêu nhiều lần nhưng chưa được giải quyết dứt điểm”)."""
    # Across the province: a matter raised at the provincial secretary's dialogue may come
    # back at a commune's conference.
    area = province_of(administrative_area(petition.receiving_unit))
    earlier = Petition.objects.filter(receiving_unit__path__startswith=area.path).exclude(pk=petition.pk)
    if petition.conference_id:
        earlier = earlier.exclude(conference_id=petition.conference_id).filter(
            Q(conference__date__lt=petition.received_on) | Q(received_on__lt=petition.received_on)
        )
    else:
        earlier = earlier.filter(received_on__lt=petition.received_on)
    terms = similarity.candidate_terms(petition.content)
    if not terms:
        return None
    term_q = Q()
    for term in terms:
        term_q |= Q(signature__contains=term)
    candidates = list(earlier.filter(term_q).values_list("pk", "content")[:500])
    matches = similarity.rank_similar(petition.content, candidates, limit=1, threshold=REPEAT_THRESHOLD)
    return Petition.objects.get(pk=matches[0].key) if matches else None


# ---------------------------------------------------------------- intake


def petition_prepare(
    *,
    receiving_unit: Unit,
    content: str,
    channel: str,
    conference: Conference | None = None,
    petitioner_kind: str = PetitionerKind.CITIZEN,
    name: str = "",
    phone: str = "",
    address: str = "",
    organisation: str = "",
    position: str = "",
    received_on: date | None = None,
    submission_key=None,
    import_batch: ImportBatch | None = None,
    import_row: int | None = None,
    fingerprint: str = "",
    actor=None,
    enrich: bool = True,
) -> Petition:
    """Check and clean one petition and find what it repeats, writing nothing: the slow
    part of intake, which an import does for every row before its one short transaction.
    `enrich=False` leaves the address unmatched and the repeat unsought, for a caller
    that has the worker do both after storing the petition (`public.petition_enrich`).

    QĐ 11-QĐi/TW: the acknowledgment is due 10 working days after receipt."""
    if channel not in Channel.values:
        raise ServiceError(MSG_CHANNEL, field="channel")
    if conference is not None and not receiving_unit.path.startswith(
        administrative_area(conference.plan.issuing_unit).path
    ):
        raise ServiceError(MSG_CONFERENCE_UNIT, field="conference")
    today = timezone.localdate()
    received_on = received_on or today
    if received_on > today:
        raise ServiceError(MSG_RECEIVED_FUTURE, field="received_on")
    petition = Petition(
        conference=conference,
        receiving_unit=receiving_unit,
        channel=channel,
        petitioner_kind=petitioner_kind,
        name=normalize_text(name)[:200],
        phone=_clean_phone(phone),
        address=normalize_text(address)[:300],
        organisation=normalize_text(organisation)[:300],
        position=normalize_text(position)[:300],
        content=_clean_content(content),
        received_on=received_on,
        ack_due=get_calendar().add(received_on, ACK_WORKING_DAYS),
        submission_key=submission_key,
        import_batch=import_batch,
        import_row=import_row,
        fingerprint=fingerprint,
        created_by=actor if getattr(actor, "pk", None) else None,
        processing_purpose=purpose_key_for(channel),
    )
    if petitioner_kind == PetitionerKind.ORGANISATION and not (petition.organisation or petition.name):
        raise ServiceError(MSG_NAME_OR_ORG, field="organisation")
    _set_search(petition)
    if enrich:
        petition.address_unit = match_address(petition.address, administrative_area(receiving_unit))
        petition.repeat_of = find_repeat(petition)
    return petition


def petition_store(*, actor, petition: Petition) -> Petition:
    """Write a prepared petition and its audit entry. Call inside a transaction."""
    petition.save()
    _audit(
        actor, "petition.receive", petition, petition.receiving_unit, after=snapshot(petition, PETITION_AUDIT_FIELDS)
    )
    return petition


def petition_receive(
    *,
    actor,
    receiving_unit: Unit,
    content: str,
    channel: str,
    conference: Conference | None = None,
    petitioner_kind: str = PetitionerKind.CITIZEN,
    name: str = "",
    phone: str = "",
    address: str = "",
    organisation: str = "",
    position: str = "",
    received_on: date | None = None,
    submission_key=None,
    import_batch: ImportBatch | None = None,
    import_row: int | None = None,
    fingerprint: str = "",
) -> Petition:
    """Record one petition as it was raised. A repeated submission key (a double click,
    a resent form) returns the petition already recorded instead of a second one.

    QĐ 11-QĐi/TW: the acknowledgment is due 10 working days after receipt."""
    if actor is not None:
        _require(actor, Capability.PETITION_INTAKE, receiving_unit)
    if submission_key:
        existing = Petition.objects.filter(submission_key=submission_key).first()
        if existing is not None:
            return existing
    petition = petition_prepare(
        receiving_unit=receiving_unit,
        content=content,
        channel=channel,
        conference=conference,
        petitioner_kind=petitioner_kind,
        name=name,
        phone=phone,
        address=address,
        organisation=organisation,
        position=position,
        received_on=received_on,
        submission_key=submission_key,
        import_batch=import_batch,
        import_row=import_row,
        fingerprint=fingerprint,
        actor=actor,
    )
    try:
        with transaction.atomic():
            petition_store(actor=actor, petition=petition)
    except IntegrityError:
        # The same submission key won a race with us: hand back that petition.
        if submission_key:
            return Petition.objects.get(submission_key=submission_key)
        raise
    return petition


def petition_submit_online(
    *,
    content: str,
    receiving_unit: Unit,
    conference: Conference | None = None,
    name: str = "",
    phone: str = "",
    address: str = "",
    submission_key=None,
) -> Petition:
    """The service the public online form (issue 7) calls: no staff actor, channel online."""
    return petition_receive(
        actor=None,
        receiving_unit=receiving_unit,
        conference=conference,
        content=content,
        channel=Channel.ONLINE,
        name=name,
        phone=phone,
        address=address,
        submission_key=submission_key,
    )


@transaction.atomic
def petition_update(*, actor, petition: Petition, expected_version: int | None = None, **fields) -> Petition:
    """Correct what was typed (name, phone, address, content, channel, date received)."""
    _require(actor, Capability.PETITION_INTAKE, petition.receiving_unit)
    locked = Petition.objects.select_for_update().get(pk=petition.pk)
    if expected_version is not None and locked.version != expected_version:
        raise ServiceError(MSG_STALE)
    before = snapshot(locked, PETITION_AUDIT_FIELDS)
    allowed = {"name", "phone", "address", "organisation", "position", "content", "channel", "received_on",
               "petitioner_kind"}  # fmt: skip
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"unknown petition fields: {sorted(unknown)}")
    for name, value in fields.items():
        if name == "content":
            value = _clean_content(value)
        elif name == "phone":
            value = _clean_phone(value)
        elif isinstance(value, str):
            value = normalize_text(value)
        setattr(locked, name, value)
    if locked.received_on > timezone.localdate():
        raise ServiceError(MSG_RECEIVED_FUTURE, field="received_on")
    locked.ack_due = get_calendar().add(locked.received_on, ACK_WORKING_DAYS)
    locked.address_unit = match_address(locked.address, administrative_area(locked.receiving_unit))
    _set_search(locked)
    locked.version += 1
    locked.save()
    _audit(actor, "petition.update", locked, locked.receiving_unit, before=before,
           after=snapshot(locked, PETITION_AUDIT_FIELDS))  # fmt: skip
    return locked


@transaction.atomic
def petition_acknowledge(*, actor, petition: Petition, kind: str, on_date: date | None = None) -> Petition:
    """Record that the petitioner was told the petition was accepted or forwarded (QĐ 11)."""
    _require(actor, Capability.PETITION_INTAKE, petition.receiving_unit)
    locked = Petition.objects.select_for_update().get(pk=petition.pk)
    if locked.acknowledged_on:
        raise ServiceError(MSG_ALREADY_ACKNOWLEDGED)
    on_date = on_date or timezone.localdate()
    if on_date > timezone.localdate():
        raise ServiceError(MSG_RECEIVED_FUTURE, field="on_date")
    locked.acknowledged_on = on_date
    locked.ack_kind = AckKind(kind)
    locked.save(update_fields=["acknowledged_on", "ack_kind", "updated_at"])
    _audit(actor, "petition.acknowledge", locked, locked.receiving_unit,
           after={"acknowledged_on": on_date.isoformat(), "kind": kind})  # fmt: skip
    return locked


# ---------------------------------------------------------------- triage


def _move(petition: Petition, status: str) -> None:
    PETITION_TRANSITIONS.check(petition.status, status)
    petition.status = status


@transaction.atomic
def petition_triage(
    *,
    actor,
    petition: Petition,
    field: Field | None,
    level: str,
    competent_unit: Unit | None = None,
    suggestion: dict | None = None,
) -> Petition:
    """Classify: the field, the level whose jurisdiction it is and the competent unit.
    What the system had suggested is kept with the decision, so later suggestions
    learn from it and its accuracy can be measured."""
    _require(actor, Capability.PETITION_TRIAGE, petition.receiving_unit)
    if field is None:
        raise ServiceError(MSG_FIELD_REQUIRED, field="field")
    if level not in LEVEL_OF:
        raise ServiceError(MSG_LEVEL_REQUIRED, field="level")
    locked = Petition.objects.select_for_update().get(pk=petition.pk)
    before = snapshot(locked, PETITION_AUDIT_FIELDS)
    if locked.status != PetitionStatus.GROUPED:
        _move(locked, PetitionStatus.TRIAGED)  # refuses a forwarded or withdrawn petition
    locked.field = field
    locked.level = level
    locked.competent_unit = competent_unit
    locked.triaged_by = actor
    locked.triaged_at = timezone.now()
    if suggestion is not None:
        locked.suggestion = suggestion
    locked.version += 1
    locked.save()
    if locked.group_id:
        group = locked.group
        if group.field_id is None or group.petitions.count() == 1:
            group.field, group.level = field, level
            group.save(update_fields=["field", "level", "updated_at"])
    _audit(actor, "petition.triage", locked, locked.receiving_unit, before=before,
           after={**snapshot(locked, PETITION_AUDIT_FIELDS), "suggestion": locked.suggestion})  # fmt: skip
    from dialogue.petitions.suggest import forget_unit_model

    transaction.on_commit(lambda: forget_unit_model(locked.receiving_unit_id))
    return locked


def outside_scope(petition: Petition) -> bool:
    """Seed 000 accepts only matters of the province and the centre: anything else is
    forwarded to the unit competent for it."""
    conference = petition.conference
    if conference is None or not conference.scope_levels or not petition.level:
        return False
    return LEVEL_OF[petition.level] not in conference.scope_levels


def _answer_due(conference: Conference | None) -> date:
    """The deadline of the conference's “agencies' written answers” step when it has a
    timeline; otherwise 3 working days before the conference; otherwise 10 working days
    from today (a standing reception, or a conference whose date is not fixed)."""
    cal = get_calendar()
    if conference is not None:
        task = (
            conference.tasks.filter(step__kind="answer", due_date__isnull=False)
            .exclude(status=TaskStatus.CANCELLED)
            .order_by("due_date")
            .first()
        )
        if task:
            return task.due_date
        if conference.date:
            return cal.add(conference.date, -3)
    return cal.add(timezone.localdate(), DEFAULT_ANSWER_WORKING_DAYS)


@transaction.atomic
def petition_forward(*, actor, petition: Petition, competent_unit: Unit | None) -> PetitionGroup:
    """Forward a petition outside the conference's scope to the competent unit: it
    becomes a group assigned to that unit (it appears in its inbox) and the answer, once
    approved, comes back to the originating conference."""
    _require(actor, Capability.PETITION_TRIAGE, petition.receiving_unit)
    if competent_unit is None:
        raise ServiceError(MSG_FORWARD_TARGET, field="competent_unit")
    locked = Petition.objects.select_for_update().get(pk=petition.pk)
    if not locked.level:
        raise ServiceError(MSG_NOT_TRIAGED)
    before = snapshot(locked, PETITION_AUDIT_FIELDS)
    _move(locked, PetitionStatus.FORWARDED)
    group = PetitionGroup.objects.create(
        conference=locked.conference,
        receiving_unit=locked.receiving_unit,
        summary=locked.content,
        search_folded=locked.search_folded,
        field=locked.field,
        level=locked.level,
        lead_unit=competent_unit,
        due_date=_answer_due(locked.conference),
        forwarded=True,
        status=GroupStatus.ASSIGNED,
        created_by=actor,
    )
    locked.group = group
    locked.competent_unit = competent_unit
    locked.version += 1
    locked.save()
    _audit(actor, "petition.forward", locked, locked.receiving_unit, before=before,
           after={**snapshot(locked, PETITION_AUDIT_FIELDS), "to": competent_unit.name})  # fmt: skip
    _notify_unit(
        competent_unit,
        gettext("A petition was forwarded to your unit: %(text)s") % {"text": locked.content[:140]},
        reverse("petitions:group_detail", args=[group.pk]),
        exclude=actor,
    )
    return group


# ---------------------------------------------------------------- groups


def _group_from(petitions: list[Petition]) -> tuple[Field | None, str, PetitionGroup | None, int]:
    triaged = [p for p in petitions if p.field_id]
    field = triaged[0].field if triaged else None
    level = triaged[0].level if triaged else ""
    previous, times = None, 1
    for p in petitions:
        if p.repeat_of_id and p.repeat_of.group_id:
            previous = p.repeat_of.group
            times = max(times, previous.times_raised + 1)
    return field, level, previous, times


@transaction.atomic
def group_create(*, actor, petitions: Iterable[Petition], summary: str = "") -> PetitionGroup:
    """Merge petitions into one summarised opinion; its answer reaches every petitioner.
    A member that repeats an earlier conference's matter carries the count forward."""
    petitions = list(Petition.objects.select_for_update().filter(pk__in=[p.pk for p in petitions]))
    if not petitions:
        raise ServiceError(MSG_GROUP_EMPTY)
    unit_ids = {p.receiving_unit_id for p in petitions}
    if len(unit_ids) != 1:
        raise ServiceError(MSG_GROUP_OTHER_UNIT)
    unit = petitions[0].receiving_unit
    _require(actor, Capability.PETITION_TRIAGE, unit)
    summary = _clean_content(summary or petitions[0].content)
    field, level, previous, times = _group_from(petitions)
    # The group belongs to the conference its petitions came to (petitions without a
    # conference — a standing reception — join it); petitions of several conferences make
    # a group of none.
    conferences = {p.conference for p in petitions if p.conference_id}
    _require_mergeable(petitions)
    group = PetitionGroup.objects.create(
        conference=next(iter(conferences)) if len(conferences) == 1 else None,
        receiving_unit=unit,
        summary=summary,
        search_folded=fold(summary),
        field=field,
        level=level,
        previous_group=previous,
        times_raised=times,
        created_by=actor,
    )
    old_groups = {p.group_id for p in petitions if p.group_id}
    for petition in petitions:
        _move(petition, PetitionStatus.GROUPED)
        petition.group = group
        petition.version += 1
        petition.save(update_fields=["status", "group", "version", "updated_at"])
    _drop_empty_groups(old_groups)
    _audit(actor, "group.create", group, unit,
           after={**snapshot(group, GROUP_AUDIT_FIELDS), "petitions": [p.pk for p in petitions]})  # fmt: skip
    return group


@transaction.atomic
def group_add(*, actor, group: PetitionGroup, petitions: Iterable[Petition]) -> PetitionGroup:
    """Add twins to an existing group."""
    _require(actor, Capability.PETITION_TRIAGE, group.receiving_unit)
    petitions = list(Petition.objects.select_for_update().filter(pk__in=[p.pk for p in petitions]))
    if not petitions:
        raise ServiceError(MSG_GROUP_EMPTY)
    if any(p.receiving_unit_id != group.receiving_unit_id for p in petitions):
        raise ServiceError(MSG_GROUP_OTHER_UNIT)
    _require_mergeable([p for p in petitions if p.group_id != group.pk])
    old_groups = {p.group_id for p in petitions if p.group_id and p.group_id != group.pk}
    for petition in petitions:
        _move(petition, PetitionStatus.GROUPED)
        petition.group = group
        petition.version += 1
        petition.save(update_fields=["status", "group", "version", "updated_at"])
    _, _, previous, times = _group_from(list(group.petitions.all()))
    if previous and not group.previous_group_id:
        group.previous_group, group.times_raised = previous, times
        group.save(update_fields=["previous_group", "times_raised", "updated_at"])
    _drop_empty_groups(old_groups)
    _audit(actor, "group.add", group, group.receiving_unit, after={"petitions": [p.pk for p in petitions]})
    return group


@transaction.atomic
def group_split(*, actor, group: PetitionGroup, petitions: Iterable[Petition]) -> PetitionGroup:
    """Take petitions out of a group into a new group of their own (a merge undone)."""
    _require(actor, Capability.PETITION_TRIAGE, group.receiving_unit)
    chosen = list(group.petitions.select_for_update().filter(pk__in=[p.pk for p in petitions]))
    if not chosen:
        raise ServiceError(MSG_GROUP_EMPTY)
    if len(chosen) == group.petitions.count():
        raise ServiceError(MSG_LAST_IN_GROUP)
    new_group = PetitionGroup.objects.create(
        conference=group.conference,
        receiving_unit=group.receiving_unit,
        summary=chosen[0].content,
        search_folded=chosen[0].search_folded,
        field=chosen[0].field or group.field,
        level=chosen[0].level or group.level,
        created_by=actor,
    )
    for petition in chosen:
        petition.group = new_group
        petition.version += 1
        petition.save(update_fields=["group", "version", "updated_at"])
    _audit(actor, "group.split", group, group.receiving_unit,
           after={"new_group": new_group.pk, "petitions": [p.pk for p in chosen]})  # fmt: skip
    return new_group


def _require_mergeable(petitions: list[Petition]) -> None:
    """A petition whose group is already assigned or answered stays there: moving it
    would empty a group an agency is answering."""
    for petition in petitions:
        if petition.group_id and petition.group.status != GroupStatus.OPEN:
            raise ServiceError(MSG_IN_ANSWERED_GROUP % {"pk": petition.pk})


def _drop_empty_groups(ids: set[int]) -> None:
    for group in PetitionGroup.objects.filter(pk__in=ids, status=GroupStatus.OPEN):
        if not group.petitions.exists():
            group.delete()


@transaction.atomic
def group_update(*, actor, group: PetitionGroup, summary: str, field: Field | None, level: str) -> PetitionGroup:
    _require(actor, Capability.PETITION_TRIAGE, group.receiving_unit)
    locked = PetitionGroup.objects.select_for_update().get(pk=group.pk)
    before = snapshot(locked, GROUP_AUDIT_FIELDS)
    locked.summary = _clean_content(summary)
    locked.search_folded = fold(locked.summary)
    locked.field = field
    if level and level not in LEVEL_OF:
        raise ServiceError(MSG_LEVEL_REQUIRED, field="level")
    locked.level = level
    locked.version += 1
    locked.save()
    _audit(actor, "group.update", locked, locked.receiving_unit, before=before,
           after=snapshot(locked, GROUP_AUDIT_FIELDS))  # fmt: skip
    return locked


# ---------------------------------------------------------------- assignment and answers


def _group_move(group: PetitionGroup, status: str) -> None:
    GROUP_TRANSITIONS.check(group.status, status)
    group.status = status


@transaction.atomic
def group_assign(
    *,
    actor,
    group: PetitionGroup,
    lead_unit: Unit | None,
    supporting_units: Iterable[Unit] = (),
    due_date: date | None = None,
) -> PetitionGroup:
    """Give the group to a lead agency (chủ trì) with supporting agencies (phối hợp). The
    deadline defaults to the conference timeline's “agencies' answers” step."""
    _require(actor, Capability.PETITION_TRIAGE, group.receiving_unit)
    if lead_unit is None:
        raise ServiceError(MSG_LEAD_REQUIRED, field="lead_unit")
    supporting = [u for u in supporting_units if u.pk != lead_unit.pk]
    if len(supporting) != len(list(supporting_units)):
        raise ServiceError(MSG_LEAD_SUPPORTING, field="supporting_units")
    locked = PetitionGroup.objects.select_for_update().get(pk=group.pk)
    before = snapshot(locked, GROUP_AUDIT_FIELDS)
    _group_move(locked, GroupStatus.ASSIGNED)
    changed_lead = locked.lead_unit_id != lead_unit.pk
    locked.lead_unit = lead_unit
    locked.due_date = due_date or _answer_due(locked.conference)
    locked.version += 1
    locked.save()
    keep = {u.pk for u in supporting}
    locked.supports.exclude(unit_id__in=keep).delete()
    existing = set(locked.supports.values_list("unit_id", flat=True))
    for unit in supporting:
        if unit.pk not in existing:
            Support.objects.create(group=locked, unit=unit)
    _audit(actor, "group.assign", locked, locked.receiving_unit, before=before,
           after={**snapshot(locked, GROUP_AUDIT_FIELDS), "supporting": [u.name for u in supporting]})  # fmt: skip
    from dialogue.followup.services import group_followup_start  # follow-up starts with the lead agency

    group_followup_start(actor=actor, group=locked)
    url = reverse("petitions:group_detail", args=[locked.pk])
    due = locked.due_date.strftime("%d/%m/%Y")
    if changed_lead:
        _notify_unit(lead_unit, gettext("Your unit leads the answer to: %(text)s (due %(due)s)")
                     % {"text": locked.summary[:120], "due": due}, url, exclude=actor)  # fmt: skip
    for unit in supporting:
        if unit.pk not in existing:
            _notify_unit(unit, gettext("Your unit supports the answer to: %(text)s (due %(due)s)")
                         % {"text": locked.summary[:120], "due": due}, url, exclude=actor)  # fmt: skip
    return locked


def can_answer(user, group: PetitionGroup) -> bool:
    return bool(group.lead_unit_id) and user_can(user, Capability.ANSWER_PREPARE, group.lead_unit)


def can_contribute(user, group: PetitionGroup) -> bool:
    return any(user_can(user, Capability.ANSWER_PREPARE, s.unit) for s in group.supports.select_related("unit"))


@transaction.atomic
def support_contribute(*, actor, group: PetitionGroup, text: str) -> Support:
    """A supporting agency adds what it knows to the lead agency's answer."""
    support = next(
        (s for s in group.supports.select_related("unit") if user_can(actor, Capability.ANSWER_PREPARE, s.unit)),
        None,
    )
    if support is None:
        raise PermissionDenied(MSG_NOT_SUPPORTING)
    text = normalize_text(text) if "\n" not in (text or "") else (text or "").strip()
    if len(text) < 5:
        raise ServiceError(MSG_ANSWER_REQUIRED, field="text")
    support.contribution = text
    support.contributed_at = timezone.now()
    support.contributed_by = actor
    support.save()
    _audit(actor, "group.contribute", group, group.receiving_unit, after={"unit": support.unit.name, "text": text})
    return support


def _check_attachments(files) -> None:
    """Evidence is checked by its content, size and count before anything is written
    (`core.uploads.check_files`, as for follow-up evidence and the portal): a page or a
    program renamed .pdf is refused. Each file then carries the name its content proves
    (“bao-cao.pdf” that is a Word file becomes “bao-cao.docx”, control characters gone),
    so it is stored and later downloaded as what it is."""
    for checked in check_files(files):
        checked.upload.name = checked.name


def _answer_time(group: PetitionGroup, at: datetime | None) -> datetime:
    """When the answer was given: now, or the date of the agency's letter when it is
    entered later. Not in the future, and not before the group could have been assigned
    — the day its last petition was received (the group records no assignment time)."""
    now = timezone.now()
    if at is None:
        return now
    if timezone.is_naive(at):
        at = timezone.make_aware(at)
    if at > now:
        raise ServiceError(MSG_ANSWER_FUTURE, field="answered_on")
    received = group.petitions.aggregate(last=Max("received_on"))["last"]
    if received and timezone.localtime(at).date() < received:
        raise ServiceError(MSG_ANSWER_BEFORE_PETITIONS % {"date": received.strftime("%d/%m/%Y")}, field="answered_on")
    returned = group.answers.filter(reviewed_at__isnull=False).order_by("-reviewed_at").first()
    if returned is not None and at < returned.reviewed_at:
        shown = timezone.localtime(returned.reviewed_at).strftime("%H:%M %d/%m/%Y")
        raise ServiceError(MSG_ANSWER_BEFORE_RETURN % {"date": shown}, field="answered_on")
    return at


@transaction.atomic
def answer_submit(
    *, actor, group: PetitionGroup, text: str, files: Iterable = (), at: datetime | None = None
) -> Answer:
    """The lead agency submits its answer, with documents as evidence, for review.
    `at` dates an answer entered after it was sent (default: now)."""
    if not can_answer(actor, group):
        raise PermissionDenied(MSG_NOT_LEAD)
    text = (text or "").replace("\r\n", "\n").strip()
    if len(text) < 10:
        raise ServiceError(MSG_ANSWER_REQUIRED, field="text")
    files = list(files)
    _check_attachments(files)
    locked = PetitionGroup.objects.select_for_update().get(pk=group.pk)
    submitted_at = _answer_time(locked, at)
    _group_move(locked, GroupStatus.SUBMITTED)
    locked.version += 1
    locked.save(update_fields=["status", "version", "updated_at"])
    answer = Answer.objects.create(group=locked, text=text, submitted_by=actor, submitted_at=submitted_at)
    for upload in files:
        attachment = Attachment(answer=answer, name=normalize_text(upload.name)[:255], size=upload.size)
        attachment.file.save(safe_upload_name(upload.name), upload, save=False)
        attachment.save()
    files_saved = [a.name for a in answer.attachments.all()]
    _audit(actor, "answer.submit", locked, locked.receiving_unit,
           after={"answer": answer.pk, "text": text[:500], "files": files_saved,
                  "submitted_at": submitted_at.isoformat()})  # fmt: skip
    _notify_reviewers(locked, actor)
    return answer


def _notify_reviewers(group: PetitionGroup, actor) -> None:
    roles = roles_with(Capability.ANSWER_REVIEW) - {Role.ADMIN}
    area = administrative_area(group.receiving_unit)
    people = User.objects.filter(
        role_assignments__is_active=True,
        role_assignments__role__in=roles,
        role_assignments__unit__path__in=[p for p in _ancestor_paths(group.receiving_unit) if p.startswith(area.path)],
    ).distinct()
    notify(
        recipients=[p for p in people if p.pk != getattr(actor, "pk", None)],
        message=gettext("An answer is waiting for your review: %(text)s") % {"text": group.summary[:140]},
        url=reverse("petitions:group_detail", args=[group.pk]),
    )


def _ancestor_paths(unit: Unit) -> list[str]:
    parts = [p for p in unit.path.strip("/").split("/") if p]
    return ["/" + "/".join(parts[: i + 1]) + "/" for i in range(len(parts))]


@transaction.atomic
def answer_review(
    *,
    actor,
    group: PetitionGroup,
    approve: bool,
    comment: str = "",
    at: datetime | None = None,
    followup_until: date | None = None,
) -> PetitionGroup:
    """The synthesis board approves the answer or returns it with what must change.
    `at` dates a review recorded later (default: now); never before the answer. On
    approval the board says whether the answer settles the matter (no `followup_until`:
    resolved) or must be followed until a date (docs/followup.md)."""
    _require(actor, Capability.ANSWER_REVIEW, group.receiving_unit)
    locked = PetitionGroup.objects.select_for_update().get(pk=group.pk)
    answer = locked.answers.order_by("-submitted_at", "-id").first()
    comment = (comment or "").strip()
    if answer is not None and answer.status != AnswerStatus.SUBMITTED:
        # Another reviewer decided while this page was open: one decision per answer.
        raise ServiceError(MSG_ALREADY_REVIEWED)
    if not approve and not comment:
        raise ServiceError(MSG_RETURN_COMMENT, field="comment")
    now = timezone.now()
    reviewed_at = now if at is None else (timezone.make_aware(at) if timezone.is_naive(at) else at)
    if reviewed_at > now:
        raise ServiceError(MSG_REVIEW_FUTURE)
    if answer is not None and reviewed_at < answer.submitted_at:
        shown = timezone.localtime(answer.submitted_at).strftime("%H:%M %d/%m/%Y")
        raise ServiceError(MSG_REVIEW_BEFORE_ANSWER % {"date": shown})
    # Four eyes: whoever wrote the answer does not approve it (a national system
    # administrator, who configures rather than answers, is exempt).
    own = approve and answer is not None and answer.submitted_by_id == getattr(actor, "pk", None)
    if own and scope_paths(actor, Capability.UNIT_MANAGE) is not None:
        raise ServiceError(MSG_OWN_ANSWER)
    _group_move(locked, GroupStatus.APPROVED if approve else GroupStatus.RETURNED)
    if answer is not None and answer.status == AnswerStatus.SUBMITTED:
        answer.status = AnswerStatus.APPROVED if approve else AnswerStatus.RETURNED
        answer.review_comment = comment
        answer.reviewed_by = actor
        answer.reviewed_at = reviewed_at
        answer.save()
    if approve:
        locked.answer_text = answer.text if answer else locked.answer_text
        locked.approved_at = reviewed_at
        locked.approved_by = actor
    locked.version += 1
    locked.save()
    _audit(actor, "answer.approve" if approve else "answer.return", locked, locked.receiving_unit,
           after={"comment": comment, "answer": answer.pk if answer else None})  # fmt: skip
    if approve:
        from dialogue.followup.services import group_answer_approved

        group_answer_approved(actor=actor, group=locked, resolve_due=followup_until, at=at and reviewed_at)
    if locked.lead_unit_id:
        message = (
            gettext("The answer was approved: %(text)s")
            if approve
            else gettext("The answer was returned for revision: %(text)s")
        ) % {"text": locked.summary[:140]}
        _notify_unit(locked.lead_unit, message, reverse("petitions:group_detail", args=[locked.pk]), exclude=actor)
    return locked


@transaction.atomic
def group_set_answer_mode(*, actor, group: PetitionGroup, mode: str) -> PetitionGroup:
    """The chair decides a matter is answered live at the conference (or in writing)."""
    _require(actor, Capability.ANSWER_MODE, group.receiving_unit)
    locked = PetitionGroup.objects.select_for_update().get(pk=group.pk)
    before = {"answer_mode": locked.answer_mode}
    locked.answer_mode = AnswerMode(mode)
    locked.save(update_fields=["answer_mode", "updated_at"])
    _audit(actor, "group.answer_mode", locked, locked.receiving_unit, before=before, after={"answer_mode": mode})
    return locked


# ---------------------------------------------------------------- notifications and filters


def _notify_unit(unit: Unit, message: str, url: str, *, exclude=None) -> None:
    notify_unit(unit=unit, capability=Capability.ANSWER_PREPARE, message=message, url=url, exclude=exclude)


def notify_new_public(petition: Petition) -> None:
    """Tell the receiving unit's intake officers that a citizen sent a petition online."""
    notify_unit(
        unit=petition.receiving_unit,
        capability=Capability.PETITION_INTAKE,
        message=gettext("A citizen sent a petition online (%(code)s): %(content)s")
        % {"code": petition.tracking_code or petition.pk, "content": petition.content[:120]},
        url=reverse("petitions:petition_detail", args=[petition.pk]),
    )


def saved_filter_save(*, owner, name: str, query: str) -> SavedFilter:
    name = normalize_text(name)[:120]
    if not name:
        raise ServiceError(MSG_FILTER_NAME, field="name")
    item, _created = SavedFilter.objects.update_or_create(owner=owner, name=name, defaults={"query": query[:1000]})
    return item


def saved_filter_delete(*, owner, pk: int) -> None:
    SavedFilter.objects.filter(owner=owner, pk=pk).delete()
