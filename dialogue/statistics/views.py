"""The statistics dashboard and the lists behind its figures. Views parse the unit and the
period, call the scoped selectors and render; the charts are drawn in charts.py."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from dialogue.conclusions.models import OPEN_DIRECTIVE_STATUSES
from dialogue.core.routers import statistics_reads
from dialogue.statistics import charts, selectors
from dialogue.statistics.charts import Bar
from dialogue.statistics.forms import PeriodForm, initial_for
from dialogue.statistics.selectors import PeriodBasis, PeriodKind, Statistics

PAGE_SIZE = 50


def _period_from(request) -> tuple[PeriodForm, dict | None]:
    """The form and its cleaned data (None when the input is wrong: the form says why)."""
    if not request.GET:
        form = PeriodForm(initial=initial_for())
        return form, {**initial_for(), "unit": None}
    # A quick period without a year or month takes today's; shown in the form as such.
    query = request.GET.copy()
    today = timezone.localdate()
    query.setdefault("year", str(today.year))
    query.setdefault("month", str(today.month))
    form = PeriodForm(query)
    if not form.is_valid():
        return form, None
    data = form.cleaned_data
    if data["period"] != PeriodKind.CUSTOM:
        # Show the dates the reporting period stands for.
        query["start"], query["end"] = f"{data['start']:%d/%m/%Y}", f"{data['end']:%d/%m/%Y}"
        form = PeriodForm(query)
    return form, data


def _unit_pk(user, data: dict) -> int | None:
    """The unit asked for; without one, the person's default (the whole country for a
    national role)."""
    if data.get("unit") is not None:
        return data["unit"]
    return selectors.default_unit_pk(user)


class Links:
    """Addresses of the lists behind the figures of one unit and period."""

    def __init__(self, unit, start: date, end: date) -> None:
        self.query = urlencode(
            {
                "unit": unit.pk if unit else "",
                "period": PeriodKind.CUSTOM,
                "start": start.strftime("%d/%m/%Y"),
                "end": end.strftime("%d/%m/%Y"),
            }
        )

    def __call__(self, metric: str, key: str = "") -> str:
        url = f"{reverse('statistics:rows', args=[metric])}?{self.query}"
        return f"{url}&{urlencode({'key': key})}" if key else url

    def dashboard(self) -> str:
        return f"{reverse('statistics:dashboard')}?{self.query}"


def _bars(rows, link: Links, tone: str = "") -> list[Bar]:
    return [Bar(r.label, r.count, link(r.metric, r.key), r.share, tone) for r in rows]


def _charts(stats: Statistics, link: Links) -> SimpleNamespace:
    petitions_head = (_("Item"), _("Petitions"), _("Share"))
    answer_parts = [
        Bar(_("Answered on time"), stats.answered_on_time, link("answers", "on_time"), tone="ok"),
        Bar(_("Answered late"), stats.answered_late, link("answers", "late"), tone="warn"),
        Bar(_("Overdue, not answered"), stats.answers_overdue, link("answers", "overdue"), tone="off"),
        Bar(_("Not yet due"), stats.answers_pending, link("answers", "pending"), tone="muted"),
    ]
    late_top = list(stats.late_by_unit[:10])
    return SimpleNamespace(
        months=charts.column_chart(
            chart_id="chart-months",
            title=_("Petitions received by month")
            if not stats.by_month or stats.by_month[0].metric == "month"
            else _("Petitions received by year"),
            bars=[Bar(b.label, b.count, link(b.metric, b.key)) for b in stats.by_month],
            head=(_("Month"), _("Petitions"), ""),
        ),
        field=charts.bar_chart(
            chart_id="chart-field", title=_("By field"), bars=_bars(stats.by_field, link), head=petitions_head
        ),
        level=charts.bar_chart(
            chart_id="chart-level", title=_("By jurisdiction"), bars=_bars(stats.by_level, link), head=petitions_head
        ),
        channel=charts.bar_chart(
            chart_id="chart-channel", title=_("By channel"), bars=_bars(stats.by_channel, link), head=petitions_head
        ),
        status=charts.bar_chart(
            chart_id="chart-status", title=_("By status"), bars=_bars(stats.by_status, link), head=petitions_head
        ),
        answers=charts.stacked_bar(
            chart_id="chart-answers", title=_("Written answers due in the period"), parts=answer_parts
        ),
        directives=charts.bar_chart(
            chart_id="chart-directives",
            title=_("Directives by status"),
            bars=_bars(stats.directives_by_status, link),
            head=(_("Status"), _("Directives"), _("Share")),
        ),
        late=charts.bar_chart(
            chart_id="chart-late",
            title=_("Late items by the unit that must act"),
            bars=[Bar(r.unit_name, r.total, "", None, "off") for r in late_top],
            head=(_("Unit"), _("Late"), ""),
        )
        if late_top
        else None,
    )


# The late-by-unit table shows the units with most late items first, this many unless all
# are asked for (`?late=all`): for the whole country thousands of units have some, and the
# page grew to megabytes (bench/national.py).
LATE_ROWS_SHOWN = 30


def _figures(stats: Statistics, link: Links, *, all_late: bool = False) -> SimpleNamespace:
    """The headline figures with their lists."""
    late_rows = stats.late_by_unit if all_late else stats.late_by_unit[:LATE_ROWS_SHOWN]
    return SimpleNamespace(
        conferences=link("conferences"),
        conferences_held=link("conferences", "held"),
        participants=link("participants"),
        interventions=link("interventions"),
        petitions=link("petitions"),
        repeats=link("petitions", "repeat"),
        answered_petitions=link("petitions", "answered"),
        resolved_petitions=link("petitions", "resolved"),
        answers_due=link("answers", "due"),
        on_time=link("answers", "on_time"),
        groups_resolved=link("groups_resolved"),
        directives_resolved=link("directives_resolved"),
        directives=link("directives"),
        late_directives=link("late_directives"),
        late_answers=link("late_answers"),
        late_resolution=link("late_resolution"),
        late_rows=[
            SimpleNamespace(
                row=r,
                directives=link("late_directives", r.key),
                answers=link("late_answers", r.key),
                resolution=link("late_resolution", r.key),
            )
            for r in late_rows
        ],
        late_hidden=len(stats.late_by_unit) - len(late_rows),
    )


def _quick_periods(unit, data: dict) -> list[dict]:
    """One-click reporting periods of the chosen year, in the chosen basis."""
    today = timezone.localdate()
    year = data.get("year") or today.year
    basis = data.get("basis") or PeriodBasis.CUTOFF
    month = data.get("month") or (today.month if year == today.year else 12)
    out = []
    for kind, label in PeriodKind.choices:
        if kind == PeriodKind.CUSTOM:
            continue
        params = {"unit": unit.pk if unit else "", "period": kind, "year": year, "basis": basis}
        if kind == PeriodKind.MONTH:
            params["month"] = month
            label = _("Month %(m)s/%(y)s") % {"m": month, "y": year}
        else:
            label = f"{label} {year}"
        start, end = selectors.period_bounds(kind, year=year, month=month, basis=basis)
        out.append(
            {
                "label": label,
                "url": f"{reverse('statistics:dashboard')}?{urlencode(params)}",
                "current": data.get("period") == kind and data.get("start") == start and data.get("end") == end,
                "range": f"{start:%d/%m/%Y} – {end:%d/%m/%Y}",
            }
        )
    return out


@login_required
@statistics_reads
def dashboard(request):
    user = request.user
    if not selectors.can_view_statistics(user):
        raise PermissionDenied
    form, data = _period_from(request)
    context = {"form": form}
    if data is None:
        # Wrong dates: the form says why; the picker keeps the unit asked for (in scope).
        try:
            current = selectors.statistics_unit_for_user(user=user, unit_pk=_unit_pk(user, form.cleaned_data))
        except (Http404, PermissionDenied):
            current = None
        context.update(unit=current, choices=selectors.statistics_unit_choices(user=user, current=current))
        return render(request, "statistics/dashboard.html", context, status=400)
    stats = selectors.statistics_for_user(user=user, unit_pk=_unit_pk(user, data), start=data["start"], end=data["end"])
    unit = stats.unit
    link = Links(unit, stats.start, stats.end)
    context.update(
        unit=unit,
        stats=stats,
        links=_figures(stats, link, all_late=request.GET.get("late") == "all"),
        charts=_charts(stats, link),
        text=SimpleNamespace(
            on_time_share=charts.percent(stats.on_time_share),
            repeat_rate=charts.percent(stats.repeat_rate),
            avg_answer="—" if stats.avg_days_to_answer is None else charts.number(stats.avg_days_to_answer, 1),
            avg_resolve="—" if stats.avg_days_to_resolve is None else charts.number(stats.avg_days_to_resolve, 1),
        ),
        choices=selectors.statistics_unit_choices(user=user, current=unit),
        quick=_quick_periods(unit, data),
        today=timezone.localdate(),
    )
    return render(request, "statistics/dashboard.html", context)


@login_required
@statistics_reads
def rows(request, metric: str):
    """The petitions, groups, directives, conferences, participants or interventions that
    one figure counts, paginated."""
    user = request.user
    if not selectors.can_view_statistics(user):
        raise PermissionDenied
    form = PeriodForm(request.GET)
    if not form.is_valid():
        return render(request, "statistics/rows.html", {"form": form, "metric": metric}, status=400)
    data = form.cleaned_data
    unit = selectors.statistics_unit_for_user(user=user, unit_pk=_unit_pk(user, data))
    key = request.GET.get("key", "")
    result = selectors.rows_behind(user=user, unit=unit, start=data["start"], end=data["end"], metric=metric, key=key)
    page = Paginator(result.queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    link = Links(unit, data["start"], data["end"])
    context = {
        "form": form,
        "metric": metric,
        "unit": unit,
        "start": data["start"],
        "end": data["end"],
        "rows": result,
        "page": page,
        "back": link.dashboard(),
        "today": timezone.localdate(),
        "open_statuses": OPEN_DIRECTIVE_STATUSES,
    }
    return render(request, "statistics/rows.html", context)
