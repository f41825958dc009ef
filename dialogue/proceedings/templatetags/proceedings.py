from django import template

from dialogue.proceedings import services

register = template.Library()


@register.simple_tag
def proceedings_access(user, conference) -> dict:
    """What the person may do on the conference day: run it (secretariat) or approve the
    minutes (chair). The links are shown only to those who may use them."""
    if not getattr(user, "is_authenticated", False) or conference is None:
        return {"run": False, "approve": False, "any": False}
    run = services.can_run(user, conference)
    approve = services.can_approve(user, conference)
    return {"run": run, "approve": approve, "any": run or approve}


@register.filter
def mmss(seconds) -> str:
    seconds = int(seconds or 0)
    return f"{seconds // 60:02d}:{seconds % 60:02d}"
