"""Routes of the escalation part of follow-up."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
