"""The Excel import runs in the worker: checked with progress, started by the person,
written in one transaction; a crash or a killed worker leaves nothing behind."""

import io
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone
from openpyxl import Workbook

from dialogue.core.errors import ServiceError
from dialogue.petitions import imports, services
from dialogue.petitions.models import Channel, ImportBatch, ImportStatus, Petition

HEADER = ["STT", "Họ và tên", "Số điện thoại", "Địa chỉ", "Chức vụ", "Nội dung ý kiến, kiến nghị", "Kênh tiếp nhận"]
ROOT = Path(__file__).resolve().parent.parent


def workbook(rows) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def rows(n: int, start: int = 0):
    return [
        [i + 1, f"Nguyễn Văn {i}", f"09{i:08d}", "thôn Nà Đon", None,
         f"Đề nghị sửa chữa đoạn đường số {i} vào thôn Nà Đon, mặt đường xuống cấp.", "Phiếu ý kiến"]
        for i in range(start, start + n)
    ]  # fmt: skip


def upload(cast, data: bytes, name: str = "danh-sach.xlsx") -> ImportBatch:
    return imports.import_upload(
        actor=cast.province_officer,
        data=data,
        file_name=name,
        receiving_unit=cast.tree.tinh_uy,
        conference=None,
        default_channel=Channel.MTTQ,
    )


@pytest.mark.django_db
def test_a_checked_file_reports_its_rows_and_writes_nothing(cast):
    batch = upload(cast, workbook([*rows(3), [4, "Hà Thị Mai", "12345", "", None, "Đề nghị hỗ trợ giống cây.", ""]]))
    batch.refresh_from_db()
    assert batch.status == ImportStatus.CHECKED
    assert (batch.rows_total, batch.rows_valid, batch.rows_invalid) == (4, 3, 1)
    assert [row["row"] for row in batch.report["rows"]] == [5, 2, 3, 4]  # the row with an error first
    assert "Số điện thoại" in batch.report["rows"][0]["errors"][0]
    assert (batch.progress_done, batch.progress_total) == (4, 4)
    assert not Petition.objects.exists()


@pytest.mark.django_db
def test_the_same_file_uploaded_twice_while_waiting_is_one_import(cast):
    data = workbook(rows(2))
    first = upload(cast, data)
    second = upload(cast, data)
    assert first.pk == second.pk and ImportBatch.objects.count() == 1


@pytest.mark.django_db
def test_the_import_is_refused_to_a_person_of_another_unit(cast):
    batch = upload(cast, workbook(rows(2)))
    batch.refresh_from_db()
    with pytest.raises(ServiceError) as refused:
        imports.import_start(actor=cast.agency_b, batch=batch, only_valid=False)
    assert refused.value.message == imports.MSG_NOT_ALLOWED
    with pytest.raises(ServiceError):
        imports.import_upload(
            actor=cast.outsider, data=workbook(rows(1)), file_name="x.xlsx", receiving_unit=cast.tree.tinh_uy,
            conference=None, default_channel=Channel.MTTQ,
        )  # fmt: skip
    assert not Petition.objects.exists()


@pytest.mark.django_db
def test_a_large_file_reports_its_progress_while_rows_are_prepared(cast, monkeypatch):
    seen = []
    real = imports._progress

    def spy(pk, done, total):
        seen.append((done, total))
        real(pk, done, total)

    monkeypatch.setattr(imports, "_progress", spy)
    batch = upload(cast, workbook(rows(1200)))
    batch.refresh_from_db()
    checking = list(seen)
    assert checking and checking[-1][0] >= 1000  # the check reported while reading
    seen.clear()
    imports.import_start(actor=cast.province_officer, batch=batch, only_valid=False)
    batch.refresh_from_db()
    assert batch.status == ImportStatus.DONE and batch.rows_created == 1200
    assert [done for done, _ in seen][:3] == [0, 100, 200]
    assert seen[-1] == (1200, 1200)
    assert Petition.objects.count() == 1200


@pytest.mark.django_db
def test_a_crash_while_writing_leaves_nothing_and_the_import_can_be_started_again(cast, monkeypatch):
    batch = upload(cast, workbook(rows(30)))
    batch.refresh_from_db()
    calls = {"n": 0}
    real_store = imports.petition_store

    def failing_store(**kwargs):
        calls["n"] += 1
        if calls["n"] == 20:
            raise RuntimeError("disk full")
        return real_store(**kwargs)

    monkeypatch.setattr(imports, "petition_store", failing_store)
    imports.import_start(actor=cast.province_officer, batch=batch, only_valid=False)
    batch.refresh_from_db()
    assert batch.status == ImportStatus.FAILED
    assert batch.error == str(imports.MSG_CRASHED)
    assert not Petition.objects.exists()
    monkeypatch.setattr(imports, "petition_store", real_store)
    imports.import_restart(actor=cast.province_officer, batch=batch)
    batch.refresh_from_db()
    assert batch.status == ImportStatus.DONE and Petition.objects.count() == 30


@pytest.mark.django_db
def test_an_import_whose_worker_was_killed_is_started_again_and_writes_each_row_once(cast, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    batch = upload(cast, workbook(rows(5)))
    imports.import_check(batch_id=batch.pk)
    batch.refresh_from_db()
    imports.import_start(actor=cast.province_officer, batch=batch, only_valid=False)
    batch.refresh_from_db()
    # A worker took it and was killed: the status says importing, nothing was written.
    batch = imports._move(batch, ImportStatus.IMPORTING)
    with pytest.raises(ServiceError):
        imports.import_start(actor=cast.province_officer, batch=batch, only_valid=False)
    assert not imports.import_is_stale(batch)
    ImportBatch.objects.filter(pk=batch.pk).update(updated_at=timezone.now() - timedelta(minutes=4))
    batch.refresh_from_db()
    assert imports.import_is_stale(batch)
    imports.import_restart(actor=cast.province_officer, batch=batch)
    imports.import_run(batch_id=batch.pk)
    imports.import_run(batch_id=batch.pk)  # the task queued first comes too: it finds nothing to do
    batch.refresh_from_db()
    assert batch.status == ImportStatus.DONE and Petition.objects.count() == 5


@pytest.mark.django_db
def test_a_row_refused_by_intake_fails_the_whole_import_with_its_row_number(cast, monkeypatch):
    batch = upload(cast, workbook(rows(3)))
    batch.refresh_from_db()
    real = imports.petition_prepare

    def refuse_third(**kwargs):
        if kwargs["import_row"] == 4:
            raise ServiceError(services.MSG_RECEIVED_FUTURE)
        return real(**kwargs)

    monkeypatch.setattr(imports, "petition_prepare", refuse_third)
    imports.import_start(actor=cast.province_officer, batch=batch, only_valid=False)
    batch.refresh_from_db()
    assert batch.status == ImportStatus.FAILED
    assert batch.error.startswith("Dòng 4: ") and batch.error.endswith("Chưa nhập dòng nào.")
    assert not Petition.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_the_real_worker_process_checks_and_imports_a_file(cast, settings, tmp_path):
    """`manage.py db_worker` in its own process takes the queued tasks from the database."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    batch = upload(cast, workbook(rows(40)))
    assert ImportBatch.objects.get(pk=batch.pk).status == ImportStatus.CHECKING
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        url = f"sqlite:///{db['NAME']}"
    else:
        url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    env = {**os.environ, "DEBUG": "true", "DATABASE_URL": url, "MEDIA_ROOT": str(settings.MEDIA_ROOT)}
    env.pop("TASKS_BACKEND", None)

    def run_worker():
        done = subprocess.run(
            [sys.executable, "manage.py", "db_worker", "--batch", "--interval", "0"],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr[-2000:]

    run_worker()
    batch.refresh_from_db()
    assert batch.status == ImportStatus.CHECKED and batch.rows_valid == 40
    imports.import_start(actor=cast.province_officer, batch=batch, only_valid=False)
    run_worker()
    batch.refresh_from_db()
    assert batch.status == ImportStatus.DONE and batch.rows_created == 40
    assert Petition.objects.filter(import_batch=batch).count() == 40
