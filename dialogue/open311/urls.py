"""GeoReport v2 at /open311/v2/: every resource ends in its format, `.json` or `.xml`."""

from django.urls import re_path

from dialogue.open311 import views

app_name = "open311"

FORMAT = r"\.(?P<fmt>json|xml)$"

urlpatterns = [
    re_path(r"^discovery" + FORMAT, views.discovery, name="discovery"),
    re_path(r"^services" + FORMAT, views.services, name="services"),
    re_path(r"^services/(?P<code>[^/]+?)" + FORMAT, views.service_definition, name="service_definition"),
    re_path(r"^requests" + FORMAT, views.requests, name="requests"),
    re_path(r"^requests/(?P<request_id>[^/]+?)" + FORMAT, views.request_detail, name="request_detail"),
    # Anything else answers in the spec's error format (XML unless it asked for .json).
    re_path(r"^(?P<rest>.*)$", views.not_found, name="not_found"),
]
