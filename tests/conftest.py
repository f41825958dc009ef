"""The fixed cast every test is written against (see docs/architecture.md#tests).

Tỉnh Thái Nguyên (P) with Xã Cao Minh (C) and two Sở under UBND tỉnh: agency A
(Sở Nông nghiệp và Môi trường) and agency B (Sở Xây dựng); Thành phố Hải Phòng (Q) with
Xã Gia Phúc. The people:

- `admin` — national system administrator
- `province_officer` — synthesis board (Ban Dân vận) over P
- `agency_a` — officer of agency A
- `agency_b` — officer of agency B: the person who must be refused A's things
- `commune_officer` — secretariat over C
- `outsider` — synthesis board of Q: refused everything in P
- anonymous — the `client` fixture, not signed in
"""

from types import SimpleNamespace

import pytest
from django.test import Client

from dialogue.organisation.factories import make_person
from dialogue.organisation.roles import Role
from tests.unit_tree import build_unit_tree


@pytest.fixture
def tree(db):
    return build_unit_tree()


@pytest.fixture
def cast(tree):
    return SimpleNamespace(
        tree=tree,
        admin=make_person("quantri", "Nguyễn Văn Quản", roles=[(Role.ADMIN, None)]),
        province_officer=make_person(
            "minh", "Trần Thị Minh", organisation=tree.ban_dan_van, roles=[(Role.SYNTHESIS, tree.province)]
        ),
        agency_a=make_person("an", "Lê Văn An", organisation=tree.agency_a, roles=[(Role.AGENCY, tree.agency_a)]),
        agency_b=make_person("binh", "Phạm Thị Bình", organisation=tree.agency_b, roles=[(Role.AGENCY, tree.agency_b)]),
        commune_officer=make_person(
            "cuong", "Hoàng Văn Cường", organisation=tree.commune, roles=[(Role.SECRETARIAT, tree.commune)]
        ),
        outsider=make_person(
            "dung", "Vũ Thị Dung", organisation=tree.other_province, roles=[(Role.SYNTHESIS, tree.other_province)]
        ),
    )


@pytest.fixture
def login():
    """`login(person)` returns a client signed in as that person."""

    def _login(person):
        client = Client()
        client.force_login(person)
        return client

    return _login


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # PBKDF2's million rounds cost ~0.25 s per account; tests only need a real check.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def rate_windows_open_as_the_test_starts(monkeypatch):
    """The rate limits count in fixed windows aligned on the UTC minute, hour and day: a
    test that spends a limit and expects the next request refused would fail when its
    requests straddled the end of a window. In every test the windows' clock runs at the
    real pace from one second after the start of the current UTC day."""
    from django.utils import timezone

    from dialogue.core import ratelimit

    real = timezone.now()
    offset = real.replace(hour=0, minute=0, second=1, microsecond=0) - real
    monkeypatch.setattr(ratelimit, "now", lambda: timezone.now() + offset)


@pytest.fixture(autouse=True)
def fresh_calendar_cache():
    from django.core.cache import cache

    from dialogue.petitions.services import _ADDRESS_CACHE

    cache.clear()
    _ADDRESS_CACHE.clear()
    yield
    cache.clear()
    _ADDRESS_CACHE.clear()


@pytest.fixture(autouse=True)
def tasks_run_at_once(settings):
    # A queued task runs inside the call that queues it; tests/test_worker.py runs the
    # real worker process against the database backend.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    # Uploaded files of a test go to its own directory, never to var/media.
    settings.MEDIA_ROOT = str(tmp_path / "media")
