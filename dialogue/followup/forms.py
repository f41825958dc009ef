"""Forms of the follow-up page. They only parse input; the services decide.

Every form carries the item's version (a stale page is refused) and a one-time
submission key (a double click writes nothing twice).
"""

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from dialogue.conclusions.models import DirectiveStatus
from dialogue.plans.forms import DATE_INPUT

# Phones offer the camera and the gallery for "image/*"; `capture` is not set, so the
# officer may also pick a scanned PDF or a Word file.
ACCEPTED_FILES = "image/*,application/pdf,.pdf,.doc,.docx,.xls,.xlsx,.odt,.ods"
# The limits of services.check_files (MAX_FILES, MAX_FILE_MB), written out for translation.
FILES_HELP = _("PDF, Word, Excel, OpenDocument or photos (JPEG, PNG, WebP); up to 10 files of 20 MB each.")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPTED_FILES}))
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


def _area(rows: int):
    return forms.Textarea(attrs={"rows": rows})


class _Keyed(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    key = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, item=None, **kwargs):
        super().__init__(*args, **kwargs)
        if item is not None and not self.is_bound:
            self.initial.setdefault("version", item.version)
            self.initial.setdefault("key", uuid.uuid4())


class ProgressForm(_Keyed):
    text = forms.CharField(
        label=_("What has been done"),
        widget=_area(4),
        help_text=_("Steps taken, documents issued, work on site; at least 10 characters."),
    )
    files = MultipleFileField(label=_("Evidence (documents, photos)"), help_text=FILES_HELP)


class ReportForm(_Keyed):
    claimed_status = forms.ChoiceField(
        label=_("Result"),
        choices=[
            (DirectiveStatus.RESOLVED, _("Resolved")),
            (DirectiveStatus.PARTLY_RESOLVED, _("Partly resolved")),
            (DirectiveStatus.CANNOT_RESOLVE, _("Cannot be resolved")),
        ],
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label=_("Report"), widget=_area(4), help_text=_("What was achieved, at least 10 characters.")
    )
    reason = forms.CharField(
        label=_("Reason it cannot be resolved"),
        widget=_area(2),
        required=False,
        help_text=_("Required when the matter cannot be resolved (beyond the unit's competence, no budget, …)."),
    )
    files = MultipleFileField(
        label=_("Evidence (documents, photos)"),
        help_text=_("A resolved matter needs at least one document or photo."),
    )


class AcceptForm(_Keyed):
    text = forms.CharField(label=_("Comment (optional)"), widget=_area(2), required=False)


class ReturnForm(_Keyed):
    reason = forms.CharField(label=_("What is missing"), widget=_area(3))


class CloseForm(_Keyed):
    text = forms.CharField(label=_("Comment (optional)"), widget=_area(2), required=False)
    files = MultipleFileField(
        label=_("Evidence (documents, photos)"),
        help_text=_("A matter is closed only with evidence; attach it here if the timeline has none."),
    )


class DueForm(_Keyed):
    due_date = forms.DateField(label=_("New due date"), widget=DATE_INPUT)
    reason = forms.CharField(label=_("Reason for the change"), widget=_area(2))


class ReopenForm(_Keyed):
    reason = forms.CharField(label=_("Reason for reopening"), widget=_area(3))
    due_date = forms.DateField(label=_("New due date (optional)"), widget=DATE_INPUT, required=False)
