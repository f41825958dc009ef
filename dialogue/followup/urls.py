"""Follow-up of directives and groups: tracking, escalation, supervision, satisfaction.

Each part keeps its own list of routes so separate modules can grow independently."""

from dialogue.followup import urls_escalation, urls_supervision, urls_tracking

app_name = "followup"
urlpatterns = [*urls_tracking.urlpatterns, *urls_escalation.urlpatterns, *urls_supervision.urlpatterns]
