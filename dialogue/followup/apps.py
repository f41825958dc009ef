from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupConfig(AppConfig):
    name = "dialogue.followup"
    label = "followup"
    verbose_name = _("Follow-up of directives and petitions")
