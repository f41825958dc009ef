"""The conference day: check-in, speakers' queue, live console, hall display, minutes.
Views parse input, look the conference up through the plans app's scoped selector (404
outside the person's scope), check the capability (403), call one service and render."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dialogue.core.errors import ServiceError, apply_to_form
from dialogue.proceedings import documents, selectors, services
from dialogue.proceedings.forms import AmendmentForm, CodeForm, MinutesForm, RecordForm, SpeakerForm, WalkInForm
from dialogue.proceedings.models import MINUTES_SECTIONS, MinutesStatus, SpeakerStatus

CSS = "proceedings/css"


def _conference(request, pk: int, *, run: bool = True):
    conference = selectors.conference_get_for_user(user=request.user, pk=pk)
    if run and not services.can_run(request.user, conference):
        raise PermissionDenied
    return conference


def _key(request):
    try:
        return uuid.UUID(request.POST.get("key", ""))
    except ValueError:
        return None


def _version(request, name: str = "version"):
    value = request.POST.get(name, "")
    return int(value) if value.isdigit() else None


# ---------------------------------------------------------------- check-in


def _attendance_context(conference):
    return {"conference": conference, "attendance": selectors.attendance_counts(conference, other_label=_("Other"))}


@login_required
def checkin(request, pk: int):
    conference = _conference(request, pk)
    query = request.GET.get("q", "")
    context = {
        "conference": conference,
        "query": query,
        "rows": selectors.checkin_search(conference, query),
        "code_form": CodeForm(),
        "walk_in_form": WalkInForm(conference=conference),
        **_attendance_context(conference),
    }
    if request.htmx and request.GET.get("part") == "rows":
        return render(request, "proceedings/_checkin_rows.html", context)
    return render(request, "proceedings/checkin.html", context)


@login_required
def attendance_part(request, pk: int):
    conference = _conference(request, pk)
    return render(request, "proceedings/_attendance.html", _attendance_context(conference))


@login_required
@require_POST
def checkin_mark(request, pk: int, participant_pk: int):
    conference = _conference(request, pk)
    participant = conference.participants.filter(pk=participant_pk).first()
    if participant is None:
        raise Http404
    error = None
    try:
        participant = services.attendance_mark(
            actor=request.user,
            participant=participant,
            present=request.POST.get("present") == "1",
            submission_key=_key(request),
        )
    except ServiceError as exc:
        error = str(exc.message)
    if request.htmx:
        response = render(
            request, "proceedings/_checkin_row.html", {"p": participant, "conference": conference, "error": error}
        )
        response["HX-Trigger"] = "attendance-changed"
        return response
    if error:
        messages.error(request, error)
    return redirect(reverse("proceedings:checkin", args=[conference.pk]) + f"?q={request.POST.get('q', '')}")


@login_required
@require_POST
def checkin_code(request, pk: int):
    """A code scanned by the camera or typed from the invitation."""
    conference = _conference(request, pk)
    form = CodeForm(request.POST)
    participant = None
    if form.is_valid():
        try:
            participant = services.attendance_by_code(
                actor=request.user,
                conference=conference,
                code=form.cleaned_data["code"],
                submission_key=form.cleaned_data["key"],
            )
        except ServiceError as exc:
            apply_to_form(form, exc)
    context = {"conference": conference, "code_form": CodeForm() if participant else form, "checked": participant}
    if request.htmx:
        response = render(request, "proceedings/_checkin_code.html", context)
        response["HX-Trigger"] = "attendance-changed"
        return response
    if participant:
        messages.success(request, _("%(name)s is checked in.") % {"name": participant.full_name})
    else:
        messages.error(request, " ".join(str(e) for e in form.errors.get("code", form.non_field_errors())))
    return redirect("proceedings:checkin", pk=conference.pk)


@login_required
def checkin_token(request, token):
    """The address in an invitation's QR code, opened by a phone's own camera app: only
    a person who may run this conference's check-in can use it."""
    participant = selectors.participant_get_by_token_for_user(user=request.user, token=token)
    conference = _conference(request, participant.conference_id)
    if request.method == "POST":
        try:
            participant = services.attendance_mark(
                actor=request.user, participant=participant, present=True, submission_key=_key(request)
            )
            messages.success(request, _("%(name)s is checked in.") % {"name": participant.full_name})
        except ServiceError as exc:
            messages.error(request, str(exc.message))
        return redirect("proceedings:checkin", pk=conference.pk)
    return render(
        request,
        "proceedings/checkin_token.html",
        {"conference": conference, "participant": participant, "key": uuid.uuid4()},
    )


@login_required
@require_POST
def walk_in(request, pk: int):
    conference = _conference(request, pk)
    form = WalkInForm(request.POST, conference=conference)
    if form.is_valid():
        data = form.cleaned_data
        try:
            participant = services.walk_in_add(
                actor=request.user,
                conference=conference,
                full_name=data["full_name"],
                position=data["position"],
                organisation=data["organisation"],
                delegation=data["delegation"],
                submission_key=data["key"],
            )
            messages.success(request, _("%(name)s is added and checked in.") % {"name": participant.full_name})
            return redirect("proceedings:checkin", pk=conference.pk)
        except ServiceError as exc:
            apply_to_form(form, exc)
    context = {
        "conference": conference,
        "query": "",
        "rows": selectors.checkin_search(conference),
        "code_form": CodeForm(),
        "walk_in_form": form,
        "walk_in_open": True,
        **_attendance_context(conference),
    }
    return render(request, "proceedings/checkin.html", context, status=400)


# ---------------------------------------------------------------- speakers' queue


def _queue_context(conference, form=None):
    return {
        "conference": conference,
        "requests": selectors.queue(conference),
        "form": form or SpeakerForm(conference=conference),
    }


@login_required
def speakers(request, pk: int):
    conference = _conference(request, pk)
    return render(request, "proceedings/speakers.html", _queue_context(conference))


@login_required
@require_POST
def speaker_add(request, pk: int):
    conference = _conference(request, pk)
    form = SpeakerForm(request.POST, conference=conference)
    if form.is_valid():
        data = form.cleaned_data
        link = data["link"]
        try:
            speaker = services.speaker_add(
                actor=request.user,
                conference=conference,
                speaker_name=data["speaker_name"],
                matter=data["matter"],
                represents=data["represents"],
                source=data["source"],
                participant=data["participant"],
                group=data["group"] if link == "group" else None,
                petition=data["petition"] if link == "petition" else None,
                create_petition=link == "new",
                submission_key=data["key"],
            )
            messages.success(request, _("%(name)s is added to the queue.") % {"name": speaker.speaker_name})
            return redirect("proceedings:speakers", pk=conference.pk)
        except ServiceError as exc:
            apply_to_form(form, exc)
    return render(request, "proceedings/speakers.html", _queue_context(conference, form), status=400)


@login_required
@require_POST
def speaker_change(request, pk: int):
    """Move up or down, withdraw or put back a request of the queue."""
    speaker = selectors.speaker_get_for_user(user=request.user, pk=pk)
    conference = speaker.conference
    if not services.can_run(request.user, conference):
        raise PermissionDenied
    action = request.POST.get("action", "")
    try:
        if action in ("up", "down"):
            services.speaker_move(actor=request.user, speaker=speaker, direction=action, submission_key=_key(request))
        elif action in ("withdraw", "restore"):
            services.speaker_withdraw(
                actor=request.user, speaker=speaker, restore=action == "restore", submission_key=_key(request)
            )
        else:
            raise Http404
    except ServiceError as exc:
        messages.error(request, str(exc.message))
    if request.htmx:
        return render(request, "proceedings/_queue.html", _queue_context(conference))
    return redirect("proceedings:speakers", pk=conference.pk)


# ---------------------------------------------------------------- live console


def _record_form(conference, speaker, data=None, *, stale_text: str | None = None):
    if speaker is None:
        return None
    initial = {
        "version": speaker.version,
        "notes": speaker.notes,
        "answered_by": speaker.answered_by,
        "answered_by_unit": speaker.answered_by_unit_id,
        "answered_by_name": speaker.answered_by_name,
        "outcome": speaker.outcome,
    }
    form = RecordForm(data, initial=initial, conference=conference)
    form.speaker = speaker
    form.stale_text = stale_text
    return form


def _console_context(request, conference, *, record_speaker=None, record_form=None):
    run = selectors.run_of(conference)
    current = run.current_speaker if run else None
    if record_speaker is None:
        chosen = request.GET.get("speaker", "")
        if chosen.isdigit():
            record_speaker = conference.speaker_requests.filter(
                pk=int(chosen), status__in=[SpeakerStatus.SPEAKING, SpeakerStatus.DONE]
            ).first()
        record_speaker = record_speaker or current
    return {
        "conference": conference,
        "run": run,
        "clock": selectors.item_clock(run),
        "current": current,
        "waiting": list(selectors.waiting(conference)[:6]),
        "waiting_count": selectors.waiting(conference).count(),
        "spoken": list(selectors.spoken(conference)),
        "record_form": record_form or _record_form(conference, record_speaker),
        "form_speaker_id": request.GET.get("form_speaker", ""),
        "key_item": uuid.uuid4(),
        "key_speaker": uuid.uuid4(),
    }


@login_required
def console(request, pk: int):
    conference = _conference(request, pk)
    if request.method == "POST":
        try:
            services.run_start(actor=request.user, conference=conference)
        except ServiceError as exc:
            messages.error(request, str(exc.message))
        return redirect("proceedings:console", pk=conference.pk)
    context = _console_context(request, conference)
    if request.htmx:
        return render(request, "proceedings/_console_live.html", context)
    return render(request, "proceedings/console.html", context)


@login_required
def console_status(request, pk: int):
    conference = _conference(request, pk)
    return render(request, "proceedings/_console_status.html", _console_context(request, conference))


@login_required
@require_POST
def console_next(request, pk: int, what: str):
    conference = _conference(request, pk)
    call = {"speaker": services.console_next_speaker, "item": services.console_next_item}.get(what)
    if call is None:
        raise Http404
    status = 200
    try:
        call(
            actor=request.user, conference=conference, expected_version=_version(request), submission_key=_key(request)
        )
    except ServiceError as exc:
        messages.error(request, str(exc.message))
        status = 409
    context = _console_context(request, conference)
    if request.htmx:
        return render(request, "proceedings/_console_live.html", context, status=status)
    return redirect("proceedings:console", pk=conference.pk)


@login_required
@require_POST
def console_record(request, pk: int):
    speaker = selectors.speaker_get_for_user(user=request.user, pk=pk)
    conference = speaker.conference
    if not services.can_run(request.user, conference):
        raise PermissionDenied
    form = _record_form(conference, speaker, request.POST)
    status = 200
    if form.is_valid():
        data = form.cleaned_data
        try:
            speaker = services.intervention_record(
                actor=request.user,
                speaker=speaker,
                expected_version=data["version"],
                notes=data["notes"],
                answered_by=data["answered_by"],
                answered_by_unit=data["answered_by_unit"],
                answered_by_name=data["answered_by_name"],
                outcome=data["outcome"],
                submission_key=data["key"],
            )
            messages.success(request, _("Saved: %(name)s.") % {"name": speaker.speaker_name})
            form = None
        except ServiceError as exc:
            status = 409 if exc.message == services.MSG_STALE else 400
            speaker.refresh_from_db()
            # Shown again with what the person typed, on the current version: nothing is lost.
            posted = request.POST.copy()
            posted["version"] = str(speaker.version)
            posted["key"] = str(uuid.uuid4())
            form = _record_form(conference, speaker, posted, stale_text=speaker.notes if status == 409 else None)
            form.is_valid()
            form.add_error(exc.field if exc.field in form.fields else None, str(exc.message))
    else:
        status = 400
    context = _console_context(request, conference, record_speaker=speaker, record_form=form)
    if request.htmx:
        return render(request, "proceedings/_console_live.html", context, status=status)
    return render(request, "proceedings/console.html", context, status=status)


# ---------------------------------------------------------------- hall display


@login_required
def hall(request, pk: int):
    """Read-only, for the projector. Staff only: it shows citizens' names, which are
    personal data that must not be published (Law 91/2025/QH15)."""
    conference = _conference(request, pk, run=False)
    run = selectors.run_of(conference)
    context = {
        "conference": conference,
        "run": run,
        "current": run.current_speaker if run else None,
        "following": list(selectors.waiting(conference)[:3]),
    }
    template = "proceedings/_hall_live.html" if request.htmx else "proceedings/hall.html"
    return render(request, template, context)


# ---------------------------------------------------------------- minutes


def _minutes_conference(request, pk: int):
    conference = _conference(request, pk, run=False)
    may_run = services.can_run(request.user, conference)
    may_approve = services.can_approve(request.user, conference)
    if not (may_run or may_approve):
        raise PermissionDenied
    return conference, may_run, may_approve


@login_required
def minutes(request, pk: int):
    conference, may_run, may_approve = _minutes_conference(request, pk)
    record = selectors.minutes_of(conference)
    context = {
        "conference": conference,
        "minutes": record,
        "may_run": may_run,
        "may_approve": may_approve,
        "amendment_form": AmendmentForm(),
        "pdf_available": documents.pdf_available(),
    }
    return render(request, "proceedings/minutes.html", context)


@login_required
@require_POST
def minutes_action(request, pk: int, action: str):
    conference, may_run, may_approve = _minutes_conference(request, pk)
    record = selectors.minutes_of(conference)
    try:
        if action == "draft":
            services.minutes_draft(actor=request.user, conference=conference)
            messages.success(request, _("The minutes are drafted from the records of the day. Check and edit them."))
        elif record is None:
            raise Http404
        elif action == "redraft":
            services.minutes_redraft(actor=request.user, minutes=record, expected_version=_version(request))
            messages.success(request, _("The minutes are drafted again from the records."))
        elif action == "approve":
            services.minutes_approve(actor=request.user, minutes=record, expected_version=_version(request))
            messages.success(request, _("The minutes are approved and locked."))
        elif action == "amend":
            form = AmendmentForm(request.POST)
            if not form.is_valid():
                return _minutes_with_amendment(request, conference, record, form, may_run, may_approve)
            try:
                services.minutes_amend(
                    actor=request.user,
                    minutes=record,
                    section=form.cleaned_data["section"],
                    after=form.cleaned_data["after"],
                    reason=form.cleaned_data["reason"],
                    submission_key=form.cleaned_data["key"],
                )
            except ServiceError as exc:
                apply_to_form(form, exc)
                return _minutes_with_amendment(request, conference, record, form, may_run, may_approve)
            messages.success(request, _("The correction is recorded with the minutes."))
        else:
            raise Http404
    except ServiceError as exc:
        messages.error(request, str(exc.message))
    return redirect("proceedings:minutes", pk=conference.pk)


def _minutes_with_amendment(request, conference, record, form, may_run, may_approve):
    context = {
        "conference": conference,
        "minutes": record,
        "may_run": may_run,
        "may_approve": may_approve,
        "amendment_form": form,
        "amend_open": True,
        "pdf_available": documents.pdf_available(),
    }
    return render(request, "proceedings/minutes.html", context, status=400)


@login_required
def minutes_edit(request, pk: int):
    conference = _conference(request, pk)
    record = selectors.minutes_of(conference)
    if record is None:
        raise Http404
    if record.status != MinutesStatus.DRAFT:
        messages.error(request, str(services.MSG_MINUTES_LOCKED))
        return redirect("proceedings:minutes", pk=conference.pk)
    initial = {name: getattr(record, name) for name, _label in MINUTES_SECTIONS}
    initial.update(version=record.version, secretary_name=record.secretary_name, chair_name=record.chair_name)
    form = MinutesForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            services.minutes_update(actor=request.user, minutes=record, expected_version=version, **data)
            messages.success(request, _("The minutes are saved."))
            return redirect("proceedings:minutes", pk=conference.pk)
        except ServiceError as exc:
            apply_to_form(form, exc)
    return render(request, "proceedings/minutes_form.html", {"conference": conference, "minutes": record, "form": form})


@login_required
def minutes_document(request, pk: int, fmt: str):
    conference, _may_run, _may_approve = _minutes_conference(request, pk)
    record = selectors.minutes_of(conference)
    if record is None or fmt not in ("docx", "pdf"):
        raise Http404
    data = documents.minutes_docx(record)
    name = documents.minutes_filename(record)
    content_type = documents.DOCX_TYPE
    if fmt == "pdf":
        from dialogue.documents.pdf import PdfUnavailable, docx_to_pdf

        try:
            data = docx_to_pdf(data)
        except PdfUnavailable:
            raise Http404 from None
        content_type = "application/pdf"
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = documents.content_disposition(f"{name}.{fmt}")
    return response
