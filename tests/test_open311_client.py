"""An Open311 client, as a city's app would be: it speaks HTTP to the running server over
loopback with nothing but urllib, discovers the endpoint, lists the services, reads a
service definition, posts a request form-encoded and reads it back in JSON and XML."""

import json
import re
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from urllib.parse import urlencode

import pytest

from dialogue.api.tokens import token_issue
from dialogue.organisation.factories import make_person
from dialogue.organisation.roles import Role
from dialogue.petitions.fields_seed import load_builtin_fields
from dialogue.petitions.models import Channel, Field, Petition

pytestmark = pytest.mark.django_db(transaction=True)

# No proxy from the environment: the server is on loopback.
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def call(url, data=None):
    """(status, headers, body) of one HTTP exchange; an HTTP error is an answer too."""
    body = urlencode(data).encode("utf-8") if data is not None else None
    # The live server's own http:// address, never a file: or other scheme.
    request = urllib.request.Request(url, data=body, method="POST" if data is not None else "GET")  # noqa: S310
    if body is not None:
        request.add_header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
    try:
        with OPENER.open(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_a_city_app_lists_services_posts_a_request_and_reads_it_back(live_server, cast):
    load_builtin_fields(Field)  # a transactional test flushed what the data migration loaded
    app = make_person("app.1022", "Cổng 1022 Cao Minh", roles=[(Role.SECRETARIAT, cast.tree.commune)])
    _token, key = token_issue(actor=cast.admin, user=app, name="Cổng 1022 Cao Minh")
    root = f"{live_server.url}/open311/v2"

    status, headers, body = call(f"{root}/discovery.json")
    assert status == 200 and headers["Content-Type"] == "application/json; charset=utf-8"
    endpoint = json.loads(body)["endpoints"][0]
    assert endpoint["url"] == root and "application/json" in endpoint["formats"]

    status, _headers, body = call(f"{endpoint['url']}/services.json?jurisdiction_id=01879")
    services = json.loads(body)
    assert status == 200 and len(services) == Field.objects.filter(is_active=True).count()
    service = next(s for s in services if s["service_code"] == "moi_truong")
    assert service["metadata"] is True

    status, _headers, body = call(f"{root}/services/{service['service_code']}.json")
    attributes = {a["code"]: a for a in json.loads(body)["attributes"]}
    assert status == 200 and attributes["consent"]["required"] is True
    assert attributes["consent"]["description"].startswith("Tôi đồng ý")

    request = {
        "api_key": key,
        "jurisdiction_id": "01879",
        "service_code": service["service_code"],
        "address_string": "thôn Nà Đon, xã Cao Minh",
        "first_name": "Văn Tư",
        "last_name": "Hoàng",
        "phone": "+84 983 111 222",
        "description": "Cơ sở chế biến gỗ ở thôn Nà Đon xả mùn cưa xuống suối, đề nghị kiểm tra.",
        "attribute[consent]": "true",
        "attribute[request_key]": "6f1c2a4e-0b1d-4e8a-9d3a-27c3a0f5b111",
    }
    status, headers, body = call(f"{root}/requests.json", request)
    assert status == 201, body.decode()
    [created] = json.loads(body)
    request_id = created["service_request_id"]
    # The id is the petition number; the tracking code is in the notice, for the citizen.
    assert request_id.isdigit() and created["service_notice"].startswith("Đã tiếp nhận")
    assert re.search(r"DT-[0-9A-Z]{5}-[0-9A-Z]{5}", created["service_notice"])

    # A retry after a lost answer returns the same request and writes nothing.
    status, _headers, body = call(f"{root}/requests.json", request)
    assert status == 200 and json.loads(body)[0]["service_request_id"] == request_id
    petition = Petition.objects.get()
    assert petition.channel == Channel.OPEN311 and petition.phone == "0983111222"

    status, _headers, body = call(f"{root}/requests/{request_id}.json?api_key={key}")
    [read] = json.loads(body)
    assert status == 200 and read["service_request_id"] == request_id
    assert read["status"] == "open" and read["service_code"] == "moi_truong"
    assert read["description"].startswith("Cơ sở chế biến gỗ")

    status, headers, body = call(f"{root}/requests/{request_id}.xml?api_key={key}")
    assert status == 200 and headers["Content-Type"] == "text/xml; charset=utf-8"
    assert body.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    tree = ET.fromstring(body)  # noqa: S314 - our own server's answer
    assert tree.tag == "service_requests" and tree.findtext("request/service_request_id") == request_id
    assert tree.findtext("request/address") == "Xã Cao Minh, Tỉnh Thái Nguyên"

    # Without the key the request is not public yet: a 404 in the spec's error format.
    status, _headers, body = call(f"{root}/requests/{request_id}.json")
    assert status == 404 and json.loads(body)[0]["code"] == 404
    assert "Hoàng" not in body.decode() and "983" not in body.decode()
