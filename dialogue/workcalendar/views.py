from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dialogue.core.errors import ServiceError
from dialogue.organisation.roles import Capability
from dialogue.organisation.selectors import scope_paths
from dialogue.workcalendar import services
from dialogue.workcalendar.forms import CalendarExceptionForm, WorkingDaysForm
from dialogue.workcalendar.models import CalendarException
from dialogue.workcalendar.selectors import add_working_days, month_grid, year_overview


def _can_manage(user) -> bool:
    return scope_paths(user, Capability.CALENDAR_MANAGE) is None


@login_required
def year(request, year: int | None = None):
    today = timezone.localdate()
    year = year or today.year
    if not 1900 < year < 2100:
        raise PermissionDenied
    calc_form = WorkingDaysForm(request.GET or None)
    result = None
    if calc_form.is_bound and calc_form.is_valid():
        result = add_working_days(calc_form.cleaned_data["start"], calc_form.cleaned_data["n"])
    can_manage = _can_manage(request.user)
    return render(
        request,
        "workcalendar/year.html",
        {
            "year": year,
            "today": today,
            "rows": year_overview(year),
            "months": [(date(year, m, 1), month_grid(year, m)) for m in range(1, 13)],
            "calc_form": calc_form,
            "result": result,
            "can_manage": can_manage,
            "exception_form": CalendarExceptionForm() if can_manage else None,
        },
    )


@login_required
@require_POST
def exception_create(request):
    if not _can_manage(request.user):
        raise PermissionDenied
    form = CalendarExceptionForm(request.POST)
    target_year = timezone.localdate().year
    if form.is_valid():
        target_year = form.cleaned_data["day"].year
        try:
            services.calendar_exception_create(
                actor=request.user,
                day=form.cleaned_data["day"],
                kind=form.cleaned_data["kind"],
                reason=form.cleaned_data["reason"],
            )
        except ServiceError as error:
            messages.error(request, str(error.message))
        else:
            messages.success(request, _("The calendar exception was saved; deadlines use it from now on."))
    else:
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            for error in errors:
                messages.error(request, f"{label}: {error}" if label else error)
    return redirect("workcalendar:year_of", year=target_year)


@login_required
@require_POST
def exception_delete(request, pk: int):
    if not _can_manage(request.user):
        raise PermissionDenied
    exception = get_object_or_404(CalendarException, pk=pk)
    target_year = exception.date.year
    services.calendar_exception_delete(actor=request.user, exception=exception)
    messages.success(request, _("The calendar exception was deleted."))
    return redirect("workcalendar:year_of", year=target_year)
