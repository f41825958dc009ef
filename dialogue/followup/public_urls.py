"""The petitioner's page, without an account: mounted at a Vietnamese public path
(`path("danh-gia/", include("dialogue.followup.public_urls"))` in config/urls.py)."""

from django.urls import path

from dialogue.followup import views_public

app_name = "satisfaction"
urlpatterns = [path("<str:token>/", views_public.respond, name="respond")]
