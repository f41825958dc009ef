"""`make backup` and `make restore`: the database and the uploaded files come back exactly
(on the engine the suite runs on: SQLite, then PostgreSQL in the second pass)."""

import hashlib
import io
import tarfile
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from dialogue.core import backup as backups
from dialogue.organisation.factories import make_person, make_unit
from dialogue.organisation.kinds import ensure_builtin_kinds
from dialogue.organisation.models import Unit, UnitKind
from dialogue.organisation.roles import Role

pytestmark = pytest.mark.django_db(transaction=True)


def _database() -> str:
    out = io.StringIO()
    call_command("dumpdata", "--natural-foreign", "--indent", "0", stdout=out, exclude=["sessions"])
    return out.getvalue()


def _files(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def site(settings):
    ensure_builtin_kinds(UnitKind)
    province = make_unit("Tỉnh Thái Nguyên", "province", code="19")
    make_unit("Xã Cao Minh", "commune", province, code="01879")
    make_person("minh", "Trần Thị Minh", roles=[(Role.SYNTHESIS, province)])
    media = Path(settings.MEDIA_ROOT)
    (media / "evidence" / "2026" / "11").mkdir(parents=True)
    (media / "evidence" / "2026" / "11" / "biên-bản.pdf").write_bytes(b"%PDF-1.4 bien ban hien truong\n" * 50)
    (media / "petitions").mkdir()
    (media / "petitions" / "anh.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    return media


def test_a_backup_restores_the_database_and_the_uploaded_files_exactly(site, tmp_path):
    before_db, before_files = _database(), _files(site)
    result = backups.backup(tmp_path / "backups")
    assert result.path.exists() and result.files == 2

    # Life goes on: rows added and removed, a file deleted, another added.
    Unit.objects.filter(code="01879").delete()
    make_unit("Xã Gia Phúc", "commune", Unit.objects.get(code="19"), code="11050")
    (site / "petitions" / "anh.png").unlink()
    (site / "evidence" / "moi.pdf").write_bytes(b"%PDF-1.4 new")
    assert _database() != before_db

    manifest = backups.restore(result.path)
    assert manifest["engine"] == ("sqlite" if connection.vendor == "sqlite" else "postgresql")
    assert _database() == before_db
    assert _files(site) == before_files
    # The restored database keeps working: new rows get fresh ids, not ones already used.
    added = make_unit("Xã Gia Phúc", "commune", Unit.objects.get(code="19"), code="11050")
    assert added.pk > max(Unit.objects.exclude(pk=added.pk).values_list("pk", flat=True))


def test_a_damaged_backup_is_refused_and_changes_nothing(site, tmp_path):
    result = backups.backup(tmp_path / "backups")
    damaged = tmp_path / "damaged.tar"
    with tarfile.open(result.path) as source, tarfile.open(damaged, "w") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name.startswith("media/petitions/"):
                data = data[:-1] + b"X"
            target.addfile(member, io.BytesIO(data))
    make_unit("Xã Gia Phúc", "commune", Unit.objects.get(code="19"), code="11050")
    before_db, before_files = _database(), _files(site)
    with pytest.raises(backups.BackupError, match="damaged"):
        backups.restore(damaged)
    assert _database() == before_db and _files(site) == before_files


def test_a_backup_of_another_engine_is_refused(site, tmp_path, monkeypatch):
    result = backups.backup(tmp_path / "backups")
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    monkeypatch.setattr(backups, "_engine", lambda alias="default": other)
    with pytest.raises(backups.BackupError, match="database"):
        backups.restore(result.path)


def test_a_backup_with_a_path_outside_its_folder_is_refused(site, tmp_path):
    evil = tmp_path / "evil.tar"
    with tarfile.open(evil, "w") as archive:
        info = tarfile.TarInfo("../../etc/doithoai")
        info.size = 3
        archive.addfile(info, io.BytesIO(b"bad"))
    with pytest.raises(backups.BackupError, match="Unsafe"):
        backups.restore(evil)


def test_the_commands_write_and_read_the_backup(site, tmp_path):
    out = io.StringIO()
    call_command("backup", "--dir", str(tmp_path / "b"), stdout=out)
    path = Path(out.getvalue().split()[0])
    assert path.exists()
    out = io.StringIO()
    call_command("restore", str(path), "--yes", stdout=out)
    assert "Restored" in out.getvalue()
