"""Sending one message on one channel, recorded as an `OutboundMessage`.

Each message has a unique key ("reminder:12:email"). The record is written (queued)
before the message leaves and marked sent right after, so a worker that takes over from
one that died skips what was already sent; only a crash between the gateway's answer and
that one UPDATE can send a message twice, and the key travels with the message (e-mail
header, SMS reference) for a gateway that drops duplicates.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext

from dialogue.core.services import notify
from dialogue.lib.phones import is_mobile, normalize_phone
from dialogue.reminders.models import MessageChannel, MessageStatus, OutboundMessage
from dialogue.reminders.sms import send_sms

logger = logging.getLogger("dialogue.reminders")

KEY_HEADER = "X-Doithoai-Message"


@dataclass
class Message:
    """One message to one person, worded for every channel."""

    key: str  # "reminder:12" — the channel is appended
    person: object
    subject: str
    text: str
    html: str
    sms: str
    in_app: str
    url: str  # path inside the site
    unit: object
    reminder: object = None
    digest: object = None
    use_sms: bool = True


def email_address(person) -> str:
    return (person.email or "").strip()


def mobile_number(person) -> str:
    phone = (getattr(person, "phone", "") or "").strip()
    return normalize_phone(phone) if phone and is_mobile(phone) else ""


def absolute(url: str) -> str:
    return f"{settings.SITE_URL.rstrip('/')}{url}" if url else settings.SITE_URL


def deliver(message: Message) -> list[str]:
    """Send the message on every channel the person can be reached by; the in-app message
    always. Returns the errors of the channels that failed (empty when all went)."""
    errors = []
    email = email_address(message.person)
    phone = mobile_number(message.person) if message.use_sms and settings.REMINDERS_SMS else ""
    note = ""
    if not email and not phone:
        note = gettext("No e-mail address or mobile number: told in the application only.")
    _in_app(message, note=note)
    if email:
        error = _send(message, MessageChannel.EMAIL, email, lambda: _send_email(message, email))
        if error:
            errors.append(error)
    if phone:
        error = _send(message, MessageChannel.SMS, phone, lambda: _send_sms(message, phone))
        if error:
            errors.append(error)
    return errors


def _record(message: Message, channel: str, address: str, body: str, **extra) -> tuple[OutboundMessage, bool]:
    unit = message.unit
    return OutboundMessage.objects.get_or_create(
        key=f"{message.key}:{channel}",
        defaults={
            "channel": channel,
            "recipient": message.person,
            "recipient_name": str(message.person)[:200],
            "address": address,
            "subject": message.subject[:300],
            "body": body,
            "url": message.url[:300],
            "reminder": message.reminder,
            "digest": message.digest,
            "unit": unit,
            "unit_path": getattr(unit, "path", "") or "",
            **extra,
        },
    )


def _in_app(message: Message, *, note: str) -> None:
    """The home-page message and its record, in one transaction: exactly once."""
    try:
        with transaction.atomic():
            _message, created = _record(
                message,
                MessageChannel.IN_APP,
                "",
                message.in_app,
                status=MessageStatus.SENT,
                sent_at=timezone.now(),
                attempts=1,
                note=note[:300],
            )
            if created:
                notify(recipients=[message.person], message=message.in_app, url=message.url)
    except IntegrityError:  # another worker recorded it first
        pass


def _send(message: Message, channel: str, address: str, send) -> str:
    body = message.text if channel == MessageChannel.EMAIL else message.sms
    try:
        record, _created = _record(message, channel, address, body)
    except IntegrityError:
        record = OutboundMessage.objects.get(key=f"{message.key}:{channel}")
    if record.status == MessageStatus.SENT:
        return ""
    try:
        send()
    except Exception as error:  # any gateway failure: recorded, tried again later
        logger.warning("%s to %s failed: %s", channel, address, error)
        OutboundMessage.objects.filter(pk=record.pk).update(
            status=MessageStatus.FAILED, error=str(error)[:2000], attempts=record.attempts + 1
        )
        return f"{channel}: {error}"
    OutboundMessage.objects.filter(pk=record.pk).update(
        status=MessageStatus.SENT, error="", attempts=record.attempts + 1, sent_at=timezone.now()
    )
    return ""


def _send_email(message: Message, address: str) -> None:
    email = EmailMultiAlternatives(
        subject=message.subject,
        body=message.text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[address],
        headers={KEY_HEADER: f"{message.key}:email"},
    )
    if message.html:
        email.attach_alternative(message.html, "text/html")
    email.send(fail_silently=False)


def _send_sms(message: Message, phone: str) -> None:
    send_sms(to=phone, body=message.sms, reference=f"{message.key}:sms")
