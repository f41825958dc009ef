"""Reads of petitions and groups, scoped to what the person may see.

People working over the receiving unit see its petitions; an agency sees the groups it
leads or supports (and their petitions), and nothing else.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass
from datetime import date
from functools import reduce

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from dialogue.lib.text import fold
from dialogue.organisation.models import Unit
from dialogue.organisation.roles import Capability
from dialogue.organisation.selectors import any_of, scope_paths, scope_q, user_can
from dialogue.petitions import similarity
from dialogue.petitions.crossings import root_of
from dialogue.petitions.models import (
    PUBLIC_CHANNELS,
    Field,
    GroupStatus,
    Petition,
    PetitionFile,
    PetitionGroup,
    PetitionStatus,
    Support,
)
from dialogue.plans.services import administrative_area
from dialogue.workcalendar.selectors import lateness


def _agency_groups_q(user, prefix: str = "") -> Q:
    lead = scope_q(user, Capability.ANSWER_PREPARE, field=f"{prefix}lead_unit__path")
    supports = Support.objects.filter(
        scope_q(user, Capability.ANSWER_PREPARE, field="unit__path"), group=OuterRef(f"{prefix}pk" if prefix else "pk")
    )
    return any_of(lead, Q(Exists(supports)))


def group_scope_q(user) -> Q:
    return any_of(scope_q(user, Capability.PETITION_VIEW, field="receiving_unit__path"), _agency_groups_q(user))


# Unit and group ids written into the SQL as a list up to this many; more go as a subquery.
_ID_LIST_LIMIT = 2000
# The groups received outside a person's units, as a list up to this many (see _groups_outside).
_GROUP_LIST_LIMIT = 50_000


def _units_under(paths: list[str]) -> QuerySet[Unit]:
    q = Q(pk__in=[])
    for path in paths:
        q |= Q(path__startswith=path)
    return Unit.objects.filter(q)


def _ids_or_subquery(qs: QuerySet, column: str = "pk"):
    """The ids as a list when there are few (the planner then uses the petitions' indexes,
    also inside an OR), else the query itself as a subquery."""
    ids = list(qs.values_list(column, flat=True).order_by()[: _ID_LIST_LIMIT + 1])
    return ids if len(ids) <= _ID_LIST_LIMIT else qs.values(column)


def _groups_outside(own, answer_paths: list[str], *, agencies=None, crossing_only: bool = False):
    """Groups the person's agencies lead or support that were received outside `own` (the
    units whose petitions they see anyway): a matter forwarded to their agency from
    elsewhere. Both lookups go through indexes (group_lead_receiving; supports by unit, then
    their groups by key). `agencies`: the ids of the units under `answer_paths`, when
    the caller has them already. `crossing_only`: the units of `own` are whole roots of the
    unit tree holding every agency, so only a group or support that crosses from one root
    to another can be outside (dialogue/petitions/crossings.py): read through the partial
    indexes of those few rows instead of every group the agencies lead."""
    if agencies is None:
        agencies = _ids_or_subquery(_units_under(answer_paths))
    led = PetitionGroup.objects.filter(lead_unit_id__in=agencies)
    supports = Support.objects.filter(unit_id__in=agencies)
    if crossing_only:
        led, supports = led.filter(crosses_roots=True), supports.filter(crosses_roots=True)
    # The supported groups' ids first, then those groups by primary key: joined in one
    # statement, the planner misjudged how few supports there are and read every group.
    supported = list(supports.values_list("group_id", flat=True)[: _ID_LIST_LIMIT + 1])
    if len(supported) > _ID_LIST_LIMIT:
        supported = supports.values("group_id")
    supported = PetitionGroup.objects.filter(pk__in=supported)
    if own is not None:
        led, supported = led.exclude(receiving_unit_id__in=own), supported.exclude(receiving_unit_id__in=own)
    # No LIMIT: usually there is no such group, and with a LIMIT the planner bet on finding
    # some early in a scan of the whole table (bench/national.py) instead of reading the index.
    ids = set(led.values_list("pk", flat=True).order_by())
    ids |= set(supported.values_list("pk", flat=True).order_by())
    # As a list even when long: inside the list's OR a subquery made the planner scan every
    # petition (an agency leading 8,600 groups at ten million petitions: over a minute).
    if len(ids) <= _GROUP_LIST_LIMIT:
        return sorted(ids)
    return PetitionGroup.objects.filter(Q(pk__in=led.values("pk")) | Q(pk__in=supported.values("pk"))).values("pk")


@dataclass(frozen=True)
class _Scope:
    q: Q
    outside_groups: bool  # petitions of groups received outside the person's own units


def _petition_scope(user) -> _Scope:
    view_paths = scope_paths(user, Capability.PETITION_VIEW)
    answer_paths = scope_paths(user, Capability.ANSWER_PREPARE)
    if view_paths is None or answer_paths is None:
        return _Scope(Q(), False)
    conditions = []
    own = _ids_or_subquery(_units_under(view_paths)) if view_paths else None
    if own is not None:
        conditions.append(Q(receiving_unit_id__in=own))
    outside = []
    if answer_paths:
        # Usually the same units (a province's officers): their ids are read once.
        same = own is not None and sorted(answer_paths) == sorted(view_paths)
        whole_roots = own is not None and all(f"/{root_of(path)}/" in view_paths for path in answer_paths)
        outside = _groups_outside(own, answer_paths, agencies=own if same else None, crossing_only=whole_roots)
        if not isinstance(outside, list) or outside:
            conditions.append(Q(group_id__in=outside))
    if not conditions:
        return _Scope(Q(pk__in=[]), False)
    return _Scope(reduce(operator.or_, conditions), not isinstance(outside, list) or bool(outside))


def petition_scope_q(user) -> Q:
    """Petitions the person may see: those received by a unit of their scope, and those of
    the groups their agencies lead or support.

    Written for the planner at national scale (bench/national.py): the receiving units as
    a list of ids, and only the groups received *outside* those units (a group holds only
    petitions of its own receiving unit: services.group_create), so that for a province's
    officer the condition is one indexed `receiving_unit_id IN (…)` instead of an OR with a
    subquery that made every count read the whole table."""
    return _petition_scope(user).q


def can_see_identity(user, petition: Petition) -> bool:
    """Whether `user` may see who raised `petition` (name, telephone, address, e-mail).

    A petitioner who asked to keep their identity from the answering agencies (QĐ
    11-QĐi/TW; Law on citizen reception) is known only to the people who receive and
    classify petitions for the receiving unit; an agency that answers sees the content."""
    if not petition.identity_protected:
        return True
    unit = petition.receiving_unit
    return user_can(user, Capability.PETITION_INTAKE, unit) or user_can(user, Capability.PETITION_TRIAGE, unit)


def _identity_paths(user) -> list[str] | None:
    """Tree paths over which the person sees protected petitioners (as `can_see_identity`);
    None: everywhere."""
    intake = scope_paths(user, Capability.PETITION_INTAKE)
    triage = scope_paths(user, Capability.PETITION_TRIAGE)
    if intake is None or triage is None:
        return None
    return intake + triage


def identity_hidden_ids(*, user, petitions) -> set[int]:
    """The petitions among `petitions` whose petitioner `user` may not see (the same rule
    as `can_see_identity`, for a whole list in one query)."""
    protected = [p for p in petitions if p.identity_protected]
    if not protected:
        return set()
    paths = _identity_paths(user)
    if paths is None:
        return set()
    unit_paths = dict(Unit.objects.filter(pk__in={p.receiving_unit_id for p in protected}).values_list("pk", "path"))
    return {p.pk for p in protected if not any(unit_paths.get(p.receiving_unit_id, "").startswith(x) for x in paths)}


def _identity_search_q(user, word: str) -> Q:
    """A search word matches a protected petition the person may not identify only in
    what they may read (its content as written, its group's summary), never in the
    petitioner's name or address: a search by name must not reveal who raised it."""
    paths = _identity_paths(user)
    if paths is None:
        return Q()
    visible = Q(identity_protected=False) | Q(content__icontains=word) | Q(group__search_folded__contains=word)
    for path in paths:
        visible |= Q(receiving_unit__path__startswith=path)
    return visible


@dataclass
class PetitionFilters:
    query: str = ""
    conference: int | None = None
    field: str = ""
    level: str = ""
    agency: int | None = None
    status: str = ""
    channel: str = ""
    date_from: date | None = None
    date_to: date | None = None
    raised_before: bool = False
    ack_due: bool = False
    online: bool = False  # sent by the citizen (portal or connected application)


def _identifies_all(user, scope: _Scope) -> bool:
    """Whether the person may see the petitioner of every petition `scope` lets them see:
    their receiving units lie within the units where they receive or classify petitions,
    and no group from elsewhere is added."""
    paths = _identity_paths(user)
    if paths is None:
        return True
    view_paths = scope_paths(user, Capability.PETITION_VIEW) or []
    within = all(any(v.startswith(p) for p in paths) for v in view_paths)
    return within and not scope.outside_groups


def petition_list_for_user(*, user, filters: PetitionFilters | None = None) -> QuerySet[Petition]:
    f = filters or PetitionFilters()
    # Only what the list shows: joining the repeated petition or the units widened every
    # sorted row (bench/README.md).
    scope = _petition_scope(user)
    qs = Petition.objects.filter(scope.q).select_related("conference", "field", "group")
    if f.query:
        identifies_all = _identifies_all(user, scope)
        for word in fold(f.query).split():
            qs = qs.filter(search_folded__contains=word)
            if not identifies_all:
                qs = qs.filter(_identity_search_q(user, word))
    if f.conference:
        qs = qs.filter(conference_id=f.conference)
    if f.field:
        # By id, not by a join on the code: the planner then knows how many rows the
        # field has, and the index (receiving_unit, status, field, received_on) can
        # count a filtered list alone (docs/performance.md).
        field_id = Field.objects.filter(code=f.field).values_list("pk", flat=True).first()
        qs = qs.filter(field_id=field_id) if field_id is not None else qs.none()
    if f.level:
        qs = qs.filter(level=f.level)
    if f.agency:
        qs = qs.filter(Q(group__lead_unit_id=f.agency) | Q(competent_unit_id=f.agency))
    if f.status:
        if f.status in PetitionStatus.values:
            qs = qs.filter(status=f.status)
        elif f.status in GroupStatus.values:
            qs = qs.filter(group__status=f.status)
    if f.channel:
        qs = qs.filter(channel=f.channel)
    if f.online:
        qs = qs.filter(channel__in=PUBLIC_CHANNELS)
    if f.date_from:
        qs = qs.filter(received_on__gte=f.date_from)
    if f.date_to:
        qs = qs.filter(received_on__lte=f.date_to)
    if f.raised_before:
        qs = qs.filter(repeat_of__isnull=False)
    if f.ack_due:
        qs = qs.filter(acknowledged_on__isnull=True).exclude(status=PetitionStatus.WITHDRAWN)
    return qs.order_by("-received_on", "-id")


# A list longer than this shows an estimate of its length (“khoảng 280.000 kiến nghị”):
# counting a province's 300,000 petitions, or the matches of a search among them, reads
# every one of them (bench/national.py: seconds at ten million petitions), while the page
# itself reads fifty. The estimate counts the matches in a sample of about SAMPLE_PAGES
# table pages (PostgreSQL's TABLESAMPLE, the same sample each time) and scales it up; the
# planner's own estimate was off by a factor of seven for a province's list. Below it, and
# on SQLite, the count is exact.
EXACT_COUNT_UP_TO = 20_000
SAMPLE_PAGES = 4000
SAMPLE_FROM_PAGES = 4 * SAMPLE_PAGES  # a smaller table is counted, whatever the list
PAGE_SIZE = 50


@dataclass
class PetitionPage:
    """One page of a petition list: its rows, whether more follow, and how many there are
    in all — counted, or estimated from a sample (`estimated`; shown as
    “khoảng …”, rounded to two significant digits). Answers the questions templates ask
    of a Django page and of its paginator."""

    object_list: list
    number: int
    count: int
    estimated: bool
    more: bool
    per_page: int = PAGE_SIZE

    def has_next(self) -> bool:
        return self.more

    def has_previous(self) -> bool:
        return self.number > 1

    def has_other_pages(self) -> bool:
        return self.more or self.number > 1

    def next_page_number(self) -> int:
        return self.number + 1

    def previous_page_number(self) -> int:
        return self.number - 1

    def start_index(self) -> int:
        return (self.number - 1) * self.per_page + 1 if self.object_list else 0

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.count // self.per_page))

    @property
    def paginator(self) -> PetitionPage:
        return self

    @property
    def shown_count(self) -> int:
        """The count as shown: exact, or the estimate to two significant digits."""
        if not self.estimated or self.count < 100:
            return self.count
        digits = len(str(self.count)) - 2
        return round(self.count, -digits)


def _sampled_count(qs: QuerySet, percent: float) -> int:
    """How many rows of `qs` fall in a TABLESAMPLE SYSTEM sample of `percent` % of the
    petitions' pages (REPEATABLE: every page of a list shows the same estimate)."""
    try:
        sql, params = qs.order_by().values("pk").query.sql_with_params()
    except EmptyResultSet:
        return 0
    table = connections[qs.db].ops.quote_name(Petition._meta.db_table)
    sampled = sql.replace(f"FROM {table}", f"FROM {table} TABLESAMPLE SYSTEM (%s) REPEATABLE (8)", 1)
    with connections[qs.db].cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM ({sampled}) sample", [percent, *params])  # noqa: S608
        return cursor.fetchone()[0]


def petition_count(qs: QuerySet) -> tuple[int, bool]:
    """(count, estimated): exact on SQLite, on a small table and for a short list; else the
    matches of a sample of the table, scaled up."""
    connection = connections[qs.db]
    if connection.vendor != "postgresql":
        return qs.count(), False
    with connection.cursor() as cursor:
        cursor.execute("SELECT relpages FROM pg_class WHERE oid = %s::regclass", [Petition._meta.db_table])
        pages = cursor.fetchone()[0]
    if pages < SAMPLE_FROM_PAGES or not pages:
        return qs.count(), False
    percent = min(100.0, 100 * SAMPLE_PAGES / pages)
    estimate = round(_sampled_count(qs, percent) * 100 / percent)
    if estimate <= EXACT_COUNT_UP_TO:
        return qs.count(), False
    return estimate, True


def petition_page(petitions: QuerySet, number, *, per_page: int = PAGE_SIZE) -> PetitionPage:
    """Page `number` (from 1; anything else is 1) of `petitions`: one more row than the page
    is read to know whether another follows; the total is counted only when needed.
    A page past the end gives the last one."""
    try:
        number = max(1, int(number))
    except (TypeError, ValueError):
        number = 1
    rows = list(petitions[(number - 1) * per_page : number * per_page + 1])
    if not rows and number > 1:
        count, estimated = petition_count(petitions)
        if estimated:
            count = petitions.count()  # the estimate overshot: count to find the last page
        number = max(1, -(-count // per_page))
        rows = list(petitions[(number - 1) * per_page : number * per_page + 1])
        return PetitionPage(rows[:per_page], number, count, False, len(rows) > per_page, per_page)
    more = len(rows) > per_page
    rows = rows[:per_page]
    if number == 1 and not more:
        return PetitionPage(rows, 1, len(rows), False, False, per_page)
    count, estimated = petition_count(petitions)
    if estimated:
        # An estimate never contradicts what was read.
        count = max(count, (number - 1) * per_page + len(rows) + (1 if more else 0))
    elif count < (number - 1) * per_page + len(rows):
        count = (number - 1) * per_page + len(rows)
    return PetitionPage(rows, number, count, estimated, more, per_page)


def petition_get_for_user(*, user, pk: int) -> Petition:
    petition = (
        Petition.objects.filter(petition_scope_q(user), pk=pk)
        .select_related(
            "conference",
            "conference__plan",
            "field",
            "group",
            "receiving_unit",
            "competent_unit",
            "address_unit",
            "repeat_of",
            "repeat_of__group",
            "repeat_of__conference",
        )
        .first()
    )
    if petition is None:
        raise Http404
    return petition


def petition_file_get_for_user(*, user, pk: int) -> PetitionFile:
    """A file a citizen attached, for someone who may read the petition and see who sent
    it (the files may name the petitioner); 404 otherwise."""
    item = PetitionFile.objects.filter(pk=pk).select_related("petition").first()
    if item is None:
        raise Http404
    petition = petition_get_for_user(user=user, pk=item.petition_id)
    if not can_see_identity(user, petition):
        raise Http404
    return item


def group_get_for_user(*, user, pk: int) -> PetitionGroup:
    group = (
        PetitionGroup.objects.filter(group_scope_q(user), pk=pk)
        .select_related("conference", "field", "lead_unit", "receiving_unit", "previous_group", "approved_by")
        .first()
    )
    if group is None:
        raise Http404
    return group


def group_list_for_user(*, user, conference=None) -> QuerySet[PetitionGroup]:
    qs = (
        PetitionGroup.objects.filter(group_scope_q(user))
        .select_related("field", "lead_unit", "conference", "previous_group")
        .annotate(petition_count=Count("petitions"))
    )
    if conference is not None:
        qs = qs.filter(conference=conference)
    return qs.order_by("field__sort_order", "level", "-created_at")


@dataclass
class InboxRow:
    group: PetitionGroup
    role: str  # "lead" or "support"
    late_by: int
    due_in: int | None


def inbox_for_user(*, user, state: str = "open") -> list[InboxRow]:
    """What the person's agencies must answer or support: due, late and returned first."""
    today = timezone.localdate()
    lead_q = scope_q(user, Capability.ANSWER_PREPARE, field="lead_unit__path")
    qs = PetitionGroup.objects.filter(_agency_groups_q(user)).select_related("lead_unit", "field", "conference")
    if state == "open":
        qs = qs.filter(status__in=[GroupStatus.ASSIGNED, GroupStatus.RETURNED, GroupStatus.SUBMITTED])
    elif state == "late":
        qs = qs.filter(status__in=[GroupStatus.ASSIGNED, GroupStatus.RETURNED], due_date__lt=today)
    elif state == "returned":
        qs = qs.filter(status=GroupStatus.RETURNED)
    elif state == "approved":
        qs = qs.filter(status=GroupStatus.APPROVED)
    lead_ids = set(PetitionGroup.objects.filter(lead_q, pk__in=qs.values("pk")).values_list("pk", flat=True))
    rows = []
    for group in qs.order_by("due_date", "id")[:500]:
        late_by, due_in = 0, None
        if group.status in (GroupStatus.ASSIGNED, GroupStatus.RETURNED):
            late_by, due_in = lateness(group.due_date, today)
        rows.append(InboxRow(group, "lead" if group.pk in lead_ids else "support", late_by, due_in))
    rows.sort(key=lambda r: (r.group.status != GroupStatus.RETURNED, -r.late_by, r.group.due_date or date.max))
    return rows


def similar_petitions(*, user, petition: Petition, limit: int = 8) -> list[tuple[Petition, float]]:
    """Petitions like this one in the receiving unit's area that the person may see:
    twins from the same conference and repeats from earlier ones."""
    area = administrative_area(petition.receiving_unit)
    terms = similarity.candidate_terms(petition.content)
    if not terms:
        return []
    term_q = Q()
    for term in terms:
        term_q |= Q(signature__contains=term)
    candidates = (
        Petition.objects.filter(petition_scope_q(user), term_q, receiving_unit__path__startswith=area.path)
        .exclude(pk=petition.pk)
        .exclude(group__isnull=False, group_id=petition.group_id)
        .order_by()  # unordered: sorting every candidate before the limit cost 15× the pre-filter
        .values_list("pk", "content")[:1000]
    )
    matches = similarity.rank_similar(petition.content, list(candidates), limit=limit)
    found = Petition.objects.in_bulk([m.key for m in matches])
    return [(found[m.key], m.score) for m in matches if m.key in found]


def ack_due_count(*, user) -> int:
    paths = scope_paths(user, Capability.PETITION_VIEW)
    # The receiving units as ids: the partial index petition_ack_open_unit starts with them.
    scope = Q() if paths is None else Q(receiving_unit_id__in=_ids_or_subquery(_units_under(paths)))
    return (
        Petition.objects.filter(scope)
        .filter(acknowledged_on__isnull=True, ack_due__lte=timezone.localdate())
        .exclude(status=PetitionStatus.WITHDRAWN)
        .count()
    )


def petition_work_summary(*, user) -> dict:
    """Counts for the home page: what waits for classification, for acknowledgment and for answers."""
    today = timezone.localdate()
    summary = {"to_triage": 0, "ack_overdue": 0, "to_review": 0, "answers_due": 0, "answers_late": 0}
    if user_can(user, Capability.PETITION_TRIAGE):
        own = Petition.objects.filter(scope_q(user, Capability.PETITION_TRIAGE, field="receiving_unit__path"))
        summary["to_triage"] = own.filter(status=PetitionStatus.RECEIVED).count()
    if user_can(user, Capability.PETITION_INTAKE):
        summary["ack_overdue"] = ack_due_count(user=user)
    if user_can(user, Capability.ANSWER_REVIEW):
        summary["to_review"] = PetitionGroup.objects.filter(
            scope_q(user, Capability.ANSWER_REVIEW, field="receiving_unit__path"), status=GroupStatus.SUBMITTED
        ).count()
    if user_can(user, Capability.ANSWER_PREPARE):
        mine = PetitionGroup.objects.filter(
            scope_q(user, Capability.ANSWER_PREPARE, field="lead_unit__path"),
            status__in=[GroupStatus.ASSIGNED, GroupStatus.RETURNED],
        )
        summary["answers_due"] = mine.count()
        summary["answers_late"] = mine.filter(due_date__lt=today).count()
    return summary
