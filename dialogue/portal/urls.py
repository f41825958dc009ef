"""The public portal: reading (conferences, published results, feeds — `urls_read`) and
the citizen's own petition (submit, track, rate — `urls_citizen`). No account needed."""

from dialogue.portal import urls_citizen, urls_read

app_name = "portal"
urlpatterns = [*urls_read.urlpatterns, *urls_citizen.urlpatterns]
