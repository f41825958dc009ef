from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "dialogue.api"
    label = "api"
    verbose_name = _("API for other systems")

    def ready(self):
        # Registers the bearer key's security scheme with drf-spectacular.
        from dialogue.api import schema  # noqa: F401
