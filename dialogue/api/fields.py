"""Serializer plumbing shared by the API: Vietnamese messages for every refused input,
and references to objects that only resolve inside the person's scope."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

# Database ids are 64-bit; a larger number is no id at all (and would overflow SQLite).
MAX_ID = 2**63 - 1

MSG_REQUIRED = _("This value is required.")
MSG_NULL = _("This value cannot be null.")
MSG_BLANK = _("This value cannot be empty.")
MSG_INVALID = _("This value is not valid.")
MSG_MAX_LENGTH = _("At most {max_length} characters.")
MSG_MIN_LENGTH = _("At least {min_length} characters.")
MSG_MAX_VALUE = _("At most {max_value}.")
MSG_MIN_VALUE = _("At least {min_value}.")
MSG_CHOICE = _("“{input}” is not one of the allowed values.")
MSG_NO_SUCH = _("Nothing with this identifier exists among what you may see.")
MSG_ID_TYPE = _("Give the identifier as a whole number.")
MSG_NOT_A_LIST = _("Give a list of values.")
MSG_EMPTY = _("Give at least one value.")
MSG_NUMBER_TOO_LONG = _("This number is too long.")
MSG_BAD_CHARACTERS = _("The text contains characters that are not allowed.")
MSG_NOT_AN_OBJECT = _("Send a JSON object.")
MSG_DATE = _("Give a date as YYYY-MM-DD.")
MSG_DATE_NOT_DATETIME = _("Give a date without a time (YYYY-MM-DD).")
MSG_DATETIME = _("Give a date and time in ISO 8601, e.g. 2026-11-24T09:30:00+07:00.")
MSG_INTEGER = _("Give a whole number.")
MSG_BOOLEAN = _("Give true or false.")
MSG_UUID = _("Give a UUID, e.g. 0f8fad5b-d9cb-469f-a165-70867728950e.")
MSG_TEXT = _("Give text.")

MESSAGES = {
    "required": MSG_REQUIRED,
    "null": MSG_NULL,
    "blank": MSG_BLANK,
    "invalid": MSG_INVALID,
    "max_length": MSG_MAX_LENGTH,
    "min_length": MSG_MIN_LENGTH,
    "max_value": MSG_MAX_VALUE,
    "min_value": MSG_MIN_VALUE,
    "invalid_choice": MSG_CHOICE,
    "does_not_exist": MSG_NO_SUCH,
    "incorrect_type": MSG_ID_TYPE,
    "not_a_list": MSG_NOT_A_LIST,
    "empty": MSG_EMPTY,
    "max_string_length": MSG_NUMBER_TOO_LONG,
    "null_characters_not_allowed": MSG_BAD_CHARACTERS,
    "surrogate_characters_not_allowed": MSG_BAD_CHARACTERS,
    "datetime": MSG_DATE_NOT_DATETIME,
    "date": MSG_DATETIME,
    "make_aware": MSG_DATETIME,
    "overflow": MSG_DATETIME,
}
INVALID_BY_TYPE = (
    (serializers.DateTimeField, MSG_DATETIME),
    (serializers.DateField, MSG_DATE),
    (serializers.IntegerField, MSG_INTEGER),
    (serializers.BooleanField, MSG_BOOLEAN),
    (serializers.UUIDField, MSG_UUID),
    (serializers.CharField, MSG_TEXT),
)


def localise(field: serializers.Field) -> None:
    """Replace DRF's messages (partly untranslated into Vietnamese) by ours, code by code."""
    for code in list(field.error_messages):
        if code in MESSAGES:
            field.error_messages[code] = MESSAGES[code]
    for kind, message in INVALID_BY_TYPE:
        if isinstance(field, kind) and "invalid" in field.error_messages:
            field.error_messages["invalid"] = message
            break
    child = getattr(field, "child_relation", None) or getattr(field, "child", None)
    if isinstance(child, serializers.Field):
        localise(child)


class LocalisedMixin:
    """A serializer whose every refusal is in Vietnamese."""

    def get_fields(self):
        fields = super().get_fields()
        for field in fields.values():
            localise(field)
        self.error_messages["invalid"] = MSG_NOT_AN_OBJECT
        return fields


class InputSerializer(LocalisedMixin, serializers.Serializer):
    """Parses a request body or query string; it never saves (the services do)."""

    def create(self, validated_data):  # pragma: no cover - input only
        raise NotImplementedError

    def update(self, instance, validated_data):  # pragma: no cover - input only
        raise NotImplementedError


class ScopedRelatedField(serializers.PrimaryKeyRelatedField):
    """An object by its id, looked up only among what `scope(serializer context)`
    returns: anything else is "does not exist", so nothing outside the person's scope
    can be named, nor its existence learned."""

    def __init__(self, *, model, scope, **kwargs):
        self.scope = scope
        # An empty queryset of the model tells the schema the id's type; the lookups go
        # through `scope`.
        kwargs["queryset"] = model.objects.none()
        super().__init__(**kwargs)

    def get_queryset(self):
        return self.scope(self.context)

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, (int, str)):
            self.fail("incorrect_type", data_type=type(data).__name__)
        if isinstance(data, str) and not data.isdigit():
            self.fail("incorrect_type", data_type="str")
        if not 1 <= int(data) <= MAX_ID:
            self.fail("does_not_exist", pk_value=data)
        return super().to_internal_value(int(data))


def id_field(**kwargs) -> serializers.IntegerField:
    """An id in a query string: a positive 64-bit integer."""
    return serializers.IntegerField(min_value=1, max_value=MAX_ID, **kwargs)
