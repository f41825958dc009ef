"""The follow-up page of a directive or a petition group: state, due date, timeline with
evidence, and the forms the person may use. Forms post normally (a redirect back to the
page) or through htmx (the page body is swapped in place)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from dialogue.core.errors import ServiceError, apply_to_form
from dialogue.followup import selectors, services
from dialogue.followup.forms import AcceptForm, CloseForm, DueForm, ProgressForm, ReopenForm, ReportForm, ReturnForm

FORMS = {
    "progress": ProgressForm,
    "report": ReportForm,
    "accept": AcceptForm,
    "return": ReturnForm,
    "close": CloseForm,
    "due": DueForm,
    "reopen": ReopenForm,
}
SUCCESS = {
    "progress": _("The progress update was posted."),
    "report": _("The result was reported to the synthesis board."),
    "accept": _("The result was accepted."),
    "return": _("The result was sent back to the unit."),
    "close": _("The matter was closed."),
    "due": _("The due date was changed."),
    "reopen": _("The matter was reopened."),
}


def _call(action: str, user, item, data: dict):
    common = {"actor": user, "item": item, "submission_key": data["key"], "expected_version": data["version"]}
    if action == "progress":
        return services.progress_post(**common, text=data["text"], files=data["files"])
    if action == "report":
        return services.result_report(
            **common, claimed_status=data["claimed_status"], text=data["text"], reason=data["reason"],
            files=data["files"],
        )  # fmt: skip
    if action == "accept":
        return services.result_accept(**common, text=data["text"])
    if action == "return":
        return services.result_return(**common, reason=data["reason"])
    if action == "close":
        return services.item_close(**common, text=data["text"], files=data["files"])
    if action == "due":
        return services.due_change(**common, due_date=data["due_date"], reason=data["reason"])
    if action == "reopen":
        return services.item_reopen(**common, reason=data["reason"], due_date=data["due_date"])
    raise Http404


# The order of the forms on the page; the first one the person may use is open.
ACTION_ORDER = ("accept", "return", "progress", "report", "close", "due", "reopen")


def _context(request, item, *, bound: dict | None = None, notice: str = "") -> dict:
    page = selectors.followup_page(user=request.user, item=item)
    url_name = f"followup:{page.kind}_act"
    forms = []
    for action in ACTION_ORDER:
        if action not in page.actions:
            continue
        form = bound[action] if bound and action in bound else FORMS[action](item=item, prefix=action)
        forms.append({"action": action, "form": form, "url": reverse(url_name, args=[item.pk, action])})
    opened = next(iter(bound), None) if bound else None
    if opened is None and forms and forms[0]["action"] in ("accept", "progress"):
        opened = forms[0]["action"]
    for entry in forms:
        entry["open"] = entry["action"] == opened
    # A refused form whose action no longer applies (someone else decided first) still
    # says why.
    shown = {entry["action"] for entry in forms}
    errors = [str(e) for action, form in (bound or {}).items() if action not in shown for e in form.non_field_errors()]
    return {"page": page, "item": item, "forms": forms, "notice": notice, "errors": errors}


def _template(kind: str) -> str:
    return f"followup/tracking/{kind}.html"


def _page(request, kind: str, pk: int):
    item = selectors.item_for_user(user=request.user, kind=kind, pk=pk)
    return render(request, _template(kind), _context(request, item))


@login_required
def directive_page(request, pk: int):
    return _page(request, "directive", pk)


@login_required
def group_page(request, pk: int):
    return _page(request, "group", pk)


@login_required
@require_POST
def act(request, kind: str, pk: int, action: str):
    """One form of the page: parse it, call its one service, show the page again."""
    if action not in FORMS:
        raise Http404
    item = selectors.item_for_user(user=request.user, kind=kind, pk=pk)
    form = FORMS[action](request.POST, request.FILES, item=item, prefix=action)
    done = False
    if form.is_valid():
        try:
            _call(action, request.user, item, form.cleaned_data)
            done = True
        except ServiceError as error:
            apply_to_form(form, error)
    if done:
        item = selectors.item_for_user(user=request.user, kind=kind, pk=pk)
        if not request.htmx:
            messages.success(request, str(SUCCESS[action]))
            return redirect(services.item_url(item))
        return render(request, "followup/tracking/_body.html", _context(request, item, notice=str(SUCCESS[action])))
    context = _context(request, item, bound={action: form})
    if request.htmx:
        return render(request, "followup/tracking/_body.html", context)
    return render(request, _template(kind), context, status=400)


def evidence_response(evidence) -> FileResponse:
    """A document or photo of a timeline, always as a download (never shown inline, so
    an uploaded file cannot run in the site's pages); 404 when the file is gone."""
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=evidence.name,
        content_type=evidence.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def evidence_download(request, pk: int):
    return evidence_response(selectors.evidence_for_user(user=request.user, pk=pk))
