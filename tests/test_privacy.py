"""Personal data of petitioners (Law 91/2025/QH15; Decree 356/2025/NĐ-CP): the basis of
processing on every petition, the log of who was shown contact details, a person's data
looked up and exported, and anonymised where the law allows.

Đinh Thị Khuê raised the same matter three ways for the province's conference: online
(with a file and e-mail notices), on a paper form typed in by the synthesis board (her
name, number and e-mail written into the text too), and through a village meeting's Excel
file. Lục Văn Sáng raised it on a speaker's slip; Hà Thị Kín online, asking that the
answering agencies do not see who she is. All four are merged into one group led by
agency A; Khuê answered a satisfaction request with a comment naming herself.
"""

from __future__ import annotations

import io
import json
from datetime import time, timedelta
from types import SimpleNamespace

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook
from PIL import Image

from dialogue.core.models import AuditEntry
from dialogue.followup.models import Satisfaction, SatisfactionRequest
from dialogue.lib.text import fold
from dialogue.organisation.factories import make_person
from dialogue.organisation.roles import Role
from dialogue.petitions import services
from dialogue.petitions.models import (
    Channel,
    Field,
    ImportBatch,
    ImportStatus,
    JurisdictionLevel,
    NotifyChannel,
    Petition,
    PetitionFile,
    PetitionGroup,
)
from dialogue.petitions.public import CONSENT_PURPOSE, Submission, display_tracking_code, petition_submit_public
from dialogue.plans import services as plan_services
from dialogue.privacy import services as privacy_services
from dialogue.privacy.basis import CONSENT_KEY, PURPOSES, BasisKind, processing_basis
from dialogue.privacy.models import AccessImmutable, AccessView, ContactAccess, ErasedPetition
from dialogue.reminders.citizens import petitioner_message_record
from dialogue.reminders.models import MessageChannel, OutboundMessage
from dialogue.statistics.selectors import unit_statistics
from tests import test_api_fixtures as apifx

api = apifx.api

pytestmark = pytest.mark.django_db

KHUE = {
    "name": "Đinh Thị Khuê",
    "phone": "0912 468 357",
    "email": "khue.dinh@example.vn",
    "address": "số 27 đường Bến Tượng, thôn Nà Đon",
}
SANG = {"name": "Lục Văn Sáng", "phone": "0389 123 456"}
KIN = {"name": "Hà Thị Kín", "phone": "0977 555 111", "email": "kin.ha@example.vn"}
ANONYMISED = "Người kiến nghị đã ẩn danh"


def _png(name="anh-kenh-muong.png") -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), (40, 120, 160)).save(out, "PNG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/png")


@pytest.fixture
def conference(cast):
    officer = cast.province_officer
    plan = plan_services.plan_create(actor=officer, issuing_unit=cast.tree.tinh_uy, title="Kế hoạch đối thoại")
    conference = plan_services.conference_create(
        actor=officer,
        plan=plan,
        title="Đối thoại về thủy lợi nội đồng",
        date=timezone.localdate() + timedelta(days=20),
        start_time=time(8, 0),
        venue="Hội trường Tỉnh ủy",
    )
    return plan_services.conference_announce(actor=officer, conference=conference)


@pytest.fixture
def world(cast, conference):
    t, officer = cast.tree, cast.province_officer
    online = petition_submit_public(
        Submission(
            content="Đề nghị lắp đèn chiếu sáng đường liên thôn Nà Đon.",
            name=KHUE["name"],
            phone=KHUE["phone"],
            address=KHUE["address"],
            email=KHUE["email"],
            consent=True,
            conference=conference,
            notify_by=NotifyChannel.EMAIL,
            files=[_png()],
        )
    )
    paper = services.petition_receive(
        actor=officer,
        receiving_unit=t.tinh_uy,
        conference=conference,
        channel=Channel.PAPER_CITIZEN,
        name=KHUE["name"],
        phone=KHUE["phone"],
        address=KHUE["address"],
        content=f"Bà {KHUE['name']} (SĐT {KHUE['phone']}, e-mail {KHUE['email']}) đề nghị nạo vét kênh mương.",
    )
    batch = ImportBatch.objects.create(
        conference=conference,
        receiving_unit=t.tinh_uy,
        file_name="tong-hop-thon-na-don.xlsx",
        file_sha256="0" * 64,
        default_channel=Channel.VILLAGE,
        status=ImportStatus.DONE,
        report={
            "rows": [
                {
                    "row": 3,
                    "name": KHUE["name"],
                    "phone": "0912468357",
                    "content": "Kênh mương bị bồi lấp.",
                    "errors": [],
                },
                {"row": 4, "name": SANG["name"], "phone": "0389123456", "content": "Kênh mương.", "errors": []},
            ]
        },
    )
    imported = services.petition_receive(
        actor=officer,
        receiving_unit=t.tinh_uy,
        conference=conference,
        channel=Channel.VILLAGE,
        name=KHUE["name"],
        phone=KHUE["phone"],
        content="Kênh mương nội đồng thôn Nà Đon bị bồi lấp, đề nghị nạo vét.",
        import_batch=batch,
        import_row=3,
    )
    other = services.petition_receive(
        actor=officer,
        receiving_unit=t.tinh_uy,
        conference=conference,
        channel=Channel.SPEAKER_SLIP,
        name=SANG["name"],
        phone=SANG["phone"],
        content="Đề nghị nạo vét kênh mương nội đồng thôn Nà Đon trước mùa mưa.",
    )
    protected = petition_submit_public(
        Submission(
            content="Kênh mương nội đồng bị lấn chiếm, đề nghị kiểm tra.",
            name=KIN["name"],
            phone=KIN["phone"],
            email=KIN["email"],
            consent=True,
            conference=conference,
            identity_protected=True,
        )
    )
    field = Field.objects.create(code="thuy-loi", name="Thủy lợi")
    for petition in (paper, imported, other, protected):
        services.petition_triage(actor=officer, petition=petition, field=field, level=JurisdictionLevel.TINH)
    group = services.group_create(
        actor=officer,
        petitions=[paper, imported, other, protected],
        summary=f"Bà {KHUE['name']} và các hộ thôn Nà Đon đề nghị nạo vét kênh mương nội đồng.",
    )
    group = services.group_assign(actor=officer, group=group, lead_unit=t.agency_a)
    now = timezone.now()
    request = SatisfactionRequest.objects.create(
        petition=paper,
        group=group,
        token_hash="a" * 64,
        channel="sms",
        sent_at=now,
        response=Satisfaction.PARTLY,
        comment=f"Tôi là {KHUE['name']}, xin gọi lại số {KHUE['phone']}.",
        responded_at=now,
    )
    petitioner_message_record(
        key=f"satisfaction:{request.pk}:sms",
        channel=MessageChannel.SMS,
        address="0912468357",
        subject="Ông/bà có hài lòng với kết quả giải quyết không?",
        recorded_body="Kết quả: đã nạo vét kênh mương. Đánh giá tại [đường dẫn riêng].",
        unit=t.tinh_uy,
    )
    for petition in (online, paper, imported, other, protected):
        petition.refresh_from_db()
    return SimpleNamespace(
        cast=cast,
        tree=t,
        conference=conference,
        online=online,
        paper=paper,
        imported=imported,
        other=other,
        protected=protected,
        khue=[online, paper, imported],
        group=group,
        batch=batch,
        request=request,
    )


@pytest.fixture
def province_admin(cast):
    return make_person("qt_tn", "Đào Văn Quản", roles=[(Role.ADMIN, cast.tree.province)])


@pytest.fixture
def other_admin(cast):
    return make_person("qt_hp", "Mạc Thị Trị", roles=[(Role.ADMIN, cast.tree.other_province)])


def entries(petition, view=None):
    qs = ContactAccess.objects.filter(petition_id=petition.pk)
    return qs.filter(view=view) if view else qs


def inserts(queries) -> int:
    return sum(1 for q in queries if q["sql"].startswith('INSERT INTO "privacy_contactaccess"'))


# ---------------------------------------------------------------- 1. basis and purpose


def test_the_fixture_holds_khue_s_data_where_the_tests_look_for_it(world):
    assert world.online.tracking_code and world.online.consented_at
    assert PetitionFile.objects.filter(petition=world.online).count() == 1
    assert OutboundMessage.objects.filter(address=KHUE["email"]).count() == 1  # the receipt
    assert KHUE["name"] in world.group.summary and KHUE["phone"] in world.paper.content


def test_an_online_petition_is_processed_on_the_consent_the_citizen_gave_word_for_word(world):
    basis = processing_basis(world.online)
    assert basis.kind == BasisKind.CONSENT
    assert basis.purpose == str(CONSENT_PURPOSE) == world.online.consent_purpose
    assert basis.since == world.online.consented_at
    assert basis.source == "Công dân gửi trên cổng thông tin"


@pytest.mark.parametrize(
    ("channel", "start"),
    [
        (Channel.PAPER_CITIZEN, "Thực hiện nhiệm vụ công — tiếp nhận kiến nghị tại hội nghị đối thoại"),
        (Channel.SPEAKER_SLIP, "Thực hiện nhiệm vụ công — tiếp nhận kiến nghị tại hội nghị đối thoại"),
        (Channel.SPOKEN, "Thực hiện nhiệm vụ công — tiếp nhận kiến nghị tại hội nghị đối thoại"),
        (Channel.MTTQ, "Thực hiện nhiệm vụ công — tiếp nhận kiến nghị do Mặt trận Tổ quốc"),
        (Channel.VILLAGE, "Thực hiện nhiệm vụ công — tiếp nhận kiến nghị nêu tại hội nghị thôn"),
        (Channel.AGENCY_REPORT, "Thực hiện nhiệm vụ công — tiếp nhận kiến nghị do cơ quan, đơn vị báo cáo"),
    ],
)
def test_a_petition_entered_by_staff_is_processed_as_a_public_duty_worded_by_its_channel(cast, channel, start):
    petition = services.petition_receive(
        actor=cast.province_officer,
        receiving_unit=cast.tree.tinh_uy,
        channel=channel,
        name="Vi Văn Tám",
        content="Đề nghị sửa chữa cầu treo qua suối.",
    )
    basis = processing_basis(petition)
    assert basis.kind == BasisKind.PUBLIC_DUTY and basis.label == "Thực hiện nhiệm vụ công (không cần sự đồng ý)"
    assert basis.purpose.startswith(start)
    assert "91/2025/QH15" in basis.law and basis.source == "Cán bộ nhập"
    # The record itself stores the purpose stated when its data was collected.
    stored = Petition.objects.get(pk=petition.pk).processing_purpose
    assert stored in PURPOSES and str(PURPOSES[stored]) == basis.purpose


def test_every_petition_stores_its_purpose_and_keeps_the_words_in_force_when_it_came_in(world, monkeypatch):
    from dialogue.privacy import basis as basis_module

    stored = dict(Petition.objects.values_list("pk", "processing_purpose"))
    assert stored[world.online.pk] == CONSENT_KEY
    assert stored[world.paper.pk] == "duty-2025" and stored[world.imported.pk] in PURPOSES
    assert all(stored.values()), "a petition without a stored purpose"
    # New words for the channel get a new key; the petition keeps the words it was given.
    before = processing_basis(world.paper).purpose
    monkeypatch.setitem(basis_module._KEY_BY_CHANNEL, Channel.PAPER_CITIZEN, "duty-2027")
    monkeypatch.setitem(basis_module.PURPOSES, "duty-2027", "Lời mới, áp dụng từ năm 2027.")
    assert processing_basis(world.paper).purpose == before


def test_the_migration_gives_existing_petitions_the_purpose_of_their_channel(cast):
    from importlib import import_module

    from django.apps import apps as django_apps

    migration = import_module("dialogue.petitions.migrations.0011_processing_purpose")
    today = timezone.localdate()
    old = {"receiving_unit": cast.tree.tinh_uy, "content": "Kiến nghị cũ.", "received_on": today, "ack_due": today}
    channels = (Channel.SPOKEN, Channel.MTTQ, Channel.VILLAGE, Channel.AGENCY_REPORT, Channel.ONLINE)
    rows = {channel: Petition.objects.create(channel=channel, **old) for channel in channels}
    consented = Petition.objects.create(
        channel=Channel.OPEN311, consent_purpose="Đồng ý.", consented_at=timezone.now(), **old
    )
    Petition.objects.update(processing_purpose="")
    migration.fill(django_apps, None)
    got = dict(Petition.objects.values_list("pk", "processing_purpose"))
    assert {channel: got[p.pk] for channel, p in rows.items()} == {
        Channel.SPOKEN: "duty-2025",
        Channel.MTTQ: "duty-mttq-2025",
        Channel.VILLAGE: "duty-village-2025",
        Channel.AGENCY_REPORT: "duty-agency-2025",
        Channel.ONLINE: "",  # no consent stored: still flagged, never given a basis it did not have
    }
    assert got[consented.pk] == CONSENT_KEY
    assert set(migration.KEY_BY_CHANNEL.values()) - {CONSENT_KEY} <= set(PURPOSES)


def test_an_imported_petition_names_its_excel_file_and_row(world):
    basis = processing_basis(world.imported)
    assert basis.kind == BasisKind.PUBLIC_DUTY
    assert basis.source == "Nhập từ tệp Excel “tong-hop-thon-na-don.xlsx”, dòng 3"


def test_a_petition_recorded_through_the_api_is_a_public_duty_too(api, cast, conference):
    response = api(cast.province_officer).post(
        "/petitions/",
        {
            "receiving_unit": cast.tree.tinh_uy.pk,
            "channel": "mttq",
            "name": "Nông Thị Ba",
            "phone": "0912000333",
            "content": "Đề nghị hỗ trợ giống cây trồng sau bão.",
        },
        HTTP_IDEMPOTENCY_KEY="mttq-2026-07",
    )
    assert response.status_code == 201, response.content
    basis = processing_basis(Petition.objects.get(pk=response.json()["id"]))
    assert basis.kind == BasisKind.PUBLIC_DUTY and "Mặt trận Tổ quốc" in basis.purpose


def test_an_online_petition_without_a_recorded_consent_is_flagged(cast):
    petition = Petition.objects.create(
        receiving_unit=cast.tree.tinh_uy,
        channel=Channel.ONLINE,
        name="Ma Văn Cũ",
        content="Gửi trước khi có ghi nhận sự đồng ý.",
        received_on=timezone.localdate(),
        ack_due=timezone.localdate(),
    )
    basis = processing_basis(petition)
    assert basis.kind == BasisKind.MISSING and basis.label == "Chưa ghi nhận sự đồng ý"


def test_the_petition_page_shows_the_basis_purpose_and_source_of_the_personal_data(world, login):
    page = login(world.cast.province_officer).get(reverse("petitions:petition_detail", args=[world.imported.pk]))
    body = page.content.decode()
    assert page.status_code == 200 and 'id="personal-data"' in body
    assert "Thực hiện nhiệm vụ công (không cần sự đồng ý)" in body
    assert "Nhập từ tệp Excel “tong-hop-thon-na-don.xlsx”, dòng 3" in body
    assert reverse("privacy:access_petition", args=[world.imported.pk]) in body
    online = login(world.cast.province_officer).get(reverse("petitions:petition_detail", args=[world.online.pk]))
    assert "Sự đồng ý của người kiến nghị" in online.content.decode()


def test_the_answering_agency_sees_the_basis_but_no_link_to_the_access_log(world, login):
    body = login(world.cast.agency_a).get(reverse("petitions:petition_detail", args=[world.paper.pk])).content.decode()
    assert "Thực hiện nhiệm vụ công (không cần sự đồng ý)" in body
    assert reverse("privacy:access_petition", args=[world.paper.pk]) not in body


# ---------------------------------------------------------------- 2. the access log


def test_opening_a_petition_records_who_saw_the_contact_details_and_where(world, login):
    officer = world.cast.province_officer
    login(officer).get(reverse("petitions:petition_detail", args=[world.paper.pk]))
    entry = entries(world.paper).get()
    assert (entry.user, entry.user_repr, entry.view) == (officer, "Trần Thị Minh", AccessView.PETITION_DETAIL)
    assert entry.unit == world.tree.tinh_uy and entry.unit_path == world.tree.tinh_uy.path
    login(officer).get(reverse("petitions:petition_update", args=[world.paper.pk]))
    assert entries(world.paper, AccessView.PETITION_EDIT).count() == 1


def test_an_agency_kept_from_a_protected_petitioner_leaves_no_entry_but_one_for_the_others(world, login):
    client = login(world.cast.agency_a)
    assert client.get(reverse("petitions:petition_detail", args=[world.protected.pk])).status_code == 200
    assert not entries(world.protected).exists()
    client.get(reverse("petitions:petition_detail", args=[world.other.pk]))
    assert entries(world.other).get().user == world.cast.agency_a


def test_refused_people_leave_no_entry(world, login, client):
    assert (
        login(world.cast.agency_b).get(reverse("petitions:petition_detail", args=[world.paper.pk])).status_code == 404
    )
    assert (
        login(world.cast.outsider).get(reverse("petitions:petition_detail", args=[world.paper.pk])).status_code == 404
    )
    assert client.get(reverse("petitions:petition_detail", args=[world.paper.pk])).status_code == 302
    assert not ContactAccess.objects.exists()


def test_the_api_list_records_the_petitioners_of_its_page_in_one_insert(api, world):
    client = api(world.cast.province_officer)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/petitions/")
    assert response.status_code == 200 and response.json()["count"] == 5
    assert inserts(queries.captured_queries) == 1
    recorded = set(
        ContactAccess.objects.filter(view=AccessView.API_PETITION_LIST).values_list("petition_id", flat=True)
    )
    assert recorded == {p.pk for p in (*world.khue, world.other, world.protected)}


def test_the_api_detail_records_an_entry_and_the_hidden_petitioner_none(api, world):
    assert api(world.cast.province_officer).get(f"/petitions/{world.paper.pk}/").status_code == 200
    assert entries(world.paper, AccessView.API_PETITION).count() == 1
    body = api(world.cast.agency_a).get(f"/petitions/{world.protected.pk}/").json()
    assert body["name"] is None and not entries(world.protected).exists()


def test_the_conference_s_excel_list_records_the_named_petitioners_in_one_insert(world, login):
    url = reverse("petitions:conference_report", args=[world.conference.pk, "xlsx"])
    with CaptureQueriesContext(connection) as queries:
        response = login(world.cast.province_officer).get(url)
    assert response.status_code == 200 and inserts(queries.captured_queries) == 1
    recorded = set(
        ContactAccess.objects.filter(view=AccessView.SYNTHESIS_WORKBOOK).values_list("petition_id", flat=True)
    )
    # The list never names a protected petitioner, so her entry would be false.
    assert recorded == {world.paper.pk, world.imported.pk, world.other.pk}


def test_the_import_report_records_the_imported_rows_it_shows(world, login):
    response = login(world.cast.province_officer).get(reverse("petitions:import_detail", args=[world.batch.pk]))
    assert response.status_code == 200
    assert set(ContactAccess.objects.values_list("petition_id", flat=True)) == {world.imported.pk}


def test_the_list_of_messages_records_the_petitioners_they_went_to(world, login):
    response = login(world.cast.admin).get(reverse("reminders:message_list"))
    assert response.status_code == 200 and KHUE["email"] in response.content.decode()
    recorded = set(ContactAccess.objects.filter(view=AccessView.MESSAGES).values_list("petition_id", flat=True))
    assert recorded == {world.online.pk, world.paper.pk}


def test_one_message_opened_records_the_petitioner_it_went_to_and_nobody_else(world, login):
    messages = list(OutboundMessage.objects.filter(recipient__isnull=True))
    assert {m.key.split(":")[0] for m in messages} == {"portal-receipt", "satisfaction"}
    for message in messages:
        before = ContactAccess.objects.count()
        response = login(world.cast.admin).get(reverse("reminders:message_detail", args=[message.pk]))
        assert response.status_code == 200 and message.address in response.content.decode()
        entries = ContactAccess.objects.order_by("-pk")[: ContactAccess.objects.count() - before]
        expected = {world.paper.pk} if message.key.startswith("satisfaction:") else {world.online.pk}
        assert {e.petition_id for e in entries} == expected, message.key
        assert {(e.user_id, e.view) for e in entries} == {(world.cast.admin.pk, AccessView.MESSAGES)}


def test_access_entries_cannot_be_changed_or_deleted(world, login):
    login(world.cast.province_officer).get(reverse("petitions:petition_detail", args=[world.paper.pk]))
    entry = ContactAccess.objects.get()
    with pytest.raises(AccessImmutable):
        entry.save()
    with pytest.raises(AccessImmutable):
        ContactAccess.objects.update(view="x")
    with pytest.raises(AccessImmutable):
        ContactAccess.objects.all().delete()


def test_the_administrator_and_the_synthesis_board_read_who_saw_a_petition(world, login):
    login(world.cast.agency_a).get(reverse("petitions:petition_detail", args=[world.paper.pk]))
    url = reverse("privacy:access_petition", args=[world.paper.pk])
    for reader in (world.cast.admin, world.cast.province_officer):
        page = login(reader).get(url)
        assert page.status_code == 200
        body = page.content.decode()
        assert "Lê Văn An" in body and "Trang kiến nghị" in body
        assert KHUE["name"] not in body and KHUE["phone"] not in body  # the log names no petitioner


def test_an_agency_officer_and_an_outsider_are_refused_the_access_log(world, login, client):
    url = reverse("privacy:access_petition", args=[world.paper.pk])
    assert login(world.cast.agency_a).get(url).status_code == 403
    assert login(world.cast.agency_a).get(reverse("privacy:access_list")).status_code == 403
    assert login(world.cast.outsider).get(url).status_code == 404
    assert client.get(url).status_code == 302


def test_the_log_per_staff_member_is_scoped_to_the_reader_s_units(world, login):
    login(world.cast.agency_a).get(reverse("petitions:petition_detail", args=[world.paper.pk]))
    url = reverse("privacy:access_staff", args=[world.cast.agency_a.pk])
    assert "Lê Văn An" in login(world.cast.province_officer).get(url).content.decode()
    assert login(world.cast.outsider).get(url).status_code == 404
    assert login(world.cast.agency_b).get(url).status_code == 403
    # The outsider's own log shows nothing of the province.
    listing = login(world.cast.outsider).get(reverse("privacy:access_list")).content.decode()
    assert "Lê Văn An" not in listing and f"#{world.paper.pk}<" not in listing


# ---------------------------------------------------------------- 3. look-up and export


def lookup(client, q):
    return client.post(reverse("privacy:lookup"), {"q": q})


def found_ids(response) -> set[int]:
    return {p.pk for p in response.context["found"] or []}


@pytest.mark.parametrize("typed", ["0912 468 357", "0912.468.357", "+84 912 468 357"])
def test_an_administrator_finds_a_person_by_telephone_number_in_any_spelling(world, login, typed):
    response = lookup(login(world.cast.admin), typed)
    assert response.status_code == 200
    assert found_ids(response) == {p.pk for p in world.khue}


def test_an_administrator_finds_a_person_by_e_mail_and_by_name_without_accents(world, login):
    client = login(world.cast.admin)
    assert found_ids(lookup(client, KHUE["email"].upper())) == {world.online.pk}
    assert found_ids(lookup(client, "dinh thi khue")) == {p.pk for p in world.khue}
    assert found_ids(lookup(client, "Khuê")) == {p.pk for p in world.khue}
    # A name is matched on the petitioner's name, not on the text that mentions it.
    assert found_ids(lookup(client, "Lục Văn Sáng")) == {world.other.pk}


def test_the_look_up_is_audited_without_what_was_typed_and_the_contacts_shown_are_logged(world, login):
    lookup(login(world.cast.admin), KHUE["phone"])
    entry = AuditEntry.objects.get(action="privacy.lookup")
    assert entry.actor == world.cast.admin
    assert entry.after == {"by": "phone", "found": 3, "petitions": sorted([p.pk for p in world.khue], reverse=True)}
    assert "0912" not in json.dumps(entry.after) and entry.unit == world.tree.tinh_uy
    assert ContactAccess.objects.filter(view=AccessView.PERSON_LOOKUP).count() == 3


def test_an_administrator_of_another_province_finds_nobody_there(world, login, other_admin):
    response = lookup(login(other_admin), KHUE["phone"])
    assert response.status_code == 200 and found_ids(response) == set()


def test_a_malformed_number_is_refused_with_a_vietnamese_message_and_nothing_is_audited(world, login):
    response = lookup(login(world.cast.admin), "0912 46")
    assert response.status_code == 200
    assert "không hợp lệ" in response.content.decode()
    assert not AuditEntry.objects.filter(action="privacy.lookup").exists()


def test_only_administrators_look_people_up(world, login, client):
    for person in (world.cast.province_officer, world.cast.agency_a, world.cast.outsider):
        assert lookup(login(person), KHUE["phone"]).status_code == 403
    assert lookup(client, KHUE["phone"]).status_code == 302
    assert login(world.cast.agency_a).get(reverse("privacy:home")).status_code == 403
    page = login(world.cast.province_officer).get(reverse("privacy:home"))
    assert page.status_code == 200 and reverse("privacy:lookup") not in page.content.decode()
    assert not AuditEntry.objects.filter(action="privacy.lookup").exists()


def export(client, petitions, fmt):
    return client.post(reverse("privacy:export"), {"petitions": [p.pk for p in petitions], "format": fmt})


def test_the_json_export_holds_everything_the_system_keeps_about_the_person(world, login):
    login(world.cast.agency_a).get(reverse("petitions:petition_detail", args=[world.paper.pk]))
    response = export(login(world.cast.admin), world.khue, "json")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith('attachment; filename="du-lieu-ca-nhan-')
    data = json.loads(response.content)
    rows = {row["id"]: row for row in data["petitions"]}
    assert set(rows) == {p.pk for p in world.khue}
    online = rows[world.online.pk]
    assert (online["name"], online["phone"], online["email"]) == (KHUE["name"], "0912468357", KHUE["email"])
    assert online["consent"]["purpose"] == str(CONSENT_PURPOSE)
    assert online["tracking_code"] == display_tracking_code(world.online.tracking_code)
    assert online["files"][0]["name"] == "anh-kenh-muong.png"
    assert rows[world.paper.pk]["processing_basis"]["kind"] == "public_duty"
    assert rows[world.paper.pk]["satisfaction"][0]["comment"].startswith("Tôi là Đinh Thị Khuê")
    assert {m["to"] for m in data["messages"]} == {KHUE["email"], "0912468357"}
    seen = {(a["staff"], a["where"]) for a in data["access_log"]}
    assert ("Lê Văn An", "Trang kiến nghị") in seen
    assert ("Nguyễn Văn Quản", "Dữ liệu cá nhân: xuất dữ liệu của một người") in seen
    # Nobody else's data.
    assert SANG["name"] not in response.content.decode() and KIN["name"] not in response.content.decode()


def test_the_export_is_audited_with_ids_and_counts_only(world, login):
    export(login(world.cast.admin), world.khue, "xlsx")
    entry = AuditEntry.objects.get(action="privacy.export")
    assert entry.after["format"] == "xlsx" and entry.after["petitions"] == sorted(p.pk for p in world.khue)
    assert entry.after["messages"] == 2 and entry.after["satisfaction"] == 1
    text = json.dumps(entry.after, ensure_ascii=False) + entry.target_repr
    assert "Khuê" not in text and "0912" not in text and "example.vn" not in text


def test_the_excel_export_reads_in_vietnamese_with_one_sheet_per_kind_of_data(world, login):
    response = export(login(world.cast.admin), world.khue, "xlsx")
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == [
        "Thông tin chung",
        "Kiến nghị",
        "Đánh giá hài lòng",
        "Tin nhắn đã gửi",
        "Phát biểu tại hội nghị",
        "Nhật ký truy cập",
    ]
    sheet = book["Kiến nghị"]
    headers = [c.value for c in sheet[1]]
    assert headers[:7] == ["Số", "Ngày nhận", "Kênh", "Đơn vị tiếp nhận", "Hội nghị", "Họ và tên", "Điện thoại"]
    names = {row[5] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert names == {KHUE["name"]}
    assert sheet.cell(row=2, column=2).number_format == "dd/mm/yyyy"


def test_an_export_reaching_outside_the_administrator_s_units_is_404_and_writes_nothing(world, login, province_admin):
    hai_phong = services.petition_receive(
        actor=world.cast.outsider,
        receiving_unit=world.tree.other_commune,
        channel=Channel.PAPER_CITIZEN,
        name=KHUE["name"],
        phone=KHUE["phone"],
        content="Ý kiến ở Hải Phòng.",
    )
    assert export(login(province_admin), [world.paper, hai_phong], "json").status_code == 404
    assert export(login(world.cast.province_officer), [world.paper], "json").status_code == 403
    assert not AuditEntry.objects.filter(action="privacy.export").exists()
    assert export(login(province_admin), [world.paper], "json").status_code == 200


def test_an_unknown_format_is_refused_with_a_message(world, login):
    response = export(login(world.cast.admin), world.khue, "pdf")
    assert response.status_code == 302
    assert not AuditEntry.objects.filter(action="privacy.export").exists()


# ---------------------------------------------------------------- 4. anonymisation


def confirm(client, petitions, **data):
    body = {"petitions": [p.pk for p in petitions], "step": "confirm", "confirm": "on"} | data
    return client.post(reverse("privacy:anonymise"), body)


def snapshot_of_statistics(world):
    today = timezone.localdate()
    return unit_statistics(unit=world.tree.province, start=today - timedelta(days=60), end=today, today=today)


def test_the_confirmation_page_says_what_will_be_cleared(world, login):
    response = login(world.cast.admin).post(reverse("privacy:anonymise"), {"petitions": [p.pk for p in world.khue]})
    assert response.status_code == 200
    preview = response.context["preview"]
    assert preview == {"petitions": 3, "files": 1, "messages": 2, "tracking_codes": 1, "groups": 1}
    assert "không thể hoàn tác" in response.content.decode()


def test_anonymising_needs_a_reason(world, login):
    response = confirm(login(world.cast.admin), world.khue, reason="  ")
    assert response.status_code == 200
    assert response.context["form"].errors["reason"] == [str(privacy_services.MSG_REASON)]
    world.paper.refresh_from_db()
    assert world.paper.name == KHUE["name"] and not ErasedPetition.objects.exists()


def test_anonymising_removes_the_person_everywhere_and_keeps_the_petitions(
    world, login, django_capture_on_commit_callbacks
):
    stored = PetitionFile.objects.get(petition=world.online).file.name
    assert default_storage.exists(stored)
    with django_capture_on_commit_callbacks(execute=True):
        response = confirm(login(world.cast.admin), world.khue, reason="Đơn yêu cầu xóa dữ liệu ngày 02/03/2026")
    assert response.status_code == 302
    for petition in world.khue:
        petition.refresh_from_db()
        assert (petition.name, petition.phone, petition.email, petition.address) == (ANONYMISED, "", "", "")
        assert petition.tracking_code is None and petition.notify_by == ""
        assert "khue" not in petition.search_folded and "0912" not in petition.content
    paper = world.paper
    assert paper.content == "Bà [đã ẩn danh] đề nghị nạo vét kênh mương."
    assert paper.status == "grouped" and paper.group_id == world.group.pk and paper.field.code == "thuy-loi"
    # Files gone from the storage, messages without their address, texts without her.
    assert not PetitionFile.objects.filter(petition=world.online).exists() and not default_storage.exists(stored)
    for message in OutboundMessage.objects.filter(recipient__isnull=True):
        assert message.address == "" and "Khuê" not in message.body
    world.request.refresh_from_db()
    assert world.request.comment == "Tôi là [đã ẩn danh], xin gọi lại số."
    group = PetitionGroup.objects.get(pk=world.group.pk)
    assert group.summary.startswith("Bà [đã ẩn danh] và các hộ") and "khue" not in group.search_folded
    world.batch.refresh_from_db()
    assert world.batch.report["rows"][0] | {"content": ""} == {
        "row": 3,
        "name": ANONYMISED,
        "phone": "",
        "content": "",
        "errors": [],
    }
    assert world.batch.report["rows"][1]["name"] == SANG["name"]  # somebody else's row stays
    # Nobody else touched.
    world.other.refresh_from_db()
    world.protected.refresh_from_db()
    assert world.other.name == SANG["name"] and world.protected.tracking_code


def test_statistics_are_the_same_before_and_after(world, login):
    before = snapshot_of_statistics(world)
    areas = {p.pk: p.address_unit_id for p in world.khue}
    confirm(login(world.cast.admin), world.khue, reason="Yêu cầu của người kiến nghị")
    assert snapshot_of_statistics(world) == before
    assert before.petitions == 5
    assert {p.pk: Petition.objects.get(pk=p.pk).address_unit_id for p in world.khue} == areas


def test_after_anonymisation_nobody_finds_the_person_by_name_or_number(world, login, api, client):
    officer = world.cast.province_officer
    staff = login(officer)

    def staff_search(q):
        return {p.pk for p in staff.get(reverse("petitions:petition_list"), {"q": q}).context["page"].object_list}

    def api_search(q):
        return {row["id"] for row in api(officer).get("/petitions/", {"q": q}).json()["results"]}

    def track(petition):
        code = display_tracking_code(petition.tracking_code)
        return client.post(reverse("portal:track"), {"code": code, "phone": KHUE["phone"]})

    khue = {p.pk for p in world.khue}
    assert staff_search("dinh thi khue") >= {world.paper.pk} and api_search("Khuê") >= {world.paper.pk}
    assert track(world.online).status_code == 302
    code = world.online.tracking_code

    confirm(login(world.cast.admin), world.khue, reason="Yêu cầu của người kiến nghị")

    for q in ("Đinh Thị Khuê", "dinh thi khue", "khue.dinh", "Bến Tượng"):
        assert not staff_search(q) & khue, q
        assert not api_search(q) & khue, q
    assert found_ids(lookup(login(world.cast.admin), KHUE["phone"])) == set()
    assert found_ids(lookup(login(world.cast.admin), "Đinh Thị Khuê")) == set()
    world.online.tracking_code = code
    response = track(world.online)
    assert response.status_code == 200 and "không tìm thấy kiến nghị" in response.content.decode()


def test_the_audit_entry_of_an_anonymisation_holds_ids_and_counts_only(world, login):
    confirm(login(world.cast.admin), world.khue, reason="Yêu cầu của bà Khuê ngày 02/03/2026")
    entry = AuditEntry.objects.get(action="privacy.anonymise")
    assert entry.after["petition_ids"] == sorted(p.pk for p in world.khue)
    assert entry.after["petitions"] == 3 and entry.after["files"] == 1 and entry.after["messages"] == 2
    assert entry.after["tracking_codes"] == 1 and entry.after["import_rows"] == 1
    text = json.dumps(entry.after, ensure_ascii=False) + entry.target_repr + str(entry.before)
    for value in (KHUE["name"], "Khuê", "0912", "khue", "Bến Tượng", "02/03/2026"):
        assert value not in text, value
    assert entry.unit == world.tree.tinh_uy


def test_the_content_can_be_erased_too_with_its_own_reason(world, login):
    client = login(world.cast.admin)
    refused = confirm(client, world.khue, reason="Yêu cầu", redact=[world.paper.pk])
    assert refused.context["form"].errors["redaction_reason"] == [str(privacy_services.MSG_REDACTION_REASON)]
    assert not ErasedPetition.objects.exists()
    confirm(client, world.khue, reason="Yêu cầu", redact=[world.paper.pk], redaction_reason="Nội dung nêu đời tư")
    world.paper.refresh_from_db()
    assert world.paper.content.startswith("[Nội dung đã được xóa ngày")
    assert ErasedPetition.objects.get(petition_id=world.paper.pk).content_redacted
    world.imported.refresh_from_db()
    assert world.imported.content.startswith("Kênh mương nội đồng")


def test_anonymisation_is_refused_to_anyone_but_an_administrator_of_the_unit(world, login, other_admin, client):
    for person in (world.cast.province_officer, world.cast.agency_a, world.cast.commune_officer):
        assert confirm(login(person), world.khue, reason="x").status_code == 403
    assert confirm(login(other_admin), world.khue, reason="x").status_code == 404
    assert confirm(client, world.khue, reason="x").status_code == 302
    assert login(world.cast.admin).get(reverse("privacy:anonymise")).status_code == 405
    world.paper.refresh_from_db()
    assert world.paper.name == KHUE["name"]
    assert not AuditEntry.objects.filter(action="privacy.anonymise").exists()


def test_a_person_is_anonymised_once(world, login):
    client = login(world.cast.admin)
    confirm(client, world.khue, reason="Yêu cầu")
    again = confirm(client, [world.paper], reason="Yêu cầu lần hai")
    assert again.status_code == 200
    message = str(privacy_services.MSG_ALREADY % {"number": world.paper.pk})
    assert message in again.content.decode()
    assert AuditEntry.objects.filter(action="privacy.anonymise").count() == 1


def test_an_anonymisation_that_fails_half_way_changes_nothing(world, monkeypatch, django_capture_on_commit_callbacks):
    stored = PetitionFile.objects.get(petition=world.online).file.name

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(privacy_services, "_scrub_import_reports", broken)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        privacy_services.person_anonymise(actor=world.cast.admin, petitions=world.khue, reason="Yêu cầu")
    world.paper.refresh_from_db()
    assert world.paper.name == KHUE["name"] and KHUE["phone"] in world.paper.content
    assert PetitionFile.objects.filter(petition=world.online).exists() and default_storage.exists(stored)
    assert OutboundMessage.objects.filter(address=KHUE["email"]).exists()
    assert not ErasedPetition.objects.exists() and not AuditEntry.objects.filter(action="privacy.anonymise").exists()


def test_the_petition_page_says_the_petitioner_was_anonymised(world, login):
    confirm(login(world.cast.admin), world.khue, reason="Yêu cầu")
    body = login(world.cast.province_officer).get(reverse("petitions:petition_detail", args=[world.paper.pk]))
    text = body.content.decode()
    assert ANONYMISED in text and "đã ẩn danh" in text and KHUE["phone"].replace(" ", "") not in text
    # Nothing personal is left to see: opening it writes no access entry.
    assert not entries(world.paper, AccessView.PETITION_DETAIL).exists()


def test_the_home_page_lists_the_latest_anonymisations_for_the_administrator(world, login):
    confirm(login(world.cast.admin), world.khue, reason="Đơn yêu cầu số 12")
    page = login(world.cast.admin).get(reverse("privacy:home")).content.decode()
    assert "Đơn yêu cầu số 12" in page
    with translation.override("vi"):
        assert fold("Lần ẩn danh gần đây") in fold(page)
