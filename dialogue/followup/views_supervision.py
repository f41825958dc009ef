"""Supervision lists and the chair's overview: read-only pages (GET only; any other
method is refused with 405). Views parse the filters, call one selector and render."""

from __future__ import annotations

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_safe

from dialogue.followup import selectors_supervision as selectors
from dialogue.followup.forms_supervision import SupervisionFilterForm, YearForm
from dialogue.organisation.roles import Capability
from dialogue.organisation.selectors import active_roles, scope_paths

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PAGE_SIZE = 50


def _require_supervise(user) -> None:
    if not selectors.can_supervise(user):
        raise PermissionDenied


def _scope_label(user) -> str:
    """The units the person supervises, for the page and the export's heading."""
    paths = scope_paths(user, Capability.FOLLOWUP_SUPERVISE)
    if paths is None:
        return _("the whole country")
    names = sorted(
        {a.unit.name for a in active_roles(user) if a.unit_id and a.unit.path in paths},
    )
    return "; ".join(names)


def _filtered(request):
    choices = selectors.supervision_choices(user=request.user)
    form = SupervisionFilterForm(request.GET or None, choices=choices)
    filters = form.filters()
    return form, filters, selectors.supervision_rows(user=request.user, filters=filters)


# ---------------------------------------------------------------- the list


@login_required
@require_safe
def supervision_list(request):
    _require_supervise(request.user)
    form, filters, rows = _filtered(request)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    tabs = query.copy()
    tabs.pop("state", None)
    context = {
        "form": form,
        "filters": filters,
        "page": page,
        "total": len(rows),
        "late_total": sum(1 for r in rows if r.late_by),
        "directive_total": sum(1 for r in rows if r.kind == selectors.KIND_DIRECTIVE),
        "counts": selectors.supervision_counts(user=request.user),
        "querystring": query.urlencode(),
        "tab_query": tabs.urlencode(),
        "scope_label": _scope_label(request.user),
        "today": timezone.localdate(),
    }
    return render(request, "followup/supervision/list.html", context)


def _filter_description(form: SupervisionFilterForm) -> str:
    """The filters as words, printed above the exported table."""
    if not form.is_bound:
        return ""
    parts = []
    for name in ("state", "kind", "unit", "conference", "field", "status"):
        value = form.cleaned_data.get(name) if hasattr(form, "cleaned_data") else None
        if value in (None, ""):
            continue
        label = dict(form.fields[name].choices).get(value, value)
        parts.append(f"{form.fields[name].label}: {label}")
    query = form.cleaned_data.get("q") if hasattr(form, "cleaned_data") else ""
    if query:
        parts.append(f"{form.fields['q'].label}: “{query}”")
    return "; ".join(str(p) for p in parts)


def supervision_workbook(rows, *, scope: str, filters: str, today) -> bytes:
    """The list as an Excel sheet, in Vietnamese whatever the page's language."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    with translation.override("vi"):
        wb = Workbook()
        ws = wb.active
        ws.title = _("Supervision")[:31]
        headers = [
            (_("No."), 6),
            (_("Kind"), 14),
            (_("Matter"), 60),
            (_("Conclusion notice"), 18),
            (_("Notice date"), 12),
            (_("Conference"), 40),
            (_("Unit that must act"), 30),
            (_("Supporting units"), 30),
            (pgettext("petition", "Field"), 18),
            (_("Due"), 12),
            (_("Working days late"), 12),
            (_("Status"), 22),
            (_("Last progress update"), 14),
        ]
        last_col = get_column_letter(len(headers))
        ws.merge_cells(f"A1:{last_col}1")
        ws["A1"] = _("LATE AND UNRESOLVED DIRECTIVES AND PETITIONS")
        ws["A1"].font = Font(bold=True, size=14)
        ws["A1"].alignment = Alignment(horizontal="center")
        ws.merge_cells(f"A2:{last_col}2")
        ws["A2"] = _("Units supervised: %(scope)s. Exported on %(date)s.") % {
            "scope": scope,
            "date": today.strftime("%d/%m/%Y"),
        }
        ws.merge_cells(f"A3:{last_col}3")
        ws["A3"] = (_("Filters: %(filters)s.") % {"filters": filters}) if filters else ""
        for cell in ("A2", "A3"):
            ws[cell].font = Font(italic=True)
        header_row = 5
        thin = Side(style="thin", color="999999")
        border = Border(left=thin, right=thin, top=thin, bottom=thin)
        for col, (title, width) in enumerate(headers, start=1):
            cell = ws.cell(row=header_row, column=col, value=title)
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="F0F3F6")
            cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
            cell.border = border
            ws.column_dimensions[get_column_letter(col)].width = width
        kinds = {selectors.KIND_DIRECTIVE: _("Directive"), selectors.KIND_GROUP: _("Petition group")}
        tz = timezone.get_current_timezone()
        for number, row in enumerate(rows, start=1):
            conclusion = row.conclusion
            last = row.last_update_at.astimezone(tz).date() if row.last_update_at else None
            values = [
                number,
                kinds[row.kind],
                row.matter,
                conclusion.number_label if conclusion else "",
                conclusion.issued_on if conclusion else None,
                row.conference.title if row.conference else "",
                row.lead_unit.name if row.lead_unit else "",
                "; ".join(row.supporting),
                row.field_name,
                row.due_date,
                row.late_by or None,
                row.status_label,
                last,
            ]
            r = header_row + number
            for col, value in enumerate(values, start=1):
                cell = ws.cell(row=r, column=col, value=value)
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                cell.border = border
                if col in (5, 10, 13) and value:
                    cell.number_format = "DD/MM/YYYY"
            if row.late_by:
                ws.cell(row=r, column=11).font = Font(bold=True, color="A3231F")
        ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
        ws.print_title_rows = f"{header_row}:{header_row}"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        out = io.BytesIO()
        wb.save(out)
        return out.getvalue()


@login_required
@require_safe
def supervision_export(request):
    _require_supervise(request.user)
    form, _filters, rows = _filtered(request)
    today = timezone.localdate()
    content = supervision_workbook(
        rows, scope=_scope_label(request.user), filters=_filter_description(form), today=today
    )
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="giam-sat-{today:%Y%m%d}.xlsx"'
    return response


# ---------------------------------------------------------------- one matter


@login_required
@require_safe
def supervision_directive(request, pk: int):
    _require_supervise(request.user)
    directive = selectors.directive_get_for_supervisor(user=request.user, pk=pk)
    late_by, due_in = selectors.lateness_of(directive.due_date, directive.status)
    context = {
        "directive": directive,
        "conclusion": directive.conclusion,
        "conference": directive.conclusion.conference,
        "late_by": late_by,
        "due_in": due_in,
        "history": selectors.directive_history(directive),
        "notice_visible": selectors.notice_visible(request.user, directive.conclusion),
    }
    return render(request, "followup/supervision/directive.html", context)


@login_required
@require_safe
def supervision_group(request, pk: int):
    _require_supervise(request.user)
    group = selectors.group_get_for_supervisor(user=request.user, pk=pk)
    late_by, due_in = selectors.lateness_of(group.resolve_due, group.followup_status)
    context = {
        "group": group,
        "conference": group.conference,
        "late_by": late_by,
        "due_in": due_in,
        "history": selectors.group_history(group),
    }
    return render(request, "followup/supervision/group.html", context)


# ---------------------------------------------------------------- the chair


@login_required
@require_safe
def chair_overview(request):
    if not selectors.is_chair(request.user):
        raise PermissionDenied
    years = selectors.chair_years(user=request.user)
    form = YearForm(request.GET or None, years=years)
    this_year = timezone.localdate().year
    if form.is_bound and not form.is_valid():
        messages.error(request, _("Choose one of the years in the list."))
    year = form.chosen_year(this_year)
    overview = selectors.chair_overview(user=request.user, year=year)
    context = {"form": form, "overview": overview, "year": year, "today": timezone.localdate()}
    return render(request, "followup/supervision/chair.html", context)
