"""Forms of the recommendations to the higher level; they parse input only, the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from dialogue.petitions.forms import MultipleFileField
from dialogue.plans.forms import DATE_INPUT


class HigherUnitChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class EscalationForm(forms.Form):
    submission_key = forms.UUIDField(widget=forms.HiddenInput)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    to_unit = HigherUnitChoice(
        label=_("Higher unit"),
        queryset=None,
        empty_label=_("— choose —"),
        help_text=_("A body of the province above the unit that owns the matter, or a central body."),
    )
    request_text = forms.CharField(
        label=_("Recommendation"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "What is beyond the unit's competence, what was done so far and what the higher level is asked to do."
        ),
    )
    due_date = forms.DateField(label=_("Answer due"), widget=DATE_INPUT, required=False)

    def __init__(self, *args, targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_unit"].queryset = targets


class EscalationAnswerForm(forms.Form):
    submission_key = forms.UUIDField(widget=forms.HiddenInput)
    version = forms.IntegerField(widget=forms.HiddenInput)
    answer_text = forms.CharField(
        label=_("Answer"),
        widget=forms.Textarea(attrs={"rows": 7}),
        help_text=_("The answer goes back to the unit that owns the matter for review, and to the petitioners."),
    )
    files = MultipleFileField(
        label=_("Documents (decisions, letters, photos)"),
        required=False,
        help_text=_("PDF, Word, Excel or pictures, up to 20 MB each."),
    )


class EscalationReturnForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Why the matter is returned"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For example: the matter is within the lower level's competence, or it belongs to another unit."),
    )
