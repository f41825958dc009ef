"""Two-step sign-in (an authenticator app, TOTP RFC 6238) and the writes to a person's
own account security: turning it on and off, recovery codes, a reset by an
administrator, password changes. Each write runs in one transaction and is audited;
no secret, code or password ever goes into the audit log.

Secrets at rest: the TOTP secret is sealed with Fernet (AES-128-CBC + HMAC-SHA-256, from
`cryptography`) under a key derived from SECRET_KEY with HKDF; recovery codes are kept
only as HMAC-SHA-256 under another derived key. A database dump alone therefore gives
neither. Keys derived from SECRET_KEY_FALLBACKS are tried too, so SECRET_KEY can be
rotated: a secret is re-sealed under the new key at its next use.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from dialogue.core import ratelimit
from dialogue.core.errors import ServiceError
from dialogue.core.services import audit_record, notify
from dialogue.lib import totp
from dialogue.organisation.models import RecoveryCode, TwoFactorDevice, User
from dialogue.organisation.roles import Capability
from dialogue.organisation.selectors import scope_paths, user_can

ISSUER = "doithoai"
RECOVERY_CODE_COUNT = 10
# 12 characters from 31 that cannot be confused (no 0/O, 1/I/L): 59 random bits each.
RECOVERY_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
RECOVERY_LENGTH = 12
HOUR = 3600

# Session keys: the person who passed the password step and waits for the code step,
# and the device whose code this session has given.
SESSION_PENDING = "two_factor_pending"
SESSION_VERIFIED = "two_factor_verified"
# The clock codes are checked against (tests replace it to stand at a step's edge).
clock = time.time

MSG_CODE_WRONG = _("The code is not right. Check that the time on your phone is correct and type the code shown now.")
MSG_CODE_REUSED = _("This code has just been used. Wait for the next code in the app (it changes every 30 seconds).")
MSG_CODE_EMPTY = _("Enter the 6-digit code from the app, or one of your recovery codes.")
MSG_TOO_MANY = _(
    "Too many wrong codes for this account in the last hour. Wait an hour and try again; your system "
    "administrator can reset two-step verification."
)
MSG_ALREADY_ON = _("Two-step verification is already on for this account.")
MSG_NOT_ON = _("Two-step verification is not on for this account.")
MSG_SETUP_FIRST = _("Open the set-up page again: the secret was not prepared.")
MSG_REQUIRED_BY_ROLE = _("Your role requires two-step verification: it cannot be turned off.")
MSG_NOT_ALLOWED_RESET = _("You are not allowed to manage this person's account.")
MSG_RESET_SELF = _(
    "You cannot reset your own two-step verification here: turn it off on your account security page "
    "with a code, or ask another administrator."
)
MSG_SIGN_IN_WITH_CODE = _("Your account uses two-step verification: sign in again with a code from your app.")
MSG_NOTHING_TO_RESET = _("This person has not turned on two-step verification.")


# --- keys and sealing ------------------------------------------------------------------


def _derive(secret_key: str, purpose: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"doithoai/" + purpose).derive(
        secret_key.encode()
    )


def _secret_keys() -> list[str]:
    return [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]


@lru_cache(maxsize=4)
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(base64.urlsafe_b64encode(_derive(k, b"totp-secret"))) for k in keys])


def seal(secret: str) -> str:
    return _fernet(tuple(_secret_keys())).encrypt(secret.encode()).decode("ascii")


def unseal(token: str) -> str:
    """The base32 secret; InvalidToken when no current or fallback key opens it."""
    return _fernet(tuple(_secret_keys())).decrypt(token.encode("ascii")).decode()


def _reseal(token: str) -> str:
    return _fernet(tuple(_secret_keys())).rotate(token.encode("ascii")).decode("ascii")


def recovery_hashes(code: str) -> list[str]:
    """The keyed hashes of a recovery code under the current key and each fallback."""
    code = normalise_recovery_code(code)
    return [hmac.new(_derive(k, b"recovery-code"), code.encode(), hashlib.sha256).hexdigest() for k in _secret_keys()]


def normalise_recovery_code(text: str) -> str:
    return totp.normalise_code(text).upper()


def format_recovery_code(code: str) -> str:
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def _new_recovery_codes(user: User) -> list[str]:
    codes = [
        "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_LENGTH)) for _ in range(RECOVERY_CODE_COUNT)
    ]
    RecoveryCode.objects.filter(user=user).delete()
    RecoveryCode.objects.bulk_create([RecoveryCode(user=user, code_hash=recovery_hashes(c)[0]) for c in codes])
    return [format_recovery_code(c) for c in codes]


# --- reading ---------------------------------------------------------------------------


def required_roles() -> set[str]:
    return set(getattr(settings, "TWO_FACTOR_REQUIRED_ROLES", []))


def is_required(user) -> bool:
    """Whether one of the person's active roles is listed in TWO_FACTOR_REQUIRED_ROLES."""
    roles = required_roles()
    return bool(roles) and user.role_assignments.filter(is_active=True, role__in=roles).exists()


def confirmed_device(user) -> TwoFactorDevice | None:
    return TwoFactorDevice.objects.filter(user=user, confirmed_at__isnull=False).first()


def confirmed_device_id(user_id: int) -> int | None:
    return (
        TwoFactorDevice.objects.filter(user_id=user_id, confirmed_at__isnull=False).values_list("pk", flat=True).first()
    )


def recovery_codes_left(user) -> int:
    return RecoveryCode.objects.filter(user=user, used_at__isnull=True).count()


def pending_secret(user) -> str | None:
    """The secret being set up (not yet confirmed), to show it again on reload."""
    device = TwoFactorDevice.objects.filter(user=user, confirmed_at__isnull=True).first()
    if device is None:
        return None
    try:
        return unseal(device.secret_sealed)
    except InvalidToken:
        return None


def provisioning_uri(user, secret: str) -> str:
    return totp.provisioning_uri(secret, account=user.get_username(), issuer=ISSUER)


# --- writes ----------------------------------------------------------------------------


@transaction.atomic
def two_factor_begin(*, user) -> str:
    """Prepare a new secret for the person's app (or give back the one being set up, so a
    reload does not invalidate a QR code already scanned). Nothing changes for sign-in
    until `two_factor_confirm`."""
    device = TwoFactorDevice.objects.select_for_update().filter(user=user).first()
    if device is not None and device.confirmed_at is not None:
        raise ServiceError(MSG_ALREADY_ON)
    if device is not None:
        try:
            return unseal(device.secret_sealed)
        except InvalidToken:
            device.delete()
    secret = totp.new_secret()
    TwoFactorDevice.objects.create(user=user, secret_sealed=seal(secret))
    return secret


def _match(device: TwoFactorDevice, code: str, at: float | None) -> int | None:
    return totp.match(totp.decode_secret(unseal(device.secret_sealed)), code, at=clock() if at is None else at)


@transaction.atomic
def two_factor_confirm(*, user, code: str, at: float | None = None) -> list[str]:
    """Turn two-step sign-in on once the person typed a code from the app (proving it
    holds the secret); returns the recovery codes, to be shown once."""
    device = TwoFactorDevice.objects.select_for_update().filter(user=user).first()
    if device is None:
        raise ServiceError(MSG_SETUP_FIRST, field="code")
    if device.confirmed_at is not None:
        raise ServiceError(MSG_ALREADY_ON)
    step = _match(device, code, at)
    if step is None:
        raise ServiceError(MSG_CODE_WRONG, field="code")
    now = timezone.now()
    device.confirmed_at, device.last_used_step, device.last_used_at = now, step, now
    device.save(update_fields=["confirmed_at", "last_used_step", "last_used_at"])
    codes = _new_recovery_codes(user)
    audit_record(
        actor=user,
        action="two_factor.enable",
        target=user,
        after={"two_factor": True, "recovery_codes": len(codes)},
        unit=user.organisation,
    )
    return codes


def too_many_failures(user) -> bool:
    return ratelimit.peek(f"two-factor:user:{user.pk}", seconds=HOUR) >= settings.TWO_FACTOR_FAILURES_PER_HOUR


def count_failure(user) -> None:
    """A wrong code, whatever the address it came from (django-axes counts per address)."""
    ratelimit.hit(f"two-factor:user:{user.pk}", seconds=HOUR)


@transaction.atomic
def two_factor_verify(*, user, code: str, at: float | None = None) -> str:
    """The sign-in's second step: a code from the app (the current 30-second step or one
    either side) not used before, or an unused recovery code, which is then spent.
    Returns "totp" or "recovery"; raises ServiceError otherwise."""
    device = confirmed_device(user)
    if device is None:
        raise ServiceError(MSG_NOT_ON)
    text = totp.normalise_code(code or "")
    if not text:
        raise ServiceError(MSG_CODE_EMPTY, field="code")
    if too_many_failures(user):
        raise ServiceError(MSG_TOO_MANY, field="code")
    if len(text) == totp.DIGITS and text.isdigit():
        step = _match(device, text, at)
        if step is None:
            raise ServiceError(MSG_CODE_WRONG, field="code")
        # One conditional UPDATE: two requests with the same code cannot both pass.
        accepted = (
            TwoFactorDevice.objects.filter(pk=device.pk)
            .filter(Q(last_used_step__isnull=True) | Q(last_used_step__lt=step))
            .update(last_used_step=step, last_used_at=timezone.now(), secret_sealed=_reseal(device.secret_sealed))
        )
        if not accepted:
            raise ServiceError(MSG_CODE_REUSED, field="code")
        return "totp"
    if len(normalise_recovery_code(text)) != RECOVERY_LENGTH:
        raise ServiceError(MSG_CODE_WRONG, field="code")
    now = timezone.now()
    spent = (
        RecoveryCode.objects.filter(user=user, code_hash__in=recovery_hashes(text), used_at__isnull=True)
        .order_by("pk")
        .first()
    )
    if spent is None or not RecoveryCode.objects.filter(pk=spent.pk, used_at__isnull=True).update(used_at=now):
        raise ServiceError(MSG_CODE_WRONG, field="code")
    audit_record(
        actor=user,
        action="two_factor.recovery_code_used",
        target=user,
        after={"recovery_codes_left": recovery_codes_left(user)},
        unit=user.organisation,
    )
    return "recovery"


@transaction.atomic
def recovery_codes_regenerate(*, user, code: str, at: float | None = None) -> list[str]:
    """New recovery codes replace the old ones; a code from the app proves the phone is at hand."""
    device = TwoFactorDevice.objects.select_for_update().filter(user=user, confirmed_at__isnull=False).first()
    if device is None:
        raise ServiceError(MSG_NOT_ON)
    _spend_app_code(device, code, at)
    codes = _new_recovery_codes(user)
    audit_record(
        actor=user,
        action="two_factor.recovery_codes",
        target=user,
        after={"recovery_codes": len(codes)},
        unit=user.organisation,
    )
    return codes


def _spend_app_code(device: TwoFactorDevice, code: str, at: float | None) -> None:
    step = _match(device, code or "", at)
    if step is None:
        raise ServiceError(MSG_CODE_WRONG, field="code")
    if device.last_used_step is not None and step <= device.last_used_step:
        raise ServiceError(MSG_CODE_REUSED, field="code")
    device.last_used_step, device.last_used_at = step, timezone.now()
    device.save(update_fields=["last_used_step", "last_used_at"])


@transaction.atomic
def two_factor_disable(*, user, code: str, at: float | None = None) -> None:
    """The person turns two-step sign-in off with a code from the app; refused when a
    role of theirs requires it (TWO_FACTOR_REQUIRED_ROLES)."""
    if is_required(user):
        raise ServiceError(MSG_REQUIRED_BY_ROLE)
    device = TwoFactorDevice.objects.select_for_update().filter(user=user, confirmed_at__isnull=False).first()
    if device is None:
        raise ServiceError(MSG_NOT_ON)
    _spend_app_code(device, code, at)
    device.delete()
    RecoveryCode.objects.filter(user=user).delete()
    audit_record(
        actor=user,
        action="two_factor.disable",
        target=user,
        before={"two_factor": True},
        after={"two_factor": False},
        unit=user.organisation,
    )


def _may_manage(actor, person: User) -> bool:
    if person.organisation_id:
        return user_can(actor, Capability.PERSON_MANAGE, person.organisation)
    return scope_paths(actor, Capability.PERSON_MANAGE) is None


@transaction.atomic
def two_factor_reset(*, actor, person: User) -> None:
    """An administrator over the person's unit removes their authenticator app and recovery
    codes (a lost phone). The person signs in with the password alone and, when their role
    requires it, must set up a new app before anything else."""
    if not _may_manage(actor, person):
        raise PermissionDenied(MSG_NOT_ALLOWED_RESET)
    if actor.pk == person.pk:
        raise ServiceError(MSG_RESET_SELF)
    device = TwoFactorDevice.objects.select_for_update().filter(user=person).first()
    if device is None or device.confirmed_at is None:
        raise ServiceError(MSG_NOTHING_TO_RESET)
    device.delete()
    RecoveryCode.objects.filter(user=person).delete()
    audit_record(
        actor=actor,
        action="two_factor.reset",
        target=person,
        before={"two_factor": True},
        after={"two_factor": False},
        unit=person.organisation,
    )
    notify(
        recipients=[person],
        message=gettext(
            "%(actor)s reset your two-step verification. Set up your authenticator app again on the account "
            "security page."
        )
        % {"actor": actor.get_full_name() or actor.get_username()},
    )


@transaction.atomic
def password_set(*, person: User, password: str, how: str) -> User:
    """A new password for the person (`how`: "change" by themselves, signed in; "reset"
    through the e-mailed link). Django's validators apply; the audit says only that it
    changed."""
    try:
        validate_password(password, person)
    except ValidationError as exc:
        raise ServiceError(" ".join(exc.messages), field="new_password1") from exc
    person.set_password(password)
    person.save(update_fields=["password"])
    audit_record(
        actor=person,
        action="account.password_change" if how == "change" else "account.password_reset",
        target=person,
        after={"password": "changed"},
        unit=person.organisation,
    )
    return person
