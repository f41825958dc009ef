"""Every door a file comes in by checks it by its content, its size and its name, and
every door it goes out by serves it as a download of what it is.

The doors (forms with a file field): an agency's answer with evidence (petitions), the
citizen's petition on the portal, follow-up progress and results, the higher level's
answer to a recommendation, a duty marked done in a plan, and the Excel import. Each is
tried, as the person allowed to use it, with a .docx that is really a web page, a .pdf
that is really a zip or a program, a zip no reader can open, a name with “../” and
control characters, and a file over the limit: the bad ones are refused with a
Vietnamese message and nothing is written; the oddly named one is kept under a safe
name. The downloads (every FileResponse) say `attachment`, `nosniff`, and a type that is
never text/html."""

from __future__ import annotations

import io
import re
import uuid
import zipfile
from html import unescape
from urllib.parse import unquote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from dialogue.core import uploads
from dialogue.core.models import AuditEntry
from dialogue.followup import escalation as esc
from dialogue.followup.models import Evidence, ProgressUpdate
from dialogue.petitions import excel
from dialogue.petitions import services as petition_services
from dialogue.petitions.models import Answer, Attachment, Channel, ImportBatch, ImportStatus, Petition, PetitionFile
from dialogue.plans import services as plan_services
from dialogue.plans.models import Task, TaskStatus
from tests import test_followup_escalation_fixtures as esc_fx
from tests import test_followup_fixtures as fx
from tests import test_portal_citizen as portal_fx
from tests.test_petitions_services import answered_group
from tests.test_petitions_services import conference as petitions_conference

meeting = esc_fx.meeting
world = esc_fx.world
followed = fx.followed
place = portal_fx.place
conference = petitions_conference

pytestmark = pytest.mark.django_db

PDF = fx.pdf_bytes("Cong van tra loi")
PNG = fx.png_bytes()


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


DOCX = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
# A zip whose directory asks for a version no reader supports: Python raises
# NotImplementedError, which must not become a server error.
FUTURE_ZIP = bytearray(DOCX)
_central = FUTURE_ZIP.index(b"PK\x01\x02")
FUTURE_ZIP[_central + 6 : _central + 8] = (100).to_bytes(2, "little")
FUTURE_ZIP = bytes(FUTURE_ZIP)

# (file name, content): each must be refused by its content whatever its name says.
BAD = [
    ("bien-ban.docx", b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"),
    ("cong-van.pdf", _zip({"payload.exe": b"MZ\x90\x00" + bytes(64), "readme.txt": b"hi"})),
    ("cong-van-2.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + bytes(400)),
    ("quyet-dinh.docx", FUTURE_ZIP),
]
# A real PDF under a name meant to escape the folder, hide its type and confuse the eye.
SNEAKY = "../../..\\windows\\x\x00\x1b[31m\u202efdp.html"


def vi(message) -> str:
    with translation.override("vi"):
        return str(message)


def vi_text(msgid: str) -> str:
    with translation.override("vi"):
        return translation.gettext(msgid)


def refused_type(name: str) -> str:
    return vi(uploads.MSG_FILE_TYPE % {"name": name})


def too_big(name: str, mb: int) -> str:
    return vi(uploads.MSG_FILE_TOO_BIG % {"name": name, "mb": mb})


def upload(name: str, data: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def oversize(name: str, mb: int) -> SimpleUploadedFile:
    return upload(name, b"%PDF-1.4\n" + b"0" * (mb * 1024 * 1024), "application/pdf")


def text_of(response) -> str:
    return unescape(re.sub(r"\s+", " ", response.content.decode()))


def assert_safe_download(response, content_type: str) -> str:
    """A download, never a page: attachment, nosniff, the type of what the file is; the
    name offered has no folder part and no control character. Returns the name."""
    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;"), disposition
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == content_type
    assert "html" not in response["Content-Type"]
    found = re.search(r"filename\*=utf-8''([^;]+)", disposition) or re.search(r'filename="([^"]*)"', disposition)
    name = unquote(found.group(1))
    assert "/" not in name and "\\" not in name and ".." not in name.split("-")[0]
    assert all(ch.isprintable() for ch in name), repr(name)
    return name


def assert_stored_safely(file_field) -> None:
    stored = file_field.name.rsplit("/", 1)[-1]
    assert re.fullmatch(r"[0-9a-f]{16}-[a-z0-9-]+\.[a-z0-9]+|[a-z0-9-]+(_[A-Za-z0-9]+)?\.[a-z0-9]+", stored), stored


# ---------------------------------------------------------------- an agency's answer


def _answer_post(client, group, files, text="Đã phê duyệt phương án bồi thường theo quyết định số 12/QĐ-UBND."):
    return client.post(reverse("petitions:answer_submit", args=[group.pk]), {"text": text, "files": files}, follow=True)


def _error_messages(response) -> list[str]:
    return [unescape(m) for m in re.findall(r'class="message message--error">(.*?)</p>', response.content.decode())]


def test_an_answer_refuses_a_page_a_zip_or_a_program_dressed_as_a_document(cast, conference, login):
    group = answered_group(cast, conference)
    client = login(cast.agency_a)
    for name, data in BAD:
        response = _answer_post(client, group, [upload(name, data)])
        assert _error_messages(response) == [refused_type(name)], name
    group.refresh_from_db()
    assert group.status == "assigned"
    assert not Answer.objects.exists() and not Attachment.objects.exists()


def test_an_answer_refuses_a_file_over_20_mb_and_more_than_ten_files(cast, conference, login):
    group = answered_group(cast, conference)
    client = login(cast.agency_a)
    response = _answer_post(client, group, [oversize("ho-so.pdf", 20)])
    assert _error_messages(response) == [too_big("ho-so.pdf", 20)]
    response = _answer_post(client, group, [upload(f"anh-{n}.png", PNG) for n in range(11)])
    assert _error_messages(response) == [vi(uploads.MSG_TOO_MANY_FILES % {"n": 10})]
    assert not Answer.objects.exists() and not Attachment.objects.exists()


def test_an_answers_file_keeps_the_name_its_content_proves_and_downloads_safely(cast, conference, login):
    group = answered_group(cast, conference)
    client = login(cast.agency_a)
    files = [upload(SNEAKY, PDF), upload("to-trinh.pdf", DOCX), upload("trang.html", PDF)]
    response = _answer_post(client, group, files)
    assert not _error_messages(response)
    names = sorted(Attachment.objects.values_list("name", flat=True))
    # Django keeps only the last part of a path; the control and direction marks go; the
    # extension follows the content (a Word file named .pdf, a PDF named .html).
    assert names == ["to-trinh.docx", "trang.pdf", "x[31mfdp.pdf"]
    types = {"to-trinh.docx": uploads.DOWNLOAD_TYPES["docx"], "trang.pdf": "application/pdf"}
    for attachment in Attachment.objects.all():
        assert_stored_safely(attachment.file)
        download = client.get(reverse("petitions:attachment_download", args=[attachment.pk]))
        offered = assert_safe_download(download, types.get(attachment.name, "application/pdf"))
        assert offered == attachment.name
    # The outsider (another province) is refused the file.
    outsider = login(cast.outsider).get(reverse("petitions:attachment_download", args=[attachment.pk]))
    assert outsider.status_code == 404


def test_the_answer_service_itself_strips_control_characters_from_a_name(cast, conference):
    group = answered_group(cast, conference)
    answer = petition_services.answer_submit(
        actor=cast.agency_a,
        group=group,
        text="Đã phê duyệt phương án bồi thường.",
        files=[upload("bien\x00ban\x07\u202e.pdf", PDF)],
    )
    assert answer.attachments.get().name == "bienban.pdf"


# ---------------------------------------------------------------- the citizen's petition on the portal


def _portal_post(client, place, files):
    url = portal_fx.form_url(place)
    return client.post(url, {**portal_fx.fresh_form(client, url), **portal_fx.fields(), "files": files})


def test_the_portal_refuses_a_page_a_zip_or_a_program_dressed_as_a_document(place, client):
    for name, data in BAD:
        response = _portal_post(client, place, [upload(name, data)])
        assert response.status_code == 200
        assert refused_type(name) in text_of(response), name
    response = _portal_post(client, place, [oversize("ho-so.pdf", 10)])
    assert too_big("ho-so.pdf", 10) in text_of(response)
    assert not Petition.objects.exists() and not PetitionFile.objects.exists()
    assert not AuditEntry.objects.filter(action="petition.submit_public").exists()


def test_a_citizens_oddly_named_file_is_kept_safely_and_only_staff_download_it(place, client, login):
    response = _portal_post(client, place, [upload(SNEAKY, PDF), upload("anh.pdf", PNG)])
    assert response.status_code == 302
    files = {f.name: f for f in PetitionFile.objects.all()}
    assert sorted(files) == ["anh.png", "x[31mfdp.pdf"]
    staff = login(place.board)
    for item in files.values():
        assert_stored_safely(item.file)
        download = staff.get(reverse("petitions:petition_file", args=[item.pk]))
        assert assert_safe_download(download, item.content_type) == item.name
        assert download["Content-Type"] in ("application/pdf", "image/png")
    assert client.get(reverse("petitions:petition_file", args=[item.pk])).status_code == 302  # to sign in
    assert login(place.cast.outsider).get(reverse("petitions:petition_file", args=[item.pk])).status_code == 404


# ---------------------------------------------------------------- follow-up evidence


def _progress(client, item, files):
    item.refresh_from_db()
    data = {
        "progress-version": item.version,
        "progress-key": str(uuid.uuid4()),
        "progress-text": "Đã khảo sát hiện trường và lập dự toán nạo vét kênh.",
        "progress-files": files,
    }
    return client.post(reverse("followup:directive_act", args=[item.pk, "progress"]), data)


def test_follow_up_refuses_a_page_a_zip_or_a_program_dressed_as_a_document(followed, login):
    client = login(followed.cast.agency_a)
    for name, data in [*BAD, ("bao-cao.pdf", None)]:
        file = oversize(name, 20) if data is None else upload(name, data)
        response = _progress(client, followed.canal, [file])
        assert response.status_code == 400
        expected = too_big(name, 20) if data is None else refused_type(name)
        assert expected in text_of(response), name
    assert not ProgressUpdate.objects.exists() and not Evidence.objects.exists()


def test_follow_up_evidence_with_an_odd_name_is_kept_safely_and_downloads_as_a_file(followed, login):
    client = login(followed.cast.agency_a)
    assert _progress(client, followed.canal, [upload(SNEAKY, PDF), upload("anh.docx", PNG)]).status_code == 302
    evidence = {e.name: e for e in Evidence.objects.all()}
    assert sorted(evidence) == ["anh.png", "x[31mfdp.pdf"]
    for item in evidence.values():
        assert_stored_safely(item.file)
        download = client.get(reverse("followup:evidence", args=[item.pk]))
        assert assert_safe_download(download, item.content_type) == item.name
    assert login(followed.cast.outsider).get(reverse("followup:evidence", args=[item.pk])).status_code == 404


# ---------------------------------------------------------------- the higher level's answer


def _escalation_answer(client, escalation, files):
    return client.post(
        reverse("followup:escalation_answer", args=[escalation.pk]),
        {"version": escalation.version, "submission_key": str(uuid.uuid4()),
         "answer_text": "UBND tỉnh đã bố trí kinh phí nạo vét kênh trong năm 2027.", "files": files},
    )  # fmt: skip


def test_a_recommendations_answer_refuses_bad_files_and_keeps_an_odd_name_safely(world, login):
    escalation = esc.escalation_create(
        actor=world.board, item=world.canal, to_unit=world.tree.ubnd, request_text="Đề nghị UBND tỉnh hỗ trợ kinh phí."
    )
    client = login(world.office)
    for name, data in [*BAD, ("bao-cao.pdf", None)]:
        file = oversize(name, 20) if data is None else upload(name, data)
        response = _escalation_answer(client, escalation, [file])
        assert response.status_code == 400
        expected = too_big(name, 20) if data is None else refused_type(name)
        assert expected in text_of(response), name
    escalation.refresh_from_db()
    assert escalation.status == "pending" and not Evidence.objects.exists()
    assert _escalation_answer(client, escalation, [upload(SNEAKY, PDF)]).status_code == 302
    evidence = esc.answer_update(type(escalation).objects.get(pk=escalation.pk)).evidence.get()
    assert evidence.name == "x[31mfdp.pdf"
    assert_stored_safely(evidence.file)
    download = client.get(reverse("followup:escalation_evidence", args=[escalation.pk, evidence.pk]))
    assert assert_safe_download(download, "application/pdf") == evidence.name
    refused = login(world.cast.outsider).get(reverse("followup:escalation_evidence", args=[escalation.pk, evidence.pk]))
    assert refused.status_code == 404


# ---------------------------------------------------------------- a duty marked done


@pytest.fixture
def duty(cast):
    plan = plan_services.plan_create(actor=cast.province_officer, issuing_unit=cast.tree.tinh_uy, title="Kế hoạch")
    item = plan_services.responsibility_add(actor=cast.province_officer, plan=plan, unit=cast.tree.agency_a)
    return plan_services.task_add(
        actor=cast.province_officer, plan=plan, responsibility=item, description="Chuẩn bị báo cáo trả lời"
    )


def _task_post(client, task, file):
    return client.post(reverse("plans:task_detail", args=[task.pk]), {"note": "", "file": file})


def test_a_duty_refuses_a_page_a_zip_or_a_program_as_its_evidence(cast, duty, login):
    client = login(cast.agency_a)
    for name, data in [*BAD, ("bao-cao.pdf", None)]:
        file = oversize(name, 20) if data is None else upload(name, data)
        response = _task_post(client, duty, file)
        assert response.status_code == 200
        body = text_of(response)
        expected = too_big(name, 20) if data is None else refused_type(name)
        # Over 20 MB the form refuses it before the service reads it.
        assert (vi_text("The file is larger than 20 MB.") if data is None else expected) in body, name
    duty.refresh_from_db()
    assert duty.status == TaskStatus.OPEN and not duty.evidence
    assert not AuditEntry.objects.filter(action="task.complete").exists()


def test_a_dutys_evidence_with_an_odd_name_is_kept_safely_and_downloads_as_a_file(cast, duty, login):
    client = login(cast.agency_a)
    assert _task_post(client, duty, upload(SNEAKY, PDF)).status_code == 302
    duty.refresh_from_db()
    assert duty.status == TaskStatus.DONE and duty.evidence_name == "x[31mfdp.pdf"
    assert_stored_safely(duty.evidence)
    download = client.get(reverse("plans:task_file", args=[duty.pk]))
    assert assert_safe_download(download, "application/pdf") == duty.evidence_name
    assert login(cast.agency_b).get(reverse("plans:task_file", args=[duty.pk])).status_code == 404


def test_an_older_duty_file_named_like_a_page_is_still_served_as_bytes(cast, duty, login):
    # Written before files were checked: the name says .html; the download must not.
    Task.objects.filter(pk=duty.pk).update(status=TaskStatus.DONE, evidence_name="bao-cao.html")
    duty.refresh_from_db()
    duty.evidence.save("bao-cao.html", io.BytesIO(b"<script>alert(1)</script>"), save=True)
    download = login(cast.agency_a).get(reverse("plans:task_file", args=[duty.pk]))
    assert assert_safe_download(download, "application/octet-stream") == "bao-cao.html"


# ---------------------------------------------------------------- the Excel import


def _import(client, cast, name, data):
    return client.post(
        "/petitions/import/",
        {"receiving_unit": cast.tree.tinh_uy.pk, "channel": Channel.MTTQ, "file": upload(name, data)},
    )


def test_the_import_refuses_a_page_a_program_or_a_broken_zip_named_xlsx_and_writes_nothing(cast, login):
    client = login(cast.province_officer)
    cases = [
        ("danh-sach.xlsx", BAD[0][1], excel.MSG_NOT_XLSX),
        ("danh-sach-2.xlsx", BAD[1][1], excel.MSG_NOT_XLSX),
        ("danh-sach-3.xlsx", BAD[2][1], excel.MSG_NOT_XLSX),
        ("danh-sach-4.xlsx", _zip({"xl/workbook.xml": b"x"})[:-30], excel.MSG_DAMAGED),
        ("danh-sach-5.xlsx", FUTURE_ZIP.replace(b"word/document", b"xl/workbook.x"), excel.MSG_DAMAGED),
    ]
    for name, data, message in cases:
        response = _import(client, cast, name, data)
        assert response.status_code == 302, name
        batch = ImportBatch.objects.get(file_name=name)
        assert batch.status == ImportStatus.FAILED and batch.report["file_errors"] == [vi(message)], name
        assert vi(message) in text_of(client.get(response["Location"])), name
    too_large = _import(client, cast, "lon.xlsx", b"PK\x03\x04" + bytes(15 * 1024 * 1024))
    assert too_large.status_code == 200 and vi_text("The file is larger than 15 MB.") in text_of(too_large)
    assert not Petition.objects.exists()


def test_an_import_file_name_with_a_path_and_control_characters_is_kept_without_them(cast, login):
    client = login(cast.province_officer)
    response = _import(client, cast, "../../..\\x\x00\x1b\u202edanh-sach.xlsx", BAD[0][1])
    assert response.status_code == 302
    name = ImportBatch.objects.get().file_name
    assert "/" not in name and "\\" not in name and all(ch.isprintable() for ch in name), repr(name)


# ---------------------------------------------------------------- every download view is listed here


def test_every_file_download_view_of_the_project_is_one_this_file_checks():
    """A new FileResponse elsewhere must be added to these tests (or to this list, with why)."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "dialogue"
    found = set()
    for path in root.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"\n(?:def|    def) (\w+)\([^)]*\)[^:]*:(?:(?!\ndef ).)*?FileResponse\(", text, re.S):
            found.add(f"{path.relative_to(root.parent)}:{match.group(1)}")
    checked = {
        "dialogue/petitions/views.py:attachment_download",  # the answers' files, above
        "dialogue/petitions/views.py:petition_file_download",  # the citizens' files, above
        "dialogue/followup/views_tracking.py:evidence_response",  # follow-up and escalation evidence, above
        "dialogue/plans/views.py:task_file",  # a duty's evidence, above
        "dialogue/dossier/views.py:dossier_download",  # built by the worker, application/zip (test_dossier_views)
    }
    assert found == checked, found ^ checked
