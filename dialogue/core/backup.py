"""Backups of the database and the uploaded files, and their exact restoration.

A backup is one tar file under `BACKUP_DIR` (default var/backups/):

    MANIFEST.json        engine, time, the last migration of each app, and the SHA-256
                         and size of every other member
    database.sqlite3     SQLite: a consistent copy made with SQLite's online backup API
    database.pgdump      PostgreSQL: `pg_dump --format=custom` (restored with pg_restore)
    media/…              every uploaded file (evidence, attachments, dossiers…)

Restoring checks every hash first and refuses a backup of another engine or one that is
damaged; only then does it replace the database and the uploaded files. The files are
unpacked beside MEDIA_ROOT and swapped in with renames, so a failure half-way leaves the
previous files in place.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = 1


class BackupError(Exception):
    pass


@dataclass
class BackupResult:
    path: Path
    files: int
    size: int


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _engine(alias: str = "default") -> str:
    engine = settings.DATABASES[alias]["ENGINE"]
    if engine.endswith("sqlite3"):
        return "sqlite"
    if engine.endswith("postgresql"):
        return "postgresql"
    raise BackupError(f"Unsupported database engine: {engine}")


def _tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise BackupError(f"{name} is not installed (PostgreSQL client tools are needed for a PostgreSQL backup).")
    return found


def _pg_env(alias: str = "default") -> tuple[list[str], dict]:
    db = settings.DATABASES[alias]
    args = ["--host", db.get("HOST") or "localhost", "--port", str(db.get("PORT") or 5432)]
    if db.get("USER"):
        args += ["--username", db["USER"]]
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return args, env


def _dump_database(target: Path, alias: str = "default") -> str:
    engine = _engine(alias)
    if engine == "sqlite":
        dest = target / "database.sqlite3"
        source = sqlite3.connect(str(settings.DATABASES[alias]["NAME"]))
        try:
            out = sqlite3.connect(str(dest))
            with out:
                source.backup(out)
            out.close()
        finally:
            source.close()
        return dest.name
    args, env = _pg_env(alias)
    dest = target / "database.pgdump"
    name = settings.DATABASES[alias]["NAME"]
    subprocess.run(  # noqa: S603
        [_tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges", *args, "--file", str(dest), name],
        check=True,
        env=env,
        capture_output=True,
    )
    return dest.name


def _migrations(alias: str = "default") -> dict[str, str]:
    latest: dict[str, str] = {}
    for app, name in (
        MigrationRecorder(connections[alias]).migration_qs.order_by("app", "name").values_list("app", "name")
    ):
        latest[app] = name
    return latest


def backup(directory: Path | None = None, alias: str = "default") -> BackupResult:
    """Write one backup file and return where it is."""
    directory = Path(directory or getattr(settings, "BACKUP_DIR", settings.BASE_DIR / "var" / "backups"))
    directory.mkdir(parents=True, exist_ok=True)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(dir=directory) as scratch:
        work = Path(scratch)
        members: dict[str, dict] = {}
        db_file = _dump_database(work, alias)
        members[db_file] = {"sha256": _sha256(work / db_file), "size": (work / db_file).stat().st_size}
        media_files = sorted(p for p in media_root.rglob("*") if p.is_file()) if media_root.exists() else []
        for path in media_files:
            rel = "media/" + path.relative_to(media_root).as_posix()
            members[rel] = {"sha256": _sha256(path), "size": path.stat().st_size}
        manifest = {
            "format": FORMAT,
            "engine": _engine(alias),
            "created_at": timezone.now().isoformat(),
            "migrations": _migrations(alias),
            "members": members,
        }
        (work / "MANIFEST.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
        partial = directory / f".doithoai-{stamp}.tar.part"
        with tarfile.open(partial, "w") as archive:
            archive.add(work / "MANIFEST.json", arcname="MANIFEST.json")
            archive.add(work / db_file, arcname=db_file)
            for path in media_files:
                archive.add(path, arcname="media/" + path.relative_to(media_root).as_posix())
        final = directory / f"doithoai-{stamp}.tar"
        counter = 1
        while final.exists():
            counter += 1
            final = directory / f"doithoai-{stamp}-{counter}.tar"
        os.replace(partial, final)
    return BackupResult(final, len(media_files), final.stat().st_size)


def _safe_members(archive: tarfile.TarFile) -> list[tarfile.TarInfo]:
    members = []
    for member in archive.getmembers():
        name = Path(member.name)
        if name.is_absolute() or ".." in name.parts or not (member.isfile() or member.isdir()):
            raise BackupError(f"Unsafe member in backup: {member.name}")
        members.append(member)
    return members


def verify(path: Path, scratch: Path) -> dict:
    """Unpack into `scratch` and check the manifest's hashes; return the manifest."""
    try:
        with tarfile.open(path, "r") as archive:
            archive.extractall(scratch, members=_safe_members(archive))  # noqa: S202 (members checked above)
    except (tarfile.TarError, OSError) as exc:
        raise BackupError(f"Cannot read the backup: {exc}") from exc
    manifest_path = scratch / "MANIFEST.json"
    if not manifest_path.exists():
        raise BackupError("The backup has no MANIFEST.json")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown backup format: {manifest.get('format')}")
    for name, info in manifest["members"].items():
        member = scratch / name
        if not member.is_file() or member.stat().st_size != info["size"] or _sha256(member) != info["sha256"]:
            raise BackupError(f"The backup is damaged: {name}")
    return manifest


def _restore_sqlite(source: Path, alias: str) -> None:
    name = Path(settings.DATABASES[alias]["NAME"])
    connections[alias].close()
    staged = name.with_name(name.name + ".restoring")
    shutil.copyfile(source, staged)
    for suffix in ("-wal", "-shm"):
        extra = name.with_name(name.name + suffix)
        if extra.exists():
            extra.unlink()
    os.replace(staged, name)


def _restore_postgresql(source: Path, alias: str) -> None:
    args, env = _pg_env(alias)
    name = settings.DATABASES[alias]["NAME"]
    # Drop and re-create the schema so the database holds exactly what was dumped.
    with connections[alias].cursor() as cursor:
        cursor.execute("DROP SCHEMA public CASCADE")
        cursor.execute("CREATE SCHEMA public")
    connections[alias].close()
    subprocess.run(  # noqa: S603
        [_tool("pg_restore"), "--no-owner", "--no-privileges", "--exit-on-error", *args, "--dbname", name, str(source)],
        check=True,
        env=env,
        capture_output=True,
    )


def _swap_media(unpacked: Path) -> None:
    media_root = Path(settings.MEDIA_ROOT)
    media_root.parent.mkdir(parents=True, exist_ok=True)
    incoming = media_root.with_name(media_root.name + ".restoring")
    if incoming.exists():
        shutil.rmtree(incoming)
    if unpacked.exists():
        shutil.copytree(unpacked, incoming)
    else:
        incoming.mkdir()
    old = media_root.with_name(media_root.name + ".before-restore")
    if old.exists():
        shutil.rmtree(old)
    if media_root.exists():
        os.replace(media_root, old)
    os.replace(incoming, media_root)
    if old.exists():
        shutil.rmtree(old)


def restore(path: Path, alias: str = "default") -> dict:
    """Replace the database and the uploaded files with those of the backup at `path`."""
    path = Path(path)
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        manifest = verify(path, work)
        engine = _engine(alias)
        if manifest["engine"] != engine:
            raise BackupError(f"The backup is of a {manifest['engine']} database; this site uses {engine}.")
        if engine == "sqlite":
            _restore_sqlite(work / "database.sqlite3", alias)
        else:
            _restore_postgresql(work / "database.pgdump", alias)
        _swap_media(work / "media")
    return manifest
