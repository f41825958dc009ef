"""Sign-in (password, then a code from the authenticator app when the person has one),
a person's own account security page, password change and reset by e-mail, and an
administrator's reset of someone's two-step verification."""

from __future__ import annotations

import time
from urllib.parse import urlsplit

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import user_login_failed
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from dialogue.core import ratelimit
from dialogue.core.errors import ServiceError, apply_to_form
from dialogue.lib import totp
from dialogue.lib.qrsvg import qr_svg
from dialogue.organisation import tasks, two_factor
from dialogue.organisation.account_forms import (
    ChangePasswordForm,
    CodeForm,
    NewPasswordForm,
    ResetRequestForm,
    SignInForm,
)
from dialogue.organisation.models import User
from dialogue.organisation.roles import Capability
from dialogue.organisation.selectors import person_get_for_user

HOUR = 3600
SESSION_NEW_CODES = "two_factor_new_codes"

MSG_START_AGAIN = _("Sign-in took too long or was not started. Enter your sign-in name and password again.")
MSG_RECOVERY_USED = _(
    "You signed in with a recovery code; %(n)s left. If your phone is lost, ask your administrator to reset "
    "two-step verification, or make new recovery codes on the account security page."
)
MSG_ENABLED = _("Two-step verification is on. Keep your recovery codes somewhere safe.")
MSG_DISABLED = _("Two-step verification is off.")
MSG_RESET_DONE = _("Two-step verification of %(name)s was reset: they will set it up again at their next sign-in.")
MSG_PASSWORD_CHANGED = _("Your password was changed.")
MSG_RESET_LIMIT = _(
    "Too many password reset requests from this computer. Wait an hour and try again, or ask your system administrator."
)


# --- sign-in --------------------------------------------------------------------------


class SignInView(auth_views.LoginView):
    """Step one. A person with an authenticator app is not signed in yet: the session
    remembers who passed the password for a few minutes and the code page finishes."""

    form_class = SignInForm
    template_name = "registration/login.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["failure_limit"] = settings.AXES_FAILURE_LIMIT
        context["lockout_minutes"] = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
        return context

    def form_valid(self, form):
        user = form.get_user()
        if two_factor.confirmed_device_id(user.pk) is None:
            return super().form_valid(form)
        self.request.session.cycle_key()
        self.request.session[two_factor.SESSION_PENDING] = {
            "user": user.pk,
            "backend": user.backend,
            "at": time.time(),
            "next": self.get_redirect_url(),
        }
        return redirect("two_factor_verify")


def _pending(request) -> tuple[User, dict] | None:
    data = request.session.get(two_factor.SESSION_PENDING)
    if not data or time.time() - data.get("at", 0) > settings.TWO_FACTOR_PENDING_SECONDS:
        request.session.pop(two_factor.SESSION_PENDING, None)
        return None
    user = User.objects.filter(pk=data["user"], is_active=True).select_related("organisation").first()
    return (user, data) if user is not None else None


def _lockout(request, credentials):
    request.session.pop(two_factor.SESSION_PENDING, None)
    return get_lockout_response(request, None, credentials)


@never_cache
@require_http_methods(["GET", "POST"])
def sign_in_code(request):
    """Step two: a code from the app or a recovery code. Each wrong code is a failed
    sign-in for django-axes (same lockout as wrong passwords, per name and address) and
    is also counted per account, whatever the address (TWO_FACTOR_FAILURES_PER_HOUR)."""
    pending = _pending(request)
    if pending is None:
        messages.info(request, MSG_START_AGAIN)
        return redirect("login")
    user, data = pending
    credentials = {"username": user.get_username()}
    if AxesProxyHandler.is_locked(request, credentials):
        return _lockout(request, credentials)
    form = CodeForm(request.POST or None, recovery_allowed=True)
    if request.method == "POST" and form.is_valid():
        try:
            kind = two_factor.two_factor_verify(user=user, code=form.cleaned_data["code"])
        except ServiceError as exc:
            apply_to_form(form, exc)
            two_factor.count_failure(user)
            user_login_failed.send(sender=__name__, credentials=credentials, request=request)
            if getattr(request, "axes_locked_out", False):
                return _lockout(request, credentials)
        else:
            device_id = two_factor.confirmed_device_id(user.pk)
            auth_login(request, user, backend=data["backend"])
            request.session.pop(two_factor.SESSION_PENDING, None)
            request.session[two_factor.SESSION_VERIFIED] = device_id
            if kind == "recovery":
                messages.warning(request, MSG_RECOVERY_USED % {"n": two_factor.recovery_codes_left(user)})
            target = data.get("next") or ""
            if not url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
                target = resolve_url(settings.LOGIN_REDIRECT_URL)
            return redirect(target)
    return render(request, "registration/login_code.html", {"form": form, "person": user})


# --- the person's own account security ------------------------------------------------------


@login_required
def account_security(request):
    user = request.user
    device = two_factor.confirmed_device(user)
    return render(
        request,
        "registration/security.html",
        {
            "device": device,
            "required": two_factor.is_required(user),
            "codes_left": two_factor.recovery_codes_left(user) if device else 0,
        },
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def two_factor_setup(request):
    """Show a new secret (as text and as a QR code drawn here) and turn two-step
    verification on when the person types the first code the app shows."""
    user = request.user
    if two_factor.confirmed_device_id(user.pk) is not None:
        messages.info(request, two_factor.MSG_ALREADY_ON)
        return redirect("account_security")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            codes = two_factor.two_factor_confirm(user=user, code=form.cleaned_data["code"])
        except ServiceError as exc:
            apply_to_form(form, exc)
        else:
            request.session[two_factor.SESSION_VERIFIED] = two_factor.confirmed_device_id(user.pk)
            request.session[SESSION_NEW_CODES] = codes
            messages.success(request, MSG_ENABLED)
            return redirect("two_factor_recovery_codes")
    secret = two_factor.two_factor_begin(user=user)
    uri = two_factor.provisioning_uri(user, secret)
    return render(
        request,
        "registration/two_factor_setup.html",
        {
            "form": form,
            "secret": totp.group_secret(secret),
            "qr": qr_svg(uri, label=str(_("QR code to scan with the authenticator app"))),
            "required": getattr(request, "two_factor_enrolment_required", False),
            "issuer": two_factor.ISSUER,
        },
    )


@never_cache
@login_required
def two_factor_recovery_codes(request):
    """The recovery codes just made, shown once: reloading the page does not show them again."""
    codes = request.session.pop(SESSION_NEW_CODES, None)
    return render(request, "registration/recovery_codes.html", {"codes": codes})


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def two_factor_recovery_regenerate(request):
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            codes = two_factor.recovery_codes_regenerate(user=request.user, code=form.cleaned_data["code"])
        except ServiceError as exc:
            apply_to_form(form, exc)
        else:
            request.session[SESSION_NEW_CODES] = codes
            return redirect("two_factor_recovery_codes")
    return render(request, "registration/two_factor_code_action.html", {"form": form, "action": "regenerate"})


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def two_factor_disable(request):
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            two_factor.two_factor_disable(user=request.user, code=form.cleaned_data["code"])
        except ServiceError as exc:
            apply_to_form(form, exc)
        else:
            request.session.pop(two_factor.SESSION_VERIFIED, None)
            messages.success(request, MSG_DISABLED)
            return redirect("account_security")
    return render(
        request,
        "registration/two_factor_code_action.html",
        {"form": form, "action": "disable", "required": two_factor.is_required(request.user)},
    )


@login_required
@require_POST
def two_factor_reset(request, pk: int):
    """An administrator over the person's unit resets their two-step verification."""
    person = person_get_for_user(user=request.user, pk=pk, capability=Capability.PERSON_MANAGE)
    try:
        two_factor.two_factor_reset(actor=request.user, person=person)
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, MSG_RESET_DONE % {"name": person.full_name or person.username})
    return redirect("organisation:person_detail", pk=person.pk)


# --- passwords ----------------------------------------------------------------------------


class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = ChangePasswordForm
    template_name = "registration/password_change_form.html"
    success_url = reverse_lazy("account_security")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, MSG_PASSWORD_CHANGED)
        return response


def _site(request) -> tuple[str, bool]:
    """Host and scheme for the link in the e-mail: SITE_URL when set, so that a forged
    Host header cannot send people elsewhere; otherwise the (ALLOWED_HOSTS-checked) host."""
    if settings.SITE_URL:
        parts = urlsplit(settings.SITE_URL)
        return parts.netloc, parts.scheme == "https"
    return request.get_host(), request.is_secure()


class PasswordResetView(auth_views.PasswordResetView):
    """Always the same answer, whether the address is known or not. The look-up and the
    e-mail happen in the worker. Limits: PASSWORD_RESET_PER_IP_HOUR requests per client
    address (over it: a page asking to wait) and PASSWORD_RESET_PER_ADDRESS_HOUR e-mails
    per address typed (over it: the same answer, and nothing is sent)."""

    form_class = ResetRequestForm
    template_name = "registration/password_reset_form.html"

    def form_valid(self, form):
        address = ratelimit.client_address(self.request)
        if not ratelimit.allow(f"password-reset:ip:{address}", limit=settings.PASSWORD_RESET_PER_IP_HOUR, seconds=HOUR):
            context = self.get_context_data(form=form, limit_message=MSG_RESET_LIMIT)
            return self.render_to_response(context, status=429)
        email = form.cleaned_data["email"].strip().lower()
        if ratelimit.allow(
            f"password-reset:email:{email}", limit=settings.PASSWORD_RESET_PER_ADDRESS_HOUR, seconds=HOUR
        ):
            domain, use_https = _site(self.request)
            tasks.password_reset_send.enqueue(email=email, domain=domain, use_https=use_https)
        return redirect("password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "registration/password_reset_done.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["per_address"] = settings.PASSWORD_RESET_PER_ADDRESS_HOUR
        context["minutes"] = settings.PASSWORD_RESET_TIMEOUT // 60
        return context


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = NewPasswordForm
    template_name = "registration/password_reset_confirm.html"


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "registration/password_reset_complete.html"
