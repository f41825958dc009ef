"""The demo's conference day: seed 003's Gia Phúc conference of 11/06/2026 fully held."""

import pytest
from django.db import transaction
from django.test import override_settings

from dialogue.core.models import AuditEntry
from dialogue.organisation.demo import DEMO_ACCOUNTS, demo_load
from dialogue.organisation.models import User
from dialogue.petitions.demo import petitions_demo_load
from dialogue.plans.demo import plans_demo_load
from dialogue.proceedings.demo import demo_conference, proceedings_demo_load
from dialogue.proceedings.models import ConferenceRun, Minutes, Outcome, SpeakerRequest

FAST_HASHING = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    with FAST_HASHING, django_db_blocker.unblock(), transaction.atomic():
        demo_load()
        admin = User.objects.get(username=DEMO_ACCOUNTS[0].username)
        plans_demo_load(actor=admin)
        petitions_demo_load(actor=admin)
        counts = proceedings_demo_load(actor=admin)
        yield admin, counts
        transaction.set_rollback(True)


def test_the_gia_phuc_conference_is_held_with_attendance_and_a_walk_in(loaded, db):
    conference = demo_conference()
    assert conference.status == "held" and conference.plan.issuing_unit.name == "Đảng ủy xã Gia Phúc"
    assert conference.participants.filter(attended=True, walk_in=False).count() >= 2
    assert conference.participants.filter(attended=False).count() == 1
    assert conference.participants.filter(walk_in=True, attended=True).count() == 1


def test_six_to_ten_interventions_from_the_petitions_with_every_outcome(loaded, db):
    conference = demo_conference()
    spoken = SpeakerRequest.objects.filter(conference=conference, status="done")
    assert 6 <= spoken.count() <= 10
    assert set(spoken.values_list("outcome", flat=True)) == set(Outcome.values)
    assert set(spoken.values_list("answered_by", flat=True)) == {"chair", "agency"}
    assert spoken.filter(group__isnull=False).count() >= 5 and spoken.filter(petition__channel="spoken").count() == 1
    assert all(s.notes for s in spoken) and not SpeakerRequest.objects.filter(conference=conference, status="speaking")
    run = ConferenceRun.objects.get(conference=conference)
    assert run.ended_at and run.current_item is None and run.started_at.date() == conference.date


def test_the_minutes_are_approved_by_the_chair(loaded, db):
    minutes = Minutes.objects.get(conference=demo_conference())
    assert minutes.status == "approved" and minutes.approved_by.username == "chutri.giaphuc"
    assert minutes.drafted_by.username == "vanphong.giaphuc"
    assert "khai mạc lúc 08 giờ 00" in minutes.time_place and "Ông Phạm Văn Thắng" not in minutes.interventions
    assert "Đã giải quyết ngay tại hội nghị" in minutes.interventions


def test_a_second_run_creates_nothing(loaded, db):
    admin, _counts = loaded
    before = (SpeakerRequest.objects.count(), AuditEntry.objects.count(), Minutes.objects.count())
    counts = proceedings_demo_load(actor=admin)
    assert counts == {"present": 0, "walk_ins": 0, "speakers": 0, "minutes": 0}
    assert (SpeakerRequest.objects.count(), AuditEntry.objects.count(), Minutes.objects.count()) == before
