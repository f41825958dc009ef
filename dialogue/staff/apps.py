from django.apps import AppConfig


class StaffConfig(AppConfig):
    name = "dialogue.staff"
    label = "staff"
