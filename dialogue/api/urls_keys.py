"""The staff pages to issue and revoke API keys (mounted at /api-keys/)."""

app_name = "api_keys"
urlpatterns = []
