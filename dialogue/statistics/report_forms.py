"""The choice of a periodic report: unit, kind of period, year (and month), layout."""

from __future__ import annotations

import uuid

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from dialogue.plans.models import DocumentLayout
from dialogue.statistics.reports import FIRST_YEAR, PeriodKind, ReportPeriod, report_period

MSG_MONTH_REQUIRED = pgettext_lazy("periodic report form", "Choose the month of the report.")
MSG_NOT_STARTED = pgettext_lazy(
    "periodic report form", "This reporting period has not started yet (it starts on %(start)s)."
)
MSG_UNIT_REQUIRED = pgettext_lazy("periodic report form", "Choose the province or commune that reports.")

FORMATS = (
    ("docx", pgettext_lazy("periodic report form", "Report (DOCX)")),
    ("xlsx", pgettext_lazy("periodic report form", "Annex of figures (Excel)")),
    ("zip", pgettext_lazy("periodic report form", "Both (ZIP)")),
)
MONTHS = [(m, pgettext_lazy("periodic report form", "Month %(m)s") % {"m": m}) for m in range(1, 13)]


def _years(today) -> list[tuple[int, str]]:
    return [(y, str(y)) for y in range(today.year, FIRST_YEAR - 1, -1)]


class ReportForm(forms.Form):
    """`unit` is a unit id; the view resolves it through the person's scope (404 outside it)."""

    unit = forms.IntegerField(
        label=pgettext_lazy("periodic report form", "Unit that reports"),
        error_messages={"required": MSG_UNIT_REQUIRED, "invalid": MSG_UNIT_REQUIRED},
    )
    period = forms.ChoiceField(
        label=pgettext_lazy("periodic report form", "Report"), choices=PeriodKind.choices, initial=PeriodKind.MONTH
    )
    month = forms.TypedChoiceField(label=_("Month"), choices=MONTHS, coerce=int, required=False, empty_value=None)
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, choices=())
    layout = forms.ChoiceField(
        label=pgettext_lazy("periodic report form", "Document layout"),
        required=False,
        choices=[("", pgettext_lazy("periodic report form", "As the unit's plans (default)")), *DocumentLayout.choices],
    )

    def __init__(self, *args, unit_choices: list[tuple[int, str]] | None = None, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today or timezone.localdate()
        self.fields["year"].choices = _years(self.today)
        if unit_choices is not None:
            self.fields["unit"].widget = forms.Select(choices=unit_choices)
        else:
            # A national role chooses among thousands of units with the search picker.
            self.fields["unit"].widget = forms.HiddenInput()

    def clean(self):
        data = super().clean()
        kind, year, month = data.get("period"), data.get("year"), data.get("month")
        if kind == PeriodKind.MONTH and not month:
            self.add_error("month", MSG_MONTH_REQUIRED)
            return data
        if kind and year:
            period = report_period(kind, year, month)
            if period.start > self.today:
                self.add_error("year", MSG_NOT_STARTED % {"start": f"{period.start:%d/%m/%Y}"})
            else:
                data["report_period"] = period
        return data

    @property
    def report_period(self) -> ReportPeriod | None:
        return self.cleaned_data.get("report_period") if self.is_valid() else None


class ProduceForm(ReportForm):
    """The same choice, posted with the format wanted and a key that makes a double click
    record one production."""

    format = forms.ChoiceField(choices=FORMATS)
    submission_key = forms.UUIDField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("submission_key", uuid.uuid4())
