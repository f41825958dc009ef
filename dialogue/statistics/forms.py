"""The dashboard's choice of unit and period, from the query string."""

from __future__ import annotations

from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from dialogue.plans.forms import DATE_INPUT
from dialogue.statistics.selectors import PeriodBasis, PeriodKind, default_period, period_bounds

MSG_DATES_REQUIRED = _("Enter the first and the last day of the period (dd/mm/yyyy).")
MSG_PERIOD_REVERSED = _("The period ends before it starts.")
MSG_MONTH_REQUIRED = _("Choose the month.")
MSG_UNIT_INVALID = _("Choose a unit from the list.")
MSG_TOO_LONG = _("Choose a period of at most 20 years.")

MONTHS = [(m, _("Month %(m)s") % {"m": m}) for m in range(1, 13)]


class PeriodForm(forms.Form):
    """unit (empty: the default unit or the whole country), a quick reporting period of a
    year, or two dates. A quick period wins over typed dates."""

    unit = forms.CharField(required=False, label=_("Unit"))
    period = forms.ChoiceField(label=_("Period"), choices=PeriodKind.choices, required=False)
    month = forms.TypedChoiceField(label=_("Month"), choices=MONTHS, coerce=int, required=False, empty_value=None)
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100, required=False)
    basis = forms.ChoiceField(label=_("Periods counted"), choices=PeriodBasis.choices, required=False)
    start = forms.DateField(label=pgettext_lazy("period", "From"), widget=DATE_INPUT, required=False)
    end = forms.DateField(label=pgettext_lazy("period", "To"), widget=DATE_INPUT, required=False)

    def clean_unit(self) -> int | None:
        value = (self.cleaned_data.get("unit") or "").strip()
        if not value:
            return None
        try:
            return int(value)
        except ValueError:
            raise forms.ValidationError(MSG_UNIT_INVALID) from None

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        kind = data.get("period") or PeriodKind.CUSTOM
        data["period"] = kind
        data["basis"] = data.get("basis") or PeriodBasis.CUTOFF
        if kind == PeriodKind.CUSTOM:
            start, end = data.get("start"), data.get("end")
            if start is None and end is None and not self.data.get("start") and not self.data.get("end"):
                start, end = default_period()
            if start is None or end is None:
                raise forms.ValidationError(MSG_DATES_REQUIRED)
        else:
            year = data.get("year") or timezone.localdate().year
            if kind == PeriodKind.MONTH and not data.get("month"):
                self.add_error("month", MSG_MONTH_REQUIRED)
                return data
            start, end = period_bounds(kind, year=year, month=data.get("month"), basis=data["basis"])
            data["year"] = year
        if start > end:
            self.add_error("end", MSG_PERIOD_REVERSED)
            return data
        if (end - start).days > 20 * 366:
            self.add_error("start", MSG_TOO_LONG)
            return data
        data["start"], data["end"] = start, end
        return data


def initial_for(today: date | None = None) -> dict:
    today = today or timezone.localdate()
    start, end = default_period(today)
    return {
        "period": PeriodKind.CUSTOM,
        "year": today.year,
        "month": today.month,
        "basis": PeriodBasis.CUTOFF,
        "start": start,
        "end": end,
    }
