"""Routes of the tracking part of follow-up: the follow-up page of a directive or a
petition group, its forms, and the download of evidence."""

from django.urls import path

from dialogue.followup import views_tracking as views

urlpatterns = [
    path("directives/<int:pk>/", views.directive_page, name="directive"),
    path("directives/<int:pk>/<slug:action>/", views.act, {"kind": "directive"}, name="directive_act"),
    path("groups/<int:pk>/", views.group_page, name="group"),
    path("groups/<int:pk>/<slug:action>/", views.act, {"kind": "group"}, name="group_act"),
    path("evidence/<int:pk>/", views.evidence_download, name="evidence"),
]
