"""/api/v1/: the staff REST API and its OpenAPI document (`schema/`, YAML or `?format=json`)."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.decorators import api_view, authentication_classes, permission_classes, schema
from rest_framework.permissions import AllowAny
from rest_framework.routers import DefaultRouter

from dialogue.api import views

app_name = "api"

# One name per choice set in the document (several fields are called "status" or "level").
ENUM_NAMES = {
    "UnitLevelEnum": "dialogue.organisation.models.Level",
    "UnitStatusEnum": "dialogue.organisation.models.UnitStatus",
    "JurisdictionLevelEnum": "dialogue.petitions.models.JurisdictionLevel",
    "PetitionStatusEnum": "dialogue.petitions.models.PetitionStatus",
    "GroupStatusEnum": "dialogue.petitions.models.GroupStatus",
    "AnswerStatusEnum": "dialogue.petitions.models.AnswerStatus",
    "FollowUpStatusEnum": "dialogue.petitions.models.FollowUpStatus",
    "ConferenceStatusEnum": "dialogue.plans.models.ConferenceStatus",
    "DirectiveStatusEnum": "dialogue.conclusions.models.DirectiveStatus",
    "PetitionOrGroupStatusEnum": "dialogue.api.filters.PETITION_OR_GROUP_STATUSES",
}


class Router(DefaultRouter):
    include_format_suffixes = False


router = Router()
router.register("units", views.UnitViewSet, basename="unit")
router.register("conferences", views.ConferenceViewSet, basename="conference")
router.register("petitions", views.PetitionViewSet, basename="petition")
router.register("assignments", views.AssignmentViewSet, basename="assignment")
router.register("answers", views.AnswerViewSet, basename="answer")
router.register("directives", views.DirectiveViewSet, basename="directive")


@api_view(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"])
@authentication_classes([])
@permission_classes([AllowAny])
@schema(None)
def not_found(request, rest=""):
    return views.not_found(request)


urlpatterns = [
    # The document describes the API, not its data: anyone may read it.
    path(
        "schema/",
        SpectacularAPIView.as_view(
            authentication_classes=[],
            permission_classes=[AllowAny],
            custom_settings={"ENUM_NAME_OVERRIDES": ENUM_NAMES},
        ),
        name="schema",
    ),
    *router.urls,
    re_path(r"^(?P<rest>.*)$", not_found),
]
