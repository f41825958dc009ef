"""URLs of dialogue.statistics."""

from django.urls import path  # noqa: F401

app_name = "statistics"
urlpatterns: list = []
