"""Rate limits shared by every process: counted in the database per fixed window."""

from datetime import timedelta

import pytest
from django.test import RequestFactory
from django.utils import timezone

from dialogue.core import ratelimit
from dialogue.core.models import RateCounter

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True, params=["one statement", "update or insert"])
def counting(request, monkeypatch):
    """Every test runs both ways of counting: the upsert, and the older SQLite's fallback."""
    if request.param == "update or insert":
        monkeypatch.setattr(ratelimit, "_upsert_supported", lambda: False)
    return request.param


def test_attempts_within_the_limit_pass_and_the_next_one_is_refused():
    results = [ratelimit.allow("submit:ip:203.0.113.7", limit=3, seconds=3600) for _ in range(4)]
    assert results == [True, True, True, False]
    assert ratelimit.peek("submit:ip:203.0.113.7", seconds=3600) == 4


def test_each_key_has_its_own_count():
    for _ in range(3):
        ratelimit.allow("submit:ip:203.0.113.7", limit=3, seconds=3600)
    assert ratelimit.allow("submit:ip:198.51.100.2", limit=3, seconds=3600)
    assert not ratelimit.allow("submit:ip:203.0.113.7", limit=3, seconds=3600)


def test_the_stored_key_holds_a_digest_not_the_telephone_number():
    ratelimit.allow("submit:phone:0912345678", limit=5, seconds=86400)
    stored = RateCounter.objects.get()
    assert "0912345678" not in stored.key and stored.key.startswith("submit:phone:")


def test_a_new_window_starts_from_zero_and_old_windows_are_deleted(monkeypatch):
    ratelimit.allow("track:ip:203.0.113.7", limit=1, seconds=60)
    assert not ratelimit.allow("track:ip:203.0.113.7", limit=1, seconds=60)
    later = timezone.now() + timedelta(days=2)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert ratelimit.allow("track:ip:203.0.113.7", limit=1, seconds=60)
    assert RateCounter.objects.count() == 1


def test_the_client_address_is_the_remote_address_unless_proxies_are_declared(settings):
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="203.0.113.7, 10.0.0.4")
    settings.AXES_IPWARE_PROXY_COUNT = 0
    assert ratelimit.client_address(request) == "10.0.0.5"
    settings.AXES_IPWARE_PROXY_COUNT = 1
    assert ratelimit.client_address(request) == "10.0.0.4"
    settings.AXES_IPWARE_PROXY_COUNT = 2
    assert ratelimit.client_address(request) == "203.0.113.7"


def test_counting_an_attempt_is_one_statement_once_the_window_exists(counting, django_assert_num_queries):
    ratelimit.allow("submit:ip:203.0.113.7", limit=3, seconds=3600)
    with django_assert_num_queries(1 if counting == "one statement" else 2):
        assert ratelimit.allow("submit:ip:203.0.113.7", limit=3, seconds=3600)


@pytest.mark.django_db(transaction=True)
def test_attempts_at_the_same_moment_are_each_counted_once(counting):
    from tests.threads import at_once

    results, errors = at_once(*[lambda: ratelimit.hit("submit:ip:203.0.113.9", seconds=3600)] * 12)
    assert errors == []
    assert RateCounter.objects.get().count == 12
    if counting == "one statement":
        assert sorted(results) == list(range(1, 13))  # each attempt sees its own place in the window
    else:  # the count is read after the UPDATE: it may include attempts made meanwhile
        assert all(1 <= n <= 12 for n in results)


def test_the_time_left_in_a_window_is_read_on_the_windows_own_clock(monkeypatch):
    moment = timezone.now().replace(minute=7, second=59, microsecond=500_000)
    monkeypatch.setattr(ratelimit, "now", lambda: moment)
    assert ratelimit.seconds_left(60) == 1
    assert ratelimit.seconds_left(3600) == 3600 - (7 * 60 + 59)
    moment = moment.replace(second=0, microsecond=0)
    assert ratelimit.seconds_left(60) == 60
