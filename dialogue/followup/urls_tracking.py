"""Routes of the tracking part of follow-up."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
