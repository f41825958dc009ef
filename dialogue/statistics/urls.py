"""URLs of dialogue.statistics: the dashboard, the lists behind its figures, periodic reports."""

from django.urls import include, path

from dialogue.statistics import views

app_name = "statistics"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("rows/<slug:metric>/", views.rows, name="rows"),
    path("reports/", include("dialogue.statistics.report_urls")),
]
