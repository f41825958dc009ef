"""Time-based one-time passwords: TOTP (RFC 6238) over HOTP (RFC 4226), with the
standard library only. Authenticator apps (Google Authenticator, Microsoft
Authenticator, FreeOTP, Aegis...) use the defaults here: SHA-1, 6 digits, 30 s steps.

    key = decode_secret(secret)              # secret: base32 text, as in the QR code
    step = match(key, "492039", at=time())   # the matching time step, or None

`match` accepts the step before and after the current one (a phone clock a little off,
a code typed as it changed); callers keep the last step used, so a code works once.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import struct
from urllib.parse import quote, urlencode

STEP_SECONDS = 30
DIGITS = 6
SECRET_BYTES = 20  # 160 bits, the size RFC 4226 recommends for HMAC-SHA-1


def new_secret() -> str:
    """A random secret as base32 text without padding (what the apps expect)."""
    return base64.b32encode(secrets.token_bytes(SECRET_BYTES)).decode("ascii").rstrip("=")


def decode_secret(secret: str) -> bytes:
    """Base32 text (any case, spaces allowed, padding optional) to the key's bytes."""
    text = "".join(secret.split()).upper()
    return base64.b32decode(text + "=" * (-len(text) % 8))


def group_secret(secret: str, size: int = 4) -> str:
    """ABCD EFGH ... : easier to copy by hand into an app."""
    return " ".join(secret[i : i + size] for i in range(0, len(secret), size))


def hotp(key: bytes, counter: int, *, digits: int = DIGITS, digest=hashlib.sha1) -> str:
    """RFC 4226 section 5.3: HMAC of the 8-byte counter, dynamic truncation, modulo 10^digits."""
    mac = hmac.new(key, struct.pack(">Q", counter), digest).digest()
    offset = mac[-1] & 0x0F
    value = struct.unpack(">I", mac[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(value % 10**digits).zfill(digits)


def time_step(at: float, *, step: int = STEP_SECONDS, t0: int = 0) -> int:
    """RFC 6238 section 4.2: T = floor((unix time - T0) / X)."""
    return int((at - t0) // step)


def totp(key: bytes, at: float, *, step: int = STEP_SECONDS, digits: int = DIGITS, digest=hashlib.sha1) -> str:
    return hotp(key, time_step(at, step=step), digits=digits, digest=digest)


def normalise_code(text: str) -> str:
    """What a person types, without spaces or dashes ("492 039" -> "492039")."""
    return "".join(ch for ch in text if ch not in " -\u00a0\t")


def match(key: bytes, code: str, *, at: float, window: int = 1, step: int = STEP_SECONDS) -> int | None:
    """The time step whose code is `code`, looking `window` steps either side of now;
    None when no step matches. Every candidate is compared in constant time."""
    code = normalise_code(code)
    if len(code) != DIGITS or not code.isdigit():
        return None
    now = time_step(at, step=step)
    found = None
    # The current step first, then its neighbours: all compared, so timing says nothing.
    for candidate in sorted(range(now - window, now + window + 1), key=lambda s: abs(s - now)):
        if hmac.compare_digest(hotp(key, candidate), code) and found is None:
            found = candidate
    return found


def provisioning_uri(secret: str, *, account: str, issuer: str) -> str:
    """The otpauth:// address an authenticator app reads from the QR code
    (Key Uri Format: otpauth://totp/ISSUER:ACCOUNT?secret=...&issuer=...)."""
    label = quote(f"{issuer}:{account}", safe=":@")
    query = urlencode(
        {"secret": secret, "issuer": issuer, "algorithm": "SHA1", "digits": DIGITS, "period": STEP_SECONDS},
        quote_via=quote,
    )
    return f"otpauth://totp/{label}?{query}"
