"""The conference dossier: what the ZIP holds, its table of contents and checksums, a
failure mid-way, one build at a time. Runs on SQLite and PostgreSQL."""

import hashlib
import io
import re
import zipfile
from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils import timezone
from docx import Document
from openpyxl import load_workbook

from dialogue.core.models import AuditEntry
from dialogue.dossier import builders, services
from dialogue.dossier.models import DossierExport, DossierStatus
from dialogue.plans import services as plan_services
from tests import test_dossier_fixtures
from tests.test_dossier_fixtures import ATTACHMENT_BYTES, EVIDENCE_BYTES

meeting = test_dossier_fixtures.meeting
archived = test_dossier_fixtures.archived

pytestmark = pytest.mark.django_db

CONTENTS = "MUC-LUC.txt"
EXPECTED_FILES = {
    "01 Kế hoạch/Kế hoạch.docx",
    "01 Kế hoạch/Thông báo tổ chức hội nghị.docx",
    "01 Kế hoạch/Chương trình hội nghị.docx",
    "02 Giấy mời/Giấy mời 01 - Vũ Thị Lan.docx",
    "02 Giấy mời/Giấy mời 02 - Phạm Văn Hưng.docx",
    "02 Giấy mời/Giấy mời đoàn 01 - Đại biểu xã.docx",
    "02 Giấy mời/Giấy mời đoàn 02 - Nhân dân thôn Nà Đon.docx",
    "03 Điểm danh/Danh sách điểm danh.xlsx",
    "04 Ý kiến kiến nghị và trả lời/Báo cáo tổng hợp ý kiến kiến nghị.docx",
    "04 Ý kiến kiến nghị và trả lời/Danh sách ý kiến kiến nghị và trả lời.xlsx",
    "05 Biên bản/Biên bản hội nghị.docx",
    "05 Biên bản/Đính chính biên bản.xlsx",
    "06 Thông báo kết luận/Thông báo kết luận.docx",
    "06 Thông báo kết luận/Nội dung đã công khai.txt",
    "07 Theo dõi thực hiện/Lịch sử theo dõi thực hiện.xlsx",
    "07 Theo dõi thực hiện/Minh chứng/Nhiệm vụ 01/Ảnh hiện trường.jpg",
}
_CHECKSUM_LINE = re.compile(r"^\s+([0-9a-f]{64})  (.+)$")


def _build(person, conference):
    export, created = services.dossier_request(actor=person, conference=conference)
    assert created
    export.refresh_from_db()
    return export


def _zip(export) -> zipfile.ZipFile:
    with default_storage.open(export.file.name, "rb") as handle:
        return zipfile.ZipFile(io.BytesIO(handle.read()))


def _contents(archive: zipfile.ZipFile) -> str:
    return archive.read(CONTENTS).decode("utf-8-sig")


def _checksums(text: str) -> dict[str, str]:
    return {m.group(2): m.group(1) for m in map(_CHECKSUM_LINE.match, text.splitlines()) if m}


def _docx_text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def _sheet_values(data: bytes) -> dict[str, list[tuple]]:
    workbook = load_workbook(io.BytesIO(data))
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in workbook.worksheets}


def test_the_dossier_of_a_held_conference_holds_every_part_in_numbered_vietnamese_folders(archived):
    export = _build(archived.officer, archived.conference)
    assert export.status == DossierStatus.READY and export.error == ""
    archive = _zip(export)
    names = {n for n in archive.namelist() if not n.endswith("/")}
    assert names == EXPECTED_FILES | {
        CONTENTS,
        "04 Ý kiến kiến nghị và trả lời/Tài liệu kèm văn bản trả lời/Ý kiến 01/Quyết định cấp giống lúa.pdf",
    }
    assert export.file_count == len(names) - 1
    assert export.missing == []
    # The file stored is the one described: size and SHA-256.
    with default_storage.open(export.file.name, "rb") as handle:
        data = handle.read()
    assert export.size == len(data) and export.sha256 == hashlib.sha256(data).hexdigest()
    # Uploaded files are copied byte for byte.
    answers = "04 Ý kiến kiến nghị và trả lời/Tài liệu kèm văn bản trả lời/Ý kiến 01/Quyết định cấp giống lúa.pdf"
    assert archive.read(answers) == ATTACHMENT_BYTES
    assert archive.read("07 Theo dõi thực hiện/Minh chứng/Nhiệm vụ 01/Ảnh hiện trường.jpg") == EVIDENCE_BYTES


def test_every_docx_opens_with_python_docx_and_holds_its_document(archived):
    archive = _zip(_build(archived.officer, archived.conference))
    texts = {n: _docx_text(archive.read(n)) for n in archive.namelist() if n.endswith(".docx")}
    assert len(texts) == 10
    assert archived.plan.title in texts["01 Kế hoạch/Kế hoạch.docx"]
    assert "THÔNG BÁO" in texts["01 Kế hoạch/Thông báo tổ chức hội nghị.docx"]
    programme = texts["01 Kế hoạch/Chương trình hội nghị.docx"]
    assert "CHƯƠNG TRÌNH" in programme and "08h00 - 08h10:" in programme and "08h10 - 10h10:" in programme
    assert "Vũ Thị Lan" in texts["02 Giấy mời/Giấy mời 01 - Vũ Thị Lan.docx"]
    assert "Nhân dân thôn Nà Đon" in texts["02 Giấy mời/Giấy mời đoàn 02 - Nhân dân thôn Nà Đon.docx"]
    report = texts["04 Ý kiến kiến nghị và trả lời/Báo cáo tổng hợp ý kiến kiến nghị.docx"]
    assert "BÁO CÁO" in report and "nạo vét kênh mương" in report
    minutes = texts["05 Biên bản/Biên bản hội nghị.docx"]
    assert "BIÊN BẢN" in minutes and "Hội nghị kết thúc lúc 11 giờ 30 cùng ngày." in minutes
    notice = texts["06 Thông báo kết luận/Thông báo kết luận.docx"]
    assert "THÔNG BÁO KẾT LUẬN" in notice and archived.conclusion.number_label in notice


def test_every_excel_file_opens_with_openpyxl_and_lists_what_it_should(archived):
    archive = _zip(_build(archived.officer, archived.conference))
    attendance = _sheet_values(archive.read("03 Điểm danh/Danh sách điểm danh.xlsx"))
    assert list(attendance) == ["Điểm danh", "Theo thành phần"]
    rows = {row[2]: row for row in attendance["Điểm danh"][4:]}
    assert set(rows) == {"Vũ Thị Lan", "Phạm Văn Hưng", "Ông Lý Văn Tài"}
    assert rows["Vũ Thị Lan"][1] == "Đại biểu xã" and rows["Vũ Thị Lan"][5] == "Được mời"
    assert rows["Vũ Thị Lan"][7] == "Có mặt"
    archived.present.refresh_from_db()
    checked_in = timezone.localtime(archived.present.checked_in_at)
    assert rows["Vũ Thị Lan"][8] == checked_in.strftime("%d/%m/%Y %H:%M")
    assert rows["Ông Lý Văn Tài"][5] == "Không có giấy mời" and rows["Ông Lý Văn Tài"][7] == "Có mặt"
    assert rows["Phạm Văn Hưng"][7] in (None, "", "Vắng mặt") and rows["Phạm Văn Hưng"][8] in (None, "")
    by_delegation = attendance["Theo thành phần"]
    assert by_delegation[-1][1:] == ("Tổng cộng", None, 2, 2, 1)
    # Names, never telephone numbers.
    assert "0987654321" not in str(attendance)

    petitions = _sheet_values(archive.read("04 Ý kiến kiến nghị và trả lời/Danh sách ý kiến kiến nghị và trả lời.xlsx"))
    combined = petitions["Tổng hợp"][4:]
    assert len(combined) == 3
    assert any("Sở đã cấp 5 tấn giống lúa" in str(row[-1]) for row in combined)
    assert "0912345678" not in str(petitions)

    corrections = _sheet_values(archive.read("05 Biên bản/Đính chính biên bản.xlsx"))["Đính chính"][4:]
    assert corrections[0][4] == "Ghi đúng giờ kết thúc" and corrections[0][6] == archived.amendment.after
    assert corrections[0][5] == archived.amendment.before

    history = _sheet_values(archive.read("07 Theo dõi thực hiện/Lịch sử theo dõi thực hiện.xlsx"))
    assert list(history) == ["Nhiệm vụ được giao", "Ý kiến được theo dõi", "Diễn biến", "Kiến nghị cấp trên"]
    directives = history["Nhiệm vụ được giao"][4:]
    assert len(directives) == len(archived.directives)
    assert directives[0][6] == "Đang thực hiện" and directives[1][6] == "Đã giao"
    followed = history["Ý kiến được theo dõi"][4:]
    assert len(followed) == 1 and followed[0][4] == "Đang thực hiện" and followed[0][6] >= 1  # late in working days
    timeline = history["Diễn biến"][4:]
    assert [row[1] for row in timeline] == ["Nhiệm vụ 01", "Ý kiến 03"]
    assert timeline[0][8] == "Đã nạo vét 600 m kênh mương thôn Nà Đon."
    assert timeline[0][9] == "07 Theo dõi thực hiện/Minh chứng/Nhiệm vụ 01/Ảnh hiện trường.jpg"
    assert timeline[1][6] == "Ma Thị Hạnh"
    escalations = history["Kiến nghị cấp trên"][4:]
    assert escalations[0][1] == "Nhiệm vụ 02" and escalations[0][3] == archived.tree.ubnd.name


def test_the_table_of_contents_lists_every_file_with_a_checksum_that_matches(archived):
    archive = _zip(_build(archived.officer, archived.conference))
    text = _contents(archive)
    assert text.startswith("MỤC LỤC HỒ SƠ HỘI NGHỊ")
    assert "Luật số 91/2025/QH15" in text
    sums = _checksums(text)
    files = {n for n in archive.namelist() if n != CONTENTS and not n.endswith("/")}
    assert set(sums) == files
    for name, digest in sums.items():
        assert hashlib.sha256(archive.read(name)).hexdigest() == digest, name
    for folder in ("01 KẾ HOẠCH", "02 GIẤY MỜI", "03 ĐIỂM DANH", "04 Ý KIẾN KIẾN NGHỊ VÀ TRẢ LỜI", "05 BIÊN BẢN"):
        assert folder in text
    assert "Tổng cộng: 17 tệp" in text and "0 phần chưa có." in text


def test_parts_the_conference_does_not_have_yet_are_listed_as_not_yet_available(meeting):
    bare = plan_services.conference_create(
        actor=meeting.officer,
        plan=meeting.plan,
        host_unit=meeting.tree.commune,
        title="Hội nghị đối thoại với Nhân dân thôn Nà Đon lần 2",
        date=timezone.localdate() + timedelta(days=30),
    )
    export = _build(meeting.officer, bare)
    assert export.status == DossierStatus.READY
    archive = _zip(export)
    assert set(archive.namelist()) == {
        CONTENTS,
        "01 Kế hoạch/Kế hoạch.docx",
        "01 Kế hoạch/Thông báo tổ chức hội nghị.docx",
    }
    text = _contents(archive)
    for line in (
        "3. Chương trình hội nghị: chưa có",
        "1. Giấy mời: chưa có",
        "1. Biên bản hội nghị: chưa có",
        "1. Thông báo kết luận: chưa có",
        "07 THEO DÕI THỰC HIỆN",
    ):
        assert line in text
    assert "10 phần chưa có." in text
    assert len(export.missing) == 10 and "05 Biên bản: Biên bản hội nghị" in export.missing


def test_a_draft_conclusion_is_not_archived_as_if_it_were_issued(meeting):
    from dialogue.conclusions import services as conclusion_services

    conclusion_services.conclusion_draft(actor=meeting.officer, conference=meeting.conference)
    text = _contents(_zip(_build(meeting.officer, meeting.conference)))
    assert "1. Thông báo kết luận: chưa ban hành (dự thảo)" in text


def test_a_failure_midway_leaves_a_failed_export_with_a_vietnamese_message_and_no_file(
    archived, monkeypatch, settings, tmp_path
):
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(temp))

    def broken(minutes):
        raise RuntimeError("disk full")

    monkeypatch.setattr(builders.minutes_documents, "minutes_docx", broken)
    export = _build(archived.officer, archived.conference)
    assert export.status == DossierStatus.FAILED
    assert export.error == (
        "Không lập được hồ sơ (ở bước “05 Biên bản”): đã xảy ra lỗi ngoài dự kiến; nếu lỗi lặp lại, "
        "hãy báo cho quản trị viên. Không có tệp nào được lưu; hãy lập lại hồ sơ."
    )
    assert not export.file and export.size == 0 and export.sha256 == ""
    assert not (tmp_path / "media" / "dossiers").exists() or not any((tmp_path / "media" / "dossiers").rglob("*.*"))
    assert list(temp.iterdir()) == []
    assert AuditEntry.objects.filter(action="dossier.build_failed", target_id=str(export.pk)).exists()
    assert not AuditEntry.objects.filter(action="dossier.build").exists()
    # The next request builds again.
    monkeypatch.undo()
    again = _build(archived.officer, archived.conference)
    assert again.pk != export.pk and again.status == DossierStatus.READY


def test_a_file_that_cannot_be_stored_leaves_no_half_file_either(archived, monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("no space left on device")

    monkeypatch.setattr(default_storage, "save", refuse)
    export = _build(archived.officer, archived.conference)
    assert export.status == DossierStatus.FAILED and not export.file
    assert export.error.startswith("Không lập được hồ sơ (ở bước “Lưu tệp hồ sơ”)")


def test_a_double_click_queues_one_build(archived, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    first, created = services.dossier_request(actor=archived.officer, conference=archived.conference)
    second, created_again = services.dossier_request(actor=archived.officer, conference=archived.conference)
    other, by_another = services.dossier_request(actor=archived.cast.province_officer, conference=archived.conference)
    assert created and not created_again and not by_another
    assert first.pk == second.pk == other.pk and first.status == DossierStatus.QUEUED
    assert DossierExport.objects.count() == 1
    assert AuditEntry.objects.filter(action="dossier.request").count() == 1


def test_the_database_refuses_a_second_active_build_of_the_same_conference(archived):
    DossierExport.objects.create(conference=archived.conference, status=DossierStatus.QUEUED)
    with pytest.raises(IntegrityError), transaction.atomic():
        DossierExport.objects.create(conference=archived.conference, status=DossierStatus.BUILDING)
    # Finished builds do not count.
    DossierExport.objects.create(conference=archived.conference, status=DossierStatus.READY)
    DossierExport.objects.create(conference=archived.conference, status=DossierStatus.FAILED)


def test_a_build_whose_worker_stopped_is_marked_failed_and_a_new_one_is_queued(archived, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    stuck, _ = services.dossier_request(actor=archived.officer, conference=archived.conference)
    DossierExport.objects.filter(pk=stuck.pk).update(
        status=DossierStatus.BUILDING, updated_at=timezone.now() - services.STALE_AFTER - timedelta(seconds=1)
    )
    fresh, created = services.dossier_request(actor=archived.officer, conference=archived.conference)
    stuck.refresh_from_db()
    assert created and fresh.pk != stuck.pk
    assert stuck.status == DossierStatus.FAILED and "bị gián đoạn" in stuck.error
    # A worker that wakes up late does not build the failed export.
    assert services.dossier_build(export_id=stuck.pk).status == DossierStatus.FAILED


def test_the_worker_builds_a_queued_export_once(archived, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    export, _ = services.dossier_request(actor=archived.officer, conference=archived.conference)
    built = services.dossier_build(export_id=export.pk)
    assert built.status == DossierStatus.READY
    name = built.file.name
    again = services.dossier_build(export_id=export.pk)
    assert again.file.name == name
    assert AuditEntry.objects.filter(action="dossier.build").count() == 1


def test_an_evidence_file_missing_from_the_server_is_noted_in_the_table_of_contents(archived):
    archived.evidence.file.storage.delete(archived.evidence.file.name)
    export = _build(archived.officer, archived.conference)
    assert export.status == DossierStatus.READY
    text = _contents(_zip(export))
    assert re.search(r"Nhiệm vụ 01: minh chứng ngày [0-9/]+, Ảnh hiện trường.jpg: tệp không còn trên máy chủ", text)


def test_an_evidence_file_changed_since_upload_is_flagged_in_the_table_of_contents(archived):
    with archived.evidence.file.storage.open(archived.evidence.file.name, "wb") as handle:
        handle.write(b"changed")
    text = _contents(_zip(_build(archived.officer, archived.conference)))
    assert "[tệp khác với tệp đã tải lên (mã SHA-256 không khớp)]" in text


def test_the_download_name_is_ascii_with_the_host_unit_and_the_date(archived):
    export = _build(archived.officer, archived.conference)
    day = archived.conference.date
    assert services.download_name(export) == f"ho-so-hoi-nghi-xa-cao-minh-{day:%d-%m-%Y}.zip"


def test_safe_names_keep_vietnamese_and_drop_what_systems_refuse():
    assert builders.safe_name("Quyết định số 12/QĐ-UBND.PDF") == "Quyết định số 12-QĐ-UBND.pdf"
    assert builders.safe_name("..\\..\\etc/passwd") == "etc-passwd"
    assert builders.safe_name("a:b*c?.docx") == "a-b-c.docx"
    assert builders.safe_name("CON.txt") == "CON_.txt"
    assert builders.safe_name("") == "tep"
    assert len(builders.safe_name("x" * 300 + ".jpg")) == 104
