import re

from django import template
from django.utils.translation import gettext as _

from dialogue.organisation.models import Level

register = template.Library()


@register.filter
def get_item(mapping, key):
    return mapping.get(key, []) if mapping else []


@register.filter
def absolute(value):
    try:
        return abs(int(value))
    except (TypeError, ValueError):
        return value


@register.filter
def duration_hm(minutes):
    """90 -> “1 giờ 30 phút”."""
    minutes = int(minutes or 0)
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return _("%(h)s h %(m)s min") % {"h": hours, "m": rest}
    if hours:
        return _("%(h)s h") % {"h": hours}
    return _("%(m)s min") % {"m": rest}


@register.filter
def level_names(levels):
    names = dict(Level.choices)
    return ", ".join(str(names.get(int(level), level)) for level in levels or [])


_EMPHASIS = re.compile(r"\*{1,3}([^*]+?)\*{1,3}")


@register.filter
def plain(text):
    """A duty as a screen shows it: without the printed bullet and the **bold** markers."""
    text = str(text or "").strip()
    if text[:2] in ("- ", "+ "):
        text = text[2:]
    return _EMPHASIS.sub(r"\1", text)
