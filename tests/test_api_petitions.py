"""Petitions through the API: lists and filters scoped like the staff list, identity
protection, recording with an idempotency key, classification with optimistic
concurrency, forwarding; the refused people get nothing and change nothing."""

import uuid

import pytest

from dialogue.api.views import MSG_KEY_REQUIRED, MSG_NOTHING_TO_CHANGE
from dialogue.core.models import AuditEntry
from dialogue.organisation.factories import make_unit
from dialogue.petitions.models import GroupStatus, Petition, PetitionStatus
from dialogue.petitions.services import MSG_CONTENT_REQUIRED, MSG_NOT_ALLOWED
from tests import test_api_fixtures as apifx

api = apifx.api
ids = apifx.ids
world = apifx.world

pytestmark = pytest.mark.django_db


def audit_count(action: str, petition_id) -> int:
    return AuditEntry.objects.filter(action=action, target_id=str(petition_id)).count()


# ---------------------------------------------------------------- reading


def test_the_province_officer_lists_the_petitions_of_the_province_latest_first(api, world):
    response = api(world.cast.province_officer).get("/petitions/")
    rows = response.json()["results"]
    assert [r["id"] for r in rows] == [world.housing.pk, world.land.pk, world.road.pk]
    assert response.json()["count"] == 3


def test_agency_b_sees_only_the_petitions_of_its_own_group(api, world):
    assert ids(api(world.cast.agency_b).get("/petitions/")) == {world.housing.pk}
    assert ids(api(world.cast.agency_a).get("/petitions/")) == {world.land.pk}


def test_agency_b_is_404_on_agency_a_s_petition_and_the_outsider_on_the_province_s(api, world):
    assert api(world.cast.agency_b).get(f"/petitions/{world.land.pk}/").status_code == 404
    assert api(world.cast.agency_b).get(f"/petitions/{world.road.pk}/").status_code == 404
    outsider = api(world.cast.outsider)
    assert ids(outsider.get("/petitions/")) == {world.other_petition.pk}
    for petition in (world.road, world.land, world.housing):
        assert outsider.get(f"/petitions/{petition.pk}/").status_code == 404


def test_the_answering_agency_does_not_see_who_asked_to_stay_unknown(api, world):
    body = api(world.cast.agency_a).get(f"/petitions/{world.land.pk}/").json()
    assert body["identity_protected"] is True and body["identity_hidden"] is True
    assert (body["name"], body["phone"], body["address"], body["email"]) == (None, None, None, None)
    assert body["content"].startswith("Đề nghị cấp giấy chứng nhận")
    listed = api(world.cast.agency_a).get("/petitions/").json()["results"][0]
    assert listed["name"] is None and listed["phone"] is None


def test_the_receiving_synthesis_board_sees_the_protected_petitioner(api, world):
    body = api(world.cast.province_officer).get(f"/petitions/{world.land.pk}/").json()
    assert body["identity_hidden"] is False
    assert (body["name"], body["phone"], body["email"]) == ("Trần Thị Kín", "0987654321", "kin@example.vn")


def test_a_petitioner_who_did_not_ask_is_shown_to_the_agency(api, world):
    body = api(world.cast.agency_b).get(f"/petitions/{world.housing.pk}/").json()
    assert body["identity_hidden"] is False and body["name"] == "Lê Văn Nhà"


def test_petitions_filter_like_the_staff_list(api, world):
    client = api(world.cast.province_officer)
    assert ids(client.get("/petitions/", {"q": "duong lien xa"})) == {world.road.pk}
    assert ids(client.get("/petitions/", {"q": "Đường liên xã"})) == {world.road.pk}
    assert ids(client.get("/petitions/", {"status": "received"})) == {world.road.pk}
    assert ids(client.get("/petitions/", {"status": "assigned"})) == {world.land.pk, world.housing.pk}
    assert ids(client.get("/petitions/", {"field": "dat_dai", "level": "tinh"})) == {world.land.pk, world.housing.pk}
    land = {world.land.pk, world.housing.pk}
    assert ids(client.get("/petitions/", {"field": "dat_dai", "status": "assigned"})) == land
    assert ids(client.get("/petitions/", {"field": "khong_co_linh_vuc_nay"})) == set()  # an unknown field: nothing
    assert ids(client.get("/petitions/", {"channel": "mttq"})) == {world.land.pk}
    assert ids(client.get("/petitions/", {"conference": world.conference.pk})) == {
        world.road.pk,
        world.land.pk,
        world.housing.pk,
    }
    day = world.land.received_on.isoformat()
    assert ids(client.get("/petitions/", {"received_from": day, "received_to": day})) == {world.land.pk}
    assert ids(client.get("/petitions/", {"agency": world.tree.agency_b.pk})) == {world.housing.pk}


def test_petitions_paginate(api, world):
    client = api(world.cast.province_officer)
    first = client.get("/petitions/", {"page_size": 2}).json()
    second = client.get("/petitions/", {"page_size": 2, "page": 2}).json()
    assert first["count"] == 3 and len(first["results"]) == 2 and len(second["results"]) == 1
    assert first["next"].endswith("page=2&page_size=2") and second["next"] is None


# ---------------------------------------------------------------- recording


def petition_body(world, **extra):
    return {
        "receiving_unit": world.tree.tinh_uy.pk,
        "conference": world.conference.pk,
        "channel": "paper_citizen",
        "name": "Hoàng Thị Mai",
        "phone": "0912 000 111",
        "content": "Đề nghị lắp đặt đèn chiếu sáng tuyến đường qua trung tâm xã Cao Minh.",
        **extra,
    }


def test_a_petition_is_recorded_once_however_often_the_request_is_retried(api, world):
    client = api(world.cast.province_officer)
    first = client.post("/petitions/", petition_body(world), HTTP_IDEMPOTENCY_KEY="phieu-2026-001")
    assert first.status_code == 201, first.content
    body = first.json()
    assert body["status"] == "received" and body["phone"] == "0912000111" and body["channel"] == "paper_citizen"
    again = client.post("/petitions/", petition_body(world), HTTP_IDEMPOTENCY_KEY="phieu-2026-001")
    assert again.status_code == 200 and again.json()["id"] == body["id"]
    assert Petition.objects.filter(content__startswith="Đề nghị lắp đặt đèn").count() == 1
    assert audit_count("petition.receive", body["id"]) == 1
    entry = AuditEntry.objects.get(action="petition.receive", target_id=str(body["id"]))
    assert entry.actor == world.cast.province_officer


def test_a_submission_key_in_the_body_works_like_the_header(api, world):
    client = api(world.cast.province_officer)
    key = str(uuid.uuid4())
    first = client.post("/petitions/", petition_body(world, submission_key=key))
    again = client.post("/petitions/", petition_body(world, submission_key=key))
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"]


def test_one_person_s_idempotency_key_never_returns_another_person_s_petition(api, world):
    first = api(world.cast.province_officer).post("/petitions/", petition_body(world), HTTP_IDEMPOTENCY_KEY="k-1")
    other = api(world.cast.commune_officer).post(
        "/petitions/",
        petition_body(world, receiving_unit=world.tree.commune.pk, conference=None),
        HTTP_IDEMPOTENCY_KEY="k-1",
    )
    assert (first.status_code, other.status_code) == (201, 201)
    assert first.json()["id"] != other.json()["id"]


def test_recording_without_an_idempotency_key_is_refused(api, world):
    response = api(world.cast.province_officer).post("/petitions/", petition_body(world))
    assert response.status_code == 400
    assert response.json()["field"] == "Idempotency-Key"
    assert response.json()["detail"] == str(MSG_KEY_REQUIRED)
    assert not Petition.objects.filter(content__startswith="Đề nghị lắp đặt đèn").exists()


def test_bad_input_is_refused_in_vietnamese_and_nothing_is_recorded(api, world):
    client = api(world.cast.province_officer)
    short = client.post("/petitions/", petition_body(world, content="ngắn quá"), HTTP_IDEMPOTENCY_KEY="a")
    assert short.status_code == 400
    assert short.json() == {"detail": str(MSG_CONTENT_REQUIRED), "field": "content"}
    phone = client.post("/petitions/", petition_body(world, phone="12345"), HTTP_IDEMPOTENCY_KEY="b")
    assert phone.status_code == 400 and phone.json()["field"] == "phone"
    missing = client.post("/petitions/", {"channel": "fax"}, HTTP_IDEMPOTENCY_KEY="c")
    assert missing.status_code == 400
    assert set(missing.json()["errors"]) == {"receiving_unit", "channel", "content"}
    assert missing.json()["errors"]["receiving_unit"] == ["Giá trị này là bắt buộc."]
    assert not Petition.objects.filter(content__startswith="Đề nghị lắp đặt đèn").exists()


def test_a_unit_outside_the_person_s_intake_cannot_be_named(api, world):
    response = api(world.cast.outsider).post(
        "/petitions/", petition_body(world, conference=None), HTTP_IDEMPOTENCY_KEY="x"
    )
    assert response.status_code == 400 and response.json()["field"] == "receiving_unit"
    assert response.json()["detail"] == "Không có đối tượng nào mang mã số này trong phạm vi bạn được xem."


def test_agency_b_may_not_record_petitions(api, world):
    response = api(world.cast.agency_b).post("/petitions/", petition_body(world), HTTP_IDEMPOTENCY_KEY="x")
    assert response.status_code == 403
    assert not Petition.objects.filter(content__startswith="Đề nghị lắp đặt đèn").exists()


# ---------------------------------------------------------------- classification


def test_the_synthesis_board_classifies_a_petition_with_the_version_it_read(api, world):
    client = api(world.cast.province_officer)
    read = client.get(f"/petitions/{world.road.pk}/").json()
    response = client.patch(
        f"/petitions/{world.road.pk}/",
        {"version": read["version"], "field": "giao_thong_ha_tang", "level": "tinh", "competent_unit": None},
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "triaged" and body["field"]["code"] == "giao_thong_ha_tang" and body["level"] == "tinh"
    assert body["version"] == read["version"] + 1
    assert audit_count("petition.triage", world.road.pk) == 1
    stored = Petition.objects.get(pk=world.road.pk)
    assert stored.triaged_by == world.cast.province_officer and stored.suggestion  # kept to learn from


def test_a_classification_made_on_a_stale_copy_is_refused_with_409(api, world):
    client = api(world.cast.province_officer)
    version = client.get(f"/petitions/{world.road.pk}/").json()["version"]
    ok = client.patch(f"/petitions/{world.road.pk}/", {"version": version, "field": "dat_dai", "level": "tinh"})
    assert ok.status_code == 200
    stale = client.patch(
        f"/petitions/{world.road.pk}/", {"version": version, "field": "giao_thong_ha_tang", "level": "xa"}
    )
    assert stale.status_code == 409
    assert stale.json()["field"] == "version"
    assert stale.json()["detail"].startswith("Người khác vừa thay đổi nội dung này")
    assert Petition.objects.get(pk=world.road.pk).field.code == "dat_dai"
    assert audit_count("petition.triage", world.road.pk) == 1


def test_classifying_needs_something_to_change_and_a_field(api, world):
    client = api(world.cast.province_officer)
    version = world.road.version
    nothing = client.patch(f"/petitions/{world.road.pk}/", {"version": version})
    assert nothing.status_code == 400 and nothing.json()["detail"] == str(MSG_NOTHING_TO_CHANGE)
    no_field = client.patch(f"/petitions/{world.road.pk}/", {"version": version, "level": "tinh"})
    assert no_field.status_code == 400 and no_field.json()["field"] == "field"
    no_version = client.patch(f"/petitions/{world.road.pk}/", {"level": "tinh"})
    assert no_version.status_code == 400 and no_version.json()["field"] == "version"
    assert audit_count("petition.triage", world.road.pk) == 0


def test_a_petition_is_classified_and_forwarded_to_the_competent_unit_in_one_request(api, world):
    commune_body = make_unit("Ủy ban nhân dân xã Cao Minh", "people_committee", world.tree.commune)
    client = api(world.cast.province_officer)
    response = client.patch(
        f"/petitions/{world.road.pk}/",
        {
            "version": world.road.version,
            "field": "giao_thong_ha_tang",
            "level": "xa",
            "competent_unit": commune_body.pk,
            "forward": True,
        },
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "forwarded" and body["competent_unit"]["id"] == commune_body.pk
    petition = Petition.objects.get(pk=world.road.pk)
    assert petition.group.lead_unit == commune_body and petition.group.status == GroupStatus.ASSIGNED
    assert audit_count("petition.triage", world.road.pk) == 1 and audit_count("petition.forward", world.road.pk) == 1


def test_a_failed_forward_leaves_the_classification_unwritten_too(api, world):
    response = api(world.cast.province_officer).patch(
        f"/petitions/{world.road.pk}/",
        {"version": world.road.version, "field": "giao_thong_ha_tang", "level": "xa", "forward": True},
    )
    assert response.status_code == 400 and response.json()["field"] == "competent_unit"
    petition = Petition.objects.get(pk=world.road.pk)
    assert petition.status == PetitionStatus.RECEIVED and petition.field is None
    assert audit_count("petition.triage", world.road.pk) == 0


def test_a_competent_unit_outside_the_province_cannot_be_named(api, world):
    response = api(world.cast.province_officer).patch(
        f"/petitions/{world.road.pk}/",
        {
            "version": world.road.version,
            "field": "dat_dai",
            "level": "tinh",
            "competent_unit": world.tree.other_commune.pk,
        },
    )
    assert response.status_code == 400 and response.json()["field"] == "competent_unit"


def test_agencies_may_read_but_not_classify_and_the_outsider_gets_404(api, world):
    agency = api(world.cast.agency_a).patch(
        f"/petitions/{world.land.pk}/", {"version": world.land.version, "field": "dat_dai", "level": "xa"}
    )
    assert agency.status_code == 403 and agency.json()["detail"] == str(MSG_NOT_ALLOWED)
    outsider = api(world.cast.outsider).patch(
        f"/petitions/{world.road.pk}/", {"version": world.road.version, "field": "dat_dai", "level": "xa"}
    )
    assert outsider.status_code == 404
    assert audit_count("petition.triage", world.land.pk) == 1  # the fixture's own
    assert audit_count("petition.triage", world.road.pk) == 0


def test_a_move_the_petition_s_state_refuses_is_a_conflict(api, world):
    # A petition merged into a group that is being answered cannot be forwarded.
    response = api(world.cast.province_officer).patch(
        f"/petitions/{world.land.pk}/",
        {"version": world.land.version, "competent_unit": world.tree.agency_b.pk, "forward": True},
    )
    assert response.status_code == 409
    assert Petition.objects.get(pk=world.land.pk).status == PetitionStatus.GROUPED
