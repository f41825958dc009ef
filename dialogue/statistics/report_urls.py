"""URLs of the periodic reports, included by dialogue/statistics/urls.py under
`reports/` (so the name is `statistics:reports`)."""

from django.urls import path

from dialogue.statistics import report_views

urlpatterns = [
    path("", report_views.report_page, name="reports"),
]
