"""Issuing, checking and revoking API keys.

A key looks like `dt_<prefix>_<secret>`: the prefix (8 characters) is stored in clear to
tell keys apart, the whole key only as its SHA-256. A key works while it is neither
revoked nor expired and its person's account is active; it carries that person's roles.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dialogue.api.models import ApiToken
from dialogue.core.errors import ServiceError
from dialogue.core.services import audit_record

MSG_NAME = _("Say which system will use the key.")
MSG_REVOKED = _("This key has already been revoked.")
MSG_NOT_YOURS = _("You can manage only your own keys.")
# Record a key's use at most this often (one write per key per minute, not per request).
TOUCH_SECONDS = 60


def key_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def _audit_unit(user):
    assignment = user.role_assignments.select_related("unit").filter(unit__isnull=False).first()
    return assignment.unit if assignment else None


@transaction.atomic
def token_issue(*, actor, user, name: str, days: int | None = None) -> tuple[ApiToken, str]:
    """A new key for `user`, returned once in clear with its record. A person issues keys
    for their own account; a system administrator for any account (an application's)."""
    if actor.pk != user.pk and not actor.is_superuser:
        raise PermissionDenied(MSG_NOT_YOURS)
    name = (name or "").strip()
    if not name:
        raise ServiceError(MSG_NAME, field="name")
    prefix = secrets.token_hex(4)
    raw = f"dt_{prefix}_{secrets.token_urlsafe(32)}"
    days = settings.API_TOKEN_DAYS if days is None else days
    token = ApiToken.objects.create(
        user=user,
        name=name[:120],
        prefix=prefix,
        key_hash=key_hash(raw),
        created_by=actor,
        expires_at=timezone.now() + timedelta(days=days) if days else None,
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
    if actor.pk != token.user_id and not actor.is_superuser:
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
