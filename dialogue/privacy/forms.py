"""Forms of the personal-data pages: they parse input; the rules are in the services."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from dialogue.lib.phones import InvalidPhone
from dialogue.privacy.models import AccessView
from dialogue.privacy.selectors import Lookup, parse_lookup

MSG_LOOKUP = _("Type a telephone number, an e-mail address or at least two letters of a name.")


class LookupForm(forms.Form):
    q = forms.CharField(
        label=_("Telephone number, e-mail address or name"),
        max_length=200,
        help_text=_("A name is matched with or without accents, on the petitioner's name only."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    lookup: Lookup | None = None

    def clean_q(self) -> str:
        value = self.cleaned_data["q"]
        try:
            self.lookup = parse_lookup(value)
        except InvalidPhone as error:
            raise forms.ValidationError(error.message) from None
        if self.lookup is None:
            raise forms.ValidationError(MSG_LOOKUP)
        return value


class AnonymiseForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        required=False,  # the service says what is missing, in its own words
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The request or the decision and its date. Do not write the person's name here."),
    )
    redact = forms.TypedMultipleChoiceField(
        label=_("Also erase the content of these petitions"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Only where the content itself must go: the petition stays in the statistics, its text is replaced "
            "by a note."
        ),
    )
    redaction_reason = forms.CharField(
        label=_("Why the content is erased"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    confirm = forms.BooleanField(
        label=_("I understand that the anonymisation cannot be undone."),
        error_messages={"required": _("Tick the box to confirm that you understand.")},
    )

    def __init__(self, *args, petitions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["redact"].choices = [
            (p.pk, f"#{p.pk} — {p.received_on:%d/%m/%Y} — {p.content[:80]}") for p in petitions
        ]


class AccessFilterForm(forms.Form):
    view = forms.ChoiceField(label=_("Where"), required=False, choices=[("", _("All")), *AccessView.choices])
