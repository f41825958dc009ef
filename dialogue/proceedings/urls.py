from django.urls import path

from dialogue.proceedings import views

app_name = "proceedings"

urlpatterns = [
    path("conferences/<int:pk>/check-in/", views.checkin, name="checkin"),
    path("conferences/<int:pk>/check-in/attendance/", views.attendance_part, name="attendance"),
    path("conferences/<int:pk>/check-in/code/", views.checkin_code, name="checkin_code"),
    path("conferences/<int:pk>/check-in/walk-in/", views.walk_in, name="walk_in"),
    path("conferences/<int:pk>/check-in/<int:participant_pk>/", views.checkin_mark, name="checkin_mark"),
    path("check-in/<uuid:token>/", views.checkin_token, name="checkin_token"),
    path("conferences/<int:pk>/speakers/", views.speakers, name="speakers"),
    path("conferences/<int:pk>/speakers/add/", views.speaker_add, name="speaker_add"),
    path("speakers/<int:pk>/change/", views.speaker_change, name="speaker_change"),
    path("speakers/<int:pk>/record/", views.console_record, name="record"),
    path("conferences/<int:pk>/console/", views.console, name="console"),
    path("conferences/<int:pk>/console/status/", views.console_status, name="console_status"),
    path("conferences/<int:pk>/console/next-<str:what>/", views.console_next, name="console_next"),
    path("conferences/<int:pk>/hall/", views.hall, name="hall"),
    path("conferences/<int:pk>/minutes/", views.minutes, name="minutes"),
    path("conferences/<int:pk>/minutes/edit/", views.minutes_edit, name="minutes_edit"),
    path("conferences/<int:pk>/minutes/<str:action>/", views.minutes_action, name="minutes_action"),
    path("conferences/<int:pk>/minutes.<str:fmt>", views.minutes_document, name="minutes_document"),
]
