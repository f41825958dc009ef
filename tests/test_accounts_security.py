"""Staff account security: two-step sign-in with an authenticator app (TOTP, RFC 6238),
recovery codes, the roles that must use it, the administrator's reset, password change
and reset by e-mail, and the security headers (Content-Security-Policy without anything
inline). See docs/accounts.md.

Codes are computed here from the secret at a fixed clock (`two_factor.clock` replaced),
so each test knows exactly which 30-second step it stands in.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from cryptography.fernet import InvalidToken
from django.conf import settings as django_settings
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings
from django.urls import reverse

from dialogue.core.models import AuditEntry, Notification
from dialogue.lib import totp
from dialogue.lib.qrsvg import qr_svg
from dialogue.organisation import checks, two_factor
from dialogue.organisation.factories import DEFAULT_PASSWORD, make_person
from dialogue.organisation.models import RecoveryCode, TwoFactorDevice, User
from dialogue.organisation.roles import Role

pytestmark = pytest.mark.django_db

T0 = 1_800_000_010.0  # 10 s into time step 60,000,000
STEP = 30
LOCKED = "Đăng nhập tạm thời bị khóa"


@pytest.fixture
def clock(monkeypatch):
    """The time the codes are checked against; `clock.now` can be moved."""

    class Clock:
        now = T0

    monkeypatch.setattr(two_factor, "clock", lambda: Clock.now)
    return Clock


def code_at(secret: str, at: float) -> str:
    return totp.totp(totp.decode_secret(secret), at)


def enrol(person, at: float = T0) -> tuple[str, list[str]]:
    """Turn two-step sign-in on for `person` as the set-up page does: (secret, recovery codes)."""
    secret = two_factor.two_factor_begin(user=person)
    codes = two_factor.two_factor_confirm(user=person, code=code_at(secret, at), at=at)
    return secret, codes


def verified_client(person) -> Client:
    """A client signed in as `person` whose session has given the code for their app."""
    client = Client()
    client.force_login(person)
    session = client.session
    session[two_factor.SESSION_VERIFIED] = two_factor.confirmed_device_id(person.pk)
    session.save()
    return client


def password_step(client, username, password=DEFAULT_PASSWORD, **extra):
    return client.post(reverse("login"), {"username": username, "password": password, **extra})


def signed_in_as(client) -> int | None:
    value = client.session.get(SESSION_KEY)
    return int(value) if value is not None else None


def assert_login_redirect(response):
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


# ============================================================== TOTP (RFC 6238 / RFC 4226)

SEED_SHA1 = b"12345678901234567890"
SEED_SHA256 = b"12345678901234567890123456789012"
SEED_SHA512 = b"1234567890123456789012345678901234567890123456789012345678901234"


def test_hotp_gives_the_rfc_4226_appendix_d_values():
    expected = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"]
    assert [totp.hotp(SEED_SHA1, counter) for counter in range(10)] == expected


@pytest.mark.parametrize(
    ("at", "sha1", "sha256", "sha512"),
    [
        (59, "94287082", "46119246", "90693936"),
        (1111111109, "07081804", "68084774", "25091201"),
        (1111111111, "14050471", "67062674", "99943326"),
        (1234567890, "89005924", "91819424", "93441116"),
        (2000000000, "69279037", "90698825", "38618901"),
        (20000000000, "65353130", "77737706", "47863826"),
    ],
)
def test_totp_gives_every_rfc_6238_appendix_b_test_vector(at, sha1, sha256, sha512):
    assert totp.totp(SEED_SHA1, at, digits=8, digest=hashlib.sha1) == sha1
    assert totp.totp(SEED_SHA256, at, digits=8, digest=hashlib.sha256) == sha256
    assert totp.totp(SEED_SHA512, at, digits=8, digest=hashlib.sha512) == sha512


def test_the_time_steps_of_rfc_6238_are_thirty_seconds_from_the_epoch():
    assert totp.time_step(59) == 1
    assert totp.time_step(1111111109) == 0x23523EC
    assert totp.time_step(20000000000) == 0x27BC86AA


def test_a_code_is_accepted_one_step_either_side_and_refused_two_steps_away():
    now = totp.time_step(T0)
    for offset in (-1, 0, 1):
        assert totp.match(SEED_SHA1, totp.hotp(SEED_SHA1, now + offset), at=T0) == now + offset
    for offset in (-2, 2):
        assert totp.match(SEED_SHA1, totp.hotp(SEED_SHA1, now + offset), at=T0) is None


def test_a_code_typed_with_spaces_matches_and_anything_else_than_six_digits_does_not():
    code = totp.totp(SEED_SHA1, T0)
    assert totp.match(SEED_SHA1, f"{code[:3]} {code[3:]}", at=T0) == totp.time_step(T0)
    for wrong in ["", "12345", "1234567", "abcdef", code[:5] + "x"]:
        assert totp.match(SEED_SHA1, wrong, at=T0) is None


def test_a_secret_decodes_whatever_its_case_spaces_or_padding():
    secret = totp.new_secret()
    assert len(secret) == 32 and "=" not in secret
    key = totp.decode_secret(secret)
    assert len(key) == 20
    assert totp.decode_secret(totp.group_secret(secret).lower()) == key


def test_the_provisioning_address_follows_the_key_uri_format():
    uri = totp.provisioning_uri("JBSWY3DPEHPK3PXP", account="minh", issuer="doithoai")
    assert uri == (
        "otpauth://totp/doithoai:minh?secret=JBSWY3DPEHPK3PXP&issuer=doithoai&algorithm=SHA1&digits=6&period=30"
    )


def test_the_qr_code_is_inline_svg_without_style_drawing_exactly_the_modules_of_the_code():
    import qrcode

    data = "otpauth://totp/doithoai:minh?secret=JBSWY3DPEHPK3PXP&issuer=doithoai"
    svg = str(qr_svg(data, label="Mã QR <thử>"))
    assert svg.startswith("<svg") and "style" not in svg and "<script" not in svg
    assert 'aria-label="Mã QR &lt;thử&gt;"' in svg
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    qr.add_data(data)
    qr.make(fit=True)
    matrix = qr.get_matrix()
    n = len(matrix)
    assert f'viewBox="0 0 {n} {n}"' in svg
    drawn = [[False] * n for _ in range(n)]
    for x, y, width in re.findall(r"M(\d+) (\d+)h(\d+)v1h-\3z", re.search(r' d="([^"]+)"', svg).group(1)):
        for dx in range(int(width)):
            drawn[int(y)][int(x) + dx] = True
    assert drawn == matrix


# ============================================================== secrets at rest


def test_the_totp_secret_is_sealed_in_the_database_and_opens_only_with_the_key(cast, settings, clock):
    person = cast.province_officer
    secret, _codes = enrol(person)
    device = TwoFactorDevice.objects.get(user=person)
    assert secret not in device.secret_sealed
    assert totp.decode_secret(secret).hex() not in device.secret_sealed
    assert two_factor.unseal(device.secret_sealed) == secret

    old_key = settings.SECRET_KEY
    settings.SECRET_KEY = "another-secret-key-" + "x" * 40
    with pytest.raises(InvalidToken):
        two_factor.unseal(device.secret_sealed)

    # SECRET_KEY rotated with the old one kept as a fallback: still opens, and the next
    # accepted code re-seals the secret under the new key.
    settings.SECRET_KEY_FALLBACKS = [old_key]
    clock.now = T0 + 2 * STEP
    assert two_factor.two_factor_verify(user=person, code=code_at(secret, clock.now)) == "totp"
    settings.SECRET_KEY_FALLBACKS = []
    device.refresh_from_db()
    assert two_factor.unseal(device.secret_sealed) == secret


def test_recovery_codes_are_stored_only_as_keyed_hashes(cast, clock):
    _secret, codes = enrol(cast.province_officer)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert all(re.fullmatch(r"[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}", c) for c in codes)
    stored = set(RecoveryCode.objects.filter(user=cast.province_officer).values_list("code_hash", flat=True))
    assert len(stored) == 10
    for code in codes:
        plain = code.replace("-", "")
        assert plain not in stored and code not in stored
        assert hashlib.sha256(plain.encode()).hexdigest() not in stored
        assert two_factor.recovery_hashes(code)[0] in stored


# ============================================================== setting it up


def test_the_setup_page_shows_the_secret_as_text_and_as_a_qr_code_drawn_on_the_server(login, cast):
    client = login(cast.province_officer)
    response = client.get(reverse("two_factor_setup"))
    assert response.status_code == 200
    html = response.content.decode()
    secret = two_factor.pending_secret(cast.province_officer)
    assert totp.group_secret(secret) in html
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="qr"' in html
    assert "Thiết lập xác thực hai bước" in html and "Quét mã QR này bằng ứng dụng" in html
    assert "no-store" in response["Cache-Control"]
    # Nothing comes from another site: the only address in the page's markup is the SVG namespace.
    assert re.findall(r'(?:src|href)="https?://', html) == []


def test_reloading_the_setup_page_keeps_the_same_secret(login, cast):
    client = login(cast.province_officer)
    client.get(reverse("two_factor_setup"))
    first = two_factor.pending_secret(cast.province_officer)
    client.get(reverse("two_factor_setup"))
    assert two_factor.pending_secret(cast.province_officer) == first
    assert TwoFactorDevice.objects.filter(user=cast.province_officer).count() == 1


def test_a_wrong_code_does_not_turn_it_on(login, cast, clock):
    client = login(cast.province_officer)
    client.get(reverse("two_factor_setup"))
    secret = two_factor.pending_secret(cast.province_officer)
    wrong = code_at(secret, T0 + 5 * STEP)
    response = client.post(reverse("two_factor_setup"), {"code": wrong})
    assert response.status_code == 200
    assert "Mã xác thực không đúng" in response.content.decode()
    assert two_factor.confirmed_device(cast.province_officer) is None
    assert not AuditEntry.objects.filter(action="two_factor.enable").exists()


def test_the_right_code_turns_it_on_and_shows_ten_recovery_codes_only_once(login, cast, clock):
    person = cast.province_officer
    client = login(person)
    client.get(reverse("two_factor_setup"))
    secret = two_factor.pending_secret(person)
    response = client.post(reverse("two_factor_setup"), {"code": code_at(secret, T0)}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("two_factor_recovery_codes")
    html = response.content.decode()
    assert "Đã bật xác thực hai bước" in html and "chỉ hiển thị một lần này" in html
    shown = re.findall(r"<code>([0-9A-Z-]{14})</code>", html)
    assert len(shown) == 10
    assert "no-store" in response["Cache-Control"]
    assert two_factor.confirmed_device(person) is not None
    entry = AuditEntry.objects.get(action="two_factor.enable")
    assert entry.actor == person and entry.target_id == str(person.pk)
    assert secret not in str(entry.after) and shown[0] not in str(entry.after)
    # The session that set it up stays signed in; the codes are not shown a second time.
    again = client.get(reverse("two_factor_recovery_codes"))
    assert again.status_code == 200
    assert re.findall(r"<code>([0-9A-Z-]{14})</code>", again.content.decode()) == []
    assert "chỉ hiển thị một lần khi được tạo" in again.content.decode()
    assert client.get(reverse("staff:home")).status_code == 200


def test_the_setup_page_sends_a_person_who_already_has_an_app_to_the_security_page(cast, clock):
    enrol(cast.province_officer)
    response = verified_client(cast.province_officer).get(reverse("two_factor_setup"))
    assert response.status_code == 302 and response["Location"] == reverse("account_security")


@pytest.mark.parametrize(
    "name",
    [
        "account_security",
        "two_factor_setup",
        "two_factor_recovery_codes",
        "two_factor_recovery_regenerate",
        "two_factor_disable",
        "password_change",
    ],
)
def test_the_account_security_pages_send_an_anonymous_visitor_to_sign_in(client, cast, name):
    assert_login_redirect(client.get(reverse(name)))
    assert_login_redirect(client.post(reverse(name), {"code": "123456"}))
    assert not TwoFactorDevice.objects.exists()


# ============================================================== signing in


def test_a_person_without_an_app_still_signs_in_with_the_password_alone(client, cast):
    response = password_step(client, "minh")
    assert response.status_code == 302 and response["Location"] == reverse("staff:home")
    assert signed_in_as(client) == cast.province_officer.pk


def test_a_person_with_an_app_is_not_signed_in_by_the_password_alone(client, cast, clock):
    enrol(cast.province_officer)
    response = password_step(client, "minh")
    assert response.status_code == 302 and response["Location"] == reverse("two_factor_verify")
    assert signed_in_as(client) is None
    assert_login_redirect(client.get(reverse("staff:home")))
    page = client.get(reverse("two_factor_verify"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Xác thực hai bước" in html and "Mã xác thực" in html and 'autocomplete="one-time-code"' in html


def test_the_code_from_the_app_finishes_the_sign_in_and_goes_where_the_person_was_going(client, cast, clock):
    secret, _codes = enrol(cast.province_officer)
    password_step(client, "minh", next="/organisation/people/")
    clock.now = T0 + 3 * STEP
    response = client.post(reverse("two_factor_verify"), {"code": code_at(secret, clock.now)})
    assert response.status_code == 302 and response["Location"] == "/organisation/people/"
    assert signed_in_as(client) == cast.province_officer.pk
    assert client.get("/organisation/people/").status_code == 200
    assert two_factor.SESSION_PENDING not in client.session


def test_a_next_address_on_another_site_is_not_followed(client, cast, clock):
    secret, _codes = enrol(cast.province_officer)
    password_step(client, "minh", next="https://example.com/steal")
    clock.now = T0 + 3 * STEP
    response = client.post(reverse("two_factor_verify"), {"code": code_at(secret, clock.now)})
    assert response["Location"] == reverse("staff:home")


@pytest.mark.parametrize("offset", [-1, 1])
def test_a_code_of_the_step_before_or_after_is_accepted(client, cast, clock, offset):
    secret, _codes = enrol(cast.province_officer)
    clock.now = T0 + 10 * STEP
    password_step(client, "minh")
    response = client.post(reverse("two_factor_verify"), {"code": code_at(secret, clock.now + offset * STEP)})
    assert response.status_code == 302
    assert signed_in_as(client) == cast.province_officer.pk


@pytest.mark.parametrize("offset", [-2, 2])
def test_a_code_two_steps_away_is_refused(client, cast, clock, offset):
    secret, _codes = enrol(cast.province_officer)
    clock.now = T0 + 10 * STEP
    password_step(client, "minh")
    response = client.post(reverse("two_factor_verify"), {"code": code_at(secret, clock.now + offset * STEP)})
    assert response.status_code == 200
    assert "Mã xác thực không đúng" in response.content.decode()
    assert signed_in_as(client) is None


def test_the_same_code_cannot_be_used_twice_nor_an_older_one_after_it(cast, clock):
    secret, _codes = enrol(cast.province_officer)
    clock.now = T0 + 10 * STEP
    first = Client()
    password_step(first, "minh")
    code = code_at(secret, clock.now)
    assert first.post(reverse("two_factor_verify"), {"code": code}).status_code == 302

    second = Client()
    password_step(second, "minh")
    response = second.post(reverse("two_factor_verify"), {"code": code})
    assert "Mã này vừa được dùng" in response.content.decode()
    older = second.post(reverse("two_factor_verify"), {"code": code_at(secret, clock.now - STEP)})
    assert "Mã này vừa được dùng" in older.content.decode()
    assert signed_in_as(second) is None
    # The next step's code works.
    clock.now += STEP
    assert second.post(reverse("two_factor_verify"), {"code": code_at(secret, clock.now)}).status_code == 302


def test_a_recovery_code_signs_in_once_and_says_how_many_are_left(cast, clock):
    _secret, codes = enrol(cast.province_officer)
    client = Client()
    password_step(client, "minh")
    response = client.post(reverse("two_factor_verify"), {"code": codes[3].lower()}, follow=True)
    assert signed_in_as(client) == cast.province_officer.pk
    assert "Bạn đã đăng nhập bằng mã khôi phục; còn 9 mã" in response.content.decode()
    entry = AuditEntry.objects.get(action="two_factor.recovery_code_used")
    assert entry.after == {"recovery_codes_left": 9} and codes[3] not in str(entry.after)

    again = Client()
    password_step(again, "minh")
    refused = again.post(reverse("two_factor_verify"), {"code": codes[3]})
    assert "Mã xác thực không đúng" in refused.content.decode()
    assert signed_in_as(again) is None


def test_the_code_step_expires_after_a_few_minutes(client, cast, clock, settings):
    secret, _codes = enrol(cast.province_officer)
    password_step(client, "minh")
    session = client.session
    session[two_factor.SESSION_PENDING]["at"] -= settings.TWO_FACTOR_PENDING_SECONDS + 1
    session.save()
    clock.now = T0 + 3 * STEP
    response = client.post(reverse("two_factor_verify"), {"code": code_at(secret, clock.now)}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("login")
    assert "Phiên đăng nhập đã quá hạn" in response.content.decode()
    assert signed_in_as(client) is None


def test_the_code_page_without_the_password_step_sends_to_sign_in(client, cast):
    assert client.get(reverse("two_factor_verify"))["Location"] == reverse("login")
    assert client.post(reverse("two_factor_verify"), {"code": "123456"})["Location"] == reverse("login")


def test_wrong_codes_count_towards_the_lockout_like_wrong_passwords(client, cast, clock, settings):
    secret, _codes = enrol(cast.province_officer)
    password_step(client, "minh")
    clock.now = T0 + 20 * STEP
    wrong = code_at(secret, clock.now + 5 * STEP)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert client.post(reverse("two_factor_verify"), {"code": wrong}).status_code == 200
    last = client.post(reverse("two_factor_verify"), {"code": wrong})
    assert last.status_code == 429 and LOCKED in last.content.decode()
    # The right code no longer helps, nor does the right password.
    after = client.post(reverse("two_factor_verify"), {"code": code_at(secret, clock.now)})
    assert after.status_code == 302 and after["Location"] == reverse("login")
    again = password_step(client, "minh")
    assert again.status_code == 429
    assert signed_in_as(client) is None


def test_wrong_passwords_and_wrong_codes_add_up_to_the_lockout(client, cast, clock, settings):
    secret, _codes = enrol(cast.province_officer)
    for _ in range(2):
        password_step(client, "minh", password="sai-mat-khau")
    password_step(client, "minh")
    clock.now = T0 + 20 * STEP
    wrong = code_at(secret, clock.now + 5 * STEP)
    responses = [
        client.post(reverse("two_factor_verify"), {"code": wrong}) for _ in range(settings.AXES_FAILURE_LIMIT - 2)
    ]
    assert [r.status_code for r in responses] == [200] * (settings.AXES_FAILURE_LIMIT - 3) + [429]


def test_a_right_code_clears_the_earlier_failures(client, cast, clock, settings):
    secret, _codes = enrol(cast.province_officer)
    password_step(client, "minh")
    clock.now = T0 + 20 * STEP
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        client.post(reverse("two_factor_verify"), {"code": code_at(secret, clock.now + 5 * STEP)})
    assert client.post(reverse("two_factor_verify"), {"code": code_at(secret, clock.now)}).status_code == 302
    assert not AccessAttempt.objects.filter(username="minh").exists()


def test_wrong_codes_from_many_addresses_are_limited_per_account(cast, clock, settings):
    settings.TWO_FACTOR_FAILURES_PER_HOUR = 3
    secret, _codes = enrol(cast.province_officer)
    clock.now = T0 + 20 * STEP
    for i in range(3):
        client = Client(REMOTE_ADDR=f"203.0.113.{i + 1}")
        password_step(client, "minh")
        client.post(reverse("two_factor_verify"), {"code": code_at(secret, clock.now + 5 * STEP)})
    client = Client(REMOTE_ADDR="203.0.113.99")
    password_step(client, "minh")
    response = client.post(reverse("two_factor_verify"), {"code": code_at(secret, clock.now)})
    assert response.status_code == 200
    assert "Tài khoản này đã nhập sai mã quá nhiều lần" in response.content.decode()
    assert signed_in_as(client) is None


# ============================================================== every request


def test_a_session_that_never_gave_a_code_is_signed_out(cast, clock, login):
    enrol(cast.province_officer)
    client = login(cast.province_officer)  # force_login: as if signed in some other way
    response = client.get(reverse("staff:home"))
    assert_login_redirect(response)
    assert signed_in_as(client) is None


def test_a_verified_session_goes_about_its_work(cast, clock):
    enrol(cast.province_officer)
    assert verified_client(cast.province_officer).get(reverse("staff:home")).status_code == 200


def test_the_django_admin_sign_in_page_leads_to_the_two_step_sign_in(client, cast):
    response = client.get("/admin/login/?next=/admin/organisation/unitkind/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/admin/organisation/unitkind/"
    posted = client.post("/admin/login/", {"username": "quantri", "password": DEFAULT_PASSWORD})
    assert posted.status_code == 302 and signed_in_as(client) is None


def test_a_role_that_requires_it_confines_the_person_to_setting_it_up(client, cast, clock, settings):
    settings.TWO_FACTOR_REQUIRED_ROLES = ["admin"]
    response = password_step(client, "quantri")
    assert signed_in_as(client) == cast.admin.pk
    landed = client.get(response["Location"], follow=True)
    assert landed.redirect_chain[-1][0] == reverse("two_factor_setup")
    assert "chưa thiết lập xong thì không mở được trang nào khác" in landed.content.decode()
    for url in [reverse("staff:home"), "/organisation/people/", reverse("account_security"), "/admin/"]:
        assert client.get(url)["Location"] == reverse("two_factor_setup"), url
    assert client.post("/organisation/units/create/", {"name": "x"})["Location"] == reverse("two_factor_setup")
    htmx = client.get("/organisation/units/?q=a", HTTP_HX_REQUEST="true")
    assert htmx.status_code == 204 and htmx["HX-Redirect"] == reverse("two_factor_setup")

    secret = two_factor.pending_secret(cast.admin)
    client.post(reverse("two_factor_setup"), {"code": code_at(secret, T0)})
    assert client.get(reverse("staff:home")).status_code == 200


def test_signing_out_is_allowed_before_setting_it_up(client, cast, settings):
    settings.TWO_FACTOR_REQUIRED_ROLES = ["admin"]
    password_step(client, "quantri")
    client.post(reverse("logout"))
    assert signed_in_as(client) is None


def test_a_role_that_does_not_require_it_is_left_alone(login, cast, settings):
    settings.TWO_FACTOR_REQUIRED_ROLES = ["admin"]
    assert login(cast.province_officer).get(reverse("staff:home")).status_code == 200
    assert login(cast.agency_a).get(reverse("staff:home")).status_code == 200


@pytest.mark.parametrize(("debug", "expected"), [("true", "[]"), ("false", "['admin']")])
def test_by_default_nobody_must_use_it_with_debug_on_and_administrators_must_in_production(debug, expected):
    env = {k: v for k, v in os.environ.items() if k != "TWO_FACTOR_REQUIRED_ROLES"}
    env.update(DEBUG=debug, SECRET_KEY="x" * 60, DJANGO_SETTINGS_MODULE="config.settings")
    code = "import django; django.setup(); from django.conf import settings; print(settings.TWO_FACTOR_REQUIRED_ROLES)"
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=django_settings.BASE_DIR, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == expected


def test_a_misspelt_role_in_the_setting_is_reported_by_the_system_checks(settings):
    settings.TWO_FACTOR_REQUIRED_ROLES = ["admin", "boss"]
    errors = checks.two_factor_roles_exist(None)
    assert [e.id for e in errors] == ["organisation.E001"] and "boss" in errors[0].msg
    settings.TWO_FACTOR_REQUIRED_ROLES = ["admin", "chair"]
    assert checks.two_factor_roles_exist(None) == []


# ============================================================== the security page


def test_the_security_page_says_whether_it_is_on(cast, clock, login):
    html = login(cast.province_officer).get(reverse("account_security")).content.decode()
    assert "Bảo mật tài khoản" in html and "Chưa bật" in html and "Thiết lập xác thực hai bước" in html
    enrol(cast.province_officer)
    html = verified_client(cast.province_officer).get(reverse("account_security")).content.decode()
    assert "Đang bật" in html and "Số mã khôi phục còn lại" in html and "Tắt xác thực hai bước" in html


def test_every_staff_page_links_to_the_security_page(login, cast):
    html = login(cast.agency_a).get(reverse("staff:home")).content.decode()
    assert f'href="{reverse("account_security")}"' in html and "Bảo mật tài khoản" in html


def test_turning_it_off_needs_a_code_from_the_app(cast, clock):
    secret, _codes = enrol(cast.province_officer)
    client = verified_client(cast.province_officer)
    clock.now = T0 + 4 * STEP
    refused = client.post(reverse("two_factor_disable"), {"code": code_at(secret, clock.now + 9 * STEP)})
    assert "Mã xác thực không đúng" in refused.content.decode()
    assert two_factor.confirmed_device(cast.province_officer) is not None
    response = client.post(reverse("two_factor_disable"), {"code": code_at(secret, clock.now)}, follow=True)
    assert "Đã tắt xác thực hai bước" in response.content.decode()
    assert not TwoFactorDevice.objects.filter(user=cast.province_officer).exists()
    assert not RecoveryCode.objects.filter(user=cast.province_officer).exists()
    assert AuditEntry.objects.filter(action="two_factor.disable", actor=cast.province_officer).count() == 1
    # Still signed in, and the password alone signs in again.
    assert client.get(reverse("staff:home")).status_code == 200
    fresh = Client()
    password_step(fresh, "minh")
    assert signed_in_as(fresh) == cast.province_officer.pk


def test_a_person_whose_role_requires_it_cannot_turn_it_off(cast, clock, settings):
    settings.TWO_FACTOR_REQUIRED_ROLES = ["synthesis"]
    secret, _codes = enrol(cast.province_officer)
    client = verified_client(cast.province_officer)
    page = client.get(reverse("two_factor_disable")).content.decode()
    assert "Vai trò của bạn bắt buộc xác thực hai bước: không thể tắt." in page
    clock.now = T0 + 4 * STEP
    client.post(reverse("two_factor_disable"), {"code": code_at(secret, clock.now)})
    assert two_factor.confirmed_device(cast.province_officer) is not None
    assert not AuditEntry.objects.filter(action="two_factor.disable").exists()


def test_new_recovery_codes_replace_the_old_ones(cast, clock):
    secret, old_codes = enrol(cast.province_officer)
    client = verified_client(cast.province_officer)
    clock.now = T0 + 4 * STEP
    response = client.post(reverse("two_factor_recovery_regenerate"), {"code": code_at(secret, clock.now)}, follow=True)
    new_codes = re.findall(r"<code>([0-9A-Z-]{14})</code>", response.content.decode())
    assert len(new_codes) == 10 and not set(new_codes) & set(old_codes)
    assert AuditEntry.objects.filter(action="two_factor.recovery_codes").count() == 1
    old = Client()
    password_step(old, "minh")
    assert "Mã xác thực không đúng" in old.post(reverse("two_factor_verify"), {"code": old_codes[0]}).content.decode()
    assert old.post(reverse("two_factor_verify"), {"code": new_codes[0]}).status_code == 302


# ============================================================== an administrator's reset


def test_an_administrator_resets_a_persons_two_step_verification(cast, clock):
    enrol(cast.province_officer)
    admin = Client()
    admin.force_login(cast.admin)
    page = admin.get(reverse("organisation:person_detail", args=[cast.province_officer.pk])).content.decode()
    assert "Đặt lại xác thực hai bước" in page and "Đang bật" in page
    response = admin.post(reverse("two_factor_reset", args=[cast.province_officer.pk]), follow=True)
    assert "Đã đặt lại xác thực hai bước của Trần Thị Minh" in response.content.decode()
    assert not TwoFactorDevice.objects.filter(user=cast.province_officer).exists()
    assert not RecoveryCode.objects.filter(user=cast.province_officer).exists()
    entry = AuditEntry.objects.get(action="two_factor.reset")
    assert entry.actor == cast.admin and entry.target_id == str(cast.province_officer.pk)
    assert entry.unit == cast.province_officer.organisation
    note = Notification.objects.get(recipient=cast.province_officer)
    assert "đã đặt lại xác thực hai bước của bạn" in note.message
    fresh = Client()
    password_step(fresh, "minh")
    assert signed_in_as(fresh) == cast.province_officer.pk


@pytest.mark.parametrize("who", ["province_officer", "agency_b", "outsider", "other_admin"])
def test_resetting_is_refused_to_anyone_who_does_not_manage_the_person(cast, clock, login, who):
    enrol(cast.agency_a)
    if who == "other_admin":
        person = make_person(
            "qt.haiphong", "Lý Văn Hải", organisation=cast.tree.other_province,
            roles=[(Role.ADMIN, cast.tree.other_province)],
        )  # fmt: skip
    else:
        person = getattr(cast, who)
    response = login(person).post(reverse("two_factor_reset", args=[cast.agency_a.pk]))
    assert response.status_code == 404
    assert two_factor.confirmed_device(cast.agency_a) is not None
    assert not AuditEntry.objects.filter(action="two_factor.reset").exists()


def test_resetting_sends_an_anonymous_visitor_to_sign_in_and_refuses_get(client, cast, clock, login):
    enrol(cast.agency_a)
    assert_login_redirect(client.post(reverse("two_factor_reset", args=[cast.agency_a.pk])))
    assert login(cast.admin).get(reverse("two_factor_reset", args=[cast.agency_a.pk])).status_code == 405
    assert two_factor.confirmed_device(cast.agency_a) is not None


def test_an_administrator_cannot_reset_their_own_here(cast, clock):
    enrol(cast.admin)
    client = verified_client(cast.admin)
    response = client.post(reverse("two_factor_reset", args=[cast.admin.pk]), follow=True)
    assert "Bạn không thể tự đặt lại xác thực hai bước của mình ở đây" in response.content.decode()
    assert two_factor.confirmed_device(cast.admin) is not None


def test_the_person_page_shows_two_step_verification_only_to_those_who_manage_the_person(cast, clock, login):
    enrol(cast.agency_a)
    url = reverse("organisation:person_detail", args=[cast.agency_a.pk])
    assert "Đặt lại xác thực hai bước" in login(cast.admin).get(url).content.decode()
    seen_by_board = login(cast.province_officer).get(url)
    assert seen_by_board.status_code == 200
    assert "Xác thực hai bước" not in seen_by_board.content.decode()


# ============================================================== password reset by e-mail


def test_the_sign_in_page_links_to_the_password_reset(client):
    html = client.get(reverse("login")).content.decode()
    assert f'href="{reverse("password_reset")}"' in html and "Quên mật khẩu?" in html


def reset_request(client, email):
    return client.post(reverse("password_reset"), {"email": email}, follow=True)


def test_a_known_address_gets_a_vietnamese_email_whose_link_sets_a_new_password(client, cast):
    response = reset_request(client, "MINH@example.vn")
    assert response.redirect_chain[-1][0] == reverse("password_reset_done")
    assert "Kiểm tra hộp thư" in response.content.decode()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["minh@example.vn"]
    assert message.subject == "doithoai: đặt lại mật khẩu"
    assert "Kính gửi Trần Thị Minh," in message.body and "Tên đăng nhập của bạn: minh" in message.body
    link = re.search(r"http://127\.0\.0\.1:8000(/accounts/password/reset/\S+/)", message.body).group(1)

    form = client.get(link, follow=True)
    assert "Đặt mật khẩu mới" in form.content.decode()
    set_url = form.redirect_chain[-1][0]
    new = "Cau-truc-moi-2026!"
    done = client.post(set_url, {"new_password1": new, "new_password2": new}, follow=True)
    assert "Mật khẩu mới đã được lưu" in done.content.decode()
    person = User.objects.get(pk=cast.province_officer.pk)
    assert person.check_password(new) and not person.check_password(DEFAULT_PASSWORD)
    entry = AuditEntry.objects.get(action="account.password_reset")
    assert entry.target_id == str(person.pk) and new not in str(entry.after)
    # The link works once.
    used = client.get(link, follow=True)
    assert "Đường dẫn không còn hiệu lực" in used.content.decode()


def test_an_unknown_address_gets_exactly_the_same_answer_and_no_email(cast):
    known, unknown = Client(), Client()
    a = reset_request(known, "minh@example.vn")
    b = reset_request(unknown, "khong-co-ai@example.vn")
    assert a.redirect_chain == b.redirect_chain
    strip = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"|"X-CSRFToken": "[^"]+"')
    assert strip.sub("", a.content.decode()) == strip.sub("", b.content.decode())
    assert [m.to for m in mail.outbox] == [["minh@example.vn"]]


def test_the_email_link_uses_the_site_address_not_the_host_of_the_request(cast, settings):
    settings.SITE_URL = "https://doithoai.example.vn"
    settings.ALLOWED_HOSTS = ["doithoai.example.vn", "other.example.vn"]
    Client(HTTP_HOST="other.example.vn").post(reverse("password_reset"), {"email": "minh@example.vn"})
    assert "https://doithoai.example.vn/accounts/password/reset/" in mail.outbox[0].body
    assert "other.example.vn" not in mail.outbox[0].body


def test_an_address_gets_at_most_the_hourly_number_of_emails(client, cast, settings):
    settings.PASSWORD_RESET_PER_ADDRESS_HOUR = 2
    answers = [reset_request(Client(REMOTE_ADDR=f"198.51.100.{i}"), "minh@example.vn") for i in range(3)]
    assert len(mail.outbox) == 2
    assert all(r.redirect_chain[-1][0] == reverse("password_reset_done") for r in answers)


def test_too_many_requests_from_one_address_are_refused_with_a_vietnamese_message(client, cast, settings):
    settings.PASSWORD_RESET_PER_IP_HOUR = 2
    for email in ["a@example.vn", "b@example.vn"]:
        reset_request(client, email)
    response = client.post(reverse("password_reset"), {"email": "minh@example.vn"})
    assert response.status_code == 429
    assert "Máy tính này đã gửi quá nhiều yêu cầu đặt lại mật khẩu" in response.content.decode()
    assert mail.outbox == []


def test_a_disabled_account_gets_no_email(client, cast):
    User.objects.filter(pk=cast.province_officer.pk).update(is_active=False)
    reset_request(client, "minh@example.vn")
    assert mail.outbox == []


def test_an_invalid_address_gets_a_vietnamese_message(client, cast):
    response = client.post(reverse("password_reset"), {"email": "khong-phai-thu"})
    assert response.status_code == 200
    assert "Nhập địa chỉ thư điện tử hợp lệ" in response.content.decode()


def test_a_new_password_from_the_email_still_needs_the_code_from_the_app(client, cast, clock):
    enrol(cast.province_officer)
    reset_request(client, "minh@example.vn")
    link = re.search(r"(/accounts/password/reset/\S+/)", mail.outbox[0].body).group(1)
    set_url = client.get(link, follow=True).redirect_chain[-1][0]
    new = "Cau-truc-moi-2026!"
    client.post(set_url, {"new_password1": new, "new_password2": new})
    response = password_step(client, "minh", password=new)
    assert response["Location"] == reverse("two_factor_verify")
    assert signed_in_as(client) is None


# ============================================================== password change


def test_a_signed_in_person_changes_their_password(login, cast):
    client = login(cast.agency_a)
    wrong = client.post(
        reverse("password_change"),
        {"old_password": "sai", "new_password1": "Mat-khau-moi-2026", "new_password2": "Mat-khau-moi-2026"},
    )
    assert "Mật khẩu cũ không chính xác" in wrong.content.decode()
    response = client.post(
        reverse("password_change"),
        {"old_password": DEFAULT_PASSWORD, "new_password1": "Mat-khau-moi-2026", "new_password2": "Mat-khau-moi-2026"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("account_security")
    assert "Đã đổi mật khẩu." in response.content.decode()
    assert client.get(reverse("staff:home")).status_code == 200
    assert User.objects.get(pk=cast.agency_a.pk).check_password("Mat-khau-moi-2026")
    assert AuditEntry.objects.filter(action="account.password_change", actor=cast.agency_a).count() == 1


def test_a_weak_new_password_is_refused_in_vietnamese(login, cast):
    response = login(cast.agency_a).post(
        reverse("password_change"),
        {"old_password": DEFAULT_PASSWORD, "new_password1": "12345678", "new_password2": "12345678"},
    )
    html = response.content.decode()
    assert "Mật khẩu quá ngắn" in html and "Mật khẩu này hoàn toàn là số" in html
    assert User.objects.get(pk=cast.agency_a.pk).check_password(DEFAULT_PASSWORD)


def test_changing_the_password_keeps_a_verified_session_signed_in(cast, clock):
    enrol(cast.province_officer)
    client = verified_client(cast.province_officer)
    client.post(
        reverse("password_change"),
        {"old_password": DEFAULT_PASSWORD, "new_password1": "Mat-khau-moi-2026", "new_password2": "Mat-khau-moi-2026"},
    )
    assert client.get(reverse("staff:home")).status_code == 200


# ============================================================== security headers

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)


def test_every_response_carries_the_security_headers(client, cast, login):
    responses = [
        client.get("/"),
        client.get(reverse("login")),
        client.get("/khong-co-trang-nay/"),
        login(cast.province_officer).get(reverse("staff:home")),
        client.get("/api/v1/schema/?format=json"),
    ]
    for response in responses:
        assert response["Content-Security-Policy"] == CSP
        assert "camera=(self)" in response["Permissions-Policy"] and "microphone=()" in response["Permissions-Policy"]
        assert response["Cross-Origin-Opener-Policy"] == "same-origin"
        assert response["X-Frame-Options"] == "DENY"


def test_htmx_is_told_not_to_inject_styles_nor_evaluate_code(client, cast, login):
    meta = """<meta name="htmx-config" content='{"includeIndicatorStyles": false, "allowEval": false}'>"""
    assert meta in login(cast.province_officer).get(reverse("staff:home")).content.decode()
    root = Path(django_settings.BASE_DIR) / "templates"
    assert meta in (root / "proceedings" / "hall.html").read_text(encoding="utf-8")


class InlineFinder(HTMLParser):
    """Everything a `script-src 'self'; style-src 'self'` policy blocks."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        names = dict(attrs)
        if tag == "script" and not names.get("src") and names.get("type") not in ("application/json",):
            self.found.append("<script> without src")
        if tag == "style":
            self.found.append("<style> element")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>")
            if name == "style":
                self.found.append(f"<{tag} style=…>")
            if name in ("href", "src", "action", "formaction") and (value or "").strip().lower().startswith(
                "javascript:"
            ):
                self.found.append(f"<{tag} {name}=javascript:…>")


def inline_problems(html: str) -> list[str]:
    finder = InlineFinder()
    finder.feed(html)
    return finder.found


def test_the_inline_finder_finds_what_the_policy_blocks():
    html = (
        '<script>alert(1)</script><script src="/static/x.js"></script><style>p{}</style>'
        '<button onclick="x()">a</button><svg><rect style="fill:red"/></svg><a href="javascript:void(0)">b</a>'
    )
    assert inline_problems(html) == [
        "<script> without src",
        "<style> element",
        "<button onclick=…>",
        "<rect style=…>",
        "<a href=javascript:…>",
    ]


INLINE_IN_TEMPLATE = [
    (re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>", re.I), "<script> without src"),
    (re.compile(r"<style\b", re.I), "<style> element"),
    (re.compile(r"\sstyle\s*=", re.I), "style attribute"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "on* handler"),
    (re.compile(r"javascript:", re.I), "javascript: address"),
]


def test_no_template_has_an_inline_script_handler_or_style():
    """E-mail templates (…/email/) are not web pages and keep their inline styles."""
    root = Path(django_settings.BASE_DIR) / "templates"
    found = []
    for path in sorted(root.rglob("*.html")):
        if "email" in path.relative_to(root).parts:
            continue
        text = path.read_text(encoding="utf-8")
        for pattern, what in INLINE_IN_TEMPLATE:
            for match in pattern.finditer(text):
                found.append(f"{path.relative_to(root)}: {what}: {match.group(0)[:60]}")
    assert found == []


# ---------------------------------------------------------------- pages reached from the demo

FAST_HASHING = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
HREF = re.compile(r'href="(/[^"#]*)"')
SKIP = re.compile(
    r"^/(static|media|admin|api|open311|api-keys/\d)/|logout|/download|\.(docx|xlsx|pdf|zip|xml|csv|json|png|svg)"
    r"(\?|$)|[?&](format|export|download)="
)


# The demo's module-scoped transaction stays open until the end of the module: the tests
# that need the plain cast come before the first one that uses it.
def test_a_session_past_its_age_is_signed_out(cast, login):
    from datetime import timedelta

    from django.contrib.sessions.models import Session
    from django.utils import timezone

    client = login(cast.province_officer)
    assert client.get("/staff/").status_code == 200
    key = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    first = Session.objects.get(session_key=key).expire_date
    assert first <= timezone.now() + timedelta(seconds=django_settings.SESSION_COOKIE_AGE)
    Session.objects.filter(session_key=key).update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get("/staff/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_reading_pages_renews_the_session_at_most_every_few_minutes(cast, login, settings):
    from django.contrib.sessions.models import Session
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from dialogue.core.middleware import SESSION_RENEWED

    settings.SESSION_RENEW_SECONDS = 300
    client = login(cast.province_officer)
    assert client.get("/staff/").status_code == 200  # the first page after signing in renews
    key = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    renewed = Session.objects.get(session_key=key).get_decoded()[SESSION_RENEWED]
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/staff/").status_code == 200
    assert not [q for q in queries.captured_queries if q["sql"].startswith('UPDATE "django_session"')]
    # Five minutes later the next page renews it: the inactivity limit starts again.
    session = client.session
    session[SESSION_RENEWED] = renewed - 300
    session.save()
    before = Session.objects.get(session_key=key).expire_date
    assert client.get("/staff/").status_code == 200
    after = Session.objects.get(session_key=key)
    assert after.get_decoded()[SESSION_RENEWED] >= renewed
    assert after.expire_date > before


def test_a_visitor_who_is_not_signed_in_gets_no_session_row(client):
    from django.contrib.sessions.models import Session

    for url in ("/", "/tra-cuu/"):
        assert client.get(url).status_code == 200
    assert Session.objects.count() == 0


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The whole demo (`manage.py load_demo`), once for the module, rolled back at its end."""
    media = override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("media")))
    with FAST_HASHING, media, django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", "--allow-production", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


def crawl(client, starts: list[str], *, per_shape: int = 2, limit: int = 400) -> dict[str, list[str]]:
    """GET every same-site link reachable from `starts` (at most `per_shape` addresses
    that differ only by numbers); return each HTML page's inline problems."""
    seen, shapes, queue, pages = set(), {}, list(starts), {}
    while queue and len(pages) < limit:
        url = queue.pop(0)
        if url in seen or SKIP.search(url):
            continue
        seen.add(url)
        shape = re.sub(r"\d+", "N", url.split("?")[0]) + ("?" if "?" in url else "")
        if shapes.get(shape, 0) >= per_shape:
            continue
        shapes[shape] = shapes.get(shape, 0) + 1
        response = client.get(url)
        assert response.status_code < 500, url
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        html = response.content.decode()
        assert response["Content-Security-Policy"] == CSP, url
        pages[url] = inline_problems(html)
        queue.extend(link.replace("&amp;", "&") for link in HREF.findall(html))
    return pages


def test_staff_and_public_pages_reached_from_the_demo_have_nothing_inline(demo):
    admin = Client()
    admin.force_login(User.objects.get(username="quantri"))
    pages = crawl(admin, ["/staff/", "/petitions/", "/plans/", "/conclusions/", "/statistics/", "/followup/"])
    secretary = Client()
    secretary.force_login(User.objects.get(username="vanphong.giaphuc"))
    pages.update(crawl(secretary, ["/staff/", "/petitions/", "/plans/"], limit=150))
    public = crawl(Client(), ["/", "/hoi-nghi/", "/ket-qua/", "/tra-cuu/", reverse("login")], limit=150)
    pages.update(public)
    problems = {url: found for url, found in pages.items() if found}
    assert problems == {}
    assert len(pages) >= 100, sorted(pages)
    assert len(public) >= 10
