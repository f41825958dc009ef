from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from dialogue.staff.selectors import home_summary


@login_required
def home(request):
    return render(request, "staff/home.html", home_summary(user=request.user))
