"""Forms of the reminders pages; they parse input only, the services decide."""

import uuid

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from dialogue.reminders.models import MessageChannel, MessageStatus


class ChaseLetterForm(forms.Form):
    submission_key = forms.UUIDField(widget=forms.HiddenInput)
    sender_unit = forms.TypedChoiceField(label=_("Issued by"), coerce=int)
    report_days = forms.IntegerField(
        label=_("Report within (working days)"),
        min_value=1,
        max_value=60,
        help_text=_("The letter asks for a report by the date this many working days from today."),
        error_messages={
            "min_value": _("Enter a number of working days from 1 to 60."),
            "max_value": _("Enter a number of working days from 1 to 60."),
            "invalid": _("Enter a number of working days from 1 to 60."),
            "required": _("Enter a number of working days from 1 to 60."),
        },
    )
    number = forms.IntegerField(
        label=_("Number"),
        min_value=1,
        required=False,
        help_text=_("Leave empty to write the number by hand when the letter is registered."),
        error_messages={
            "min_value": _("The number is a whole number from 1."),
            "invalid": _("The number is a whole number from 1."),
        },
    )
    symbol = forms.CharField(
        label=_("Symbol"), max_length=40, required=False, help_text=_("E.g. “CV/TU” or “UBND-VP”.")
    )
    signing_authority = forms.CharField(label=_("Signing authority"), max_length=120, required=False)
    signer_title = forms.CharField(label=_("Signer's title"), max_length=120, required=False)
    signer_name = forms.CharField(label=_("Signer's name"), max_length=150, required=False)
    recipients = forms.CharField(
        label=_("Recipients (Nơi nhận)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("One recipient per line."),
    )

    def __init__(self, *args, senders, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sender_unit"].choices = [(u.pk, u.name) for u in senders]
        self.senders = {u.pk: u for u in senders}

    @staticmethod
    def initial_for(defaults: dict, sender) -> dict:
        return {
            "submission_key": uuid.uuid4(),
            "sender_unit": sender.pk,
            "report_days": settings.REMINDERS_CHASE_REPORT_WORKING_DAYS,
            **defaults,
        }


class MessageFilterForm(forms.Form):
    q = forms.CharField(label=_("Recipient"), required=False, max_length=100)
    channel = forms.ChoiceField(
        label=_("Channel"), required=False, choices=[("", _("All channels")), *MessageChannel.choices]
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All statuses")), *MessageStatus.choices]
    )
