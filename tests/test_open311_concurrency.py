"""An application that sends the same request several times at once (a retry racing the
first attempt) gets one petition, the same tracking code every time."""

import threading
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test import Client

from dialogue.api.tokens import token_issue
from dialogue.core.models import AuditEntry
from dialogue.organisation.factories import make_person
from dialogue.organisation.roles import Role
from dialogue.petitions.fields_seed import load_builtin_fields
from dialogue.petitions.models import Field, Petition

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_same_request_sent_at_once_from_four_threads_is_recorded_once(cast):
    load_builtin_fields(Field)
    app = make_person("app.1022", "Cổng 1022 Cao Minh", roles=[(Role.SECRETARIAT, cast.tree.commune)])
    _token, key = token_issue(actor=cast.admin, user=app, name="Cổng 1022 Cao Minh")
    body = urlencode(
        {
            "api_key": key,
            "jurisdiction_id": "01879",
            "service_code": "dat_dai",
            "address_string": "thôn Nà Đon",
            "first_name": "Thị Lan",
            "last_name": "Đỗ",
            "phone": "0977 123 456",
            "description": "Đề nghị xem xét cấp giấy chứng nhận quyền sử dụng đất cho các hộ thôn Nà Đon.",
            "attribute[consent]": "true",
            "attribute[request_key]": "same-request",
        }
    )
    barrier = threading.Barrier(4)
    answers, errors = [], []

    def send():
        try:
            barrier.wait()
            response = Client().post(
                "/open311/v2/requests.json", body, content_type="application/x-www-form-urlencoded"
            )
            answers.append((response.status_code, response.json()[0]["service_request_id"]))
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert sorted(status for status, _ in answers) == [200, 200, 200, 201]
    assert len({code for _, code in answers}) == 1
    assert Petition.objects.count() == 1
    assert AuditEntry.objects.filter(action="open311.request_submit").count() == 1
    assert AuditEntry.objects.filter(action="petition.submit_public").count() == 1
