"""Settings for several machines (config/several_machines.py): the cache named by CACHE_URL
and the storage of uploaded files, each checked at start-up; a shared cache (the database
or Redis) is seen by every process, the default one only by the process that wrote it."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.several_machines import cache_from_url, storage_from_env
from tests import livestack


def test_each_cache_url_names_its_backend():
    assert cache_from_url("locmem://")["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    assert cache_from_url("db://doithoai_cache", key_prefix="dt") == {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "doithoai_cache",
        "KEY_PREFIX": "dt",
    }
    assert cache_from_url("redis://10.0.0.5:6379/1") == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://10.0.0.5:6379/1",
    }
    assert cache_from_url("dummy://")["BACKEND"] == "django.core.cache.backends.dummy.DummyCache"


@pytest.mark.parametrize("url", ["memcached://127.0.0.1:11211", "redis://", "db://cache;drop", "127.0.0.1:6379"])
def test_a_cache_url_it_cannot_use_stops_the_start_up(url):
    with pytest.raises(ImproperlyConfigured):
        cache_from_url(url)


def test_the_storage_of_uploads_is_a_class_path_with_json_options():
    assert storage_from_env("django.core.files.storage.FileSystemStorage", '{"location": "/srv/media"}') == {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": "/srv/media"},
    }
    for backend, options in (("FileSystemStorage", ""), ("a.B", "{bucket"), ("a.B", "[1]")):
        with pytest.raises(ImproperlyConfigured):
            storage_from_env(backend, options)


def _shell(env: dict, code: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=livestack.ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""


WRITE = "from django.core.cache import cache; cache.set('several-machines', 'đã ghi', 120)"
READ = "from django.core.cache import cache; print(cache.get('several-machines', 'không thấy'))"


def _redis_reachable() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
        return True
    except OSError:
        return False


@pytest.mark.django_db(transaction=True)
def test_what_one_process_caches_in_the_database_another_reads(tmp_path):
    env = livestack.production_env(tmp_path, CACHE_URL="db://doithoai_cache", STATIC_ROOT=str(tmp_path))
    livestack.manage(env, "createcachetable")
    _shell(env, WRITE)
    assert _shell(env, READ) == "đã ghi"


def test_what_one_process_caches_in_redis_another_reads(tmp_path):
    if not _redis_reachable():
        pytest.skip("no Redis on 127.0.0.1:6379")
    env = livestack.production_env(
        tmp_path,
        CACHE_URL="redis://127.0.0.1:6379/9",
        CACHE_KEY_PREFIX=f"test-{tmp_path.name}",
        STATIC_ROOT=str(tmp_path),
    )
    _shell(env, WRITE)
    assert _shell(env, READ) == "đã ghi"
    _shell(env, "from django.core.cache import cache; cache.delete('several-machines')")


def test_the_default_cache_is_one_processs_own(tmp_path):
    env = livestack.production_env(tmp_path, CACHE_URL="", STATIC_ROOT=str(tmp_path))
    _shell(env, WRITE)
    assert _shell(env, READ) == "không thấy"
