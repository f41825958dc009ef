"""Reads of what is late, of the messages sent and of chase letters, always scoped to
the person's units (FOLLOWUP_REVIEW: the synthesis board, and the national administrator
over the whole country)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import override

from dialogue.conclusions.models import OPEN_DIRECTIVE_STATUSES, ConclusionStatus, Directive, DirectiveStatus
from dialogue.followup.models import Escalation, EscalationStatus
from dialogue.lib.text import fold
from dialogue.organisation.models import Unit, UnitCategory, UnitStatus
from dialogue.organisation.roles import Capability
from dialogue.organisation.selectors import any_of, bodies_in, province_of, scope_paths, scope_q
from dialogue.petitions.models import AnswerMode, FollowUpStatus, GroupStatus, PetitionGroup
from dialogue.plans.services import administrative_area
from dialogue.reminders import targets
from dialogue.reminders.models import ChaseLetter, MessageChannel, MessageStatus, OutboundMessage, TargetKind
from dialogue.workcalendar.selectors import get_calendar

REVIEW = Capability.FOLLOWUP_REVIEW
FOLLOWUP_OPEN = [s.value for s in OPEN_DIRECTIVE_STATUSES]


@dataclass
class LateItem:
    kind: str
    pk: int
    matter: str
    unit: Unit  # the unit that must act
    due: date
    late_by: int  # working days
    source: str
    status: str
    url: str
    acting: bool  # the responsible unit has to act (not waiting for a review or the higher level)

    def as_json(self) -> dict:
        return {
            "kind": self.kind,
            "pk": self.pk,
            "matter": self.matter,
            "unit": self.unit.name,
            "unit_id": self.unit.pk,
            "due": self.due.isoformat(),
            "late_by": self.late_by,
            "source": self.source,
            "status": self.status,
            "url": self.url,
        }


def _scope(user, *fields: str) -> Q:
    return any_of(*(scope_q(user, REVIEW, field=f) for f in fields))


def late_items_for_user(*, user, today: date, acting_only: bool = False) -> list[LateItem]:
    """Everything late in the person's units, most late first: directives of notices their
    units issued or gave, petition groups they received or lead, recommendations to or from
    them. `acting_only` keeps what the responsible unit itself must still do (what a chase
    letter can ask for)."""
    calendar = get_calendar()
    items: list[LateItem] = []

    directive_states = targets.DIRECTIVE_ACTING if acting_only else OPEN_DIRECTIVE_STATUSES
    directives = (
        Directive.objects.filter(
            conclusion__status=ConclusionStatus.ISSUED,
            status__in=directive_states,
            due_date__lt=today,
            lead_unit__isnull=False,
        )
        .filter(_scope(user, "lead_unit__path", "conclusion__issuing_unit__path"))
        .select_related("lead_unit", "conclusion", "conclusion__issuing_unit")
    )
    for d in directives:
        acting = d.status in targets.DIRECTIVE_ACTING
        items.append(_item(TargetKind.DIRECTIVE, d, d.lead_unit, d.due_date, d.get_status_display(), acting))

    answer_states = list(targets.ANSWER_AWAITED) + ([] if acting_only else [GroupStatus.SUBMITTED])
    answers = (
        PetitionGroup.objects.filter(status__in=answer_states, due_date__lt=today, lead_unit__isnull=False)
        .exclude(answer_mode=AnswerMode.LIVE)
        .filter(_scope(user, "lead_unit__path", "receiving_unit__path"))
        .select_related("lead_unit", "conference", "receiving_unit")
    )
    for g in answers:
        acting = g.status in targets.ANSWER_AWAITED
        items.append(_item(TargetKind.ANSWER, g, g.lead_unit, g.due_date, g.get_status_display(), acting))

    followup_states = targets.FOLLOWUP_ACTING if acting_only else FOLLOWUP_OPEN
    with_directives = Directive.objects.exclude(status=DirectiveStatus.PROPOSED).filter(group__isnull=False)
    resolutions = (
        PetitionGroup.objects.filter(
            followup_status__in=followup_states, resolve_due__lt=today, lead_unit__isnull=False
        )
        .exclude(pk__in=with_directives.values("group_id"))
        .filter(_scope(user, "lead_unit__path", "receiving_unit__path"))
        .select_related("lead_unit", "conference", "receiving_unit")
    )
    for g in resolutions:
        acting = g.followup_status in targets.FOLLOWUP_ACTING
        label = FollowUpStatus(g.followup_status).label
        items.append(_item(TargetKind.RESOLUTION, g, g.lead_unit, g.resolve_due, label, acting))

    escalations = (
        Escalation.objects.filter(status=EscalationStatus.PENDING, due_date__lt=today)
        .filter(_scope(user, "to_unit__path", "from_unit__path"))
        .select_related("to_unit", "from_unit")
    )
    for e in escalations:
        items.append(_item(TargetKind.ESCALATION, e, e.to_unit, e.due_date, e.get_status_display(), True))

    for item in items:
        item.late_by = calendar.between(item.due, today)
    items = [i for i in items if i.late_by >= 1]
    items.sort(key=lambda i: (-i.late_by, i.due, i.kind, i.pk))
    return items


def _item(kind: str, obj, unit: Unit, due: date, status, acting: bool) -> LateItem:
    with override("vi"):
        return LateItem(
            kind=kind,
            pk=obj.pk,
            matter=targets.matter_of(kind, obj),
            unit=unit,
            due=due,
            late_by=0,
            source=targets.source_of(kind, obj),
            status=str(status),
            url=targets.url_of(kind, obj),
            acting=acting,
        )


@dataclass
class AgencyRow:
    unit: Unit
    items: list[LateItem] = field(default_factory=list)
    letters: list[ChaseLetter] = field(default_factory=list)

    @property
    def most_late(self) -> int:
        return max((i.late_by for i in self.items), default=0)


def chase_overview_for_user(*, user, today: date) -> list[AgencyRow]:
    """Per responsible unit, what it has let run late and must still do, with the chase
    letters already made for it; the unit with the most late items first."""
    rows: dict[int, AgencyRow] = {}
    for item in late_items_for_user(user=user, today=today, acting_only=True):
        rows.setdefault(item.unit.pk, AgencyRow(item.unit)).items.append(item)
    letters = ChaseLetter.objects.filter(chase_letter_scope_q(user), addressee_id__in=list(rows)).select_related(
        "sender_unit"
    )
    for letter in letters.order_by("-created_at")[:500]:
        rows[letter.addressee_id].letters.append(letter)
    return sorted(rows.values(), key=lambda r: (-len(r.items), -r.most_late, r.unit.name))


def chase_agency_for_user(*, user, unit_pk: int, today: date) -> AgencyRow:
    """One unit's late items as the person may chase them; 404 when the unit has none in the
    person's units (or is unknown)."""
    unit = Unit.objects.filter(pk=unit_pk).select_related("kind").first()
    if unit is None:
        raise Http404
    row = AgencyRow(unit)
    row.items = [i for i in late_items_for_user(user=user, today=today, acting_only=True) if i.unit.pk == unit.pk]
    if not row.items:
        raise Http404
    row.letters = list(
        ChaseLetter.objects.filter(chase_letter_scope_q(user), addressee=unit).select_related("sender_unit")[:20]
    )
    return row


def sender_choices(*, user, addressee: Unit, items: list[LateItem]) -> list[Unit]:
    """The bodies that may sign a chase letter to `addressee` for this person: their own
    organisation, the units that issued the notices behind the items, and the bodies near
    the top of their scope — each within the person's FOLLOWUP_REVIEW scope."""
    ids: list[int] = []
    organisation = getattr(user, "organisation", None)
    if organisation is not None:
        ids.append(organisation.pk)
    directive_ids = [i.pk for i in items if i.kind == TargetKind.DIRECTIVE]
    ids += list(Directive.objects.filter(pk__in=directive_ids).values_list("conclusion__issuing_unit_id", flat=True))
    paths = scope_paths(user, REVIEW)
    roots = Unit.objects.filter(path__in=paths) if paths else []
    if paths is None:
        roots = [province_of(administrative_area(addressee))]
    for root in roots:
        ids += list(bodies_in(administrative_area(root), max_depth=2).values_list("pk", flat=True))
    candidates = (
        Unit.objects.filter(pk__in=ids, status=UnitStatus.ACTIVE)
        .exclude(kind__category=UnitCategory.ADMINISTRATIVE)
        .filter(scope_q(user, REVIEW))
        .select_related("kind")
    )
    by_id = {u.pk: u for u in candidates}
    ordered = []
    for pk in dict.fromkeys(ids):
        if pk in by_id:
            ordered.append(by_id[pk])
    return ordered


def chase_letter_scope_q(user) -> Q:
    return scope_q(user, REVIEW, field="sender_unit__path")


def chase_letter_get_for_user(*, user, pk: int) -> ChaseLetter:
    letter = (
        ChaseLetter.objects.filter(chase_letter_scope_q(user), pk=pk)
        .select_related("sender_unit", "addressee", "created_by")
        .first()
    )
    if letter is None:
        raise Http404
    return letter


def last_letter_of(sender: Unit) -> ChaseLetter | None:
    return ChaseLetter.objects.filter(sender_unit=sender).order_by("-created_at", "-id").first()


# ---------------------------------------------------------------- messages sent


def message_scope_q(user) -> Q:
    return scope_q(user, REVIEW, field="unit_path")


@dataclass
class MessageFilters:
    channel: str = ""
    status: str = ""
    query: str = ""


def message_list_for_user(*, user, filters: MessageFilters | None = None) -> QuerySet[OutboundMessage]:
    filters = filters or MessageFilters()
    qs = OutboundMessage.objects.filter(message_scope_q(user)).select_related("unit", "recipient")
    if filters.channel in MessageChannel.values:
        qs = qs.filter(channel=filters.channel)
    if filters.status in MessageStatus.values:
        qs = qs.filter(status=filters.status)
    for word in fold(filters.query).split():
        qs = qs.filter(Q(recipient__search_folded__contains=word) | Q(address__icontains=word))
    return qs.order_by("-created_at", "-id")


def message_get_for_user(*, user, pk: int) -> OutboundMessage:
    message = (
        OutboundMessage.objects.filter(message_scope_q(user), pk=pk)
        .select_related("unit", "recipient", "reminder", "digest")
        .first()
    )
    if message is None:
        raise Http404
    return message
