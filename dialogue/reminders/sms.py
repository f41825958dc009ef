"""The SMS interface. `SMS_BACKEND` names a class (dotted path) with
`send_messages(messages) -> int`; it raises `SmsError` (or any exception) when the gateway
refuses, and the worker tries again later. Two backends ship: `LoggingBackend` (the default:
each message goes to the log, nothing leaves the server) and `LocmemBackend` (tests: kept in
`outbox`). A real gateway is one more class; see docs/reminders.md.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger("dialogue.reminders.sms")


@dataclass(frozen=True)
class SmsMessage:
    to: str  # national form, "0912345678"
    body: str
    # The unique key of the message in doithoai ("reminder:12:sms"): a gateway that takes
    # a client reference can use it to drop a message sent twice.
    reference: str = ""
    sender: str = ""


class SmsError(Exception):
    """The gateway refused or could not be reached; the message is tried again later."""


class BaseBackend:
    def __init__(self, **options):
        self.options = options

    def send_messages(self, messages: list[SmsMessage]) -> int:  # pragma: no cover - interface
        raise NotImplementedError


class LoggingBackend(BaseBackend):
    """Writes each message to the log (logger "dialogue.reminders.sms")."""

    def send_messages(self, messages: list[SmsMessage]) -> int:
        for message in messages:
            logger.info("SMS to %s [%s] from %s: %s", message.to, message.reference, message.sender, message.body)
        return len(messages)


class LocmemBackend(BaseBackend):
    """Keeps the messages in `LocmemBackend.outbox` (one list for the process), for tests."""

    outbox: list[SmsMessage] = []

    def send_messages(self, messages: list[SmsMessage]) -> int:
        type(self).outbox.extend(messages)
        return len(messages)


def get_backend() -> BaseBackend:
    return import_string(settings.SMS_BACKEND)()


def send_sms(*, to: str, body: str, reference: str = "") -> None:
    sent = get_backend().send_messages([SmsMessage(to=to, body=body, reference=reference, sender=settings.SMS_SENDER)])
    if sent != 1:
        raise SmsError(f"the SMS backend accepted {sent} of 1 message")
