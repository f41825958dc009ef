"""A citizen who asks to keep their identity from the answering agencies (the portal's
choice) is known only to those who receive and classify petitions for the receiving unit:
agency A, which leads the answer, sees the content but never the name, telephone number,
address, e-mail, tracking code or files, on any page or in the documents sent to it."""

import io
from datetime import time, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from PIL import Image

from dialogue.organisation.factories import make_unit
from dialogue.petitions import documents, selectors, services
from dialogue.petitions.models import Field, JurisdictionLevel, Petition
from dialogue.petitions.public import Submission, display_tracking_code, petition_submit_public
from dialogue.plans import services as plan_services

NAME, PHONE, ADDRESS, EMAIL = "Nguyễn Thị Mai", "0912345678", "Tổ 5 phường Phan Đình Phùng", "mai.nguyen@example.vn"
OTHER = "Trần Văn Hòa"
NOTE = "Người kiến nghị đề nghị giữ bí mật danh tính"


def _png(name="anh-hien-truong.png") -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), (90, 140, 80)).save(out, "PNG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/png")


@pytest.fixture
def conference(cast):
    plan = plan_services.plan_create(actor=cast.province_officer, issuing_unit=cast.tree.tinh_uy, title="Kế hoạch")
    conference = plan_services.conference_create(
        actor=cast.province_officer,
        plan=plan,
        title="Đối thoại về quản lý đất đai",
        date=timezone.localdate() + timedelta(days=20),
        start_time=time(8, 0),
        venue="Hội trường Tỉnh ủy",
    )
    return plan_services.conference_announce(actor=cast.province_officer, conference=conference)


@pytest.fixture
def case(cast, conference):
    """Two petitions about the same road, one protected, merged and led by agency A."""
    protected = petition_submit_public(
        Submission(
            content="Đề nghị kiểm tra việc san lấp đất nông nghiệp trái phép ở xóm Đồng Kem.",
            name=NAME,
            phone=PHONE,
            address=ADDRESS,
            email=EMAIL,
            consent=True,
            conference=conference,
            identity_protected=True,
            files=[_png()],
        )
    )
    plain = petition_submit_public(
        Submission(
            content="San lấp đất nông nghiệp ở xóm Đồng Kem gây ngập úng ruộng.",
            name=OTHER,
            phone="0987654321",
            consent=True,
            conference=conference,
        )
    )
    field = Field.objects.create(code="dat-dai", name="Đất đai")
    for petition in (protected, plain):
        services.petition_triage(
            actor=cast.province_officer, petition=petition, field=field, level=JurisdictionLevel.TINH
        )
    group = services.group_create(actor=cast.province_officer, petitions=[protected, plain])
    group = services.group_assign(actor=cast.province_officer, group=group, lead_unit=cast.tree.agency_a)
    protected.refresh_from_db()
    plain.refresh_from_db()
    return {"protected": protected, "plain": plain, "group": group}


def _page(client, name, pk) -> str:
    response = client.get(reverse(name, args=[pk]))
    assert response.status_code == 200
    return response.content.decode()


def _reveals(text: str, petition: Petition) -> list[str]:
    shown = [NAME, PHONE, "0912 345 678", ADDRESS, EMAIL, petition.tracking_code]
    shown.append(display_tracking_code(petition.tracking_code))
    return [value for value in shown if value in text]


# ---------------------------------------------------------------- who may see


def test_only_those_who_receive_and_classify_see_a_protected_petitioner(cast, case):
    protected = case["protected"]
    assert selectors.can_see_identity(cast.province_officer, protected)
    assert selectors.can_see_identity(cast.admin, protected)
    assert not selectors.can_see_identity(cast.agency_a, protected)
    assert selectors.can_see_identity(cast.agency_a, case["plain"])


def test_the_list_helper_agrees_with_can_see_identity(cast, case):
    petitions = [case["protected"], case["plain"]]
    for person in (cast.admin, cast.province_officer, cast.agency_a, cast.agency_b, cast.commune_officer):
        hidden = selectors.identity_hidden_ids(user=person, petitions=petitions)
        assert hidden == {p.pk for p in petitions if not selectors.can_see_identity(person, p)}, person


def test_a_commune_officer_sees_who_sent_a_petition_to_the_commune(cast):
    commune_party = make_unit("Đảng ủy xã Cao Minh", "party_committee", cast.tree.commune)
    plan = plan_services.plan_create(actor=cast.commune_officer, issuing_unit=commune_party, title="Kế hoạch xã")
    conference = plan_services.conference_create(
        actor=cast.commune_officer,
        plan=plan,
        title="Đối thoại xã Cao Minh",
        date=timezone.localdate() + timedelta(days=20),
        venue="Nhà văn hóa xã",
    )
    conference = plan_services.conference_announce(actor=cast.commune_officer, conference=conference)
    petition = petition_submit_public(
        Submission(
            content="Đường thôn Nà Đon xuống cấp.",
            name=NAME,
            phone=PHONE,
            consent=True,
            conference=conference,
            identity_protected=True,
        )
    )
    text = _page(_client_for(cast.commune_officer), "petitions:petition_detail", petition.pk)
    assert NAME in text and PHONE in text
    assert selectors.can_see_identity(cast.commune_officer, petition)


def _client_for(person):
    from django.test import Client

    client = Client()
    client.force_login(person)
    return client


# ---------------------------------------------------------------- the agency's pages


def test_agency_a_reads_the_group_without_the_protected_petitioner(cast, case, login):
    text = _page(login(cast.agency_a), "petitions:group_detail", case["group"].pk)
    assert _reveals(text, case["protected"]) == []
    assert NOTE in text
    assert OTHER in text  # the one who did not ask is named as before
    assert "san lấp đất nông nghiệp" in text


def test_agency_a_reads_the_protected_petition_without_who_sent_it(cast, case, login):
    protected = case["protected"]
    text = _page(login(cast.agency_a), "petitions:petition_detail", protected.pk)
    assert _reveals(text, protected) == []
    assert NOTE in text
    assert "Đề nghị kiểm tra việc san lấp" in text
    assert reverse("petitions:petition_file", args=[protected.files.get().pk]) not in text
    assert "1 tệp, do đơn vị tiếp nhận lưu giữ" in text


def test_agency_a_cannot_download_the_citizens_file(cast, case, login):
    item = case["protected"].files.get()
    assert login(cast.agency_a).get(reverse("petitions:petition_file", args=[item.pk])).status_code == 404


def test_agency_a_lists_the_petitions_without_the_protected_name(cast, case, login):
    client = login(cast.agency_a)
    text = client.get(reverse("petitions:petition_list")).content.decode()
    assert case["protected"].content[:60] in text
    assert NAME not in text and NOTE in text and OTHER in text


def test_a_search_by_name_does_not_reveal_who_sent_a_protected_petition(cast, case, login):
    list_url = reverse("petitions:petition_list")
    agency = login(cast.agency_a)
    assert case["protected"].content[:60] not in agency.get(list_url, {"q": "Nguyen Thi Mai"}).content.decode()
    assert case["protected"].content[:60] in agency.get(list_url, {"q": "Dong Kem"}).content.decode()
    officer = login(cast.province_officer)
    assert case["protected"].content[:60] in officer.get(list_url, {"q": "Nguyen Thi Mai"}).content.decode()


def test_the_annex_sent_to_the_agencies_neither_names_nor_locates_the_protected_petitioner(cast, case, conference):
    groups = selectors.group_list_for_user(user=cast.province_officer, conference=conference).prefetch_related(
        "petitions", "supports__unit"
    )
    book = load_workbook(io.BytesIO(documents.synthesis_report_workbook(conference, groups)))
    cells = [str(c.value) for sheet in book for row in sheet.iter_rows() for c in row if c.value is not None]
    text = "\n".join(cells)
    assert NAME not in text and ADDRESS not in text and PHONE not in text
    assert NOTE in text and OTHER in text


def test_the_synthesis_report_downloaded_by_the_officer_hides_the_protected_petitioner_too(
    cast, case, conference, login
):
    response = login(cast.province_officer).get(reverse("petitions:conference_report", args=[conference.pk, "xlsx"]))
    book = load_workbook(io.BytesIO(response.content))
    text = "\n".join(str(c.value) for sheet in book for row in sheet.iter_rows() for c in row if c.value)
    assert NAME not in text and NOTE in text


# ---------------------------------------------------------------- the officer who received it


def test_the_officer_who_received_it_sees_everything_the_citizen_sent(cast, case, login):
    protected = case["protected"]
    text = _page(login(cast.province_officer), "petitions:petition_detail", protected.pk)
    assert NAME in text and PHONE in text and ADDRESS in text and EMAIL in text
    assert display_tracking_code(protected.tracking_code) in text
    assert "Gửi trực tuyến" in text and "Kênh tiếp nhận" in text
    assert "Giữ bí mật danh tính với cơ quan trả lời" in text
    assert "Đồng ý xử lý dữ liệu cá nhân" in text
    assert timezone.localtime(protected.consented_at).strftime("%d/%m/%Y") in text
    assert "Mục đích đã đồng ý" in text and protected.consent_purpose[:40] in text
    assert "không chuyển họ tên, số điện thoại" in text  # the reminder to keep it from the agencies
    assert reverse("petitions:petition_file", args=[protected.files.get().pk]) in text


def test_the_officer_downloads_the_citizens_file_as_an_attachment_never_cached(cast, case, login):
    item = case["protected"].files.get()
    response = login(cast.province_officer).get(reverse("petitions:petition_file", args=[item.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert item.name in response["Content-Disposition"]
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


@pytest.mark.parametrize("person", ["agency_b", "outsider", "commune_officer"])
def test_people_outside_the_petitions_scope_get_not_found(cast, case, login, person):
    client = login(getattr(cast, person))
    item = case["protected"].files.get()
    assert client.get(reverse("petitions:petition_detail", args=[case["protected"].pk])).status_code == 404
    assert client.get(reverse("petitions:petition_file", args=[item.pk])).status_code == 404


def test_an_anonymous_visitor_is_sent_to_sign_in_for_the_file(case, client):
    item = case["protected"].files.get()
    response = client.get(reverse("petitions:petition_file", args=[item.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_missing_file_id_is_not_found(cast, login, db):
    assert login(cast.province_officer).get(reverse("petitions:petition_file", args=[999999])).status_code == 404


# ---------------------------------------------------------------- online petitions in the lists


def test_the_list_marks_and_filters_the_petitions_sent_online(cast, case, login):
    services.petition_receive(
        actor=cast.province_officer,
        receiving_unit=cast.tree.tinh_uy,
        content="Ý kiến ghi tại buổi tiếp dân về chợ Đồng Quang.",
        channel="paper_citizen",
        name="Lò Văn Sáng",
    )
    client = login(cast.province_officer)
    every = client.get(reverse("petitions:petition_list")).content.decode()
    assert "gửi trực tuyến" in every and "giữ bí mật danh tính" in every and "chợ Đồng Quang" in every
    online = client.get(reverse("petitions:petition_list"), {"online": "on"}).content.decode()
    assert "chợ Đồng Quang" not in online and "san lấp đất nông nghiệp" in online.lower()
