from django.apps import AppConfig


class WorkcalendarConfig(AppConfig):
    name = "dialogue.workcalendar"
    label = "workcalendar"
