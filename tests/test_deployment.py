"""The deployment recipe of docs/deployment.md, run on this machine: gunicorn with
deploy/gunicorn.conf.py (two workers, DEBUG off) against the test database, and nginx
in front of it with the repository's configuration rendered into a temporary directory
(TLS with a throw-away certificate, static files from disk, the client's address passed
on). A person signs in and opens a staff page; a citizen opens the portal and sends a
petition; the rate limit counts the address nginx saw, not a forged header.

nginx: /usr/sbin/nginx (Debian: `apt-get install nginx-light`). Without it the nginx test
is skipped on a developer's machine and fails in CI (CI=true)."""

from __future__ import annotations

import json
import os
import re
import warnings
from pathlib import Path

import pytest
from django.contrib.auth.hashers import make_password
from urllib3.exceptions import InsecureRequestWarning

from dialogue.core import ratelimit
from dialogue.core.models import RateCounter
from dialogue.organisation.models import User
from dialogue.petitions.models import Petition
from tests import livestack
from tests.test_portal_citizen import CONTENT, place

place = place  # the commune's conference taking petitions online (a fixture)

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "Doithoai@2026-trien-khai"


@pytest.fixture
def collected_static():
    return livestack.collected_static()


@pytest.fixture
def officer(place, settings):
    """The province's synthesis officer with a real (slow-hashed) password, as the servers check it."""
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
        "django.contrib.auth.hashers.MD5PasswordHasher",
    ]
    person = place.cast.province_officer
    User.objects.filter(pk=person.pk).update(password=make_password(PASSWORD, hasher="pbkdf2_sha256"))
    return person


@pytest.fixture
def stack(tmp_path, collected_static, officer):
    """gunicorn (2 workers) behind nginx, DEBUG off, TLS ended by nginx."""
    if not livestack.nginx_available():
        if os.environ.get("CI") == "true":
            pytest.fail("nginx is missing in CI: apt-get install nginx-light")
        pytest.skip("nginx is not installed (apt-get install nginx-light)")
    env = livestack.production_env(
        tmp_path,
        STATIC_ROOT=str(collected_static),
        BEHIND_TLS_PROXY="true",
        PROXY_COUNT="1",
        CACHE_URL="db://doithoai_cache",
        PORTAL_SUBMIT_PER_IP_HOUR="2",
    )
    livestack.manage(env, "createcachetable")
    web = livestack.start_gunicorn(tmp_path, env, workers=2)
    try:
        proxy = livestack.start_nginx(
            tmp_path / "nginx", upstreams=[f"127.0.0.1:{web.port}"], static_root=collected_static
        )
    except BaseException:
        livestack.stop(web.process)
        raise
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InsecureRequestWarning)
        yield web, proxy
    livestack.stop(proxy.process)
    livestack.stop(web.process)


def _send_petition(client, base: str, conference_pk: int, *, phone: str, forged: str = ""):
    url = f"{base}/gui-kien-nghi/?hoi-nghi={conference_pk}"
    page = client.get(url)
    assert page.status_code == 200, page.text[:2000]
    data = {
        "csrfmiddlewaretoken": livestack.hidden(page.text, "csrfmiddlewaretoken"),
        "submission_key": livestack.hidden(page.text, "submission_key"),
        "name": "Nguyễn Thị Lan",
        "phone": phone,
        "address": "xóm Nà Đon, xã Cao Minh",
        "email": "",
        "content": CONTENT,
        "consent": "on",
        "notify_by": "",
        "website": "",
    }
    headers = {"Referer": url}
    if forged:
        headers["X-Forwarded-For"] = forged
    return client.post(url, data=data, headers=headers, allow_redirects=False)


def test_behind_nginx_a_person_signs_in_and_a_citizen_sends_a_petition(stack, place, officer):
    web, proxy = stack
    assert len(web.worker_pids()) == 2

    # Plain HTTP only sends people to HTTPS.
    plain = livestack.browser().get(f"{proxy.http_url}/tra-cuu/", allow_redirects=False)
    assert plain.status_code == 301
    assert plain.headers["Location"] == f"https://127.0.0.1:{proxy.http_port}/tra-cuu/"

    # The portal over HTTPS: the application knows the request is secure (no redirect loop, HSTS).
    citizen = livestack.browser("127.0.0.2")
    home = citizen.get(f"{proxy.url}/", allow_redirects=False)
    assert home.status_code == 200
    assert home.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert home.headers["X-Content-Type-Options"] == "nosniff"

    # Static files come from disk through nginx, with long cache lifetimes for hashed names.
    manifest = json.loads((Path(web.env["STATIC_ROOT"]) / "staticfiles.json").read_text(encoding="utf-8"))
    hashed = next(v for k, v in manifest["paths"].items() if k.endswith(".css"))
    asset = citizen.get(f"{proxy.url}/static/{hashed}")
    assert asset.status_code == 200 and asset.headers["Content-Type"].startswith("text/css")
    assert "immutable" in asset.headers["Cache-Control"]
    assert "/static/" not in web.access_log.read_text()
    # Uploaded files are never served from disk.
    assert citizen.get(f"{proxy.url}/media/petitions/x.pdf").status_code == 404

    # A staff member signs in and opens a staff page.
    staff = livestack.browser()
    login = staff.get(f"{proxy.url}/accounts/login/")
    assert login.status_code == 200
    assert "Secure" in login.headers.get("Set-Cookie", "")
    signed_in = staff.post(
        f"{proxy.url}/accounts/login/",
        data={
            "csrfmiddlewaretoken": livestack.hidden(login.text, "csrfmiddlewaretoken"),
            "username": officer.username,
            "password": PASSWORD,
        },
        headers={"Referer": f"{proxy.url}/accounts/login/"},
        allow_redirects=False,
    )
    assert signed_in.status_code == 302, signed_in.text[:2000]
    home = staff.get(f"{proxy.url}/staff/")
    assert home.status_code == 200 and officer.full_name in home.text

    # A citizen sends a petition through nginx and gets a tracking code.
    sent = _send_petition(citizen, proxy.url, place.conference.pk, phone="0912 345 678")
    assert sent.status_code == 302 and sent.headers["Location"] == "/gui-kien-nghi/da-gui/"
    done = citizen.get(f"{proxy.url}/gui-kien-nghi/da-gui/")
    code = re.search(r'id="tracking-code">([A-Z0-9-]+)<', done.text).group(1)
    petition = Petition.objects.get(tracking_code=code.replace("-", ""))
    assert petition.content == CONTENT and petition.conference_id == place.conference.pk
    # ...which the officer sees in the petition list.
    listed = staff.get(f"{proxy.url}/petitions/?q=cau tran")
    assert listed.status_code == 200 and "cầu tràn thôn Nà Đon" in listed.text


def test_the_rate_limit_counts_the_address_nginx_saw_not_a_forged_header(stack, place):
    _web, proxy = stack
    limit_reached = livestack.browser("127.0.0.2")
    base, conference = proxy.url, place.conference.pk
    assert _send_petition(limit_reached, base, conference, phone="0912 000 001").status_code == 302
    # A forged X-Forwarded-For does not make another client: nginx appends the real one.
    assert (
        _send_petition(limit_reached, base, conference, phone="0912 000 002", forged="198.51.100.7").status_code == 302
    )
    refused = _send_petition(limit_reached, base, conference, phone="0912 000 003", forged="203.0.113.9")
    assert refused.status_code == 429
    # Another client behind the same nginx is not held back.
    assert _send_petition(livestack.browser("127.0.0.3"), base, conference, phone="0912 000 004").status_code == 302

    counts = dict(RateCounter.objects.filter(key__startswith="portal-submit:ip:").values_list("key", "count"))
    key = lambda address: ratelimit._key(f"portal-submit:ip:{address}")  # noqa: E731
    assert counts == {key("127.0.0.2"): 3, key("127.0.0.3"): 1}
    assert Petition.objects.count() == 3
