"""Each of the seven roles, held over Xã Cao Minh, against every staff page: what it may
open and what it must be refused."""

import pytest
from django.urls import reverse

from dialogue.organisation.factories import make_person
from dialogue.organisation.roles import Role

# page -> roles (over the commune) that may open it; every other role is refused (403).
PAGES = {
    "staff:home": set(Role.values),
    "organisation:unit_list": set(Role.values),
    "workcalendar:year": set(Role.values),
    "organisation:person_list": {Role.ADMIN, Role.SECRETARIAT, Role.SYNTHESIS, Role.CHAIR},
    "core:audit_list": {Role.ADMIN, Role.SYNTHESIS},
    "plans:plan_list": set(Role.values),
    "plans:calendar": set(Role.values),
    "plans:task_list": set(Role.values) - {Role.SUPERVISOR},
    "plans:plan_create": {Role.ADMIN, Role.SECRETARIAT, Role.SYNTHESIS},
    "petitions:petition_list": set(Role.values),
    "petitions:petition_create": {Role.ADMIN, Role.SECRETARIAT, Role.SYNTHESIS, Role.MTTQ},
    "petitions:import_upload": {Role.ADMIN, Role.SECRETARIAT, Role.SYNTHESIS, Role.MTTQ},
    "petitions:inbox": {Role.ADMIN, Role.AGENCY, Role.SECRETARIAT, Role.SYNTHESIS},
    "conclusions:inbox": set(Role.values) - {Role.SUPERVISOR},
}


@pytest.fixture
def holder(cast):
    def _holder(role):
        return make_person(
            f"r-{role}", f"Người Giữ {role}", organisation=cast.tree.commune, roles=[(role, cast.tree.commune)]
        )

    return _holder


@pytest.mark.parametrize("role", Role.values)
@pytest.mark.parametrize("page", PAGES)
def test_each_role_opens_only_the_pages_its_capabilities_allow(login, holder, role, page):
    status = login(holder(role)).get(reverse(page)).status_code
    assert status == (200 if role in PAGES[page] else 403), f"{role} on {page}"


@pytest.mark.parametrize("role", Role.values)
def test_each_role_sees_its_commune_and_is_refused_the_province_above_it(login, holder, cast, role):
    client = login(holder(role))
    assert client.get(reverse("organisation:unit_detail", args=[cast.tree.commune.pk])).status_code == 200
    assert client.get(reverse("organisation:unit_detail", args=[cast.tree.village.pk])).status_code == 200
    assert client.get(reverse("organisation:unit_detail", args=[cast.tree.province.pk])).status_code == 404
    assert client.get(reverse("organisation:unit_detail", args=[cast.tree.other_commune.pk])).status_code == 404


@pytest.mark.parametrize("role", [r for r in Role.values if r != Role.ADMIN])
def test_only_the_admin_role_may_change_units_even_inside_its_commune(login, holder, cast, role):
    client = login(holder(role))
    assert client.get(reverse("organisation:unit_update", args=[cast.tree.village.pk])).status_code == 404
    assert client.get(reverse("organisation:person_create"), {"organisation": cast.tree.commune.pk}).status_code == 404


def test_a_commune_admin_may_change_units_of_the_commune_but_not_the_calendar(login, holder, cast):
    client = login(holder(Role.ADMIN))
    assert client.get(reverse("organisation:unit_update", args=[cast.tree.village.pk])).status_code == 200
    response = client.post(
        reverse("workcalendar:exception_create"), {"day": "02/01/2027", "kind": "working_day", "reason": "x"}
    )
    assert response.status_code == 403


@pytest.fixture
def commune_plan(cast):
    from datetime import date

    from dialogue.organisation.factories import make_unit
    from dialogue.plans import services

    party = make_unit("Đảng ủy xã Cao Minh", "party_committee", cast.tree.commune)
    plan = services.plan_create(actor=cast.commune_officer, issuing_unit=party, title="Kế hoạch đối thoại")
    conference = services.conference_create(
        actor=cast.commune_officer, plan=plan, title="Hội nghị", date=date(2026, 12, 18)
    )
    return plan, conference


MANAGE_PLANS = {Role.ADMIN, Role.SECRETARIAT, Role.SYNTHESIS}


@pytest.mark.parametrize("role", Role.values)
def test_each_role_reads_the_communes_plans_and_only_planners_may_change_them(login, holder, commune_plan, role):
    plan, conference = commune_plan
    client = login(holder(role))
    assert client.get(reverse("plans:plan_detail", args=[plan.pk])).status_code == 200
    assert client.get(reverse("plans:conference_detail", args=[conference.pk])).status_code == 200
    expected = 200 if role in MANAGE_PLANS else 403
    assert client.get(reverse("plans:plan_update", args=[plan.pk])).status_code == expected
    assert client.get(reverse("plans:conference_update", args=[conference.pk])).status_code == expected


@pytest.mark.parametrize("role", Role.values)
def test_each_role_reads_the_communes_petitions_and_only_triagers_classify_them(login, holder, cast, role):
    from dialogue.petitions.models import Channel
    from dialogue.petitions.services import petition_receive

    petition = petition_receive(
        actor=cast.commune_officer, receiving_unit=cast.tree.commune, channel=Channel.VILLAGE,
        content="Đề nghị sửa chữa đường liên thôn Nà Đon.",
    )  # fmt: skip
    client = login(holder(role))
    page = client.get(reverse("petitions:petition_detail", args=[petition.pk]))
    assert page.status_code == 200
    triage = client.post(reverse("petitions:petition_triage", args=[petition.pk]), {})
    assert triage.status_code == (302 if role in {Role.ADMIN, Role.SECRETARIAT, Role.SYNTHESIS} else 403)
