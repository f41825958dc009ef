"""Account security facts about a person, for pages that show them (person detail)."""

from django import template

from dialogue.organisation import two_factor

register = template.Library()


@register.simple_tag
def two_factor_state(person) -> dict:
    device = two_factor.confirmed_device(person)
    return {
        "enabled": device is not None,
        "confirmed_at": device.confirmed_at if device else None,
        "required": two_factor.is_required(person),
    }
