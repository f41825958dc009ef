"""The portal's demo (`portal_demo_load`): on a fresh `make run` the public site has
conferences to come, announced in time with how to take part, petitions sent online, and
one petition with a fixed tracking code that went the whole way; loading twice changes
nothing."""

import io
from datetime import date

import pytest
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from dialogue.core.models import AuditEntry
from dialogue.organisation.demo import DEMO_ACCOUNTS, demo_load
from dialogue.organisation.models import User
from dialogue.petitions.models import Channel, GroupStatus, Petition
from dialogue.petitions.public import petition_for_tracking, public_state, upcoming_conferences
from dialogue.petitions.selectors import can_see_identity
from dialogue.plans.demo import plans_demo_load
from dialogue.plans.models import PlanStatus
from dialogue.plans.services import announce_deadline
from dialogue.portal.demo import DEMO_PHONE, DEMO_TRACKING_CODE, portal_demo_load

FAST_HASHING = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker, tmp_path_factory):
    media = override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("media")))
    with FAST_HASHING, media, django_db_blocker.unblock(), transaction.atomic():
        demo_load()
        admin = User.objects.get(username=DEMO_ACCOUNTS[0].username)
        plans_demo_load(actor=admin)
        out = io.StringIO()
        first = portal_demo_load(actor=admin, stdout=out)
        audits, petitions = AuditEntry.objects.count(), Petition.objects.count()
        second = portal_demo_load(actor=admin)
        again = (second, AuditEntry.objects.count() - audits, Petition.objects.count() - petitions)
        yield first, again, out.getvalue()
        transaction.set_rollback(True)


def _upcoming():
    return list(upcoming_conferences())


def test_two_conferences_to_come_are_announced_in_time_with_how_to_take_part(loaded, db):
    conferences = _upcoming()
    hosts = {c.host_unit.name for c in conferences}
    assert {"Xã Gia Phúc", "Tỉnh Thái Nguyên"} <= hosts
    for conference in conferences:
        assert conference.plan.status == PlanStatus.ISSUED
        assert conference.participation and conference.venue and conference.start_time
        assert conference.announce_late_reason == ""
        assert timezone.localtime(conference.announced_at).date() <= announce_deadline(conference)
        entry = AuditEntry.objects.get(action="conference.announce", target_id=str(conference.pk))
        assert entry.actor is not None and entry.actor.username in ("vanphong.giaphuc", "vanphong.tu")
    if timezone.localdate() < date(2026, 11, 26):  # loaded before December: the dates as written
        assert sorted(c.date for c in conferences) == [date(2026, 12, 10), date(2026, 12, 17)]


def test_citizens_sent_petitions_online_to_the_conferences_and_to_a_standing_reception(loaded, db):
    online = Petition.objects.filter(channel=Channel.ONLINE, tracking_code__isnull=False)
    assert online.count() >= 6
    for conference in _upcoming():
        assert online.filter(conference=conference).count() == 2
    assert online.filter(conference__isnull=True, receiving_unit__name="Đảng ủy xã Cao Minh").exists()
    assert all(p.consent_purpose and p.consented_at for p in online)
    assert online.filter(files__isnull=False).exists()
    assert online.filter(identity_protected=True).count() == 2
    connected = Petition.objects.get(channel=Channel.OPEN311)
    assert connected.tracking_code and connected.source_client


def test_the_protected_petition_goes_to_the_construction_department_without_its_sender(loaded, db):
    petition = Petition.objects.get(channel=Channel.ONLINE, identity_protected=True, group__isnull=False)
    assert petition.group.lead_unit.name == "Sở Xây dựng tỉnh Thái Nguyên"
    assert petition.group.status == GroupStatus.ASSIGNED
    assert not can_see_identity(User.objects.get(username="coquan.xaydung"), petition)
    assert can_see_identity(User.objects.get(username="danvan.tu"), petition)


def test_the_demo_tracking_code_shows_a_petition_that_went_the_whole_way(loaded, db):
    petition = petition_for_tracking("dt-7dem0-a2026", "0389 260 126")
    assert petition is not None and petition.tracking_code == DEMO_TRACKING_CODE
    assert petition.received_on == date(2026, 9, 8) and petition.acknowledged_on == date(2026, 9, 14)
    assert petition.conference is None  # sent to the commune's standing reception
    state = public_state(petition)
    assert state.stage == "in_progress"
    assert state.answering_unit == "Ủy ban nhân dân xã Gia Phúc"
    assert state.answer.startswith("Ủy ban nhân dân xã đã giao")
    assert [d.status for d in state.directives] == ["in_progress"]
    assert petition.group.conference.date == date(2026, 9, 24)
    assert petition.group.petitions.count() == 2


def test_the_tracking_example_is_printed(loaded, db):
    _first, _again, out = loaded
    assert "DT-7DEM0-A2026" in out and DEMO_PHONE in out


def test_loading_twice_changes_nothing(loaded, db):
    first, again, _out = loaded
    assert first == {"plans": 3, "conferences": 3, "petitions": 8}
    assert again == ({"plans": 0, "conferences": 0, "petitions": 0}, 0, 0)
