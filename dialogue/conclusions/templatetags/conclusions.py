"""Pieces of the conclusion notice shown on other apps' pages without changing their views."""

from django import template

from dialogue.conclusions import selectors, services

register = template.Library()


@register.simple_tag
def conclusion_access(user, conference) -> dict:
    """What the person may do with the conclusion notice of `conference`."""
    unit = conference.plan.issuing_unit
    draft = services.can_draft(user, unit)
    issue = services.can_issue(user, unit)
    conclusion = selectors.conclusion_of_conference(conference) if (draft or issue) else None
    return {"any": draft or issue, "draft": draft, "issue": issue, "conclusion": conclusion}


@register.inclusion_tag("conclusions/_inbox_card.html")
def directive_inbox_card(user, limit: int = 10):
    """The directives the person's units must act on, for the agency inbox page."""
    rows = selectors.directive_inbox_for_user(user=user, state="open", limit=200)
    return {"rows": rows[:limit], "total": len(rows)}


@register.simple_tag
def directive_countdown(directive) -> dict:
    if directive.status not in selectors.OPEN_DIRECTIVE_STATUSES:
        return {"due": directive.due_date, "late_by": 0, "due_in": None}
    return selectors.countdown(directive.due_date)
