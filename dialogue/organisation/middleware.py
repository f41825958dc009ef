"""Two-step verification on every request of a signed-in person, whatever way they signed in.

- A person with an authenticator app whose session has not given a code for it (signed
  in some other way, or the app was set up in another session) is signed out and sent
  to the sign-in page.
- A person whose role is listed in TWO_FACTOR_REQUIRED_ROLES and who has no app yet can
  only set one up (or sign out) until it is done.
- The Django admin's own sign-in page leads to ours, which has the code step and the
  lockout.
"""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse

from dialogue.organisation import two_factor

# What a person who must set up two-step verification may still open.
ENROLMENT_URL_NAMES = {"two_factor_setup", "two_factor_recovery_codes", "logout"}


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == reverse("admin:login"):
            return redirect_to_login(request.GET.get("next") or reverse("admin:index"))
        user = request.user
        if not user.is_authenticated:
            return self.get_response(request)
        device_id = two_factor.confirmed_device_id(user.pk)
        if device_id is not None:
            if request.session.get(two_factor.SESSION_VERIFIED) != device_id:
                logout(request)
                messages.info(request, two_factor.MSG_SIGN_IN_WITH_CODE)
                return _go(request, redirect_to_login(request.get_full_path()))
        elif two_factor.is_required(user):
            request.two_factor_enrolment_required = True
            try:
                url_name = resolve(request.path_info).url_name
            except Resolver404:
                url_name = None
            if url_name not in ENROLMENT_URL_NAMES:
                return _go(request, redirect("two_factor_setup"))
        return self.get_response(request)


def _go(request, response):
    """htmx follows a redirect inside the fragment; tell it to load the whole page instead."""
    if request.headers.get("HX-Request"):
        hx = HttpResponse(status=204)
        hx["HX-Redirect"] = response["Location"]
        return hx
    return response
