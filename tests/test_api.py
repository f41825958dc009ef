"""The staff API: keys, error bodies, pagination, units and conferences, each for the
person who may and the person who must be refused."""

from datetime import timedelta

import pytest
from django.utils import timezone

from dialogue.api.errors import MSG_NOT_AUTHENTICATED, MSG_NOT_FOUND
from dialogue.api.models import ApiToken
from dialogue.api.pagination import MSG_PAGE_SIZE
from dialogue.api.tokens import token_issue, token_revoke
from dialogue.core import ratelimit
from dialogue.core.models import RateCounter
from tests import test_api_fixtures as apifx

ApiClient = apifx.ApiClient
api = apifx.api
ids = apifx.ids
world = apifx.world

pytestmark = pytest.mark.django_db

# ---------------------------------------------------------------- keys


def test_anonymous_gets_401_with_a_vietnamese_detail_and_the_bearer_challenge(api):
    response = api(None).get("/units/")
    assert response.status_code == 401
    assert response.json() == {"detail": str(MSG_NOT_AUTHENTICATED), "field": None}
    assert response.json()["detail"].startswith("Hãy gửi khóa API")
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'


def test_a_revoked_key_is_refused_at_once(cast):
    token, raw = token_issue(actor=cast.province_officer, user=cast.province_officer, name="Bảng điều khiển")
    client = ApiClient(raw)
    assert client.get("/units/").status_code == 200
    token_revoke(actor=cast.province_officer, token=token)
    response = client.get("/units/")
    assert response.status_code == 401
    assert response.json()["detail"] == "Khóa API không hợp lệ, đã hết hạn hoặc đã bị thu hồi."


def test_an_expired_key_and_an_unknown_key_are_refused(cast):
    token, raw = token_issue(actor=cast.province_officer, user=cast.province_officer, name="Bảng điều khiển")
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    assert ApiClient(raw).get("/units/").status_code == 401
    assert ApiClient(raw[:-2] + "xx").get("/units/").status_code == 401
    assert ApiClient("not-a-key").get("/units/").status_code == 401


def test_a_key_stops_working_when_its_person_is_disabled(cast):
    _token, raw = token_issue(actor=cast.agency_a, user=cast.agency_a, name="Phần mềm của Sở")
    cast.agency_a.is_active = False
    cast.agency_a.save(update_fields=["is_active"])
    assert ApiClient(raw).get("/units/").status_code == 401


def test_using_a_key_records_when_it_was_last_used(cast):
    token, raw = token_issue(actor=cast.agency_a, user=cast.agency_a, name="Phần mềm của Sở")
    assert token.last_used_at is None
    ApiClient(raw).get("/units/")
    token.refresh_from_db()
    assert token.last_used_at is not None


# ---------------------------------------------------------------- errors and pagination


def test_an_unknown_address_under_the_api_is_a_json_404(api, cast):
    response = api(cast.province_officer).get("/nothing-here/")
    assert response.status_code == 404
    assert response.json() == {"detail": str(MSG_NOT_FOUND), "field": None}
    assert api(cast.province_officer).get("/units/abc/").status_code == 404
    assert api(cast.province_officer).get("/units/99999999999999999999999/").status_code == 404


def test_a_bad_filter_is_refused_with_the_field_it_concerns(api, cast):
    response = api(cast.province_officer).get("/units/", {"level": "9"})
    assert response.status_code == 400
    body = response.json()
    assert body["field"] == "level"
    assert body["detail"] == "“9” không phải là một giá trị được phép."
    assert body["errors"] == {"level": [body["detail"]]}


def test_pages_hold_the_asked_number_of_rows_up_to_200(api, cast):
    client = api(cast.province_officer)
    first = client.get("/units/", {"page_size": 3}).json()
    assert len(first["results"]) == 3 and first["count"] > 3 and first["previous"] is None
    second = client.get("/units/", {"page_size": 3, "page": 2}).json()
    assert not {u["id"] for u in first["results"]} & {u["id"] for u in second["results"]}
    too_big = client.get("/units/", {"page_size": 201})
    assert too_big.status_code == 400
    assert too_big.json()["detail"] == str(MSG_PAGE_SIZE % {"max": 200})
    assert client.get("/units/", {"page": 0}).status_code == 400
    assert client.get("/units/", {"page": 999}).status_code == 404


def test_a_body_that_is_not_json_is_refused(api, cast):
    client = api(cast.province_officer)
    response = client.client.post(
        "/api/v1/petitions/", "name=x", content_type="application/x-www-form-urlencoded", **client.headers
    )
    assert response.status_code == 415
    assert response.json()["detail"] == "Hãy gửi nội dung yêu cầu dưới dạng JSON (Content-Type: application/json)."
    response = client.client.post("/api/v1/petitions/", "{oops", content_type="application/json", **client.headers)
    assert response.status_code == 400
    assert response.json()["detail"] == "Nội dung yêu cầu không phải JSON hợp lệ."


def test_too_many_requests_with_one_key_get_429_with_retry_after(api, cast, settings):
    settings.API_RATE_PER_MINUTE = 3
    client = api(cast.province_officer)
    statuses = [client.get("/units/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = client.get("/units/")
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    assert response.json()["detail"].startswith("Quá nhiều yêu cầu")
    assert RateCounter.objects.filter(key__startswith="api:token:").exists()


def test_the_retry_after_of_a_refusal_is_the_time_left_in_the_window(api, cast, settings, monkeypatch):
    settings.API_RATE_PER_MINUTE = 1
    moment = timezone.now().replace(second=50, microsecond=0)
    monkeypatch.setattr(ratelimit, "now", lambda: moment)
    client = api(cast.province_officer)
    assert [client.get("/units/").status_code for _ in range(2)] == [200, 429]
    assert client.get("/units/")["Retry-After"] == "10"


# ---------------------------------------------------------------- units


def test_units_are_those_the_roles_cover(api, cast):
    t = cast.tree
    assert ids(api(cast.agency_a).get("/units/")) == {t.agency_a.pk}
    province = ids(api(cast.province_officer).get("/units/", {"page_size": 200}))
    assert {t.province.pk, t.agency_a.pk, t.agency_b.pk, t.commune.pk, t.village.pk} <= province
    assert t.other_province.pk not in province and t.other_commune.pk not in province
    assert ids(api(cast.outsider).get("/units/")) == {t.other_province.pk, t.other_commune.pk}


def test_units_filter_by_accent_free_words_level_and_parent(api, cast):
    t = cast.tree
    client = api(cast.province_officer)
    assert ids(client.get("/units/", {"q": "so xay dung"})) == {t.agency_b.pk}
    assert ids(client.get("/units/", {"level": 3})) == {t.commune.pk}
    assert ids(client.get("/units/", {"parent": t.ubnd.pk})) == {t.agency_a.pk, t.agency_b.pk}
    assert ids(client.get("/units/", {"kind": "village"})) == {t.village.pk}


def test_one_unit_is_read_with_its_kind_level_parent_and_code(api, cast):
    t = cast.tree
    body = api(cast.province_officer).get(f"/units/{t.commune.pk}/").json()
    assert body["name"] == "Xã Cao Minh" and body["code"] == "01879" and body["level"] == 3
    assert body["parent"] == t.province.pk and body["kind"]["code"] == "commune"


def test_a_unit_outside_the_roles_is_404_for_agency_b_and_the_outsider(api, cast):
    t = cast.tree
    assert api(cast.agency_b).get(f"/units/{t.agency_a.pk}/").status_code == 404
    assert api(cast.outsider).get(f"/units/{t.province.pk}/").status_code == 404


# ---------------------------------------------------------------- conferences


def test_conferences_are_those_of_the_plans_the_person_may_read(api, world):
    cast = world.cast
    assert ids(api(cast.province_officer).get("/conferences/")) == {world.conference.pk}
    assert ids(api(cast.outsider).get("/conferences/")) == {world.other_conference.pk}
    assert ids(api(cast.agency_b).get("/conferences/")) == set()
    assert api(cast.outsider).get(f"/conferences/{world.conference.pk}/").status_code == 404
    assert api(cast.agency_b).get(f"/conferences/{world.conference.pk}/").status_code == 404


def test_conferences_filter_by_host_unit_dates_and_status(api, world):
    client = api(world.cast.admin)
    both = {world.conference.pk, world.other_conference.pk}
    assert ids(client.get("/conferences/")) == both
    assert ids(client.get("/conferences/", {"host_unit": world.tree.other_province.pk})) == {world.other_conference.pk}
    day = world.conference.date
    assert ids(client.get("/conferences/", {"date_from": day.isoformat(), "date_to": day.isoformat()})) == {
        world.conference.pk
    }
    assert ids(client.get("/conferences/", {"status": "scheduled"})) == both
    assert ids(client.get("/conferences/", {"status": "held"})) == set()


def test_a_conference_is_read_with_iso_dates(api, world):
    body = api(world.cast.province_officer).get(f"/conferences/{world.conference.pk}/").json()
    assert body["date"] == world.conference.date.isoformat()
    assert body["host_unit"] == {"id": world.tree.province.pk, "name": "Tỉnh Thái Nguyên"}
    assert body["scope_levels"] == [0, 1] and body["status"] == "scheduled"
    assert body["created_at"].endswith("+07:00")


def test_the_openapi_document_is_served_as_json_with_the_bearer_scheme(client):
    response = client.get("/api/v1/schema/", {"format": "json"})
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert schema["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"
    paths = schema["paths"]
    for path in ("units", "conferences", "petitions", "assignments", "answers", "directives"):
        assert f"/api/v1/{path}/" in paths and f"/api/v1/{path}/{{id}}/" in paths
    patch = paths["/api/v1/petitions/{id}/"]["patch"]
    assert {"200", "400", "401", "403", "404", "409"} <= set(patch["responses"])
    assert "version" in schema["components"]["schemas"]["PetitionTriageRequest"]["required"]
    assert client.get("/api/v1/schema/").status_code == 200  # YAML by default
