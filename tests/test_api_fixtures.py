"""Data and clients shared by the API tests (imported by them; it holds no test of its own).

Tỉnh ủy Thái Nguyên (P) holds a conference; its synthesis board (the province officer)
received three petitions: one still waiting for classification, one merged into a group
led by agency A (its petitioner asked to keep their identity from the agencies), one in a
group led by agency B. Hải Phòng's synthesis board (the outsider) has a conference and a
petition of its own. Every person reaches the API with a key of their own.
"""

import json
from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from django.test import Client
from django.utils import timezone

from dialogue.api.tokens import token_issue
from dialogue.organisation.models import Level
from dialogue.petitions import services as petition_services
from dialogue.petitions.models import Channel, Field, Petition
from dialogue.plans import services as plan_services

API = "/api/v1"


class ApiClient:
    """A JSON client that sends one person's key with every request."""

    def __init__(self, raw_key: str | None):
        self.client = Client()
        self.headers = {"HTTP_AUTHORIZATION": f"Bearer {raw_key}"} if raw_key else {}

    def get(self, path: str, params: dict | None = None, **headers):
        return self.client.get(f"{API}{path}", params or {}, **self.headers, **headers)

    def post(self, path: str, data: dict | None = None, **headers):
        return self.client.post(
            f"{API}{path}", json.dumps(data or {}), content_type="application/json", **self.headers, **headers
        )

    def patch(self, path: str, data: dict | None = None, **headers):
        return self.client.patch(
            f"{API}{path}", json.dumps(data or {}), content_type="application/json", **self.headers, **headers
        )


@pytest.fixture
def api():
    """`api(person)`: a JSON client with a new key of that person (None: no key at all)."""

    def _api(person):
        if person is None:
            return ApiClient(None)
        _token, raw = token_issue(actor=person, user=person, name="Phần mềm thử")
        return ApiClient(raw)

    return _api


def past_working_day(days_back: int) -> date:
    day = timezone.localdate() - timedelta(days=days_back)
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def next_weekday(day: date) -> date:
    day += timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


@pytest.fixture
def world(cast):
    t = cast.tree
    officer = cast.province_officer
    plan = plan_services.plan_create(actor=officer, issuing_unit=t.tinh_uy, title="Kế hoạch đối thoại năm 2026")
    conference = plan_services.conference_create(
        actor=officer,
        plan=plan,
        title="Hội nghị đối thoại của đồng chí Bí thư Tỉnh ủy với Nhân dân",
        date=timezone.localdate() + timedelta(days=23),
        scope_levels=[Level.CENTRAL, Level.PROVINCE],
    )

    def receive(content, received_on, **extra):
        extra.setdefault("channel", Channel.PAPER_CITIZEN)
        return petition_services.petition_receive(
            actor=officer,
            receiving_unit=t.tinh_uy,
            conference=conference,
            content=content,
            received_on=received_on,
            **extra,
        )

    # Three different days (the filters by date tell them apart), about 12, 10 and 8 days
    # ago: a weekend moves a day back, so a later one may need to move on.
    days = [past_working_day(12)]
    for back in (10, 8):
        days.append(max(past_working_day(back), next_weekday(days[-1])))
    road = receive(
        "Đề nghị sửa chữa đường liên xã Cao Minh bị sạt lở sau mưa lũ.",
        days[0],
        name="Nguyễn Văn Dân",
        phone="0912345678",
        address="thôn Nà Đon, xã Cao Minh",
    )
    land = receive(
        "Đề nghị cấp giấy chứng nhận quyền sử dụng đất cho các hộ thôn Nà Đon đã sử dụng ổn định.",
        days[1],
        name="Trần Thị Kín",
        phone="0987654321",
        address="thôn Nà Đon, xã Cao Minh",
        channel=Channel.MTTQ,
    )
    # The petitioner asked that the answering agencies not learn who they are.
    Petition.objects.filter(pk=land.pk).update(identity_protected=True, email="kin@example.vn")
    housing = receive(
        "Đề nghị hướng dẫn thủ tục cấp phép xây dựng nhà ở riêng lẻ tại khu dân cư mới.",
        days[2],
        name="Lê Văn Nhà",
        phone="0911222333",
    )
    dat_dai = Field.objects.get(code="dat_dai")
    for petition in (land, housing):
        petition_services.petition_triage(actor=officer, petition=petition, field=dat_dai, level="tinh")
    group_a = petition_services.group_create(actor=officer, petitions=[Petition.objects.get(pk=land.pk)])
    group_a = petition_services.group_assign(
        actor=officer, group=group_a, lead_unit=t.agency_a, due_date=timezone.localdate() + timedelta(days=20)
    )
    group_b = petition_services.group_create(actor=officer, petitions=[Petition.objects.get(pk=housing.pk)])
    group_b = petition_services.group_assign(
        actor=officer, group=group_b, lead_unit=t.agency_b, due_date=timezone.localdate() + timedelta(days=20)
    )

    other_plan = plan_services.plan_create(
        actor=cast.outsider, issuing_unit=t.other_province, title="Kế hoạch đối thoại của thành phố"
    )
    other_conference = plan_services.conference_create(
        actor=cast.outsider,
        plan=other_plan,
        title="Hội nghị đối thoại tại xã Gia Phúc",
        date=timezone.localdate() + timedelta(days=30),
    )
    other_petition = petition_services.petition_receive(
        actor=cast.outsider,
        receiving_unit=t.other_province,
        conference=other_conference,
        content="Đề nghị nạo vét kênh thoát nước khu dân cư xã Gia Phúc.",
        channel=Channel.PAPER_CITIZEN,
        received_on=past_working_day(5),
        name="Phạm Văn Hải",
        phone="0904111222",
    )
    return SimpleNamespace(
        cast=cast,
        tree=t,
        plan=plan,
        conference=conference,
        road=Petition.objects.get(pk=road.pk),
        land=Petition.objects.get(pk=land.pk),
        housing=Petition.objects.get(pk=housing.pk),
        group_a=group_a,
        group_b=group_b,
        other_plan=other_plan,
        other_conference=other_conference,
        other_petition=other_petition,
    )


def ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}
