"""The staff page of API keys (/api-keys/): a person lists, issues and revokes their
keys; an administrator also those of the accounts they manage (a connected
application's). A new key is shown once, on the page that issued it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dialogue.api import selectors, tokens
from dialogue.api.forms import IssueForm
from dialogue.core.errors import ServiceError, apply_to_form, call_for_message
from dialogue.organisation.models import User
from dialogue.organisation.roles import Capability
from dialogue.organisation.selectors import user_can


def _no_store(response):
    # The page may hold a secret shown once; no cache keeps it.
    response["Cache-Control"] = "no-store"
    return response


def _person(user, username: str) -> User | None:
    person = User.objects.filter(username=username.strip()).first()
    if person is None or not tokens.may_manage_keys_of(user, person):
        return None
    return person


@login_required
def key_list(request):
    user = request.user
    admin = user_can(user, Capability.PERSON_MANAGE)
    form = IssueForm(request.POST or None, admin=admin)
    issued, secret = None, None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        person = user
        if data.get("person"):
            person = _person(user, data["person"])
            if person is None:
                form.add_error("person", _("No account you administer has this sign-in name."))
        if person is not None:
            try:
                issued, secret = tokens.token_issue(
                    actor=user,
                    user=person,
                    name=data["name"],
                    days=data["days"],
                    submission_key=data["submission_key"],
                )
            except ServiceError as error:
                apply_to_form(form, error)
            else:
                if secret is None:
                    messages.info(
                        request,
                        _(
                            "This key was already issued and its secret shown once. If it was not copied, "
                            "revoke it and issue a new one."
                        ),
                    )
                    return redirect("api_keys:list")
                form = IssueForm(admin=admin)
    others = None
    if admin:
        others = Paginator(selectors.token_list_for_user(user=user, others=True), 50).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "admin": admin,
        "own": selectors.token_list_for_user(user=user),
        "others": others,
        "page": others,
        "issued": issued,
        "secret": secret,
        "now": timezone.now(),
    }
    return _no_store(render(request, "api/keys.html", context))


@login_required
@require_POST
def key_revoke(request, pk: int):
    token = selectors.token_get_for_user(user=request.user, pk=pk)
    call_for_message(
        request,
        lambda: tokens.token_revoke(actor=request.user, token=token),
        _("The key %(prefix)s… was revoked; it no longer works.") % {"prefix": f"dt_{token.prefix}_"},
    )
    return redirect("api_keys:list")
