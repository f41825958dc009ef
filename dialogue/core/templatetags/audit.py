import json

from django import template
from django.utils.translation import gettext

from dialogue.core.audit_actions import ACTION_LABELS

register = template.Library()


@register.filter
def audit_label(action: str) -> str:
    return ACTION_LABELS.get(action, action)


@register.filter
def audit_value(value) -> str:
    """A stored value as a person reads it: a related object by its label."""
    if value is None or value == "":
        return "—"
    if isinstance(value, dict) and "label" in value:
        return value["label"]
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)
