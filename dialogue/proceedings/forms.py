"""Forms only parse input; the services decide. Choices are limited to the conference."""

import uuid

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from dialogue.organisation.models import Unit
from dialogue.plans.models import Participant
from dialogue.proceedings.models import MINUTES_SECTIONS, AnsweredBy, Outcome, SpeakerSource


def _key_field():
    # Made when the form is shown; a resent form carries the same key.
    return forms.UUIDField(widget=forms.HiddenInput, required=False, initial=uuid.uuid4)


class PersonLabel(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        detail = obj.position or obj.organisation
        return f"{obj.full_name} — {detail}" if detail else obj.full_name


class WalkInForm(forms.Form):
    key = _key_field()
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    position = forms.CharField(label=_("Position"), max_length=200, required=False)
    organisation = forms.CharField(label=_("Organisation or address"), max_length=300, required=False)
    delegation = forms.ModelChoiceField(label=_("Delegation"), queryset=None, required=False)

    def __init__(self, *args, conference, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["delegation"].queryset = conference.delegations.order_by("order", "id")


class CodeForm(forms.Form):
    key = _key_field()
    code = forms.CharField(
        label=_("Code on the invitation"),
        max_length=300,
        help_text=_("The eight characters printed under “Mã xác nhận tham dự”, or the scanned code."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )


class SpeakerForm(forms.Form):
    key = _key_field()
    source = forms.ChoiceField(label=_("Source"), choices=SpeakerSource.choices, initial=SpeakerSource.FLOOR)
    participant = PersonLabel(label=_("Invited participant"), queryset=Participant.objects.none(), required=False)
    speaker_name = forms.CharField(
        label=_("Speaker"), max_length=150, required=False, help_text=_("Leave empty when a participant is chosen.")
    )
    represents = forms.CharField(
        label=_("On behalf of"), max_length=300, required=False, help_text=_("E.g. “Nhân dân thôn Văn Lâm”.")
    )
    matter = forms.CharField(label=_("Matter"), widget=forms.Textarea(attrs={"rows": 3}))
    link = forms.ChoiceField(
        label=_("Link to a petition"),
        required=False,
        choices=[
            ("", _("Not linked")),
            ("group", _("An existing group of this conference")),
            ("petition", _("An existing petition of this conference")),
            ("new", _("Record the matter as a new petition")),
        ],
    )
    group = forms.ModelChoiceField(
        label=_("Group to link"), queryset=None, required=False, help_text=_("When linked to an existing group.")
    )
    petition = forms.ModelChoiceField(
        label=_("Petition to link"), queryset=None, required=False, help_text=_("When linked to an existing petition.")
    )

    def __init__(self, *args, conference, **kwargs):
        from dialogue.petitions.models import Petition, PetitionGroup

        super().__init__(*args, **kwargs)
        self.fields["participant"].queryset = conference.participants.order_by("full_name")
        self.fields["group"].queryset = PetitionGroup.objects.filter(conference=conference).order_by("id")
        self.fields["group"].label_from_instance = lambda g: f"#{g.pk} — {g.summary[:90]}"
        self.fields["petition"].queryset = Petition.objects.filter(conference=conference).order_by("id")
        self.fields["petition"].label_from_instance = lambda p: f"#{p.pk} — {(p.name or '')} {p.content[:80]}"


class RecordForm(forms.Form):
    key = _key_field()
    version = forms.IntegerField(widget=forms.HiddenInput)
    notes = forms.CharField(label=_("Notes"), widget=forms.Textarea(attrs={"rows": 5}), required=False)
    answered_by = forms.ChoiceField(
        label=_("Answered by"), choices=[("", "—"), *AnsweredBy.choices], required=False, widget=forms.RadioSelect
    )
    answered_by_unit = forms.ModelChoiceField(label=_("Agency"), queryset=Unit.objects.none(), required=False)
    answered_by_name = forms.CharField(
        label=_("Name and title of the person answering"), max_length=200, required=False
    )
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=[("", "—"), *Outcome.choices], required=False, widget=forms.RadioSelect
    )

    def __init__(self, *args, conference, **kwargs):
        from dialogue.organisation.models import Level
        from dialogue.organisation.selectors import bodies_in, province_of
        from dialogue.plans.services import administrative_area

        super().__init__(*args, **kwargs)
        area = administrative_area(conference.plan.issuing_unit)
        # The bodies of the conference's own area, and the provincial agencies whose heads
        # often attend a commune's conference and answer there.
        province = province_of(area)
        near = bodies_in(area).order_by().values("pk")
        provincial = bodies_in(province, max_depth=2).filter(level__lte=Level.PROVINCE).order_by().values("pk")
        self.fields["answered_by_unit"].queryset = Unit.objects.filter(Q(pk__in=near) | Q(pk__in=provincial)).order_by(
            "level", "name_folded"
        )


class MinutesForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    secretary_name = forms.CharField(label=_("Secretary"), max_length=150, required=False)
    chair_name = forms.CharField(label=_("Chair signing"), max_length=150, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in MINUTES_SECTIONS:
            rows = 12 if name == "interventions" else 4
            self.fields[name] = forms.CharField(
                label=label, widget=forms.Textarea(attrs={"rows": rows}), required=False
            )


class AmendmentForm(forms.Form):
    key = _key_field()
    section = forms.ChoiceField(label=pgettext_lazy("minutes section", "Section"), choices=MINUTES_SECTIONS)
    after = forms.CharField(label=_("Corrected text"), widget=forms.Textarea(attrs={"rows": 5}))
    reason = forms.CharField(label=_("Reason for the correction"), max_length=500)
