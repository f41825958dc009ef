from django.urls import path

from dialogue.workcalendar import views

app_name = "workcalendar"
urlpatterns = [
    path("", views.year, name="year"),
    path("<int:year>/", views.year, name="year_of"),
    path("exceptions/create/", views.exception_create, name="exception_create"),
    path("exceptions/<int:pk>/delete/", views.exception_delete, name="exception_delete"),
]
