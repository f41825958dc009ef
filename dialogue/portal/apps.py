from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "dialogue.portal"
    label = "portal"
