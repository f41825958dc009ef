"""Reads of statistics and reports from a read replica.

    with reading_statistics():
        stats = unit_statistics(...)

Inside the block, every read goes to `settings.STATISTICS_DATABASE` (the "replica" alias
when DATABASE_REPLICA_URL is set); outside it, and for every write, the primary. Only
reads that tolerate a replica's lag of a few seconds use it: dashboards, reports and the
lists behind their figures, never a page that shows what the person has just changed.
"""

from __future__ import annotations

import contextvars
from contextlib import contextmanager
from functools import wraps

from django.conf import settings

_statistics = contextvars.ContextVar("reading_statistics", default=False)


def statistics_alias() -> str:
    alias = getattr(settings, "STATISTICS_DATABASE", "default")
    return alias if alias in settings.DATABASES else "default"


@contextmanager
def reading_statistics():
    token = _statistics.set(True)
    try:
        yield statistics_alias()
    finally:
        _statistics.reset(token)


def statistics_reads(function):
    """Decorator: the function's reads go where `reading_statistics` sends them."""

    @wraps(function)
    def wrapper(*args, **kwargs):
        with reading_statistics():
            return function(*args, **kwargs)

    return wrapper


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if _statistics.get():
            return statistics_alias()
        return None

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        # The replica holds the same rows as the primary.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"
