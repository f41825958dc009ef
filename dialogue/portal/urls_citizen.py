"""The citizen's own petition: send, track, assess. Paths are Vietnamese; the names
`portal:submit` and `portal:track` are linked from the reading pages."""

from django.urls import path

from dialogue.portal import views_citizen

urlpatterns = [
    path("gui-kien-nghi/", views_citizen.submit, name="submit"),
    path("gui-kien-nghi/da-gui/", views_citizen.submit_done, name="submit_done"),
    path("tra-cuu/", views_citizen.track, name="track"),
    path("tra-cuu/kien-nghi/", views_citizen.tracked, name="tracked"),
    path("tra-cuu/kien-nghi/danh-gia/", views_citizen.rate, name="rate"),
    path("tra-cuu/ket-thuc/", views_citizen.track_end, name="track_end"),
]
