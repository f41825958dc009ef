"""Uploaded files, checked before anything is written: the type is read from the bytes
(never the name), the size is measured in chunks, the stored name is safe and random.
Used by follow-up evidence (staff) and by the public portal (citizens' attachments)."""

from __future__ import annotations

import hashlib
import io
import re
import secrets
import zipfile
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from dialogue.core.errors import ServiceError
from dialogue.lib.text import fold, normalize_text

MSG_TOO_MANY_FILES = _("Attach at most %(n)s files at a time.")
MSG_FILE_TOO_BIG = _("“%(name)s” is larger than %(mb)s MB.")
MSG_FILE_EMPTY = _("“%(name)s” is empty.")
MSG_FILE_TYPE = _("“%(name)s” is not an accepted file: PDF, Word, Excel, OpenDocument or a JPEG, PNG or WebP picture.")

MAX_FILES = 10
MAX_FILE_MB = 20
MAX_FILE_BYTES = MAX_FILE_MB * 1024 * 1024


@dataclass
class CheckedFile:
    name: str  # shown and offered on download
    stored_name: str
    upload: object  # the uploaded file, read in chunks (never whole in memory)
    size: int
    content_type: str
    sha256: str


_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _utf16(text: str) -> bytes:
    return text.encode("utf-16-le")


def safe_upload_name(name: str) -> str:
    """A stored file name without path parts or odd characters; the original name is kept apart."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    stem, dot, ext = base.rpartition(".")
    if not dot:
        stem, ext = base, ""
    stem = re.sub(r"[^a-z0-9]+", "-", fold(stem)).strip("-")[:60] or "tep"
    ext = re.sub(r"[^a-z0-9]", "", ext.lower())[:8]
    return f"{stem}.{ext}" if ext else stem


def sniff(content: bytes, name: str = "") -> tuple[str, str] | None:
    """(content type, extension) of an accepted file, from its bytes, not its name."""
    head = content[:16]
    if content[:1024].lstrip().startswith(b"%PDF-"):
        return "application/pdf", "pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg", "jpg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png", "png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp", "webp"
    if head.startswith(_OLE):
        if _utf16("WordDocument") in content:
            return "application/msword", "doc"
        if _utf16("Workbook") in content or _utf16("Book\x00") in content:
            return "application/vnd.ms-excel", "xls"
        return None
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(io.BytesIO(content))
    return None


def _sniff_zip(handle) -> tuple[str, str] | None:
    """DOCX, XLSX, ODT or ODS by the parts inside the archive."""
    try:
        with zipfile.ZipFile(handle) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"
            if "xl/workbook.xml" in names:
                return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"
            if "mimetype" in names:
                kind = archive.read("mimetype").strip()
                if kind == b"application/vnd.oasis.opendocument.text":
                    return kind.decode(), "odt"
                if kind == b"application/vnd.oasis.opendocument.spreadsheet":
                    return kind.decode(), "ods"
    except Exception:  # a damaged archive fails in many ways: version, compression, encryption, CRC
        return None
    return None


def _sniff_upload(upload, max_bytes: int) -> tuple[str, str] | None:
    """Sniff an upload reading only what is needed: the first bytes, the archive's
    directory, or (an old Office file, whose stream names may lie anywhere) the file."""
    upload.seek(0)
    head = upload.read(8192)
    if head.startswith(b"PK\x03\x04"):
        upload.seek(0)
        return _sniff_zip(upload)
    if head.startswith(_OLE):
        upload.seek(0)
        return sniff(upload.read(max_bytes))
    return sniff(head)


def _measure(upload, max_bytes: int) -> tuple[int, str]:
    """Size and SHA-256, in chunks; stops past the limit."""
    digest, size = hashlib.sha256(), 0
    upload.seek(0)
    chunks = upload.chunks() if hasattr(upload, "chunks") else iter(lambda: upload.read(65536), b"")
    for chunk in chunks:
        size += len(chunk)
        if size > max_bytes:
            break
        digest.update(chunk)
    upload.seek(0)
    return size, digest.hexdigest()


# The accepted kinds by extension, to serve a stored file as what it is; anything else
# (an older upload named .html, say) goes out as bytes to save, never as a page.
DOWNLOAD_TYPES = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
    "doc": "application/msword",
    "xls": "application/vnd.ms-excel",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}


def download_type(name: str) -> str:
    """The content type a stored upload is served with: an accepted kind by its
    extension, else application/octet-stream (never text/html)."""
    extension = (name or "").rsplit(".", 1)[-1].lower() if "." in (name or "") else ""
    return DOWNLOAD_TYPES.get(extension, "application/octet-stream")


def check_files(files, *, max_files: int = MAX_FILES, max_mb: int | None = None) -> list[CheckedFile]:
    """Read and check uploads before anything is written: at most `max_files` files of
    `max_mb` MB, each a PDF, Word, Excel, OpenDocument file or a JPEG/PNG/WebP picture by
    its content (a renamed program is refused whatever its name)."""
    if max_mb is None:
        max_mb, max_bytes = MAX_FILE_MB, MAX_FILE_BYTES
    else:
        max_bytes = max_mb * 1024 * 1024
    files = [f for f in (files or []) if f]
    if len(files) > max_files:
        raise ServiceError(MSG_TOO_MANY_FILES % {"n": max_files}, field="files")
    checked = []
    for upload in files:
        # No path parts, and no control or direction-changing characters (“\u202egpj.exe”).
        raw_name = "".join(c for c in normalize_text(getattr(upload, "name", "") or "tep") if c.isprintable())
        raw_name = raw_name.replace("/", "-").replace("\\", "-")
        shown = raw_name.rsplit("/", 1)[-1][:200] or "tep"
        size = getattr(upload, "size", None)
        if size is not None and size > max_bytes:
            raise ServiceError(MSG_FILE_TOO_BIG % {"name": shown, "mb": max_mb}, field="files")
        size, sha256 = _measure(upload, max_bytes)
        if size > max_bytes:
            raise ServiceError(MSG_FILE_TOO_BIG % {"name": shown, "mb": max_mb}, field="files")
        if not size:
            raise ServiceError(MSG_FILE_EMPTY % {"name": shown}, field="files")
        found = _sniff_upload(upload, max_bytes)
        if found is None:
            raise ServiceError(MSG_FILE_TYPE % {"name": shown}, field="files")
        content_type, extension = found
        stem = shown.rsplit(".", 1)[0] if "." in shown else shown
        shown = f"{stem}.{extension}"
        stored = f"{secrets.token_hex(8)}-{safe_upload_name(shown)}"
        checked.append(CheckedFile(shown, stored, upload, size, content_type, sha256))
    return checked
