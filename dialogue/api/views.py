"""The staff REST API (`/api/v1/`). A key acts as its person: every list and lookup goes
through the scoped selectors of the staff pages, every write through the services
(which check the roles, move states through the transition tables and write the audit
log with the key's person as actor). Views only parse, look up, call and answer."""

from __future__ import annotations

import uuid
from datetime import datetime, time

from django.db import transaction
from django.db.models import F, Prefetch
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from dialogue.api import serializers as s
from dialogue.api.errors import Conflict, stale
from dialogue.api.fields import MAX_ID
from dialogue.api.filters import (
    AnswerQuery,
    AssignmentQuery,
    ConferenceQuery,
    DirectiveQuery,
    PetitionQuery,
    UnitQuery,
)
from dialogue.api.schema import ApiAutoSchema
from dialogue.api.throttling import TokenRateThrottle
from dialogue.conclusions.models import OPEN_DIRECTIVE_STATUSES, Directive
from dialogue.conclusions.selectors import inbox_scope_q
from dialogue.followup import services as followup_services
from dialogue.followup.models import ProgressUpdate
from dialogue.followup.selectors import directive_for_user
from dialogue.lib.text import fold
from dialogue.organisation.models import Unit
from dialogue.organisation.roles import Capability
from dialogue.organisation.selectors import unit_get_for_user, unit_list_for_user, user_can
from dialogue.petitions import selectors as petition_selectors
from dialogue.petitions import services as petition_services
from dialogue.petitions.models import Answer, AnswerStatus, Petition, PetitionGroup, Support
from dialogue.petitions.selectors import PetitionFilters, group_scope_q
from dialogue.petitions.suggest import suggest
from dialogue.plans.models import Conference, Plan
from dialogue.plans.selectors import conference_get_for_user, plan_scope_q
from dialogue.privacy.access import record_contact_access

MSG_KEY_REQUIRED = _(
    "Send an Idempotency-Key header (or a submission_key in the body), so that a retried request creates nothing twice."
)
MSG_KEY_INVALID = _("The Idempotency-Key is 1 to 200 visible ASCII characters.")
MSG_NOTHING_TO_CHANGE = _("Send at least one of field, level, competent_unit, or forward: true.")
MSG_ANSWER_NOT_PENDING = _("This answer is not the one awaiting review (it was reviewed, or a newer one was sent).")
MSG_NOT_INTAKE = _("Your roles do not allow entering petitions.")
MSG_UNKNOWN_PARAMETER = _("Unknown query parameter; see the API document for the ones this address takes.")

# Keys a client sends are turned into ours with the person's id, so one person's key can
# never return another person's petition or update.
KEY_NAMESPACE = uuid.UUID("6f1c3a52-43a0-4c55-9a7e-1f0d6a9f3b21")
IDEMPOTENCY_HEADER = OpenApiParameter(
    name="Idempotency-Key",
    type=OpenApiTypes.STR,
    location=OpenApiParameter.HEADER,
    required=False,
    description="Any string of 1–200 visible ASCII characters, new for each new request and repeated "
    "when the same request is retried (or send `submission_key` in the body).",
)


def not_found(request, *args, **kwargs):
    """Any other address under /api/v1/: a 404 in the API's own JSON."""
    raise Http404


def _idempotency_key(request, body_key: uuid.UUID | None, kind: str) -> uuid.UUID:
    raw = request.headers.get("Idempotency-Key")
    if raw is not None:
        if not 1 <= len(raw) <= 200 or not all(33 <= ord(c) < 127 for c in raw):
            raise exceptions.ValidationError({"Idempotency-Key": [str(MSG_KEY_INVALID)]})
        text = raw
    elif body_key is not None:
        text = str(body_key)
    else:
        raise exceptions.ValidationError({"Idempotency-Key": [str(MSG_KEY_REQUIRED)]})
    return uuid.uuid5(KEY_NAMESPACE, f"{request.user.pk}:{kind}:{text}")


def _check_version(model, pk: int, sent: int | None) -> None:
    """Optimistic concurrency for the services that take no expected version: inside the
    caller's transaction, lock the row and refuse a change made on a stale copy (409)."""
    if sent is None:
        return
    current = model.objects.select_for_update().filter(pk=pk).values_list("version", flat=True).first()
    if current != sent:
        raise stale(current=current, sent=sent)


class ApiViewSet(viewsets.GenericViewSet):
    schema = ApiAutoSchema()
    # Any id reaches the view, which answers 404 in JSON for what is not one.
    lookup_value_regex = "[^/]+"
    throttle_classes = [TokenRateThrottle]
    filter_backends = []
    query_serializer = None

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.refuse_unknown_parameters(request)

    def refuse_unknown_parameters(self, request) -> None:
        """A misspelt filter would silently widen a list: refuse what is not documented."""
        known = {"format"}
        if self.action == "list":
            known |= set(self.query_serializer().fields) | {"page", "page_size"}
        unknown = sorted(set(request.query_params) - known)
        if unknown:
            raise exceptions.ValidationError({unknown[0]: [str(MSG_UNKNOWN_PARAMETER)]})

    def query(self) -> dict:
        # A plain dict, not the QueryDict: DRF would take an empty value ("?date_to=") for
        # an absent one, and the document says it is not a date.
        parsed = self.query_serializer(data=self.request.query_params.dict())
        parsed.is_valid(raise_exception=True)
        return parsed.validated_data

    def object_id(self) -> int:
        """The id in the URL; anything that is not one is simply not found."""
        raw = str(self.kwargs.get("pk", ""))
        if not raw.isascii() or not raw.isdigit() or len(raw) > 19 or not 1 <= int(raw) <= MAX_ID:
            raise Http404
        return int(raw)

    def page_of(self, queryset, serializer_class, **context):
        page = self.paginate_queryset(queryset)
        data = serializer_class(page, many=True, context={**self.get_serializer_context(), **context}).data
        return self.get_paginated_response(data)

    def answer(self, instance, serializer_class=None, code=status.HTTP_200_OK):
        serializer_class = serializer_class or self.get_serializer_class()
        return Response(serializer_class(instance, context=self.get_serializer_context()).data, status=code)

    def parse(self, serializer_class, **context):
        parsed = serializer_class(data=self.request.data, context={**self.get_serializer_context(), **context})
        parsed.is_valid(raise_exception=True)
        return parsed.validated_data


# ---------------------------------------------------------------- units


@extend_schema_view(
    list=extend_schema(
        summary="Units your roles cover",
        parameters=[UnitQuery],
        description="Ordered by level, kind and name. `q` matches words of the name with or without accents.",
    ),
    retrieve=extend_schema(summary="One unit"),
)
class UnitViewSet(ApiViewSet):
    queryset = Unit.objects.none()  # the model, for the schema; lookups go through the selectors
    serializer_class = s.UnitSerializer
    query_serializer = UnitQuery

    def list(self, request):
        q = self.query()
        units = unit_list_for_user(user=request.user, query=q.get("q", ""), include_dissolved=q["include_dissolved"])
        if "level" in q:
            units = units.filter(level=q["level"])
        if "parent" in q:
            units = units.filter(parent_id=q["parent"])
        if q.get("kind"):
            units = units.filter(kind__code=q["kind"])
        return self.page_of(units.order_by("level", "kind__sort_order", "name_folded", "id"), s.UnitSerializer)

    def retrieve(self, request, pk=None):
        return self.answer(unit_get_for_user(user=request.user, pk=self.object_id()))


# ---------------------------------------------------------------- conferences


def _conferences_for(user):
    """Conferences of the plans the person may read (as `conference_get_for_user`)."""
    visible = Plan.objects.filter(plan_scope_q(user)).values("pk")
    return Conference.objects.filter(plan__in=visible).select_related("plan", "plan__issuing_unit", "host_unit")


@extend_schema_view(
    list=extend_schema(
        summary="Conferences of the plans you may read", parameters=[ConferenceQuery], description="Latest first."
    ),
    retrieve=extend_schema(summary="One conference"),
)
class ConferenceViewSet(ApiViewSet):
    queryset = Conference.objects.none()  # the model, for the schema; lookups go through the selectors
    serializer_class = s.ConferenceSerializer
    query_serializer = ConferenceQuery

    def list(self, request):
        q = self.query()
        conferences = _conferences_for(request.user)
        if "host_unit" in q:
            conferences = conferences.filter(host_unit_id=q["host_unit"])
        if "plan" in q:
            conferences = conferences.filter(plan_id=q["plan"])
        if q.get("status"):
            conferences = conferences.filter(status=q["status"])
        if "date_from" in q:
            conferences = conferences.filter(date__gte=q["date_from"])
        if "date_to" in q:
            conferences = conferences.filter(date__lte=q["date_to"])
        conferences = conferences.order_by(F("date").desc(nulls_last=True), "-id")
        return self.page_of(conferences, s.ConferenceSerializer)

    def retrieve(self, request, pk=None):
        return self.answer(conference_get_for_user(user=request.user, pk=self.object_id()))


# ---------------------------------------------------------------- petitions


@extend_schema_view(
    list=extend_schema(
        summary="Petitions you may see",
        parameters=[PetitionQuery],
        description="As the staff petition list: received by your units, or in the groups your agency "
        "leads or supports. Latest received first.",
    ),
    retrieve=extend_schema(summary="One petition"),
    create=extend_schema(
        summary="Record a petition",
        request=s.PetitionCreateSerializer,
        parameters=[IDEMPOTENCY_HEADER],
        responses={201: s.PetitionSerializer, 200: s.PetitionSerializer},
        description="Needs an intake role over `receiving_unit`. 201 when recorded; 200 with the petition "
        "already recorded when the same idempotency key is sent again.",
    ),
    partial_update=extend_schema(
        summary="Classify (triage) or forward a petition",
        request=s.PetitionTriageSerializer,
        responses={200: s.PetitionSerializer},
        description="Needs a triage role over the receiving unit. Omitted values keep what the petition "
        "has. With `forward: true` the petition is forwarded to `competent_unit` after being classified. "
        "A stale `version` is refused with 409.",
    ),
)
class PetitionViewSet(ApiViewSet):
    queryset = Petition.objects.none()  # the model, for the schema; lookups go through the selectors
    serializer_class = s.PetitionSerializer
    query_serializer = PetitionQuery
    http_method_names = ["get", "post", "patch", "head", "options"]

    def list(self, request):
        q = self.query()
        filters = PetitionFilters(
            query=q.get("q", ""),
            conference=q.get("conference"),
            field=q.get("field", ""),
            level=q.get("level", ""),
            agency=q.get("agency"),
            status=q.get("status", ""),
            channel=q.get("channel", ""),
            date_from=q.get("received_from"),
            date_to=q.get("received_to"),
            raised_before=q["raised_before"],
            ack_due=q["ack_due"],
        )
        petitions = petition_selectors.petition_list_for_user(user=request.user, filters=filters).select_related(
            "receiving_unit", "competent_unit"
        )
        response = self.page_of(petitions, s.PetitionSerializer)
        record_contact_access(request.user, self.paginator.page.object_list, where="api_petition_list")
        return response

    def retrieve(self, request, pk=None):
        petition = petition_selectors.petition_get_for_user(user=request.user, pk=self.object_id())
        record_contact_access(request.user, [petition], where="api_petition")
        return self.answer(petition)

    def create(self, request):
        if not user_can(request.user, Capability.PETITION_INTAKE):
            raise exceptions.PermissionDenied(MSG_NOT_INTAKE)
        data = self.parse(s.PetitionCreateSerializer)
        key = _idempotency_key(request, data["submission_key"], "petition")
        existing = Petition.objects.filter(submission_key=key).values_list("pk", flat=True).first()
        if existing is not None:
            return self.answer(petition_selectors.petition_get_for_user(user=request.user, pk=existing))
        petition = petition_services.petition_receive(
            actor=request.user,
            receiving_unit=data["receiving_unit"],
            conference=data["conference"],
            channel=data["channel"],
            petitioner_kind=data["petitioner_kind"],
            name=data["name"],
            phone=data["phone"],
            address=data["address"],
            organisation=data["organisation"],
            position=data["position"],
            content=data["content"],
            received_on=data["received_on"],
            submission_key=key,
        )
        petition = petition_selectors.petition_get_for_user(user=request.user, pk=petition.pk)
        return self.answer(petition, code=status.HTTP_201_CREATED)

    def partial_update(self, request, pk=None):
        petition = petition_selectors.petition_get_for_user(user=request.user, pk=self.object_id())
        if not user_can(request.user, Capability.PETITION_TRIAGE, petition.receiving_unit):
            raise exceptions.PermissionDenied(petition_services.MSG_NOT_ALLOWED)
        data = self.parse(s.PetitionTriageSerializer, petition=petition)
        classify = any(name in data for name in ("field", "level", "competent_unit"))
        if not classify and not data["forward"]:
            raise exceptions.ValidationError({"non_field_errors": [str(MSG_NOTHING_TO_CHANGE)]})
        suggestion = suggest(petition) if classify else None
        with transaction.atomic():
            _check_version(Petition, petition.pk, data["version"])
            current = Petition.objects.select_related("field", "competent_unit").get(pk=petition.pk)
            competent = data.get("competent_unit", current.competent_unit)
            if classify:
                petition_services.petition_triage(
                    actor=request.user,
                    petition=current,
                    field=data.get("field", current.field),
                    level=data.get("level", current.level),
                    competent_unit=competent,
                    suggestion=suggestion,
                )
            if data["forward"]:
                petition_services.petition_forward(actor=request.user, petition=current, competent_unit=competent)
        petition = petition_selectors.petition_get_for_user(user=request.user, pk=petition.pk)
        record_contact_access(request.user, [petition], where="api_petition")
        return self.answer(petition)


# ---------------------------------------------------------------- assignments (petition groups)


def _with_members(groups):
    return groups.prefetch_related(
        Prefetch("supports", queryset=Support.objects.select_related("unit").order_by("id")),
        Prefetch("petitions", queryset=Petition.objects.only("id", "group_id")),
    )


@extend_schema_view(
    list=extend_schema(
        summary="Petition groups and their assignment",
        parameters=[AssignmentQuery],
        description="Groups received by your units, or led or supported by your agency.",
    ),
    retrieve=extend_schema(summary="One petition group with its lead and supporting agencies"),
    assign=extend_schema(
        summary="Assign a group to a lead agency with supporting agencies",
        request=s.AssignSerializer,
        responses={200: s.AssignmentSerializer},
        description="Needs a triage role over the receiving unit. The due date defaults to the conference "
        "timeline's deadline for agencies' answers.",
    ),
)
class AssignmentViewSet(ApiViewSet):
    queryset = PetitionGroup.objects.none()  # the model, for the schema; lookups go through the selectors
    serializer_class = s.AssignmentSerializer
    query_serializer = AssignmentQuery

    def list(self, request):
        q = self.query()
        groups = petition_selectors.group_list_for_user(user=request.user)
        if "conference" in q:
            groups = groups.filter(conference_id=q["conference"])
        if q.get("status"):
            groups = groups.filter(status=q["status"])
        if "lead_unit" in q:
            groups = groups.filter(lead_unit_id=q["lead_unit"])
        if q.get("field"):
            groups = groups.filter(field__code=q["field"])
        if q.get("level"):
            groups = groups.filter(level=q["level"])
        if "due_from" in q:
            groups = groups.filter(due_date__gte=q["due_from"])
        if "due_to" in q:
            groups = groups.filter(due_date__lte=q["due_to"])
        for word in fold(q.get("q", "")).split():
            groups = groups.filter(search_folded__contains=word)
        groups = _with_members(groups.select_related("receiving_unit")).order_by(
            "field__sort_order", "level", "-created_at", "-id"
        )
        return self.page_of(groups, s.AssignmentSerializer)

    def _group(self) -> PetitionGroup:
        group = petition_selectors.group_get_for_user(user=self.request.user, pk=self.object_id())
        return _with_members(PetitionGroup.objects.select_related("receiving_unit", "lead_unit", "field")).get(
            pk=group.pk
        )

    def retrieve(self, request, pk=None):
        return self.answer(self._group())

    @action(detail=True, methods=["post"])
    def assign(self, request, pk=None):
        group = self._group()
        if not user_can(request.user, Capability.PETITION_TRIAGE, group.receiving_unit):
            raise exceptions.PermissionDenied(petition_services.MSG_NOT_ALLOWED)
        data = self.parse(s.AssignSerializer, group=group)
        with transaction.atomic():
            _check_version(PetitionGroup, group.pk, data.get("version"))
            petition_services.group_assign(
                actor=request.user,
                group=group,
                lead_unit=data["lead_unit"],
                supporting_units=data.get("supporting_units", []),
                due_date=data["due_date"],
            )
        return self.answer(self._group())


# ---------------------------------------------------------------- answers


def _answers_for(user):
    """Answers of the groups the person may read (as the staff group page shows them)."""
    visible = PetitionGroup.objects.filter(group_scope_q(user)).values("pk")
    return (
        Answer.objects.filter(group__in=visible)
        .select_related("submitted_by", "reviewed_by", "group")
        .prefetch_related("attachments")
    )


def _answered_at(day) -> datetime | None:
    """A past date stands for that day (as on the staff page); today is now."""
    if day is None or day == timezone.localdate():
        return None
    return timezone.make_aware(datetime.combine(day, time(0)))


@extend_schema_view(
    list=extend_schema(summary="Answers of the groups you may see", parameters=[AnswerQuery]),
    retrieve=extend_schema(summary="One answer"),
    create=extend_schema(
        summary="Submit the lead agency's answer for a group",
        request=s.AnswerSubmitSerializer,
        responses={201: s.AnswerSerializer},
        description="Only the lead agency answers; the group must be assigned or returned. The synthesis "
        "board then approves or returns it.",
    ),
    review=extend_schema(
        summary="Approve or return an answer",
        request=s.AnswerReviewSerializer,
        responses={200: s.AnswerSerializer},
        description="Needs the synthesis board's role over the receiving unit; only the answer awaiting "
        "review (the latest, submitted) can be reviewed. Returning needs a comment.",
    ),
)
class AnswerViewSet(ApiViewSet):
    queryset = Answer.objects.none()  # the model, for the schema; lookups go through the selectors
    serializer_class = s.AnswerSerializer
    query_serializer = AnswerQuery
    http_method_names = ["get", "post", "head", "options"]

    def list(self, request):
        q = self.query()
        answers = _answers_for(request.user)
        if "group" in q:
            answers = answers.filter(group_id=q["group"])
        if q.get("status"):
            answers = answers.filter(status=q["status"])
        if "submitted_from" in q:
            answers = answers.filter(submitted_at__date__gte=q["submitted_from"])
        if "submitted_to" in q:
            answers = answers.filter(submitted_at__date__lte=q["submitted_to"])
        return self.page_of(answers.order_by("-submitted_at", "-id"), s.AnswerSerializer)

    def _answer(self) -> Answer:
        answer = _answers_for(self.request.user).filter(pk=self.object_id()).first()
        if answer is None:
            raise Http404
        return answer

    def retrieve(self, request, pk=None):
        return self.answer(self._answer())

    def create(self, request):
        data = self.parse(s.AnswerSubmitSerializer)
        group = data["group"]
        if not petition_services.can_answer(request.user, group):
            raise exceptions.PermissionDenied(petition_services.MSG_NOT_LEAD)
        with transaction.atomic():
            _check_version(PetitionGroup, group.pk, data.get("version"))
            answer = petition_services.answer_submit(
                actor=request.user, group=group, text=data["text"], at=_answered_at(data["answered_on"])
            )
        return self.answer(_answers_for(request.user).get(pk=answer.pk), code=status.HTTP_201_CREATED)

    @action(detail=True, methods=["post"])
    def review(self, request, pk=None):
        answer = self._answer()
        group = answer.group
        if not user_can(request.user, Capability.ANSWER_REVIEW, group.receiving_unit):
            raise exceptions.PermissionDenied(petition_services.MSG_NOT_ALLOWED)
        data = self.parse(s.AnswerReviewSerializer)
        with transaction.atomic():
            PetitionGroup.objects.select_for_update().filter(pk=group.pk).first()
            latest = Answer.objects.filter(group=group).order_by("-submitted_at", "-id").first()
            if latest is None or latest.pk != answer.pk or latest.status != AnswerStatus.SUBMITTED:
                raise Conflict(MSG_ANSWER_NOT_PENDING)
            petition_services.answer_review(
                actor=request.user,
                group=group,
                approve=data["decision"] == "approve",
                comment=data["comment"],
                followup_until=data["followup_until"],
            )
        return self.answer(self._answer())


# ---------------------------------------------------------------- directives


@extend_schema_view(
    list=extend_schema(
        summary="Directives addressed to your units or reviewed by your synthesis board",
        parameters=[DirectiveQuery],
        description="As the staff directives list: directives of issued conclusion notices. Earliest due first.",
    ),
    retrieve=extend_schema(summary="One directive with its follow-up timeline", responses=s.DirectiveDetailSerializer),
    progress=extend_schema(
        summary="Post a progress update on a directive",
        request=s.ProgressSerializer,
        parameters=[IDEMPOTENCY_HEADER],
        responses={201: s.ProgressUpdateSerializer, 200: s.ProgressUpdateSerializer},
        description="The unit that must act, or a supporting unit; the first update puts an assigned "
        "directive in progress. 200 with the update already written when the same idempotency key is sent "
        "again. Files are attached on the staff follow-up page.",
    ),
)
class DirectiveViewSet(ApiViewSet):
    queryset = Directive.objects.none()  # the model, for the schema; lookups go through the selectors
    serializer_class = s.DirectiveSerializer
    query_serializer = DirectiveQuery

    def list(self, request):
        q = self.query()
        directives = (
            Directive.objects.filter(inbox_scope_q(request.user))
            .select_related("lead_unit", "conclusion")
            .prefetch_related("supporting_units")
        )
        if q.get("status"):
            directives = directives.filter(status=q["status"])
        if "lead_unit" in q:
            directives = directives.filter(lead_unit_id=q["lead_unit"])
        if "conference" in q:
            directives = directives.filter(conclusion__conference_id=q["conference"])
        if "due_from" in q:
            directives = directives.filter(due_date__gte=q["due_from"])
        if "due_to" in q:
            directives = directives.filter(due_date__lte=q["due_to"])
        if q["late"]:
            directives = directives.filter(status__in=OPEN_DIRECTIVE_STATUSES, due_date__lt=timezone.localdate())
        directives = directives.order_by(F("due_date").asc(nulls_last=True), "id")
        return self.page_of(directives, s.DirectiveSerializer)

    def retrieve(self, request, pk=None):
        directive = directive_for_user(user=request.user, pk=self.object_id())
        return self.answer(directive, s.DirectiveDetailSerializer)

    @action(detail=True, methods=["post"])
    def progress(self, request, pk=None):
        directive = directive_for_user(user=request.user, pk=self.object_id())
        if not (
            followup_services.can_update(request.user, directive)
            or followup_services.can_support(request.user, directive)
        ):
            raise exceptions.PermissionDenied(followup_services.MSG_NOT_RESPONSIBLE)
        data = self.parse(s.ProgressSerializer)
        key = _idempotency_key(request, data["submission_key"], f"progress:{directive.pk}")
        replay = ProgressUpdate.objects.filter(submission_key=key).exists()
        update = followup_services.progress_post(
            actor=request.user,
            item=directive,
            text=data["text"],
            submission_key=key,
            expected_version=data.get("version"),
        )
        update = ProgressUpdate.objects.select_related("author_unit").prefetch_related("evidence").get(pk=update.pk)
        return self.answer(
            update, s.ProgressUpdateSerializer, status.HTTP_200_OK if replay else status.HTTP_201_CREATED
        )
