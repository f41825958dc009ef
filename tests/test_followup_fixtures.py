"""An issued conclusion notice whose directives are followed up, shared by the follow-up
tests (imported by them; it holds no test of its own).

Built on the held commune conference of `test_conclusions_fixtures.meeting`: the notice of
Đảng ủy xã Cao Minh gives agency A (Sở Nông nghiệp và Môi trường) the silted canal, with
agency B supporting, and agency B the landslide on the road to the fields. The province
officer (synthesis board over the province) reviews; the commune's supervisor only reads.
"""

import io
import struct
import zlib
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from dialogue.conclusions import services as conclusion_services
from tests import test_conclusions_fixtures

meeting = test_conclusions_fixtures.meeting


def png_bytes(width: int = 4, height: int = 3) -> bytes:
    """A real (tiny) PNG picture."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + b"\xc8\x20\x20" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def pdf_bytes(text: str = "Bien ban nghiem thu") -> bytes:
    """A real one-page PDF."""
    stream = f"BT /F1 14 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def photo(name: str = "hien-truong.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, png_bytes(), content_type="image/png")


def document(name: str = "bien-ban.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, pdf_bytes(), content_type="application/pdf")


@pytest.fixture
def followed(meeting):
    """The issued notice and its two directives, assigned."""
    draft = conclusion_services.conclusion_draft(actor=meeting.officer, conference=meeting.conference)
    approved = conclusion_services.conclusion_approve(actor=meeting.chair, conclusion=draft)
    conclusion = conclusion_services.conclusion_issue(
        actor=meeting.chair, conclusion=approved, issued_on=timezone.localdate()
    )
    directives = list(conclusion.directives.order_by("order"))
    canal = next(d for d in directives if d.group_id == meeting.open_group.pk)
    road = next(d for d in directives if d.speaker_request_id == meeting.committed.pk)
    cast = meeting.cast
    return SimpleNamespace(
        meeting=meeting,
        cast=cast,
        tree=meeting.tree,
        conclusion=conclusion,
        directives=directives,
        canal=canal,  # lead agency A, supporting agency B, from the open group
        road=road,  # lead agency B
        group=meeting.open_group,
        reviewer=cast.province_officer,
        supervisor=meeting.supervisor,
        chair=meeting.chair,
    )
