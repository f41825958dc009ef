"""Django's own messages that its Vietnamese catalogue lacks. Listing them here puts them
in our catalogue (locale/vi), which takes precedence over Django's."""

from django.utils.translation import gettext_lazy, ngettext_lazy

MESSAGES = [
    ngettext_lazy(
        "This password is too short. It must contain at least %(min_length)d character.",
        "This password is too short. It must contain at least %(min_length)d characters.",
        "min_length",
    ),
    ngettext_lazy(
        "Your password must contain at least %(min_length)d character.",
        "Your password must contain at least %(min_length)d characters.",
        "min_length",
    ),
    # Forms: a NUL character pasted into a field, a tampered hidden or multi-part field.
    gettext_lazy("Null characters are not allowed."),
    gettext_lazy("Enter a valid UUID."),
    gettext_lazy("Enter a complete value."),
    gettext_lazy("“%(pk)s” is not a valid value."),
]
