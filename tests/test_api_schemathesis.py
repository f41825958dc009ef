"""Contract test of the staff API against its own OpenAPI document (schemathesis).

The document is read from the running application (`/api/v1/schema/?format=json`) and
every operation is called with generated requests — valid ones and deliberately broken
ones — with the key of the province officer, who has petitions, groups, answers and
directives to see. Every response must be documented (status code, content type, body
schema, headers), broken input must be refused with a 4xx, and nothing may answer 5xx.
"""

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from config.wsgi import application
from dialogue.api.tokens import token_issue
from tests import test_api_fixtures as apifx
from tests import test_followup_fixtures as fx

world = apifx.world

meeting = fx.meeting
followed = fx.followed

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
    negative_data_rejection,
]


# Read from the application itself, as a client would (the document needs no database).
schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", application)


@pytest.fixture
def bearer(db, world, followed, settings):
    """The province officer's key, with petitions, groups, answers and directives to see;
    the application called in-process, inside the test's transaction."""
    settings.API_RATE_PER_MINUTE = 0  # the generated requests come faster than any client's
    _token, raw = token_issue(
        actor=world.cast.province_officer, user=world.cast.province_officer, name="Kiểm thử hợp đồng API"
    )
    # Like Django's test client, keep the end of each request from closing the test's connection.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield {"Authorization": f"Bearer {raw}"}
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=10,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_every_operation_answers_as_documented_and_never_with_a_server_error(case, bearer):
    case.call_and_validate(headers=bearer, checks=CHECKS, app=application)


POSITIVE_CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]


def test_every_operation_succeeds_with_real_data_and_its_answer_matches_the_document(bearer, world, followed):
    """The generated requests above mostly name ids that do not exist; here each operation
    is called once on real objects, by the person entitled to it, and the successful
    answer (with identity fields hidden, timelines, nested units) is checked against the
    document too."""
    cast = world.cast

    def key(person):
        _token, raw = token_issue(actor=person, user=person, name="Kiểm thử hợp đồng API")
        return {"Authorization": f"Bearer {raw}"}

    officer, agency_a = bearer, key(cast.agency_a)

    def call(auth, method, path, expected, *, pk=None, **kwargs):
        operation = schema[path][method]
        case = operation.Case(path_parameters={"id": pk} if pk is not None else None, **kwargs)
        response = case.call_and_validate(headers=auth, checks=POSITIVE_CHECKS, app=application)
        assert response.status_code == expected, response.text
        return response.json()

    t = world.tree
    call(officer, "GET", "/api/v1/units/", 200, query={"q": "cao minh", "page_size": 5})
    call(officer, "GET", "/api/v1/units/{id}/", 200, pk=t.commune.pk)
    call(officer, "GET", "/api/v1/conferences/", 200, query={"status": "scheduled"})
    call(officer, "GET", "/api/v1/conferences/{id}/", 200, pk=world.conference.pk)
    listed = call(officer, "GET", "/api/v1/petitions/", 200, query={"conference": world.conference.pk})
    assert listed["count"] == 3
    hidden = call(agency_a, "GET", "/api/v1/petitions/{id}/", 200, pk=world.land.pk)
    assert hidden["identity_hidden"] and hidden["name"] is None
    body = {
        "receiving_unit": t.tinh_uy.pk,
        "conference": world.conference.pk,
        "channel": "spoken",
        "name": "Đỗ Thị Lan",
        "content": "Đề nghị xây dựng nhà văn hóa thôn Nà Đon đã xuống cấp nghiêm trọng.",
    }
    created = call(officer, "POST", "/api/v1/petitions/", 201, body=body, headers={"Idempotency-Key": "hop-dong-1"})
    call(officer, "POST", "/api/v1/petitions/", 200, body=body, headers={"Idempotency-Key": "hop-dong-1"})
    call(
        officer,
        "PATCH",
        "/api/v1/petitions/{id}/",
        200,
        pk=created["id"],
        body={"version": created["version"], "field": "giao_thong_ha_tang", "level": "tinh"},
    )
    call(officer, "GET", "/api/v1/assignments/", 200, query={"status": "assigned"})
    call(
        officer,
        "POST",
        "/api/v1/assignments/{id}/assign/",
        200,
        pk=world.group_b.pk,
        body={"lead_unit": t.agency_b.pk, "supporting_units": [t.agency_a.pk]},
    )
    call(agency_a, "GET", "/api/v1/assignments/{id}/", 200, pk=world.group_b.pk)
    answer = call(
        agency_a,
        "POST",
        "/api/v1/answers/",
        201,
        body={"group": world.group_a.pk, "text": "Sở đã rà soát và sẽ cấp giấy chứng nhận cho các hộ đủ điều kiện."},
    )
    call(agency_a, "GET", "/api/v1/answers/", 200, query={"group": world.group_a.pk})
    call(officer, "POST", "/api/v1/answers/{id}/review/", 200, pk=answer["id"], body={"decision": "approve"})
    call(officer, "GET", "/api/v1/answers/{id}/", 200, pk=answer["id"])
    call(
        agency_a,
        "POST",
        "/api/v1/directives/{id}/progress/",
        201,
        pk=followed.canal.pk,
        body={"text": "Đã khảo sát hiện trường, lập phương án nạo vét toàn tuyến kênh."},
        headers={"Idempotency-Key": "tien-do-1"},
    )
    call(agency_a, "GET", "/api/v1/directives/", 200, query={"status": "in_progress"})
    detail = call(agency_a, "GET", "/api/v1/directives/{id}/", 200, pk=followed.canal.pk)
    assert len(detail["updates"]) == 1
