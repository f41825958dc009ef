"""Citizens sending petitions all at once (issue 9): three hundred submissions released
together from as many threads (a load generator on loopback) against a live gunicorn
(four workers, DEBUG off) on the test database each create exactly one petition, none
lost; a storm of the same submission key creates one, and every client is shown its
tracking code. What the request leaves to the worker (the address, the repeats, telling
the intake officers) is done by the worker afterwards.

The form is posted as a browser posts it: the CSRF cookie and the form field carry the
same 32-character secret (Django accepts the secret unmasked)."""

from __future__ import annotations

import re
import secrets
import threading
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from django_tasks_db.models import DBTaskResult

from dialogue.core.models import AuditEntry, Notification
from dialogue.petitions import public
from dialogue.petitions.models import Petition
from dialogue.petitions.services import _set_search
from tests import livestack
from tests.test_portal_citizen import CONTENT, place
from tests.test_reminders_worker import _env, _finish, _worker

place = place  # the commune's conference taking petitions online (a fixture)

pytestmark = pytest.mark.django_db(transaction=True)

CITIZENS = 300
STORM = 60


@pytest.fixture
def server(tmp_path, database_tasks):
    """gunicorn for one test: its processes cache rows a transactional test's flush
    recreates with new ids (content types), so each test has its own."""
    env = livestack.production_env(
        tmp_path,
        SECURE_SSL_REDIRECT="false",
        SECURE_COOKIES="false",
        PORTAL_SUBMIT_PER_IP_HOUR="100000",
        PORTAL_SUBMIT_PER_PHONE_DAY="100000",
        GUNICORN_ACCESS_LOG="",
    )
    web = livestack.start_gunicorn(tmp_path, env, workers=4)
    yield web
    livestack.stop(web.process)


def _post(web, place, *, key: str, phone: str, address: str = "xóm Nà Đon, xã Cao Minh"):
    """One citizen: a session of their own, the form posted once; (status, tracking code shown)."""
    token = secrets.token_hex(16)
    client = livestack.browser()
    client.cookies.set("csrftoken", token)
    url = f"{web.url}/gui-kien-nghi/?hoi-nghi={place.conference.pk}"
    data = {
        "csrfmiddlewaretoken": token,
        "submission_key": key,
        "name": "Nguyễn Thị Lan",
        "phone": phone,
        "address": address,
        "email": "",
        "content": CONTENT,
        "consent": "on",
        "notify_by": "",
        "website": "",
    }
    sent = client.post(url, data=data, allow_redirects=False, timeout=120)
    if sent.status_code != 302:
        return sent.status_code, sent.text
    done = client.get(f"{web.url}{sent.headers['Location']}", timeout=60)
    found = re.search(r'id="tracking-code">([A-Z0-9-]+)<', done.text)
    return sent.status_code, found.group(1) if found else done.text[:500]


@pytest.fixture(autouse=True)
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_hundreds_of_citizens_at_once_each_get_exactly_one_petition(server, place):
    """Every citizen is a thread of its own, released together by a barrier: the requests
    are in flight at once, queued by the kernel for gunicorn's workers."""
    keys = [str(uuid.uuid4()) for _ in range(CITIZENS)]
    barrier = threading.Barrier(CITIZENS)
    lock = threading.Lock()
    flight = {"now": 0, "peak": 0}

    def citizen(n):
        barrier.wait(timeout=120)
        with lock:
            flight["now"] += 1
            flight["peak"] = max(flight["peak"], flight["now"])
        try:
            return _post(server, place, key=keys[n], phone=f"09{n:08d}")
        finally:
            with lock:
                flight["now"] -= 1

    with ThreadPoolExecutor(max_workers=CITIZENS) as pool:
        answers = list(pool.map(citizen, range(CITIZENS)))

    stored_count = Petition.objects.filter(conference=place.conference).count()
    print(
        f"\n[submission] {CITIZENS} citizens at once (peak {flight['peak']} requests in flight) to gunicorn, "
        f"4 workers: {Counter(s for s, _c in answers)}; {stored_count} stored, "
        f"lost {CITIZENS - stored_count}"
    )
    # Hundreds at once: far more than the four workers can take, so most wait in the queue.
    assert flight["peak"] >= CITIZENS // 2
    assert Counter(status for status, _code in answers) == {302: CITIZENS}
    codes = [code for _status, code in answers]
    assert len(set(codes)) == CITIZENS
    stored = dict(Petition.objects.filter(conference=place.conference).values_list("submission_key", "tracking_code"))
    # None lost, none twice: each key is one petition, with the code its citizen was shown.
    assert {str(k): public.display_tracking_code(c) for k, c in stored.items()} == dict(zip(keys, codes, strict=True))
    assert AuditEntry.objects.filter(action="petition.submit_public").count() == CITIZENS
    enrich = DBTaskResult.objects.filter(task_path="dialogue.portal.tasks.enrich_public_petition")
    assert sorted(r["args"][0] for r in enrich.values_list("args_kwargs", flat=True)) == sorted(
        Petition.objects.filter(conference=place.conference).values_list("pk", flat=True)
    )


def test_a_storm_of_one_submission_key_makes_one_petition_and_everyone_sees_its_code(server, place):
    key = str(uuid.uuid4())
    barrier = threading.Barrier(STORM)

    def resend(_n):
        barrier.wait(timeout=60)
        return _post(server, place, key=key, phone="0912 345 678")

    with ThreadPoolExecutor(max_workers=STORM) as pool:
        answers = list(pool.map(resend, range(STORM)))

    assert Petition.objects.filter(submission_key=key).count() == 1
    petition = Petition.objects.get(submission_key=key)
    assert answers == [(302, public.display_tracking_code(petition.tracking_code))] * STORM
    assert AuditEntry.objects.filter(action="petition.submit_public").count() == 1
    # The same key from another telephone number is refused, not answered with this petition.
    status, page = _post(server, place, key=key, phone="0987 654 321")
    assert status == 200 and "Phiếu này đã được gửi" in page
    assert Petition.objects.filter(submission_key=key).count() == 1


def test_the_worker_then_matches_addresses_finds_repeats_and_tells_the_intake_officers(server, place, tmp_path):
    first = Petition.objects.create(
        receiving_unit=place.tree.commune,
        channel="paper_citizen",
        name="Hoàng Văn Tư",
        content=CONTENT,
        received_on=place.conference.date - timedelta(days=365),  # not replace(year=…): 29/02
        ack_due=place.conference.date - timedelta(days=365),
    )
    _set_search(first)
    first.save()
    for n in range(12):
        assert _post(server, place, key=str(uuid.uuid4()), phone=f"09{n:08d}")[0] == 302
    sent = Petition.objects.filter(conference=place.conference)
    # Stored at once; what takes time waits for the worker.
    assert set(sent.values_list("address_unit", "repeat_of")) == {(None, None)}
    assert not Notification.objects.filter(url__startswith="/petitions/").exists()

    _finish(_worker(_env(tmp_path), "--no-scheduler"))

    assert set(sent.values_list("address_unit", "repeat_of")) == {(place.tree.village.pk, first.pk)}
    told = Counter(Notification.objects.filter(url__startswith="/petitions/").values_list("recipient", flat=True))
    assert told and set(told.values()) == {12}
