"""Follow-up until resolved (domain.md §1 step 8: theo dõi, đôn đốc; issue 6).

Every directive of an issued conclusion notice, and every petition group, is followed
until the matter is settled. The unit that must act posts progress with evidence and
reports a result; the synthesis board of the unit that owns the matter (the notice's
issuing unit, the group's receiving unit) accepts it or sends it back, closes it — only
with evidence — changes the due date or reopens it. Every step is one `ProgressUpdate`
on the item's timeline, written by `apply_move`, the one function that moves a
follow-up state.

Rights: `Capability.FOLLOWUP_UPDATE` over the unit that must act (supporting units may
post progress, not report a result); `Capability.FOLLOWUP_REVIEW` over the owner unit.
A group with directives is followed through them: its state is the least advanced of
theirs (`group_sync`).
"""

from __future__ import annotations

import importlib.util
from datetime import date, datetime
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from dialogue.conclusions.models import Directive, DirectiveStatus
from dialogue.core.errors import ServiceError
from dialogue.core.services import audit_record, notify_unit, snapshot
from dialogue.core.uploads import (  # noqa: F401 (re-exported: the forms and tests name them here)
    MAX_FILE_MB,
    MAX_FILES,
    MSG_FILE_EMPTY,
    MSG_FILE_TOO_BIG,
    MSG_FILE_TYPE,
    MSG_TOO_MANY_FILES,
    CheckedFile,
    check_files,
    sniff,
)
from dialogue.followup.models import Evidence, ProgressUpdate, UpdateKind
from dialogue.followup.states import (
    ACTING_STATUSES,
    CLOSABLE_STATUSES,
    DUE_STATUSES,
    PROGRESS_STATUSES,
    REOPENABLE_STATUSES,
    least_advanced,
    table_for,
)
from dialogue.lib.text import normalize_text
from dialogue.organisation.models import Unit
from dialogue.organisation.roles import Capability
from dialogue.organisation.selectors import scope_paths, user_can
from dialogue.petitions.models import FollowUpStatus, Petition, PetitionGroup

S = DirectiveStatus

MSG_NOT_RESPONSIBLE = _("Only the unit that must act can do this (a supporting unit may post progress updates).")
MSG_NOT_REVIEWER = _("Only the synthesis board of the unit that owns this matter can do this.")
MSG_NOT_IN_FORCE = _("This directive is not in force yet: its conclusion notice has not been issued.")
MSG_GROUP_HAS_DIRECTIVES = _(
    "This matter is followed through the directives of the conclusion notice; post on those directives."
)
MSG_GROUP_NOT_ASSIGNED = _("The group has no lead agency yet; assign it first.")
MSG_FINISHED = _("This matter is finished; the synthesis board can reopen it if there is more to do.")
MSG_CANNOT_REPORT = _("A result can be reported only while the unit is working on the matter.")
MSG_TEXT_REQUIRED = _("Describe what was done (at least 10 characters).")
MSG_TEXT_TOO_LONG = _("The text is longer than 5,000 characters; attach the full report as a file.")
MSG_RESULT_CHOICE = _("Choose the result: resolved, partly resolved or cannot be resolved.")
MSG_REASON_REQUIRED = _("Say why the matter cannot be resolved.")
MSG_RESOLVED_EVIDENCE = _(
    "A resolved matter needs at least one document or photo as evidence: attach it to this report."
)
MSG_CLOSE_EVIDENCE = _(
    "A matter is closed only with evidence: no document or photo has been attached to it yet. "
    "Attach the evidence to close it."
)
MSG_NOT_REPORTED = _("No result is waiting for review.")
MSG_OWN_REPORT = _("A result is accepted by someone other than the person who reported it.")
MSG_RETURN_REASON = _("Say what is missing before sending the result back.")
MSG_NOT_CLOSABLE = _("Only a resolved, partly resolved or unresolvable matter can be closed.")
MSG_DUE_REQUIRED = _("Enter the new due date.")
MSG_DUE_PAST = _("The new due date must be later than today.")
MSG_DUE_SAME = _("This is already the due date.")
MSG_DUE_REASON = _("Say why the due date changes.")
MSG_DUE_FINISHED = _("The due date of a finished matter does not change; reopen it first.")
MSG_REOPEN_REASON = _("Say why the matter is reopened.")
MSG_NOT_REOPENABLE = _("Only a resolved, partly resolved, unresolvable or closed matter can be reopened.")
MSG_STALE = _("Someone else changed this in the meantime. Reload the page and make your change again.")

MAX_TEXT = 5000

DIRECTIVE_AUDIT_FIELDS = ["status", "claimed_status", "resolution_reason", "due_date", "resolved_at", "closed_at"]
GROUP_AUDIT_FIELDS = ["followup_status", "resolution_reason", "resolve_due", "resolved_at"]


# ---------------------------------------------------------------- the item


def is_directive(item) -> bool:
    return isinstance(item, Directive)


def status_of(item) -> str:
    return item.status if is_directive(item) else item.followup_status


def due_of(item) -> date | None:
    return item.due_date if is_directive(item) else item.resolve_due


def item_unit(item) -> Unit | None:
    """The unit responsible for acting: the directive's or the group's lead unit."""
    return item.lead_unit


def item_owner_unit(item) -> Unit:
    """The unit whose synthesis board reviews: the notice's issuing unit, the group's receiving unit."""
    return item.conclusion.issuing_unit if is_directive(item) else item.receiving_unit


def item_supporting_units(item) -> list[Unit]:
    if is_directive(item):
        return list(item.supporting_units.all())
    return [s.unit for s in item.supports.select_related("unit")]


def item_petitions(item) -> QuerySet[Petition]:
    """The petitions behind the item: a group's own; a directive's group's, and the
    petition behind its intervention, if any."""
    if not is_directive(item):
        return Petition.objects.filter(group=item)
    q = Q(pk__in=[])
    if item.group_id:
        q |= Q(group_id=item.group_id)
    request = item.speaker_request if item.speaker_request_id else None
    if request is not None:
        if request.petition_id:
            q |= Q(pk=request.petition_id)
        if request.group_id:
            q |= Q(group_id=request.group_id)
    return Petition.objects.filter(q)


def item_url(item) -> str:
    if is_directive(item):
        return reverse("followup:directive", args=[item.pk])
    return reverse("followup:group", args=[item.pk])


def item_updates(item) -> QuerySet[ProgressUpdate]:
    """The timeline: a directive's updates; a group's own and those of its directives."""
    if is_directive(item):
        qs = ProgressUpdate.objects.filter(directive=item)
    else:
        qs = ProgressUpdate.objects.filter(Q(group=item) | Q(directive__in=group_directives(item)))
    return qs.select_related("author", "author_unit", "directive").prefetch_related("evidence")


def item_evidence(item) -> QuerySet[Evidence]:
    if is_directive(item):
        return Evidence.objects.filter(update__directive=item)
    return Evidence.objects.filter(Q(update__group=item) | Q(update__directive__in=group_directives(item)))


def has_evidence(item) -> bool:
    """Documents or photos on the item's timeline; for a group, also the attachments of
    its approved answer."""
    if item_evidence(item).exists():
        return True
    if not is_directive(item):
        from dialogue.petitions.models import AnswerStatus, Attachment

        return Attachment.objects.filter(answer__group=item, answer__status=AnswerStatus.APPROVED).exists()
    return False


def group_directives(group: PetitionGroup) -> QuerySet[Directive]:
    """Directives in force about the group (its own, or through an intervention on it)."""
    return (
        Directive.objects.filter(Q(group=group) | Q(speaker_request__group=group)).exclude(status=S.PROPOSED).distinct()
    )


def claimed_of(item) -> str:
    """The result a reported item claims. A directive keeps it; a group has no field for
    it, so it is read from its last report (whose `status_after` is the claimed result)."""
    if status_of(item) != S.REPORTED:
        return ""
    if is_directive(item):
        return item.claimed_status
    last = (
        ProgressUpdate.objects.filter(group=item, kind__in=[UpdateKind.REPORT, UpdateKind.ESCALATION_ANSWER])
        .order_by("-created_at", "-id")
        .first()
    )
    return last.status_after if last else ""


def last_report(item) -> ProgressUpdate | None:
    field = "directive" if is_directive(item) else "group"
    return (
        ProgressUpdate.objects.filter(**{field: item}, kind__in=[UpdateKind.REPORT, UpdateKind.ESCALATION_ANSWER])
        .order_by("-created_at", "-id")
        .first()
    )


# ---------------------------------------------------------------- rights


def can_update(user, item) -> bool:
    unit = item_unit(item)
    return unit is not None and user_can(user, Capability.FOLLOWUP_UPDATE, unit)


def can_support(user, item) -> bool:
    return any(user_can(user, Capability.FOLLOWUP_UPDATE, u) for u in item_supporting_units(item))


def can_review(user, item) -> bool:
    return user_can(user, Capability.FOLLOWUP_REVIEW, item_owner_unit(item))


def _acting_unit(actor, item) -> Unit | None:
    """The unit an update is written for: the responsible unit, a supporting unit, or
    the owner unit for the synthesis board's decisions."""
    unit = item_unit(item)
    if unit is not None and user_can(actor, Capability.FOLLOWUP_UPDATE, unit) and not can_review(actor, item):
        return unit
    for support in item_supporting_units(item):
        if user_can(actor, Capability.FOLLOWUP_UPDATE, support) and not can_review(actor, item):
            return support
    if can_review(actor, item):
        return item_owner_unit(item)
    return unit


# ---------------------------------------------------------------- uploads


# ---------------------------------------------------------------- the one move


def _lock(item):
    return type(item).objects.select_for_update().get(pk=item.pk)


def _audit_fields(item) -> list[str]:
    return DIRECTIVE_AUDIT_FIELDS if is_directive(item) else GROUP_AUDIT_FIELDS


def _existing(submission_key, item) -> ProgressUpdate | None:
    if not submission_key:
        return None
    found = ProgressUpdate.objects.filter(submission_key=submission_key).first()
    if found is None:
        return None
    own = found.directive_id == item.pk if is_directive(item) else found.group_id == item.pk
    if not own:
        raise ServiceError(MSG_STALE)
    return found


def _clean_text(text: str) -> str:
    lines = [normalize_text(line) for line in (text or "").replace("\r\n", "\n").split("\n")]
    cleaned = "\n".join(lines).strip()
    while "\n\n\n" in cleaned:
        cleaned = cleaned.replace("\n\n\n", "\n\n")
    if len(cleaned) > MAX_TEXT:
        raise ServiceError(MSG_TEXT_TOO_LONG, field="text")
    return cleaned


def apply_move(
    *,
    actor,
    item,
    kind: str,
    to_status: str | None = None,
    text: str = "",
    files=(),
    reason: str = "",
    claimed_status: str = "",
    submission_key: UUID | str | None = None,
    at: datetime | None = None,
    due_date: date | None = None,
    expected_version: int | None = None,
) -> ProgressUpdate:
    """Write one step of the follow-up of `item` (a Directive or a PetitionGroup).

    Low level: no rights check (the public services check rights first), runs inside the
    caller's transaction. Locks the item, moves it to `to_status` through its transition
    table (a directive's, or the group follow-up table), keeps claimed result, reason,
    resolved/closed times, last update and version in step, writes the ProgressUpdate and
    its Evidence (files checked by content, sha256), audits before/after, re-syncs the
    group of a directive and tells the people concerned. A repeated `submission_key`
    returns the update already written and changes nothing.

    A report (`to_status` REPORTED) records the claimed result in `claimed_status` of a
    directive and in the report's `status_after` (for a group too, which has no field).
    `due_date` sets a new due date (kind DUE_CHANGED).
    """
    existing = _existing(submission_key, item)
    if existing is not None:
        return existing
    checked = check_files(files)
    with transaction.atomic():
        locked = _lock(item)
        existing = _existing(submission_key, locked)
        if existing is not None:
            return existing
        if expected_version is not None and locked.version != expected_version:
            raise ServiceError(MSG_STALE)
        now = at or timezone.now()
        before = snapshot(locked, _audit_fields(locked))
        current = status_of(locked)
        status_after = current
        if to_status is not None and to_status != current:
            table_for(locked).check(current, to_status)
            status_after = _set_status(locked, to_status, claimed_status=claimed_status, reason=reason, now=now)
        if due_date is not None:
            _set_due(locked, due_date)
        if is_directive(locked):
            locked.last_update_at = now
        locked.version += 1
        locked.save()
        update = ProgressUpdate.objects.create(
            directive=locked if is_directive(locked) else None,
            group=None if is_directive(locked) else locked,
            kind=kind,
            text=_clean_text(text),
            status_before=current,
            status_after=status_after,
            author=actor if getattr(actor, "pk", None) else None,
            author_name=(actor.get_full_name() or actor.get_username()) if getattr(actor, "pk", None) else "",
            author_unit=_acting_unit(actor, locked),
            submission_key=submission_key or None,
        )
        for f in checked:
            evidence = Evidence(update=update, name=f.name, content_type=f.content_type, size=f.size, sha256=f.sha256)
            f.upload.seek(0)
            evidence.file.save(f.stored_name, f.upload, save=False)
            evidence.save()
        if at is not None:
            ProgressUpdate.objects.filter(pk=update.pk).update(created_at=at)
            Evidence.objects.filter(update=update).update(created_at=at)
            update.created_at = at
        audit_record(
            actor=actor,
            action=f"followup.{kind}",
            target=locked,
            before=before,
            after={
                **snapshot(locked, _audit_fields(locked)),
                "text": update.text[:500],
                "files": [f.name for f in checked],
            },
            unit=item_owner_unit(locked),
        )
        if is_directive(locked):
            for group in _groups_of(locked):
                group_sync(actor=actor, group=group, at=at)
        _notify(actor, locked, update)
        if kind == UpdateKind.ACCEPTED and status_after in (S.RESOLVED, S.PARTLY_RESOLVED):
            _matter_resolved(actor, locked)
        _sync_caller_copy(item, locked)
        return update


def _set_status(item, status: str, *, claimed_status: str, reason: str, now: datetime) -> str:
    """Set the state and what goes with it; returns the timeline's "status after"."""
    reason = _clean_text(reason)
    shown_after = status
    if status == S.REPORTED:
        if claimed_status not in (S.RESOLVED, S.PARTLY_RESOLVED, S.CANNOT_RESOLVE):
            raise ServiceError(MSG_RESULT_CHOICE, field="claimed_status")
        if claimed_status == S.CANNOT_RESOLVE and not reason:
            raise ServiceError(MSG_REASON_REQUIRED, field="reason")
        if is_directive(item):
            item.claimed_status = claimed_status
        item.resolution_reason = reason if claimed_status == S.CANNOT_RESOLVE else ""
        shown_after = claimed_status
    elif is_directive(item):
        item.claimed_status = ""
    if status in (S.RESOLVED, S.PARTLY_RESOLVED, S.CANNOT_RESOLVE):
        item.resolved_at = now
        if status != S.CANNOT_RESOLVE:
            item.resolution_reason = ""
    elif status == S.IN_PROGRESS or status == S.ASSIGNED:
        item.resolved_at = None
        item.resolution_reason = ""
        if is_directive(item):
            item.closed_at = None
    if status == S.CLOSED and is_directive(item):
        item.closed_at = now
    if is_directive(item):
        item.status = status
    else:
        item.followup_status = status
    return shown_after


def _set_due(item, due: date) -> None:
    if is_directive(item):
        item.due_date = due
    else:
        item.resolve_due = due


def _sync_caller_copy(item, locked) -> None:
    """Let the caller's object see the new state (views and tests keep using it)."""
    for field in [*_audit_fields(locked), "version", "updated_at"]:
        if hasattr(locked, field):
            setattr(item, field, getattr(locked, field))
    if is_directive(locked):
        item.last_update_at = locked.last_update_at


def _groups_of(directive: Directive) -> list[PetitionGroup]:
    ids = {directive.group_id}
    if directive.speaker_request_id:
        ids.add(directive.speaker_request.group_id)
    ids.discard(None)
    return list(PetitionGroup.objects.filter(pk__in=ids).order_by("pk"))


def group_sync(*, actor, group: PetitionGroup, at: datetime | None = None) -> bool:
    """A group with directives in force takes the least advanced state of them, the
    latest of their due dates, and is resolved when the last of them was. Inside the
    caller's transaction; the group row is locked before the directives are read, so two
    directives moving at once leave the group right. Returns whether it changed."""
    locked = PetitionGroup.objects.select_for_update().get(pk=group.pk)
    rows = list(group_directives(locked).values("status", "due_date", "resolved_at", "resolution_reason"))
    if not rows:
        return False
    target = least_advanced([r["status"] for r in rows])
    dues = [r["due_date"] for r in rows if r["due_date"]]
    due = max(dues) if dues else locked.resolve_due
    resolved = None
    if target in (S.RESOLVED, S.PARTLY_RESOLVED, S.CANNOT_RESOLVE, S.CLOSED):
        times = [r["resolved_at"] for r in rows if r["resolved_at"]]
        resolved = max(times) if times else (at or timezone.now())
    reason = ""
    if target == S.CANNOT_RESOLVE:
        reason = "\n".join(r["resolution_reason"] for r in rows if r["status"] == S.CANNOT_RESOLVE)
    changed = (locked.followup_status, locked.resolve_due, locked.resolved_at, locked.resolution_reason) != (
        target,
        due,
        resolved,
        reason,
    )
    if not changed:
        return False
    before = snapshot(locked, GROUP_AUDIT_FIELDS)
    locked.followup_status, locked.resolve_due, locked.resolved_at = target, due, resolved
    locked.resolution_reason = reason
    locked.version += 1
    locked.save(update_fields=[*GROUP_AUDIT_FIELDS, "version", "updated_at"])
    audit_record(
        actor=actor,
        action="followup.group_sync",
        target=locked,
        before=before,
        after=snapshot(locked, GROUP_AUDIT_FIELDS),
        unit=locked.receiving_unit,
    )
    group.followup_status, group.resolve_due, group.resolved_at = target, due, resolved
    group.resolution_reason, group.version = reason, locked.version
    return True


def _notify(actor, item, update: ProgressUpdate) -> None:
    url = item_url(item)
    values = {"matter": _matter(item)[:140], "status": _label(update.status_after)}
    kind = update.kind
    if kind in (UpdateKind.REPORT, UpdateKind.ESCALATION_ANSWER) and status_of(item) == S.REPORTED:
        message = gettext("A result is waiting for your review (%(status)s): %(matter)s") % values
        notify_unit(unit=item_owner_unit(item), capability=Capability.FOLLOWUP_REVIEW, message=message, url=url,
                    exclude=actor)  # fmt: skip
        return
    messages = {
        UpdateKind.ACCEPTED: gettext("The synthesis board accepted the result (%(status)s): %(matter)s"),
        UpdateKind.RETURNED: gettext("The synthesis board sent the result back: %(matter)s"),
        UpdateKind.CLOSED: gettext("The matter was closed: %(matter)s"),
        UpdateKind.REOPENED: gettext("The matter was reopened: %(matter)s"),
    }
    if kind == UpdateKind.DUE_CHANGED:
        values["due"] = due_of(item).strftime("%d/%m/%Y") if due_of(item) else "—"
        messages[kind] = gettext("The due date changed to %(due)s: %(matter)s")
    if kind in messages and item_unit(item) is not None:
        notify_unit(unit=item_unit(item), capability=Capability.FOLLOWUP_UPDATE, message=messages[kind] % values,
                    url=url, exclude=actor)  # fmt: skip


def _matter(item) -> str:
    return item.matter if is_directive(item) else item.summary


def _label(status: str) -> str:
    return str(dict(DirectiveStatus.choices).get(status, status))


def _matter_resolved(actor, item) -> int:
    """Ask the petitioners whether they are satisfied (the satisfaction part of follow-up)."""
    if importlib.util.find_spec("dialogue.followup.satisfaction") is None:
        # TODO(lead): dialogue/followup/satisfaction.py is written by the "esc" helper.
        return 0
    from dialogue.followup import satisfaction

    if not hasattr(satisfaction, "matter_resolved"):
        return 0
    return satisfaction.matter_resolved(actor=actor, item=item)


# ---------------------------------------------------------------- public services


def _check_in_force(item) -> None:
    if is_directive(item):
        if item.status == S.PROPOSED:
            raise ServiceError(MSG_NOT_IN_FORCE)
    elif group_directives(item).exists():
        raise ServiceError(MSG_GROUP_HAS_DIRECTIVES)


def _require_update(actor, item, *, support_ok: bool = False) -> None:
    if can_update(actor, item) or (support_ok and can_support(actor, item)):
        return
    raise PermissionDenied(MSG_NOT_RESPONSIBLE)


def _require_review(actor, item) -> None:
    if not can_review(actor, item):
        raise PermissionDenied(MSG_NOT_REVIEWER)


def _text_required(text: str, field: str = "text", message=MSG_TEXT_REQUIRED) -> str:
    cleaned = _clean_text(text)
    if len(cleaned) < 10:
        raise ServiceError(message, field=field)
    return cleaned


def _prepare(item, submission_key, expected_version):
    """Inside the service's transaction: the locked item, or the update a repeated
    submission already wrote."""
    locked = _lock(item)
    existing = _existing(submission_key, locked)
    if existing is not None:
        return locked, existing
    if expected_version is not None and locked.version != expected_version:
        raise ServiceError(MSG_STALE)
    return locked, None


@transaction.atomic
def progress_post(
    *,
    actor,
    item,
    text: str,
    files=(),
    submission_key=None,
    expected_version: int | None = None,
    at: datetime | None = None,
) -> ProgressUpdate:
    """The unit that must act (or a supporting unit) says what has been done, with
    documents or photos; the first update of an assigned matter puts it in progress."""
    _require_update(actor, item, support_ok=True)
    locked, existing = _prepare(item, submission_key, expected_version)
    if existing is not None:
        return existing
    _check_in_force(locked)
    text = _text_required(text)
    if status_of(locked) not in (*PROGRESS_STATUSES, ""):
        raise ServiceError(MSG_FINISHED)
    to = S.IN_PROGRESS if status_of(locked) in (S.ASSIGNED, "") else None
    update = apply_move(actor=actor, item=locked, kind=UpdateKind.PROGRESS, to_status=to, text=text, files=files,
                        submission_key=submission_key, at=at)  # fmt: skip
    _sync_caller_copy(item, locked)
    return update


@transaction.atomic
def result_report(
    *,
    actor,
    item,
    claimed_status: str,
    text: str,
    files=(),
    reason: str = "",
    submission_key=None,
    expected_version: int | None = None,
    at: datetime | None = None,
) -> ProgressUpdate:
    """The unit that must act reports the result for the synthesis board to review:
    resolved (with at least one piece of evidence on the matter or in this report),
    partly resolved, or cannot be resolved (with the reason)."""
    _require_update(actor, item)
    locked, existing = _prepare(item, submission_key, expected_version)
    if existing is not None:
        return existing
    _check_in_force(locked)
    if status_of(locked) not in (*ACTING_STATUSES, ""):
        raise ServiceError(MSG_CANNOT_REPORT if status_of(locked) not in REOPENABLE_STATUSES else MSG_FINISHED)
    if claimed_status not in (S.RESOLVED, S.PARTLY_RESOLVED, S.CANNOT_RESOLVE):
        raise ServiceError(MSG_RESULT_CHOICE, field="claimed_status")
    text = _text_required(text)
    if claimed_status == S.CANNOT_RESOLVE and not _clean_text(reason):
        raise ServiceError(MSG_REASON_REQUIRED, field="reason")
    if claimed_status == S.RESOLVED and not [f for f in files or [] if f] and not has_evidence(locked):
        raise ServiceError(MSG_RESOLVED_EVIDENCE, field="files")
    update = apply_move(actor=actor, item=locked, kind=UpdateKind.REPORT, to_status=S.REPORTED, text=text,
                        files=files, reason=reason, claimed_status=claimed_status,
                        submission_key=submission_key, at=at)  # fmt: skip
    _sync_caller_copy(item, locked)
    return update


def _national_admin(user) -> bool:
    return scope_paths(user, Capability.UNIT_MANAGE) is None


@transaction.atomic
def result_accept(
    *, actor, item, text: str = "", submission_key=None, expected_version: int | None = None, at: datetime | None = None
) -> ProgressUpdate:
    """The synthesis board accepts the reported result: the matter becomes resolved,
    partly resolved or unresolvable as reported. Four eyes: not the person who reported
    it (a national administrator, who configures rather than follows up, is exempt)."""
    _require_review(actor, item)
    locked, existing = _prepare(item, submission_key, expected_version)
    if existing is not None:
        return existing
    if status_of(locked) != S.REPORTED:
        raise ServiceError(MSG_NOT_REPORTED)
    report = last_report(locked)
    if report is not None and report.author_id == getattr(actor, "pk", None) and not _national_admin(actor):
        raise ServiceError(MSG_OWN_REPORT)
    claimed = claimed_of(locked)
    update = apply_move(actor=actor, item=locked, kind=UpdateKind.ACCEPTED, to_status=claimed, text=text,
                        reason=locked.resolution_reason, submission_key=submission_key, at=at)  # fmt: skip
    _sync_caller_copy(item, locked)
    return update


@transaction.atomic
def result_return(
    *, actor, item, reason: str, submission_key=None, expected_version: int | None = None, at: datetime | None = None
) -> ProgressUpdate:
    """The synthesis board sends the reported result back, saying what is missing; the
    unit works on it again."""
    _require_review(actor, item)
    locked, existing = _prepare(item, submission_key, expected_version)
    if existing is not None:
        return existing
    if status_of(locked) != S.REPORTED:
        raise ServiceError(MSG_NOT_REPORTED)
    reason = _text_required(reason, "reason", MSG_RETURN_REASON)
    update = apply_move(actor=actor, item=locked, kind=UpdateKind.RETURNED, to_status=S.IN_PROGRESS, text=reason,
                        submission_key=submission_key, at=at)  # fmt: skip
    _sync_caller_copy(item, locked)
    return update


@transaction.atomic
def item_close(
    *,
    actor,
    item,
    text: str = "",
    files=(),
    submission_key=None,
    expected_version: int | None = None,
    at: datetime | None = None,
) -> ProgressUpdate:
    """The synthesis board closes a resolved, partly resolved or unresolvable matter.
    A matter is only closed with evidence (issue 6): a document or photo on its timeline,
    or attached now."""
    _require_review(actor, item)
    locked, existing = _prepare(item, submission_key, expected_version)
    if existing is not None:
        return existing
    _check_in_force(locked)
    if status_of(locked) not in CLOSABLE_STATUSES:
        raise ServiceError(MSG_NOT_CLOSABLE)
    if not [f for f in files or [] if f] and not has_evidence(locked):
        raise ServiceError(MSG_CLOSE_EVIDENCE, field="files")
    update = apply_move(actor=actor, item=locked, kind=UpdateKind.CLOSED, to_status=S.CLOSED, text=text,
                        files=files, submission_key=submission_key, at=at)  # fmt: skip
    _sync_caller_copy(item, locked)
    return update


@transaction.atomic
def due_change(
    *,
    actor,
    item,
    due_date: date | None,
    reason: str,
    submission_key=None,
    expected_version: int | None = None,
    at: datetime | None = None,
) -> ProgressUpdate:
    """The synthesis board gives a new due date, later than today, with the reason.
    Reminders planned for the old date are dropped by the reminders' own check."""
    _require_review(actor, item)
    locked, existing = _prepare(item, submission_key, expected_version)
    if existing is not None:
        return existing
    _check_in_force(locked)
    if status_of(locked) not in (*DUE_STATUSES, ""):
        raise ServiceError(MSG_DUE_FINISHED)
    if due_date is None:
        raise ServiceError(MSG_DUE_REQUIRED, field="due_date")
    if due_date <= timezone.localdate():
        raise ServiceError(MSG_DUE_PAST, field="due_date")
    if due_date == due_of(locked):
        raise ServiceError(MSG_DUE_SAME, field="due_date")
    reason = _text_required(reason, "reason", MSG_DUE_REASON)
    old = due_of(locked)
    text = gettext("Due date %(old)s → %(new)s. %(reason)s") % {
        "old": old.strftime("%d/%m/%Y") if old else "—",
        "new": due_date.strftime("%d/%m/%Y"),
        "reason": reason,
    }
    update = apply_move(actor=actor, item=locked, kind=UpdateKind.DUE_CHANGED, text=text, due_date=due_date,
                        submission_key=submission_key, at=at)  # fmt: skip
    _sync_caller_copy(item, locked)
    return update


@transaction.atomic
def item_reopen(
    *,
    actor,
    item,
    reason: str,
    due_date: date | None = None,
    submission_key=None,
    expected_version: int | None = None,
    at: datetime | None = None,
) -> ProgressUpdate:
    """The synthesis board reopens a finished matter with the reason (new facts, a
    petitioner's complaint); it goes back in progress, optionally with a new due date."""
    _require_review(actor, item)
    locked, existing = _prepare(item, submission_key, expected_version)
    if existing is not None:
        return existing
    _check_in_force(locked)
    if status_of(locked) not in REOPENABLE_STATUSES:
        raise ServiceError(MSG_NOT_REOPENABLE)
    reason = _text_required(reason, "reason", MSG_REOPEN_REASON)
    if due_date is not None and due_date <= timezone.localdate():
        raise ServiceError(MSG_DUE_PAST, field="due_date")
    update = apply_move(actor=actor, item=locked, kind=UpdateKind.REOPENED, to_status=S.IN_PROGRESS, text=reason,
                        due_date=due_date, submission_key=submission_key, at=at)  # fmt: skip
    _sync_caller_copy(item, locked)
    return update


# ---------------------------------------------------------------- hooks of other services


def group_followup_start(*, actor, group: PetitionGroup) -> bool:
    """A group given to its lead agency starts being followed ("" → assigned). Called
    by `petitions.services.group_assign` inside its transaction."""
    if group.followup_status != FollowUpStatus.NONE:
        return False
    table_for(group).check(group.followup_status, FollowUpStatus.ASSIGNED)
    group.followup_status = FollowUpStatus.ASSIGNED
    group.save(update_fields=["followup_status", "updated_at"])
    audit_record(
        actor=actor,
        action="followup.group_start",
        target=group,
        before={"followup_status": ""},
        after={"followup_status": group.followup_status},
        unit=group.receiving_unit,
    )
    return True


def group_answer_approved(
    *, actor, group: PetitionGroup, resolve_due: date | None = None, at: datetime | None = None
) -> ProgressUpdate | None:
    """The written answer of a group was approved (`petitions.services.answer_review`).
    A group with directives follows them. Otherwise the synthesis board said either that
    the answer settles the matter (no `resolve_due`: resolved, and the petitioners are
    asked whether they are satisfied) or that it must be followed until `resolve_due`
    (in progress)."""
    if group_directives(group).exists():
        group_sync(actor=actor, group=group, at=at)
        return None
    if group.followup_status not in (FollowUpStatus.NONE, FollowUpStatus.ASSIGNED):
        return None
    if resolve_due is not None:
        if resolve_due <= timezone.localdate():
            raise ServiceError(MSG_DUE_PAST, field="resolve_due")
        text = gettext("The answer was approved; the matter is followed until %(due)s.") % {
            "due": resolve_due.strftime("%d/%m/%Y")
        }
        return apply_move(actor=actor, item=group, kind=UpdateKind.PROGRESS, to_status=FollowUpStatus.IN_PROGRESS,
                          text=text, due_date=resolve_due, at=at)  # fmt: skip
    text = gettext("The approved answer settles the matter.")
    return apply_move(actor=actor, item=group, kind=UpdateKind.ACCEPTED, to_status=FollowUpStatus.RESOLVED, text=text,
                      at=at)  # fmt: skip


def conclusion_issued(*, actor, conclusion) -> int:
    """After a notice is issued, the groups its directives are about follow them
    (least advanced state). Call inside `conclusions.services.conclusion_issue`."""
    changed = 0
    seen: set[int] = set()
    for directive in conclusion.directives.select_related("speaker_request").order_by("pk"):
        for group in _groups_of(directive):
            if group.pk not in seen:
                seen.add(group.pk)
                changed += group_sync(actor=actor, group=group)
    return changed
