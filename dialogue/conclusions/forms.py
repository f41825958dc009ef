"""Forms of the conclusion notice pages; they parse input only, the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from dialogue.organisation.models import Unit
from dialogue.plans.forms import DATE_INPUT


def _area(rows: int = 4):
    return forms.Textarea(attrs={"rows": rows})


class UnitSelect(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class UnitMultiSelect(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class ConclusionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    issuer_parent_line = forms.CharField(label=_("Higher body line"), max_length=200, required=False)
    issuer_line = forms.CharField(label=_("Issuing body line"), max_length=200)
    symbol = forms.CharField(label=_("Symbol"), max_length=40, help_text=_("E.g. “TB/ĐU” or “TB-UBND”."))
    place = forms.CharField(label=_("Place"), max_length=100)
    due_date = forms.DateField(label=_("Notice due"), widget=DATE_INPUT)
    title = forms.CharField(label=_("Title (summary)"), widget=_area(2))
    opening = forms.CharField(label=_("Opening"), widget=_area(4), required=False)
    answered = forms.CharField(
        label=_("What was answered"), widget=_area(6), required=False, help_text=_("One matter per line.")
    )
    settled = forms.CharField(
        label=_("What was settled at the conference"),
        widget=_area(6),
        required=False,
        help_text=_("One matter per line."),
    )
    directives_intro = forms.CharField(label=_("Introduction to the directives"), widget=_area(2), required=False)
    closing = forms.CharField(label=_("Closing"), widget=_area(3), required=False)
    signing_authority = forms.CharField(label=_("Signing authority"), max_length=120, required=False)
    signer_title = forms.CharField(label=_("Signer's title"), max_length=120, required=False)
    signer_name = forms.CharField(label=_("Signer's name"), max_length=150, required=False)
    recipients = forms.CharField(
        label=_("Recipients (Nơi nhận)"), widget=_area(6), required=False, help_text=_("One recipient per line.")
    )


class DirectiveForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    matter = forms.CharField(label=_("Matter"), widget=_area(3))
    lead_unit = UnitSelect(label=_("Unit that must act"), queryset=Unit.objects.none())
    supporting_units = UnitMultiSelect(
        label=_("Supporting units"),
        queryset=Unit.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Hold Ctrl (or ⌘) to choose several."),
    )
    expected_result = forms.CharField(label=_("Expected result"), widget=_area(3), required=False)
    due_date = forms.DateField(label=_("Due date"), widget=DATE_INPUT)

    def __init__(self, *args, unit_queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_unit"].queryset = unit_queryset
        self.fields["supporting_units"].queryset = unit_queryset


class IssueForm(forms.Form):
    issued_on = forms.DateField(label=_("Date of issue"), widget=DATE_INPUT)
    number = forms.IntegerField(
        label=_("Number"),
        min_value=1,
        required=False,
        help_text=_("Leave empty to take the next free number of the unit for that year."),
    )


class PolicyForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    notice_working_days = forms.IntegerField(
        label=_("Conclusion notice due (working days after the conference)"), min_value=1, max_value=60
    )
    directive_working_days = forms.IntegerField(
        label=_("Suggested time for a directive (working days after the conference)"), min_value=1, max_value=60
    )
    publication_days = forms.IntegerField(
        label=_("Results published within (days after the conference)"),
        min_value=1,
        max_value=60,
        help_text=_("Law 72/2025/QH15, art. 43: a commune publishes the results within 10 days."),
    )
