"""A worker killed with SIGKILL half-way loses nothing and doubles nothing, on SQLite and
PostgreSQL, with real `manage.py worker` processes against the test database:

- an Excel import of 3,000 rows, killed while its rows are prepared and again while they
  are written in their one transaction: no petition of the file exists after either kill,
  and started again the documented way (“interrupted, start again” on the import's page)
  it gives exactly one petition per row;
- reminders being sent by e-mail, SMS and in-app, killed twice at different points:
  after restarts (the claim timeout lowered to one second) every message left once;
- the citizens' receipts, killed while the gateway is sending one: the worker's scan sends
  each receipt once;
- `manage.py load_admin_units` (the one command that imports data), killed inside its
  transaction after writing every unit: nothing half-loaded, and run again it loads the
  whole tree once.

Each kill waits for proof that the process is where it should be (the import's progress,
the open write transaction, the message being sent), so the test cannot pass by killing
too early or too late."""

from __future__ import annotations

import io
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone
from openpyxl import Workbook

from dialogue.core.models import AuditEntry, Notification
from dialogue.organisation.models import Unit
from dialogue.petitions import imports
from dialogue.petitions.models import Channel, ImportBatch, ImportStatus, Petition
from dialogue.reminders.models import DeliveryStatus, MessageStatus, OutboundMessage, Reminder
from dialogue.reminders.tasks import deliveries_send
from tests import test_portal_citizen, test_reminders_fixtures
from tests.test_portal_citizen import fields, form_url, fresh_form
from tests.test_reminders_worker import _emails, _env, _pending_reminders, _sms

matters = test_reminders_fixtures.matters
place = test_portal_citizen.place

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parent.parent
ROWS = 3000
HEADER = ["STT", "Họ và tên", "Số điện thoại", "Địa chỉ", "Chức vụ", "Nội dung ý kiến, kiến nghị", "Kênh tiếp nhận"]


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def start_worker(env: dict, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", "worker", "--batch", "--interval", "0", "--no-startup-delay", *args],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def finish(process: subprocess.Popen, timeout: float = 600) -> str:
    out, err = process.communicate(timeout=timeout)
    assert process.returncode == 0, (out + err)[-3000:]
    return out + err


def kill(process: subprocess.Popen) -> None:
    os.kill(process.pid, signal.SIGKILL)
    process.communicate(timeout=60)
    assert process.returncode == -signal.SIGKILL


def wait_for(condition, *, timeout: float, what: str, process: subprocess.Popen | None = None, every=0.02):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        if process is not None and process.poll() is not None:
            out, err = process.communicate()
            pytest.fail(f"the worker ended before {what}: {(out + err)[-3000:]}")
        time.sleep(every)
    pytest.fail(f"timed out waiting for {what}")


def writer_in_transaction() -> bool:
    """Whether another process holds an open write transaction on the test database: it
    is inside the import's one transaction, not between two short updates."""
    if connection.vendor == "sqlite":
        probe = sqlite3.connect(connection.settings_dict["NAME"], timeout=0)
        try:
            probe.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError:  # "database is locked": a writer holds it
            return True
        finally:
            probe.close()
        return False
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
            " AND backend_xid IS NOT NULL AND now() - xact_start > interval '100 milliseconds'"
        )
        return cursor.fetchone()[0] > 0


def workbook(rows: int) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(HEADER)
    for i in range(rows):
        sheet.append([
            i + 1, f"Người kiến nghị số {i}", f"09{i:08d}", "thôn Nà Đon, xã Cao Minh", None,
            f"Đề nghị sửa chữa đoạn đường số {i} vào thôn Nà Đon, mặt đường xuống cấp sau mùa mưa.", "Phiếu ý kiến",
        ])  # fmt: skip
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _age(batch: ImportBatch) -> None:
    """What three minutes without news from the worker look like (imports.STALE_AFTER)."""
    ImportBatch.objects.filter(pk=batch.pk).update(
        updated_at=timezone.now() - imports.STALE_AFTER - timedelta(seconds=5)
    )


def _written(batch: ImportBatch) -> tuple[int, int]:
    return (
        Petition.objects.filter(import_batch=batch).count(),
        AuditEntry.objects.filter(action__in=["petition.receive", "petition.import"]).count(),
    )


# ---------------------------------------------------------------- the Excel import


def test_an_import_killed_while_preparing_and_while_writing_leaves_nothing_then_gives_each_row_once(
    cast, database_tasks, login, settings, tmp_path, capsys
):
    env = _env(tmp_path, MEDIA_ROOT=str(settings.MEDIA_ROOT))
    officer = cast.province_officer
    batch = imports.import_upload(
        actor=officer, data=workbook(ROWS), file_name="danh-sach-3000.xlsx", receiving_unit=cast.tree.tinh_uy,
        conference=None, default_channel=Channel.MTTQ,
    )  # fmt: skip
    finish(start_worker(env, "--no-scheduler"))
    batch.refresh_from_db()
    assert (batch.status, batch.rows_valid, batch.rows_invalid) == (ImportStatus.CHECKED, ROWS, 0)
    page = login(officer)
    started = time.monotonic()

    # 1. Killed while the rows are prepared (progress between 10 % and 90 %).
    assert page.post(f"/petitions/import/{batch.pk}/start/", {"mode": "all"}).status_code == 302
    worker = start_worker(env, "--no-scheduler")
    wait_for(
        lambda: ImportBatch.objects.filter(
            pk=batch.pk, status=ImportStatus.IMPORTING, progress_done__gte=ROWS // 10, progress_done__lt=ROWS * 9 // 10
        ).exists(),
        timeout=300, what="the rows being prepared", process=worker,
    )  # fmt: skip
    kill(worker)
    batch.refresh_from_db()
    killed_preparing_at = batch.progress_done
    assert batch.status == ImportStatus.IMPORTING
    assert _written(batch) == (0, 0)

    # A running import is not started twice: only once the worker has been silent long enough.
    page.post(f"/petitions/import/{batch.pk}/start/", {"mode": "restart"})
    batch.refresh_from_db()
    assert batch.status == ImportStatus.IMPORTING and not imports.import_is_stale(batch)
    _age(batch)
    assert 'value="restart"' in page.get(f"/petitions/import/{batch.pk}/").content.decode()  # “Start it again”
    assert page.post(f"/petitions/import/{batch.pk}/start/", {"mode": "restart"}).status_code == 302
    batch.refresh_from_db()
    assert batch.status == ImportStatus.QUEUED

    # 2. Killed inside the one transaction that writes the rows.
    worker = start_worker(env, "--no-scheduler")
    wait_for(
        lambda: ImportBatch.objects.filter(pk=batch.pk, status=ImportStatus.IMPORTING, progress_done=ROWS).exists()
        and writer_in_transaction() and (time.sleep(0.1) or writer_in_transaction()),  # held, not a short update
        timeout=300, what="the rows being written", process=worker, every=0.01,
    )  # fmt: skip
    kill(worker)
    batch.refresh_from_db()
    assert batch.status == ImportStatus.IMPORTING
    assert _written(batch) == (0, 0)

    # 3. Started again: each row once.
    _age(batch)
    assert page.post(f"/petitions/import/{batch.pk}/start/", {"mode": "restart"}).status_code == 302
    finish(start_worker(env, "--no-scheduler"))
    batch.refresh_from_db()
    assert batch.status == ImportStatus.DONE
    assert (batch.rows_created, batch.rows_skipped) == (ROWS, 0)
    petitions = Petition.objects.filter(import_batch=batch)
    assert petitions.count() == ROWS
    assert sorted(petitions.values_list("import_row", flat=True)) == list(range(2, ROWS + 2))
    assert petitions.values("fingerprint").distinct().count() == ROWS
    assert AuditEntry.objects.filter(action="petition.receive").count() == ROWS
    assert AuditEntry.objects.filter(action="petition.import").count() == 1

    # 4. The same file again (a person who thinks it failed) creates nothing.
    again = imports.import_upload(
        actor=officer, data=workbook(ROWS), file_name="danh-sach-3000.xlsx", receiving_unit=cast.tree.tinh_uy,
        conference=None, default_channel=Channel.MTTQ,
    )  # fmt: skip
    finish(start_worker(env, "--no-scheduler"))
    again.refresh_from_db()
    imports.import_start(actor=officer, batch=again, only_valid=False)
    finish(start_worker(env, "--no-scheduler"))
    again.refresh_from_db()
    assert (again.status, again.rows_created, again.rows_skipped) == (ImportStatus.DONE, 0, ROWS)
    assert Petition.objects.count() == ROWS
    with capsys.disabled():
        print(
            f"\n[kill] import of {ROWS} rows on {connection.vendor}: killed preparing at row {killed_preparing_at}, "
            f"killed writing; {petitions.count()} petitions after restart, rows lost 0, doubled 0; "
            f"{time.monotonic() - started:.0f} s"
        )


# ---------------------------------------------------------------- reminders


def test_reminders_whose_worker_is_killed_twice_are_each_sent_once(matters, database_tasks, tmp_path, capsys):
    reminders = _pending_reminders(matters, 12)
    keys = [f"reminder:{r.pk}" for r in reminders]
    deliveries_send.enqueue()

    def sending_sms(n: int) -> bool:
        """The e-mail of reminder n is sent and its SMS is with the gateway (SMS_DELAY=1): on
        a loaded machine a kill right after the e-mail could land before the SMS row exists."""
        messages = OutboundMessage.objects.filter(key__in=[f"{keys[n]}:email", f"{keys[n]}:sms"])
        return dict(messages.values_list("key", "status")) == {
            f"{keys[n]}:email": MessageStatus.SENT,
            f"{keys[n]}:sms": MessageStatus.QUEUED,
        }

    # Killed while the gateway sends the SMS of the 3rd reminder, then of the 8th.
    for victim_at, worker_id in ((2, "first"), (7, "second")):
        env = _env(tmp_path, SMS_DELAY="1", REMINDERS_CLAIM_TIMEOUT_SECONDS="1")
        worker = start_worker(env, "--no-scheduler", "--worker-id", worker_id)
        wait_for(lambda n=victim_at: sending_sms(n), timeout=120, what=f"reminder {victim_at + 1} being sent",
                 process=worker)  # fmt: skip
        kill(worker)
        stuck = Reminder.objects.get(pk=reminders[victim_at].pk)
        assert stuck.status == DeliveryStatus.SENDING
        assert OutboundMessage.objects.get(key=f"{keys[victim_at]}:sms").status == MessageStatus.QUEUED
        time.sleep(1.1)  # past the claim timeout: the row is abandoned
        deliveries_send.enqueue()

    third = _env(tmp_path, SMS_DELAY="0", REMINDERS_CLAIM_TIMEOUT_SECONDS="1")
    finish(start_worker(third, "--no-scheduler", "--worker-id", "third"))
    assert set(Reminder.objects.values_list("status", flat=True)) == {DeliveryStatus.SENT}
    sms = Counter(reference for reference, _pid, _to in _sms(tmp_path))
    emails = _emails(tmp_path)
    assert sms == Counter({f"{k}:sms": 1 for k in keys})
    assert emails == Counter({f"{k}:email": 1 for k in keys})
    assert Notification.objects.filter(recipient=matters.cast.agency_b).count() == len(keys)
    assert OutboundMessage.objects.filter(status=MessageStatus.SENT).count() == 3 * len(keys)
    senders = {pid for _reference, pid, _to in _sms(tmp_path)}
    assert len(senders) == 3  # each of the three workers really sent some
    with capsys.disabled():
        print(f"\n[kill] {len(keys)} reminders × 3 channels, worker killed twice: each message sent once")


# ---------------------------------------------------------------- the citizens' receipts


def test_receipts_whose_worker_is_killed_while_sending_go_out_once(place, database_tasks, client, tmp_path, settings):
    settings.PORTAL_SUBMIT_PER_IP_HOUR = 100
    settings.PORTAL_SUBMIT_PER_PHONE_DAY = 100
    url = form_url(place)
    for n in range(4):
        data = {**fresh_form(client, url), **fields(phone=f"0912 345 67{n}", notify_by="sms")}
        assert client.post(url, data).status_code == 302
    petitions = list(Petition.objects.order_by("pk"))
    keys = [f"portal-receipt:{p.pk}:sms" for p in petitions]
    env = _env(tmp_path, SMS_DELAY="1")
    worker = start_worker(env, "--no-scheduler")
    wait_for(lambda: len(_sms(tmp_path)) == 1 and OutboundMessage.objects.filter(key=keys[1]).exists(),
             timeout=120, what="the second receipt being sent", process=worker)  # fmt: skip
    kill(worker)
    assert OutboundMessage.objects.get(key=keys[1]).status == MessageStatus.QUEUED
    # Ten minutes later (portal.notify.RETRY_AFTER) the scan of any worker sends what was left.
    OutboundMessage.objects.filter(key__in=keys).update(created_at=timezone.now() - timedelta(minutes=11))
    finish(start_worker(_env(tmp_path, SMS_DELAY="0")))
    sent = Counter(ref for ref, _pid, _to in _sms(tmp_path) if ref.startswith("portal-receipt:"))
    assert sent == Counter(dict.fromkeys(keys, 1))
    assert set(OutboundMessage.objects.filter(key__in=keys).values_list("status", flat=True)) == {MessageStatus.SENT}


# ---------------------------------------------------------------- the administrative units


# `manage.py load_admin_units` whose last step inside its transaction (the audit entry,
# written after every unit) first says so in a file and then waits to be killed: the kill
# lands after all 3,355 units are written and before the commit, however fast the machine.
# A fixed pause was not enough: on an idle machine the whole load took under a second.
LOAD_UNITS_THEN_HANG = """
import sys, time, django
from pathlib import Path
django.setup()
from dialogue.organisation import admin_units
def hang(**kwargs):
    Path(sys.argv[1]).write_text("inside")
    time.sleep(600)
admin_units.audit_record = hang
from django.core.management import call_command
call_command("load_admin_units")
"""


def test_loading_the_administrative_units_killed_inside_its_transaction_leaves_nothing_and_loads_once_again(tmp_path):
    from dialogue.organisation.kinds import ensure_builtin_kinds
    from dialogue.organisation.models import UnitKind

    ensure_builtin_kinds(UnitKind)  # a transactional test starts from an empty database
    env = {**_env(tmp_path), "DJANGO_SETTINGS_MODULE": "config.settings"}
    command = [sys.executable, "manage.py", "load_admin_units"]
    signal_file = tmp_path / "inside-the-transaction"
    loader = subprocess.Popen(
        [sys.executable, "-c", LOAD_UNITS_THEN_HANG, str(signal_file)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    wait_for(signal_file.exists, timeout=300, what="the loader's last step", process=loader)
    wait_for(writer_in_transaction, timeout=30, what="the open transaction", process=loader)  # none committed
    kill(loader)
    assert Unit.objects.count() == 0
    assert not AuditEntry.objects.filter(action="organisation.load_admin_units").exists()
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert Unit.objects.filter(kind__code="province").count() == 34
    assert Unit.objects.filter(kind__code="commune").count() == 3321
    assert Unit.objects.values("kind", "code").distinct().count() == Unit.objects.count()
    again = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0 and Unit.objects.count() == 34 + 3321
