"""Issuing, checking and revoking API keys.

A key looks like `dt_<prefix>_<secret>`: the prefix (8 characters) is stored in clear to
tell keys apart, the whole key only as its SHA-256. A key works while it is neither
revoked nor expired and its person's account is active; it carries that person's roles.

A person manages their own keys; an administrator also those of the accounts they manage
(`Capability.PERSON_MANAGE` over the account: a national administrator, any account), for
example the account made for a connected application.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dialogue.api.models import ApiToken
from dialogue.core.errors import ServiceError
from dialogue.core.services import audit_record
from dialogue.organisation.roles import Capability
from dialogue.organisation.selectors import person_get_for_user, user_can

MSG_NAME = _("Say which system will use the key.")
MSG_REVOKED = _("This key has already been revoked.")
MSG_NOT_YOURS = _("You can manage only your own keys, or those of the accounts you administer.")
MSG_BAD_DAYS = _("A key is valid for 1 to 3650 days.")
# Record a key's use at most this often (one write per key per minute, not per request).
TOUCH_SECONDS = 60


def key_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def _audit_unit(user):
    assignment = user.role_assignments.select_related("unit").filter(unit__isnull=False).first()
    return assignment.unit if assignment else None


def may_manage_keys_of(actor, person) -> bool:
    """Whether `actor` may issue and revoke the keys of `person`'s account."""
    if getattr(actor, "pk", None) is None:
        return False
    if actor.pk == person.pk:
        return True
    if not user_can(actor, Capability.PERSON_MANAGE):
        return False
    try:
        person_get_for_user(user=actor, pk=person.pk, capability=Capability.PERSON_MANAGE)
    except Http404:
        return False
    return True


def token_issue(*, actor, user, name: str, days: int | None = None, submission_key=None) -> tuple[ApiToken, str | None]:
    """A new key for `user`, returned once in clear with its record. A person issues keys
    for their own account; an administrator for an account they manage (an
    application's). A repeated `submission_key` (a double submit) returns the key already
    issued, without its secret (None): it was shown once."""
    if not may_manage_keys_of(actor, user):
        raise PermissionDenied(MSG_NOT_YOURS)
    if submission_key:
        existing = ApiToken.objects.filter(submission_key=submission_key, created_by=actor).first()
        if existing is not None:
            return existing, None
    name = (name or "").strip()
    if not name:
        raise ServiceError(MSG_NAME, field="name")
    days = settings.API_TOKEN_DAYS if days is None else days
    if days and not 1 <= days <= 3650:
        raise ServiceError(MSG_BAD_DAYS, field="days")
    try:
        return _issue(actor=actor, user=user, name=name, days=days, submission_key=submission_key)
    except IntegrityError:
        # The same form won a race with us (its submission key is unique).
        existing = ApiToken.objects.filter(submission_key=submission_key).first() if submission_key else None
        if existing is None:
            raise
        return existing, None


@transaction.atomic
def _issue(*, actor, user, name: str, days: int, submission_key) -> tuple[ApiToken, str]:
    prefix = secrets.token_hex(4)
    raw = f"dt_{prefix}_{secrets.token_urlsafe(32)}"
    token = ApiToken.objects.create(
        user=user,
        name=name[:120],
        prefix=prefix,
        key_hash=key_hash(raw),
        created_by=actor,
        expires_at=timezone.now() + timedelta(days=days) if days else None,
        submission_key=submission_key or None,
    )
    audit_record(
        actor=actor,
        action="api.token_issue",
        target=token,
        unit=_audit_unit(user),
        after={"name": token.name, "person": user.username, "prefix": prefix},
    )
    return token, raw


@transaction.atomic
def token_revoke(*, actor, token: ApiToken) -> ApiToken:
    """Stop a key at once: the next request with it is refused (401)."""
    if not may_manage_keys_of(actor, token.user):
        raise PermissionDenied(MSG_NOT_YOURS)
    locked = ApiToken.objects.select_for_update().get(pk=token.pk)
    if locked.revoked_at:
        raise ServiceError(MSG_REVOKED)
    locked.revoked_at = timezone.now()
    locked.save(update_fields=["revoked_at"])
    audit_record(
        actor=actor,
        action="api.token_revoke",
        target=locked,
        unit=_audit_unit(locked.user),
        before={"revoked": False},
        after={"revoked": True, "prefix": locked.prefix},
    )
    return locked


def token_for_key(raw: str | None) -> ApiToken | None:
    """The valid token of a key, or None (unknown, revoked, expired, or its person inactive)."""
    if not raw or not raw.startswith("dt_") or len(raw) > 200:
        return None
    now = timezone.now()
    token = ApiToken.objects.select_related("user").filter(key_hash=key_hash(raw), revoked_at__isnull=True).first()
    if token is None or (token.expires_at and token.expires_at <= now) or not token.user.is_active:
        return None
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > TOUCH_SECONDS:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token


def user_for_key(raw: str | None):
    """The person a key acts as, or None."""
    token = token_for_key(raw)
    return token.user if token else None
