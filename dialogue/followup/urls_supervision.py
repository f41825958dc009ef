"""Routes of the supervision part of follow-up: read-only lists for MTTQ, the inspection
commission and the synthesis board, and the chair's overview of their conferences."""

from django.urls import path

from dialogue.followup import views_supervision as views

urlpatterns: list = [
    path("supervision/", views.supervision_list, name="supervision"),
    path("supervision/export.xlsx", views.supervision_export, name="supervision_export"),
    path("supervision/directive/<int:pk>/", views.supervision_directive, name="supervision_directive"),
    path("supervision/group/<int:pk>/", views.supervision_group, name="supervision_group"),
    path("chair/", views.chair_overview, name="chair_overview"),
]
