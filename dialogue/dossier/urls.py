"""URLs of dialogue.dossier: the conference dossier (hồ sơ hội nghị) as one ZIP."""

from django.urls import path

from dialogue.dossier import views

app_name = "dossier"
urlpatterns = [
    path("conference/<int:pk>/", views.conference_dossier, name="conference"),
    path("conference/<int:pk>/build/", views.dossier_build, name="build"),
    path("<int:pk>/download/", views.dossier_download, name="download"),
]
