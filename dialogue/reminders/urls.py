"""The record of reminders and messages sent, and chase letters (công văn đôn đốc)."""

from django.urls import path

from dialogue.reminders import views

app_name = "reminders"
urlpatterns = [
    path("", views.message_list, name="message_list"),
    path("messages/<int:pk>/", views.message_detail, name="message_detail"),
    path("chase/", views.chase, name="chase"),
    path("chase/units/<int:unit_pk>/", views.chase_agency, name="chase_agency"),
    path("chase/letters/<int:pk>/", views.chase_letter, name="chase_letter"),
    path("chase/letters/<int:pk>/document.<str:fmt>", views.chase_letter_document, name="chase_letter_document"),
]
