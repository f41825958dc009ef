"""Kiến nghị với cấp trên: a matter beyond the competence of the unit that held the
conference is sent to a higher unit, which answers it or returns it (domain.md §1 step 8:
"matters beyond the level are forwarded up").

- Who sends: the unit responsible for the matter (`FOLLOWUP_UPDATE` over it) or the
  synthesis board of the unit that owns it (`FOLLOWUP_REVIEW` over the conference's unit).
- To whom: a body of a higher level only — a body of an administrative area above the
  owner's area (the province's People's Committee, a Sở, the provincial Party committee
  and its boards...) or a central body (`escalation_targets`).
- By when: the answer is due `ESCALATION_ANSWER_WORKING_DAYS` working days after the
  recommendation (default 15, the same time a conclusion notice gives a directive),
  unless the sender sets a date.
- The matter moves to "forwarded up" and waits. The higher level's answer comes back as a
  reported result (claimed "resolved") that the owner's synthesis board reviews like any
  other; the petitioners who left a telephone number are told the answer. A higher level
  that finds the matter within the lower level's competence returns it: the matter is
  back in progress.

Services (writers) come first, then selectors (readers, always scoped to the person).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from dialogue.conclusions.models import Directive, DirectiveStatus
from dialogue.core.errors import ServiceError
from dialogue.core.services import audit_record, notify_unit, snapshot
from dialogue.core.states import TransitionTable
from dialogue.followup.models import Escalation, EscalationStatus, ProgressUpdate, UpdateKind
from dialogue.lib.text import normalize_text
from dialogue.organisation.models import Level, Unit, UnitCategory, UnitStatus
from dialogue.organisation.roles import Capability
from dialogue.organisation.selectors import any_of, scope_q, unit_ancestors, user_can
from dialogue.petitions.models import PetitionGroup
from dialogue.plans.services import administrative_area
from dialogue.workcalendar.selectors import add_working_days, lateness

# The default time the higher level has to answer, in working days; a setting.
DEFAULT_ANSWER_WORKING_DAYS = 15

MSG_NOT_ALLOWED = _("You are not allowed to forward this matter to the higher level.")
MSG_ANSWER_NOT_ALLOWED = _("Only the unit that received the recommendation may answer or return it.")
MSG_REQUEST_REQUIRED = _("Write what you recommend to the higher level.")
MSG_TO_UNIT_REQUIRED = _("Choose the higher unit the recommendation is sent to.")
MSG_NOT_HIGHER = _(
    "The recommendation can only go to a unit of a higher level: a body of the province (or a central body) "
    "above the unit that owns the matter."
)
MSG_TO_RESPONSIBLE = _("The unit responsible for the matter cannot be its own higher level.")
MSG_DUE_PAST = _("The answer due date must be after today.")
MSG_ALREADY_PENDING = _("This matter is already awaiting the answer of a higher level.")
MSG_NOT_PENDING = _("This recommendation has already been answered or returned.")
MSG_CANNOT_FORWARD = _("A matter in the state “%(status)s” cannot be forwarded to the higher level.")
MSG_ANSWER_REQUIRED = _("Write the answer.")
MSG_REASON_REQUIRED = _("Explain why the matter is returned to the lower level.")
MSG_TOO_LONG = _("The text is too long; keep the essentials and attach the full document as a file.")
MSG_GROUP_FOLLOWS_DIRECTIVES = _(
    "This group is followed through the directives of the conclusion notice; forward the directive instead."
)
MSG_STALE = _("Someone else changed this in the meantime. Reload the page and make your change again.")

# The timeline keeps at most this much text per entry (dialogue.followup.services.MAX_TEXT).
MAX_TEXT = 5000

# A recommendation waits for the higher level, which answers it or returns it; both end it.
ESCALATION_TRANSITIONS = TransitionTable(
    {
        EscalationStatus.PENDING: {EscalationStatus.ANSWERED, EscalationStatus.RETURNED},
        EscalationStatus.ANSWERED: set(),
        EscalationStatus.RETURNED: set(),
    },
    dict(EscalationStatus.choices),
)

ESCALATION_AUDIT_FIELDS = ["from_unit", "to_unit", "request_text", "due_date", "status", "answer_text"]


def answer_working_days() -> int:
    return int(getattr(settings, "ESCALATION_ANSWER_WORKING_DAYS", DEFAULT_ANSWER_WORKING_DAYS))


# ---------------------------------------------------------------- the matter (directive or group)


def _followup():
    # Imported when used: dialogue.followup.services imports this module's neighbours.
    from dialogue.followup import services

    return services


def item_of(escalation: Escalation) -> Directive | PetitionGroup:
    return escalation.directive if escalation.directive_id else escalation.group


def item_text(item) -> str:
    """What the matter is: a directive's matter, a group's summarised opinion."""
    return item.matter if isinstance(item, Directive) else item.summary


def item_status(item) -> str:
    return item.status if isinstance(item, Directive) else item.followup_status


def item_conference(item):
    return item.conclusion.conference if isinstance(item, Directive) else item.conference


def _item_filter(item) -> dict:
    return {"directive": item} if isinstance(item, Directive) else {"group": item}


def _lock_item(item):
    return type(item).objects.select_for_update().get(pk=item.pk)


def _clean(text: str, field: str, limit: int = MAX_TEXT) -> str:
    lines = [normalize_text(line) for line in (text or "").replace("\r\n", "\n").split("\n")]
    cleaned = "\n".join(lines).strip()
    if len(cleaned) > limit:
        raise ServiceError(MSG_TOO_LONG, field=field)
    return cleaned


def _can_forward_from(status: str, item) -> bool:
    from dialogue.followup.states import table_for

    if not isinstance(item, Directive) and _followup().group_directives(item).exists():
        # A group with directives is followed through them: forward the directive.
        return False
    return DirectiveStatus.FORWARDED_UP in table_for(item).allowed(status)


# ---------------------------------------------------------------- rights


def sender_unit(user, item) -> Unit | None:
    """The unit the person recommends for: the owner (the synthesis board speaks for the
    conference's unit), else the responsible unit; None when the person may not."""
    services = _followup()
    owner = services.item_owner_unit(item)
    if owner is not None and user_can(user, Capability.FOLLOWUP_REVIEW, owner):
        return owner
    unit = services.item_unit(item)
    if unit is not None and user_can(user, Capability.FOLLOWUP_UPDATE, unit):
        return unit
    return None


def can_escalate(user, item) -> bool:
    """The person may recommend this matter to the higher level now."""
    if sender_unit(user, item) is None:
        return False
    if not _can_forward_from(item_status(item), item):
        return False
    return not Escalation.objects.filter(status=EscalationStatus.PENDING, **_item_filter(item)).exists()


def can_answer(user, escalation: Escalation) -> bool:
    """The receiving unit's synthesis board or office; for an agency, its officers."""
    unit = escalation.to_unit
    if user_can(user, Capability.ESCALATION_ANSWER, unit):
        return True
    return unit.kind.category == UnitCategory.AGENCY and user_can(user, Capability.FOLLOWUP_UPDATE, unit)


def _answer_capability(unit: Unit) -> str:
    return Capability.FOLLOWUP_UPDATE if unit.kind.category == UnitCategory.AGENCY else Capability.ESCALATION_ANSWER


# ---------------------------------------------------------------- where a matter may go


def escalation_targets(item) -> QuerySet[Unit]:
    """The higher units a matter may be recommended to, nearest level first: the bodies of
    each administrative area above the owner's area (a commune's matter: the province's
    People's Committee, its Sở, the provincial Party committee and boards...), then the
    central bodies. Never the responsible unit itself or a part of it."""
    services = _followup()
    owner = services.item_owner_unit(item)
    area = administrative_area(owner)
    higher = Q(level=Level.CENTRAL) if area.level > Level.CENTRAL else Q(pk__in=[])
    for ancestor in unit_ancestors(area):
        if ancestor.level < area.level and ancestor.kind.category == UnitCategory.ADMINISTRATIVE:
            higher |= Q(path__startswith=ancestor.path, level=ancestor.level)
    targets = (
        Unit.objects.filter(higher, status=UnitStatus.ACTIVE)
        .exclude(kind__category=UnitCategory.ADMINISTRATIVE)
        .exclude(kind__historical=True)
    )
    responsible = services.item_unit(item)
    if responsible is not None:
        targets = targets.exclude(path__startswith=responsible.path)
    return targets.select_related("kind", "parent").order_by("-level", "kind__sort_order", "path")


def default_due(today: date | None = None) -> date:
    return add_working_days(today or timezone.localdate(), answer_working_days())


# ---------------------------------------------------------------- services


def _audit(actor, action: str, escalation: Escalation, *, before=None, after=None) -> None:
    audit_record(actor=actor, action=action, target=escalation, before=before, after=after, unit=escalation.from_unit)


def _url(escalation: Escalation) -> str:
    return reverse("followup:escalation_detail", args=[escalation.pk])


def _existing_for_key(submission_key, item) -> Escalation | None:
    """A double submit of the same form: the escalation its first submit made."""
    if submission_key is None or not ProgressUpdate.objects.filter(submission_key=submission_key).exists():
        return None
    return Escalation.objects.filter(**_item_filter(item)).order_by("-created_at", "-id").first()


@transaction.atomic
def escalation_create(
    *,
    actor,
    item,
    to_unit: Unit | None,
    request_text: str,
    due_date: date | None = None,
    submission_key: uuid.UUID | None = None,
    expected_version: int | None = None,
) -> Escalation:
    """Recommend a matter beyond the unit's competence to a higher unit (kiến nghị với cấp
    trên): the matter moves to "forwarded up", the higher unit finds it in its inbox and
    is told. The answer is due `ESCALATION_ANSWER_WORKING_DAYS` working days later unless
    the sender sets a later date."""
    services = _followup()
    from_unit = sender_unit(actor, item)
    if from_unit is None:
        raise PermissionDenied(MSG_NOT_ALLOWED)
    existing = _existing_for_key(submission_key, item)
    if existing is not None:
        return existing
    text = _clean(request_text, "request_text", MAX_TEXT - 500)  # room for the unit's name
    if not text:
        raise ServiceError(MSG_REQUEST_REQUIRED, field="request_text")
    if to_unit is None:
        raise ServiceError(MSG_TO_UNIT_REQUIRED, field="to_unit")
    responsible = services.item_unit(item)
    if responsible is not None and to_unit.path.startswith(responsible.path):
        raise ServiceError(MSG_TO_RESPONSIBLE, field="to_unit")
    if not escalation_targets(item).filter(pk=to_unit.pk).exists():
        raise ServiceError(MSG_NOT_HIGHER, field="to_unit")
    today = timezone.localdate()
    due = due_date or default_due(today)
    if due <= today:
        raise ServiceError(MSG_DUE_PAST, field="due_date")

    locked = _lock_item(item)
    if expected_version is not None and locked.version != expected_version:
        raise ServiceError(MSG_STALE)
    if Escalation.objects.filter(status=EscalationStatus.PENDING, **_item_filter(locked)).exists():
        raise ServiceError(MSG_ALREADY_PENDING)
    status = item_status(locked)
    if not isinstance(locked, Directive) and services.group_directives(locked).exists():
        raise ServiceError(MSG_GROUP_FOLLOWS_DIRECTIVES)
    if not _can_forward_from(status, locked):
        label = dict(DirectiveStatus.choices).get(status, status) or gettext("Not yet followed up")
        raise ServiceError(MSG_CANNOT_FORWARD % {"status": label})

    services.apply_move(
        actor=actor,
        item=locked,
        kind=UpdateKind.FORWARDED,
        to_status=DirectiveStatus.FORWARDED_UP,
        text=gettext("Recommended to %(unit)s: %(text)s") % {"unit": to_unit.name, "text": text},
        submission_key=submission_key,
    )
    try:
        with transaction.atomic():
            escalation = Escalation.objects.create(
                from_unit=from_unit,
                to_unit=to_unit,
                request_text=text,
                due_date=due,
                created_by=actor,
                **_item_filter(locked),
            )
    except IntegrityError:
        # Another person forwarded the same matter at the same moment.
        raise ServiceError(MSG_ALREADY_PENDING) from None
    _audit(actor, "escalation.create", escalation, after=snapshot(escalation, ESCALATION_AUDIT_FIELDS))
    notify_unit(
        unit=to_unit,
        capability=_answer_capability(to_unit),
        message=gettext("%(unit)s recommends a matter to you, answer due %(due)s: %(text)s")
        % {"unit": from_unit.name, "due": due.strftime("%d/%m/%Y"), "text": text[:300]},
        url=_url(escalation),
        exclude=actor,
    )
    return escalation


def _lock_pending(escalation: Escalation, expected_version: int | None, target: str) -> Escalation:
    locked = Escalation.objects.select_for_update().get(pk=escalation.pk)
    if expected_version is not None and locked.version != expected_version:
        raise ServiceError(MSG_STALE)
    if locked.status != EscalationStatus.PENDING:
        raise ServiceError(MSG_NOT_PENDING)
    ESCALATION_TRANSITIONS.check(locked.status, target)
    return locked


def _tell_lower_level(escalation: Escalation, message: str, actor, *, board: bool = True) -> None:
    """The unit responsible for the matter and (unless the follow-up already told it) the
    owner's synthesis board learn the outcome; together they include the sender."""
    services = _followup()
    item = item_of(escalation)
    url = _url(escalation)
    owner = services.item_owner_unit(item)
    responsible = services.item_unit(item)
    if board:
        notify_unit(unit=owner, capability=Capability.FOLLOWUP_REVIEW, message=message, url=url, exclude=actor)
    if responsible is not None:
        notify_unit(unit=responsible, capability=Capability.FOLLOWUP_UPDATE, message=message, url=url, exclude=actor)


def _signed_by_higher_unit(update: ProgressUpdate, escalation: Escalation) -> None:
    """The timeline shows the higher level's answer as written for the unit that received
    the recommendation (the follow-up would name the unit responsible for the matter)."""
    ProgressUpdate.objects.filter(pk=update.pk).update(author_unit=escalation.to_unit)
    update.author_unit = escalation.to_unit


@transaction.atomic
def escalation_answer(
    *,
    actor,
    escalation: Escalation,
    answer_text: str,
    files=(),
    expected_version: int | None = None,
    submission_key: uuid.UUID | None = None,
) -> Escalation:
    """The higher level answers: the answer comes back to the matter as a reported result
    (claimed "resolved") that the owner's synthesis board accepts or sends back, and the
    petitioners who left a telephone number are told the answer."""
    if not can_answer(actor, escalation):
        raise PermissionDenied(MSG_ANSWER_NOT_ALLOWED)
    if submission_key is not None and ProgressUpdate.objects.filter(submission_key=submission_key).exists():
        return Escalation.objects.get(pk=escalation.pk)
    text = _clean(answer_text, "answer_text")
    if not text:
        raise ServiceError(MSG_ANSWER_REQUIRED, field="answer_text")
    locked = _lock_pending(escalation, expected_version, EscalationStatus.ANSWERED)
    before = snapshot(locked, ESCALATION_AUDIT_FIELDS)
    item = item_of(locked)
    update = _followup().apply_move(
        actor=actor,
        item=item,
        kind=UpdateKind.ESCALATION_ANSWER,
        to_status=DirectiveStatus.REPORTED,
        claimed_status=DirectiveStatus.RESOLVED,
        text=text,
        files=files,
        submission_key=submission_key,
    )
    _signed_by_higher_unit(update, locked)
    locked.status = EscalationStatus.ANSWERED
    locked.answer_text = text
    locked.answered_by = actor
    locked.answered_at = update.created_at or timezone.now()
    locked.version += 1
    locked.save()
    _audit(actor, "escalation.answer", locked, before=before, after=snapshot(locked, ESCALATION_AUDIT_FIELDS))
    _tell_lower_level(
        locked,
        gettext("%(unit)s answered your recommendation; review the result: %(text)s")
        % {"unit": locked.to_unit.name, "text": text[:300]},
        actor,
        # The follow-up tells the board a result awaits its review.
        board=False,
    )
    from dialogue.followup import satisfaction

    satisfaction.petitioners_told_answer(escalation=locked)
    return locked


@transaction.atomic
def escalation_return(*, actor, escalation: Escalation, reason: str, expected_version: int | None = None) -> Escalation:
    """The higher level finds the matter within the lower level's competence (or sent to
    the wrong unit) and returns it: the matter is back in progress at the lower level."""
    if not can_answer(actor, escalation):
        raise PermissionDenied(MSG_ANSWER_NOT_ALLOWED)
    text = _clean(reason, "reason")
    if not text:
        raise ServiceError(MSG_REASON_REQUIRED, field="reason")
    locked = _lock_pending(escalation, expected_version, EscalationStatus.RETURNED)
    before = snapshot(locked, ESCALATION_AUDIT_FIELDS)
    update = _followup().apply_move(
        actor=actor,
        item=item_of(locked),
        # The higher level's answer is "not ours": the matter is back with the lower level.
        kind=UpdateKind.ESCALATION_ANSWER,
        to_status=DirectiveStatus.IN_PROGRESS,
        text=gettext("%(unit)s returned the recommendation: %(text)s") % {"unit": locked.to_unit.name, "text": text},
    )
    _signed_by_higher_unit(update, locked)
    locked.status = EscalationStatus.RETURNED
    locked.answer_text = text
    locked.answered_by = actor
    locked.answered_at = timezone.now()
    locked.version += 1
    locked.save()
    _audit(actor, "escalation.return", locked, before=before, after=snapshot(locked, ESCALATION_AUDIT_FIELDS))
    _tell_lower_level(
        locked,
        gettext("%(unit)s returned your recommendation as within your competence: %(text)s")
        % {"unit": locked.to_unit.name, "text": text[:300]},
        actor,
    )
    return locked


# ---------------------------------------------------------------- selectors


def received_q(user) -> Q:
    """Recommendations sent to the person's units: `ESCALATION_ANSWER` over the receiving
    unit, or `FOLLOWUP_UPDATE` when the receiving unit is an agency (its own officers)."""
    agency = Q(to_unit__kind__category=UnitCategory.AGENCY) & scope_q(
        user, Capability.FOLLOWUP_UPDATE, field="to_unit__path"
    )
    return any_of(scope_q(user, Capability.ESCALATION_ANSWER, field="to_unit__path"), agency)


def sent_q(user) -> Q:
    """Recommendations of matters the person follows at the lower level: sent by their
    units, or about matters their units must act on or whose synthesis board they are."""
    update, review = Capability.FOLLOWUP_UPDATE, Capability.FOLLOWUP_REVIEW
    return any_of(
        scope_q(user, update, field="from_unit__path"),
        scope_q(user, review, field="from_unit__path"),
        Q(directive__isnull=False) & scope_q(user, update, field="directive__lead_unit__path"),
        Q(group__isnull=False) & scope_q(user, update, field="group__lead_unit__path"),
        Q(directive__isnull=False) & scope_q(user, review, field="directive__conclusion__issuing_unit__path"),
        Q(group__isnull=False) & scope_q(user, review, field="group__receiving_unit__path"),
    )


def _with_related(qs: QuerySet[Escalation]) -> QuerySet[Escalation]:
    return qs.select_related(
        "from_unit",
        "to_unit",
        "to_unit__kind",
        "created_by",
        "answered_by",
        "directive",
        "directive__conclusion",
        "directive__conclusion__conference",
        "directive__lead_unit",
        "group",
        "group__conference",
        "group__lead_unit",
    )


def escalation_get_for_user(*, user, pk: int) -> Escalation:
    """A recommendation as its receiver or its sender sees it; 404 for anyone else."""
    escalation = _with_related(Escalation.objects.filter(any_of(received_q(user), sent_q(user)), pk=pk)).first()
    if escalation is None:
        raise Http404
    return escalation


@dataclass
class EscalationRow:
    escalation: Escalation
    item: Directive | PetitionGroup
    late_by: int
    due_in: int | None


def escalation_list_for_user(*, user, box: str = "received", state: str = "pending", limit: int = 500):
    """The inbox: recommendations received (or sent) by the person's units; pending ones
    late first, then by due date; answered and returned ones newest first."""
    scope = sent_q(user) if box == "sent" else received_q(user)
    qs = _with_related(Escalation.objects.filter(scope))
    if state == "pending":
        qs = qs.filter(status=EscalationStatus.PENDING)
    elif state == "done":
        qs = qs.exclude(status=EscalationStatus.PENDING)
    today = timezone.localdate()
    rows = []
    for escalation in qs.order_by("-created_at", "-id")[:limit]:
        late_by, due_in = 0, None
        if escalation.status == EscalationStatus.PENDING:
            late_by, due_in = lateness(escalation.due_date, today)
        rows.append(EscalationRow(escalation, item_of(escalation), late_by, due_in))
    pending = EscalationStatus.PENDING
    rows.sort(
        key=lambda r: (
            r.escalation.status != pending,
            -r.late_by,
            (r.escalation.due_date or date.max) if r.escalation.status == pending else date.max,
        )
    )
    return rows


def escalation_counts(*, user) -> dict:
    """Pending and late recommendations the person's units must answer (home page, menu)."""
    today = timezone.localdate()
    qs = Escalation.objects.filter(received_q(user), status=EscalationStatus.PENDING)
    return {"pending": qs.count(), "late": qs.filter(due_date__lt=today).count()}


def item_escalations(item) -> QuerySet[Escalation]:
    """Every recommendation of one matter, newest first (for the matter's page)."""
    return _with_related(Escalation.objects.filter(**_item_filter(item)))


def answer_update(escalation: Escalation) -> ProgressUpdate | None:
    """The timeline entry that brought the higher level's answer (with its evidence): the
    first answer after the recommendation — a matter has one pending recommendation at a time."""
    if escalation.status != EscalationStatus.ANSWERED:
        return None
    return (
        ProgressUpdate.objects.filter(
            kind=UpdateKind.ESCALATION_ANSWER,
            created_at__gte=escalation.created_at,
            **_item_filter(item_of(escalation)),
        )
        .prefetch_related("evidence")
        .order_by("created_at", "id")
        .first()
    )


def conference_escalations(*, conference) -> list[Escalation]:
    """Recommendations to the higher level of the matters of one conference, for the panel
    on the conference page (shown to people who already see the conference): pending ones
    and those answered, with the answer; returned ones are back at the lower level."""
    qs = Escalation.objects.filter(
        Q(directive__conclusion__conference=conference) | Q(group__conference=conference),
        status__in=[EscalationStatus.PENDING, EscalationStatus.ANSWERED],
    )
    return list(_with_related(qs).order_by("status", "-answered_at", "-created_at"))


def item_panel(*, user, item) -> dict:
    """What the matter's follow-up page shows of its recommendations (for
    `followup/escalation/_item_panel.html`): its recommendations and, for the people who
    may forward it now, the link to do so."""
    kind = "directive" if isinstance(item, Directive) else "group"
    allowed = can_escalate(user, item)
    return {
        "escalations": list(item_escalations(item)),
        "can_escalate": allowed,
        "create_url": reverse("followup:escalation_create", args=[kind, item.pk]) if allowed else "",
    }
