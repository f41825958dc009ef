"""Citizen satisfaction (issue 6): when a matter is resolved, the petitioners who left a
mobile number are told, and asked through a secret link whether they are satisfied;
"not satisfied" reopens the matter for review. The answer of a higher level to a
recommendation (`escalation.py`) is also sent to them.

- Who is asked: every petition behind the matter (`services.item_petitions`) with a
  mobile number, once per number and per resolution ("round": the first resolution is
  round 1, resolving again after a reopening is round 2). A petition has no e-mail
  address, so the channel is SMS; a landline or no number means the person is not asked.
- The link: a random token of 192 bits; only its SHA-256 is kept. The token is made by
  the worker at the moment the message leaves, so it is in no table (the record of the
  message keeps the text with the link hidden). The link is valid `SATISFACTION_LINK_DAYS`
  days (default 60) after it was sent.
- What leaves: the matter and the result, masked (no name, telephone or house address —
  Law 91/2025/QH15 on personal data; Quy định 11-QĐi/TW protects the identity of those who
  raise matters), and the link. Nobody's contact details are ever in a message.
- Sending happens in the worker (a django-tasks task queued inside the transaction, so
  it exists only if the change does); each message is an `OutboundMessage` with a unique
  key, so a message is sent once whatever happens to the worker.
- Every response is a timeline entry (kind SATISFACTION, by "Công dân"); "not satisfied"
  on the current round reopens the matter (REOPENED → in progress) and tells the
  synthesis board and the responsible unit.
- The portal's tracking page (a citizen who typed their tracking code and telephone
  number) records the same assessment through `satisfaction_respond_tracked`, with the
  same core (`_record_response`): on each matter the petition is about, once per petition
  and round. A link already sent for that round is answered by it; before any resolution
  the citizen may assess the approved answer alone (round 0, which reopens nothing).

Messaging: `dialogue.reminders.channels.deliver` speaks to staff accounts (in-app, e-mail,
SMS); petitioners have no account, so `_send_sms` below goes through `reminders.citizens`, the
adapter the portal's notices use too (a record in `OutboundMessage`, sent once per key).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from dialogue.conclusions.models import Directive, DirectiveStatus
from dialogue.core.errors import ServiceError
from dialogue.core.services import audit_record, notify_unit
from dialogue.followup.models import (
    Escalation,
    EscalationStatus,
    ProgressUpdate,
    Satisfaction,
    SatisfactionRequest,
    UpdateKind,
)
from dialogue.lib.masking import mask_text
from dialogue.lib.phones import is_mobile, normalize_phone
from dialogue.lib.text import normalize_text
from dialogue.organisation.roles import Capability
from dialogue.petitions.models import Petition, PetitionStatus

DEFAULT_LINK_DAYS = 60
MAX_COMMENT = 2000
# Lengths kept in an SMS: a long message costs several parts (70 characters each in Vietnamese).
SMS_MATTER_CHARS = 70
SMS_RESULT_CHARS = 110
SMS_ANSWER_CHARS = 240

MSG_CHOOSE = _("Choose one of the three answers.")
MSG_COMMENT_TOO_LONG = _("The comment is longer than 2,000 characters.")
MSG_UNKNOWN_LINK = _("This link is not valid or has expired.")
MSG_NOTHING_TO_ASSESS = _("Your petition has no answer or result to assess yet.")

RESOLVED_STATUSES = (DirectiveStatus.RESOLVED, DirectiveStatus.PARTLY_RESOLVED)
# States a dissatisfied petitioner's answer reopens (back in progress).
REOPENABLE = (DirectiveStatus.RESOLVED, DirectiveStatus.PARTLY_RESOLVED, DirectiveStatus.CLOSED)


class UnknownLink(ServiceError):
    """An unknown, never sent or expired link: the page says only that it is not valid."""


def link_days() -> int:
    return int(getattr(settings, "SATISFACTION_LINK_DAYS", DEFAULT_LINK_DAYS))


def token_hash(token: str) -> str:
    return hashlib.sha256((token or "").encode("utf-8", "surrogatepass")).hexdigest()


def public_url(token: str) -> str:
    return f"{settings.SITE_URL.rstrip('/')}{reverse('satisfaction:respond', args=[token])}"


# ---------------------------------------------------------------- the matter


def _services():
    from dialogue.followup import services

    return services


def _is_directive(item) -> bool:
    return isinstance(item, Directive)


def _item_filter(item) -> dict:
    return {"directive": item} if _is_directive(item) else {"group": item}


def item_of(request: SatisfactionRequest):
    return request.directive if request.directive_id else request.group


def resolution_round(item) -> int:
    """How many times the matter was resolved (moved into resolved or partly resolved):
    reports and assessments only name a result, they do not count."""
    count = (
        ProgressUpdate.objects.filter(**_item_filter(item), status_after__in=RESOLVED_STATUSES)
        .exclude(kind__in=[UpdateKind.REPORT, UpdateKind.ESCALATION_ANSWER, UpdateKind.SATISFACTION])
        .exclude(status_before__in=RESOLVED_STATUSES)
        .count()
    )
    return max(count, 1)


def mobile_of(petition: Petition) -> str:
    """The mobile number a petitioner left, in national form; "" when none (a landline
    cannot receive an SMS)."""
    phone = (petition.phone or "").strip()
    return normalize_phone(phone) if phone and is_mobile(phone) else ""


def _people_names(item) -> list[str]:
    """Every petitioner's and speaker's name known for the matter, to be masked."""
    names = [n for n in _services().item_petitions(item).values_list("name", flat=True) if n]
    request = getattr(item, "speaker_request", None) if _is_directive(item) else None
    if request is not None and request.speaker_name:
        names.append(request.speaker_name)
    return names


def _masked(text: str, item) -> str:
    return mask_text(text or "", names=_people_names(item))


def matter_text(item) -> str:
    return item.matter if _is_directive(item) else item.summary


def result_text(item) -> str:
    """What was done: the last result reported (or the higher level's answer); for a group
    settled by its written answer, the approved answer."""
    report = _services().last_report(item)
    if report is not None and report.text:
        return report.text
    group = item.group if _is_directive(item) else item
    return (group.answer_text if group is not None else "") or ""


def _short(text: str, limit: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip(" ,;.") + "…"


def _status_of(item) -> str:
    return item.status if _is_directive(item) else item.followup_status


def _owner_unit(item):
    return _services().item_owner_unit(item)


# ---------------------------------------------------------------- asking


def _contact_petitions(item) -> list[tuple[Petition, str]]:
    """One petition per mobile number (the earliest), withdrawn ones left out."""
    chosen: dict[str, Petition] = {}
    petitions = _services().item_petitions(item).exclude(status=PetitionStatus.WITHDRAWN).order_by("received_on", "pk")
    for petition in petitions:
        phone = mobile_of(petition)
        if phone and phone not in chosen:
            chosen[phone] = petition
    return [(p, phone) for phone, p in chosen.items()]


@transaction.atomic
def matter_resolved(*, actor, item) -> int:
    """Ask every petitioner of a resolved matter who left a mobile number whether they are
    satisfied; once per number and per resolution. Called by the follow-up services when
    a result is accepted as resolved or partly resolved (inside their transaction).
    Returns how many were asked now."""
    if _status_of(item) not in RESOLVED_STATUSES:
        return 0
    # A resolution recorded long after the fact (an import of past years, the demo) asks
    # nobody: its link would have expired before the message could matter.
    resolved_at = getattr(item, "resolved_at", None)
    if resolved_at and resolved_at < timezone.now() - timedelta(days=settings.SATISFACTION_LINK_DAYS):
        return 0
    round_ = resolution_round(item)
    already = set(
        SatisfactionRequest.objects.filter(**_item_filter(item), round=round_).values_list("petition__phone", flat=True)
    )
    already = {normalize_phone(p) for p in already if p and is_mobile(p)}
    asked = []
    for petition, phone in _contact_petitions(item):
        if phone in already:
            continue
        try:
            with transaction.atomic():
                request = SatisfactionRequest.objects.create(
                    petition=petition,
                    # A placeholder nobody knows; the worker replaces it with the hash of
                    # the token it sends.
                    token_hash=token_hash(secrets.token_urlsafe(24)),
                    channel="sms",
                    round=round_,
                    **_item_filter(item),
                )
        except IntegrityError:  # asked by a concurrent call of the same resolution
            continue
        asked.append(request)
        # Queued in the same transaction: the task row commits with the requests.
        send_request.enqueue(request.pk)
    if asked:
        audit_record(
            actor=actor,
            action="satisfaction.ask",
            target=item,
            after={"round": round_, "asked": len(asked)},
            unit=_owner_unit(item),
        )
    return len(asked)


@dataclass
class SmsResult:
    sent: bool
    error: str = ""


def _send_sms(*, key: str, phone: str, body: str, recorded_body: str, subject: str, unit) -> SmsResult:
    """Send one SMS to a petitioner, recorded as an `OutboundMessage` with a unique key (a
    message already sent is not sent again). The record names no person."""
    from dialogue.reminders.citizens import Content, petitioner_message_record, petitioner_message_send
    from dialogue.reminders.models import MessageChannel, MessageStatus

    record = petitioner_message_record(
        key=f"{key}:sms",
        channel=MessageChannel.SMS,
        address=phone,
        subject=subject,
        recorded_body=recorded_body,
        unit=unit,
    )
    if record.status == MessageStatus.SENT:
        return SmsResult(sent=False)
    error = petitioner_message_send(record, Content(subject=subject, text=body, sms=body))
    return SmsResult(sent=not error, error=error)


def _round_is_partial(item, round_: int) -> bool:
    resolution = resolution_of_round(item, round_)
    return (resolution.status_after if resolution else _status_of(item)) == DirectiveStatus.PARTLY_RESOLVED


def request_message(request: SatisfactionRequest, link: str) -> str:
    """The SMS asking one petitioner (always in Vietnamese)."""
    item = item_of(request)
    with translation.override("vi"):
        return render_to_string(
            "followup/email/satisfaction_request.txt",
            {
                "matter": _short(_masked(matter_text(item), item), SMS_MATTER_CHARS),
                "result": _short(_masked(result_text(item), item), SMS_RESULT_CHARS),
                "partly": _round_is_partial(item, request.round),
                "link": link,
            },
        ).strip()


def satisfaction_send(*, request_id: int) -> str:
    """Worker: make the secret link, keep its hash, send the SMS. A request is sent once:
    the conditional update claims it, so two workers never both send it; a failed send
    frees it again (and the next attempt makes a new link)."""
    token = secrets.token_urlsafe(24)
    claimed = SatisfactionRequest.objects.filter(pk=request_id, sent_at__isnull=True).update(
        token_hash=token_hash(token), sent_at=timezone.now()
    )
    if not claimed:
        return "already sent"
    try:
        error = _send_request(request_id, token)
    except Exception:
        _release(request_id)
        raise
    if error:
        _release(request_id)
        return f"failed: {error}"
    return "sent"


def _release(request_id: int) -> None:
    SatisfactionRequest.objects.filter(pk=request_id).update(sent_at=None)


def _send_request(request_id: int, token: str) -> str:
    request = SatisfactionRequest.objects.select_related("petition").get(pk=request_id)
    item = item_of(request)
    phone = mobile_of(request.petition)
    if not phone:  # the number was removed since: nobody to ask
        return "no mobile number"
    link = public_url(token)
    body = request_message(request, link)
    with translation.override("vi"):
        subject = gettext("Are you satisfied with how your matter was resolved?")
        hidden = body.replace(link, gettext("[personal link]"))
    result = _send_sms(
        key=f"satisfaction:{request.pk}",
        phone=phone,
        body=body,
        recorded_body=hidden,
        subject=subject,
        unit=_owner_unit(item),
    )
    return result.error


def unsent_requests_enqueue(*, older_than_minutes: int = 30) -> int:
    """Queue again the requests not sent (the gateway failed, the worker stopped): for a
    periodic job of the worker. Returns how many were queued."""
    since = timezone.now() - timedelta(minutes=older_than_minutes)
    ids = list(
        SatisfactionRequest.objects.filter(sent_at__isnull=True, response="", created_at__lte=since).values_list(
            "pk", flat=True
        )[:500]
    )
    for pk in ids:
        send_request.enqueue(pk)
    return len(ids)


@task()
def send_request(request_id: int) -> str:
    return satisfaction_send(request_id=request_id)


# ---------------------------------------------------------------- the higher level's answer


def petitioners_told_answer(*, escalation: Escalation) -> None:
    """Queue the SMS telling the petitioners the higher level's answer (inside the
    caller's transaction)."""
    send_escalation_answer.enqueue(escalation.pk)


def answer_message(escalation: Escalation) -> str:
    item = escalation.directive if escalation.directive_id else escalation.group
    with translation.override("vi"):
        return render_to_string(
            "followup/email/escalation_answer.txt",
            {
                "matter": _short(_masked(matter_text(item), item), SMS_MATTER_CHARS),
                "unit": escalation.to_unit.name,
                "answer": _short(_masked(escalation.answer_text, item), SMS_ANSWER_CHARS),
            },
        ).strip()


def escalation_answer_send(*, escalation_id: int) -> int:
    """Worker: tell each petitioner (one message per mobile number) the answer."""
    escalation = Escalation.objects.select_related("to_unit").get(pk=escalation_id)
    if escalation.status != EscalationStatus.ANSWERED:
        return 0
    item = escalation.directive if escalation.directive_id else escalation.group
    body = answer_message(escalation)
    with translation.override("vi"):
        subject = gettext("The higher level answered your matter")
    sent = 0
    for petition, phone in _contact_petitions(item):
        result = _send_sms(
            key=f"escalation-answer:{escalation.pk}:{petition.pk}",
            phone=phone,
            body=body,
            recorded_body=body,
            subject=subject,
            unit=_owner_unit(item),
        )
        sent += result.sent
    return sent


@task()
def send_escalation_answer(escalation_id: int) -> int:
    return escalation_answer_send(escalation_id=escalation_id)


# ---------------------------------------------------------------- the public page


def request_for_token(token: str) -> SatisfactionRequest | None:
    """The request of a link that was sent less than `SATISFACTION_LINK_DAYS` ago; None
    for anything else (one query either way: unknown and expired look the same)."""
    since = timezone.now() - timedelta(days=link_days())
    return (
        SatisfactionRequest.objects.filter(token_hash=token_hash(token), sent_at__gte=since)
        .select_related("petition", "directive", "directive__conclusion__conference", "group", "group__conference")
        .first()
    )


@dataclass
class PublicView:
    """What the petitioner's page shows: the matter and its result, masked."""

    request: SatisfactionRequest
    matter: str
    result: str
    partly: bool
    conference: object
    resolved_at: object


def public_view(request: SatisfactionRequest) -> PublicView:
    """The resolution the petitioner was asked about (its round), even if the matter has
    moved on since (reopened, resolved again)."""
    item = item_of(request)
    conference = item.conclusion.conference if _is_directive(item) else item.conference
    resolution = resolution_of_round(item, request.round)
    return PublicView(
        request=request,
        matter=_masked(matter_text(item), item),
        result=_masked(result_text(item), item),
        partly=(resolution.status_after if resolution else _status_of(item)) == DirectiveStatus.PARTLY_RESOLVED,
        conference=conference,
        resolved_at=resolution.created_at if resolution else item.resolved_at,
    )


def resolution_of_round(item, round_: int) -> ProgressUpdate | None:
    """The timeline entry of the `round_`-th resolution of the matter (full or partial)."""
    moves = list(
        ProgressUpdate.objects.filter(**_item_filter(item), status_after__in=RESOLVED_STATUSES)
        .exclude(kind__in=[UpdateKind.REPORT, UpdateKind.ESCALATION_ANSWER, UpdateKind.SATISFACTION])
        .exclude(status_before__in=RESOLVED_STATUSES)
        .order_by("created_at", "id")
    )
    if not moves:
        return None
    return moves[min(round_, len(moves)) - 1]


def _citizen_update(update: ProgressUpdate) -> None:
    """A petitioner's entry is written by "Công dân", for no unit."""
    with translation.override("vi"):
        name = pgettext("author of a timeline entry", "Citizen")
    ProgressUpdate.objects.filter(pk=update.pk).update(author_name=name, author_unit=None)
    update.author_name, update.author_unit = name, None


@transaction.atomic
def satisfaction_respond(*, token: str, response: str, comment: str = "") -> tuple[SatisfactionRequest, bool]:
    """Record a petitioner's assessment (one per request; a second submit changes nothing
    and returns the answer recorded). "Not satisfied" about the latest resolution reopens
    the matter for review and tells the synthesis board and the responsible unit.
    Returns (request, recorded now)."""
    found = request_for_token(token)
    if found is None:
        raise UnknownLink(MSG_UNKNOWN_LINK)
    request = SatisfactionRequest.objects.select_for_update().get(pk=found.pk)
    if request.response:
        return request, False
    _record_response(request, response, comment, via="link")
    return request, True


def _clean_choice(response: str, comment: str) -> str:
    if response not in Satisfaction.values:
        raise ServiceError(MSG_CHOOSE, field="response")
    lines = [normalize_text(line) for line in (comment or "").replace("\r\n", "\n").split("\n")]
    comment = "\n".join(lines).strip()
    if len(comment) > MAX_COMMENT:
        raise ServiceError(MSG_COMMENT_TOO_LONG, field="comment")
    return comment


def _record_response(request: SatisfactionRequest, response: str, comment: str, *, via: str) -> bool:
    """The one core of an assessment, by link or on the tracking page: store it, write the
    timeline entry by "Công dân", reopen the matter when "not satisfied" concerns its
    current result, tell the reviewers, audit. Inside the caller's transaction, with
    `request` locked and not yet answered. Returns whether the matter was reopened."""
    comment = _clean_choice(response, comment)
    request.response = response
    request.comment = comment
    request.responded_at = timezone.now()
    request.save(update_fields=["response", "comment", "responded_at"])

    services = _services()
    item = item_of(request)
    with translation.override("vi"):
        label = str(Satisfaction(response).label)
        if request.round:
            text = gettext("Round %(round)s: %(answer)s.") % {"round": request.round, "answer": label}
        else:
            text = gettext("Assessment of the answer, before any result: %(answer)s.") % {"answer": label}
        if comment:
            text = f"{text}\n{comment}"
    _citizen_update(services.apply_move(actor=None, item=item, kind=UpdateKind.SATISFACTION, text=text))
    reopened = False
    if response == Satisfaction.DISSATISFIED:
        current = request.round == resolution_count(item) and _status_of(item) in REOPENABLE
        if current:
            with translation.override("vi"):
                reason = gettext("Reopened for review: a petitioner is not satisfied with the result.")
            _citizen_update(
                services.apply_move(
                    actor=None,
                    item=item,
                    kind=UpdateKind.REOPENED,
                    to_status=DirectiveStatus.IN_PROGRESS,
                    text=f"{reason}\n{comment}" if comment else reason,
                )
            )
            reopened = True
        _tell_dissatisfied(item, reopened=reopened)
    audit_record(
        actor=None,
        action="satisfaction.respond",
        target=request,
        before={"response": ""},
        after={"response": response, "round": request.round, "reopened": reopened, "via": via},
        unit=_owner_unit(item),
    )
    return reopened


def resolution_count(item) -> int:
    """How many times the matter was resolved, 0 before the first resolution (an
    assessment of the answer alone belongs to round 0)."""
    return (
        ProgressUpdate.objects.filter(**_item_filter(item), status_after__in=RESOLVED_STATUSES)
        .exclude(kind__in=[UpdateKind.REPORT, UpdateKind.ESCALATION_ANSWER, UpdateKind.SATISFACTION])
        .exclude(status_before__in=RESOLVED_STATUSES)
        .count()
    )


# ---------------------------------------------------------------- on the tracking page

# A result the citizen may assess even when the answer was not approved as a written one.
RESULT_STATUSES = (*RESOLVED_STATUSES, DirectiveStatus.CANNOT_RESOLVE, DirectiveStatus.CLOSED)


def tracked_items(petition: Petition) -> list:
    """The matters a petition's assessment is about: the directives in force about its
    group (a group with directives is followed through them), otherwise the group."""
    group = petition.group
    if group is None or petition.status == PetitionStatus.WITHDRAWN:
        return []
    directives = list(_services().group_directives(group).select_related("conclusion").order_by("order", "pk"))
    return directives or [group]


def rateable_items(petition: Petition) -> list:
    """What the citizen may assess now: every matter once the group's answer is approved,
    otherwise those whose result is known (resolved, partly, cannot be resolved, closed)."""
    from dialogue.petitions.models import GroupStatus

    items = tracked_items(petition)
    group = petition.group
    if group is not None and group.status == GroupStatus.APPROVED and group.answer_text:
        return items
    return [item for item in items if _status_of(item) in RESULT_STATUSES]


@dataclass
class TrackedRating:
    """The citizen's assessment of the current round, as the tracking page shows it."""

    open: bool  # the form is offered
    response: str = ""
    label: str = ""
    comment: str = ""
    responded_at: object = None
    reopened: bool = False


def tracked_rating(petition: Petition) -> TrackedRating:
    """Whether the tracking page offers the assessment form, or the answer already given
    for the current round of every matter it is about."""
    items = rateable_items(petition)
    if not items:
        return TrackedRating(open=False)
    answered = []
    for item in items:
        found = SatisfactionRequest.objects.filter(
            petition=petition, round=resolution_count(item), **_item_filter(item)
        ).first()
        if found is None or not found.response:
            return TrackedRating(open=True)
        answered.append(found)
    last = max(answered, key=lambda r: r.responded_at)
    return TrackedRating(
        open=False,
        response=last.response,
        label=str(last.get_response_display()),
        comment=last.comment,
        responded_at=last.responded_at,
    )


@transaction.atomic
def satisfaction_respond_tracked(*, petition: Petition, response: str, comment: str = "") -> TrackedRating:
    """The citizen who tracks their petition (code and telephone number) assesses its
    answer or result on the portal: the same assessment as the link of the SMS, recorded
    on each matter the petition is about, once per petition and per round (a resolution
    is a round; before any, round 0 assesses the answer). A link already sent for the
    same round is answered by it. A second submit changes nothing."""
    comment = _clean_choice(response, comment)
    locked = Petition.objects.select_for_update().get(pk=petition.pk)
    items = rateable_items(locked)
    if not items:
        raise ServiceError(MSG_NOTHING_TO_ASSESS)
    reopened = False
    for item in items:
        round_ = resolution_count(item)
        request = (
            SatisfactionRequest.objects.select_for_update()
            .filter(petition=locked, round=round_, **_item_filter(item))
            .first()
        )
        if request is None:
            request = SatisfactionRequest.objects.create(
                petition=locked,
                # Nobody holds a link to it: the citizen answered on the tracking page.
                token_hash=token_hash(secrets.token_urlsafe(24)),
                channel="portal",
                round=round_,
                **_item_filter(item),
            )
        if request.response:
            continue
        reopened |= _record_response(request, response, comment, via="portal")
    rating = tracked_rating(locked)
    rating.reopened = reopened
    return rating


def _tell_dissatisfied(item, *, reopened: bool) -> None:
    services = _services()
    values = {"matter": _short(matter_text(item), 140)}
    if reopened:
        message = gettext("A petitioner is not satisfied; the matter was reopened for review: %(matter)s") % values
    else:
        message = gettext("A petitioner is not satisfied with the result: %(matter)s") % values
    url = services.item_url(item)
    notify_unit(unit=_owner_unit(item), capability=Capability.FOLLOWUP_REVIEW, message=message, url=url)
    unit = services.item_unit(item)
    # The responsible unit hears of a reopening from the follow-up itself.
    if unit is not None and not reopened:
        notify_unit(unit=unit, capability=Capability.FOLLOWUP_UPDATE, message=message, url=url)


# ---------------------------------------------------------------- selectors for staff pages


def item_requests(item) -> QuerySet[SatisfactionRequest]:
    """The assessments asked about one matter (for its page), newest first; they name
    no petitioner (the petition is linked for those who may read it)."""
    return SatisfactionRequest.objects.filter(**_item_filter(item)).order_by("-round", "-created_at")


def item_summary(item) -> dict:
    """Counts of the assessments of a matter's latest round."""
    round_ = resolution_round(item)
    rows = SatisfactionRequest.objects.filter(**_item_filter(item), round=round_)
    summary = {"round": round_, "asked": rows.count(), "answered": rows.exclude(response="").count()}
    for value in Satisfaction.values:
        summary[value] = rows.filter(response=value).count()
    return summary
