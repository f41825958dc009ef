"""The citizen's forms on the portal: send a petition (the online form of seed 000's
“Phiếu ý kiến đề xuất, kiến nghị — phiếu dành cho Nhân dân”), track it, assess its
answer. They only parse what was typed; `petitions.public` and `followup.satisfaction`
decide and write."""

from __future__ import annotations

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from dialogue.followup import satisfaction
from dialogue.followup.models import Satisfaction
from dialogue.lib.phones import InvalidPhone, normalize_phone
from dialogue.petitions import public
from dialogue.petitions.models import NotifyChannel
from dialogue.petitions.services import MAX_CONTENT, MSG_CONTENT_REQUIRED, MSG_CONTENT_TOO_LONG

MSG_EMAIL = _("Enter a valid e-mail address, for example ten@example.vn.")
MSG_FILES_AGAIN = _("For your safety the files you chose were not kept: choose them again before sending.")
MSG_FORM_KEY = _("The form could not be matched to the page that showed it. Reload the page and send it again.")

ACCEPT = ".pdf,.doc,.docx,.xls,.xlsx,.odt,.ods,.jpg,.jpeg,.png,.webp"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one `multiple` input; the service checks them by their content."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPT}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [f for f in data if f]
        return [data] if data else []


class DescribedErrors:
    """Each field in error names its message (and its help) in `aria-describedby`, so a
    screen reader reads the message with the field."""

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                bound = self[name]
                ids = [f"{bound.auto_id}_error"]
                if self.fields[name].help_text:
                    ids.append(f"{bound.auto_id}_helptext")
                self.fields[name].widget.attrs["aria-describedby"] = " ".join(ids)


class SubmitForm(DescribedErrors, forms.Form):
    name = forms.CharField(
        label=_("Full name"),
        max_length=200,
        error_messages={"required": public.MSG_NAME},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    phone = forms.CharField(
        label=_("Telephone number"),
        max_length=30,
        error_messages={"required": public.MSG_PHONE},
        help_text=_("You will need it, with the tracking code, to follow your petition. It is never published."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    address = forms.CharField(
        label=_("Contact address"),
        max_length=300,
        required=False,
        help_text=_("Optional: where the receiving body may send a written answer."),
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        max_length=254,
        error_messages={"invalid": MSG_EMAIL},
        help_text=_("Optional; needed only to be told by e-mail."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    content = forms.CharField(
        label=_("Content of the opinion, proposal or petition"),
        max_length=MAX_CONTENT,
        error_messages={"required": MSG_CONTENT_REQUIRED, "max_length": MSG_CONTENT_TOO_LONG},
        widget=forms.Textarea(attrs={"rows": 8, "maxlength": MAX_CONTENT}),
    )
    files = MultipleFileField(
        label=_("Attached documents or photos (optional)"),
        required=False,
    )
    consent = forms.BooleanField(
        label=_("I agree to the processing of my personal data for this purpose."),
        error_messages={"required": public.MSG_CONSENT},
    )
    identity_protected = forms.BooleanField(
        label=_("Keep my identity from the agencies that answer"),
        required=False,
    )
    notify_by = forms.ChoiceField(
        label=_("Tell me when my petition moves on"),
        choices=NotifyChannel.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    submission_key = forms.UUIDField(
        widget=forms.HiddenInput, error_messages={"required": MSG_FORM_KEY, "invalid": MSG_FORM_KEY}
    )
    # A field people never see nor hear: a robot filling every input fills it too.
    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("submission_key", uuid.uuid4())
        kwargs["initial"].setdefault("notify_by", NotifyChannel.NONE)
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        for name in ("name", "phone", "content", "consent"):
            self.fields[name].widget.attrs["aria-required"] = "true"

    def clean_phone(self):
        raw = self.cleaned_data["phone"]
        try:
            return normalize_phone(raw)
        except InvalidPhone as error:
            raise forms.ValidationError(str(error)) from None

    def clean_content(self):
        content = self.cleaned_data["content"].strip()
        if len(content) < 10:
            raise forms.ValidationError(MSG_CONTENT_REQUIRED)
        return content

    @property
    def is_robot(self) -> bool:
        return bool((self.data.get("website") or "").strip())


class TrackForm(forms.Form):
    """Not required, no per-field messages: whatever is wrong, one neutral answer."""

    code = forms.CharField(
        label=_("Tracking code"),
        max_length=40,
        required=False,
        help_text=_("As in the receipt, for example DT-7K3M9-QXPR2; upper or lower case, with or without hyphens."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )
    phone = forms.CharField(
        label=_("Telephone number you gave"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )


RATING_CHOICES = [
    (Satisfaction.SATISFIED, pgettext_lazy("rating", "Satisfied")),
    (Satisfaction.PARTLY, pgettext_lazy("rating", "Not entirely satisfied")),
    (Satisfaction.DISSATISFIED, pgettext_lazy("rating", "Not satisfied")),
]
RATING_LABELS = dict(RATING_CHOICES)


class RatingForm(DescribedErrors, forms.Form):
    response = forms.ChoiceField(
        label=_("Are you satisfied with the answer to your petition?"),
        choices=RATING_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": satisfaction.MSG_CHOOSE, "invalid_choice": satisfaction.MSG_CHOOSE},
    )
    comment = forms.CharField(
        label=_("Add a comment (optional)"),
        required=False,
        max_length=satisfaction.MAX_COMMENT,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": satisfaction.MAX_COMMENT}),
        error_messages={"max_length": satisfaction.MSG_COMMENT_TOO_LONG},
    )


class AreaSearchForm(forms.Form):
    q = forms.CharField(label=_("Your province or commune"), max_length=100, required=False)
