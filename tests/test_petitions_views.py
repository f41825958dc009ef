"""Petition pages: what each member of the cast may see and do."""

import io
import uuid
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import Workbook

from dialogue.core.models import AuditEntry
from dialogue.organisation.models import Level
from dialogue.petitions import services
from dialogue.petitions.models import Channel, Field, GroupStatus, ImportBatch, ImportStatus, Petition, PetitionGroup
from dialogue.plans import services as plan_services


@pytest.fixture
def setup(cast):
    officer = cast.province_officer
    plan = plan_services.plan_create(actor=officer, issuing_unit=cast.tree.tinh_uy, title="Kế hoạch đối thoại")
    conference = plan_services.conference_create(
        actor=officer, plan=plan, title="Hội nghị đối thoại", date=date(2026, 12, 17),
        scope_levels=[Level.CENTRAL, Level.PROVINCE],
    )  # fmt: skip
    petition = services.petition_receive(
        actor=officer, receiving_unit=cast.tree.tinh_uy, conference=conference, channel=Channel.PAPER_CITIZEN,
        content="Khu công nghiệp xả nước thải gây ô nhiễm suối Cốc, đề nghị tỉnh xử lý.", name="Nguyễn Văn Dân",
        phone="0912345678", received_on=date(2026, 11, 2),
    )  # fmt: skip
    twin = services.petition_receive(
        actor=officer, receiving_unit=cast.tree.tinh_uy, conference=conference, channel=Channel.SPOKEN,
        content="Nuoc thai khu cong nghiep lam o nhiem suoi Coc", received_on=date(2026, 11, 3),
    )  # fmt: skip
    group = services.group_create(actor=officer, petitions=[petition], summary="Ô nhiễm suối Cốc")
    services.group_assign(actor=officer, group=group, lead_unit=cast.tree.agency_a)
    return {
        "conference": conference,
        "petition": petition,
        "twin": twin,
        "group": PetitionGroup.objects.get(pk=group.pk),
    }


def _pages(s):
    return [
        reverse("petitions:petition_detail", args=[s["petition"].pk]),
        reverse("petitions:petition_update", args=[s["petition"].pk]),
        reverse("petitions:group_detail", args=[s["group"].pk]),
        reverse("petitions:conference_groups", args=[s["conference"].pk]),
        reverse("petitions:conference_report", args=[s["conference"].pk, "docx"]),
        reverse("petitions:conference_report", args=[s["conference"].pk, "xlsx"]),
        reverse("petitions:paper_form", args=[s["conference"].pk, "citizen", "docx"]),
    ]


def test_the_province_officer_opens_every_petition_page(cast, login, setup):
    client = login(cast.province_officer)
    for url in [*_pages(setup), reverse("petitions:petition_list"), reverse("petitions:import_upload")]:
        assert client.get(url).status_code == 200, url


def test_the_outsider_gets_not_found_on_every_petition_page(cast, login, setup):
    client = login(cast.outsider)
    for url in _pages(setup):
        assert client.get(url).status_code == 404, url
    body = client.get(reverse("petitions:petition_list")).content.decode()
    assert "suối Cốc" not in body


def test_agency_a_sees_the_group_it_must_answer_but_not_the_other_petitions(cast, login, setup):
    client = login(cast.agency_a)
    assert client.get(reverse("petitions:group_detail", args=[setup["group"].pk])).status_code == 200
    assert client.get(reverse("petitions:petition_detail", args=[setup["petition"].pk])).status_code == 200
    assert client.get(reverse("petitions:petition_detail", args=[setup["twin"].pk])).status_code == 404
    assert "Ô nhiễm suối Cốc" in client.get(reverse("petitions:inbox")).content.decode()


def test_agency_b_sees_nothing_of_agency_as_work(cast, login, setup):
    client = login(cast.agency_b)
    assert client.get(reverse("petitions:group_detail", args=[setup["group"].pk])).status_code == 404
    assert "suối Cốc" not in client.get(reverse("petitions:inbox")).content.decode()


def test_an_anonymous_visitor_is_sent_to_sign_in(client, setup):
    for url in [*_pages(setup), reverse("petitions:petition_list"), reverse("petitions:inbox")]:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url


def test_entering_a_citizens_form_twice_with_the_same_key_creates_one_petition(cast, login, setup):
    client = login(cast.province_officer)
    url = reverse("petitions:petition_create") + f"?kind=citizen&conference={setup['conference'].pk}"
    data = {
        "receiving_unit": cast.tree.tinh_uy.pk,
        "channel": Channel.PAPER_CITIZEN,
        "name": "Trần Thị Hoa",
        "phone": "0987 654 321",
        "address": "thôn Nà Đon",
        "content": "Đề nghị tỉnh đầu tư cầu qua suối Cốc cho học sinh đi học an toàn.",
        "received_on": "02/11/2026",
        "submission_key": str(uuid.uuid4()),
        "kind": "citizen",
        "conference": setup["conference"].pk,
    }
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302
    assert Petition.objects.filter(name="Trần Thị Hoa").count() == 1


def test_a_failed_save_keeps_what_was_typed(cast, login, setup):
    client = login(cast.province_officer)
    url = reverse("petitions:petition_create") + "?kind=citizen"
    data = {
        "receiving_unit": cast.tree.tinh_uy.pk,
        "channel": Channel.PAPER_CITIZEN,
        "phone": "12345",
        "content": "Đề nghị tỉnh đầu tư cầu qua suối Cốc cho học sinh.",
        "submission_key": str(uuid.uuid4()),
        "kind": "citizen",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Đề nghị tỉnh đầu tư cầu qua suối Cốc cho học sinh." in body and "không hợp lệ" in body


def test_agency_b_cannot_enter_petitions(cast, login):
    assert login(cast.agency_b).get(reverse("petitions:petition_create")).status_code == 403


def test_the_petition_page_suggests_a_field_and_shows_its_twin(cast, login, setup):
    body = login(cast.province_officer).get(reverse("petitions:petition_detail", args=[setup["twin"].pk])).content
    body = body.decode()
    assert "Tài nguyên, môi trường" in body  # moi_truong suggested
    assert "Khu công nghiệp xả nước thải" in body  # the twin listed as similar


def test_merging_from_the_list_and_assigning_answering_and_approving(cast, login, setup):
    officer = login(cast.province_officer)
    response = officer.post(reverse("petitions:group_add", args=[setup["group"].pk]), {"petitions": [setup["twin"].pk]})
    assert response.status_code == 302
    group = setup["group"]
    assert group.petitions.count() == 2
    agency = login(cast.agency_a)
    response = agency.post(
        reverse("petitions:answer_submit", args=[group.pk]),
        {"text": "Sở đã kiểm tra, yêu cầu doanh nghiệp khắc phục trước 30/12/2026."},
    )
    assert response.status_code == 302
    officer.post(reverse("petitions:answer_review", args=[group.pk]), {"decision": "approve", "comment": ""})
    group.refresh_from_db()
    assert group.status == GroupStatus.APPROVED


def test_the_refused_people_cannot_write(cast, login, setup):
    group, petition = setup["group"], setup["petition"]
    before = AuditEntry.objects.count()
    for person in (cast.outsider, cast.agency_b):
        client = login(person)
        assert client.post(reverse("petitions:answer_submit", args=[group.pk]), {"text": "x" * 20}).status_code == 404
        assert client.post(reverse("petitions:group_assign", args=[group.pk]), {}).status_code == 404
        assert client.post(reverse("petitions:petition_triage", args=[petition.pk]), {}).status_code == 404
        assert (
            client.post(reverse("petitions:answer_review", args=[group.pk]), {"decision": "approve"}).status_code == 404
        )
    agency = login(cast.agency_a)
    agency.post(reverse("petitions:answer_review", args=[group.pk]), {"decision": "approve"})
    assert agency.post(reverse("petitions:petition_triage", args=[petition.pk]), {}).status_code == 403
    assert AuditEntry.objects.count() == before


def _workbook(rows):
    book = Workbook()
    sheet = book.active
    sheet.append(["STT", "Họ và tên", "Số điện thoại", "Địa chỉ", "Nội dung ý kiến, kiến nghị"])
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    out.name = "danh-sach.xlsx"
    return out


def _upload(client, setup, cast, upload):
    return client.post(
        reverse("petitions:import_upload") + f"?conference={setup['conference'].pk}",
        {"receiving_unit": cast.tree.tinh_uy.pk, "channel": Channel.MTTQ, "file": upload,
         "conference": setup["conference"].pk},
    )  # fmt: skip


def test_an_import_with_a_bad_row_writes_nothing_until_the_valid_rows_are_chosen(cast, login, setup):
    client = login(cast.province_officer)
    upload = _workbook(
        [
            [1, "Lò Văn Páo", "0912000111", "thôn Nà Đon", "Đề nghị sửa chữa đường vào thôn Nà Đon."],
            [2, "Hà Thị Mai", "12345", "thôn Nà Đon", "Đề nghị hỗ trợ giống cây trồng sau lũ."],
        ]
    )
    count = Petition.objects.count()
    response = _upload(client, setup, cast, upload)
    assert response.status_code == 302
    batch = ImportBatch.objects.get()
    assert response["Location"] == reverse("petitions:import_detail", args=[batch.pk])
    assert batch.status == ImportStatus.CHECKED  # the worker checked it (tasks run at once in tests)
    page = client.get(response["Location"]).content.decode()
    assert "Số điện thoại" in page and "Dòng 3" in page
    assert Petition.objects.count() == count
    start = reverse("petitions:import_start", args=[batch.pk])
    client.post(start, {"mode": "all"})
    assert Petition.objects.count() == count  # refused: a row has errors
    batch.refresh_from_db()
    assert batch.status == ImportStatus.CHECKED
    client.post(start, {"mode": "valid"})
    assert Petition.objects.count() == count + 1
    batch.refresh_from_db()
    assert (batch.status, batch.rows_created, batch.rows_invalid) == (ImportStatus.DONE, 1, 1)
    page = client.get(reverse("petitions:import_detail", args=[batch.pk])).content.decode()
    assert "1 ý kiến mới" in page
    # Clicking again changes nothing.
    client.post(start, {"mode": "valid"})
    assert Petition.objects.count() == count + 1
    # The same file again creates nothing twice.
    upload.seek(0)
    response = _upload(client, setup, cast, upload)
    second = ImportBatch.objects.exclude(pk=batch.pk).get()
    client.post(reverse("petitions:import_start", args=[second.pk]), {"mode": "valid"})
    second.refresh_from_db()
    assert (second.status, second.rows_created, second.rows_skipped) == (ImportStatus.DONE, 0, 1)
    assert Petition.objects.count() == count + 1


def test_an_import_is_seen_and_started_only_by_people_taking_petitions_for_its_unit(cast, login, setup):
    client = login(cast.province_officer)
    upload = _workbook([[1, "Lò Văn Páo", "0912000111", "thôn Nà Đon", "Đề nghị sửa chữa đường vào thôn Nà Đon."]])
    _upload(client, setup, cast, upload)
    batch = ImportBatch.objects.get()
    for person in (cast.agency_b, cast.outsider, cast.commune_officer):
        other = login(person)
        assert other.get(reverse("petitions:import_detail", args=[batch.pk])).status_code in (403, 404)
        assert other.post(reverse("petitions:import_start", args=[batch.pk]), {"mode": "all"}).status_code in (
            403,
            404,
        )
    assert not Petition.objects.filter(import_batch=batch).exists()
    anonymous = Client()
    assert anonymous.get(reverse("petitions:import_detail", args=[batch.pk])).status_code == 302


def test_the_import_page_shows_the_progress_while_the_worker_reads_the_file(cast, login, setup, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    client = login(cast.province_officer)
    upload = _workbook([[1, "Lò Văn Páo", "0912000111", "thôn Nà Đon", "Đề nghị sửa chữa đường vào thôn Nà Đon."]])
    _upload(client, setup, cast, upload)
    batch = ImportBatch.objects.get()
    assert batch.status == ImportStatus.CHECKING  # queued for the worker, which has not run
    ImportBatch.objects.filter(pk=batch.pk).update(progress_done=1500, progress_total=6000)
    url = reverse("petitions:import_detail", args=[batch.pk])
    page = client.get(url).content.decode()
    assert "1500/6000 dòng" in page and 'value="25"' in page and "every 1s" in page
    part = client.get(url + "?part=progress", headers={"HX-Request": "true"})
    assert "1500/6000 dòng" in part.content.decode() and "<html" not in part.content.decode()
    from dialogue.petitions.imports import import_check

    import_check(batch_id=batch.pk)
    done = client.get(url + "?part=progress", headers={"HX-Request": "true"})
    assert done.status_code == 204 and done["HX-Refresh"] == "true"


def test_the_synthesis_report_downloads_as_docx_and_excel(cast, login, setup):
    client = login(cast.province_officer)
    docx = client.get(reverse("petitions:conference_report", args=[setup["conference"].pk, "docx"]))
    assert docx["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    xlsx = client.get(reverse("petitions:conference_report", args=[setup["conference"].pk, "xlsx"]))
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    assert b"0912345678" not in xlsx.content


def test_the_fields_are_seeded_with_the_twelve_codes(db):
    codes = set(Field.objects.values_list("code", flat=True))
    assert {"dat_dai", "quy_hoach_xay_dung", "giai_phong_mat_bang", "moi_truong", "giao_thong_ha_tang",
            "chinh_sach_xa_hoi", "y_te_giao_duc", "nong_nghiep", "kinh_te_doanh_nghiep", "an_ninh_trat_tu",
            "xay_dung_dang_chinh_quyen", "khac"} <= codes  # fmt: skip


def test_the_national_administrator_sees_every_petition_and_group(cast, login, setup):
    client = login(cast.admin)
    assert client.get(reverse("petitions:group_detail", args=[setup["group"].pk])).status_code == 200
    assert client.get(reverse("petitions:petition_detail", args=[setup["twin"].pk])).status_code == 200
    page = client.get(reverse("petitions:conference_groups", args=[setup["conference"].pk])).content.decode()
    assert "Ô nhiễm suối Cốc" in page


def test_merging_nothing_returns_to_the_list_it_came_from_but_never_to_another_site(cast, login, setup):
    client = login(cast.province_officer)
    url = reverse("petitions:group_create")
    back = reverse("petitions:petition_list") + "?status=received"
    assert client.post(url, {"back": back})["Location"] == back
    for outside in ("https://evil.example/phish", "//evil.example/", "javascript:alert(1)"):
        assert client.post(url, {"back": outside})["Location"] == reverse("petitions:petition_list")
