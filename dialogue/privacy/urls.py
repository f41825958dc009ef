"""URLs of dialogue.privacy: personal data of petitioners (look-up, export, anonymisation)
and the log of who was shown their contact details."""

from django.urls import path

from dialogue.privacy import views

app_name = "privacy"
urlpatterns = [
    path("", views.home, name="home"),
    path("lookup/", views.lookup, name="lookup"),
    path("export/", views.export, name="export"),
    path("anonymise/", views.anonymise, name="anonymise"),
    path("access/", views.access_list, name="access_list"),
    path("access/petition/<int:pk>/", views.access_petition, name="access_petition"),
    path("access/staff/<int:pk>/", views.access_staff, name="access_staff"),
]
