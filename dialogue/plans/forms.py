"""Forms only parse input; the services decide. Querysets are always the person's scope."""

from django import forms
from django.utils.translation import gettext_lazy as _

from dialogue.organisation.forms import UnitChoiceField
from dialogue.organisation.models import Level, Unit, User
from dialogue.plans.models import (
    ConferenceFormat,
    Delegation,
    DocumentLayout,
    ProgrammeFrequency,
    Responsibility,
    TimelineTemplate,
)

DATE_INPUT = forms.DateInput(attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"})
TIME_INPUT = forms.TimeInput(attrs={"placeholder": "hh:mm"}, format="%H:%M")


def _area(rows: int = 4):
    return forms.Textarea(attrs={"rows": rows})


MARKUP_HELP = _(
    "One paragraph per line. Lines starting with “I.”, “1.” or “1.1.” are headings; lines starting with "
    "“- ” or “+ ” are bullets; **bold** and *italic* as in the original."
)


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.full_name} — {obj.position}" if obj.position else obj.full_name


class PlanForm(forms.Form):
    issuing_unit = UnitChoiceField(label=_("Issuing unit"), queryset=Unit.objects.none(), widget=forms.HiddenInput)
    title = forms.CharField(
        label=_("Title (summary)"),
        widget=_area(2),
        help_text=_("As printed under “KẾ HOẠCH”, e.g. “Tổ chức hội nghị đối thoại … năm 2026”."),
    )
    layout = forms.ChoiceField(
        label=_("Document layout"),
        choices=[("", _("As usual for the issuing unit")), *DocumentLayout.choices],
        required=False,
    )
    issuer_parent_line = forms.CharField(label=_("Higher body line"), max_length=200, required=False)
    issuer_line = forms.CharField(
        label=_("Issuing body line"),
        max_length=200,
        required=False,
        help_text=_("Leave empty to print the issuing unit's name in capitals."),
    )
    symbol = forms.CharField(
        label=_("Symbol"), max_length=40, required=False, help_text=_("E.g. “KH/TU”, “KH/ĐU”, “KH-UBND”.")
    )
    place = forms.CharField(label=_("Place"), max_length=100, required=False)
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100, required=False)
    draft_month = forms.IntegerField(label=_("Month"), min_value=1, max_value=12, required=False)
    legal_bases = forms.CharField(
        label=_("Legal bases (căn cứ)"),
        widget=_area(4),
        required=False,
        help_text=_("One document per line, e.g. “Quy định số 11-QĐi/TW ngày 18/02/2019 của Bộ Chính trị về …”."),
    )
    basis_verb = forms.CharField(label=_("Opening word"), max_length=40, required=False, initial="Thực hiện")
    introduction = forms.CharField(label=_("Introduction"), widget=_area(2), required=False)
    purposes = forms.CharField(
        label=_("I. Purposes and requirements"), widget=_area(8), required=False, help_text=MARKUP_HELP
    )
    content = forms.CharField(
        label=_("II. Content"),
        widget=_area(8),
        required=False,
        help_text=_("Leave empty to write section II from the conferences of the plan."),
    )
    tasks_heading = forms.CharField(
        label=_("Heading of the tasks section"), max_length=200, required=False, initial="III. TỔ CHỨC THỰC HIỆN"
    )
    closing = forms.CharField(label=_("Closing paragraph"), widget=_area(2), required=False)
    signing_authority = forms.CharField(
        label=_("Signing authority"),
        max_length=120,
        required=False,
        help_text=_("E.g. “T/M BAN THƯỜNG VỤ”, “TM. ỦY BAN NHÂN DÂN”; empty when the leader signs in person."),
    )
    signer_title = forms.CharField(label=_("Signer's title"), max_length=120, required=False)
    signer = PersonChoiceField(label=_("Signer"), queryset=User.objects.none(), required=False)
    signer_name = forms.CharField(label=_("Signer's name as printed"), max_length=150, required=False)
    recipients = forms.CharField(
        label=_("Recipients (Nơi nhận)"),
        widget=_area(6),
        required=False,
        help_text=_("One per line, as printed: “- Thường trực Tỉnh ủy (báo cáo),”."),
    )
    drafter_mark = forms.CharField(label=_("Drafter's mark"), max_length=40, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    GROUPS = [
        (_("Content"), ["title", "legal_bases", "basis_verb", "introduction", "purposes", "content"]),
        (_("Implementation and closing"), ["tasks_heading", "closing"]),
        (_("Signature and recipients"), ["signing_authority", "signer_title", "signer", "signer_name", "recipients"]),
        (
            _("Header and numbering"),
            ["layout", "issuer_parent_line", "issuer_line", "symbol", "place", "year", "draft_month", "drafter_mark"],
        ),
    ]

    @property
    def groups(self):
        """The visible fields in labelled groups, in the order a clerk fills them in."""
        return [(legend, [self[name] for name in names if name in self.fields]) for legend, names in self.GROUPS]

    def __init__(self, *args, unit_queryset, signer_queryset, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issuing_unit"].queryset = unit_queryset
        self.fields["signer"].queryset = signer_queryset
        for name in ("issuer_line", "symbol", "place"):
            self.fields[name].widget.attrs["placeholder"] = _("Automatic, from the issuing unit")
        for name in ("year", "draft_month"):
            self.fields[name].widget.attrs["class"] = "input--short"
        if editing:
            del self.fields["issuing_unit"]
            self.fields["layout"].choices = DocumentLayout.choices
            self.fields["layout"].required = True
            for name in ("issuer_line", "symbol", "place", "year"):
                self.fields[name].required = True


class IssueForm(forms.Form):
    issued_on = forms.DateField(label=_("Date of issue"), widget=DATE_INPUT)
    number = forms.IntegerField(
        label=_("Number"),
        min_value=1,
        required=False,
        help_text=_("Leave empty to take the next free number of the unit for that year."),
    )


class LevelsField(forms.TypedMultipleChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            choices=[(level.value, level.label) for level in Level],
            coerce=int,
            widget=forms.CheckboxSelectMultiple,
            required=False,
            **kwargs,
        )


class ConferenceForm(forms.Form):
    title = forms.CharField(label=_("Topic"), widget=_area(2))
    content = forms.CharField(label=_("Content"), widget=_area(4), required=False)
    audience = forms.CharField(label=_("Audience"), widget=_area(3), required=False)
    participation = forms.CharField(
        label=_("How to take part"),
        widget=_area(4),
        required=False,
        help_text=_(
            "Shown on the public portal with the topic, audience, time and place: who may attend, how to register "
            "to speak, how to send opinions before the conference."
        ),
    )
    host_unit = UnitChoiceField(label=_("Host unit"), queryset=Unit.objects.none(), widget=forms.HiddenInput)
    format = forms.ChoiceField(label=_("Format"), choices=ConferenceFormat.choices)
    venue = forms.CharField(label=_("Venue"), max_length=300, required=False)
    online_link = forms.CharField(label=_("Online meeting address"), max_length=300, required=False)
    date = forms.DateField(label=_("Date"), widget=DATE_INPUT, required=False)
    start_time = forms.TimeField(label=_("Start time"), widget=TIME_INPUT, required=False)
    end_time = forms.TimeField(label=_("End time"), widget=TIME_INPUT, required=False)
    planned_period = forms.CharField(
        label=_("Planned period"),
        max_length=120,
        required=False,
        help_text=_("While the date is not fixed, e.g. “trung tuần tháng 7/2024”."),
    )
    scope_levels = LevelsField(
        label=_("Levels whose matters are accepted"), help_text=_("None ticked: matters of every level.")
    )
    scope_note = forms.CharField(label=_("Note on the scope of matters"), widget=_area(2), required=False)
    served_units = forms.ModelMultipleChoiceField(
        label=_("Villages or communes served"),
        queryset=Unit.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, host_queryset, served_queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["host_unit"].queryset = host_queryset
        self.fields["served_units"].queryset = served_queryset


class ChairForm(forms.Form):
    person = PersonChoiceField(label=_("From the organisation"), queryset=User.objects.none(), required=False)
    name = forms.CharField(label=_("Name"), max_length=150, required=False)
    position = forms.CharField(label=_("Position"), max_length=200, required=False)

    def __init__(self, *args, person_queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = person_queryset


class DelegationForm(forms.Form):
    name = forms.CharField(label=_("Delegation"), max_length=300)
    expected_size = forms.IntegerField(label=_("Expected number"), min_value=0, required=False)
    parent = forms.ModelChoiceField(label=_("Part of"), queryset=Delegation.objects.none(), required=False)
    note = forms.CharField(label=_("Composition"), widget=_area(2), required=False)

    def __init__(self, *args, conference, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = conference.delegations.all()


class ParticipantForm(forms.Form):
    person = PersonChoiceField(label=_("From the organisation"), queryset=User.objects.none(), required=False)
    full_name = forms.CharField(label=_("Full name"), max_length=150, required=False)
    position = forms.CharField(label=_("Position"), max_length=200, required=False)
    organisation = forms.CharField(label=_("Organisation"), max_length=300, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=20, required=False)
    delegation = forms.ModelChoiceField(label=_("Delegation"), queryset=Delegation.objects.none(), required=False)

    def __init__(self, *args, conference, person_queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = person_queryset
        self.fields["delegation"].queryset = conference.delegations.all()


class AgendaItemForm(forms.Form):
    title = forms.CharField(label=_("Item"), widget=_area(2))
    presenter = forms.CharField(label=_("Presented by"), max_length=300, required=False)
    duration_minutes = forms.IntegerField(label=_("Minutes"), min_value=1, max_value=600, initial=10)


class ResponsibilityForm(forms.Form):
    unit = UnitChoiceField(label=_("Responsible unit"), queryset=Unit.objects.none(), widget=forms.HiddenInput)
    label = forms.CharField(
        label=_("Heading as printed"),
        max_length=300,
        required=False,
        help_text=_("Leave empty to print the unit's name."),
    )
    intro = forms.CharField(label=_("Introductory sentence"), widget=_area(2), required=False)

    def __init__(self, *args, unit_queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = unit_queryset


class TaskForm(forms.Form):
    responsibility = forms.ModelChoiceField(
        label=_("Under the heading"), queryset=Responsibility.objects.none(), required=False
    )
    description = forms.CharField(label=_("Duty"), widget=_area(3))
    due_date = forms.DateField(label=_("Due date"), widget=DATE_INPUT, required=False)

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsibility"].queryset = plan.responsibilities.select_related("unit")
        self.fields["responsibility"].required = True


class TaskEditForm(forms.Form):
    description = forms.CharField(label=_("Duty"), widget=_area(3))
    due_date = forms.DateField(label=_("Due date"), widget=DATE_INPUT, required=False)


class TaskCompleteForm(forms.Form):
    note = forms.CharField(label=_("What was done"), widget=_area(3), required=False)
    file = forms.FileField(label=_("File"), required=False)
    done_on = forms.DateField(label=_("Done on"), widget=DATE_INPUT, required=False)

    MAX_BYTES = 20 * 1024 * 1024

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and upload.size > self.MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        return upload


class ProgrammeForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    frequency = forms.ChoiceField(label=_("Frequency"), choices=ProgrammeFrequency.choices)
    day_of_month = forms.IntegerField(
        label=_("Day of the month"),
        min_value=1,
        max_value=31,
        required=False,
        help_text=_("E.g. 15. A day off moves to the next working day. Leave empty to fix the days later."),
    )
    months = forms.TypedMultipleChoiceField(
        label=_("Months"),
        choices=[(m, str(m)) for m in range(1, 13)],
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    start_date = forms.DateField(label=_("From"), widget=DATE_INPUT)
    end_date = forms.DateField(label=_("To"), widget=DATE_INPUT)
    audience = forms.CharField(label=_("Audience"), widget=_area(2), required=False)
    content = forms.CharField(label=_("Content"), widget=_area(3), required=False)
    venue = forms.CharField(label=_("Venue"), max_length=300, required=False)
    format = forms.ChoiceField(label=_("Format"), choices=ConferenceFormat.choices)
    start_time = forms.TimeField(label=_("Start time"), widget=TIME_INPUT, required=False)
    chair_person = PersonChoiceField(
        label=_("Chair (from the organisation)"), queryset=User.objects.none(), required=False
    )
    chair_name = forms.CharField(label=_("Chair (name as printed)"), max_length=150, required=False)
    chair_position = forms.CharField(label=_("Chair's position"), max_length=200, required=False)

    def __init__(self, *args, person_queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["chair_person"].queryset = person_queryset


class TimelineChoiceForm(forms.Form):
    template = forms.ModelChoiceField(label=_("Preparation timeline"), queryset=TimelineTemplate.objects.none())

    def __init__(self, *args, templates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = templates


class AnnounceForm(forms.Form):
    """The announce button; the reason is asked for only after the latest lawful day."""

    late_reason = forms.CharField(label=_("Why is it announced late?"), widget=_area(2), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class UnannounceForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the announcement withdrawn?"),
        widget=_area(2),
        help_text=_("E.g. the conference is postponed; the new date is announced again."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
