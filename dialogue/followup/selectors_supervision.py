"""Supervision (giám sát, domain.md §1 step 8) and the chair's overview — reads only.

MTTQ, the inspection commission (the supervisor role), the synthesis board and the chair
read which directives of issued conclusion notices, and which petition groups followed
directly, are late or still unresolved, with their whole history. Nothing here writes.

Scope (`Capability.FOLLOWUP_SUPERVISE`): a directive belongs to the person's units when
the notice's issuing unit, the conference's host unit or the unit that must act lies in
their subtree. So the MTTQ of a commune sees every directive of the commune's conferences,
even one given to a provincial agency, and the directives given to the commune's bodies
by a provincial notice; a group likewise through its receiving unit, its conference's host
unit or its lead agency.

Late: an open matter at least one working day past its due date (working days from
`workcalendar`): a matter due on Friday is not late over the weekend and is late by one
working day on Monday.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, Max, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dialogue.conclusions.models import (
    DONE_DIRECTIVE_STATUSES,
    OPEN_DIRECTIVE_STATUSES,
    Conclusion,
    ConclusionStatus,
    Directive,
    DirectiveStatus,
    Publication,
    PublicationStatus,
)
from dialogue.conclusions.selectors import conclusion_scope_q
from dialogue.core.models import AuditEntry
from dialogue.followup.models import (
    Escalation,
    Evidence,
    ProgressUpdate,
    Satisfaction,
    SatisfactionRequest,
    UpdateKind,
)
from dialogue.lib.masking import initials
from dialogue.lib.text import fold
from dialogue.organisation.models import Unit
from dialogue.organisation.roles import Capability, Role
from dialogue.organisation.selectors import active_roles, any_of, scope_q, user_can
from dialogue.petitions.models import AnswerMode, FollowUpStatus, GroupStatus, Petition, PetitionGroup, Support
from dialogue.plans.models import Conference, ConferenceStatus, Participant
from dialogue.proceedings.models import SpeakerRequest, SpeakerStatus
from dialogue.workcalendar.selectors import get_calendar, lateness

SUPERVISE = Capability.FOLLOWUP_SUPERVISE
OPEN_STATUSES: tuple[str, ...] = tuple(str(s) for s in OPEN_DIRECTIVE_STATUSES)

STATE_LATE = "late"
STATE_OPEN = "open"
KIND_DIRECTIVE = "directive"
KIND_GROUP = "group"
SORT_LATE = "late"
SORT_STALE = "stale"


# ---------------------------------------------------------------- scope


def can_supervise(user) -> bool:
    return user_can(user, SUPERVISE)


def directive_supervision_q(user) -> Q:
    """Directives of issued notices whose issuing unit, conference or lead unit the person supervises."""
    return Q(conclusion__status=ConclusionStatus.ISSUED) & any_of(
        scope_q(user, SUPERVISE, field="conclusion__issuing_unit__path"),
        scope_q(user, SUPERVISE, field="conclusion__conference__host_unit__path"),
        scope_q(user, SUPERVISE, field="lead_unit__path"),
    )


def _in_force_directives_of_group() -> QuerySet[Directive]:
    return Directive.objects.filter(
        Q(group=OuterRef("pk")) | Q(speaker_request__group=OuterRef("pk")),
        conclusion__status=ConclusionStatus.ISSUED,
    )


def group_supervision_q(user) -> Q:
    """Petition groups whose receiving unit, conference or lead agency the person supervises."""
    return any_of(
        scope_q(user, SUPERVISE, field="receiving_unit__path"),
        scope_q(user, SUPERVISE, field="conference__host_unit__path"),
        scope_q(user, SUPERVISE, field="lead_unit__path"),
    )


def supervised_directives(*, user) -> QuerySet[Directive]:
    return Directive.objects.filter(directive_supervision_q(user))


def supervised_groups(*, user) -> QuerySet[PetitionGroup]:
    """Groups followed up directly. A group with a directive of an issued notice is
    followed through that directive and shows as the directive, not twice."""
    return (
        PetitionGroup.objects.filter(group_supervision_q(user))
        .exclude(followup_status=FollowUpStatus.NONE)
        .exclude(Exists(_in_force_directives_of_group()))
    )


def directive_get_for_supervisor(*, user, pk: int) -> Directive:
    if not can_supervise(user):
        raise Http404
    directive = (
        supervised_directives(user=user)
        .filter(pk=pk)
        .select_related(
            "conclusion",
            "conclusion__conference",
            "conclusion__conference__host_unit",
            "conclusion__issuing_unit",
            "lead_unit",
            "group",
            "group__field",
            "speaker_request",
        )
        .prefetch_related("supporting_units")
        .first()
    )
    if directive is None:
        raise Http404
    return directive


def group_get_for_supervisor(*, user, pk: int) -> PetitionGroup:
    """A group the person supervises, followed directly or through directives."""
    if not can_supervise(user):
        raise Http404
    group = (
        PetitionGroup.objects.filter(group_supervision_q(user), pk=pk)
        .exclude(followup_status=FollowUpStatus.NONE)
        .select_related("conference", "conference__host_unit", "receiving_unit", "lead_unit", "field")
        .prefetch_related(Prefetch("supports", queryset=Support.objects.select_related("unit")))
        .annotate(petition_count=Count("petitions"))
        .first()
    )
    if group is None:
        raise Http404
    return group


def notice_visible(user, conclusion: Conclusion) -> bool:
    """Whether the person may open the notice itself (not every supervisor may)."""
    return Conclusion.objects.filter(conclusion_scope_q(user), pk=conclusion.pk).exists()


# ---------------------------------------------------------------- lateness


def late_cutoff(today: date) -> date:
    """The last working day on or before `today`: due before it means late by at least
    one working day."""
    calendar = get_calendar()
    day = today
    for _step in range(60):  # Tết is the longest run of days off (about nine days)
        if calendar.is_working_day(day):
            return day
        day -= timedelta(days=1)
    return day


class _Lateness:
    """`workcalendar.lateness` per due date, computed once per date; a date passed
    without a working day in between (due Friday, seen on Sunday) is not late yet: 0 left."""

    def __init__(self, today: date):
        self.today = today
        self.memo: dict[date, tuple[int, int | None]] = {}

    def __call__(self, due: date | None) -> tuple[int, int | None]:
        if due is None:
            return 0, None
        if due not in self.memo:
            late, left = lateness(due, self.today)
            self.memo[due] = (late, 0 if left is None and not late else left)
        return self.memo[due]


# ---------------------------------------------------------------- the list


@dataclass(frozen=True)
class SupervisionFilters:
    state: str = STATE_LATE  # late only, or every unresolved matter
    kind: str = ""  # "", directive, group
    unit: int | None = None  # the responsible unit (and the units below it)
    conference: int | None = None
    field: str = ""  # a Field code
    status: str = ""
    query: str = ""
    sort: str = SORT_LATE


@dataclass
class SupervisionRow:
    kind: str
    item: Directive | PetitionGroup
    matter: str
    lead_unit: Unit | None
    supporting: list[str]
    conference: Conference | None
    conclusion: Conclusion | None
    field_name: str
    status: str
    status_label: str
    due_date: date | None
    late_by: int
    due_in: int | None
    last_update_at: datetime | None

    @property
    def pk(self) -> int:
        return self.item.pk

    @property
    def url(self) -> str:
        name = "followup:supervision_directive" if self.kind == KIND_DIRECTIVE else "followup:supervision_group"
        return reverse(name, args=[self.item.pk])


def _status_label(status: str) -> str:
    return str(dict(DirectiveStatus.choices).get(status, status))


def _directive_rows(user, f: SupervisionFilters, cutoff: date, measure: _Lateness) -> list[SupervisionRow]:
    qs = supervised_directives(user=user).filter(status__in=OPEN_STATUSES)
    if f.state == STATE_LATE:
        qs = qs.filter(due_date__lt=cutoff)
    if f.status:
        qs = qs.filter(status=f.status)
    if f.unit:
        unit = Unit.objects.filter(pk=f.unit).only("path").first()
        qs = qs.filter(lead_unit__path__startswith=unit.path) if unit else qs.none()
    if f.conference:
        qs = qs.filter(conclusion__conference_id=f.conference)
    if f.field:
        qs = qs.filter(group__field__code=f.field)
    qs = qs.select_related(
        "conclusion", "conclusion__conference", "conclusion__issuing_unit", "lead_unit", "group__field"
    ).prefetch_related(Prefetch("supporting_units", queryset=Unit.objects.only("id", "name")))
    rows = []
    for d in qs:
        late_by, due_in = measure(d.due_date)
        conference = d.conclusion.conference
        rows.append(
            SupervisionRow(
                kind=KIND_DIRECTIVE,
                item=d,
                matter=d.matter,
                lead_unit=d.lead_unit,
                supporting=[u.name for u in d.supporting_units.all()],
                conference=conference,
                conclusion=d.conclusion,
                field_name=d.group.field.name if d.group_id and d.group.field_id else "",
                status=d.status,
                status_label=d.get_status_display(),
                due_date=d.due_date,
                late_by=late_by,
                due_in=due_in,
                last_update_at=d.last_update_at,
            )
        )
    return rows


def _group_last_updates(group_ids: list[int]) -> dict[int, datetime]:
    rows = (
        ProgressUpdate.objects.filter(group_id__in=group_ids)
        .values("group_id")
        .annotate(last=Max("created_at"))
        .values_list("group_id", "last")
    )
    return dict(rows)


def _group_rows(user, f: SupervisionFilters, cutoff: date, measure: _Lateness) -> list[SupervisionRow]:
    qs = supervised_groups(user=user).filter(followup_status__in=OPEN_STATUSES)
    if f.state == STATE_LATE:
        qs = qs.filter(resolve_due__lt=cutoff)
    if f.status:
        qs = qs.filter(followup_status=f.status)
    if f.unit:
        unit = Unit.objects.filter(pk=f.unit).only("path").first()
        qs = qs.filter(lead_unit__path__startswith=unit.path) if unit else qs.none()
    if f.conference:
        qs = qs.filter(conference_id=f.conference)
    if f.field:
        qs = qs.filter(field__code=f.field)
    qs = qs.select_related("conference", "lead_unit", "field").prefetch_related(
        Prefetch("supports", queryset=Support.objects.select_related("unit").only("id", "group_id", "unit__name"))
    )
    groups = list(qs)
    last = _group_last_updates([g.pk for g in groups])
    rows = []
    for g in groups:
        late_by, due_in = measure(g.resolve_due)
        rows.append(
            SupervisionRow(
                kind=KIND_GROUP,
                item=g,
                matter=g.summary,
                lead_unit=g.lead_unit,
                supporting=[s.unit.name for s in g.supports.all()],
                conference=g.conference,
                conclusion=None,
                field_name=g.field.name if g.field_id else "",
                status=g.followup_status,
                status_label=g.get_followup_status_display(),
                due_date=g.resolve_due,
                late_by=late_by,
                due_in=due_in,
                last_update_at=last.get(g.pk),
            )
        )
    return rows


def _matches(row: SupervisionRow, words: list[str]) -> bool:
    parts = [row.matter, row.lead_unit.name if row.lead_unit else "", *row.supporting, row.field_name]
    if row.conclusion is not None:
        parts += [row.conclusion.number_label, row.item.expected_result]
    if row.conference is not None:
        parts.append(row.conference.title)
    haystack = fold(" ".join(parts))
    return all(word in haystack for word in words)


def _sort_key_late(row: SupervisionRow):
    # Most late first; then the nearest due date; matters without a date last.
    return (-row.late_by, row.due_date or date.max, row.kind, row.pk)


def _sort_key_stale(row: SupervisionRow):
    # Longest without a progress update first (never updated: since it was assigned).
    since = row.last_update_at
    if since is None and row.kind == KIND_DIRECTIVE:
        since = row.item.assigned_at or row.item.created_at
    if since is None:
        since = row.item.created_at
    return (since, -row.late_by, row.pk)


def supervision_rows(
    *, user, filters: SupervisionFilters | None = None, today: date | None = None
) -> list[SupervisionRow]:
    """Late (or every unresolved) directive and directly followed group the person
    supervises, filtered and sorted by working days late."""
    if not can_supervise(user):
        return []
    f = filters or SupervisionFilters()
    today = today or timezone.localdate()
    cutoff = late_cutoff(today)
    measure = _Lateness(today)
    rows: list[SupervisionRow] = []
    if f.kind in ("", KIND_DIRECTIVE):
        rows += _directive_rows(user, f, cutoff, measure)
    if f.kind in ("", KIND_GROUP):
        rows += _group_rows(user, f, cutoff, measure)
    words = fold(f.query).split()
    if words:
        rows = [row for row in rows if _matches(row, words)]
    rows.sort(key=_sort_key_stale if f.sort == SORT_STALE else _sort_key_late)
    return rows


def supervision_counts(*, user, today: date | None = None) -> dict[str, int]:
    """How many supervised matters are unresolved and how many of them late (no filter)."""
    if not can_supervise(user):
        return {"open": 0, "late": 0}
    cutoff = late_cutoff(today or timezone.localdate())
    directives = supervised_directives(user=user).filter(status__in=OPEN_STATUSES)
    groups = supervised_groups(user=user).filter(followup_status__in=OPEN_STATUSES)
    return {
        "open": directives.count() + groups.count(),
        "late": directives.filter(due_date__lt=cutoff).count() + groups.filter(resolve_due__lt=cutoff).count(),
    }


@dataclass
class FilterChoices:
    units: list[tuple[int, str]]
    conferences: list[tuple[int, str]]


def supervision_choices(*, user) -> FilterChoices:
    """The responsible units and conferences that occur among the unresolved matters."""
    if not can_supervise(user):
        return FilterChoices([], [])
    directives = supervised_directives(user=user).filter(status__in=OPEN_STATUSES)
    groups = supervised_groups(user=user).filter(followup_status__in=OPEN_STATUSES)
    unit_ids = set(directives.exclude(lead_unit=None).values_list("lead_unit_id", flat=True).distinct())
    unit_ids |= set(groups.exclude(lead_unit=None).values_list("lead_unit_id", flat=True).distinct())
    conference_ids = set(directives.values_list("conclusion__conference_id", flat=True).distinct())
    conference_ids |= set(groups.exclude(conference=None).values_list("conference_id", flat=True).distinct())
    units = Unit.objects.filter(pk__in=unit_ids).order_by("level", "name_folded")
    conferences = Conference.objects.filter(pk__in=conference_ids).order_by("-date", "pk")
    return FilterChoices(
        units=[(u.pk, u.name) for u in units],
        conferences=[(c.pk, f"{c.date:%d/%m/%Y} — {c.title[:90]}" if c.date else c.title[:100]) for c in conferences],
    )


# ---------------------------------------------------------------- history of one matter


@dataclass
class SatisfactionRow:
    request: SatisfactionRequest
    petitioner: str  # initials only: supervisors need the assessment, not the person


@dataclass
class History:
    updates: list[ProgressUpdate]
    escalations: list[Escalation]
    satisfaction: list[SatisfactionRow]
    satisfaction_summary: dict[str, int]
    audit: list[AuditRow]
    directives: list[Directive] = field(default_factory=list)  # a group's directives


def _updates(q: Q) -> list[ProgressUpdate]:
    updates = list(
        ProgressUpdate.objects.filter(q)
        .select_related("author_unit", "directive")
        .prefetch_related(Prefetch("evidence", queryset=Evidence.objects.only("id", "update_id", "name", "size")))
        .order_by("created_at", "id")
    )
    for update in updates:
        update.before_label = _status_label(update.status_before) if update.status_before else ""
        update.after_label = _status_label(update.status_after) if update.status_after else ""
    return updates


def _satisfaction(q: Q) -> tuple[list[SatisfactionRow], dict[str, int]]:
    requests = list(SatisfactionRequest.objects.filter(q).select_related("petition").order_by("-round", "created_at"))
    counts = Counter(r.response or "none" for r in requests)
    summary = {
        "asked": len(requests),
        "answered": sum(1 for r in requests if r.response),
        **{choice: counts.get(choice, 0) for choice in Satisfaction.values},
    }
    return [SatisfactionRow(r, initials(r.petition.name) if r.petition.name else "") for r in requests], summary


# Recorded values that are not model fields but say something to a reader; other keys
# (ids of petitions, answers…) mean nothing outside the database and are left out.
_EXTRA_LABELS = {
    "text": _("text of the update"),
    "files": _("attached files"),
    "reason": _("reason given"),
    "comment": _("comment"),
}
_STATUS_KEYS = {"status_before", "status_after"}


def _value(value, choices: dict | None = None, *, status: bool = False) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, dict) and "label" in value:
        return str(value["label"])
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if choices and value in choices:
        return str(choices[value])
    if status:
        return _status_label(str(value))
    text = str(value)
    try:  # ISO dates and times as dd/mm/yyyy
        if len(text) == 10:
            return date.fromisoformat(text).strftime("%d/%m/%Y")
        if len(text) > 10 and text[10] == "T":
            moment = timezone.localtime(datetime.fromisoformat(text))
            return moment.strftime("%H:%M %d/%m/%Y")
    except ValueError:
        pass
    return text


def _field_of(model, key: str):
    if model is None:
        return None
    try:
        field = model._meta.get_field(key)
    except Exception:  # a recorded key that is not a field of the model
        return None
    return field if getattr(field, "concrete", False) else None


def _action_label(action: str) -> str:
    from dialogue.core.audit_actions import ACTION_LABELS

    if action in ACTION_LABELS:
        return str(ACTION_LABELS[action])
    prefix, _dot, kind = action.partition(".")
    if prefix == "followup" and kind in UpdateKind.values:
        return str(UpdateKind(kind).label)
    return action


@dataclass
class AuditRow:
    entry: AuditEntry
    label: str
    changes: list[tuple[str, str, str]]  # (what, before, after)


def _audit_entries(targets: list) -> list[AuditRow]:
    q = Q(pk__in=[])
    for obj in targets:
        q |= Q(target_type=ContentType.objects.get_for_model(obj), target_id=str(obj.pk))
    rows = []
    for entry in AuditEntry.objects.filter(q).select_related("target_type").order_by("at", "id"):
        before, after = entry.before or {}, entry.after or {}
        model = entry.target_type.model_class() if entry.target_type_id else None
        changes = []
        for key in dict.fromkeys([*before.keys(), *after.keys()]):
            if before.get(key) == after.get(key):
                continue
            field = _field_of(model, key) if key not in _EXTRA_LABELS else None
            if field is None and key not in _EXTRA_LABELS:
                continue
            label = field.verbose_name if field is not None else _EXTRA_LABELS[key]
            choices = dict(field.choices) if field is not None and field.choices else None
            status = key in _STATUS_KEYS
            shown_before = _value(before.get(key), choices, status=status)
            shown_after = _value(after.get(key), choices, status=status)
            if shown_before != shown_after:  # e.g. no files before (None) and none after ([])
                changes.append((str(label), shown_before, shown_after))
        rows.append(AuditRow(entry, _action_label(entry.action), changes))
    return rows


def directive_history(directive: Directive) -> History:
    escalations = list(
        Escalation.objects.filter(directive=directive).select_related("from_unit", "to_unit").order_by("created_at")
    )
    satisfaction, summary = _satisfaction(Q(directive=directive))
    return History(
        updates=_updates(Q(directive=directive)),
        escalations=escalations,
        satisfaction=satisfaction,
        satisfaction_summary=summary,
        audit=_audit_entries([directive, *escalations]),
    )


def group_history(group: PetitionGroup) -> History:
    """A group's own timeline and those of the directives about it."""
    directives = list(
        Directive.objects.filter(
            Q(group=group) | Q(speaker_request__group=group), conclusion__status=ConclusionStatus.ISSUED
        )
        .select_related("conclusion", "lead_unit")
        .distinct()
        .order_by("conclusion__issued_on", "order", "id")
    )
    escalations = list(
        Escalation.objects.filter(Q(group=group) | Q(directive__in=directives))
        .select_related("from_unit", "to_unit", "directive")
        .order_by("created_at")
    )
    satisfaction, summary = _satisfaction(Q(group=group) | Q(directive__in=directives))
    return History(
        updates=_updates(Q(group=group) | Q(directive__in=directives)),
        escalations=escalations,
        satisfaction=satisfaction,
        satisfaction_summary=summary,
        audit=_audit_entries([group, *directives, *escalations]),
        directives=directives,
    )


def lateness_of(due: date | None, status: str, today: date | None = None) -> tuple[int, int | None]:
    """Working days late (or left) of an open matter; nothing for a finished one."""
    if status not in OPEN_STATUSES:
        return 0, None
    return _Lateness(today or timezone.localdate())(due)


# ---------------------------------------------------------------- the chair's overview

CHAIR_ROLES = (Role.CHAIR, Role.ADMIN)


def chair_paths(user) -> list[str] | None:
    """Units over which the person holds the chair's (or the administrator's) role;
    None for a national administrator."""
    paths: list[str] = []
    for assignment in active_roles(user):
        if assignment.role not in CHAIR_ROLES:
            continue
        if assignment.unit_id is None:
            return None
        paths.append(assignment.unit.path)
    return paths


def is_chair(user) -> bool:
    paths = chair_paths(user)
    return paths is None or bool(paths)


def _year_q(year: int) -> Q:
    return Q(date__year=year) | Q(date__isnull=True, plan__year=year)


def chaired_conferences(*, user, year: int) -> tuple[QuerySet[Conference], bool]:
    """The conferences the person chairs in `year` (named as a chair of the conference);
    when none names them, the conferences of the units where they hold the chair role:
    hosted by that unit or planned by one of its bodies. Returns (conferences, named)."""
    base = Conference.objects.filter(_year_q(year))
    named = base.filter(chairs__person=user).distinct()
    if named.exists():
        return named, True
    paths = chair_paths(user)
    if paths is None:
        return base, False
    if not paths:
        return base.none(), False
    q = Q(pk__in=[])
    for assignment in active_roles(user):
        if assignment.role in CHAIR_ROLES and assignment.unit_id:
            unit = assignment.unit
            q |= Q(host_unit=unit) | Q(
                plan__issuing_unit__path__startswith=unit.path, plan__issuing_unit__level=unit.level
            )
    return base.filter(q).distinct(), False


def chair_years(*, user) -> list[int]:
    """Years with conferences to show, and this year."""
    this_year = timezone.localdate().year
    named = Conference.objects.filter(chairs__person=user)
    years = {d.year for d in named.exclude(date=None).values_list("date", flat=True)}
    paths = chair_paths(user)
    if paths is None or paths:
        q = Q()
        if paths:
            q = Q(pk__in=[])
            for path in paths:
                q |= Q(host_unit__path__startswith=path) | Q(plan__issuing_unit__path__startswith=path)
        dated = Conference.objects.filter(q).exclude(date=None).values_list("date", flat=True).distinct()
        years |= {d.year for d in dated}
    years.add(this_year)
    return sorted(years, reverse=True)


@dataclass
class NoticeFacts:
    conclusion: Conclusion | None
    due: date | None
    on_time: bool | None  # None: not issued yet
    late_by: int  # working days: issued after the due date, or still missing past it
    due_in: int | None


@dataclass
class ConferenceFacts:
    conference: Conference
    chairs: list[str]
    invited: int
    checked_in: int
    petitions: int
    petitions_grouped: int
    groups: int
    groups_answered: int
    interventions: int
    notice: NoticeFacts
    directive_states: list[tuple[str, str, int]]  # (status, label, count)
    directives: int
    directives_done: int
    late_directives: list[tuple[Directive, int]]
    publication: Publication | None
    publication_late_days: int
    satisfaction: dict[str, int]

    @property
    def held(self) -> bool:
        return self.conference.status == ConferenceStatus.HELD


@dataclass
class ChairOverview:
    year: int
    conferences: list[ConferenceFacts]
    named: bool
    totals: dict[str, int]


def _notice_facts(
    conference: Conference, conclusion: Conclusion | None, today: date, measure: _Lateness
) -> NoticeFacts:
    from dialogue.conclusions.services import notice_due, policy_for

    due = None
    if conclusion is not None:
        due = conclusion.due_date
    elif conference.date and conference.status == ConferenceStatus.HELD:
        due = notice_due(conference, policy_for(conference.plan.issuing_unit))
    if conclusion is not None and conclusion.status == ConclusionStatus.ISSUED and conclusion.issued_on:
        late = lateness(due, measure.today, done_on=conclusion.issued_on)[0]
        return NoticeFacts(conclusion, due, late == 0, late, None)
    late_by, due_in = measure(due)
    return NoticeFacts(conclusion, due, None, late_by, due_in)


def chair_overview(*, user, year: int, today: date | None = None) -> ChairOverview:
    """One line of figures per conference the person chairs in `year`, from the day
    itself to the follow-up of its conclusion notice."""
    today = today or timezone.localdate()
    measure = _Lateness(today)
    cutoff = late_cutoff(today)
    conferences, named = chaired_conferences(user=user, year=year)
    conferences = list(
        conferences.select_related("plan", "plan__issuing_unit", "host_unit")
        .prefetch_related("chairs")
        .order_by("date", "pk")
    )
    ids = [c.pk for c in conferences]

    def per_conference(qs, key="conference_id") -> dict[int, int]:
        return dict(qs.values_list(key).annotate(n=Count("pk")).values_list(key, "n"))

    invited = per_conference(Participant.objects.filter(conference_id__in=ids))
    checked_in = per_conference(Participant.objects.filter(conference_id__in=ids, attended=True))
    petitions = per_conference(Petition.objects.filter(conference_id__in=ids))
    grouped = per_conference(Petition.objects.filter(conference_id__in=ids, group__isnull=False))
    groups = per_conference(PetitionGroup.objects.filter(conference_id__in=ids))
    answered = per_conference(
        PetitionGroup.objects.filter(conference_id__in=ids).filter(
            Q(status=GroupStatus.APPROVED) | Q(answer_mode=AnswerMode.LIVE)
        )
    )
    interventions = per_conference(SpeakerRequest.objects.filter(conference_id__in=ids, status=SpeakerStatus.DONE))
    conclusions = {
        c.conference_id: c
        for c in Conclusion.objects.filter(conference_id__in=ids)
        .exclude(status=ConclusionStatus.CANCELLED)
        .select_related("publication")
    }
    directive_rows = (
        Directive.objects.filter(
            conclusion__in=[c for c in conclusions.values() if c.status == ConclusionStatus.ISSUED]
        )
        .select_related("lead_unit", "conclusion")
        .order_by("due_date", "order", "id")
    )
    by_conference: dict[int, list[Directive]] = {}
    for d in directive_rows:
        by_conference.setdefault(d.conclusion.conference_id, []).append(d)
    satisfaction_rows = (
        SatisfactionRequest.objects.filter(petition__conference_id__in=ids)
        .values_list("petition__conference_id", "response")
        .order_by()
    )
    satisfaction: dict[int, Counter] = {}
    for conference_id, response in satisfaction_rows:
        satisfaction.setdefault(conference_id, Counter())[response or "none"] += 1

    labels = dict(DirectiveStatus.choices)
    facts = []
    for c in conferences:
        conclusion = conclusions.get(c.pk)
        directives = by_conference.get(c.pk, [])
        states = Counter(d.status for d in directives)
        late = [
            (d, measure(d.due_date)[0])
            for d in directives
            if d.status in OPEN_STATUSES and d.due_date and d.due_date < cutoff
        ]
        late.sort(key=lambda pair: -pair[1])
        publication = getattr(conclusion, "publication", None) if conclusion else None
        publication_late = 0
        if publication and publication.status == PublicationStatus.PENDING and publication.due_date:
            # Law 72/2025/QH15 art. 43 counts calendar days.
            publication_late = max((today - publication.due_date).days, 0)
        answers = satisfaction.get(c.pk, Counter())
        facts.append(
            ConferenceFacts(
                conference=c,
                chairs=[str(ch) for ch in c.chairs.all()],
                invited=invited.get(c.pk, 0),
                checked_in=checked_in.get(c.pk, 0),
                petitions=petitions.get(c.pk, 0),
                petitions_grouped=grouped.get(c.pk, 0),
                groups=groups.get(c.pk, 0),
                groups_answered=answered.get(c.pk, 0),
                interventions=interventions.get(c.pk, 0),
                notice=_notice_facts(c, conclusion, today, measure),
                directive_states=[(s, str(labels[s]), states[s]) for s in DirectiveStatus.values if states.get(s)],
                directives=len(directives),
                directives_done=sum(1 for d in directives if d.status in DONE_DIRECTIVE_STATUSES),
                late_directives=late,
                publication=publication,
                publication_late_days=publication_late,
                satisfaction={
                    "asked": sum(answers.values()),
                    "answered": sum(n for k, n in answers.items() if k != "none"),
                    **{choice: answers.get(choice, 0) for choice in Satisfaction.values},
                },
            )
        )
    totals = {
        "conferences": len(facts),
        "held": sum(1 for f in facts if f.held),
        "petitions": sum(f.petitions for f in facts),
        "groups": sum(f.groups for f in facts),
        "groups_answered": sum(f.groups_answered for f in facts),
        "directives": sum(f.directives for f in facts),
        "directives_done": sum(f.directives_done for f in facts),
        "directives_late": sum(len(f.late_directives) for f in facts),
        "notices": sum(1 for f in facts if f.notice.on_time is not None),
        "notices_on_time": sum(1 for f in facts if f.notice.on_time),
        "satisfied": sum(f.satisfaction["satisfied"] for f in facts),
        "assessed": sum(f.satisfaction["answered"] for f in facts),
    }
    return ChairOverview(year=year, conferences=facts, named=named, totals=totals)
