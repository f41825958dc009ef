import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import formats, translation

from config.env import env_bool, env_int, env_list

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "locale" / "vi" / "LC_MESSAGES" / "django.po"


def test_every_message_has_a_vietnamese_translation():
    po = polib.pofile(str(PO))
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []


def test_the_compiled_catalogue_matches_the_po_file():
    po = polib.pofile(str(PO))
    mo = polib.mofile(str(PO.with_suffix(".mo")))
    compiled = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in mo}
    source = {
        (e.msgctxt, e.msgid): e.msgstr or {int(k): v for k, v in e.msgstr_plural.items()} for e in po if not e.obsolete
    }
    for key, value in source.items():
        assert key in compiled, f"{key} missing from django.mo: run `make messages`"
        got = compiled[key]
        assert (got if isinstance(got, str) else {int(k): v for k, v in got.items()}) == value


def test_the_site_speaks_vietnamese_in_the_vietnam_time_zone():
    assert settings.LANGUAGE_CODE == "vi" and settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
    with translation.override("vi"):
        from datetime import date

        assert formats.date_format(date(2026, 3, 3), "SHORT_DATE_FORMAT") == "03/03/2026"
        assert translation.gettext("Sign in") == "Đăng nhập"


def test_env_helpers_fail_loudly_on_bad_values(monkeypatch):
    monkeypatch.setenv("X_BOOL", "maybe")
    with pytest.raises(ImproperlyConfigured):
        env_bool("X_BOOL", False)
    monkeypatch.setenv("X_INT", "ten")
    with pytest.raises(ImproperlyConfigured):
        env_int("X_INT", 1)
    monkeypatch.setenv("X_LIST", "a.vn, b.vn,")
    assert env_list("X_LIST", []) == ["a.vn", "b.vn"]
    monkeypatch.setenv("X_BOOL", "yes")
    assert env_bool("X_BOOL", False) is True


def _manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_production_settings_pass_check_deploy():
    import os

    # The browser tests set DJANGO_ALLOW_ASYNC_UNSAFE in this process; a server never has it.
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    env.update(
        {
            "DEBUG": "false",
            "SECRET_KEY": "x" * 20 + "-production-like-secret-key-0123456789-abcdef",
            "ALLOWED_HOSTS": "doithoai.example.vn",
        }
    )
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    import os

    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
    env["DEBUG"] = "false"
    result = _manage("check", env=env)
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr


def test_sessions_expire_and_passwords_are_validated():
    assert settings.SESSION_COOKIE_AGE <= 8 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    names = [v["NAME"].rsplit(".", 1)[-1] for v in settings.AUTH_PASSWORD_VALIDATORS]
    assert {"MinimumLengthValidator", "CommonPasswordValidator", "NumericPasswordValidator"} <= set(names)


def test_every_audit_action_written_by_a_service_has_a_vietnamese_label():
    import re

    from dialogue.core.audit_actions import ACTION_LABELS
    from dialogue.plans.models import ConferenceStatus

    written = set()
    for path in ROOT.joinpath("dialogue").rglob("*.py"):
        written |= set(re.findall(r'action="([a-z_]+\.[a-z_]+)"', path.read_text(encoding="utf-8")))
    written |= {f"conference.{status}" for status in ConferenceStatus.values if status != "planned"}
    from dialogue.followup.models import UpdateKind

    written |= {f"followup.{kind}" for kind in UpdateKind.values}
    assert written - set(ACTION_LABELS) == set()
