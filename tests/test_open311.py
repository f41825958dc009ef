"""Open311 GeoReport v2 at /open311/v2/: a connected application lists the services,
sends a citizen's petition with its api_key and follows it; the public reads answered
petitions, masked; nobody reads what is neither public nor their own."""

import json
import xml.etree.ElementTree as ET
from datetime import timedelta
from types import SimpleNamespace
from urllib.parse import urlencode

import pytest
from django.test import Client
from django.utils import timezone

from dialogue.api.tokens import token_issue, token_revoke
from dialogue.core import ratelimit
from dialogue.core.models import AuditEntry
from dialogue.open311 import selectors
from dialogue.open311.params import MSG_CONSENT, MSG_LOCATION
from dialogue.open311.views import MSG_KEY_INVALID, MSG_KEY_MISSING
from dialogue.organisation.factories import make_person
from dialogue.organisation.roles import Role
from dialogue.petitions import public
from dialogue.petitions import services as petition_services
from dialogue.petitions.models import Channel, Field, JurisdictionLevel, Petition
from dialogue.petitions.public import (
    CONSENT_PURPOSE,
    STAGE_LABELS,
    Stage,
    display_tracking_code,
    public_state,
    public_states,
)
from dialogue.petitions.selectors import PetitionFilters, petition_get_for_user, petition_list_for_user

pytestmark = pytest.mark.django_db

BASE = "/open311/v2"
# Distinctive personal data: none of it may appear in anything a GET returns.
NAME_FIRST, NAME_LAST = "Hoa Mai", "Nguyễn Thị"
PHONE = "0912 345 678"
EMAIL = "hoamai.cm@example.vn"
ADDRESS = "số 17 ngõ 5 đường Quang Trung, thôn Nà Đon"
CONTENT = (
    "Bà Nguyễn Thị Hoa Mai (SĐT 0912 345 678, thư hoamai.cm@example.vn) ở số 17 ngõ 5 đường Quang Trung "
    "phản ánh đoạn đường liên thôn Nà Đon bị sạt lở sau mưa lũ, xe máy đi lại rất nguy hiểm."
)


@pytest.fixture
def apps(cast):
    """Connected applications: one over Xã Cao Minh, one over Hải Phòng; the province
    officer's own key; agency A's key (no right to receive petitions)."""
    cao_minh = make_person("app.caominh", "Cổng 1022 Cao Minh", roles=[(Role.SECRETARIAT, cast.tree.commune)])
    hai_phong = make_person("app.haiphong", "Ứng dụng Hải Phòng", roles=[(Role.SECRETARIAT, cast.tree.other_province)])
    keys = SimpleNamespace()
    keys.cao_minh_token, keys.cao_minh = token_issue(actor=cast.admin, user=cao_minh, name="Cổng 1022 Cao Minh")
    keys.hai_phong_token, keys.hai_phong = token_issue(actor=cast.admin, user=hai_phong, name="Ứng dụng Hải Phòng")
    keys.province_token, keys.province = token_issue(
        actor=cast.province_officer, user=cast.province_officer, name="Bảng điều khiển tỉnh"
    )
    keys.agency_token, keys.agency = token_issue(actor=cast.agency_a, user=cast.agency_a, name="Phần mềm của Sở")
    keys.admin_token, keys.admin = token_issue(actor=cast.admin, user=cast.admin, name="Quản trị")
    keys.cao_minh_user, keys.hai_phong_user = cao_minh, hai_phong
    return keys


def form(api_key, **overrides):
    data = {
        "api_key": api_key,
        "jurisdiction_id": "01879",
        "service_code": "giao_thong_ha_tang",
        "address_string": ADDRESS,
        "lat": "22.6612",
        "long": "106.2101",
        "first_name": NAME_FIRST,
        "last_name": NAME_LAST,
        "phone": PHONE,
        "email": EMAIL,
        "description": CONTENT,
        "device_id": "android-7f3a",
        "account_id": "u-5521",
        "attribute[consent]": "true",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def post(client, data, fmt="json"):
    return client.post(f"{BASE}/requests.{fmt}", urlencode(data), content_type="application/x-www-form-urlencoded")


def xml_of(response):
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    assert response.content.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    return ET.fromstring(response.content)  # noqa: S314 - our own server's answer


def json_of(response):
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return json.loads(response.content)


def errors_of(response, fmt):
    if fmt == "json":
        return [(e["code"], e["description"]) for e in json_of(response)]
    root = xml_of(response)
    assert root.tag == "errors"
    return [(int(e.findtext("code")), e.findtext("description")) for e in root.findall("error")]


def answer(cast, petition, *, followup_until=None):
    """The commune classifies and groups the petition, agency A answers, the province approves."""
    petition = petition_services.petition_triage(
        actor=cast.commune_officer,
        petition=petition,
        field=Field.objects.get(code="giao_thong_ha_tang"),
        level=JurisdictionLevel.XA,
    )
    group = petition_services.group_create(actor=cast.commune_officer, petitions=[petition])
    group = petition_services.group_assign(actor=cast.commune_officer, group=group, lead_unit=cast.tree.agency_a)
    petition_services.answer_submit(
        actor=cast.agency_a,
        group=group,
        text="Sở đã bố trí kinh phí khắc phục sạt lở; bà Nguyễn Thị Hoa Mai (0912 345 678) sẽ được thông báo.",
    )
    petition_services.answer_review(
        actor=cast.province_officer, group=group, approve=True, followup_until=followup_until
    )
    return Petition.objects.get(pk=petition.pk)


def submitted(client, apps, **overrides):
    response = post(client, form(apps.cao_minh, **overrides))
    assert response.status_code == 201, response.content
    request_id = json_of(response)[0]["service_request_id"]
    return Petition.objects.get(pk=int(request_id)), request_id


# ---------------------------------------------------------------- discovery and services


def test_discovery_names_the_endpoint_its_formats_and_how_to_get_a_key(client):
    document = json_of(client.get(f"{BASE}/discovery.json"))
    endpoint = document["endpoints"][0]
    assert endpoint["specification"] == "http://wiki.open311.org/GeoReport_v2"
    assert endpoint["url"] == "http://testserver/open311/v2"
    assert endpoint["formats"] == ["text/xml", "application/json"]
    assert "/api-keys/" in document["key_service"]
    root = xml_of(client.get(f"{BASE}/discovery.xml"))
    assert root.tag == "discovery"
    assert [f.text for f in root.findall("endpoints/endpoint/formats/format")] == ["text/xml", "application/json"]
    assert root.findtext("changeset") == document["changeset"]
    assert "Quản trị hệ thống" in root.findtext("key_service")


def test_services_are_the_active_fields_in_json_and_xml(client):
    Field.objects.filter(code="khac").update(is_active=False)
    services = json_of(client.get(f"{BASE}/services.json"))
    codes = [s["service_code"] for s in services]
    assert codes == list(Field.objects.filter(is_active=True).order_by("sort_order").values_list("code", flat=True))
    assert "khac" not in codes
    land = next(s for s in services if s["service_code"] == "dat_dai")
    assert land["service_name"] == "Đất đai"
    assert land["metadata"] is True and land["type"] == "realtime"
    assert land["group"] == "Đất đai, xây dựng và môi trường"
    roads = next(s for s in services if s["service_code"] == "giao_thong_ha_tang")
    assert "giao thong" in roads["keywords"] and "giao thông" in roads["keywords"]
    root = xml_of(client.get(f"{BASE}/services.xml"))
    assert root.tag == "services"
    assert [s.findtext("service_code") for s in root.findall("service")] == codes
    assert root.find("service/metadata").text == "true"


def test_the_service_definition_asks_for_consent_with_the_purpose_word_for_word(client):
    definition = json_of(client.get(f"{BASE}/services/dat_dai.json"))
    assert definition["service_code"] == "dat_dai"
    consent = definition["attributes"][0]
    assert consent["code"] == "consent" and consent["required"] is True
    assert consent["datatype"] == "singlevaluelist"
    assert consent["description"] == str(CONSENT_PURPOSE)
    assert [v["key"] for v in consent["values"]] == ["true", "false"]
    assert [a["code"] for a in definition["attributes"]] == [
        "consent",
        "identity_protected",
        "notify_by",
        "request_key",
    ]
    assert [a["order"] for a in definition["attributes"]] == [1, 2, 3, 4]
    root = xml_of(client.get(f"{BASE}/services/dat_dai.xml"))
    assert root.tag == "service_definition"
    attribute = root.find("attributes/attribute")
    assert attribute.findtext("code") == "consent" and attribute.findtext("required") == "true"
    assert [v.findtext("key") for v in attribute.findall("values/value")] == ["true", "false"]


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_an_unknown_service_or_jurisdiction_is_a_404_in_the_asked_format(client, fmt):
    response = client.get(f"{BASE}/services/khong_co.{fmt}")
    assert response.status_code == 404
    assert errors_of(response, fmt) == [(404, "Không có dịch vụ nào có mã “khong_co”.")]
    response = client.get(f"{BASE}/services.{fmt}", {"jurisdiction_id": "99999"})
    assert response.status_code == 404
    assert errors_of(response, fmt) == [(404, "Không có tỉnh, xã nào có mã “99999”.")]


# ---------------------------------------------------------------- POST


def test_a_request_becomes_one_petition_of_the_commune_with_consent_and_the_applications_name(client, cast, apps):
    response = post(client, form(apps.cao_minh))
    assert response.status_code == 201
    [body] = json_of(response)
    petition = Petition.objects.get()
    # The id is the petition's number; the tracking code goes to this application alone,
    # in the notice it passes to the citizen.
    assert body["service_request_id"] == str(petition.pk)
    assert body["account_id"] == "u-5521"
    assert petition.ack_due.strftime("%d/%m/%Y") in body["service_notice"]
    assert display_tracking_code(petition.tracking_code) in body["service_notice"]
    assert petition.channel == Channel.OPEN311
    assert petition.source_client == f"Cổng 1022 Cao Minh [{apps.cao_minh_token.prefix}]"
    assert petition.receiving_unit == cast.tree.commune
    assert petition.field.code == "giao_thong_ha_tang"
    assert petition.name == "Nguyễn Thị Hoa Mai"
    assert petition.phone == "0912345678" and petition.email == EMAIL
    assert petition.address == ADDRESS
    assert petition.consent_purpose == str(CONSENT_PURPOSE) and petition.consented_at
    assert not petition.identity_protected
    actions = set(
        AuditEntry.objects.filter(target_id=str(petition.pk), target_type__model="petition").values_list(
            "action", flat=True
        )
    )
    assert actions == {"petition.submit_public", "open311.request_submit"}
    entry = AuditEntry.objects.get(action="open311.request_submit")
    assert entry.actor == apps.cao_minh_user and entry.after["key"] == apps.cao_minh_token.prefix


def test_the_answer_in_xml_is_a_service_requests_list(client, apps):
    response = post(client, form(apps.cao_minh), fmt="xml")
    assert response.status_code == 201
    root = xml_of(response)
    assert root.tag == "service_requests"
    assert root.findtext("request/service_request_id") == str(Petition.objects.get().pk)
    assert root.findtext("request/account_id") == "u-5521"


def test_a_retried_request_creates_nothing_twice(client, apps):
    first = post(client, form(apps.cao_minh, **{"attribute[request_key]": "b7c1-42"}))
    again = post(
        client, form(apps.cao_minh, **{"attribute[request_key]": "b7c1-42", "description": CONTENT + " (gửi lại)"})
    )
    assert (first.status_code, again.status_code) == (201, 200)
    assert json_of(first)[0]["service_request_id"] == json_of(again)[0]["service_request_id"]
    assert Petition.objects.count() == 1
    assert AuditEntry.objects.filter(action="open311.request_submit").count() == 1
    # Without a request_key, the same content from the same device is the same request.
    plain = post(client, form(apps.cao_minh, device_id="ios-19"))
    plain_again = post(client, form(apps.cao_minh, device_id="ios-19"))
    assert (plain.status_code, plain_again.status_code) == (201, 200)
    assert Petition.objects.count() == 2
    # Another request key is another request.
    other = post(client, form(apps.cao_minh, **{"attribute[request_key]": "b7c1-43"}))
    assert other.status_code == 201 and Petition.objects.count() == 3


def test_a_key_over_one_commune_may_leave_out_the_jurisdiction(client, cast, apps):
    response = post(client, form(apps.cao_minh, jurisdiction_id=None))
    assert response.status_code == 201
    assert Petition.objects.get().receiving_unit == cast.tree.commune


def test_the_province_officers_key_may_send_to_a_commune_of_the_province(client, cast, apps):
    response = post(client, form(apps.province, jurisdiction_id="01879"))
    assert response.status_code == 201
    assert Petition.objects.get().source_client.startswith("Bảng điều khiển tỉnh [")


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_request_without_consent_is_refused_in_vietnamese_and_nothing_is_written(client, apps, fmt):
    for consent in (None, "false", "yes"):
        response = post(client, form(apps.cao_minh, **{"attribute[consent]": consent}), fmt=fmt)
        assert response.status_code == 400
        assert errors_of(response, fmt) == [(400, str(MSG_CONSENT))]
    assert str(MSG_CONSENT).startswith("Hãy đồng ý")
    assert Petition.objects.count() == 0 and not AuditEntry.objects.filter(action__startswith="petition.").exists()


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_refusals_follow_the_spec_codes_with_vietnamese_descriptions(client, apps, fmt):
    cases = [
        (form(apps.cao_minh, service_code="khong_co"), 404, "Không có dịch vụ nào có mã “khong_co”."),
        (form(apps.cao_minh, service_code=None), 400, "Hãy cho biết service_code (một mã trong services.json)."),
        (form(apps.cao_minh, jurisdiction_id="00000"), 404, "Không có tỉnh, xã nào có mã “00000”."),
        (form(apps.admin, jurisdiction_id=None), 400, "Hãy cho biết jurisdiction_id: mã chính thức của tỉnh hoặc xã."),
        # Hải Phòng's application may not send petitions to Cao Minh (nor the reverse).
        (form(apps.hai_phong), 403, "Khóa api_key này không được gửi kiến nghị đến tỉnh, xã này."),
        (
            form(apps.cao_minh, jurisdiction_id="11050"),
            403,
            "Khóa api_key này không được gửi kiến nghị đến tỉnh, xã này.",
        ),
        # A Cao Minh key cannot send to the whole province either.
        (form(apps.cao_minh, jurisdiction_id="19"), 403, "Khóa api_key này không được gửi kiến nghị đến tỉnh, xã này."),
        (form(apps.cao_minh, phone="12345"), 400, None),
        (form(apps.cao_minh, phone=""), 400, str(public.MSG_PHONE)),
        (form(apps.cao_minh, first_name="", last_name=""), 400, str(public.MSG_NAME)),
        (form(apps.cao_minh, description="Sạt lở"), 400, None),
        (form(apps.cao_minh, email="hoamai@"), 400, "Địa chỉ thư điện tử không hợp lệ."),
        (form(apps.cao_minh, media_url="javascript:alert(1)"), 400, None),
        (form(apps.cao_minh, lat="22.6", long=None, address_string=""), 400, None),
        (form(apps.cao_minh, lat=None, long=None, address_string=""), 400, str(MSG_LOCATION)),
        (form(apps.cao_minh, description="x" * 4001), 400, "Nội dung mô tả dài hơn 4.000 ký tự."),
        (form(apps.cao_minh, **{"attribute[notify_by]": "fax"}), 400, None),
    ]
    for data, status, description in cases:
        response = post(Client(), data, fmt=fmt)
        assert response.status_code == status, (data, response.content)
        [(code, text)] = errors_of(response, fmt)
        assert code == status
        if description:
            assert text == description
        # Every description is Vietnamese, never the English msgid.
        assert any(ch in text for ch in "ăâđêôơưạảấầẩậắằẳặẹẻếềểệỉịọỏốồổộớờởợụủứừửựỳỵỷ"), text
    assert Petition.objects.count() == 0


def test_an_invalid_telephone_number_is_refused_with_the_intakes_own_message(client, apps):
    response = post(client, form(apps.cao_minh, phone="0912 34"))
    [(code, text)] = errors_of(response, "json")
    assert (response.status_code, code) == (400, 400)
    assert "số điện thoại" in text.lower()


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_without_a_valid_key_nothing_is_sent(client, cast, apps, fmt):
    response = post(client, form(None), fmt=fmt)
    assert response.status_code == 403 and errors_of(response, fmt) == [(403, str(MSG_KEY_MISSING))]
    response = post(client, form("dt_00000000_guessed"), fmt=fmt)
    assert response.status_code == 403 and errors_of(response, fmt) == [(403, str(MSG_KEY_INVALID))]
    # A key of someone who does not receive petitions (agency A) sends nothing either.
    response = post(client, form(apps.agency), fmt=fmt)
    assert response.status_code == 403
    assert errors_of(response, fmt)[0][1].startswith("Khóa api_key này không được gửi kiến nghị")
    assert Petition.objects.count() == 0


def test_a_revoked_or_expired_key_is_refused(client, cast, apps):
    token_revoke(actor=cast.admin, token=apps.cao_minh_token)
    response = post(client, form(apps.cao_minh))
    assert response.status_code == 403 and errors_of(response, "json") == [(403, str(MSG_KEY_INVALID))]
    apps.hai_phong_token.expires_at = timezone.now() - timedelta(seconds=1)
    apps.hai_phong_token.save()
    response = post(client, form(apps.hai_phong, jurisdiction_id="11050"))
    assert response.status_code == 403
    assert Petition.objects.count() == 0


def test_the_api_needs_no_csrf_token_because_it_is_authenticated_by_its_key(apps):
    response = post(Client(enforce_csrf_checks=True), form(apps.cao_minh))
    assert response.status_code == 201


def test_a_post_that_is_not_form_encoded_is_refused(client, apps):
    response = client.post(f"{BASE}/requests.json", json.dumps(form(apps.cao_minh)), content_type="application/json")
    assert response.status_code == 400
    assert "application/x-www-form-urlencoded" in errors_of(response, "json")[0][1]


def test_posts_are_limited_per_key_and_per_address(client, apps, settings, monkeypatch):
    settings.OPEN311_POST_PER_KEY_HOUR = 2
    moment = timezone.now().replace(minute=40, second=0, microsecond=0)
    monkeypatch.setattr(ratelimit, "now", lambda: moment)  # 20 minutes left in the hour
    for i in range(2):
        assert post(client, form(apps.cao_minh, **{"attribute[request_key]": f"k{i}"})).status_code == 201
    refused = post(client, form(apps.cao_minh, **{"attribute[request_key]": "k3"}), fmt="xml")
    assert refused.status_code == 429 and refused["Retry-After"] == "1200"
    [(code, text)] = errors_of(refused, "xml")
    assert code == 429 and text.startswith("Quá nhiều yêu cầu") and "20 phút" in text
    # Another application still may; then the address's own limit is reached.
    settings.OPEN311_POST_PER_IP_HOUR = 4
    assert post(client, form(apps.province, **{"attribute[request_key]": "p1"})).status_code == 201
    assert post(client, form(apps.province, **{"attribute[request_key]": "p2"})).status_code == 429
    other_address = Client(REMOTE_ADDR="198.51.100.9")
    assert post(other_address, form(apps.province, **{"attribute[request_key]": "p2"})).status_code == 201
    assert Petition.objects.count() == 4


def test_the_identity_and_notice_attributes_reach_the_petition(client, apps):
    petition, _code = submitted(
        client, apps, **{"attribute[identity_protected]": "true", "attribute[notify_by]": "email"}
    )
    assert petition.identity_protected and petition.notify_by == "email"


def test_a_media_url_is_kept_for_the_officer_but_never_fetched_nor_published(client, cast, apps):
    url = "https://anh.example.vn/sat-lo/123.jpg"
    petition, code = submitted(client, apps, media_url=url)
    assert url in petition.content  # the officer sees the address; nothing was downloaded
    own = json_of(client.get(f"{BASE}/requests/{code}.json", {"api_key": apps.cao_minh}))[0]
    assert own["media_url"] == url and url not in own["description"]
    answer(cast, petition)
    public = json_of(client.get(f"{BASE}/requests/{code}.json"))[0]
    assert public["media_url"] is None and "anh.example.vn" not in json.dumps(public)


# ---------------------------------------------------------------- reading


def test_a_request_is_read_by_its_application_and_by_nobody_else_until_its_answer_is_published(client, cast, apps):
    petition, code = submitted(client, apps)
    own = client.get(f"{BASE}/requests/{code}.json", {"api_key": apps.cao_minh})
    [view] = json_of(own)
    assert view["service_request_id"] == code and view["status"] == "open"
    assert view["service_code"] == "giao_thong_ha_tang" and view["service_name"].startswith("Giao thông")
    assert view["status_notes"] == str(STAGE_LABELS[Stage.RECEIVED])
    assert view["agency_responsible"] == "Xã Cao Minh"
    assert view["address"] == "Xã Cao Minh, Tỉnh Thái Nguyên"
    assert view["lat"] is None and view["long"] is None
    # The tracking code is not an id: it would let a reader collect codes.
    tracking = display_tracking_code(petition.tracking_code)
    assert client.get(f"{BASE}/requests/{tracking}.json", {"api_key": apps.cao_minh}).status_code == 404
    # A stranger, another application and a bad key see nothing of it.
    for response in (
        client.get(f"{BASE}/requests/{code}.json"),
        client.get(f"{BASE}/requests/{code}.xml", {"api_key": apps.hai_phong}),
        client.get(f"{BASE}/requests/{code}.json", {"api_key": apps.province}),
    ):
        assert response.status_code == 404
    assert client.get(f"{BASE}/requests/{code}.json", {"api_key": "dt_x_y"}).status_code == 403
    assert json_of(client.get(f"{BASE}/requests.json")) == []
    assert [
        v["service_request_id"] for v in json_of(client.get(f"{BASE}/requests.json", {"api_key": apps.cao_minh}))
    ] == [code]
    # Once answered and approved, the public reads it (masked).
    answer(cast, petition)
    public = client.get(f"{BASE}/requests/{code}.xml")
    root = xml_of(public)
    assert root.tag == "service_requests"
    assert root.findtext("request/service_request_id") == code
    assert tracking not in public.content.decode() and petition.tracking_code not in public.content.decode()
    assert root.findtext("request/status") == "closed"  # settled by the answer, nothing to follow
    assert root.findtext("request/agency_responsible") == "Sở Nông nghiệp và Môi trường"
    assert root.findtext("request/status_notes").startswith(f"{STAGE_LABELS[Stage.RESOLVED]}: Sở đã bố trí kinh phí")
    assert [v["service_request_id"] for v in json_of(client.get(f"{BASE}/requests.json"))] == [code]


def test_an_unknown_or_malformed_request_id_is_a_404(client, apps):
    for request_id in ("DT-00000-00000", "12345", "DT-AAAAA-AAAAA-AAAAA", "-1", "1e3", "٣", "9" * 40):
        response = client.get(f"{BASE}/requests/{request_id}.json", {"api_key": apps.cao_minh})
        assert response.status_code == 404
        assert errors_of(response, "json")[0][1].startswith("Không có yêu cầu")


def test_no_personal_data_appears_in_any_get_output(client, cast, apps):
    petition, code = submitted(client, apps, media_url="https://anh.cong1022.vn/x.jpg")
    outputs = [
        client.get(f"{BASE}/requests/{code}.json", {"api_key": apps.cao_minh}),
        client.get(f"{BASE}/requests/{code}.xml", {"api_key": apps.cao_minh}),
        client.get(f"{BASE}/requests.json", {"api_key": apps.cao_minh}),
    ]
    answer(cast, petition, followup_until=timezone.localdate() + timedelta(days=30))
    outputs += [
        client.get(f"{BASE}/requests/{code}.json"),
        client.get(f"{BASE}/requests/{code}.xml"),
        client.get(f"{BASE}/requests.json"),
        client.get(f"{BASE}/requests.xml", {"api_key": apps.cao_minh}),
    ]
    for response in outputs:
        assert response.status_code == 200
        text = response.content.decode()
        for value in ("Hoa Mai", "Nguyễn Thị", "0912", "345 678", "345678", EMAIL, "hoamai", "số 17", "ngõ 5",
                      "Quang Trung", "android-7f3a", "u-5521", "example.vn"):  # fmt: skip
            assert value not in text, (value, text)
    public = json_of(outputs[3])[0]
    assert public["status"] == "open"  # followed until a date: still in progress
    assert "N.T.H.M." in public["description"] and "sạt lở" in public["description"]
    assert "N.T.H.M." in public["status_notes"]


def test_xml_carries_tricky_text_escaped_and_parses(client, apps):
    tricky = 'Đường <b>"Lò Vôi"</b> & cống ]]> hỏng; chữ \x01lạ\x0b và emoji 🚧 — cần sửa gấp.'
    _petition, code = submitted(client, apps, description=tricky)
    response = client.get(f"{BASE}/requests/{code}.xml", {"api_key": apps.cao_minh})
    description = xml_of(response).findtext("request/description")
    assert description == 'Đường <b>"Lò Vôi"</b> & cống ]]> hỏng; chữ lạ và emoji 🚧 — cần sửa gấp.'
    assert b"&lt;b&gt;" in response.content and b"&amp; c" in response.content
    assert json_of(client.get(f"{BASE}/requests/{code}.json", {"api_key": apps.cao_minh}))[0]["description"].startswith(
        'Đường <b>"Lò Vôi"</b>'
    )


def test_requests_are_filtered_by_service_status_dates_and_ids(client, cast, apps):
    roads, roads_code = submitted(client, apps, **{"attribute[request_key]": "a"})
    _land, land_code = submitted(client, apps, service_code="dat_dai", **{"attribute[request_key]": "b"})
    old, old_code = submitted(client, apps, **{"attribute[request_key]": "c"})
    answer(cast, roads)  # closed
    Petition.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=120))
    key = {"api_key": apps.cao_minh}

    def ids(**query):
        response = client.get(f"{BASE}/requests.json", {**key, **query})
        assert response.status_code == 200, response.content
        return [v["service_request_id"] for v in json_of(response)]

    assert ids() == [land_code, roads_code]  # newest first, the last 90 days
    assert ids(service_code="dat_dai") == [land_code]
    assert ids(service_code="dat_dai,giao_thong_ha_tang") == [land_code, roads_code]
    assert ids(status="closed") == [roads_code]
    assert ids(status="open") == [land_code]
    assert ids(status="open,closed") == [land_code, roads_code]
    start = (timezone.now() - timedelta(days=150)).strftime("%Y-%m-%dT%H:%M:%S+07:00")
    assert ids(start_date=start) == [old_code]
    end = timezone.now() + timedelta(minutes=1)
    assert ids(start_date=(end - timedelta(days=1)).isoformat(), end_date=end.isoformat()) == [land_code, roads_code]
    assert ids(jurisdiction_id="01879") == [land_code, roads_code]
    assert ids(jurisdiction_id="11050") == []
    # service_request_id overrides every other argument.
    assert set(ids(service_request_id=f"{old_code},{land_code}", status="closed")) == {old_code, land_code}
    for bad, message in (
        ({"start_date": "hôm qua"}, "start_date là ngày giờ theo ISO 8601"),
        ({"start_date": "2026-01-01T00:00:00Z", "end_date": "2026-06-01T00:00:00Z"}, "cách nhau tối đa 90 ngày"),
        ({"start_date": "2026-06-01T00:00:00Z", "end_date": "2026-05-01T00:00:00Z"}, "start_date phải trước"),
        ({"status": "pending"}, "status nhận open, closed"),
    ):
        response = client.get(f"{BASE}/requests.xml", {**key, **bad})
        assert response.status_code == 400
        assert message in errors_of(response, "xml")[0][1]


def test_at_most_the_limit_of_requests_is_returned(client, apps, monkeypatch):
    for i in range(3):
        submitted(client, apps, **{"attribute[request_key]": f"n{i}"})
    monkeypatch.setattr(selectors, "MAX_RESULTS", 2)
    assert len(json_of(client.get(f"{BASE}/requests.json", {"api_key": apps.cao_minh}))) == 2


def test_reading_is_limited_per_address(client, settings):
    settings.OPEN311_LIST_PER_IP_HOUR = 2
    settings.OPEN311_READ_PER_IP_HOUR = 3
    assert [client.get(f"{BASE}/requests.json").status_code for _ in range(3)] == [200, 200, 429]
    one = f"{BASE}/requests/DT-00000-00000.xml"
    assert [client.get(one).status_code for _ in range(4)] == [404, 404, 404, 429]
    assert Client(REMOTE_ADDR="198.51.100.9").get(f"{BASE}/requests.json").status_code == 200


def test_the_states_of_a_batch_are_those_of_each_petition_alone(client, cast, apps):
    first, _ = submitted(client, apps, **{"attribute[request_key]": "1"})
    second, _ = submitted(client, apps, **{"attribute[request_key]": "2"})
    third, _ = submitted(client, apps, **{"attribute[request_key]": "3"})
    alone, _ = submitted(client, apps, **{"attribute[request_key]": "4"})
    petition_services.petition_acknowledge(actor=cast.commune_officer, petition=first, kind="accepted")
    group = petition_services.group_create(actor=cast.commune_officer, petitions=[first, second, third])
    petition_services.group_assign(actor=cast.commune_officer, group=group, lead_unit=cast.tree.agency_a)
    Petition.objects.filter(pk=third.pk).update(updated_at=timezone.now() + timedelta(hours=1))
    rows = list(Petition.objects.select_related("group", "group__lead_unit").order_by("pk"))
    states = public_states(rows)
    assert dict(states.items()) == {p.pk: public_state(p) for p in rows}
    assert states[third.pk].updated_at > states[second.pk].updated_at
    assert states[alone.pk].answering_unit == ""


def test_a_list_of_requests_in_many_groups_reads_a_fixed_number_of_statements(
    client, cast, apps, django_assert_max_num_queries
):
    for i in range(12):
        petition, _ = submitted(client, apps, **{"attribute[request_key]": f"g{i}"})
        answer(cast, petition)
    with django_assert_max_num_queries(12):
        views = selectors.request_list(token=None, query=selectors.RequestQuery())
    assert len(views) == 12


def test_the_closed_filter_agrees_with_the_public_state(client, cast, apps):
    submitted(client, apps, **{"attribute[request_key]": "o"})
    followed, _ = submitted(client, apps, **{"attribute[request_key]": "f"})
    settled, _ = submitted(client, apps, **{"attribute[request_key]": "s"})
    withdrawn, _ = submitted(client, apps, **{"attribute[request_key]": "w"})
    answer(cast, followed, followup_until=timezone.localdate() + timedelta(days=10))
    answer(cast, settled)
    Petition.objects.filter(pk=withdrawn.pk).update(status="withdrawn")
    closed_ids = set(Petition.objects.filter(selectors.closed_q()).values_list("pk", flat=True))
    for petition in Petition.objects.all():
        assert public_state(petition).closed == (petition.pk in closed_ids), petition.pk
    assert closed_ids == {settled.pk, withdrawn.pk}


def test_portal_petitions_are_public_once_answered_too(client, cast):
    from dialogue.petitions.public import Submission, petition_submit_public

    petition = petition_submit_public(
        Submission(content=CONTENT, name="Nguyễn Thị Hoa Mai", phone=PHONE, consent=True, area=cast.tree.commune)
    )
    assert json_of(client.get(f"{BASE}/requests.json")) == []
    answer(cast, petition)
    [view] = json_of(client.get(f"{BASE}/requests.json"))
    assert view["service_request_id"] == str(petition.pk)
    assert "Hoa Mai" not in json.dumps(view, ensure_ascii=False)
    # A citizen's tracking code, with the telephone, opens the portal's tracking page; five
    # wrong telephones lock it. Published codes would let anyone lock citizens out.
    listing = client.get(f"{BASE}/requests.json").content.decode()
    assert display_tracking_code(petition.tracking_code) not in listing and petition.tracking_code not in listing


# ---------------------------------------------------------------- protocol


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_other_methods_are_not_allowed(client, apps, fmt):
    for method, path in (
        ("delete", "requests"),
        ("put", "services"),
        ("post", "discovery"),
        ("post", "services/dat_dai"),
    ):
        response = getattr(client, method)(f"{BASE}/{path}.{fmt}")
        assert response.status_code == 405
        assert errors_of(response, fmt)[0][0] == 405
        assert "POST" in response["Allow"] or "GET" in response["Allow"]
    code = "DT-00000-00000"
    assert client.post(f"{BASE}/requests/{code}.{fmt}").status_code == 405


def test_addresses_without_a_format_answer_in_the_spec_error_format(client):
    response = client.get(f"{BASE}/services")
    assert response.status_code == 404 and xml_of(response).tag == "errors"
    response = client.get(f"{BASE}/services.html")
    assert response.status_code == 404
    response = client.get(f"{BASE}/unknown.json")
    assert response.status_code == 404 and json_of(response)[0]["code"] == 404


# ---------------------------------------------------------------- staff


def test_staff_of_the_commune_see_the_petition_with_its_channel_and_application(client, cast, apps, login):
    petition, _code = submitted(client, apps)
    listed = petition_list_for_user(user=cast.commune_officer, filters=PetitionFilters(channel=Channel.OPEN311))
    assert list(listed) == [petition]
    seen = petition_get_for_user(user=cast.province_officer, pk=petition.pk)
    assert seen.channel == Channel.OPEN311 and seen.source_client.startswith("Cổng 1022 Cao Minh [")
    page = login(cast.commune_officer).get(f"/petitions/{petition.pk}/")
    assert page.status_code == 200
    assert str(Channel.OPEN311.label) in page.content.decode()
    # The outsider and agency B are refused it.
    assert list(petition_list_for_user(user=cast.outsider)) == []
    assert login(cast.outsider).get(f"/petitions/{petition.pk}/").status_code == 404
    assert login(cast.agency_b).get(f"/petitions/{petition.pk}/").status_code == 404


def test_every_message_of_the_endpoint_is_in_vietnamese():
    from django.utils import translation

    from dialogue.open311 import params, services, views

    messages = [
        value
        for module in (params, selectors, services, views)
        for name, value in vars(module).items()
        if name.isupper() and type(value).__name__ == "__proxy__"
    ]
    messages += [*selectors.GROUP_LABELS.values(), public.CONSENT_PURPOSE, public.IDENTITY_NOTE, *STAGE_LABELS.values()]
    assert len(messages) > 40
    for message in messages:
        with translation.override(None):
            english = str(message)
        assert str(message) != english, english
