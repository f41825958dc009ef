"""What the API reads and writes. Read serializers describe objects already fetched
through the scoped selectors; input serializers only parse a request body (the services
decide, `dialogue.api.views` calls them)."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from dialogue.api.fields import InputSerializer, ScopedRelatedField
from dialogue.conclusions.models import Directive, DirectiveStatus
from dialogue.followup.models import Evidence, ProgressUpdate, UpdateKind
from dialogue.organisation.models import Level, Unit, UnitKind, UnitStatus
from dialogue.organisation.roles import Capability
from dialogue.organisation.selectors import bodies_in, province_of, scope_q
from dialogue.petitions.models import (
    PUBLIC_CHANNELS,
    AckKind,
    Answer,
    AnswerMode,
    AnswerStatus,
    Attachment,
    Channel,
    Field,
    FollowUpStatus,
    GroupStatus,
    JurisdictionLevel,
    Petition,
    PetitionerKind,
    PetitionGroup,
    PetitionStatus,
    Support,
)
from dialogue.petitions.selectors import can_see_identity, group_scope_q
from dialogue.plans.models import Conference, ConferenceFormat, ConferenceStatus, Plan
from dialogue.plans.selectors import plan_scope_q
from dialogue.plans.services import administrative_area

# ---------------------------------------------------------------- references


class UnitRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Unit
        fields = ["id", "name"]
        read_only_fields = fields


class FieldRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Field
        fields = ["code", "name"]
        read_only_fields = fields


class UnitKindSerializer(serializers.ModelSerializer):
    class Meta:
        model = UnitKind
        fields = ["code", "name", "category"]
        read_only_fields = fields


# ---------------------------------------------------------------- units and conferences


class UnitSerializer(serializers.ModelSerializer):
    kind = UnitKindSerializer(read_only=True)
    level = serializers.ChoiceField(choices=Level.choices, read_only=True)
    status = serializers.ChoiceField(choices=UnitStatus.choices, read_only=True)

    class Meta:
        model = Unit
        fields = ["id", "name", "short_name", "code", "kind", "level", "parent", "depth", "status", "dissolved_on"]
        read_only_fields = fields


class ConferenceSerializer(serializers.ModelSerializer):
    host_unit = UnitRefSerializer(read_only=True)
    plan_title = serializers.CharField(source="plan.title", read_only=True)
    issuing_unit = UnitRefSerializer(source="plan.issuing_unit", read_only=True)
    format = serializers.ChoiceField(choices=ConferenceFormat.choices, read_only=True)
    status = serializers.ChoiceField(choices=ConferenceStatus.choices, read_only=True)
    scope_levels = serializers.ListField(
        child=serializers.ChoiceField(choices=Level.choices),
        read_only=True,
        help_text="Levels whose matters the conference accepts (empty: every level).",
    )

    class Meta:
        model = Conference
        fields = [
            "id",
            "plan",
            "plan_title",
            "issuing_unit",
            "host_unit",
            "title",
            "format",
            "venue",
            "date",
            "start_time",
            "end_time",
            "planned_period",
            "status",
            "scope_levels",
            "announced_at",
            "created_at",
            "updated_at",
            "version",
        ]
        read_only_fields = fields


# ---------------------------------------------------------------- petitions

IDENTITY_FIELDS = ("name", "phone", "address", "email")


class PetitionSerializer(serializers.ModelSerializer):
    """A petition. When the petitioner asked to keep their identity from the answering
    agencies and the reader is not among those who receive and classify for the receiving
    unit, `name`, `phone`, `address` and `email` are null (`identity_hidden` is true)."""

    receiving_unit = UnitRefSerializer(read_only=True)
    competent_unit = UnitRefSerializer(read_only=True, allow_null=True)
    field = FieldRefSerializer(read_only=True, allow_null=True)
    channel = serializers.ChoiceField(choices=Channel.choices, read_only=True)
    petitioner_kind = serializers.ChoiceField(choices=PetitionerKind.choices, read_only=True)
    status = serializers.ChoiceField(choices=PetitionStatus.choices, read_only=True)
    ack_kind = serializers.ChoiceField(choices=AckKind.choices, allow_blank=True, read_only=True)
    level = serializers.ChoiceField(choices=JurisdictionLevel.choices, allow_blank=True, read_only=True)
    name = serializers.CharField(read_only=True, allow_null=True)
    phone = serializers.CharField(read_only=True, allow_null=True)
    address = serializers.CharField(read_only=True, allow_null=True)
    email = serializers.CharField(read_only=True, allow_null=True)
    identity_hidden = serializers.SerializerMethodField()

    class Meta:
        model = Petition
        fields = [
            "id",
            "status",
            "receiving_unit",
            "conference",
            "channel",
            "petitioner_kind",
            "name",
            "phone",
            "address",
            "email",
            "organisation",
            "position",
            "content",
            "received_on",
            "ack_due",
            "acknowledged_on",
            "ack_kind",
            "field",
            "level",
            "competent_unit",
            "group",
            "repeat_of",
            "tracking_code",
            "identity_protected",
            "identity_hidden",
            "triaged_at",
            "created_at",
            "updated_at",
            "version",
        ]
        read_only_fields = fields

    def _hidden(self, petition: Petition) -> bool:
        cache = self.context.setdefault("_identity", {})
        if petition.pk not in cache:
            cache[petition.pk] = not can_see_identity(self.context["request"].user, petition)
        return cache[petition.pk]

    @extend_schema_field(OpenApiTypes.BOOL)
    def get_identity_hidden(self, petition: Petition) -> bool:
        return self._hidden(petition)

    def to_representation(self, petition):
        data = super().to_representation(petition)
        if self._hidden(petition):
            for name in IDENTITY_FIELDS:
                data[name] = None
        return data


def _intake_units(context):
    user = context["request"].user
    return Unit.objects.filter(scope_q(user, Capability.PETITION_INTAKE), status=UnitStatus.ACTIVE)


def _visible_conferences(context):
    user = context["request"].user
    return Conference.objects.filter(plan__in=Plan.objects.filter(plan_scope_q(user)).values("pk")).select_related(
        "plan__issuing_unit"
    )


def competent_candidates(unit: Unit):
    """Bodies of the receiving unit's province, its own and its communes' (as the staff
    triage and assignment forms offer them); a historical unit uses its successor province."""
    return bodies_in(province_of(administrative_area(unit)))


def _competent_for_petition(context):
    return competent_candidates(context["petition"].receiving_unit)


def _competent_for_group(context):
    return competent_candidates(context["group"].receiving_unit)


STAFF_CHANNELS = [choice for choice in Channel.choices if choice[0] not in PUBLIC_CHANNELS]


class PetitionCreateSerializer(InputSerializer):
    receiving_unit = ScopedRelatedField(
        model=Unit, scope=_intake_units, help_text="A unit you may enter petitions for."
    )
    conference = ScopedRelatedField(
        model=Conference, scope=_visible_conferences, required=False, allow_null=True, default=None
    )
    channel = serializers.ChoiceField(choices=STAFF_CHANNELS)
    petitioner_kind = serializers.ChoiceField(choices=PetitionerKind.choices, default=PetitionerKind.CITIZEN)
    name = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    phone = serializers.CharField(max_length=30, required=False, allow_blank=True, default="")
    address = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    organisation = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    position = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    content = serializers.CharField(max_length=5000, help_text="At least 10 characters.")
    received_on = serializers.DateField(required=False, allow_null=True, default=None)
    submission_key = serializers.UUIDField(
        required=False,
        allow_null=True,
        default=None,
        help_text="Idempotency key (or send the Idempotency-Key header): a retried request returns the "
        "petition already recorded.",
    )


class PetitionTriageSerializer(InputSerializer):
    whole_on_patch = True  # `version` is required even in this PATCH (dialogue.api.schema)

    version = serializers.IntegerField(min_value=1, help_text="The `version` you read; a stale one is refused (409).")
    field = serializers.SlugRelatedField(
        slug_field="code", queryset=Field.objects.filter(is_active=True), required=False, allow_null=True
    )
    level = serializers.ChoiceField(choices=JurisdictionLevel.choices, required=False)
    competent_unit = ScopedRelatedField(
        model=Unit,
        scope=_competent_for_petition,
        required=False,
        allow_null=True,
        help_text="A body of the receiving unit's province.",
    )
    forward = serializers.BooleanField(
        required=False,
        default=False,
        help_text="Forward the petition to `competent_unit` (after classifying it): it becomes a group "
        "assigned to that unit.",
    )


# ---------------------------------------------------------------- groups (assignments) and answers


class SupportSerializer(serializers.ModelSerializer):
    unit = UnitRefSerializer(read_only=True)

    class Meta:
        model = Support
        fields = ["unit", "contribution", "contributed_at"]
        read_only_fields = fields


class AssignmentSerializer(serializers.ModelSerializer):
    """A petition group with its lead agency (chủ trì), supporting agencies (phối hợp)
    and the answer's due date."""

    receiving_unit = UnitRefSerializer(read_only=True)
    lead_unit = UnitRefSerializer(read_only=True, allow_null=True)
    field = FieldRefSerializer(read_only=True, allow_null=True)
    supports = SupportSerializer(many=True, read_only=True)
    status = serializers.ChoiceField(choices=GroupStatus.choices, read_only=True)
    level = serializers.ChoiceField(choices=JurisdictionLevel.choices, allow_blank=True, read_only=True)
    answer_mode = serializers.ChoiceField(choices=AnswerMode.choices, read_only=True)
    followup_status = serializers.ChoiceField(choices=FollowUpStatus.choices, allow_blank=True, read_only=True)
    petitions = serializers.SerializerMethodField()

    class Meta:
        model = PetitionGroup
        fields = [
            "id",
            "conference",
            "receiving_unit",
            "summary",
            "field",
            "level",
            "lead_unit",
            "supports",
            "due_date",
            "status",
            "answer_mode",
            "forwarded",
            "previous_group",
            "times_raised",
            "answer_text",
            "approved_at",
            "followup_status",
            "resolve_due",
            "petitions",
            "created_at",
            "updated_at",
            "version",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_petitions(self, group: PetitionGroup) -> list[int]:
        return sorted(p.pk for p in group.petitions.all())


class AssignSerializer(InputSerializer):
    lead_unit = ScopedRelatedField(
        model=Unit, scope=_competent_for_group, help_text="A body of the receiving unit's province."
    )
    supporting_units = ScopedRelatedField(model=Unit, scope=_competent_for_group, many=True, required=False)
    due_date = serializers.DateField(
        required=False, allow_null=True, default=None, help_text="Empty: the conference timeline's deadline."
    )
    version = serializers.IntegerField(min_value=1, required=False, help_text="The group's `version` you read.")


class AttachmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Attachment
        fields = ["name", "size"]
        read_only_fields = fields


class AnswerSerializer(serializers.ModelSerializer):
    status = serializers.ChoiceField(choices=AnswerStatus.choices, read_only=True)
    submitted_by = serializers.CharField(source="submitted_by.get_full_name", read_only=True, allow_null=True)
    reviewed_by = serializers.CharField(source="reviewed_by.get_full_name", read_only=True, allow_null=True)
    attachments = AttachmentSerializer(many=True, read_only=True)

    class Meta:
        model = Answer
        fields = [
            "id",
            "group",
            "text",
            "status",
            "submitted_by",
            "submitted_at",
            "review_comment",
            "reviewed_by",
            "reviewed_at",
            "attachments",
        ]
        read_only_fields = fields


def _visible_groups(context):
    return PetitionGroup.objects.filter(group_scope_q(context["request"].user)).select_related(
        "lead_unit", "receiving_unit"
    )


class AnswerSubmitSerializer(InputSerializer):
    group = ScopedRelatedField(model=PetitionGroup, scope=_visible_groups, help_text="The group your agency leads.")
    text = serializers.CharField(help_text="At least 10 characters.")
    answered_on = serializers.DateField(
        required=False, allow_null=True, default=None, help_text="The date of the written answer; empty: now."
    )
    version = serializers.IntegerField(min_value=1, required=False, help_text="The group's `version` you read.")


class AnswerReviewSerializer(InputSerializer):
    decision = serializers.ChoiceField(choices=[("approve", "approve"), ("return", "return")])
    comment = serializers.CharField(required=False, allow_blank=True, default="", help_text="Required to return.")
    followup_until = serializers.DateField(
        required=False,
        allow_null=True,
        default=None,
        help_text="On approval: follow the matter up until this date (empty: the answer settles it).",
    )


# ---------------------------------------------------------------- directives


class EvidenceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Evidence
        fields = ["name", "content_type", "size", "sha256"]
        read_only_fields = fields


class ProgressUpdateSerializer(serializers.ModelSerializer):
    kind = serializers.ChoiceField(choices=UpdateKind.choices, read_only=True)
    author_unit = UnitRefSerializer(read_only=True, allow_null=True)
    evidence = EvidenceSerializer(many=True, read_only=True)

    class Meta:
        model = ProgressUpdate
        fields = [
            "id",
            "kind",
            "text",
            "status_before",
            "status_after",
            "author_name",
            "author_unit",
            "evidence",
            "created_at",
        ]
        read_only_fields = fields


class DirectiveSerializer(serializers.ModelSerializer):
    lead_unit = UnitRefSerializer(read_only=True, allow_null=True)
    supporting_units = UnitRefSerializer(many=True, read_only=True)
    status = serializers.ChoiceField(choices=DirectiveStatus.choices, read_only=True)
    claimed_status = serializers.ChoiceField(choices=DirectiveStatus.choices, allow_blank=True, read_only=True)
    conference = serializers.IntegerField(source="conclusion.conference_id", read_only=True)

    class Meta:
        model = Directive
        fields = [
            "id",
            "conclusion",
            "conference",
            "order",
            "matter",
            "group",
            "lead_unit",
            "supporting_units",
            "expected_result",
            "due_date",
            "status",
            "claimed_status",
            "resolution_reason",
            "assigned_at",
            "last_update_at",
            "resolved_at",
            "closed_at",
            "created_at",
            "updated_at",
            "version",
        ]
        read_only_fields = fields


class DirectiveDetailSerializer(DirectiveSerializer):
    updates = serializers.SerializerMethodField()

    class Meta(DirectiveSerializer.Meta):
        fields = [*DirectiveSerializer.Meta.fields, "updates"]
        read_only_fields = fields

    @extend_schema_field(ProgressUpdateSerializer(many=True))
    def get_updates(self, directive: Directive):
        from dialogue.followup.services import item_updates

        updates = item_updates(directive).order_by("created_at", "id")
        return ProgressUpdateSerializer(updates, many=True, context=self.context).data


class ProgressSerializer(InputSerializer):
    text = serializers.CharField(max_length=5000, help_text="What has been done; at least 10 characters.")
    version = serializers.IntegerField(min_value=1, required=False, help_text="The directive's `version` you read.")
    submission_key = serializers.UUIDField(
        required=False,
        allow_null=True,
        default=None,
        help_text="Idempotency key (or the Idempotency-Key header): a retried request writes nothing twice.",
    )
