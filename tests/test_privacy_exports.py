"""Personal data in the documents that leave the screen (Law 91/2025/QH15): what
tests/test_portal_privacy.py does not cover.

- The Excel list of a conference's petitions and the conference dossier are internal
  records: they name the petitioners (never a telephone number), never one who asked
  to keep their identity from the answering agencies, and every download is logged.
- The periodic reports (DOCX and Excel) go to other bodies: a petitioner quoted in a
  summary appears as initials, without number, e-mail or street.
- The published conclusion notice, as stored and as archived in the dossier, is masked.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document
from openpyxl import load_workbook

from dialogue.dossier import services as dossier_services
from dialogue.dossier.models import DossierExport
from dialogue.lib.text import fold
from dialogue.organisation.factories import make_person
from dialogue.organisation.roles import Role
from dialogue.petitions.models import Petition, PetitionGroup
from dialogue.privacy.models import AccessView, ContactAccess
from dialogue.statistics import report_documents, reports
from dialogue.statistics.reports import report_period
from tests import test_portal_privacy, test_privacy

world = test_privacy.world
conference = test_privacy.conference
exposed = test_portal_privacy.exposed
portal = test_portal_privacy.portal
meeting = test_portal_privacy.meeting
KHUE, SANG, KIN = test_privacy.KHUE, test_privacy.SANG, test_privacy.KIN

pytestmark = pytest.mark.django_db


def numbers_in(text: str) -> list[str]:
    """Every Vietnamese mobile number in `text`, whatever its separators."""
    return re.findall(r"(?<!\d)(?:\+?84|0)[\s.\-]?(?:\d[\s.\-]?){8}\d(?!\d)", text)


def without_checksums(text: str) -> str:
    """`text` with every SHA-256 checksum (64 hexadecimal digits) taken out: a checksum is
    not personal data, but nearly one in a hundred holds a run of ten digits starting with
    0 that reads as a telephone number, and a dossier lists a checksum for every file."""
    return re.sub(r"(?<![0-9a-fA-F])[0-9a-fA-F]{64}(?![0-9a-fA-F])", "[sha256]", text)


def test_a_checksum_is_not_taken_for_a_number_but_a_number_beside_it_still_is():
    line = "   3f0081171448" + "a" * 52 + "  01-Ke-hoach/ke-hoach.docx"
    assert numbers_in(line) == ["0081171448"]
    assert numbers_in(without_checksums(line)) == []
    assert numbers_in(without_checksums(line + " 0912 345 678")) == ["0912 345 678"]


def workbook_text(data: bytes) -> str:
    book = load_workbook(io.BytesIO(data))
    return "\n".join(str(c.value) for sheet in book for row in sheet.iter_rows() for c in row if c.value is not None)


def docx_text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def person_in(text: str, person: dict) -> list[str]:
    """Forms of the person's data found in `text` (accents ignored)."""
    folded = fold(text)
    found = [key for key in ("name", "email") if key in person and fold(person[key]) in folded]
    if "address" in person and fold("Bến Tượng") in folded:
        found.append("street")
    digits = re.sub(r"\D", "", person["phone"])
    if digits in re.sub(r"[\s.\-]", "", text):
        found.append("phone")
    return found


# ---------------------------------------------------------------- the conference's Excel list


def test_the_excel_list_names_petitioners_but_never_a_protected_one_nor_a_number(world, login):
    url = reverse("petitions:conference_report", args=[world.conference.pk, "xlsx"])
    response = login(world.cast.province_officer).get(url)
    assert response.status_code == 200
    text = workbook_text(response.content)
    assert KHUE["name"] in text and SANG["name"] in text  # an internal record: names stay
    assert person_in(text, KIN) == []  # she asked that the agencies do not see who she is
    assert "Người kiến nghị đề nghị giữ bí mật danh tính" in text
    assert numbers_in(text) == []  # not even the number Khuê's form has in its text
    assert {e.petition_id for e in ContactAccess.objects.filter(view=AccessView.SYNTHESIS_WORKBOOK)} == {
        world.paper.pk,
        world.imported.pk,
        world.other.pk,
    }


def test_a_chair_who_may_not_see_a_protected_petitioner_gets_the_list_without_her(world, login):
    chair = make_person("chutri", "Hứa Văn Chủ", roles=[(Role.CHAIR, world.tree.province)])
    url = reverse("petitions:conference_report", args=[world.conference.pk, "xlsx"])
    response = login(chair).get(url)
    assert response.status_code == 200
    assert person_in(workbook_text(response.content), KIN) == []
    logged = {e.petition_id for e in ContactAccess.objects.filter(user=chair)}
    assert world.protected.pk not in logged and world.paper.pk in logged


def test_the_answering_agency_and_the_outsider_do_not_get_the_excel_list(world, login):
    url = reverse("petitions:conference_report", args=[world.conference.pk, "xlsx"])
    assert login(world.cast.agency_a).get(url).status_code == 404
    assert login(world.cast.outsider).get(url).status_code == 404
    assert not ContactAccess.objects.exists()


# ---------------------------------------------------------------- the dossier


def test_the_dossier_never_holds_a_protected_petitioner_nor_a_number_and_its_download_is_logged(world, login):
    officer = world.cast.province_officer
    export, _created = dossier_services.dossier_request(actor=officer, conference=world.conference)
    export = DossierExport.objects.get(pk=export.pk)
    assert export.status == "ready", export.error
    response = login(officer).get(reverse("dossier:download", args=[export.pk]))
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    texts = []
    for name in archive.namelist():
        data = archive.read(name)
        if name.endswith(".xlsx"):
            texts.append(workbook_text(data))
        elif name.endswith(".docx"):
            texts.append(docx_text(data))
        elif name.endswith(".txt"):
            texts.append(without_checksums(data.decode("utf-8-sig")))
    everything = "\n".join(texts)
    assert KHUE["name"] in everything  # the archive keeps the names of those who did not ask
    assert person_in(everything, KIN) == []
    assert numbers_in(everything) == []
    logged = ContactAccess.objects.filter(view=AccessView.DOSSIER)
    assert {e.petition_id for e in logged} == {world.paper.pk, world.imported.pk, world.other.pk}
    assert {e.user_id for e in logged} == {officer.pk}


def test_a_refused_download_of_the_dossier_logs_nothing(world, login):
    export, _created = dossier_services.dossier_request(actor=world.cast.province_officer, conference=world.conference)
    url = reverse("dossier:download", args=[export.pk])
    assert login(world.cast.agency_a).get(url).status_code == 404
    assert login(world.cast.outsider).get(url).status_code == 404
    assert not ContactAccess.objects.filter(view=AccessView.DOSSIER).exists()


# ---------------------------------------------------------------- the periodic reports


QUOTED = (
    f"Bà {KHUE['name']} (SĐT {KHUE['phone']}, {KHUE['email']}), {KHUE['address']} đề nghị nạo vét kênh mương; "
    f"{SANG['name']} cùng đề nghị."
)


def _report(world):
    today = timezone.localdate()
    # The reporting year runs from 15 December to 14 December.
    year = today.year + 1 if (today.month, today.day) >= (12, 15) else today.year
    content = reports.build_report(
        user=world.cast.province_officer, unit=world.tree.province, period=report_period("year", year), today=today
    )
    return content, report_documents.report_docx(content), report_documents.report_workbook(content)


def test_a_late_matter_in_the_periodic_report_names_no_petitioner(world):
    PetitionGroup.objects.filter(pk=world.group.pk).update(
        summary=QUOTED, due_date=timezone.localdate() - timedelta(days=10)
    )
    content, docx, xlsx = _report(world)
    assert [item.matter for item in content.late_items] == [
        "Bà Đ.T.K., thôn Nà Đon đề nghị nạo vét kênh mương; L.V.S. cùng đề nghị."
    ]
    for text in (docx_text(docx), workbook_text(xlsx)):
        assert person_in(text, KHUE) == [] and person_in(text, SANG) == []
    assert "Đ.T.K." in workbook_text(xlsx)  # the matter is there, masked


def test_a_matter_raised_before_in_the_periodic_report_names_no_petitioner(world):
    earlier = Petition.objects.create(
        receiving_unit=world.tree.tinh_uy,
        channel="paper_citizen",
        content="Kênh mương nội đồng thôn Nà Đon bị bồi lấp.",
        received_on=timezone.localdate() - timedelta(days=400),
        ack_due=timezone.localdate() - timedelta(days=390),
    )
    Petition.objects.filter(pk=world.paper.pk).update(repeat_of=earlier)
    PetitionGroup.objects.filter(pk=world.group.pk).update(summary=QUOTED, times_raised=2)
    content, docx, xlsx = _report(world)
    assert content.repeats and content.repeats[0].summary.startswith("Bà Đ.T.K.")
    report = docx_text(docx)
    assert "Đ.T.K." in report
    for text in (report, workbook_text(xlsx)):
        assert person_in(text, KHUE) == [] and person_in(text, SANG) == []


# ---------------------------------------------------------------- the published conclusion notice


def test_the_published_notice_is_masked_as_stored_and_as_archived(exposed, portal, login):
    held, online = exposed
    publication = held.conclusions.get().publication
    codes = [online.tracking_code, "DTQ4W8Z2N6MB"]
    assert publication.public_text and "N.T.H.M." in publication.public_text
    assert test_portal_privacy.leaks(publication.public_text, codes) == []
    officer = portal.meeting.officer
    export, _created = dossier_services.dossier_request(actor=officer, conference=held)
    export = DossierExport.objects.get(pk=export.pk)
    response = login(officer).get(reverse("dossier:download", args=[export.pk]))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    published = [n for n in archive.namelist() if n.endswith(".txt") and "Thông báo kết luận" in n]
    assert published, archive.namelist()
    text = archive.read(published[0]).decode("utf-8-sig")
    assert "N.T.H.M." in text and test_portal_privacy.leaks(text, codes) == []
