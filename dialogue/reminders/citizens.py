"""Messages to petitioners, who have no staff account.

`reminders.channels.deliver` speaks to staff accounts (in-app, e-mail, SMS, with their
preferences). A petitioner is reached only at the number or address they gave, so the
portal's receipts and change notices (`portal.notify`) and the satisfaction and
escalation messages (`followup.satisfaction`) go through this one adapter over the same
pieces: Django mail, `reminders.sms.send_sms` through `SMS_BACKEND`, and an
`OutboundMessage` with a unique key, so that a message is sent once whatever happens to
the workers.

- `petitioner_message_record(...)` writes the record (or returns the one already there).
  What the record keeps is the `recorded_body` the caller gives, which leaves out secrets
  (tracking codes, personal links). The record names no person.
- `petitioner_message_send(...)` sends a recorded message unless it was sent, and marks it
  sent or failed (with one more attempt counted). It returns "" on success.
- `petitioner_message_claim(...)` is for a message that more than one worker may try at
  once (a receipt sent by its own task and again by overlapping scans when it failed):
  the worker that created the record sends it; a failed record, or one left "being sent"
  longer than `stale_after` by a worker that stopped, goes to the one worker whose
  conditional UPDATE takes it back (the attempt's time is written in `created_at`, so
  a record being sent now is never mistaken for an abandoned one).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext

from dialogue.reminders.channels import KEY_HEADER
from dialogue.reminders.models import MessageChannel, MessageStatus, OutboundMessage
from dialogue.reminders.sms import send_sms

logger = logging.getLogger("dialogue.reminders.citizens")


@dataclass(frozen=True)
class Content:
    """What leaves: the SMS text, or the e-mail's subject, text and HTML."""

    subject: str
    text: str
    html: str = ""
    sms: str = ""


def petitioner_message_record(
    *,
    key: str,
    channel: str,
    address: str,
    subject: str,
    recorded_body: str,
    unit,
    url: str = "",
    note: str = "",
) -> OutboundMessage:
    """The record of one message to a petitioner, created once per key."""
    try:
        with transaction.atomic():
            record, _created = OutboundMessage.objects.get_or_create(
                key=key,
                defaults={
                    "channel": channel,
                    "recipient": None,
                    "recipient_name": gettext("Petitioner"),
                    "address": address,
                    "subject": subject[:300],
                    "body": recorded_body,
                    "url": url,
                    "note": note,
                    "unit": unit,
                    "unit_path": getattr(unit, "path", "") or "",
                },
            )
    except IntegrityError:  # recorded by another worker at the same moment
        record = OutboundMessage.objects.get(key=key)
        _created = False
    record.created_now = _created
    return record


def petitioner_message_claim(*, stale_after: timedelta, **fields) -> tuple[OutboundMessage, bool]:
    """(record, whether this worker sends it now): see the module. `fields` are those of
    `petitioner_message_record`."""
    record = petitioner_message_record(**fields)
    if record.created_now:
        return record, True
    if record.status == MessageStatus.SENT:
        return record, False
    now = timezone.now()
    takeable = Q(status=MessageStatus.FAILED) | Q(status=MessageStatus.QUEUED, created_at__lt=now - stale_after)
    taken = (
        OutboundMessage.objects.filter(takeable, pk=record.pk, attempts=record.attempts).update(
            status=MessageStatus.QUEUED, created_at=now
        )
        == 1
    )
    return record, taken


def petitioner_message_send(record: OutboundMessage, content: Content) -> str:
    """Send a recorded message unless it was sent; "" on success (or already sent), else
    the gateway's error, recorded on the message."""
    if record.status == MessageStatus.SENT:
        return ""
    try:
        if record.channel == MessageChannel.EMAIL:
            email = EmailMultiAlternatives(
                subject=content.subject,
                body=content.text,
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=[record.address],
                headers={KEY_HEADER: record.key},
            )
            if content.html:
                email.attach_alternative(content.html, "text/html")
            email.send(fail_silently=False)
        else:
            send_sms(to=record.address, body=content.sms or content.text, reference=record.key)
    except Exception as error:  # any gateway failure is recorded; the message can be sent again
        logger.warning("Message %s to a petitioner failed: %s", record.key, error)
        OutboundMessage.objects.filter(pk=record.pk).update(
            status=MessageStatus.FAILED, error=str(error)[:2000], attempts=record.attempts + 1
        )
        return str(error) or error.__class__.__name__
    OutboundMessage.objects.filter(pk=record.pk).update(
        status=MessageStatus.SENT, error="", attempts=record.attempts + 1, sent_at=timezone.now()
    )
    return ""
