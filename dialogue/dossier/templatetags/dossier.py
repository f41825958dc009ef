"""The link to the conference dossier, shown on the conference page without changing its view."""

from django import template

from dialogue.dossier.services import can_archive

register = template.Library()


@register.simple_tag
def dossier_access(user, conference) -> bool:
    """Whether the person may build and download the dossier of `conference`."""
    return can_archive(user, conference)
