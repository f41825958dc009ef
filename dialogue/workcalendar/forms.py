from django import forms
from django.utils.translation import gettext_lazy as _

from dialogue.workcalendar.models import ExceptionKind


class CalendarExceptionForm(forms.Form):
    day = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}))
    kind = forms.ChoiceField(label=_("The day becomes"), choices=ExceptionKind.choices)
    reason = forms.CharField(label=_("Reason"), max_length=255, help_text=_("E.g. the decision that swaps the day."))


class WorkingDaysForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}))
    n = forms.IntegerField(label=_("Working days (negative counts back)"), min_value=-2600, max_value=2600)
