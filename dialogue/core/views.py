from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render

from dialogue.core.selectors import audit_entry_get_for_user, audit_list_for_user
from dialogue.organisation.roles import Capability
from dialogue.organisation.selectors import user_can


@login_required
def audit_list(request):
    if not user_can(request.user, Capability.AUDIT_VIEW):
        raise PermissionDenied
    entries = audit_list_for_user(
        user=request.user,
        action=request.GET.get("action", ""),
        actor=request.GET.get("actor", ""),
        query=request.GET.get("q", ""),
    )
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "core/audit_list.html",
        {"page": page, "filters": request.GET, "actions": _action_labels()},
    )


@login_required
def audit_detail(request, pk: int):
    entry = audit_entry_get_for_user(user=request.user, pk=pk)
    return render(
        request, "core/audit_detail.html", {"entry": entry, "action_label": _action_labels().get(entry.action)}
    )


def _action_labels():
    from dialogue.core.audit_actions import ACTION_LABELS

    return ACTION_LABELS
