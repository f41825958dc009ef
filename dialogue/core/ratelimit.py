"""Fixed-window rate limits counted in the database, so that several application
processes and hosts share one count (no per-process memory, no Redis needed).

    if not ratelimit.allow(f"submit:ip:{client_address(request)}", limit=10, seconds=3600):
        return too_many(request)

`allow` counts the attempt and says whether it is within the limit. The count is one
statement, `INSERT … ON CONFLICT DO UPDATE … RETURNING` (on an SQLite older than 3.35 a
conditional UPDATE, or an INSERT retried if another process inserted first), correct
under concurrency on SQLite and PostgreSQL.
"""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone

from dialogue.core.models import RateCounter


def now() -> datetime:
    """The clock of the windows. The tests move it to just after the start of a UTC day,
    so that no test's requests straddle the end of a window (tests/conftest.py)."""
    return timezone.now()


def seconds_left(seconds: int) -> int:
    """Seconds until the current window of `seconds` ends: the Retry-After of a refusal."""
    return seconds - int(now().timestamp()) % seconds


def _window(now: datetime, seconds: int) -> datetime:
    epoch = int(now.timestamp())
    return datetime.fromtimestamp(epoch - epoch % seconds, tz=UTC)


def _key(raw: str) -> str:
    """Keys may hold a telephone number or an address: keep only a digest of them."""
    scope, _, value = raw.rpartition(":")
    return f"{scope}:{hashlib.sha256(value.encode()).hexdigest()[:32]}" if scope else raw[:200]


def hit(key: str, *, seconds: int) -> int:
    """Count one attempt for `key` in the current window; return the window's count."""
    moment = now()
    start = _window(moment, seconds)
    stored = _key(key)
    count = _upsert(stored, start) if _upsert_supported() else _update_or_insert(stored, start)
    if count == 1:
        # A new window: forget the windows that ended long ago (at most a day's worth).
        RateCounter.objects.filter(window_start__lt=moment - timedelta(days=1)).delete()
    return count


def _upsert_supported() -> bool:
    """PostgreSQL, and SQLite from 3.35 (INSERT … ON CONFLICT … RETURNING)."""
    return connection.vendor == "postgresql" or (
        connection.vendor == "sqlite" and sqlite3.sqlite_version_info >= (3, 35, 0)
    )


def _upsert(stored: str, start: datetime) -> int:
    """One statement: the window's row made or counted up, its count returned. Atomic on
    both databases, whatever other processes do at the same moment."""
    table, key, window, count = (
        connection.ops.quote_name(name) for name in (RateCounter._meta.db_table, "key", "window_start", "count")
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({key}, {window}, {count}) VALUES (%s, %s, 1) "  # noqa: S608 - fixed names
            f"ON CONFLICT ({key}, {window}) DO UPDATE SET {count} = {table}.{count} + 1 RETURNING {count}",
            [stored, connection.ops.adapt_datetimefield_value(start)],
        )
        return cursor.fetchone()[0]


def _update_or_insert(stored: str, start: datetime) -> int:
    """The same for an older SQLite: an UPDATE, or an INSERT retried if another process
    inserted first."""
    for _attempt in range(3):
        updated = RateCounter.objects.filter(key=stored, window_start=start).update(count=F("count") + 1)
        if updated:
            return RateCounter.objects.filter(key=stored, window_start=start).values_list("count", flat=True).first()
        try:
            with transaction.atomic():
                RateCounter.objects.create(key=stored, window_start=start, count=1)
            return 1
        except IntegrityError:
            continue
    return RateCounter.objects.filter(key=stored, window_start=start).values_list("count", flat=True).first() or 1


def allow(key: str, *, limit: int, seconds: int) -> bool:
    """Count the attempt; True while the window's count is within `limit`."""
    return hit(key, seconds=seconds) <= limit


def peek(key: str, *, seconds: int) -> int:
    """The current window's count, without counting."""
    start = _window(now(), seconds)
    return RateCounter.objects.filter(key=_key(key), window_start=start).values_list("count", flat=True).first() or 0


def client_address(request) -> str:
    """The client's address: REMOTE_ADDR, or behind `PROXY_COUNT` trusted proxies the
    address they saw (the entry that many places from the right of X-Forwarded-For)."""
    proxies = getattr(settings, "AXES_IPWARE_PROXY_COUNT", 0) or 0
    if proxies:
        chain = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(chain) >= proxies:
            return chain[-proxies]
    return request.META.get("REMOTE_ADDR", "") or "unknown"
