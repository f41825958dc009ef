"""The page a petitioner opens from the SMS: the matter and its result, and whether they
are satisfied. No account, no JavaScript, one answer per link; an unknown or expired link
gets the same neutral page as any other (nothing tells whether a link ever existed).
Posts are limited per client address (`core.ratelimit`: a counter in the database, shared
by every process) and protected by CSRF like every form. The page is one of the portal's
(`portal/base.html`); the tracking page of the portal records the same assessment."""

from __future__ import annotations

from django import forms
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from dialogue.core import ratelimit
from dialogue.core.errors import ServiceError, apply_to_form
from dialogue.followup import satisfaction
from dialogue.followup.models import Satisfaction

# At most this many answers from one address in the window (a family sharing a phone
# connection answers a few; a script trying links is stopped).
POSTS_PER_WINDOW = 10
WINDOW_SECONDS = 600


class SatisfactionForm(forms.Form):
    response = forms.ChoiceField(
        label=_("Are you satisfied with how your matter was resolved?"),
        choices=Satisfaction.choices,
        widget=forms.RadioSelect,
        error_messages={"required": satisfaction.MSG_CHOOSE, "invalid_choice": satisfaction.MSG_CHOOSE},
    )
    comment = forms.CharField(
        label=_("Your comment (optional)"),
        required=False,
        max_length=satisfaction.MAX_COMMENT,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": satisfaction.MAX_COMMENT}),
        error_messages={"max_length": satisfaction.MSG_COMMENT_TOO_LONG},
    )


def _private(response):
    """The link is personal: never cached or indexed. The page links nowhere outside the
    site and the project's "same-origin" referrer policy keeps the address in; a stricter
    "no-referrer" would make browsers send `Origin: null`, which the CSRF check refuses."""
    response["Cache-Control"] = "no-store, private"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _neutral(request):
    return _private(render(request, "followup/public/neutral.html", {"days": satisfaction.link_days()}, status=404))


def _too_many(request) -> bool:
    return not ratelimit.allow(
        f"satisfaction:posts:{ratelimit.client_address(request)}", limit=POSTS_PER_WINDOW, seconds=WINDOW_SECONDS
    )


@require_http_methods(["GET", "POST"])
def respond(request, token: str):
    if request.method == "POST" and _too_many(request):
        return _private(render(request, "followup/public/limited.html", status=429))
    found = satisfaction.request_for_token(token)
    if found is None:
        return _neutral(request)
    form = SatisfactionForm(request.POST or None) if not found.response else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            satisfaction.satisfaction_respond(
                token=token, response=form.cleaned_data["response"], comment=form.cleaned_data["comment"]
            )
        except satisfaction.UnknownLink:
            return _neutral(request)
        except ServiceError as error:
            apply_to_form(form, error)
        else:
            return redirect("satisfaction:respond", token=token)
    view = satisfaction.public_view(found)
    return _private(render(request, "followup/public/satisfaction.html", {"view": view, "form": form}))
