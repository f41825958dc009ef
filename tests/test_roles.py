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
