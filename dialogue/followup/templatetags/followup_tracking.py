"""Follow-up pieces shown on other apps' pages (the directives list, a group's page)
without changing their views."""

from django import template

from dialogue.conclusions import selectors as conclusion_selectors
from dialogue.conclusions.models import DirectiveStatus
from dialogue.followup import selectors
from dialogue.organisation.roles import Capability
from dialogue.organisation.selectors import user_can

register = template.Library()

_LABELS = dict(DirectiveStatus.choices)


@register.filter
def followup_status_label(status: str) -> str:
    return str(_LABELS.get(status, "")) if status else ""


@register.filter
def followup_badge(status: str) -> str:
    return selectors.status_class(status)


@register.inclusion_tag("followup/tracking/_inbox_tabs.html")
def directive_inbox_tabs(user, state: str):
    """The filters of the directives list with how many each holds; "awaiting review"
    only for people who review results."""
    counts = conclusion_selectors.directive_inbox_counts(user=user)
    reviewer = user_can(user, Capability.FOLLOWUP_REVIEW)
    keys = [key for key in conclusion_selectors.INBOX_STATES if key != "review" or reviewer]
    return {"tabs": [(key, counts[key]) for key in keys], "state": state}


@register.inclusion_tag("followup/tracking/_group_panel.html")
def group_followup_panel(group):
    """The follow-up summary of a petition group, with the link to its follow-up page."""
    return {"panel": selectors.group_panel(group=group)}
