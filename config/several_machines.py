"""Settings that let several application and worker machines share one installation:
the cache named by one URL, the storage of uploaded files named by a class path.

    CACHE_URL=locmem://                    one process's memory (the default)
    CACHE_URL=db://doithoai_cache          a table of the database (`manage.py createcachetable`)
    CACHE_URL=redis://10.0.0.5:6379/1      Redis, through Django's own RedisCache
    CACHE_URL=dummy://                     no cache at all

Each value is checked at start-up; a scheme not listed stops it, as every other setting
read from the environment does.
"""

from __future__ import annotations

import json
from urllib.parse import urlparse

from django.core.exceptions import ImproperlyConfigured

DEFAULT_CACHE_TABLE = "doithoai_cache"


def cache_from_url(url: str, *, key_prefix: str = "") -> dict:
    """One entry of Django's CACHES from a URL (see the module)."""
    parsed = urlparse(url.strip())
    scheme = parsed.scheme.lower()
    if scheme == "locmem":
        cache = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": parsed.netloc or "doithoai"}
    elif scheme == "db":
        table = (parsed.netloc + parsed.path).strip("/") or DEFAULT_CACHE_TABLE
        if not table.replace("_", "").isalnum():
            raise ImproperlyConfigured(f"CACHE_URL: {table!r} is not a table name (letters, digits, _)")
        cache = {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": table}
    elif scheme in ("redis", "rediss"):
        if not parsed.hostname:
            raise ImproperlyConfigured("CACHE_URL: a Redis URL names its host, e.g. redis://127.0.0.1:6379/1")
        cache = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url.strip()}
    elif scheme == "dummy":
        cache = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    else:
        raise ImproperlyConfigured(
            f"CACHE_URL must start with locmem://, db://, redis://, rediss:// or dummy://, got {url!r}"
        )
    if key_prefix:
        cache["KEY_PREFIX"] = key_prefix
    return cache


def storage_from_env(backend: str, options: str) -> dict:
    """The STORAGES["default"] entry: a storage class path and its options as JSON."""
    if not backend or "." not in backend:
        raise ImproperlyConfigured(f"MEDIA_STORAGE_BACKEND must be a dotted class path, got {backend!r}")
    entry: dict = {"BACKEND": backend}
    if options.strip():
        try:
            parsed = json.loads(options)
        except ValueError as exc:
            raise ImproperlyConfigured("MEDIA_STORAGE_OPTIONS must be a JSON object") from exc
        if not isinstance(parsed, dict):
            raise ImproperlyConfigured("MEDIA_STORAGE_OPTIONS must be a JSON object")
        entry["OPTIONS"] = parsed
    return entry
