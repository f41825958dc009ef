"""Routes of the escalation part of follow-up (kiến nghị với cấp trên)."""

from django.urls import path

from dialogue.followup import views_escalation as views

urlpatterns: list = [
    path("escalations/", views.escalation_inbox, name="escalation_inbox"),
    path("escalations/new/<str:kind>/<int:pk>/", views.escalation_create, name="escalation_create"),
    path("escalations/<int:pk>/", views.escalation_detail, name="escalation_detail"),
    path("escalations/<int:pk>/answer/", views.escalation_answer, name="escalation_answer"),
    path("escalations/<int:pk>/return/", views.escalation_return, name="escalation_return"),
    path("escalations/<int:pk>/documents/<int:evidence_pk>/", views.escalation_evidence, name="escalation_evidence"),
]
