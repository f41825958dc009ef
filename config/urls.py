from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("dialogue.portal.urls")),
    path("accounts/", include("dialogue.organisation.account_urls")),
    path("staff/", include("dialogue.staff.urls")),
    path("organisation/", include("dialogue.organisation.urls")),
    path("calendar/", include("dialogue.workcalendar.urls")),
    path("plans/", include("dialogue.plans.urls")),
    path("petitions/", include("dialogue.petitions.urls")),
    path("proceedings/", include("dialogue.proceedings.urls")),
    path("conclusions/", include("dialogue.conclusions.urls")),
    path("followup/", include("dialogue.followup.urls")),
    path("reminders/", include("dialogue.reminders.urls")),
    path("statistics/", include("dialogue.statistics.urls")),
    path("dossier/", include("dialogue.dossier.urls")),
    path("privacy/", include("dialogue.privacy.urls")),
    # The citizen's page to say whether they are satisfied (a secret link sent by SMS).
    path("danh-gia/", include("dialogue.followup.public_urls")),
    path("audit/", include("dialogue.core.urls")),
    # Other systems: the staff REST API (token, scoped like its person) and Open311 GeoReport v2.
    path("api/v1/", include("dialogue.api.urls")),
    path("open311/v2/", include("dialogue.open311.urls")),
    path("api-keys/", include("dialogue.api.urls_keys")),
    path("admin/", admin.site.urls),
]
