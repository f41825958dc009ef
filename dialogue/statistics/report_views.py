"""The page that produces a unit's periodic report (QĐ 11) in one click: choose the unit
and the period, see the main figures, download the report, its annex or both."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from dialogue.core.routers import statistics_reads
from dialogue.organisation.models import Level
from dialogue.organisation.roles import Capability
from dialogue.organisation.selectors import scope_paths, user_can
from dialogue.plans.documents import content_disposition
from dialogue.statistics import report_documents, reports
from dialogue.statistics.report_forms import ProduceForm, ReportForm
from dialogue.statistics.selectors import unit_statistics


def _unit_choices(user) -> list[tuple[int, str]] | None:
    """Provinces with their communes indented under them; None for a national role (picker)."""
    if scope_paths(user, Capability.REPORT_PRODUCE) is None:
        return None
    units = list(reports.reportable_units(user))
    provinces = {u.pk for u in units if u.level == Level.PROVINCE}

    def key(unit):
        province = (
            unit.pk
            if unit.level == Level.PROVINCE
            else next((int(p) for p in unit.path.strip("/").split("/") if int(p) in provinces), 0)
        )
        return (province, unit.level != Level.PROVINCE, unit.name_folded)

    indent = "\u00a0" * 4
    return [
        (u.pk, u.name if u.level == Level.PROVINCE or not provinces else indent + u.name)
        for u in sorted(units, key=key)
    ]


def _initial(unit_choices, today) -> dict:
    latest = reports.latest_period(reports.PeriodKind.MONTH, today)
    initial = {"period": reports.PeriodKind.MONTH, "year": latest.year, "month": latest.month}
    if unit_choices:
        initial["unit"] = unit_choices[0][0]
    return initial


def _page(request, form: ReportForm, *, unit_choices, status: int = 200, produce: ProduceForm | None = None):
    user = request.user
    unit = figures = period = None
    if form.is_valid():
        unit = reports.report_unit_get_for_user(user=user, pk=form.cleaned_data["unit"])
        period = form.report_period
        figures = unit_statistics(unit=unit, start=period.start, end=period.end, today=form.today)
        if produce is None:
            values = {name: form.cleaned_data.get(name) for name in ("unit", "period", "year", "month", "layout")}
            produce = ProduceForm(initial=values, unit_choices=unit_choices, today=form.today)
    context = {
        "form": form,
        "produce": produce,
        "unit": unit,
        "period": period,
        "figures": figures,
        "today": form.today,
        "due": period.due_date(unit.level) if period else None,
        "running": period.is_running(form.today) if period else False,
        "identity": reports.report_identity(unit, form.cleaned_data.get("layout") or None) if unit else None,
        "productions": reports.productions(unit) if unit else [],
        "national": unit_choices is None,
        "picker_unit": unit,
    }
    return render(request, "statistics/reports.html", context, status=status)


@login_required
@statistics_reads
def report_page(request):
    """GET: choose and preview; POST: produce the file (recorded in the audit log)."""
    user = request.user
    if not user_can(user, Capability.REPORT_PRODUCE):
        raise PermissionDenied
    today = timezone.localdate()
    unit_choices = _unit_choices(user)
    if request.method == "POST":
        produce = ProduceForm(request.POST, unit_choices=unit_choices, today=today)
        if not produce.is_valid():
            return _page(request, produce, unit_choices=unit_choices, status=400, produce=produce)
        unit = reports.report_unit_get_for_user(user=user, pk=produce.cleaned_data["unit"])
        content = reports.build_report(
            user=user,
            unit=unit,
            period=produce.report_period,
            layout=produce.cleaned_data.get("layout") or None,
            today=today,
        )
        fmt = produce.cleaned_data["format"]
        data, content_type, name = report_documents.report_files(content, fmt)
        key = produce.cleaned_data.get("submission_key")
        reports.report_produce(actor=user, content=content, fmt=fmt, submission_key=str(key) if key else "")
        response = HttpResponse(data, content_type=content_type)
        response["Content-Disposition"] = content_disposition(name)
        response["X-Content-Type-Options"] = "nosniff"
        return response
    if "unit" in request.GET or "period" in request.GET:
        form = ReportForm(request.GET, unit_choices=unit_choices, today=today)
    else:
        initial = _initial(unit_choices, today)
        form = ReportForm(initial, unit_choices=unit_choices, today=today) if "unit" in initial else None
        if form is None:
            form = ReportForm(initial=initial, unit_choices=unit_choices, today=today)
    return _page(request, form, unit_choices=unit_choices)
