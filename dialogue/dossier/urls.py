"""URLs of dialogue.dossier."""

from django.urls import path  # noqa: F401

app_name = "dossier"
urlpatterns: list = []
