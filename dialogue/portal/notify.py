"""Telling a citizen about their own petition: a receipt with the tracking code right after
they send it, then one message each time what their tracking page shows changes — by SMS
or e-mail, as they chose on the form (`Petition.notify_by`).

- The receipt is queued by `public.petition_submit_public` inside its transaction (a task
  of the worker, `tasks.send_receipt`), so it exists only if the petition does.
- Changes: `notify_changes()` runs in the worker every 15 minutes (`tasks.portal_notify`,
  one scheduled job). For each public petition with a channel it compares the digest of
  `public_state` with `notified_state`, what the citizen was last told. A change is
  claimed by a conditional update of `notified_state` (two workers never both take it)
  and its record is written in the same transaction; the message then leaves.
- Every message is an `OutboundMessage` with a unique key (“portal:<petition>:<digest>:sms”),
  so a change is sent once whatever happens to the workers. A failed send gives the claim
  back (the next scan tries again, `MAX_ATTEMPTS` times); a record left “being sent” by a
  worker that died is given back after `RETRY_AFTER`.
- What leaves: the tracking code, the new stage and what goes with it (the answering
  agency and due date, the answer masked, the directives), the tracking page's address.
  Never the telephone number, never anybody else's name (texts are masked); the e-mail
  greets the citizen by the name they gave. The record of a message hides the tracking
  code, which together with the number (the record's address) would open the petition.

Petitioners have no staff account: messages go through `reminders.citizens`, the adapter
the satisfaction and escalation messages use too.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, pgettext

from dialogue.lib.phones import is_mobile, normalize_phone
from dialogue.petitions.models import NotifyChannel, Petition
from dialogue.petitions.public import PublicState, display_tracking_code, public_petitions, public_state
from dialogue.reminders.citizens import (
    Content,
    petitioner_message_claim,
    petitioner_message_record,
    petitioner_message_send,
)
from dialogue.reminders.models import MessageChannel, MessageStatus, OutboundMessage

logger = logging.getLogger("dialogue.portal.notify")

CHANGE_PREFIX = "portal"
RECEIPT_PREFIX = "portal-receipt"
# A record still "being sent" after this long belongs to a worker that died.
RETRY_AFTER = timedelta(minutes=10)
# A message that failed this many times is not tried again (the gateway or the address is wrong).
MAX_ATTEMPTS = 5
SMS_ANSWER_CHARS = 0  # the SMS never carries the answer: it is read on the page
EMAIL_ANSWER_CHARS = 3000


def quarter_hour_slot(local: datetime) -> str:
    """“2026-11-24T07:15”: the current quarter of an hour (the scheduler's slot)."""
    return f"{local:%Y-%m-%dT%H}:{local.minute - local.minute % 15:02d}"


def tracking_url() -> str:
    return f"{settings.SITE_URL.rstrip('/')}{reverse('portal:track')}"


# ---------------------------------------------------------------- wording


@dataclass
class CitizenMessage:
    subject: str
    text: str
    html: str
    sms: str
    # What the record keeps: the same without the tracking code.
    recorded_text: str
    recorded_sms: str
    stage: str = ""


def _context(petition: Petition, state: PublicState) -> dict:
    return {
        "code": display_tracking_code(petition.tracking_code or ""),
        "name": petition.name,
        "unit": petition.receiving_unit.name,
        "conference": petition.conference.title if petition.conference_id else "",
        "received_on": petition.received_on,
        "state": state,
        "answer": _short(state.answer, EMAIL_ANSWER_CHARS),
        "link": tracking_url(),
    }


def _short(text: str, limit: int) -> str:
    text = (text or "").strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip(" ,;.") + "…"


def _render(kind: str, petition: Petition, state: PublicState) -> CitizenMessage:
    context = _context(petition, state)
    code = context["code"]
    with translation.override("vi"):
        if kind == "receipt":
            subject = gettext("Your petition was received — tracking code %(code)s") % {"code": code}
        else:
            subject = gettext("Your petition %(code)s: %(stage)s") % {"code": code, "stage": state.label}
        context["subject"] = subject
        context["greeting"] = pgettext("citizen", "Dear %(name)s,") % {"name": petition.name}
        text = render_to_string(f"portal/citizen/email/{kind}.txt", context).strip() + "\n"
        html = render_to_string(f"portal/citizen/email/{kind}.html", context)
        sms = " ".join(render_to_string(f"portal/citizen/email/{kind}_sms.txt", context).split())
        hidden = gettext("[tracking code]")
    return CitizenMessage(
        subject=subject,
        text=text,
        html=html,
        sms=sms,
        recorded_text=text.replace(code, hidden),
        recorded_sms=sms.replace(code, hidden),
        stage=state.stage,
    )


def receipt_message(petition: Petition) -> CitizenMessage:
    return _render("receipt", petition, public_state(petition))


def change_message(petition: Petition, state: PublicState | None = None) -> CitizenMessage:
    return _render("change", petition, state or public_state(petition))


# ---------------------------------------------------------------- one message on one channel


def _address(petition: Petition) -> tuple[str, str]:
    """(channel, address) the citizen chose; ("", "") when they cannot be reached so."""
    if petition.notify_by == NotifyChannel.EMAIL and petition.email:
        return MessageChannel.EMAIL, petition.email
    if petition.notify_by == NotifyChannel.SMS and petition.phone and is_mobile(petition.phone):
        return MessageChannel.SMS, normalize_phone(petition.phone)
    return "", ""


def _record_fields(key: str, petition: Petition, channel: str, address: str, message: CitizenMessage) -> dict:
    return {
        "key": key,
        "channel": channel,
        "address": address,
        "subject": message.subject.replace(display_tracking_code(petition.tracking_code or ""), ""),
        "recorded_body": message.recorded_text if channel == MessageChannel.EMAIL else message.recorded_sms,
        "unit": petition.receiving_unit,
        "url": reverse("portal:track"),
        "note": message.stage,
    }


def _record(key: str, petition: Petition, channel: str, address: str, message: CitizenMessage) -> OutboundMessage:
    return petitioner_message_record(**_record_fields(key, petition, channel, address, message))


def _send(record: OutboundMessage, message: CitizenMessage) -> str:
    """Send a recorded message unless it was sent; "" on success (or already sent)."""
    return petitioner_message_send(
        record, Content(subject=message.subject, text=message.text, html=message.html, sms=message.sms)
    )


# ---------------------------------------------------------------- the receipt


def receipt_send(*, petition_id: int) -> str:
    """Worker: the receipt with the tracking code, once per petition."""
    petition = Petition.objects.select_related("receiving_unit", "conference", "group").filter(pk=petition_id).first()
    if petition is None or not petition.tracking_code:
        return "no petition"
    channel, address = _address(petition)
    if not channel:
        return "no channel"
    message = receipt_message(petition)
    # Its own task and the scans that resend failed receipts may try it at once: one sends.
    record, mine = petitioner_message_claim(
        stale_after=RETRY_AFTER,
        **_record_fields(f"{RECEIPT_PREFIX}:{petition.pk}:{channel}", petition, channel, address, message),
    )
    if record.status == MessageStatus.SENT:
        return "already sent"
    if not mine:
        return "taken"
    error = _send(record, message)
    return f"failed: {error}" if error else "sent"


# ---------------------------------------------------------------- changes


def petition_notify(petition: Petition) -> str:
    """Tell the citizen of a change of their petition's public state, once: "unchanged",
    "taken" (another worker claimed it), "no channel", "sent" or "failed: …"."""
    channel, address = _address(petition)
    if not channel:
        return "no channel"
    state = public_state(petition)
    digest = state.digest()
    previous = petition.notified_state
    if digest == previous:
        return "unchanged"
    message = change_message(petition, state)
    key = f"{CHANGE_PREFIX}:{petition.pk}:{digest[:24]}:{channel}"
    with transaction.atomic():
        claimed = Petition.objects.filter(pk=petition.pk, notified_state=previous).update(notified_state=digest)
        if not claimed:
            return "taken"
        record = _record(key, petition, channel, address, message)
    petition.notified_state = digest
    error = _send(record, message)
    if not error:
        return "sent"
    if record.attempts + 1 < MAX_ATTEMPTS:
        # Give the change back: the next scan sends the same message (same key) again.
        Petition.objects.filter(pk=petition.pk, notified_state=digest).update(notified_state=previous)
        petition.notified_state = previous
    return f"failed: {error}"


def _recover_stuck(now: datetime) -> int:
    """Records left "being sent" by a worker that died: marked failed, and their change
    given back so that the scan sends it again (a receipt is sent again by `_resend_receipts`)."""
    stuck = OutboundMessage.objects.filter(
        key__startswith=f"{CHANGE_PREFIX}:", status=MessageStatus.QUEUED, created_at__lt=now - RETRY_AFTER
    ).values_list("pk", "key")
    count = 0
    for pk, key in stuck:
        _prefix, petition_id, digest, _channel = key.split(":")
        OutboundMessage.objects.filter(pk=pk, status=MessageStatus.QUEUED).update(
            status=MessageStatus.FAILED, error=gettext("The worker stopped before the message was sent.")
        )
        Petition.objects.filter(pk=int(petition_id), notified_state__startswith=digest).update(notified_state="")
        count += 1
    return count


def _resend_receipts(now: datetime) -> int:
    waiting = Q(status=MessageStatus.FAILED) | Q(status=MessageStatus.QUEUED, created_at__lt=now - RETRY_AFTER)
    rows = OutboundMessage.objects.filter(
        waiting, key__startswith=f"{RECEIPT_PREFIX}:", attempts__lt=MAX_ATTEMPTS
    ).values_list("key", flat=True)[:200]
    sent = 0
    for key in rows:
        sent += receipt_send(petition_id=int(key.split(":")[1])) == "sent"
    return sent


def notify_changes(*, now: datetime | None = None) -> dict:
    """The worker's scan (every 15 minutes): one message per change of every public
    petition whose citizen asked to be told; failed receipts are sent again."""
    now = now or timezone.now()
    counts = {"checked": 0, "sent": 0, "failed": 0, "recovered": _recover_stuck(now)}
    petitions = (
        public_petitions()
        .exclude(notify_by="")
        .select_related("receiving_unit", "conference", "group", "group__lead_unit")
        .order_by("pk")
    )
    for petition in petitions.iterator(chunk_size=200):
        counts["checked"] += 1
        result = petition_notify(petition)
        if result == "sent":
            counts["sent"] += 1
        elif result.startswith("failed"):
            counts["failed"] += 1
    counts["receipts"] = _resend_receipts(now)
    return counts
