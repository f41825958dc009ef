from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationConfig(AppConfig):
    name = "dialogue.organisation"
    label = "organisation"
    verbose_name = _("Organisation")

    def ready(self):
        from dialogue.organisation import checks  # noqa: F401 - registers the system checks
