"""Filters of the supervision list and the year of the chair's overview (GET forms only)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from dialogue.conclusions.models import DirectiveStatus
from dialogue.followup.selectors_supervision import (
    KIND_DIRECTIVE,
    KIND_GROUP,
    OPEN_STATUSES,
    SORT_LATE,
    SORT_STALE,
    STATE_LATE,
    STATE_OPEN,
    FilterChoices,
    SupervisionFilters,
)
from dialogue.petitions.models import Field

ALL = ("", _("All"))


class SupervisionFilterForm(forms.Form):
    state = forms.ChoiceField(
        label=_("Show"),
        choices=[(STATE_LATE, _("Late only")), (STATE_OPEN, _("All unresolved"))],
        required=False,
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[ALL, (KIND_DIRECTIVE, _("Directives")), (KIND_GROUP, _("Petition groups"))],
        required=False,
    )
    unit = forms.TypedChoiceField(label=_("Responsible unit"), coerce=int, empty_value=None, required=False)
    conference = forms.TypedChoiceField(label=_("Conference"), coerce=int, empty_value=None, required=False)
    field = forms.ChoiceField(label=pgettext_lazy("petition", "Field"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    q = forms.CharField(label=_("Search"), max_length=200, required=False)
    sort = forms.ChoiceField(
        label=_("Order"),
        choices=[(SORT_LATE, _("Most late first")), (SORT_STALE, _("Longest without an update first"))],
        required=False,
    )

    def __init__(self, *args, choices: FilterChoices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [ALL, *choices.units]
        self.fields["conference"].choices = [ALL, *choices.conferences]
        self.fields["field"].choices = [ALL, *((f.code, f.name) for f in Field.objects.filter(is_active=True))]
        labels = dict(DirectiveStatus.choices)
        self.fields["status"].choices = [ALL, *((s, labels[s]) for s in OPEN_STATUSES)]

    def filters(self) -> SupervisionFilters:
        """What the person asked for; a field with a wrong value is left out (and its
        error shown on the form), so the page never fails on a hand-edited address."""
        if not self.is_bound:
            return SupervisionFilters()
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return SupervisionFilters(
            state=data.get("state") or STATE_LATE,
            kind=data.get("kind") or "",
            unit=data.get("unit"),
            conference=data.get("conference"),
            field=data.get("field") or "",
            status=data.get("status") or "",
            query=(data.get("q") or "").strip(),
            sort=data.get("sort") or SORT_LATE,
        )


class YearForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(y, str(y)) for y in years]

    def chosen_year(self, default: int) -> int:
        if self.is_bound and self.is_valid() and self.cleaned_data.get("year"):
            return self.cleaned_data["year"]
        return default
