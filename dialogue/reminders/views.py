"""The record of reminders sent and the chase letters. Views parse input, look things up
through scoped selectors, call one service and render. Everything here is for the
synthesis board (FOLLOWUP_REVIEW) and the national administrator: anyone else gets 403,
and a record outside the person's units is 404."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from dialogue.core.errors import call_for_form
from dialogue.plans import documents as plan_documents
from dialogue.privacy.access import record_message_access
from dialogue.reminders import documents, selectors, services
from dialogue.reminders.forms import ChaseLetterForm, MessageFilterForm
from dialogue.reminders.models import TargetKind


def _require_review(user) -> None:
    if not services.can_chase(user):
        raise PermissionDenied


@login_required
def message_list(request):
    _require_review(request.user)
    form = MessageFilterForm(request.GET or None)
    filters = selectors.MessageFilters()
    if form.is_valid():
        data = form.cleaned_data
        filters = selectors.MessageFilters(channel=data["channel"], status=data["status"], query=data["q"])
    messages_qs = selectors.message_list_for_user(user=request.user, filters=filters)
    page = Paginator(messages_qs, 50).get_page(request.GET.get("page"))
    record_message_access(request.user, page)
    return render(request, "reminders/message_list.html", {"form": form, "page": page})


@login_required
def message_detail(request, pk: int):
    _require_review(request.user)
    message = selectors.message_get_for_user(user=request.user, pk=pk)
    record_message_access(request.user, [message])
    return render(request, "reminders/message_detail.html", {"message": message})


@login_required
def chase(request):
    _require_review(request.user)
    rows = selectors.chase_overview_for_user(user=request.user, today=timezone.localdate())
    total = sum(len(r.items) for r in rows)
    return render(request, "reminders/chase.html", {"rows": rows, "total": total, "kinds": TargetKind})


@login_required
def chase_agency(request, unit_pk: int):
    _require_review(request.user)
    today = timezone.localdate()
    row = selectors.chase_agency_for_user(user=request.user, unit_pk=unit_pk, today=today)
    senders = selectors.sender_choices(user=request.user, addressee=row.unit, items=row.items)
    form = None
    if senders:
        if request.method == "POST":
            form = ChaseLetterForm(request.POST, senders=senders)
            if form.is_valid():
                data = form.cleaned_data
                letter = call_for_form(
                    request,
                    form,
                    lambda: services.chase_letter_create(
                        actor=request.user,
                        addressee=row.unit,
                        sender_unit=form.senders[data["sender_unit"]],
                        report_days=data["report_days"],
                        number=data["number"],
                        symbol=data["symbol"],
                        signing_authority=data["signing_authority"],
                        signer_title=data["signer_title"],
                        signer_name=data["signer_name"],
                        recipients=data["recipients"],
                        submission_key=data["submission_key"],
                        today=today,
                    ),
                    _("The chase letter is ready: download it, sign it and send it."),
                )
                if letter is not None:
                    return redirect("reminders:chase_letter", letter.pk)
        else:
            sender = senders[0]
            form = ChaseLetterForm(
                initial=ChaseLetterForm.initial_for(services.letter_defaults(sender), sender), senders=senders
            )
    elif request.method == "POST":
        raise PermissionDenied
    return render(request, "reminders/chase_agency.html", {"row": row, "form": form})


@login_required
def chase_letter(request, pk: int):
    _require_review(request.user)
    letter = selectors.chase_letter_get_for_user(user=request.user, pk=pk)
    return render(
        request,
        "reminders/chase_letter.html",
        {
            "letter": letter,
            "items": [dict(item, due=date.fromisoformat(item["due"])) for item in letter.items],
            "pdf": plan_documents.pdf_available(),
            "number_line": documents.number_line(letter),
        },
    )


@login_required
def chase_letter_document(request, pk: int, fmt: str):
    _require_review(request.user)
    letter = selectors.chase_letter_get_for_user(user=request.user, pk=pk)
    if fmt not in ("docx", "pdf"):
        raise Http404
    doc = documents.chase_letter_document(letter)
    try:
        data, content_type, name = documents.render(doc, documents.chase_letter_filename(letter), fmt)
    except plan_documents.PdfUnavailable:
        raise Http404(_("PDF is not available on this server; download the DOCX.")) from None
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = plan_documents.content_disposition(name)
    response["X-Content-Type-Options"] = "nosniff"
    return response
