"""The query strings of the lists, parsed (and refused with a Vietnamese message when
wrong) before the scoped selectors are asked. Each serializer is also the list's
documented query parameters."""

from __future__ import annotations

from rest_framework import serializers

from dialogue.api.fields import InputSerializer, id_field
from dialogue.conclusions.models import DirectiveStatus
from dialogue.organisation.models import Level
from dialogue.petitions.models import AnswerStatus, Channel, GroupStatus, JurisdictionLevel, PetitionStatus
from dialogue.plans.models import ConferenceStatus


def _text(help_text: str, max_length: int = 200) -> serializers.CharField:
    return serializers.CharField(required=False, allow_blank=True, max_length=max_length, help_text=help_text)


def _date(help_text: str) -> serializers.DateField:
    return serializers.DateField(required=False, help_text=help_text)


class UnitQuery(InputSerializer):
    q = _text("Words of the name, with or without Vietnamese accents.")
    level = serializers.ChoiceField(choices=Level.choices, required=False)
    parent = id_field(required=False, help_text="Only the units directly under this one.")
    kind = _text("Kind code, e.g. province, commune, agency.", 40)
    include_dissolved = serializers.BooleanField(required=False, default=False)


class ConferenceQuery(InputSerializer):
    host_unit = id_field(required=False)
    plan = id_field(required=False)
    status = serializers.ChoiceField(choices=ConferenceStatus.choices, required=False)
    date_from = _date("Held on or after this date.")
    date_to = _date("Held on or before this date.")


PETITION_OR_GROUP_STATUSES = [*PetitionStatus.choices, *GroupStatus.choices]


class PetitionQuery(InputSerializer):
    q = _text("Words of the content, name or address, with or without Vietnamese accents.")
    status = serializers.ChoiceField(
        choices=PETITION_OR_GROUP_STATUSES,
        required=False,
        help_text="A petition status, or the status of the group it is in.",
    )
    field = _text("Field code, e.g. dat_dai.", 40)
    level = serializers.ChoiceField(choices=JurisdictionLevel.choices, required=False)
    channel = serializers.ChoiceField(choices=Channel.choices, required=False)
    conference = id_field(required=False)
    agency = id_field(required=False, help_text="Lead agency of its group, or its competent unit.")
    received_from = _date("Received on or after this date.")
    received_to = _date("Received on or before this date.")
    raised_before = serializers.BooleanField(required=False, default=False, help_text="Only repeats.")
    ack_due = serializers.BooleanField(
        required=False, default=False, help_text="Only those whose petitioner has not been told yet."
    )


class AssignmentQuery(InputSerializer):
    q = _text("Words of the summarised opinion, with or without Vietnamese accents.")
    conference = id_field(required=False)
    status = serializers.ChoiceField(choices=GroupStatus.choices, required=False)
    lead_unit = id_field(required=False)
    field = _text("Field code, e.g. dat_dai.", 40)
    level = serializers.ChoiceField(choices=JurisdictionLevel.choices, required=False)
    due_from = _date("Answer due on or after this date.")
    due_to = _date("Answer due on or before this date.")


class AnswerQuery(InputSerializer):
    group = id_field(required=False)
    status = serializers.ChoiceField(choices=AnswerStatus.choices, required=False)
    submitted_from = _date("Submitted on or after this date.")
    submitted_to = _date("Submitted on or before this date.")


class DirectiveQuery(InputSerializer):
    status = serializers.ChoiceField(choices=DirectiveStatus.choices, required=False)
    lead_unit = id_field(required=False)
    conference = id_field(required=False)
    due_from = _date("Due on or after this date.")
    due_to = _date("Due on or before this date.")
    late = serializers.BooleanField(
        required=False, default=False, help_text="Only open directives past their due date."
    )
