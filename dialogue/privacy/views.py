"""Personal data of petitioners: an administrator looks a person up, downloads their data
and anonymises it; administrators and the synthesis board read who was shown contact
details. Views parse input, check the person's right, call one service and render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dialogue.core.errors import ServiceError, apply_to_form
from dialogue.privacy import selectors, services
from dialogue.privacy.forms import AccessFilterForm, AnonymiseForm, LookupForm
from dialogue.privacy.models import AccessView


def _require_admin(user) -> None:
    if not selectors.is_privacy_admin(user):
        raise PermissionDenied


def _require_reader(user) -> None:
    if not (selectors.is_privacy_admin(user) or selectors.can_read_access_log(user)):
        raise PermissionDenied


def _home_context(request, form=None, found=None) -> dict:
    admin = selectors.is_privacy_admin(request.user)
    context = {
        "is_admin": admin,
        "can_read_log": selectors.can_read_access_log(request.user),
        "form": form or LookupForm(),
        "found": found,
    }
    if admin:
        context["erasures"] = selectors.erasure_list_for_user(user=request.user)
    return context


@login_required
def home(request):
    _require_reader(request.user)
    return render(request, "privacy/home.html", _home_context(request))


@login_required
@require_POST
def lookup(request):
    """A POST, so the number or name typed never appears in an address or a server log."""
    _require_admin(request.user)
    form = LookupForm(request.POST)
    found = None
    if form.is_valid():
        found = services.person_find(actor=request.user, lookup=form.lookup)
    return render(request, "privacy/home.html", _home_context(request, form=form, found=found))


@login_required
@require_POST
def export(request):
    _require_admin(request.user)
    petitions = selectors.chosen_petitions(user=request.user, ids=request.POST.getlist("petitions"))
    try:
        data, content_type, name = services.person_data_export(
            actor=request.user, petitions=petitions, fmt=request.POST.get("format", "")
        )
    except ServiceError as error:
        messages.error(request, str(error.message))
        return redirect("privacy:home")
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_POST
def anonymise(request):
    """The confirmation page (from the look-up's ticked petitions), then the anonymisation."""
    _require_admin(request.user)
    petitions = selectors.chosen_petitions(user=request.user, ids=request.POST.getlist("petitions"))
    if not petitions:
        messages.error(request, str(services.MSG_NOTHING_CHOSEN))
        return redirect("privacy:home")
    confirming = request.POST.get("step") == "confirm"
    form = AnonymiseForm(request.POST if confirming else None, petitions=petitions)
    if confirming and form.is_valid():
        data = form.cleaned_data
        try:
            erasure = services.person_anonymise(
                actor=request.user,
                petitions=petitions,
                reason=data["reason"],
                redact=data["redact"],
                redaction_reason=data["redaction_reason"],
            )
        except ServiceError as error:
            apply_to_form(form, error)
        else:
            messages.success(
                request,
                _("Anonymisation no. %(number)s: the petitioner of %(count)s petitions was anonymised.")
                % {"number": erasure.pk, "count": erasure.counts["petitions"]},
            )
            return redirect("privacy:home")
    context = {
        "form": form,
        "petitions": petitions,
        "preview": services.anonymise_preview(petitions),
        "already": selectors.erased_ids(petitions),
    }
    return render(request, "privacy/anonymise.html", context)


# ---------------------------------------------------------------- the access log


def _access_page(request, *, filters: selectors.AccessFilters, extra: dict):
    form = AccessFilterForm(request.GET or None)
    if form.is_valid():
        filters.view = form.cleaned_data["view"]
    entries = selectors.access_list_for_user(user=request.user, filters=filters)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    context = {"page": page, "form": form, "views": dict(AccessView.choices), **extra}
    return render(request, "privacy/access_list.html", context)


@login_required
def access_list(request):
    if not selectors.can_read_access_log(request.user):
        raise PermissionDenied
    return _access_page(request, filters=selectors.AccessFilters(), extra={})


@login_required
def access_petition(request, pk: int):
    if not selectors.can_read_access_log(request.user):
        raise PermissionDenied
    petition = selectors.access_petition_get_for_user(user=request.user, pk=pk)
    return _access_page(request, filters=selectors.AccessFilters(petition=petition.pk), extra={"petition": petition})


@login_required
def access_staff(request, pk: int):
    if not selectors.can_read_access_log(request.user):
        raise PermissionDenied
    person = selectors.access_staff_get_for_user(user=request.user, pk=pk)
    return _access_page(request, filters=selectors.AccessFilters(staff=person.pk), extra={"staff": person})
