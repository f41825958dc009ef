"""The API keys page (/api-keys/) and the key services: a person issues and revokes their
own keys, the new key is shown once, a double submit issues one key; an administrator
manages the keys of the accounts they administer; nobody else sees or revokes them."""

import re
import uuid

import pytest
from django.core.exceptions import PermissionDenied

from dialogue.api.models import ApiToken
from dialogue.api.tokens import MSG_NAME, MSG_NOT_YOURS, token_for_key, token_issue, token_revoke
from dialogue.core.errors import ServiceError
from dialogue.core.models import AuditEntry
from dialogue.organisation.factories import make_person
from dialogue.organisation.roles import Role

pytestmark = pytest.mark.django_db

URL = "/api-keys/"


def issue(client, **data):
    data.setdefault("name", "Cổng 1022 tỉnh")
    data.setdefault("days", 90)
    data.setdefault("submission_key", str(uuid.uuid4()))
    return client.post(URL, data)


def shown_key(response) -> str:
    match = re.search(r'id="new-key" type="text" value="(dt_[^"]+)"', response.content.decode())
    assert match, "the new key is shown on the page"
    return match.group(1)


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.post(URL, {"name": "x"}).status_code == 302
    assert not ApiToken.objects.exists()


def test_a_person_issues_a_key_that_is_shown_once_and_works(cast, login):
    client = login(cast.agency_a)
    page = client.get(URL)
    assert page.status_code == 200
    assert "Khóa API" in page.content.decode() and "Bạn chưa có khóa API nào." in page.content.decode()
    response = issue(client)
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    raw = shown_key(response)
    token = ApiToken.objects.get()
    assert token.user == cast.agency_a and token.name == "Cổng 1022 tỉnh" and raw.startswith(f"dt_{token.prefix}_")
    assert token_for_key(raw) == token
    assert AuditEntry.objects.filter(action="api.token_issue", target_id=str(token.pk)).count() == 1
    later = client.get(URL).content.decode()
    assert raw not in later and token.prefix in later  # listed by its prefix, never in full again


def test_a_double_submitted_form_issues_one_key(cast, login):
    client = login(cast.agency_a)
    key = str(uuid.uuid4())
    first = issue(client, submission_key=key)
    shown_key(first)
    again = issue(client, submission_key=key)
    assert again.status_code == 302
    assert ApiToken.objects.count() == 1
    assert "đã được cấp và chỉ hiển thị một lần" in client.get(URL).content.decode()


def test_a_key_without_a_name_is_refused_in_vietnamese(cast, login):
    response = issue(login(cast.agency_a), name="   ")
    assert response.status_code == 200
    assert (
        'class="field field--invalid"' in response.content.decode() and 'id="new-key"' not in response.content.decode()
    )
    assert not ApiToken.objects.exists()
    with pytest.raises(ServiceError) as refused:
        token_issue(actor=cast.agency_a, user=cast.agency_a, name="  ")
    assert refused.value.message == MSG_NAME


def test_a_person_revokes_their_key_and_it_stops_working(cast, login):
    token, raw = token_issue(actor=cast.agency_a, user=cast.agency_a, name="Phần mềm của Sở")
    client = login(cast.agency_a)
    response = client.post(f"{URL}{token.pk}/revoke/")
    assert response.status_code == 302
    assert token_for_key(raw) is None
    assert AuditEntry.objects.filter(action="api.token_revoke", target_id=str(token.pk)).count() == 1
    assert "đã thu hồi" in client.get(URL).content.decode()


def test_agency_b_neither_sees_nor_revokes_agency_a_s_key(cast, login):
    token, raw = token_issue(actor=cast.agency_a, user=cast.agency_a, name="Phần mềm của Sở Nông nghiệp")
    client = login(cast.agency_b)
    assert "Phần mềm của Sở Nông nghiệp" not in client.get(URL).content.decode()
    assert client.post(f"{URL}{token.pk}/revoke/").status_code == 404
    assert login(cast.province_officer).post(f"{URL}{token.pk}/revoke/").status_code == 404
    assert token_for_key(raw) == token
    with pytest.raises(PermissionDenied):
        token_revoke(actor=cast.agency_b, token=token)
    with pytest.raises(PermissionDenied) as refused:
        token_issue(actor=cast.agency_b, user=cast.agency_a, name="x")
    assert str(refused.value) == str(MSG_NOT_YOURS)


def test_only_an_administrator_may_issue_for_another_account(cast, login):
    page = login(cast.province_officer).get(URL).content.decode()
    assert 'name="person"' not in page
    response = issue(login(cast.province_officer), person=cast.agency_a.username)
    assert ApiToken.objects.get().user == cast.province_officer  # the field is not there: own key
    assert response.status_code == 200


def test_the_administrator_issues_and_revokes_a_key_for_an_application_s_account(cast, login):
    app = make_person("app.caominh", "Cổng 1022 Cao Minh", roles=[(Role.SECRETARIAT, cast.tree.commune)])
    client = login(cast.admin)
    assert 'name="person"' in client.get(URL).content.decode()
    response = issue(client, name="Cổng 1022 Cao Minh", person="app.caominh")
    raw = shown_key(response)
    token = ApiToken.objects.get()
    assert token.user == app and token.created_by == cast.admin and token_for_key(raw) == token
    listed = client.get(URL).content.decode()
    assert "Khóa của các tài khoản do bạn quản trị" in listed and "app.caominh" in listed
    assert client.post(f"{URL}{token.pk}/revoke/").status_code == 302
    assert token_for_key(raw) is None


def test_an_unknown_account_is_refused_on_the_form(cast, login):
    response = issue(login(cast.admin), person="khong.co.ai")
    assert "Không có tài khoản nào do bạn quản trị mang tên đăng nhập này." in response.content.decode()
    assert not ApiToken.objects.exists()


def test_a_provincial_administrator_manages_only_the_accounts_of_the_province(cast):
    local_admin = make_person("qt.tinh", "Quản trị tỉnh", roles=[(Role.ADMIN, cast.tree.province)])
    token_issue(actor=local_admin, user=cast.agency_a, name="Phần mềm của Sở")
    with pytest.raises(PermissionDenied):
        token_issue(actor=local_admin, user=cast.outsider, name="Ứng dụng Hải Phòng")
