"""Directives through the API: listed as on the staff directives list, read as on the
follow-up page, and a progress update posted through the follow-up services (one
writer of follow-up states), once however often the request is retried."""

import pytest

from dialogue.conclusions.models import DirectiveStatus
from dialogue.core.models import AuditEntry
from dialogue.followup import services as followup_services
from dialogue.followup.models import ProgressUpdate
from tests import test_api_fixtures as apifx
from tests import test_followup_fixtures as fx

api = apifx.api
ids = apifx.ids

meeting = fx.meeting
followed = fx.followed

pytestmark = pytest.mark.django_db

TEXT = "Đã khảo sát hiện trường, lập phương án nạo vét toàn tuyến kênh."


def test_each_agency_lists_the_directives_addressed_to_it(api, followed):
    f = followed
    assert ids(api(f.cast.agency_a).get("/directives/")) == {f.canal.pk}
    assert ids(api(f.cast.agency_b).get("/directives/")) == {f.canal.pk, f.road.pk}  # B supports the canal
    assert ids(api(f.cast.agency_b).get("/directives/", {"lead_unit": f.tree.agency_b.pk})) == {f.road.pk}
    assert ids(api(f.reviewer).get("/directives/")) == {d.pk for d in f.directives}


def test_the_outsider_sees_no_directive_of_the_province(api, followed):
    f = followed
    assert ids(api(f.cast.outsider).get("/directives/")) == set()
    assert api(f.cast.outsider).get(f"/directives/{f.canal.pk}/").status_code == 404
    assert api(f.cast.agency_a).get(f"/directives/{f.road.pk}/").status_code == 404


def test_directives_filter_by_status_and_conference(api, followed):
    f = followed
    client = api(f.reviewer)
    assert ids(client.get("/directives/", {"status": "assigned", "conference": f.meeting.conference.pk})) == {
        d.pk for d in f.directives
    }
    assert ids(client.get("/directives/", {"status": "closed"})) == set()
    assert ids(client.get("/directives/", {"late": True})) == set()


def test_a_directive_is_read_with_its_timeline(api, followed):
    f = followed
    followup_services.progress_post(actor=f.cast.agency_a, item=f.canal, text=TEXT)
    body = api(f.cast.agency_a).get(f"/directives/{f.canal.pk}/").json()
    assert body["lead_unit"]["id"] == f.tree.agency_a.pk
    assert [u["id"] for u in body["supporting_units"]] == [f.tree.agency_b.pk]
    assert body["status"] == "in_progress" and body["conference"] == f.meeting.conference.pk
    assert [(u["kind"], u["text"]) for u in body["updates"]] == [("progress", TEXT)]


def test_the_lead_agency_posts_progress_once_however_often_it_is_retried(api, followed):
    f = followed
    client = api(f.cast.agency_a)
    first = client.post(
        f"/directives/{f.canal.pk}/progress/", {"text": TEXT, "version": f.canal.version}, HTTP_IDEMPOTENCY_KEY="u-1"
    )
    assert first.status_code == 201, first.content
    assert (first.json()["status_before"], first.json()["status_after"]) == ("assigned", "in_progress")
    again = client.post(
        f"/directives/{f.canal.pk}/progress/", {"text": TEXT, "version": f.canal.version}, HTTP_IDEMPOTENCY_KEY="u-1"
    )
    assert again.status_code == 200 and again.json()["id"] == first.json()["id"]
    assert ProgressUpdate.objects.filter(directive=f.canal).count() == 1
    f.canal.refresh_from_db()
    assert f.canal.status == DirectiveStatus.IN_PROGRESS
    assert AuditEntry.objects.filter(action="followup.progress", target_id=str(f.canal.pk)).count() == 1


def test_a_stale_progress_update_is_refused_with_409(api, followed):
    f = followed
    response = api(f.cast.agency_a).post(
        f"/directives/{f.canal.pk}/progress/", {"text": TEXT, "version": f.canal.version + 5}, HTTP_IDEMPOTENCY_KEY="u"
    )
    assert response.status_code == 409 and response.json()["field"] == "version"
    assert not ProgressUpdate.objects.filter(directive=f.canal).exists()


def test_a_supporting_agency_may_post_progress(api, followed):
    f = followed
    response = api(f.cast.agency_b).post(
        f"/directives/{f.canal.pk}/progress/", {"text": TEXT}, HTTP_IDEMPOTENCY_KEY="b"
    )
    assert response.status_code == 201 and response.json()["author_unit"]["id"] == f.tree.agency_b.pk


def test_refused_people_post_nothing(api, followed):
    f = followed
    assert (
        api(f.cast.agency_a)
        .post(f"/directives/{f.road.pk}/progress/", {"text": TEXT}, HTTP_IDEMPOTENCY_KEY="x")
        .status_code
        == 404
    )
    assert (
        api(f.cast.outsider)
        .post(f"/directives/{f.canal.pk}/progress/", {"text": TEXT}, HTTP_IDEMPOTENCY_KEY="x")
        .status_code
        == 404
    )
    assert (
        api(f.supervisor)
        .post(f"/directives/{f.canal.pk}/progress/", {"text": TEXT}, HTTP_IDEMPOTENCY_KEY="x")
        .status_code
        == 403
    )
    short = api(f.cast.agency_a).post(f"/directives/{f.canal.pk}/progress/", {"text": "ngắn"}, HTTP_IDEMPOTENCY_KEY="y")
    assert short.status_code == 400 and short.json()["field"] == "text"
    assert not ProgressUpdate.objects.filter(directive__in=f.directives).exists()


def test_the_same_idempotency_key_on_two_directives_posts_on_each(api, followed):
    f = followed
    client = api(f.cast.agency_b)  # leads the road, supports the canal
    road = client.post(f"/directives/{f.road.pk}/progress/", {"text": TEXT}, HTTP_IDEMPOTENCY_KEY="cap-nhat-1")
    canal = client.post(f"/directives/{f.canal.pk}/progress/", {"text": TEXT}, HTTP_IDEMPOTENCY_KEY="cap-nhat-1")
    assert (road.status_code, canal.status_code) == (201, 201)
    assert ProgressUpdate.objects.filter(directive__in=[f.road, f.canal]).count() == 2
