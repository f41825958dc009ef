"""Periodic reports of Quy định 11-QĐi/TW: the reporting periods, the content of a unit's
report to its higher level, and the one service that records a production.

QĐ 11 (as amended by Kết luận 215-KL/TW, 23/11/2025) asks the head of a provincial or
commune Party committee to report monthly, for the first quarter, six months, nine months
and the year. The figures come from `dialogue.statistics.selectors.unit_statistics`; this
module only picks the period, words the report and decides what goes in which table.
See docs/reports.md for the choices and their sources.
"""

from __future__ import annotations

import calendar
import operator
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from functools import reduce

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.db import models, transaction
from django.db.models import Case, Count, F, Q, QuerySet, When
from django.http import Http404
from django.utils import timezone
from django.utils.translation import pgettext, pgettext_lazy

from dialogue.conclusions.models import OPEN_DIRECTIVE_STATUSES
from dialogue.core.models import AuditEntry
from dialogue.core.services import audit_record
from dialogue.followup.models import Escalation, EscalationStatus, Satisfaction, SatisfactionRequest
from dialogue.lib.text import fold
from dialogue.organisation.models import Level, Unit, UnitCategory, UnitStatus
from dialogue.organisation.roles import Capability
from dialogue.organisation.selectors import province_of, scope_q, user_can
from dialogue.petitions.models import GroupStatus, JurisdictionLevel, PetitionStatus
from dialogue.plans.documents import in_vietnamese
from dialogue.plans.models import Conference, ConferenceStatus, DocumentLayout, Plan, PlanStatus
from dialogue.plans.services import place_name
from dialogue.privacy.masking import mask_for_report
from dialogue.statistics import selectors as stats
from dialogue.workcalendar.selectors import add_working_days, working_days_between

# --------------------------------------------------------------------------- periods

# QĐ 11 was issued on 18/02/2019; nothing before its first year is reported under it.
FIRST_YEAR = 2019

# How many working days after the cut-off the report reaches the higher level. A commune
# reports first so that the province can roll its figures up (docs/reports.md).
DEFAULT_DUE_WORKING_DAYS = {Level.COMMUNE: 2, Level.DISTRICT: 3, Level.PROVINCE: 4, Level.CENTRAL: 5}


class PeriodKind(models.TextChoices):
    """The periodic reports of QĐ 11; the values are those of `selectors.PeriodKind`."""

    MONTH = stats.PeriodKind.MONTH, pgettext_lazy("report period", "Month")
    QUARTER = stats.PeriodKind.Q1, pgettext_lazy("report period", "First quarter")
    HALF = stats.PeriodKind.H1, pgettext_lazy("report period", "First six months")
    NINE = stats.PeriodKind.M9, pgettext_lazy("report period", "Nine months")
    YEAR = stats.PeriodKind.YEAR, pgettext_lazy("report period", "Year")


LAST_MONTH = {PeriodKind.QUARTER: 3, PeriodKind.HALF: 6, PeriodKind.NINE: 9, PeriodKind.YEAR: 12}


def period_basis() -> str:
    """Decree 09/2019/NĐ-CP's data cut-off (15th to 14th) unless the settings ask for
    calendar months; the dashboard's `period_bounds` does the arithmetic for both."""
    basis = getattr(settings, "REPORTS_PERIOD_BASIS", stats.PeriodBasis.CUTOFF)
    if basis not in (stats.PeriodBasis.CUTOFF, stats.PeriodBasis.CALENDAR):
        raise ImproperlyConfigured("REPORTS_PERIOD_BASIS must be 'cutoff' or 'calendar'")
    return basis


def due_working_days(level: int) -> int:
    table = {**DEFAULT_DUE_WORKING_DAYS, **getattr(settings, "REPORTS_DUE_WORKING_DAYS", {})}
    return int(table.get(level, table[Level.PROVINCE]))


@dataclass(frozen=True)
class ReportPeriod:
    kind: str
    year: int
    month: int | None  # only for a month report
    start: date
    end: date  # the cut-off day, included

    @property
    def last_month(self) -> int:
        return self.month if self.kind == PeriodKind.MONTH else LAST_MONTH[PeriodKind(self.kind)]

    @property
    def label(self) -> str:
        """“tháng 6 năm 2026”, “quý I năm 2026”, “6 tháng đầu năm 2026”, “9 tháng năm 2026”, “năm 2026”."""
        values = {"year": self.year, "month": self.month}
        if self.kind == PeriodKind.MONTH:
            return pgettext("report period", "month %(month)s of %(year)s") % values
        if self.kind == PeriodKind.QUARTER:
            return pgettext("report period", "first quarter of %(year)s") % values
        if self.kind == PeriodKind.HALF:
            return pgettext("report period", "first six months of %(year)s") % values
        if self.kind == PeriodKind.NINE:
            return pgettext("report period", "nine months of %(year)s") % values
        return pgettext("report period", "year %(year)s") % values

    @property
    def slug(self) -> str:
        if self.kind == PeriodKind.MONTH:
            return f"thang-{self.month:02d}-{self.year}"
        return {
            PeriodKind.QUARTER: f"quy-I-{self.year}",
            PeriodKind.HALF: f"6-thang-{self.year}",
            PeriodKind.NINE: f"9-thang-{self.year}",
            PeriodKind.YEAR: f"nam-{self.year}",
        }[PeriodKind(self.kind)]

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def figures_until(self, today: date) -> date:
        """The last day the figures cover: the cut-off, or today while the period runs."""
        return min(self.end, today)

    def is_running(self, today: date) -> bool:
        return self.start <= today < self.end

    def due_date(self, level: int) -> date:
        """When the report must reach the higher level: working days after the cut-off."""
        return add_working_days(self.end, due_working_days(level))


def report_period(kind: str, year: int, month: int | None = None) -> ReportPeriod:
    """The dates a report covers: Decree 09/2019/NĐ-CP art. 12 (month 6/2026 is
    15/05–14/06/2026, the year 2026 is 15/12/2025–14/12/2026), the nine-month report
    cut like the six-month one; calendar months when the settings say so."""
    kind = PeriodKind(kind)
    if kind == PeriodKind.MONTH:
        if month is None or not 1 <= month <= 12:
            raise ValueError("a month report needs a month between 1 and 12")
    else:
        month = None
    start, end = stats.period_bounds(kind.value, year=year, month=month, basis=period_basis())
    return ReportPeriod(kind=kind.value, year=year, month=month, start=start, end=end)


def latest_period(kind: str, today: date | None = None) -> ReportPeriod:
    """The last period of `kind` whose cut-off has come (today included): what a unit is
    due to report on now, and what the form offers first."""
    today = today or timezone.localdate()
    if kind == PeriodKind.MONTH:
        year, month = today.year, today.month
        period = report_period(kind, year, month)
        while period.end > today:
            year, month = (year - 1, 12) if month == 1 else (year, month - 1)
            period = report_period(kind, year, month)
        return period
    period = report_period(kind, today.year)
    return period if period.end <= today else report_period(kind, today.year - 1)


# --------------------------------------------------------------------------- who reports to whom

REPORTABLE_LEVELS = (Level.PROVINCE, Level.COMMUNE)


def _in_sentence(name: str) -> str:
    """“Tỉnh Thái Nguyên” → “tỉnh Thái Nguyên” inside a longer name (Ủy ban nhân dân tỉnh …)."""
    return name[0].lower() + name[1:] if name else name


def _child(unit: Unit, *kind_codes: str) -> Unit | None:
    """The unit's body of that kind: a living one first (a dissolved unit keeps its old bodies)."""
    return (
        Unit.objects.filter(parent=unit, kind__code__in=kind_codes)
        .select_related("kind")
        .order_by(Case(When(status=UnitStatus.ACTIVE, then=0), default=1), "kind__sort_order", "pk")
        .first()
    )


def _party_committee_name(area: Unit) -> str:
    """Tỉnh ủy / Thành ủy / Đảng ủy xã of an administrative unit, from the tree or its name."""
    body = _child(area, "party_committee")
    if body is not None:
        return body.name
    if area.level == Level.PROVINCE:
        prefix = "Thành ủy" if area.name.startswith("Thành phố") else "Tỉnh ủy"
        return f"{prefix} {place_name(area)}"
    return f"Đảng ủy {_in_sentence(area.name)}"


def _people_committee_name(area: Unit) -> str:
    body = _child(area, "people_committee")
    return body.name if body is not None else f"Ủy ban nhân dân {_in_sentence(area.name)}"


def _mass_mobilisation_board(area: Unit) -> str | None:
    """The Party committee's board for mass mobilisation (Ban Dân vận, since 2025 Ban
    Tuyên giáo và Dân vận), which follows QĐ 11 for the standing committee (seeds 000, 003)."""
    committee = _child(area, "party_committee")
    if committee is None:
        return None
    for board in Unit.objects.filter(parent=committee, kind__code="party_board", status=UnitStatus.ACTIVE):
        if "dân vận" in board.name.lower():
            return board.name
    return None


def _latest_plan(area: Unit, layout: str) -> Plan | None:
    """The unit's most recent plan in that layout: its header and signer are the unit's own."""
    return (
        Plan.objects.filter(issuing_unit__parent=area, layout=layout)
        .exclude(status=PlanStatus.CANCELLED)
        .order_by("-year", "-issued_on", "-pk")
        .first()
    )


def default_layout(unit: Unit) -> str:
    """The layout of the unit's latest plan; without one, a Party report when the tree has
    the unit's Party committee (QĐ 11 is a Party rule), a state one when it has only its
    People's Committee."""
    plan = (
        Plan.objects.filter(issuing_unit__parent=unit)
        .exclude(status=PlanStatus.CANCELLED)
        .order_by("-year", "-issued_on", "-pk")
        .first()
    )
    if plan is not None:
        return plan.layout
    if _child(unit, "party_committee") is None and _child(unit, "people_committee") is not None:
        return DocumentLayout.STATE
    return DocumentLayout.PARTY


@dataclass(frozen=True)
class Identity:
    """Everything of the header, addressees and signature that depends on the unit."""

    layout: str  # DocumentLayout value
    issuer_parent: str
    issuer: str  # the header line
    name: str  # the issuing body as named in sentences: “Đảng ủy xã Gia Phúc”
    symbol: str
    place: str
    signing_authority: str
    signer_title: str
    signer_name: str
    addressees: tuple[str, ...]
    higher: str  # the higher level as named in sentences
    recipients: tuple[str, ...]

    @property
    def number_line(self) -> str:
        """The number is left blank: the clerk numbers the report when it is signed."""
        if self.layout == DocumentLayout.PARTY:
            return f"Số    -{self.symbol}"
        return f"Số:    /{self.symbol}"


def _report_symbol(plan: Plan | None, default: str) -> str:
    if plan is not None and plan.symbol.upper().startswith("KH"):
        return "BC" + plan.symbol[2:]
    return default


@in_vietnamese
def report_identity(unit: Unit, layout: str | None = None) -> Identity:
    """The issuing body, addressees and signer of `unit`'s report to its higher level.

    QĐ 11 (amended by KL 215-KL/TW): the head of a commune Party committee reports to the
    standing committee of the provincial Party committee, the head of a provincial Party
    committee to the Politburo and the Secretariat; seed 003 sends the commune's figures to
    the provincial board for mass mobilisation, seed 002 a People's Committee's to the
    provincial standing committee and its Ban Dân vận. The header and signer follow the
    unit's latest plan in that layout when there is one.
    """
    if layout not in DocumentLayout.values:
        layout = default_layout(unit)
    province = province_of(unit)
    is_province = unit.level == Level.PROVINCE
    plan = _latest_plan(unit, layout)
    if layout == DocumentLayout.PARTY:
        issuer = _party_committee_name(unit)
        parent = "" if is_province else f"Đảng bộ {_in_sentence(province.name)}"
        symbol = _report_symbol(plan, "BC/TU" if is_province else "BC/ĐU")
        authority = pgettext("periodic report", "ON BEHALF OF THE STANDING COMMITTEE")
        title = pgettext("periodic report", "SECRETARY")
        if is_province:
            addressees = (
                pgettext("periodic report", "The Politburo and the Secretariat"),
                pgettext("periodic report", "The Central Commission for Propaganda and Mass Mobilisation"),
            )
            higher = addressees[0]
        else:
            higher = pgettext("periodic report", "The Standing Committee of %(committee)s") % {
                "committee": _party_committee_name(province)
            }
            board = _mass_mobilisation_board(province)
            addressees = (higher, board) if board else (higher,)
        # “Lưu Văn phòng Đảng ủy.”, “Lưu Văn phòng Tỉnh ủy.”: the committee's short name.
        office = pgettext("periodic report", "- Archived: Office of the %(committee)s.") % {
            "committee": " ".join(issuer.split()[:2])
        }
        recipients = (
            pgettext("periodic report", "- As above,"),
            pgettext("periodic report", "- The standing members of %(committee)s,") % {"committee": issuer},
            office,
        )
    else:
        issuer = _people_committee_name(unit)
        parent = ""
        symbol = _report_symbol(plan, "BC-UBND")
        authority = pgettext("periodic report", "ON BEHALF OF THE PEOPLE'S COMMITTEE")
        title = pgettext("periodic report", "CHAIRPERSON")
        if is_province:
            committee = _party_committee_name(unit)
            higher = pgettext("periodic report", "The Standing Committee of %(committee)s") % {"committee": committee}
            board = _mass_mobilisation_board(unit)
            addressees = (higher, board) if board else (higher,)
        else:
            higher = _people_committee_name(province)
            addressees = (higher,)
        recipients = (
            pgettext("periodic report", "- As above,"),
            pgettext("periodic report", "- The Chairperson and Vice-Chairpersons of %(committee)s,")
            % {"committee": issuer},
            pgettext("periodic report", "- Archived: Clerical Office."),
        )
    if plan is not None:
        parent = plan.issuer_parent_line
        issuer_line = plan.issuer_line or issuer
        authority = plan.signing_authority or authority
        title = plan.signer_title or title
        signer_name = plan.signer_name
        place = plan.place or place_name(unit)
    else:
        issuer_line = issuer
        signer_name = ""
        place = place_name(unit)
    if len(addressees) > 1:
        addressees = tuple(f"- {name}{';' if i < len(addressees) - 1 else '.'}" for i, name in enumerate(addressees))
    return Identity(
        layout=layout,
        issuer_parent=parent,
        issuer=issuer_line,
        name=issuer,
        symbol=symbol,
        place=place,
        signing_authority=authority,
        signer_title=title,
        signer_name=signer_name,
        addressees=addressees,
        higher=higher,
        recipients=recipients,
    )


# --------------------------------------------------------------------------- the content


@dataclass(frozen=True)
class ConferenceLine:
    day: date | None
    host: str
    title: str
    venue: str
    chairs: str
    held: bool
    participants: int
    petitions: int
    answered: int


@dataclass(frozen=True)
class FieldLine:
    """Biểu 02: petitions of one field by status, and how many were answered and resolved."""

    name: str
    total: int
    repeats: int
    by_status: dict[str, int]
    answered: int
    resolved: int


@dataclass(frozen=True)
class AgencyLine:
    """Biểu 03: what one unit was given by the notices of the period and what it has late."""

    name: str
    assigned: int
    resolved: int
    in_progress: int
    late_directives: int
    late_answers: int
    late_resolution: int

    @property
    def late(self) -> int:
        return self.late_directives + self.late_answers + self.late_resolution


@dataclass(frozen=True)
class LateItem:
    """Biểu 04: one late matter."""

    kind: str
    matter: str
    unit: str
    due: date | None
    days_late: int
    status: str
    source: str


@dataclass(frozen=True)
class CommuneLine:
    """One row of a province's roll-up: a commune, or the province's own level."""

    pk: int | None
    name: str
    conferences: int
    conferences_held: int
    petitions: int
    answers_due: int
    answered_on_time: int
    late: int
    own_level: bool = False


@dataclass(frozen=True)
class RepeatLine:
    summary: str
    times_raised: int
    resolved: bool


@dataclass(frozen=True)
class Recommendation:
    to_unit: str
    text: str
    due: date | None


@dataclass
class ReportContent:
    """Everything the DOCX and the Excel annex print, already computed."""

    unit: Unit
    period: ReportPeriod
    identity: Identity
    today: date
    statistics: stats.Statistics
    conferences: list[ConferenceLine]
    fields: list[FieldLine]
    agencies: list[AgencyLine]
    late_items: list[LateItem]
    repeats: list[RepeatLine]
    repeat_matters: int
    satisfaction: dict[str, int]
    recommendations: list[Recommendation]
    upcoming: list[ConferenceLine]
    communes: list[CommuneLine]
    strengths: list[str]
    limitations: list[str]
    directions: list[str]
    proposals: list[str]

    @property
    def figures_until(self) -> date:
        return self.period.figures_until(self.today)

    @property
    def is_province(self) -> bool:
        return self.unit.level == Level.PROVINCE

    @property
    def due_date(self) -> date:
        return self.period.due_date(self.unit.level)


PETITION_STATUSES = tuple(PetitionStatus.values)
LATE_KINDS = {
    "late_directives": pgettext_lazy("late item", "Directive"),
    "late_answers": pgettext_lazy("late item", "Written answer"),
    "late_resolution": pgettext_lazy("late item", "Resolution of a petition"),
}


def _chairs(conference: Conference) -> str:
    return "; ".join(
        f"{c.name}, {c.position}" if c.position else c.name for c in sorted(conference.chairs.all(), key=_order)
    )


def _order(obj) -> tuple:
    return (obj.order, obj.pk)


def _conference_lines(queryset) -> list[ConferenceLine]:
    """Biểu 01 from the dashboard's own list of conferences (`rows_behind`)."""
    rows = (
        queryset.annotate(
            n_petitions=Count("petitions", distinct=True),
            n_answered=Count(
                "petitions",
                filter=Q(petitions__group__status=GroupStatus.APPROVED),
                distinct=True,
            ),
        )
        .prefetch_related("chairs")
        .order_by(F("date").asc(nulls_last=True), "id")
    )
    return [
        ConferenceLine(
            day=c.date,
            host=c.host_unit.name,
            title=" ".join(c.title.split()),
            venue=c.venue,
            chairs=_chairs(c),
            held=c.status == ConferenceStatus.HELD,
            participants=c.present,
            petitions=c.n_petitions,
            answered=c.n_answered,
        )
        for c in rows
    ]


def _field_lines(petitions) -> list[FieldLine]:
    """Biểu 02: one grouped query over the dashboard's petitions of the period."""
    rows = (
        petitions.order_by()
        .values("field_id", "field__name", "field__sort_order", "status")
        .annotate(
            n=Count("id"),
            repeats=Count("id", filter=Q(repeat_of__isnull=False)),
            answered=Count("id", filter=stats._Q_PETITION_ANSWERED),
            resolved=Count("id", filter=stats._Q_PETITION_RESOLVED),
        )
    )
    by_field: dict[int | None, dict] = {}
    for row in rows:
        entry = by_field.setdefault(
            row["field_id"],
            {
                "name": row["field__name"] or pgettext("periodic report", "Not yet classified"),
                "order": (row["field_id"] is None, row["field__sort_order"] or 0, row["field__name"] or ""),
                "total": 0,
                "repeats": 0,
                "answered": 0,
                "resolved": 0,
                "by_status": dict.fromkeys(PETITION_STATUSES, 0),
            },
        )
        entry["total"] += row["n"]
        entry["repeats"] += row["repeats"]
        entry["answered"] += row["answered"]
        entry["resolved"] += row["resolved"]
        entry["by_status"][row["status"]] = entry["by_status"].get(row["status"], 0) + row["n"]
    return [
        FieldLine(e["name"], e["total"], e["repeats"], e["by_status"], e["answered"], e["resolved"])
        for e in sorted(by_field.values(), key=lambda e: e["order"])
    ]


def _agency_lines(directives, figures: stats.Statistics) -> list[AgencyLine]:
    """Biểu 03: directives of the notices issued in the period by the unit that must act,
    with the late counts of the dashboard (`late_by_unit`)."""
    rows = (
        directives.order_by()
        .values("lead_unit_id", "lead_unit__name")
        .annotate(
            n=Count("id"),
            resolved=Count("id", filter=Q(status__in=stats.RESOLVED_DIRECTIVE_STATUSES)),
            open=Count("id", filter=Q(status__in=OPEN_DIRECTIVE_STATUSES)),
        )
    )
    unnamed = pgettext("periodic report", "No unit named")
    lines: dict[int | None, dict] = {}
    for row in rows:
        lines[row["lead_unit_id"]] = {
            "name": row["lead_unit__name"] or unnamed,
            "assigned": row["n"],
            "resolved": row["resolved"],
            "in_progress": row["open"],
            "late": (0, 0, 0),
        }
    for late in figures.late_by_unit:
        entry = lines.setdefault(
            late.unit_pk,
            {"name": late.unit_name or unnamed, "assigned": 0, "resolved": 0, "in_progress": 0},
        )
        entry["late"] = (late.directives, late.answers, late.resolution)
    result = [
        AgencyLine(e["name"], e["assigned"], e["resolved"], e["in_progress"], *e.get("late", (0, 0, 0)))
        for e in lines.values()
    ]
    return sorted(result, key=lambda a: (-a.late, -a.assigned, fold(a.name)))


def _late_items(user, unit: Unit, period: ReportPeriod, figures: stats.Statistics, today: date) -> list[LateItem]:
    """Biểu 04: every late matter the dashboard counts, oldest due date first."""
    items: list[LateItem] = []
    reference = figures.late_before
    for metric, label in LATE_KINDS.items():
        rows = stats.rows_behind(user=user, unit=unit, start=period.start, end=period.end, metric=metric, today=today)
        queryset = rows.queryset if metric == "late_directives" else rows.queryset.select_related("conference")
        for row in queryset:
            if metric == "late_directives":
                due, status = row.due_date, row.get_status_display()
                source = row.conclusion.label
                matter = row.matter
            elif metric == "late_answers":
                due, status = row.due_date, row.get_status_display()
                source = row.conference.title if row.conference_id else ""
                matter = row.summary
            else:
                due, status = row.resolve_due, row.get_followup_status_display()
                source = row.conference.title if row.conference_id else ""
                matter = row.summary
            items.append(
                LateItem(
                    kind=str(label),
                    matter=mask_for_report(matter, item=row),
                    unit=row.lead_unit.name if row.lead_unit_id else pgettext("periodic report", "No unit named"),
                    due=due,
                    days_late=working_days_between(due, reference) if due else 0,
                    status=str(status),
                    source=" ".join(source.split()),
                )
            )
    return sorted(items, key=lambda i: (i.due or date.max, i.unit, i.matter))


def _repeats(petitions) -> tuple[list[RepeatLine], int]:
    """Matters raised before (petitions of the period with `repeat_of`), by their group."""
    rows = list(
        petitions.filter(repeat_of__isnull=False)
        .order_by()
        .values("group_id", "group__summary", "group__times_raised", "group__followup_status", "content")
        .annotate(n=Count("id"))
    )
    seen: dict[object, RepeatLine] = {}
    for row in rows:
        key = row["group_id"] or row["content"]
        # A petition not yet merged has no summary: its own words, with any phone number masked.
        summary = mask_for_report(row["group__summary"] or row["content"], group_id=row["group_id"])
        line = RepeatLine(
            summary=" ".join(summary.split()),
            times_raised=max(row["group__times_raised"] or 2, 2),
            resolved=row["group__followup_status"] in stats.RESOLVED_STATUSES,
        )
        if key not in seen or seen[key].times_raised < line.times_raised:
            seen[key] = line
    lines = sorted(seen.values(), key=lambda r: (r.resolved, -r.times_raised, r.summary))
    return lines, len(lines)


def _satisfaction(unit: Unit, period: ReportPeriod) -> dict[str, int]:
    """Answers of petitioners asked whether they are satisfied, given in the period
    (an extra query: the dashboard has no satisfaction figure)."""
    first, after = stats._day_bounds(period.start, period.end)
    rows = (
        SatisfactionRequest.objects.filter(
            petition__receiving_unit__path__startswith=unit.path,
            responded_at__gte=first,
            responded_at__lt=after,
        )
        .exclude(response="")
        .order_by()
        .values("response")
        .annotate(n=Count("id"))
    )
    counts = dict.fromkeys(Satisfaction.values, 0)
    for row in rows:
        counts[row["response"]] = row["n"]
    return counts


def _recommendations(unit: Unit) -> list[Recommendation]:
    """Matters beyond the unit's competence still waiting for the higher level's answer
    (an extra query: kiến nghị với cấp trên, for section III)."""
    rows = (
        Escalation.objects.filter(from_unit__path__startswith=unit.path, status=EscalationStatus.PENDING)
        .exclude(to_unit__path__startswith=unit.path)
        .select_related("to_unit")
        .order_by("due_date", "created_at", "pk")
    )
    return [Recommendation(e.to_unit.name, " ".join(e.request_text.split()), e.due_date) for e in rows]


def _upcoming(unit: Unit, period: ReportPeriod) -> list[ConferenceLine]:
    """Conferences already planned for the next period (an extra query, for section III):
    the next month after a month report, the next three months after the others."""
    months = 1 if period.kind == PeriodKind.MONTH else 3
    start = period.end + timedelta(days=1)
    end_month = (period.end.month - 1 + months) % 12 + 1
    end_year = period.end.year + (period.end.month - 1 + months) // 12
    end = date(end_year, end_month, min(period.end.day, calendar.monthrange(end_year, end_month)[1]))
    rows = (
        Conference.objects.filter(host_unit__path__startswith=unit.path, date__range=(start, end))
        .exclude(status=ConferenceStatus.CANCELLED)
        .select_related("host_unit")
        .prefetch_related("chairs")
        .order_by("date", "id")
    )
    return [
        ConferenceLine(c.date, c.host_unit.name, " ".join(c.title.split()), c.venue, _chairs(c), False, 0, 0, 0)
        for c in rows
    ]


def _communes(unit: Unit, period: ReportPeriod, today: date) -> list[CommuneLine]:
    """A province's roll-up: one row per commune and one for the province's own level
    (its bodies, and units outside any commune of today).

    The dashboard computes one subtree at a time; calling it for each of a province's
    ~100 communes would be ~1,000 queries, so the same definitions (`selectors._base_*`,
    `_group_conditions`, `_directive_conditions`) are grouped by unit here: five queries
    for the whole province, whatever its size. Each commune's row equals
    `unit_statistics(unit=commune)` (tests/test_statistics_reports.py checks it)."""
    communes = list(
        Unit.objects.filter(
            path__startswith=unit.path,
            level=Level.COMMUNE,
            kind__category=UnitCategory.ADMINISTRATIVE,
            status=UnitStatus.ACTIVE,
        ).values_list("pk", "name", "path", "name_folded")
    )
    by_path = {path: pk for pk, _name, path, _folded in communes}

    def commune_of(path: str) -> int | None:
        parts = path.strip("/").split("/")
        for depth in range(len(parts), 0, -1):
            prefix = "/" + "/".join(parts[:depth]) + "/"
            if prefix in by_path:
                return by_path[prefix]
        return None

    totals: dict[int | None, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    w = stats._window(unit, period.start, period.end, today)

    for row in (
        stats._base_conferences(w)
        .order_by()
        .values("host_unit__path")
        .annotate(n=Count("id"), held=Count("id", filter=Q(status=ConferenceStatus.HELD)))
    ):
        target = totals[commune_of(row["host_unit__path"])]
        target["conferences"] += row["n"]
        target["held"] += row["held"]
    for row in stats._base_petitions(w).order_by().values("receiving_unit__path").annotate(n=Count("id")):
        totals[commune_of(row["receiving_unit__path"])]["petitions"] += row["n"]
    conditions = stats._group_conditions(w)
    wanted = {name: conditions[name] for name in ("due", "on_time", "late_answers", "late_resolution")}
    for row in (
        stats._annotated_groups(stats._base_groups(w))
        .filter(reduce(operator.or_, wanted.values()))
        .order_by()
        .values("receiving_unit__path")
        .annotate(**{name: Count("id", filter=condition) for name, condition in wanted.items()})
    ):
        target = totals[commune_of(row["receiving_unit__path"])]
        target["due"] += row["due"]
        target["on_time"] += row["on_time"]
        target["late"] += row["late_answers"] + row["late_resolution"]
    late_directive = stats._directive_conditions(w)["late"]
    for row in (
        stats._annotated_directives(stats._base_directives(w))
        .filter(late_directive)
        .order_by()
        .values("conclusion__issuing_unit__path")
        .annotate(n=Count("id"))
    ):
        totals[commune_of(row["conclusion__issuing_unit__path"])]["late"] += row["n"]

    def line(pk, name, own=False):
        t = totals.get(pk, {})
        return CommuneLine(
            pk=pk,
            name=name,
            conferences=t.get("conferences", 0),
            conferences_held=t.get("held", 0),
            petitions=t.get("petitions", 0),
            answers_due=t.get("due", 0),
            answered_on_time=t.get("on_time", 0),
            late=t.get("late", 0),
            own_level=own,
        )

    if not communes:  # a province dissolved in 2025 has no commune of today
        return []
    own = line(None, pgettext("periodic report", "Provincial level (%(unit)s)") % {"unit": unit.name}, own=True)
    rows = [line(pk, name) for pk, name, _path, _folded in sorted(communes, key=lambda c: c[3])]
    return [own, *rows]


# --------------------------------------------------------------------------- the wording derived from figures


def count(n: int) -> str:
    """“05”, “12”, “1.234”: Party and state reports write counts below ten with a leading
    zero and group thousands with a dot."""
    if 0 < n < 10:
        return f"{n:02d}"
    return f"{n:,}".replace(",", ".")


def late_parts(directives: int, answers: int, resolution: int) -> str:
    """“14 nội dung chỉ đạo, 06 ý kiến trả lời”: only the kinds that are late."""
    parts = []
    if directives:
        parts.append(pgettext("periodic report", "%(n)s directives") % {"n": count(directives)})
    if answers:
        parts.append(pgettext("periodic report", "%(n)s answers") % {"n": count(answers)})
    if resolution:
        parts.append(pgettext("periodic report", "%(n)s resolutions of petitions") % {"n": count(resolution)})
    return ", ".join(parts)


def answer_delays(late: int, overdue: int) -> str:
    parts = []
    if late:
        parts.append(pgettext("periodic report", "%(n)s answered late") % {"n": count(late)})
    if overdue:
        parts.append(pgettext("periodic report", "%(n)s overdue and not yet answered") % {"n": count(overdue)})
    return "; ".join(parts)


def percent(share: float | None) -> str:
    """“85,7%”: Vietnamese decimal comma, one decimal, none for whole numbers."""
    if share is None:
        return "—"
    value = round(share * 100, 1)
    text = f"{value:.0f}" if value == int(value) else f"{value:.1f}".replace(".", ",")
    return f"{text}%"


def number(value: float | None) -> str:
    """“4,5”: a Vietnamese decimal with at most one decimal."""
    if value is None:
        return "—"
    value = round(value, 1)
    return f"{value:.0f}" if value == int(value) else f"{value:.1f}".replace(".", ",")


# Above this share of written answers on time, the report calls the work timely.
GOOD_ON_TIME_SHARE = 0.8


def _late_units_phrase(agencies: list[AgencyLine], limit: int = 4) -> str:
    late = [a for a in agencies if a.late]
    names = [a.name for a in late[:limit]]
    if len(late) > limit:
        names.append(pgettext("periodic report", "%(n)s other units") % {"n": count(len(late) - limit)})
    return ", ".join(names)


def strengths(content: ReportContent) -> list[str]:
    s = content.statistics
    out: list[str] = []
    if s.conferences_held:
        out.append(
            pgettext(
                "periodic report",
                "The heads of the Party committees and authorities directly chaired %(n)s dialogue conferences "
                "with the people, listened to and answered their opinions and petitions in public.",
            )
            % {"n": count(s.conferences_held)}
        )
    if s.petitions:
        out.append(
            pgettext(
                "periodic report",
                "The people's opinions and petitions were received through several channels (%(n)s channels), "
                "recorded, classified by field and jurisdiction and assigned to the competent units.",
            )
            % {"n": count(len(s.by_channel))}
        )
    if s.answers_judged and (s.on_time_share or 0) >= GOOD_ON_TIME_SHARE:
        out.append(
            pgettext(
                "periodic report",
                "Most written answers were given on time (%(share)s of the answers due in the period).",
            )
            % {"share": percent(s.on_time_share)}
        )
    if s.resolved:
        out.append(
            pgettext(
                "periodic report",
                "%(n)s matters were resolved for good in the period, which strengthened the people's trust.",
            )
            % {"n": count(s.resolved)}
        )
    if s.answers_judged and not s.late:
        out.append(pgettext("periodic report", "No answer or directive was late at the time of the report."))
    if not out:
        out.append(
            pgettext(
                "periodic report",
                "The reception and handling of the people's opinions and petitions was kept up and followed "
                "in the system.",
            )
        )
    return out


def limitations(content: ReportContent) -> list[str]:
    s = content.statistics
    out: list[str] = []
    if not s.conferences_held:
        out.append(pgettext("periodic report", "No dialogue conference with the people was held in the period."))
    if s.answers_judged and (s.on_time_share or 0) < GOOD_ON_TIME_SHARE:
        out.append(
            pgettext(
                "periodic report",
                "Only %(share)s of the written answers due were given on time (%(parts)s).",
            )
            % {"share": percent(s.on_time_share), "parts": answer_delays(s.answered_late, s.answers_overdue)}
        )
    if s.late:
        out.append(
            pgettext(
                "periodic report",
                "%(n)s matters are late (%(parts)s), at: %(units)s.",
            )
            % {
                "n": count(s.late),
                "parts": late_parts(s.late_directives, s.late_answers, s.late_resolution),
                "units": _late_units_phrase(content.agencies),
            }
        )
    open_repeats = [r for r in content.repeats if not r.resolved]
    if open_repeats:
        out.append(
            pgettext(
                "periodic report",
                "%(n)s matters raised several times have not yet been resolved for good.",
            )
            % {"n": count(len(open_repeats))}
        )
    unclassified = sum(r.count for r in s.by_field if r.key == stats.NONE_KEY)
    if unclassified:
        out.append(
            pgettext("periodic report", "%(n)s opinions have not yet been classified by field.")
            % {"n": count(unclassified)}
        )
    dissatisfied = content.satisfaction.get(Satisfaction.DISSATISFIED, 0)
    if dissatisfied:
        out.append(
            pgettext("periodic report", "%(n)s petitioners said they were not satisfied with the result.")
            % {"n": count(dissatisfied)}
        )
    if out:
        out.append(
            pgettext(
                "periodic report",
                "Cause: some matters are complex and involve several levels and sectors, they need time to be "
                "checked and verified; the coordination between agencies and units is at times not close enough.",
            )
        )
    else:
        out.append(
            pgettext("periodic report", "The figures followed in the period show no shortcoming to be reported.")
        )
    return out


def directions(content: ReportContent) -> list[str]:
    s = content.statistics
    out: list[str] = []
    for conference in content.upcoming[:6]:
        out.append(
            pgettext("periodic report", "Hold %(title)s on %(day)s as planned.")
            % {"title": lower_first(conference.title), "day": f"{conference.day:%d/%m/%Y}"}
        )
    if len(content.upcoming) > 6:
        out.append(
            pgettext("periodic report", "Hold the other %(n)s planned conferences as scheduled.")
            % {"n": count(len(content.upcoming) - 6)}
        )
    late_agencies = [a for a in content.agencies if a.late]
    if late_agencies:
        out.append(
            pgettext(
                "periodic report",
                "Urge %(units)s to settle the %(n)s late matters and report the results in writing; chase every "
                "item listed in Biểu 04.",
            )
            % {"units": _late_units_phrase(content.agencies), "n": count(s.late)}
        )
    open_repeats = [r for r in content.repeats if not r.resolved]
    if open_repeats:
        out.append(
            pgettext(
                "periodic report",
                "Concentrate on resolving for good the %(n)s matters raised several times, first: %(first)s.",
            )
            % {"n": count(len(open_repeats)), "first": open_repeats[0].summary.rstrip(".")}
        )
    if s.answers_pending:
        out.append(
            pgettext(
                "periodic report",
                "Answer in writing, before their due dates, the %(n)s opinions whose answers are not yet due.",
            )
            % {"n": count(s.answers_pending)}
        )
    out.append(
        pgettext(
            "periodic report",
            "Continue to carry out Regulation 11-QĐi/TW strictly: receive citizens on the fixed days, hold "
            "dialogues, follow every petition until it is resolved and report on time.",
        )
    )
    return out


def proposals(content: ReportContent) -> list[str]:
    out = [
        pgettext("periodic report", "Request %(unit)s to consider and answer: %(text)s%(due)s.")
        % {
            "unit": r.to_unit,
            "text": r.text.rstrip("."),
            "due": (pgettext("periodic report", " (answer due %(day)s)") % {"day": f"{r.due:%d/%m/%Y}"})
            if r.due
            else "",
        }
        for r in content.recommendations
    ]
    beyond = sum(r.count for r in content.statistics.by_level if r.key == JurisdictionLevel.TRUNG_UONG)
    if content.unit.level == Level.COMMUNE:
        beyond += sum(r.count for r in content.statistics.by_level if r.key == JurisdictionLevel.TINH)
    if beyond:
        out.append(
            pgettext(
                "periodic report",
                "Request %(higher)s to direct the competent agencies to answer the %(n)s opinions and petitions "
                "within the competence of the higher levels.",
            )
            % {"higher": content.identity.higher, "n": count(beyond)}
        )
    if not out:
        out.append(
            pgettext(
                "periodic report",
                "Request %(higher)s to keep guiding and directing the reception of citizens, the dialogues and "
                "the handling of the people's petitions.",
            )
            % {"higher": content.identity.higher}
        )
    return out


def lower_first(text: str) -> str:
    """“Hội nghị …” → “hội nghị …” mid-sentence; a word in capitals (“HĐND”) is kept."""
    if not text:
        return text
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first.isupper():
        return text
    return text[0].lower() + text[1:]


# --------------------------------------------------------------------------- building and producing


def reportable_units(user) -> QuerySet[Unit]:
    """The provinces and communes the person may report for (Capability.REPORT_PRODUCE)."""
    return (
        Unit.objects.filter(
            scope_q(user, Capability.REPORT_PRODUCE),
            level__in=REPORTABLE_LEVELS,
            kind__category=UnitCategory.ADMINISTRATIVE,
            status=UnitStatus.ACTIVE,
        )
        .select_related("kind", "parent")
        .order_by("level", "name_folded")
    )


def report_unit_get_for_user(*, user, pk: int) -> Unit:
    """A province or commune the person may report for: 403 without the capability at
    all, 404 for any other unit. Its Party committee or People's Committee (what the
    search picker also finds) stands for it: they are the bodies that report."""
    if not user_can(user, Capability.REPORT_PRODUCE):
        raise PermissionDenied
    units = reportable_units(user)
    unit = units.filter(pk=pk).first()
    if unit is None:
        body = (
            Unit.objects.filter(pk=pk, kind__code__in=("party_committee", "people_committee"))
            .values_list("parent_id", flat=True)
            .first()
        )
        unit = units.filter(pk=body).first() if body else None
    if unit is None:
        raise Http404
    return unit


@in_vietnamese
def build_report(*, user, unit: Unit, period: ReportPeriod, layout: str | None = None, today=None) -> ReportContent:
    """The report of `unit` for `period`, with the dashboard's figures (unit_statistics)
    and the lists behind them (rows_behind); the person must be allowed to report for it."""
    if not user_can(user, Capability.REPORT_PRODUCE, unit):
        raise PermissionDenied
    today = today or timezone.localdate()
    figures = stats.unit_statistics(unit=unit, start=period.start, end=period.end, today=today)

    def rows(metric: str, key: str = ""):
        return stats.rows_behind(
            user=user, unit=unit, start=period.start, end=period.end, metric=metric, key=key, today=today
        ).queryset

    petitions = rows("petitions")
    repeats, repeat_matters = _repeats(petitions)
    content = ReportContent(
        unit=unit,
        period=period,
        identity=report_identity(unit, layout),
        today=today,
        statistics=figures,
        conferences=_conference_lines(rows("conferences")),
        fields=_field_lines(petitions),
        agencies=_agency_lines(rows("directives"), figures),
        late_items=_late_items(user, unit, period, figures, today),
        repeats=repeats,
        repeat_matters=repeat_matters,
        satisfaction=_satisfaction(unit, period),
        recommendations=_recommendations(unit),
        upcoming=_upcoming(unit, period),
        communes=_communes(unit, period, today) if unit.level == Level.PROVINCE else [],
        strengths=[],
        limitations=[],
        directions=[],
        proposals=[],
    )
    content.strengths = strengths(content)
    content.limitations = limitations(content)
    content.directions = directions(content)
    content.proposals = proposals(content)
    return content


def report_produce(*, actor, content: ReportContent, fmt: str, submission_key: str = "") -> bool:
    """Record that `actor` produced the periodic report of a unit (QĐ 11: the report to the
    higher level). A double click with the same submission key is recorded once; returns
    whether an entry was written."""
    with transaction.atomic():
        # Two clicks at once wait for each other here, so the second sees the first's entry.
        Unit.objects.select_for_update().filter(pk=content.unit.pk).first()
        if (
            submission_key
            and AuditEntry.objects.filter(
                action=AUDIT_ACTION, unit=content.unit, after__submission_key=submission_key
            ).exists()
        ):
            return False
        s = content.statistics
        audit_record(
            actor=actor,
            action=AUDIT_ACTION,
            target=content.unit,
            unit=content.unit,
            after={
                "period": content.period.kind,
                "year": content.period.year,
                "month": content.period.month,
                "start": content.period.start.isoformat(),
                "end": content.period.end.isoformat(),
                "format": fmt,
                "layout": content.identity.layout,
                "conferences_held": s.conferences_held,
                "petitions": s.petitions,
                "answered_on_time": s.answered_on_time,
                "late": s.late,
                "submission_key": submission_key,
            },
        )
    return True


AUDIT_ACTION = "report.produce"


def productions(unit: Unit, limit: int = 10) -> list[AuditEntry]:
    """The unit's last productions of periodic reports (its own audit entries)."""
    return list(AuditEntry.objects.filter(action=AUDIT_ACTION, unit=unit).order_by("-at", "-id")[:limit])
