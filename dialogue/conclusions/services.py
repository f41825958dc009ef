"""Writes to conclusion notices, their directives, publications and deadline policies.

Each service checks the actor's capability over the notice's issuing unit, runs in one
transaction, moves status only through the tables in `states.py` and leaves an audit entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from dialogue.conclusions import documents
from dialogue.conclusions.models import (
    Conclusion,
    ConclusionPolicy,
    ConclusionStatus,
    Directive,
    DirectiveStatus,
    Publication,
    PublicationStatus,
)
from dialogue.conclusions.states import CONCLUSION_TRANSITIONS, DIRECTIVE_TRANSITIONS, PUBLICATION_TRANSITIONS
from dialogue.core.errors import ServiceError
from dialogue.core.services import audit_record, notify_unit, snapshot
from dialogue.lib.masking import mask_text
from dialogue.lib.text import normalize_text
from dialogue.organisation.models import Level, Unit
from dialogue.organisation.roles import Capability
from dialogue.organisation.selectors import province_of, user_can
from dialogue.petitions.models import AnswerMode, GroupStatus, PetitionGroup
from dialogue.plans.models import Conference, ConferenceStatus
from dialogue.plans.services import administrative_area
from dialogue.proceedings.models import Outcome, SpeakerRequest, SpeakerStatus
from dialogue.workcalendar.selectors import get_calendar

MSG_NOT_ALLOWED = _("You are not allowed to draft the conclusion notice of this conference.")
MSG_ISSUE_NOT_ALLOWED = _("Only the chair may approve and issue the conclusion notice.")
MSG_POLICY_NOT_ALLOWED = _("You are not allowed to change the deadlines of this unit.")
MSG_NOT_HELD = _("The conclusion notice can be drafted only once the conference has taken place.")
MSG_ONLY_DRAFT = _("Only a draft can be changed; ask the chair to send the notice back for changes.")
MSG_STALE = _("Someone else changed this in the meantime. Reload the page and make your change again.")
MSG_TITLE_REQUIRED = _("Enter the title of the notice.")
MSG_SYMBOL_REQUIRED = _("Enter the symbol of the notice, e.g. “TB/ĐU” or “TB-UBND”.")
MSG_MATTER_REQUIRED = _("Describe the matter to be resolved.")
MSG_LEAD_REQUIRED = _("Choose the unit that must act.")
MSG_DUE_REQUIRED = _("Enter the due date.")
MSG_DUE_BEFORE = _("The due date must be after the conference.")
MSG_UNIT_OUTSIDE = _("The unit must lie within the province of the issuing unit.")
MSG_SUPPORT_IS_LEAD = _("The unit that must act cannot also be a supporting unit.")
MSG_DIRECTIVES_INCOMPLETE = _(
    "Directive %(number)s has no unit that must act or no due date; complete it before approving."
)
MSG_ISSUE_DATE = _("Enter the date of issue.")
MSG_ISSUE_BEFORE_CONFERENCE = _("The notice cannot be dated before the conference.")
MSG_NUMBER_TAKEN = _("Number %(number)s of %(year)s is already used by another conclusion notice of this unit.")
MSG_ALREADY_PUBLISHED = _("The notice has already been published.")
MSG_DAYS_RANGE = _("Enter a number of days between 1 and 60.")

CONCLUSION_FIELDS = [
    "layout",
    "issuer_parent_line",
    "issuer_line",
    "symbol",
    "place",
    "due_date",
    "title",
    "opening",
    "answered",
    "settled",
    "directives_intro",
    "closing",
    "signing_authority",
    "signer_title",
    "signer_name",
    "recipients",
]
CONCLUSION_AUDIT_FIELDS = ["conference", "issuing_unit", "number", "year", "issued_on", "status", *CONCLUSION_FIELDS]
_MULTILINE = {
    "title",
    "opening",
    "answered",
    "settled",
    "directives_intro",
    "closing",
    "recipients",
    "matter",
    "expected_result",
}
DIRECTIVE_AUDIT_FIELDS = [
    "order",
    "matter",
    "group",
    "speaker_request",
    "lead_unit",
    "expected_result",
    "due_date",
    "status",
]


# ---------------------------------------------------------------- helpers


def _clean(name: str, value):
    if isinstance(value, str):
        if name in _MULTILINE:
            lines = [normalize_text(line) for line in value.replace("\r\n", "\n").split("\n")]
            return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
        return normalize_text(value)
    return value


def _audit(actor, action: str, target, conclusion: Conclusion, *, before=None, after=None) -> None:
    audit_record(actor=actor, action=action, target=target, before=before, after=after, unit=conclusion.issuing_unit)


def can_draft(user, unit: Unit) -> bool:
    return user_can(user, Capability.CONCLUSION_DRAFT, unit)


def can_issue(user, unit: Unit) -> bool:
    return user_can(user, Capability.CONCLUSION_ISSUE, unit)


def _require_draft_right(actor, unit: Unit) -> None:
    if not can_draft(actor, unit):
        raise PermissionDenied(MSG_NOT_ALLOWED)


def _require_issue_right(actor, unit: Unit) -> None:
    if not can_issue(actor, unit):
        raise PermissionDenied(MSG_ISSUE_NOT_ALLOWED)


def _lock(conclusion: Conclusion, expected_version: int | None) -> Conclusion:
    locked = Conclusion.objects.select_for_update().get(pk=conclusion.pk)
    if expected_version is not None and locked.version != expected_version:
        raise ServiceError(MSG_STALE)
    return locked


def _require_status(conclusion: Conclusion, status: str = ConclusionStatus.DRAFT) -> None:
    if conclusion.status != status:
        raise ServiceError(MSG_ONLY_DRAFT)


def _province_of(unit: Unit) -> Unit:
    return province_of(administrative_area(unit))


def _unit_ok(conclusion: Conclusion, unit: Unit | None, *, field: str = "lead_unit") -> Unit:
    if unit is None:
        raise ServiceError(MSG_LEAD_REQUIRED, field=field)
    if not unit.path.startswith(_province_of(conclusion.issuing_unit).path):
        raise ServiceError(MSG_UNIT_OUTSIDE, field=field)
    return unit


# ---------------------------------------------------------------- deadlines


@dataclass(frozen=True)
class Deadlines:
    notice_working_days: int = 7
    directive_working_days: int = 15
    publication_days: int = 10
    source: ConclusionPolicy | None = None


def policy_for(unit: Unit) -> Deadlines:
    """The unit's own deadlines, else its nearest ancestor's, else the defaults (seed 001:
    the notice within 7 working days; Law 72/2025/QH15 art. 43: published within 10 days)."""
    nearest_first = [unit.pk, *reversed(unit.ancestor_ids())]
    policies = {p.unit_id: p for p in ConclusionPolicy.objects.filter(unit_id__in=nearest_first)}
    for unit_id in nearest_first:
        policy = policies.get(unit_id)
        if policy:
            return Deadlines(policy.notice_working_days, policy.directive_working_days, policy.publication_days, policy)
    return Deadlines()


def notice_due(conference: Conference, deadlines: Deadlines) -> date:
    """Seed 001: “trong thời hạn 07 ngày làm việc kể từ khi kết thúc việc đối thoại”."""
    return get_calendar().add(conference.date, deadlines.notice_working_days)


def directive_due(conference: Conference, deadlines: Deadlines) -> date:
    return get_calendar().add(conference.date, deadlines.directive_working_days)


def publication_due(conference: Conference, deadlines: Deadlines) -> date | None:
    """A commune publishes the results within 10 days after the conference (Law 72/2025/QH15,
    art. 43). The law says days, not working days: calendar days, counted from the day after
    (Civil Code art. 147); other levels have no such deadline."""
    if conference.host_unit.level < Level.COMMUNE or not conference.date:
        return None
    return conference.date + timedelta(days=deadlines.publication_days)


@transaction.atomic
def policy_save(
    *,
    actor,
    unit: Unit,
    notice_working_days: int,
    directive_working_days: int,
    publication_days: int,
    expected_version: int | None = None,
) -> ConclusionPolicy:
    """A unit's deadlines, set by its secretariat (or synthesis board) or an administrator."""
    if not can_draft(actor, unit):
        raise PermissionDenied(MSG_POLICY_NOT_ALLOWED)
    values = {
        "notice_working_days": notice_working_days,
        "directive_working_days": directive_working_days,
        "publication_days": publication_days,
    }
    for name, value in values.items():
        if value is None or not 1 <= int(value) <= 60:
            raise ServiceError(MSG_DAYS_RANGE, field=name)
    Unit.objects.select_for_update().filter(pk=unit.pk).first()
    policy = ConclusionPolicy.objects.select_for_update().filter(unit=unit).first()
    if policy is None:
        policy = ConclusionPolicy(unit=unit)
        before = None
    else:
        if expected_version is not None and policy.version != expected_version:
            raise ServiceError(MSG_STALE)
        before = snapshot(policy, list(values))
        policy.version += 1
    for name, value in values.items():
        setattr(policy, name, int(value))
    policy.updated_by = actor
    policy.save()
    audit_record(
        actor=actor,
        action="conclusion.policy",
        target=policy,
        before=before,
        after=snapshot(policy, list(values)),
        unit=unit,
    )
    return policy


# ---------------------------------------------------------------- drafting


def _symbol(plan_symbol: str) -> str:
    """The plan's symbol with the type code of a notice: KH/ĐU -> TB/ĐU, KH-UBND -> TB-UBND."""
    if plan_symbol.upper().startswith("KH"):
        return "TB" + plan_symbol[2:]
    return f"TB-{plan_symbol}" if plan_symbol else "TB"


def _speaker_words(request: SpeakerRequest) -> str:
    who = request.speaker_name
    if request.represents:
        who += f" ({request.represents})"
    return who


def _answerer(request: SpeakerRequest) -> str:
    if request.answered_by == "agency":
        name = request.answered_by_name
        unit = request.answered_by_unit.name if request.answered_by_unit_id else ""
        return ", ".join(x for x in (f"đồng chí {name}" if name else "", unit) if x) or "cơ quan chuyên môn"
    return "đồng chí chủ trì hội nghị"


@dataclass
class _Proposal:
    matter: str
    lead_unit: Unit | None
    supporting: list[Unit]
    expected_result: str
    group: PetitionGroup | None = None
    speaker_request: SpeakerRequest | None = None


def _keys(proposal: _Proposal) -> set[str]:
    """The sources a proposal stands for: its group and its intervention."""
    keys = set()
    if proposal.group is not None:
        keys.add(f"g{proposal.group.pk}")
    if proposal.speaker_request is not None:
        keys.add(f"r{proposal.speaker_request.pk}")
    return keys


def draft_contents(
    conference: Conference, issuing_unit: Unit
) -> tuple[list[tuple[str, str]], list[tuple[str, str]], list[_Proposal]]:
    """What the conference answered, settled and left open, from its petition groups and
    the interventions recorded on the day (domain.md §1 steps 6–7). Each line comes with
    the key of its source ("g12" a group, "r7" an intervention)."""
    answered: list[tuple[str, str]] = []
    settled: list[tuple[str, str]] = []
    proposals: list[_Proposal] = []
    report_to = f"báo cáo kết quả về {issuing_unit.name}"
    groups = list(
        PetitionGroup.objects.filter(conference=conference)
        .select_related("lead_unit")
        .prefetch_related("supports__unit")
        .order_by("created_at", "id")
    )
    requests = list(
        SpeakerRequest.objects.filter(conference=conference, status=SpeakerStatus.DONE)
        .select_related("answered_by_unit", "group", "group__lead_unit")
        .order_by("position", "id")
    )
    open_outcomes = (Outcome.COMMITTED, Outcome.FOLLOW_UP)
    open_by_group = {r.group_id for r in requests if r.group_id and r.outcome in open_outcomes}
    by_group: dict[int, _Proposal] = {}
    for group in groups:
        supporting = [s.unit for s in group.supports.all()]
        if group.answer_mode == AnswerMode.LIVE and group.pk not in open_by_group:
            settled.append(
                (f"- {group.summary.rstrip('.')}: đã được trả lời, giải quyết trực tiếp tại hội nghị.", f"g{group.pk}")
            )
        elif group.status == GroupStatus.APPROVED and group.pk not in open_by_group:
            lead = f"{group.lead_unit.name} " if group.lead_unit_id else ""
            answer = group.answer_text.strip().rstrip(".") or "đã có văn bản trả lời"
            answered.append((f"- {group.summary.rstrip('.')}: {lead}đã trả lời: {answer}.", f"g{group.pk}"))
        else:
            proposal = _Proposal(
                matter=group.summary,
                lead_unit=group.lead_unit,
                supporting=supporting,
                expected_result=(
                    "Kiểm tra, xem xét, giải quyết dứt điểm theo thẩm quyền, trả lời bằng văn bản cho công dân "
                    f"và {report_to}"
                ),
                group=group,
            )
            proposals.append(proposal)
            by_group[group.pk] = proposal
    for request in requests:
        if request.outcome == Outcome.SETTLED:
            if request.group_id and request.group_id in by_group:
                continue
            line = (
                f"- Ý kiến của {_speaker_words(request)} về {lower(request.matter)}: "
                f"{_answerer(request)} đã trả lời, giải quyết tại hội nghị"
            )
            if request.notes:
                line += f" ({request.notes.rstrip('.')})"
            settled.append((line + ".", f"r{request.pk}"))
        elif request.outcome in open_outcomes:
            existing = by_group.get(request.group_id) if request.group_id else None
            if existing is not None and existing.speaker_request is None:
                existing.speaker_request = request
                continue
            lead = request.answered_by_unit
            if lead is None and request.group_id:
                lead = request.group.lead_unit
            if request.outcome == Outcome.COMMITTED:
                result = "Thực hiện nội dung đã cam kết tại hội nghị"
                if request.notes:
                    result += f": {request.notes.rstrip('.')}"
            else:
                result = "Kiểm tra, xác minh, đề xuất phương án giải quyết, trả lời công dân"
            supporting = [s.unit for s in request.group.supports.all()] if request.group_id else []
            proposals.append(
                _Proposal(
                    matter=f"Ý kiến của {_speaker_words(request)} về {lower(request.matter)}",
                    lead_unit=lead,
                    supporting=supporting,
                    expected_result=f"{result}; {report_to}",
                    group=request.group,
                    speaker_request=request,
                )
            )
    return answered, settled, proposals


def _all_keys(proposals: list[_Proposal]) -> set[str]:
    return set().union(*(_keys(p) for p in proposals)) if proposals else set()


def lower(text: str) -> str:
    return documents.lower_first(text.strip().rstrip("."))


def _default_recipients(proposals: list[_Proposal], conference: Conference) -> str:
    lines = []
    seen = set()
    for proposal in proposals:
        for unit in [proposal.lead_unit, *proposal.supporting]:
            if unit is not None and unit.pk not in seen:
                seen.add(unit.pk)
                lines.append(f"- {unit.name},")
    lines.append("- Lưu VT.")
    return "\n".join(lines)


def _create_proposed(conclusion: Conclusion, proposals: list[_Proposal], *, after: int, due: date) -> None:
    """A proposed directive for each proposal, numbered after `after`."""
    for order, proposal in enumerate(proposals, start=after + 1):
        directive = Directive.objects.create(
            conclusion=conclusion,
            order=order,
            matter=proposal.matter,
            group=proposal.group,
            speaker_request=proposal.speaker_request,
            lead_unit=proposal.lead_unit,
            expected_result=proposal.expected_result,
            due_date=due,
        )
        lead_pk = proposal.lead_unit.pk if proposal.lead_unit else None
        directive.supporting_units.set([u for u in proposal.supporting if u.pk != lead_pk])


def conclusion_draft(*, actor, conference: Conference) -> Conclusion:
    """Draft the notice of a conference that has taken place, from its groups and the
    interventions on the day. Drafting twice returns the living draft (one per conference)."""
    plan = conference.plan
    issuing_unit = plan.issuing_unit
    _require_draft_right(actor, issuing_unit)
    existing = Conclusion.objects.filter(conference=conference).exclude(status=ConclusionStatus.CANCELLED).first()
    if existing:
        return existing
    if conference.status == ConferenceStatus.CANCELLED or not conference.date or conference.date > timezone.localdate():
        raise ServiceError(MSG_NOT_HELD)
    deadlines = policy_for(issuing_unit)
    try:
        with transaction.atomic():
            answered, settled, proposals = draft_contents(conference, issuing_unit)
            conclusion = Conclusion.objects.create(
                conference=conference,
                issuing_unit=issuing_unit,
                layout=plan.layout,
                issuer_parent_line=plan.issuer_parent_line,
                issuer_line=plan.issuer_line,
                symbol=_symbol(plan.symbol),
                year=timezone.localdate().year,
                place=plan.place,
                due_date=notice_due(conference, deadlines),
                title=documents.default_title(conference),
                opening=documents.default_opening(conference),
                answered="\n".join(line for line, _key in answered),
                settled="\n".join(line for line, _key in settled),
                drafted_from=sorted({key for _line, key in [*answered, *settled]} | _all_keys(proposals)),
                directives_intro=documents.default_directives_intro(conference),
                closing=documents.default_closing(issuing_unit.name),
                signing_authority=plan.signing_authority,
                signer_title=plan.signer_title,
                signer=plan.signer,
                signer_name=plan.signer_name,
                recipients=_default_recipients(proposals, conference),
                created_by=actor,
            )
            _create_proposed(conclusion, proposals, after=0, due=directive_due(conference, deadlines))
            _audit(
                actor,
                "conclusion.draft",
                conclusion,
                conclusion,
                after={**snapshot(conclusion, CONCLUSION_AUDIT_FIELDS), "directives": len(proposals)},
            )
            return conclusion
    except IntegrityError:
        # Two people drafting at once: the other one's draft stands.
        return Conclusion.objects.filter(conference=conference).exclude(status=ConclusionStatus.CANCELLED).get()


@dataclass
class RefreshResult:
    directives: int
    lines: int


@transaction.atomic
def conclusion_refresh(*, actor, conclusion: Conclusion, expected_version: int | None) -> RefreshResult:
    """Bring into a draft what the conference gained after it was drafted: a group made or
    answered later, an intervention recorded later. Only sources the draft has not seen
    yet are used, so what the secretariat reworded or deleted does not come back: a
    proposed directive for each new open matter, a line for each new answered or settled
    one, appended after the secretariat's text."""
    _require_draft_right(actor, conclusion.issuing_unit)
    locked = _lock(conclusion, expected_version)
    _require_status(locked)
    answered, settled, proposals = draft_contents(locked.conference, locked.issuing_unit)
    seen = set(locked.drafted_from)
    seen |= {f"g{d.group_id}" for d in locked.directives.all() if d.group_id}
    seen |= {f"r{d.speaker_request_id}" for d in locked.directives.all() if d.speaker_request_id}
    fresh = [p for p in proposals if not (_keys(p) & seen)]
    # A draft made before sources were recorded: its lines are recognised by their text.
    present = {line.strip() for line in [*locked.answered.splitlines(), *locked.settled.splitlines()]}
    new_answered = [line for line, key in answered if key not in seen and line.strip() not in present]
    new_settled = [line for line, key in settled if key not in seen and line.strip() not in present]
    if not (fresh or new_answered or new_settled):
        return RefreshResult(0, 0)
    if new_answered:
        locked.answered = "\n".join(x for x in [locked.answered.rstrip(), *new_answered] if x)
    if new_settled:
        locked.settled = "\n".join(x for x in [locked.settled.rstrip(), *new_settled] if x)
    _create_proposed(
        locked,
        fresh,
        after=locked.directives.aggregate(m=Max("order"))["m"] or 0,
        due=directive_due(locked.conference, policy_for(locked.issuing_unit)),
    )
    locked.drafted_from = sorted(seen | {key for _line, key in [*answered, *settled]} | _all_keys(proposals))
    locked.version += 1
    locked.save(update_fields=["answered", "settled", "drafted_from", "version", "updated_at"])
    result = RefreshResult(directives=len(fresh), lines=len(new_answered) + len(new_settled))
    _audit(
        actor,
        "conclusion.refresh",
        locked,
        locked,
        after={"directives_added": result.directives, "lines_added": result.lines},
    )
    return result


@transaction.atomic
def conclusion_update(*, actor, conclusion: Conclusion, expected_version: int | None, **fields) -> Conclusion:
    _require_draft_right(actor, conclusion.issuing_unit)
    locked = _lock(conclusion, expected_version)
    _require_status(locked)
    before = snapshot(locked, CONCLUSION_AUDIT_FIELDS)
    for name, value in fields.items():
        if name not in CONCLUSION_FIELDS:
            raise ValueError(name)
        setattr(locked, name, _clean(name, value))
    if not locked.title:
        raise ServiceError(MSG_TITLE_REQUIRED, field="title")
    if not locked.symbol:
        raise ServiceError(MSG_SYMBOL_REQUIRED, field="symbol")
    locked.version += 1
    locked.save()
    _audit(actor, "conclusion.update", locked, locked, before=before, after=snapshot(locked, CONCLUSION_AUDIT_FIELDS))
    return locked


@transaction.atomic
def conclusion_cancel(*, actor, conclusion: Conclusion) -> Conclusion:
    """A draft abandoned; the conference may then be drafted afresh."""
    _require_draft_right(actor, conclusion.issuing_unit)
    locked = _lock(conclusion, None)
    CONCLUSION_TRANSITIONS.check(locked.status, ConclusionStatus.CANCELLED)
    locked.status = ConclusionStatus.CANCELLED
    locked.version += 1
    locked.save()
    _audit(actor, "conclusion.cancel", locked, locked, before={"status": "draft"}, after={"status": locked.status})
    return locked


# ---------------------------------------------------------------- directives of the draft


def _validate_directive(conclusion: Conclusion, *, matter: str, lead_unit, supporting_units, due_date) -> None:
    if not matter:
        raise ServiceError(MSG_MATTER_REQUIRED, field="matter")
    _unit_ok(conclusion, lead_unit)
    for unit in supporting_units:
        _unit_ok(conclusion, unit, field="supporting_units")
        if unit.pk == lead_unit.pk:
            raise ServiceError(MSG_SUPPORT_IS_LEAD, field="supporting_units")
    if due_date is None:
        raise ServiceError(MSG_DUE_REQUIRED, field="due_date")
    if conclusion.conference.date and due_date <= conclusion.conference.date:
        raise ServiceError(MSG_DUE_BEFORE, field="due_date")


def _directive_snapshot(directive: Directive) -> dict:
    return {
        **snapshot(directive, DIRECTIVE_AUDIT_FIELDS),
        "supporting_units": [u.name for u in directive.supporting_units.all()],
    }


@transaction.atomic
def directive_add(
    *,
    actor,
    conclusion: Conclusion,
    matter: str,
    lead_unit: Unit | None,
    supporting_units: Iterable[Unit] = (),
    expected_result: str = "",
    due_date: date | None = None,
) -> Directive:
    _require_draft_right(actor, conclusion.issuing_unit)
    locked = _lock(conclusion, None)
    _require_status(locked)
    matter, expected_result = _clean("matter", matter), _clean("expected_result", expected_result)
    supporting_units = list(supporting_units)
    _validate_directive(
        locked, matter=matter, lead_unit=lead_unit, supporting_units=supporting_units, due_date=due_date
    )
    order = (locked.directives.aggregate(m=Max("order"))["m"] or 0) + 1
    directive = Directive.objects.create(
        conclusion=locked,
        order=order,
        matter=matter,
        lead_unit=lead_unit,
        expected_result=expected_result,
        due_date=due_date,
    )
    directive.supporting_units.set(supporting_units)
    locked.version += 1
    locked.save(update_fields=["version", "updated_at"])
    _audit(actor, "conclusion.directive_add", directive, locked, after=_directive_snapshot(directive))
    return directive


@transaction.atomic
def directive_update(
    *,
    actor,
    directive: Directive,
    expected_version: int | None,
    matter: str,
    lead_unit: Unit | None,
    supporting_units: Iterable[Unit] = (),
    expected_result: str = "",
    due_date: date | None = None,
) -> Directive:
    conclusion = directive.conclusion
    _require_draft_right(actor, conclusion.issuing_unit)
    locked_conclusion = _lock(conclusion, None)
    _require_status(locked_conclusion)
    locked = Directive.objects.select_for_update().filter(pk=directive.pk).first()
    if locked is None or (expected_version is not None and locked.version != expected_version):
        raise ServiceError(MSG_STALE)  # deleted or changed by someone else meanwhile
    matter, expected_result = _clean("matter", matter), _clean("expected_result", expected_result)
    supporting_units = list(supporting_units)
    _validate_directive(
        locked_conclusion, matter=matter, lead_unit=lead_unit, supporting_units=supporting_units, due_date=due_date
    )
    before = _directive_snapshot(locked)
    locked.matter, locked.lead_unit, locked.expected_result, locked.due_date = (
        matter,
        lead_unit,
        expected_result,
        due_date,
    )
    locked.version += 1
    locked.save()
    locked.supporting_units.set(supporting_units)
    locked_conclusion.version += 1
    locked_conclusion.save(update_fields=["version", "updated_at"])
    _audit(
        actor,
        "conclusion.directive_update",
        locked,
        locked_conclusion,
        before=before,
        after=_directive_snapshot(locked),
    )
    return locked


@transaction.atomic
def directive_delete(*, actor, directive: Directive) -> None:
    conclusion = directive.conclusion
    _require_draft_right(actor, conclusion.issuing_unit)
    locked_conclusion = _lock(conclusion, None)
    _require_status(locked_conclusion)
    before = _directive_snapshot(directive)
    _audit(actor, "conclusion.directive_delete", directive, locked_conclusion, before=before)
    directive.delete()
    _renumber(locked_conclusion)
    locked_conclusion.version += 1
    locked_conclusion.save(update_fields=["version", "updated_at"])


@transaction.atomic
def directive_move(*, actor, directive: Directive, up: bool) -> None:
    conclusion = directive.conclusion
    _require_draft_right(actor, conclusion.issuing_unit)
    locked_conclusion = _lock(conclusion, None)
    _require_status(locked_conclusion)
    items = list(locked_conclusion.directives.select_for_update().order_by("order", "id"))
    index = next((i for i, d in enumerate(items) if d.pk == directive.pk), None)
    if index is None:  # deleted by someone else meanwhile
        raise ServiceError(MSG_STALE)
    other = index - 1 if up else index + 1
    if 0 <= other < len(items):
        items[index], items[other] = items[other], items[index]
        for order, item in enumerate(items, start=1):
            if item.order != order:
                item.order = order
                item.save(update_fields=["order"])
        locked_conclusion.version += 1
        locked_conclusion.save(update_fields=["version", "updated_at"])
        _audit(actor, "conclusion.directive_move", directive, locked_conclusion, after={"order": [d.pk for d in items]})


def _renumber(conclusion: Conclusion) -> None:
    for order, item in enumerate(conclusion.directives.order_by("order", "id"), start=1):
        if item.order != order:
            item.order = order
            item.save(update_fields=["order"])


# ---------------------------------------------------------------- approval and issue


def _check_directives_complete(conclusion: Conclusion) -> None:
    for number, directive in enumerate(conclusion.directives.order_by("order", "id"), start=1):
        if directive.lead_unit_id is None or directive.due_date is None:
            raise ServiceError(MSG_DIRECTIVES_INCOMPLETE % {"number": number})


@transaction.atomic
def conclusion_approve(*, actor, conclusion: Conclusion, expected_version: int | None = None) -> Conclusion:
    """The chair approves the draft as it stands (a later edit needs it sent back first)."""
    _require_issue_right(actor, conclusion.issuing_unit)
    locked = _lock(conclusion, expected_version)
    CONCLUSION_TRANSITIONS.check(locked.status, ConclusionStatus.APPROVED)
    _check_directives_complete(locked)
    locked.status = ConclusionStatus.APPROVED
    locked.approved_by = actor
    locked.approved_at = timezone.now()
    locked.version += 1
    locked.save()
    _audit(actor, "conclusion.approve", locked, locked, before={"status": "draft"}, after={"status": locked.status})
    url = reverse("conclusions:detail", args=[locked.pk])
    notify_unit(
        unit=locked.issuing_unit,
        capability=Capability.CONCLUSION_DRAFT,
        exclude=actor,
        url=url,
        message=gettext("The chair approved the conclusion notice “%(title)s”; it can now be issued.")
        % {"title": locked.title[:120]},
    )
    return locked


@transaction.atomic
def conclusion_return(*, actor, conclusion: Conclusion) -> Conclusion:
    """The chair sends an approved notice back to the drafters for changes."""
    _require_issue_right(actor, conclusion.issuing_unit)
    locked = _lock(conclusion, None)
    CONCLUSION_TRANSITIONS.check(locked.status, ConclusionStatus.DRAFT)
    locked.status = ConclusionStatus.DRAFT
    locked.approved_by = None
    locked.approved_at = None
    locked.version += 1
    locked.save()
    _audit(actor, "conclusion.return", locked, locked, before={"status": "approved"}, after={"status": "draft"})
    return locked


def _next_number(conclusion: Conclusion, year: int) -> int:
    current = Conclusion.objects.filter(issuing_unit=conclusion.issuing_unit, year=year).aggregate(m=Max("number"))
    return (current["m"] or 0) + 1


def conclusion_issue(*, actor, conclusion: Conclusion, issued_on: date | None, number: int | None = None) -> Conclusion:
    """Issue the approved notice under a number unique for its unit and year (the unit's
    row is locked while numbering, as for plans); every directive becomes an assigned item
    of the unit that must act, which is told, and so are the supporting units. A publication
    record is opened with its legal deadline (Law 72/2025/QH15 art. 43 for a commune)."""
    _require_issue_right(actor, conclusion.issuing_unit)
    if issued_on is None:
        raise ServiceError(MSG_ISSUE_DATE, field="issued_on")
    for _attempt in range(3):
        try:
            with transaction.atomic():
                # NO KEY: as plan_issue, so that a return of this notice (which locks it, then
                # audits against the unit) waits its turn instead of deadlocking on PostgreSQL.
                Unit.objects.select_for_update(no_key=True).filter(pk=conclusion.issuing_unit_id).first()
                locked = _lock(conclusion, None)
                CONCLUSION_TRANSITIONS.check(locked.status, ConclusionStatus.ISSUED)
                if locked.conference.date and issued_on < locked.conference.date:
                    raise ServiceError(MSG_ISSUE_BEFORE_CONFERENCE, field="issued_on")
                _check_directives_complete(locked)
                year = issued_on.year
                chosen = number or _next_number(locked, year)
                clash = Conclusion.objects.filter(issuing_unit=locked.issuing_unit, year=year, number=chosen)
                if clash.exclude(pk=locked.pk).exists():
                    raise ServiceError(MSG_NUMBER_TAKEN % {"number": chosen, "year": year}, field="number")
                before = snapshot(locked, CONCLUSION_AUDIT_FIELDS)
                locked.number, locked.year, locked.issued_on = chosen, year, issued_on
                locked.status = ConclusionStatus.ISSUED
                locked.issued_by = actor
                locked.issued_at = timezone.now()
                locked.version += 1
                locked.save()
                _assign_directives(actor, locked)
                # The groups behind the directives are followed through them from now on.
                from dialogue.followup.services import conclusion_issued

                conclusion_issued(actor=actor, conclusion=locked)
                deadlines = policy_for(locked.issuing_unit)
                Publication.objects.create(conclusion=locked, due_date=publication_due(locked.conference, deadlines))
                _audit(
                    actor,
                    "conclusion.issue",
                    locked,
                    locked,
                    before=before,
                    after=snapshot(locked, CONCLUSION_AUDIT_FIELDS),
                )
                return locked
        except IntegrityError:
            if number:
                raise ServiceError(
                    MSG_NUMBER_TAKEN % {"number": number, "year": issued_on.year}, field="number"
                ) from None
            continue
    raise ServiceError(MSG_STALE)


def _assign_directives(actor, conclusion: Conclusion) -> None:
    now = timezone.now()
    directives = list(
        conclusion.directives.select_for_update(of=("self",))
        .select_related("lead_unit")
        .prefetch_related("supporting_units")
    )
    for directive in directives:
        DIRECTIVE_TRANSITIONS.check(directive.status, DirectiveStatus.ASSIGNED)
        directive.status = DirectiveStatus.ASSIGNED
        directive.assigned_at = now
        directive.version += 1
        directive.save(update_fields=["status", "assigned_at", "version", "updated_at"])
        _audit(
            actor,
            "directive.assign",
            directive,
            conclusion,
            before={"status": "proposed"},
            after={"status": directive.status, "lead_unit": directive.lead_unit.name},
        )
        url = reverse("conclusions:directive_detail", args=[directive.pk])
        values = {
            "label": conclusion.number_label,
            "matter": directive.matter[:160],
            "due": f"{directive.due_date:%d/%m/%Y}",
        }
        notify_unit(
            unit=directive.lead_unit,
            capability=Capability.TASK_UPDATE,
            url=url,
            exclude=actor,
            message=gettext("Conclusion notice %(label)s gives your unit a directive: %(matter)s (due %(due)s).")
            % values,
        )
        for unit in directive.supporting_units.all():
            notify_unit(
                unit=unit,
                capability=Capability.TASK_UPDATE,
                url=url,
                exclude=actor,
                message=gettext("Conclusion notice %(label)s asks your unit to support: %(matter)s (due %(due)s).")
                % values,
            )


# ---------------------------------------------------------------- publication


def personal_names(conclusion: Conclusion) -> list[str]:
    """The citizens' names the records know for this conference: petitioners of its
    groups and speakers of its interventions."""
    from dialogue.petitions.models import Petition

    names = set(
        Petition.objects.filter(conference=conclusion.conference)
        .exclude(name="")
        .exclude(petitioner_kind="organisation")
        .values_list("name", flat=True)
    )
    group_ids = [g for g in conclusion.directives.values_list("group_id", flat=True) if g]
    names |= set(Petition.objects.filter(group_id__in=group_ids).exclude(name="").values_list("name", flat=True))
    names |= set(
        SpeakerRequest.objects.filter(conference=conclusion.conference, participant__isnull=True)
        .exclude(speaker_name="")
        .values_list("speaker_name", flat=True)
    )
    return sorted(names)


def official_names(conclusion: Conclusion) -> list[str]:
    """People named in their official capacity: the chairs and the signer."""
    names = [c.name for c in conclusion.conference.chairs.all()]
    if conclusion.signer_name:
        names.append(conclusion.signer_name)
    return names


def public_text(conclusion: Conclusion) -> str:
    """The notice as it will be published: names to initials, phones and addresses removed."""
    return mask_text(
        documents.plain_text(conclusion), names=personal_names(conclusion), keep=official_names(conclusion)
    )


@transaction.atomic
def publication_publish(*, actor, publication: Publication) -> Publication:
    """Make the issued notice public with personal data masked (Law 72/2025/QH15, art. 43;
    Law 91/2025/QH15 on personal data protection)."""
    conclusion = publication.conclusion
    _require_draft_right(actor, conclusion.issuing_unit)
    locked = Publication.objects.select_for_update().get(pk=publication.pk)
    if locked.status == PublicationStatus.PUBLISHED:
        raise ServiceError(MSG_ALREADY_PUBLISHED)
    PUBLICATION_TRANSITIONS.check(locked.status, PublicationStatus.PUBLISHED)
    locked.public_text = public_text(conclusion)
    locked.status = PublicationStatus.PUBLISHED
    locked.published_at = timezone.now()
    locked.published_by = actor
    locked.version += 1
    locked.save()
    _audit(
        actor,
        "conclusion.publish",
        locked,
        conclusion,
        before={"status": "pending"},
        after={"status": locked.status, "due_date": locked.due_date.isoformat() if locked.due_date else None},
    )
    return locked
