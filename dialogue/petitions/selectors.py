"""Reads of petitions and groups, scoped to what the person may see.

People working over the receiving unit see its petitions; an agency sees the groups it
leads or supports (and their petitions), and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from dialogue.lib.text import fold
from dialogue.organisation.models import Unit
from dialogue.organisation.roles import Capability
from dialogue.organisation.selectors import any_of, scope_paths, scope_q, user_can
from dialogue.petitions import similarity
from dialogue.petitions.models import (
    PUBLIC_CHANNELS,
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


def petition_scope_q(user) -> Q:
    own = scope_q(user, Capability.PETITION_VIEW, field="receiving_unit__path")
    visible_groups = PetitionGroup.objects.filter(_agency_groups_q(user)).values("pk")
    return any_of(own, Q(group__in=visible_groups))


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


def petition_list_for_user(*, user, filters: PetitionFilters | None = None) -> QuerySet[Petition]:
    f = filters or PetitionFilters()
    # Only what the list shows: joining the repeated petition or the units widened every
    # sorted row (bench/README.md).
    qs = Petition.objects.filter(petition_scope_q(user)).select_related("conference", "field", "group")
    if f.query:
        for word in fold(f.query).split():
            qs = qs.filter(Q(search_folded__contains=word) & _identity_search_q(user, word))
    if f.conference:
        qs = qs.filter(conference_id=f.conference)
    if f.field:
        qs = qs.filter(field__code=f.field)
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
    return (
        Petition.objects.filter(scope_q(user, Capability.PETITION_VIEW, field="receiving_unit__path"))
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
