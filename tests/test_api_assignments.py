"""Petition groups (assignments) and answers through the API: agency B is refused agency
A's groups and answers, only the lead agency answers, only the synthesis board reviews,
and every write leaves its audit entry."""

from datetime import timedelta

import pytest
from django.utils import timezone

from dialogue.api.views import MSG_ANSWER_NOT_PENDING
from dialogue.core.models import AuditEntry
from dialogue.petitions import services as petition_services
from dialogue.petitions.models import Answer, AnswerStatus, GroupStatus, PetitionGroup
from tests import test_api_fixtures as apifx

api = apifx.api
ids = apifx.ids
world = apifx.world

pytestmark = pytest.mark.django_db

ANSWER_TEXT = "Sở đã rà soát hồ sơ; các hộ đủ điều kiện sẽ được cấp giấy chứng nhận trong quý I năm 2027."


def audits(action: str, group) -> int:
    return AuditEntry.objects.filter(action=action, target_id=str(group.pk)).count()


# ---------------------------------------------------------------- assignments


def test_each_agency_lists_only_the_groups_it_leads(api, world):
    assert ids(api(world.cast.agency_a).get("/assignments/")) == {world.group_a.pk}
    assert ids(api(world.cast.agency_b).get("/assignments/")) == {world.group_b.pk}
    assert ids(api(world.cast.province_officer).get("/assignments/")) == {world.group_a.pk, world.group_b.pk}
    assert ids(api(world.cast.outsider).get("/assignments/")) == set()


def test_an_assignment_shows_its_lead_supporting_agencies_due_date_and_petitions(api, world):
    body = api(world.cast.agency_a).get(f"/assignments/{world.group_a.pk}/").json()
    assert body["lead_unit"] == {"id": world.tree.agency_a.pk, "name": "Sở Nông nghiệp và Môi trường"}
    assert body["supports"] == [] and body["status"] == "assigned"
    assert body["due_date"] == world.group_a.due_date.isoformat()
    assert body["petitions"] == [world.land.pk]


def test_agency_b_and_the_outsider_get_404_on_agency_a_s_group(api, world):
    assert api(world.cast.agency_b).get(f"/assignments/{world.group_a.pk}/").status_code == 404
    assert api(world.cast.outsider).get(f"/assignments/{world.group_a.pk}/").status_code == 404


def test_assignments_filter_by_lead_status_and_words(api, world):
    client = api(world.cast.province_officer)
    assert ids(client.get("/assignments/", {"lead_unit": world.tree.agency_b.pk})) == {world.group_b.pk}
    assert ids(client.get("/assignments/", {"status": "assigned", "q": "giay chung nhan"})) == {world.group_a.pk}
    assert ids(client.get("/assignments/", {"status": "approved"})) == set()


def test_the_synthesis_board_assigns_a_group_with_a_supporting_agency(api, world):
    client = api(world.cast.province_officer)
    due = (timezone.localdate() + timedelta(days=15)).isoformat()
    response = client.post(
        f"/assignments/{world.group_a.pk}/assign/",
        {
            "lead_unit": world.tree.agency_a.pk,
            "supporting_units": [world.tree.agency_b.pk],
            "due_date": due,
            "version": world.group_a.version,
        },
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert [s["unit"]["id"] for s in body["supports"]] == [world.tree.agency_b.pk] and body["due_date"] == due
    assert audits("group.assign", world.group_a) == 2  # the fixture's and this one
    # Agency B now supports the group, so it reads it.
    assert api(world.cast.agency_b).get(f"/assignments/{world.group_a.pk}/").status_code == 200


def test_a_stale_assignment_is_refused_and_agencies_may_not_assign(api, world):
    stale = api(world.cast.province_officer).post(
        f"/assignments/{world.group_a.pk}/assign/",
        {"lead_unit": world.tree.agency_b.pk, "version": world.group_a.version - 1},
    )
    assert stale.status_code == 409
    agency = api(world.cast.agency_a).post(
        f"/assignments/{world.group_a.pk}/assign/", {"lead_unit": world.tree.agency_b.pk}
    )
    assert agency.status_code == 403
    outsider = api(world.cast.outsider).post(
        f"/assignments/{world.group_a.pk}/assign/", {"lead_unit": world.tree.agency_b.pk}
    )
    assert outsider.status_code == 404
    assert PetitionGroup.objects.get(pk=world.group_a.pk).lead_unit == world.tree.agency_a
    assert audits("group.assign", world.group_a) == 1


# ---------------------------------------------------------------- answers


def test_the_lead_agency_submits_its_answer(api, world):
    response = api(world.cast.agency_a).post(
        "/answers/", {"group": world.group_a.pk, "text": ANSWER_TEXT, "version": world.group_a.version}
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "submitted" and body["group"] == world.group_a.pk
    assert body["submitted_by"] == "Lê Văn An" and body["text"] == ANSWER_TEXT
    assert PetitionGroup.objects.get(pk=world.group_a.pk).status == GroupStatus.SUBMITTED
    assert audits("answer.submit", world.group_a) == 1


def test_a_retried_answer_is_not_submitted_twice(api, world):
    client = api(world.cast.agency_a)
    first = client.post("/answers/", {"group": world.group_a.pk, "text": ANSWER_TEXT})
    again = client.post("/answers/", {"group": world.group_a.pk, "text": ANSWER_TEXT})
    assert (first.status_code, again.status_code) == (201, 409)
    assert Answer.objects.filter(group=world.group_a).count() == 1


def test_agency_b_cannot_answer_agency_a_s_group_nor_see_it(api, world):
    response = api(world.cast.agency_b).post("/answers/", {"group": world.group_a.pk, "text": ANSWER_TEXT})
    assert response.status_code == 400 and response.json()["field"] == "group"
    assert not Answer.objects.filter(group=world.group_a).exists()


def test_a_supporting_agency_may_not_submit_the_lead_s_answer(api, world):
    petition_services.group_assign(
        actor=world.cast.province_officer,
        group=world.group_a,
        lead_unit=world.tree.agency_a,
        supporting_units=[world.tree.agency_b],
    )
    response = api(world.cast.agency_b).post("/answers/", {"group": world.group_a.pk, "text": ANSWER_TEXT})
    assert response.status_code == 403
    assert response.json()["detail"] == str(petition_services.MSG_NOT_LEAD)


@pytest.fixture
def submitted(world):
    return petition_services.answer_submit(actor=world.cast.agency_a, group=world.group_a, text=ANSWER_TEXT)


def test_answers_are_read_by_the_groups_readers_only(api, world, submitted):
    assert ids(api(world.cast.agency_a).get("/answers/")) == {submitted.pk}
    assert ids(api(world.cast.province_officer).get("/answers/", {"status": "submitted"})) == {submitted.pk}
    assert ids(api(world.cast.agency_b).get("/answers/")) == set()
    assert ids(api(world.cast.outsider).get("/answers/")) == set()
    assert api(world.cast.agency_b).get(f"/answers/{submitted.pk}/").status_code == 404
    assert api(world.cast.outsider).get(f"/answers/{submitted.pk}/").status_code == 404
    assert api(world.cast.agency_a).get(f"/answers/{submitted.pk}/").json()["status"] == "submitted"


def test_the_synthesis_board_approves_the_answer(api, world, submitted):
    response = api(world.cast.province_officer).post(f"/answers/{submitted.pk}/review/", {"decision": "approve"})
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "approved" and response.json()["reviewed_by"] == "Trần Thị Minh"
    group = PetitionGroup.objects.get(pk=world.group_a.pk)
    assert group.status == GroupStatus.APPROVED and group.answer_text == ANSWER_TEXT
    assert audits("answer.approve", world.group_a) == 1


def test_returning_an_answer_needs_a_comment(api, world, submitted):
    client = api(world.cast.province_officer)
    bare = client.post(f"/answers/{submitted.pk}/review/", {"decision": "return"})
    assert bare.status_code == 400 and bare.json()["field"] == "comment"
    returned = client.post(
        f"/answers/{submitted.pk}/review/", {"decision": "return", "comment": "Bổ sung số hộ đủ điều kiện."}
    )
    assert returned.status_code == 200 and returned.json()["status"] == "returned"
    assert audits("answer.return", world.group_a) == 1
    again = client.post(f"/answers/{submitted.pk}/review/", {"decision": "approve"})
    assert again.status_code == 409 and again.json()["detail"] == str(MSG_ANSWER_NOT_PENDING)


def test_only_the_synthesis_board_reviews(api, world, submitted):
    assert api(world.cast.agency_a).post(f"/answers/{submitted.pk}/review/", {"decision": "approve"}).status_code == 403
    assert api(world.cast.agency_b).post(f"/answers/{submitted.pk}/review/", {"decision": "approve"}).status_code == 404
    assert api(world.cast.outsider).post(f"/answers/{submitted.pk}/review/", {"decision": "approve"}).status_code == 404
    assert Answer.objects.get(pk=submitted.pk).status == AnswerStatus.SUBMITTED
    assert audits("answer.approve", world.group_a) == 0
