from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PetitionsConfig(AppConfig):
    name = "dialogue.petitions"
    label = "petitions"
    verbose_name = _("Petitions")

    def ready(self):
        from dialogue.organisation.signals import unit_paths_changed

        unit_paths_changed.connect(_unit_paths_changed, dispatch_uid="petitions.crossings")


def _unit_paths_changed(sender, unit_ids, **kwargs):
    from dialogue.petitions import crossings

    crossings.refresh(list(unit_ids))
