from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from dialogue.conclusions.selectors import directive_counts
from dialogue.core.services import notifications_mark_read
from dialogue.followup.selectors_supervision import can_supervise, is_chair, supervision_counts
from dialogue.staff.selectors import home_summary


@login_required
def home(request):
    context = home_summary(user=request.user)
    context["directive_work"] = directive_counts(user=request.user)
    if can_supervise(request.user):
        context["supervision"] = supervision_counts(user=request.user)
    context["is_chair"] = is_chair(request.user)
    return render(request, "staff/home.html", context)


@login_required
@require_POST
def notifications_read(request):
    notifications_mark_read(user=request.user)
    return redirect("staff:home")
