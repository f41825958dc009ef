"""The citizen's own petition on the portal, without an account: send it (to an upcoming
conference or to a unit's standing reception), track it with its code and telephone
number, assess the answer. Every page works without JavaScript.

Abuse (figures in docs/portal-petitions.md):
- sending: `PORTAL_SUBMIT_PER_IP_HOUR` attempts per client address and
  `PORTAL_SUBMIT_PER_PHONE_DAY` petitions per telephone number, counted in the database
  (`core.ratelimit`, shared by every process); a honeypot field a person never sees; the
  request's size is checked before it is read, each file by its content in the service;
- tracking: `PORTAL_TRACK_PER_IP_HOUR` attempts per address and `PORTAL_TRACK_PER_CODE_HOUR`
  failures per code, after which even the right pair waits for the next window. An
  unknown code, a wrong number and a malformed code get the same page, word for word.
  The code and number travel only in a POST body; a match is remembered in the session
  (`TRACK_MINUTES` of inactivity), never in an address.
"""

from __future__ import annotations

import time
from datetime import date, datetime

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from dialogue.core import ratelimit
from dialogue.core.errors import ServiceError, apply_to_form
from dialogue.followup import satisfaction
from dialogue.petitions import public
from dialogue.petitions.models import Petition
from dialogue.plans.models import Conference
from dialogue.portal import selectors
from dialogue.portal.forms import MSG_FILES_AGAIN, RATING_LABELS, AreaSearchForm, RatingForm, SubmitForm, TrackForm

SUBMITTED = "portal_submitted"
TRACKED = "portal_tracked"
TRACK_MINUTES = 30
# Wrong telephone numbers (or unknown codes) tried for one code in an hour.
DEFAULT_TRACK_PER_CODE_HOUR = 5
HOUR, DAY = 3600, 86400
# A request larger than the files allowed plus the form is refused before it is read.
MAX_REQUEST_BYTES = (public.PUBLIC_MAX_FILES * public.PUBLIC_MAX_FILE_MB + 1) * 1024 * 1024

MSG_SUBMIT_LIMIT_IP = _(
    "Too many petitions were sent from your connection in the last hour. What you typed is kept below: "
    "please wait a while and send it again."
)
MSG_SUBMIT_LIMIT_PHONE = _(
    "Too many petitions were sent today with this telephone number. What you typed is kept below: "
    "please send it again tomorrow, or add it to a petition you already sent by contacting the receiving body."
)
MSG_TOO_LARGE = _("The files together are too large: attach at most %(n)s files of %(mb)s MB each.")
MSG_NO_MATCH = _(
    "We could not find a petition with this tracking code and telephone number. Check both (the code is on "
    "your receipt; the number is the one you gave when sending) and try again."
)
MSG_TRACK_LIMIT = _("Too many attempts in a short time. Please wait an hour and try again.")
MSG_TRACK_ENDED = _("Your tracking session ended. Enter the code and telephone number again to see your petition.")
MSG_SIGNED_OUT = _("You finished tracking. Nothing of your petition stays on this device's page.")
MSG_RATED = _("Thank you, your assessment was recorded.")
MSG_REOPENED = _("The matter is sent back to the responsible bodies to be reviewed.")


def _private(response):
    """Nothing of these pages may be cached or indexed: they carry a form with a CSRF
    token or a person's own petition."""
    response["Cache-Control"] = "no-store, private"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _render(request, template: str, context: dict, status: int = 200):
    return _private(render(request, template, context, status=status))


def _per_code_limit() -> int:
    return int(getattr(settings, "PORTAL_TRACK_PER_CODE_HOUR", DEFAULT_TRACK_PER_CODE_HOUR))


# ---------------------------------------------------------------- where the petition goes


def _target(request):
    """(conference, area) from `?hoi-nghi=<pk>` or `?don-vi=<pk>`; (None, None) to choose."""
    conf_id = request.GET.get("hoi-nghi")
    if conf_id:
        conference = selectors.conference_or_404(conf_id)
        return conference, selectors.area_or_none(conference.host_unit_id)
    unit_id = request.GET.get("don-vi")
    if unit_id:
        return None, selectors.area_or_404(unit_id)
    return None, None


def _choose(request):
    """No JavaScript: a GET search for the province or commune, then its upcoming
    conferences that take petitions online and its standing reception."""
    form = AreaSearchForm(request.GET or None)
    query = form.cleaned_data["q"].strip() if form.is_valid() else ""
    results = []
    for area in selectors.search_areas(query, 20) if query else []:
        conferences = [c for c in public.upcoming_conferences(area)[:10] if public.accepts_online(c)][:5]
        results.append({"area": area, "conferences": conferences, "reception": public.reception_unit(area)})
    return _render(request, "portal/citizen/choose.html", {"form": form, "query": query, "results": results})


def _typed(data) -> dict:
    """What the citizen typed, to show again without judging it (over a limit)."""
    typed = {key: data.get(key) for key in ("name", "phone", "address", "email", "content", "notify_by")}
    typed["consent"] = bool(data.get("consent"))
    typed["identity_protected"] = bool(data.get("identity_protected"))
    typed["submission_key"] = data.get("submission_key")
    return typed


def _posted_conference(request) -> Conference | None:
    """A POST to a conference that takes petitions online (announced: the only kind that
    does), read in one statement without what only the page shows; None sends the
    request the GET's way (`_target`), which also answers 404 and the closed page."""
    conf_id = request.GET.get("hoi-nghi")
    if request.method != "POST" or not conf_id:
        return None
    try:
        return (
            Conference.objects.filter(announced_at__isnull=False, date__isnull=False)
            # The issuing body, its kind and its parent's: what `administrative_area` walks
            # to check that the receiving unit lies in the conference's area.
            .select_related("plan__issuing_unit__kind", "plan__issuing_unit__parent__kind")
            .get(pk=int(conf_id))
        )
    except (Conference.DoesNotExist, TypeError, ValueError):
        return None


def _page(conference, area, receiving) -> dict:
    """What the form's page shows beside the form (read only when a page is rendered)."""
    if conference is not None and area is None:
        area = selectors.area_or_none(conference.host_unit_id)
    return {
        "conference": conference,
        "area": area,
        "receiving": receiving,
        "closed": conference is not None and not public.accepts_online(conference),
        "others": [] if conference else [c for c in public.upcoming_conferences(area)[:5] if public.accepts_online(c)],
        "consent_purpose": public.CONSENT_PURPOSE,
        "identity_note": public.IDENTITY_NOTE,
        "max_files": public.PUBLIC_MAX_FILES,
        "max_mb": public.PUBLIC_MAX_FILE_MB,
    }


@require_http_methods(["GET", "POST"])
def submit(request):
    conference = _posted_conference(request)
    area = None
    if conference is None:
        conference, area = _target(request)
        if conference is None and area is None:
            return _choose(request)
    receiving = conference.plan.issuing_unit if conference else public.reception_unit(area)
    if conference is not None and not public.accepts_online(conference):
        return _render(request, "portal/citizen/closed.html", _page(conference, area, receiving))
    if request.method == "GET":
        return _render(
            request, "portal/citizen/submit.html", {**_page(conference, area, receiving), "form": SubmitForm()}
        )

    if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_REQUEST_BYTES:
        context = _page(conference, area, receiving)
        context["limit_message"] = MSG_TOO_LARGE % {"n": public.PUBLIC_MAX_FILES, "mb": public.PUBLIC_MAX_FILE_MB}
        return _render(request, "portal/citizen/submit.html", {**context, "form": SubmitForm()}, status=413)
    form = SubmitForm(request.POST, request.FILES)
    key = form["submission_key"].data
    known = _known_key(key)
    address = ratelimit.client_address(request)
    if not known and not ratelimit.allow(
        f"portal-submit:ip:{address}", limit=settings.PORTAL_SUBMIT_PER_IP_HOUR, seconds=HOUR
    ):
        return _limited(request, _page(conference, area, receiving), MSG_SUBMIT_LIMIT_IP)
    if form.is_robot:
        # Answered as if accepted; nothing is stored, and the code shown tracks nothing.
        return _done(request, code=public.new_tracking_code(), receiving=receiving, conference=conference, form=form)
    files_chosen = bool(request.FILES.getlist("files"))
    if form.is_valid():
        phone_key = f"portal-submit:phone:{form.cleaned_data['phone']}"
        if not known and ratelimit.peek(phone_key, seconds=DAY) >= settings.PORTAL_SUBMIT_PER_PHONE_DAY:
            return _limited(request, _page(conference, area, receiving), MSG_SUBMIT_LIMIT_PHONE)
        data = form.cleaned_data
        try:
            petition = public.petition_submit_public(
                public.Submission(
                    content=data["content"],
                    name=data["name"],
                    phone=data["phone"],
                    consent=data["consent"],
                    conference=conference,
                    area=area if conference is None else None,
                    address=data["address"],
                    email=data["email"],
                    identity_protected=data["identity_protected"],
                    notify_by=data["notify_by"] or "",
                    files=data["files"],
                    submission_key=data["submission_key"],
                )
            )
        except ServiceError as error:
            apply_to_form(form, error)
        else:
            if not known:
                ratelimit.hit(phone_key, seconds=DAY)
            return _done(
                request,
                code=petition.tracking_code,
                receiving=petition.receiving_unit,
                conference=petition.conference,
                form=form,
            )
    context = _page(conference, area, receiving)
    context["files_again"] = files_chosen
    return _render(request, "portal/citizen/submit.html", {**context, "form": form, "files_again_msg": MSG_FILES_AGAIN})


def _known_key(key) -> bool:
    try:
        return public.submission_known(key)
    except (ValidationError, ValueError):  # not a UUID: the form says so
        return False


def _limited(request, context: dict, message):
    form = SubmitForm(initial=_typed(request.POST))
    context = {**context, "form": form, "limit_message": message, "files_again": bool(request.FILES)}
    context["files_again_msg"] = MSG_FILES_AGAIN
    return _render(request, "portal/citizen/submit.html", context, status=429)


def _done(request, *, code: str, receiving, conference, form):
    # A robot's form was not cleaned: what it sent is echoed the same way.
    values = getattr(form, "cleaned_data", None) or form.data
    request.session[SUBMITTED] = {
        "code": public.display_tracking_code(code),
        "unit": receiving.name,
        "conference": conference.title if conference else "",
        "conference_date": conference.date.isoformat() if conference and conference.date else "",
        "sent_at": timezone.now().isoformat(),
        "notify_by": values.get("notify_by") or "",
        "identity_protected": bool(values.get("identity_protected")),
        "until": time.time() + TRACK_MINUTES * 60,
    }
    return redirect("portal:submit_done")


@require_GET
def submit_done(request):
    receipt = request.session.get(SUBMITTED)
    if not receipt or receipt.get("until", 0) < time.time():
        request.session.pop(SUBMITTED, None)
        return redirect("portal:submit")
    receipt = {**receipt, "sent_at": timezone.localtime(datetime.fromisoformat(receipt["sent_at"]))}
    if receipt.get("conference_date"):
        receipt["conference_date"] = date.fromisoformat(receipt["conference_date"])
    return _render(request, "portal/citizen/done.html", {"receipt": receipt})


# ---------------------------------------------------------------- tracking


@require_http_methods(["GET", "POST"])
def track(request):
    if request.method == "GET":
        return _render(request, "portal/citizen/track.html", {"form": TrackForm(), "tracking": _tracked(request)})
    address = ratelimit.client_address(request)
    form = TrackForm(request.POST)
    code = public.normalise_tracking_code(form.data.get("code", ""))
    phone = form.data.get("phone", "")
    code_key = f"portal-track:code:{code}"
    if not ratelimit.allow(f"portal-track:ip:{address}", limit=settings.PORTAL_TRACK_PER_IP_HOUR, seconds=HOUR) or (
        code and ratelimit.peek(code_key, seconds=HOUR) >= _per_code_limit()
    ):
        return _render(request, "portal/citizen/track.html", {"form": TrackForm(), "error": MSG_TRACK_LIMIT}, 429)
    petition = public.petition_for_tracking(code, phone)
    if petition is None:
        if code:
            ratelimit.hit(code_key, seconds=HOUR)
        # The same page whatever was wrong: nothing typed is shown again.
        return _render(request, "portal/citizen/track.html", {"form": TrackForm(), "error": MSG_NO_MATCH})
    request.session.cycle_key()
    request.session.pop(SUBMITTED, None)
    request.session[TRACKED] = {"id": petition.pk, "until": time.time() + TRACK_MINUTES * 60}
    return redirect("portal:tracked")


def _tracked(request) -> Petition | None:
    entry = request.session.get(TRACKED)
    if not entry or entry.get("until", 0) < time.time():
        request.session.pop(TRACKED, None)
        return None
    petition = (
        Petition.objects.filter(pk=entry["id"], tracking_code__isnull=False)
        .select_related("receiving_unit", "conference", "group", "group__lead_unit")
        .first()
    )
    if petition is None:
        request.session.pop(TRACKED, None)
        return None
    # Thirty minutes from the last page seen.
    request.session[TRACKED] = {"id": petition.pk, "until": time.time() + TRACK_MINUTES * 60}
    return petition


def _tracked_page(request, petition: Petition, rating_form=None, status: int = 200):
    state = public.public_state(petition)
    rating = satisfaction.tracked_rating(petition)
    if rating.open and rating_form is None:
        rating_form = RatingForm()
    return _render(
        request,
        "portal/citizen/tracked.html",
        {
            "petition": petition,
            "code": public.display_tracking_code(petition.tracking_code),
            "state": state,
            "steps": public.tracking_steps(state),
            "progress": public.public_progress(petition),
            "files": list(petition.files.values_list("name", flat=True)),
            "rating": rating,
            "rating_label": RATING_LABELS.get(rating.response, ""),
            "rating_form": rating_form if rating.open else None,
        },
        status=status,
    )


@require_GET
def tracked(request):
    petition = _tracked(request)
    if petition is None:
        messages.info(request, MSG_TRACK_ENDED)
        return redirect("portal:track")
    return _tracked_page(request, petition)


@require_POST
def rate(request):
    petition = _tracked(request)
    if petition is None:
        messages.info(request, MSG_TRACK_ENDED)
        return redirect("portal:track")
    form = RatingForm(request.POST)
    if form.is_valid():
        try:
            rating = satisfaction.satisfaction_respond_tracked(
                petition=petition, response=form.cleaned_data["response"], comment=form.cleaned_data["comment"]
            )
        except ServiceError as error:
            if error.field not in form.fields:  # nothing to assess (yet, or any more)
                messages.error(request, str(error.message))
                return redirect("portal:tracked")
            apply_to_form(form, error)
        else:
            messages.success(request, MSG_RATED)
            if rating.reopened:
                messages.info(request, MSG_REOPENED)
            return redirect("portal:tracked")
    return _tracked_page(request, petition, rating_form=form)


@require_POST
def track_end(request):
    request.session.pop(TRACKED, None)
    request.session.pop(SUBMITTED, None)
    request.session.cycle_key()
    messages.info(request, MSG_SIGNED_OUT)
    return redirect("portal:track")
