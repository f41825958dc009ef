"""Writes of the conference day: check-in, the speakers' queue, the live console and the
minutes. Every write is audited against the plan's issuing unit (as the plans app does),
checked against the person's capability over the conference's unit, and safe to repeat:
a change carries a submission key made in the browser, so a resend after a dropped
connection is applied once, and rows that two secretaries may move at once carry a
version (optimistic locking under `select_for_update`).
"""

from __future__ import annotations

import re
import uuid

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dialogue.core.errors import ServiceError
from dialogue.core.services import audit_record, snapshot
from dialogue.lib.text import normalize_text
from dialogue.organisation.models import Unit
from dialogue.organisation.roles import Capability
from dialogue.organisation.selectors import user_can
from dialogue.plans.models import AgendaItem, Conference, ConferenceStatus, Delegation, Participant
from dialogue.proceedings.models import (
    MINUTES_SECTIONS,
    AnsweredBy,
    ConferenceRun,
    ConsoleSubmission,
    Minutes,
    MinutesAmendment,
    MinutesStatus,
    Outcome,
    SpeakerRequest,
    SpeakerSource,
    SpeakerStatus,
)
from dialogue.proceedings.states import MINUTES_TRANSITIONS, SPEAKER_TRANSITIONS

MSG_NOT_ALLOWED = _("Only the secretariat of the conference's unit can run the conference day.")
MSG_NOT_CHAIR = _("Only the chair of the conference's unit can approve the minutes.")
MSG_NOT_THE_DAY = _("The conference day starts on the date of the conference.")
MSG_CANCELLED = _("This conference was cancelled.")
MSG_STALE = _("Someone else changed this in the meantime. Check the current state and make your change again.")
MSG_CODE_UNKNOWN = _("No invitee of this conference has this code. Check the code or search by name.")
MSG_NAME_REQUIRED = _("Enter the person's full name.")
MSG_SPEAKER_REQUIRED = _("Enter the name of the speaker.")
MSG_MATTER_REQUIRED = _("Enter the matter the speaker raises.")
MSG_OTHER_CONFERENCE = _("This belongs to another conference.")
MSG_LINK_ONE = _("Link either an existing petition, a group or a new petition, not several.")
MSG_NOT_WAITING = _("Only a request still waiting can be moved.")
MSG_NOT_SPOKEN = _("Notes and answers are recorded once the speaker has the floor.")
MSG_AGENCY_WHO = _("Name the agency or the person who answered.")
MSG_BAD_CHOICE = _("Choose one of the options offered.")
MSG_MINUTES_LOCKED = _("The minutes are approved and locked; record a correction as an amendment.")
MSG_MINUTES_NOT_APPROVED = _("Amendments are recorded only after the minutes are approved.")
MSG_REASON_REQUIRED = _("Say why the approved minutes are corrected.")
MSG_AMEND_SAME = _("The corrected text is the same as the text of the minutes.")
MSG_MINUTES_EXISTS = _("The minutes of this conference are already drafted.")

SPEAKER_AUDIT_FIELDS = [
    "position",
    "status",
    "speaker_name",
    "represents",
    "matter",
    "petition",
    "group",
    "notes",
    "answered_by",
    "answered_by_unit",
    "answered_by_name",
    "outcome",
]
_UUID = re.compile(r"[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}")
_SHORT_CODE = re.compile(r"^[0-9a-fA-F]{8}$")


# ---------------------------------------------------------------- access


def _units(conference: Conference) -> list[Unit]:
    return [conference.plan.issuing_unit, conference.host_unit]


def can_run(user, conference: Conference) -> bool:
    """The secretariat (or synthesis board) over the plan's issuing unit or the host unit."""
    return any(user_can(user, Capability.PROCEEDINGS_RUN, unit) for unit in _units(conference))


def can_approve(user, conference: Conference) -> bool:
    """The chair over the conference's unit (or a national administrator)."""
    return any(user_can(user, Capability.MINUTES_APPROVE, unit) for unit in _units(conference))


def _require_run(actor, conference: Conference) -> None:
    if not can_run(actor, conference):
        raise PermissionDenied(MSG_NOT_ALLOWED)


def _require_live(conference: Conference, *, on_the_day: bool = True) -> None:
    if conference.status == ConferenceStatus.CANCELLED:
        raise ServiceError(MSG_CANCELLED)
    if on_the_day and (not conference.date or conference.date > timezone.localdate()):
        raise ServiceError(MSG_NOT_THE_DAY)


def _audit(actor, action: str, target, conference: Conference, *, before=None, after=None) -> None:
    audit_record(
        actor=actor, action=action, target=target, before=before, after=after, unit=conference.plan.issuing_unit
    )


def _claim(key, conference: Conference, action: str, actor) -> bool:
    """Record that the change with `key` is being applied; False when it already was.
    Call inside the service's transaction: if the change fails, the claim goes with it."""
    if not key:
        return True
    try:
        with transaction.atomic():
            ConsoleSubmission.objects.create(key=key, conference=conference, action=action, actor=actor)
    except IntegrityError:
        return False
    return True


def _lock_conference(conference: Conference) -> Conference:
    """Serialise changes to one conference's queue (positions are computed from the rows)."""
    return (
        Conference.objects.select_for_update().select_related("plan__issuing_unit", "host_unit").get(pk=conference.pk)
    )


# ---------------------------------------------------------------- check-in


@transaction.atomic
def attendance_mark(*, actor, participant: Participant, present: bool, submission_key=None) -> Participant:
    """Mark an invitee present (or undo it) at the check-in desk."""
    conference = participant.conference
    _require_run(actor, conference)
    _require_live(conference)
    if not _claim(submission_key, conference, "attendance", actor):
        return Participant.objects.get(pk=participant.pk)
    participant = Participant.objects.select_for_update().get(pk=participant.pk)
    if bool(participant.attended) == present and (present or participant.attended is not None):
        return participant  # already so: a second scan changes nothing
    before = snapshot(participant, ["attended", "checked_in_at"])
    participant.attended = present
    participant.checked_in_at = timezone.now() if present else None
    participant.save(update_fields=["attended", "checked_in_at"])
    _audit(
        actor,
        "proceedings.check_in" if present else "proceedings.check_in_undo",
        participant,
        conference,
        before=before,
        after=snapshot(participant, ["attended", "checked_in_at"]),
    )
    return participant


def participant_for_code(conference: Conference, code: str) -> Participant:
    """The invitee whose invitation carries `code`: the QR code (a check-in address or the
    bare token) or the eight characters printed under it."""
    code = (code or "").strip()
    found = _UUID.search(code)
    if found:
        try:
            token = uuid.UUID(found.group(0))
        except ValueError:
            token = None
        participant = conference.participants.filter(token=token).first() if token else None
        if participant is not None:
            return participant
    elif _SHORT_CODE.match(code):
        prefix = code.lower()
        matches = [p for p in conference.participants.only("id", "token") if p.token.hex.startswith(prefix)]
        if len(matches) == 1:
            return Participant.objects.get(pk=matches[0].pk)
    raise ServiceError(MSG_CODE_UNKNOWN, field="code")


def attendance_by_code(*, actor, conference: Conference, code: str, submission_key=None) -> Participant:
    _require_run(actor, conference)
    participant = participant_for_code(conference, code)
    return attendance_mark(actor=actor, participant=participant, present=True, submission_key=submission_key)


@transaction.atomic
def walk_in_add(
    *,
    actor,
    conference: Conference,
    full_name: str,
    position: str = "",
    organisation: str = "",
    delegation: Delegation | None = None,
    submission_key=None,
) -> Participant:
    """Someone who came without an invitation: added at the desk and marked present."""
    _require_run(actor, conference)
    _require_live(conference)
    full_name = normalize_text(full_name)
    if not full_name:
        raise ServiceError(MSG_NAME_REQUIRED, field="full_name")
    if delegation is not None and delegation.conference_id != conference.pk:
        raise ServiceError(MSG_OTHER_CONFERENCE, field="delegation")
    if not _claim(submission_key, conference, "walk_in", actor):
        existing = conference.participants.filter(walk_in=True, full_name=full_name).order_by("-id").first()
        if existing is not None:
            return existing
    now = timezone.now()
    participant = Participant.objects.create(
        conference=conference,
        full_name=full_name,
        position=normalize_text(position),
        organisation=normalize_text(organisation),
        delegation=delegation,
        walk_in=True,
        attended=True,
        checked_in_at=now,
    )
    _audit(
        actor,
        "proceedings.walk_in",
        participant,
        conference,
        after=snapshot(participant, ["full_name", "position", "organisation", "delegation"]),
    )
    return participant


# ---------------------------------------------------------------- speakers' queue


@transaction.atomic
def speaker_add(
    *,
    actor,
    conference: Conference,
    speaker_name: str,
    matter: str,
    represents: str = "",
    source: str = SpeakerSource.FLOOR,
    participant: Participant | None = None,
    petition=None,
    group=None,
    create_petition: bool = False,
    agenda_item: AgendaItem | None = None,
    submission_key=None,
) -> SpeakerRequest:
    """A request to speak joins the end of the queue: a registration slip handed in before
    the day (seed 003: slips collected by the village heads) or a hand raised in the room.
    It may name a petition or group of the conference, or record the matter as a new
    petition (channel “speaker_slip” or “spoken”)."""
    from dialogue.petitions.models import Channel
    from dialogue.petitions.services import petition_receive

    _require_run(actor, conference)
    _require_live(conference, on_the_day=False)
    if submission_key:
        existing = SpeakerRequest.objects.filter(submission_key=submission_key).first()
        if existing is not None:
            return existing
    if source not in SpeakerSource.values:
        raise ServiceError(MSG_BAD_CHOICE, field="source")
    speaker_name = normalize_text(speaker_name) or (participant.full_name if participant else "")
    if not speaker_name:
        raise ServiceError(MSG_SPEAKER_REQUIRED, field="speaker_name")
    matter = "\n".join(normalize_text(line) for line in (matter or "").splitlines()).strip()
    if not matter:
        raise ServiceError(MSG_MATTER_REQUIRED, field="matter")
    if sum(bool(x) for x in (petition, group, create_petition)) > 1:
        raise ServiceError(MSG_LINK_ONE, field="petition")
    for linked, name in (
        (participant, "participant"),
        (petition, "petition"),
        (group, "group"),
        (agenda_item, "agenda_item"),
    ):
        if linked is not None and linked.conference_id != conference.pk:
            raise ServiceError(MSG_OTHER_CONFERENCE, field=name)
    conference = _lock_conference(conference)
    represents = normalize_text(represents)
    if create_petition:
        petition = petition_receive(
            actor=actor,
            receiving_unit=conference.host_unit,
            content=matter,
            channel=Channel.SPEAKER_SLIP if source == SpeakerSource.SLIP else Channel.SPOKEN,
            conference=conference,
            name=speaker_name,
            organisation=represents,
            # The same resent form finds the petition it already made.
            submission_key=uuid.uuid5(submission_key, "petition") if submission_key else None,
        )
    last = conference.speaker_requests.aggregate(m=Max("position"))["m"] or 0
    speaker = SpeakerRequest.objects.create(
        conference=conference,
        position=last + 1,
        source=source,
        participant=participant,
        speaker_name=speaker_name,
        represents=represents,
        matter=matter,
        petition=petition,
        group=group,
        agenda_item=agenda_item,
        submission_key=submission_key,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    _audit(actor, "proceedings.speaker_add", speaker, conference, after=snapshot(speaker, SPEAKER_AUDIT_FIELDS))
    return speaker


@transaction.atomic
def speaker_move(*, actor, speaker: SpeakerRequest, direction: str, submission_key=None) -> SpeakerRequest:
    """Swap a waiting request with its waiting neighbour above or below."""
    conference = speaker.conference
    _require_run(actor, conference)
    conference = _lock_conference(conference)
    if not _claim(submission_key, conference, "speaker_move", actor):
        return SpeakerRequest.objects.get(pk=speaker.pk)
    speaker = SpeakerRequest.objects.get(pk=speaker.pk)
    if speaker.status != SpeakerStatus.WAITING:
        raise ServiceError(MSG_NOT_WAITING)
    waiting = conference.speaker_requests.filter(status=SpeakerStatus.WAITING)
    if direction == "up":
        neighbour = (
            waiting.filter(position__lte=speaker.position).exclude(pk=speaker.pk).order_by("-position", "-id").first()
        )
    else:
        neighbour = (
            waiting.filter(position__gte=speaker.position).exclude(pk=speaker.pk).order_by("position", "id").first()
        )
    if neighbour is None:
        return speaker
    before = {"position": speaker.position}
    a, b = speaker.position, neighbour.position
    if a == b:  # equal positions (should not happen): make room first
        b = a - 1 if direction == "up" else a + 1
    speaker.position, neighbour.position = b, a
    for row in (speaker, neighbour):
        row.version += 1
        row.save(update_fields=["position", "version", "updated_at"])
    _audit(actor, "proceedings.speaker_move", speaker, conference, before=before, after={"position": speaker.position})
    return speaker


def _move_speaker(actor, speaker: SpeakerRequest, status: str, conference: Conference) -> SpeakerRequest:
    """The one place a request's status changes (caller holds the locks)."""
    SPEAKER_TRANSITIONS.check(speaker.status, status)
    before = {"status": speaker.status}
    now = timezone.now()
    speaker.status = status
    if status == SpeakerStatus.SPEAKING:
        speaker.started_at = now
    elif status == SpeakerStatus.DONE:
        speaker.ended_at = now
    speaker.version += 1
    speaker.save()
    _audit(actor, f"proceedings.speaker_{status}", speaker, conference, before=before, after={"status": status})
    return speaker


@transaction.atomic
def speaker_withdraw(*, actor, speaker: SpeakerRequest, restore: bool = False, submission_key=None) -> SpeakerRequest:
    """The person gives up the floor before speaking (or comes back to the queue)."""
    conference = speaker.conference
    _require_run(actor, conference)
    conference = _lock_conference(conference)
    if not _claim(submission_key, conference, "speaker_withdraw", actor):
        return SpeakerRequest.objects.get(pk=speaker.pk)
    speaker = SpeakerRequest.objects.select_for_update().get(pk=speaker.pk)
    target = SpeakerStatus.WAITING if restore else SpeakerStatus.WITHDRAWN
    if speaker.status == target:
        return speaker
    return _move_speaker(actor, speaker, target, conference)


# ---------------------------------------------------------------- live console


def _first_item(conference: Conference) -> AgendaItem | None:
    return conference.agenda_items.order_by("order", "id").first()


@transaction.atomic
def run_start(*, actor, conference: Conference) -> ConferenceRun:
    """Open the console on the day: the first agenda item starts now. Opening it again
    returns the run as it is."""
    _require_run(actor, conference)
    _require_live(conference)
    conference = _lock_conference(conference)
    run = ConferenceRun.objects.filter(conference=conference).first()
    if run is not None:
        return run
    now = timezone.now()
    run = ConferenceRun.objects.create(
        conference=conference, started_at=now, current_item=_first_item(conference), item_started_at=now
    )
    _audit(actor, "proceedings.start", run, conference, after=snapshot(run, ["current_item", "started_at"]))
    return run


def _lock_run(conference: Conference, expected_version: int | None) -> ConferenceRun:
    run = ConferenceRun.objects.select_for_update().get(conference=conference)
    if expected_version is not None and run.version != expected_version:
        raise ServiceError(MSG_STALE)
    return run


@transaction.atomic
def console_next_speaker(
    *, actor, conference: Conference, expected_version: int | None, submission_key=None
) -> ConferenceRun:
    """“Next”: the person holding the floor has spoken; the first waiting request takes
    it. Two secretaries pressing at once move the queue once (the run's version)."""
    _require_run(actor, conference)
    _require_live(conference)
    if not ConferenceRun.objects.filter(conference=conference).exists():
        run_start(actor=actor, conference=conference)
    if not _claim(submission_key, conference, "next_speaker", actor):
        return ConferenceRun.objects.get(conference=conference)
    run = _lock_run(conference, expected_version)
    before = snapshot(run, ["current_speaker"])
    current = conference.speaker_requests.select_for_update().filter(status=SpeakerStatus.SPEAKING).first()
    if current is not None:
        _move_speaker(actor, current, SpeakerStatus.DONE, conference)
    following = (
        conference.speaker_requests.select_for_update()
        .filter(status=SpeakerStatus.WAITING)
        .order_by("position", "id")
        .first()
    )
    if following is not None:
        if following.agenda_item_id is None and run.current_item_id:
            following.agenda_item_id = run.current_item_id
        _move_speaker(actor, following, SpeakerStatus.SPEAKING, conference)
    run.current_speaker = following
    run.version += 1
    run.save()
    _audit(actor, "proceedings.next_speaker", run, conference, before=before, after=snapshot(run, ["current_speaker"]))
    return run


@transaction.atomic
def console_next_item(
    *, actor, conference: Conference, expected_version: int | None, submission_key=None
) -> ConferenceRun:
    """Move to the next agenda item; after the last one the conference closes."""
    _require_run(actor, conference)
    _require_live(conference)
    if not ConferenceRun.objects.filter(conference=conference).exists():
        run_start(actor=actor, conference=conference)
    if not _claim(submission_key, conference, "next_item", actor):
        return ConferenceRun.objects.get(conference=conference)
    run = _lock_run(conference, expected_version)
    before = snapshot(run, ["current_item", "ended_at"])
    items = list(conference.agenda_items.order_by("order", "id"))
    now = timezone.now()
    if run.current_item_id is None:
        following = None if run.ended_at else (items[0] if items else None)
    else:
        ids = [i.pk for i in items]
        index = ids.index(run.current_item_id) if run.current_item_id in ids else -1
        following = items[index + 1] if index + 1 < len(items) else None
    run.current_item = following
    run.item_started_at = now if following else None
    if following is None:
        run.ended_at = now
    run.version += 1
    run.save()
    _audit(
        actor,
        "proceedings.next_item",
        run,
        conference,
        before=before,
        after=snapshot(run, ["current_item", "ended_at"]),
    )
    return run


@transaction.atomic
def intervention_record(
    *,
    actor,
    speaker: SpeakerRequest,
    expected_version: int | None,
    notes: str = "",
    answered_by: str = "",
    answered_by_unit: Unit | None = None,
    answered_by_name: str = "",
    outcome: str = "",
    submission_key=None,
) -> SpeakerRequest:
    """What was said and how it ended (domain.md §1 step 6: the chair or the agency heads
    answer; the matter is settled, answered with a commitment or left for follow-up).
    A resent change is applied once; a change made on a stale copy is refused and shown
    again with the current text, so nothing typed is lost and nothing is overwritten."""
    conference = speaker.conference
    _require_run(actor, conference)
    if conference.status == ConferenceStatus.CANCELLED:
        raise ServiceError(MSG_CANCELLED)
    if answered_by and answered_by not in AnsweredBy.values:
        raise ServiceError(MSG_BAD_CHOICE, field="answered_by")
    if outcome and outcome not in Outcome.values:
        raise ServiceError(MSG_BAD_CHOICE, field="outcome")
    answered_by_name = normalize_text(answered_by_name)
    if answered_by == AnsweredBy.AGENCY and answered_by_unit is None and not answered_by_name:
        raise ServiceError(MSG_AGENCY_WHO, field="answered_by_unit")
    if not _claim(submission_key, conference, "record", actor):
        return SpeakerRequest.objects.get(pk=speaker.pk)
    speaker = SpeakerRequest.objects.select_for_update().get(pk=speaker.pk)
    if speaker.status not in (SpeakerStatus.SPEAKING, SpeakerStatus.DONE):
        raise ServiceError(MSG_NOT_SPOKEN)
    if expected_version is not None and speaker.version != expected_version:
        raise ServiceError(MSG_STALE)
    before = snapshot(speaker, ["notes", "answered_by", "answered_by_unit", "answered_by_name", "outcome"])
    speaker.notes = "\n".join(line.rstrip() for line in (notes or "").replace("\r\n", "\n").split("\n")).strip()
    speaker.answered_by = answered_by
    speaker.answered_by_unit = answered_by_unit if answered_by == AnsweredBy.AGENCY else None
    speaker.answered_by_name = answered_by_name
    speaker.outcome = outcome
    speaker.version += 1
    speaker.save()
    after = snapshot(speaker, ["notes", "answered_by", "answered_by_unit", "answered_by_name", "outcome"])
    if after != before:
        _audit(actor, "proceedings.record", speaker, conference, before=before, after=after)
    return speaker


# ---------------------------------------------------------------- minutes


def _require_minutes_draft(minutes: Minutes) -> None:
    if minutes.status != MinutesStatus.DRAFT:
        raise ServiceError(MSG_MINUTES_LOCKED)


@transaction.atomic
def minutes_draft(*, actor, conference: Conference) -> Minutes:
    """Draft the minutes from the agenda, the attendance and the interventions. A second
    call returns the minutes already drafted (use `minutes_redraft` to start again)."""
    from dialogue.proceedings.drafting import minutes_text

    _require_run(actor, conference)
    _require_live(conference)
    conference = _lock_conference(conference)
    existing = Minutes.objects.filter(conference=conference).first()
    if existing is not None:
        return existing
    text = minutes_text(conference, secretary=actor)
    minutes = Minutes.objects.create(conference=conference, drafted_by=actor, **text)
    _audit(actor, "minutes.draft", minutes, conference, after={"status": minutes.status})
    return minutes


@transaction.atomic
def minutes_redraft(*, actor, minutes: Minutes, expected_version: int | None) -> Minutes:
    """Draft the sections again from the records (after more interventions were noted)."""
    from dialogue.proceedings.drafting import minutes_text

    conference = minutes.conference
    _require_run(actor, conference)
    minutes = Minutes.objects.select_for_update().get(pk=minutes.pk)
    _require_minutes_draft(minutes)
    if expected_version is not None and minutes.version != expected_version:
        raise ServiceError(MSG_STALE)
    before = snapshot(minutes, [name for name, _label in MINUTES_SECTIONS])
    for name, value in minutes_text(conference, secretary=actor).items():
        setattr(minutes, name, value)
    minutes.version += 1
    minutes.save()
    _audit(actor, "minutes.redraft", minutes, conference, before=before)
    return minutes


@transaction.atomic
def minutes_update(*, actor, minutes: Minutes, expected_version: int | None, **sections) -> Minutes:
    """The secretary corrects the drafted text, section by section, before approval."""
    conference = minutes.conference
    _require_run(actor, conference)
    minutes = Minutes.objects.select_for_update().get(pk=minutes.pk)
    _require_minutes_draft(minutes)
    if expected_version is not None and minutes.version != expected_version:
        raise ServiceError(MSG_STALE)
    allowed = {name for name, _label in MINUTES_SECTIONS} | {"secretary_name", "chair_name"}
    names = [name for name in sections if name in allowed]
    before = snapshot(minutes, names)
    for name in names:
        value = (sections[name] or "").replace("\r\n", "\n")
        value = normalize_text(value) if name in ("secretary_name", "chair_name") else value.strip()
        setattr(minutes, name, value)
    minutes.version += 1
    minutes.save()
    after = snapshot(minutes, names)
    _audit(actor, "minutes.update", minutes, conference, before=before, after=after)
    return minutes


@transaction.atomic
def minutes_approve(*, actor, minutes: Minutes, expected_version: int | None) -> Minutes:
    """The chair approves the minutes; from then on they are locked."""
    conference = minutes.conference
    if not can_approve(actor, conference):
        raise PermissionDenied(MSG_NOT_CHAIR)
    minutes = Minutes.objects.select_for_update().get(pk=minutes.pk)
    if expected_version is not None and minutes.version != expected_version:
        raise ServiceError(MSG_STALE)
    MINUTES_TRANSITIONS.check(minutes.status, MinutesStatus.APPROVED)
    minutes.status = MinutesStatus.APPROVED
    minutes.approved_by = actor
    minutes.approved_at = timezone.now()
    if not minutes.chair_name and getattr(actor, "full_name", ""):
        minutes.chair_name = actor.full_name
    minutes.version += 1
    minutes.save()
    _audit(
        actor,
        "minutes.approve",
        minutes,
        conference,
        before={"status": MinutesStatus.DRAFT},
        after={"status": "approved"},
    )
    return minutes


@transaction.atomic
def minutes_amend(
    *, actor, minutes: Minutes, section: str, after: str, reason: str, submission_key=None
) -> MinutesAmendment:
    """A correction to approved minutes, recorded beside them (who, when, what, why)."""
    conference = minutes.conference
    if not (can_run(actor, conference) or can_approve(actor, conference)):
        raise PermissionDenied(MSG_NOT_ALLOWED)
    if submission_key:
        existing = MinutesAmendment.objects.filter(submission_key=submission_key).first()
        if existing is not None:
            return existing
    minutes = Minutes.objects.select_for_update().get(pk=minutes.pk)
    if minutes.status != MinutesStatus.APPROVED:
        raise ServiceError(MSG_MINUTES_NOT_APPROVED)
    names = dict(MINUTES_SECTIONS)
    if section not in names:
        raise ServiceError(MSG_BAD_CHOICE, field="section")
    after = (after or "").replace("\r\n", "\n").strip()
    reason = normalize_text(reason)
    if not reason:
        raise ServiceError(MSG_REASON_REQUIRED, field="reason")
    last = minutes.amendments.filter(section=section).order_by("-made_at", "-id").first()
    current = last.after if last else getattr(minutes, section)
    if after == current.strip():
        raise ServiceError(MSG_AMEND_SAME, field="after")
    amendment = MinutesAmendment.objects.create(
        minutes=minutes,
        section=section,
        before=current,
        after=after,
        reason=reason,
        made_by=actor,
        submission_key=submission_key,
    )
    _audit(
        actor,
        "minutes.amend",
        minutes,
        conference,
        before={section: current},
        after={section: after, "reason": reason},
    )
    return amendment
