"""The form of the API keys page. It only parses input; `dialogue.api.tokens` decides."""

import uuid

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

DAY_CHOICES = [
    (30, _("30 days")),
    (90, _("90 days")),
    (180, _("180 days")),
    (365, _("1 year")),
    (730, _("2 years")),
]


class IssueForm(forms.Form):
    name = forms.CharField(
        label=_("Which system will use the key"),
        max_length=120,
        help_text=_("So that you can tell your keys apart, e.g. the province's 1022 portal."),
    )
    days = forms.TypedChoiceField(label=_("Valid for"), coerce=int, choices=DAY_CHOICES)
    person = forms.CharField(
        label=_("For the account (sign-in name)"),
        max_length=150,
        required=False,
        help_text=_("Leave empty for your own account. An application's account must exist already."),
    )
    submission_key = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, admin: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not admin:
            del self.fields["person"]
        if not self.is_bound:
            self.initial.setdefault("submission_key", uuid.uuid4())
            days = settings.API_TOKEN_DAYS
            self.initial.setdefault("days", days if days in dict(DAY_CHOICES) else 365)
