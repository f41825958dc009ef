from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from dialogue.conclusions.selectors import directive_counts
from dialogue.core.services import notifications_mark_read
from dialogue.staff.selectors import home_summary


@login_required
def home(request):
    context = home_summary(user=request.user)
    context["directive_work"] = directive_counts(user=request.user)
    return render(request, "staff/home.html", context)


@login_required
@require_POST
def notifications_read(request):
    notifications_mark_read(user=request.user)
    return redirect("staff:home")
