"""URLs of dialogue.reminders."""

from django.urls import path  # noqa: F401

app_name = "reminders"
urlpatterns: list = []
