"""The staff pages to issue and revoke API keys (mounted at /api-keys/)."""

from django.urls import path

from dialogue.api import views_keys

app_name = "api_keys"
urlpatterns = [
    path("", views_keys.key_list, name="list"),
    path("<int:pk>/revoke/", views_keys.key_revoke, name="revoke"),
]
