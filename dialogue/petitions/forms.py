"""Forms only parse input; the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from dialogue.organisation.forms import UnitChoiceField
from dialogue.organisation.models import Unit
from dialogue.petitions.models import (
    AckKind,
    AnswerMode,
    Channel,
    Field,
    GroupStatus,
    JurisdictionLevel,
    PetitionStatus,
)
from dialogue.plans.forms import DATE_INPUT

FIELD_LABEL = pgettext_lazy("petition", "Field")
EMPTY = _("— choose —")
INTAKE_CHANNELS = [c for c in Channel.choices if c[0] != Channel.ONLINE]


class PetitionForm(forms.Form):
    """The two paper forms of seed 000 as one screen: citizens, or agencies, units and
    Party members."""

    receiving_unit = UnitChoiceField(label=_("Receiving unit"), queryset=Unit.objects.none(), widget=forms.HiddenInput)
    channel = forms.ChoiceField(label=_("Channel"), choices=INTAKE_CHANNELS)
    name = forms.CharField(label=_("Full name"), max_length=200, required=False)
    organisation = forms.CharField(label=_("Organisation (or person)"), max_length=300, required=False)
    position = forms.CharField(label=_("Position, unit"), max_length=300, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    address = forms.CharField(label=_("Contact address"), max_length=300, required=False)
    content = forms.CharField(
        label=_("Content of the opinion or petition"), widget=forms.Textarea(attrs={"rows": 8}), max_length=5000
    )
    received_on = forms.DateField(label=_("Received on"), widget=DATE_INPUT, required=False)
    submission_key = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, unit_queryset, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["receiving_unit"].queryset = unit_queryset
        if kind == "organisation":
            del self.fields["address"]
            self.fields["name"].label = _("Person who signs")
            self.fields["channel"].initial = Channel.PAPER_ORGANISATION
        else:
            del self.fields["organisation"]
            del self.fields["position"]
            self.fields["channel"].initial = Channel.PAPER_CITIZEN


class PetitionEditForm(forms.Form):
    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices)
    name = forms.CharField(label=_("Full name"), max_length=200, required=False)
    organisation = forms.CharField(label=_("Organisation (or person)"), max_length=300, required=False)
    position = forms.CharField(label=_("Position, unit"), max_length=300, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    address = forms.CharField(label=_("Contact address"), max_length=300, required=False)
    content = forms.CharField(label=_("Content"), widget=forms.Textarea(attrs={"rows": 8}), max_length=5000)
    received_on = forms.DateField(label=_("Received on"), widget=DATE_INPUT)
    version = forms.IntegerField(widget=forms.HiddenInput)


class TriageForm(forms.Form):
    field = forms.ModelChoiceField(label=FIELD_LABEL, queryset=Field.objects.filter(is_active=True), empty_label=EMPTY)
    level = forms.ChoiceField(label=_("Jurisdiction"), choices=JurisdictionLevel.choices)
    competent_unit = forms.ModelChoiceField(
        label=_("Competent unit"), queryset=Unit.objects.none(), required=False, empty_label=EMPTY
    )

    def __init__(self, *args, unit_queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["competent_unit"].queryset = unit_queryset


class ForwardForm(forms.Form):
    competent_unit = forms.ModelChoiceField(label=_("Forward to"), queryset=Unit.objects.none(), empty_label=EMPTY)

    def __init__(self, *args, unit_queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["competent_unit"].queryset = unit_queryset


class AckForm(forms.Form):
    kind = forms.ChoiceField(label=_("The petitioner was told it was"), choices=AckKind.choices)
    on_date = forms.DateField(label=_("On"), widget=DATE_INPUT, required=False)


class GroupForm(forms.Form):
    summary = forms.CharField(label=_("Summarised opinion"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000)
    field = forms.ModelChoiceField(
        label=FIELD_LABEL, queryset=Field.objects.filter(is_active=True), required=False, empty_label=EMPTY
    )
    level = forms.ChoiceField(label=_("Jurisdiction"), choices=[("", "—"), *JurisdictionLevel.choices], required=False)


class AssignForm(forms.Form):
    lead_unit = forms.ModelChoiceField(
        label=_("Lead agency (chủ trì)"), queryset=Unit.objects.none(), empty_label=EMPTY
    )
    supporting_units = forms.ModelMultipleChoiceField(
        label=_("Supporting agencies (phối hợp)"), queryset=Unit.objects.none(), required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}), help_text=_("Hold Ctrl (or ⌘) to choose several."),
    )  # fmt: skip
    due_date = forms.DateField(
        label=_("Answer due"),
        widget=DATE_INPUT,
        required=False,
        help_text=_("Leave empty to take the conference timeline's deadline for agencies' answers."),
    )

    def __init__(self, *args, unit_queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_unit"].queryset = unit_queryset
        self.fields["supporting_units"].queryset = unit_queryset


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class AnswerForm(forms.Form):
    text = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 8}))
    answered_on = forms.DateField(
        label=_("Date of the answer"),
        required=False,
        widget=DATE_INPUT,
        help_text=_("The date of the agency's written answer, if it was sent before today; leave empty for today."),
    )
    files = MultipleFileField(
        label=_("Evidence (documents, photos)"),
        required=False,
        help_text=_("PDF, Word, Excel or pictures, up to 20 MB each."),
    )


class ContributionForm(forms.Form):
    text = forms.CharField(label=_("Contribution"), widget=forms.Textarea(attrs={"rows": 4}))


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=[("approve", _("Approve")), ("return", _("Return for revision"))]
    )
    comment = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    followup_until = forms.DateField(
        label=_("Needs follow-up until (empty: the answer settles the matter)"), widget=DATE_INPUT, required=False
    )


class AnswerModeForm(forms.Form):
    mode = forms.ChoiceField(label=_("How it is answered"), choices=AnswerMode.choices)


class ImportForm(forms.Form):
    receiving_unit = UnitChoiceField(label=_("Receiving unit"), queryset=Unit.objects.none(), widget=forms.HiddenInput)
    channel = forms.ChoiceField(
        label=_("Channel (when the file does not say)"), choices=INTAKE_CHANNELS, initial=Channel.MTTQ
    )
    file = forms.FileField(label=_("Excel file (.xlsx)"))

    MAX_BYTES = 15 * 1024 * 1024

    def __init__(self, *args, unit_queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["receiving_unit"].queryset = unit_queryset

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 15 MB."))
        return upload


STATUS_FILTER_CHOICES = [("", _("All")), *PetitionStatus.choices, *GroupStatus.choices]


class FilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    conference = forms.IntegerField(required=False, widget=forms.HiddenInput)
    field = forms.ChoiceField(label=FIELD_LABEL, required=False)
    level = forms.ChoiceField(label=_("Jurisdiction"), choices=[("", _("All")), *JurisdictionLevel.choices],
                              required=False)  # fmt: skip
    status = forms.ChoiceField(label=_("Status"), choices=STATUS_FILTER_CHOICES, required=False)
    channel = forms.ChoiceField(label=_("Channel"), choices=[("", _("All")), *Channel.choices], required=False)
    agency = forms.IntegerField(required=False, widget=forms.HiddenInput)
    date_from = forms.DateField(label=_("From"), widget=DATE_INPUT, required=False)
    date_to = forms.DateField(label=_("To"), widget=DATE_INPUT, required=False)
    raised_before = forms.BooleanField(label=_("Raised before"), required=False)
    ack_due = forms.BooleanField(label=_("Not yet acknowledged"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["field"].choices = [("", _("All"))] + [
            (f.code, f.name) for f in Field.objects.filter(is_active=True)
        ]


class SavedFilterForm(forms.Form):
    name = forms.CharField(label=_("Save this search as"), max_length=120)
    query = forms.CharField(widget=forms.HiddenInput, required=False)
