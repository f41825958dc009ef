"""The demo conclusion notice when the conference day was loaded first
(`proceedings_demo_load` marks the conference held and records interventions)."""

import pytest
from django.db import transaction
from django.test import override_settings

from dialogue.conclusions.demo import conclusions_demo_load, demo_conference
from dialogue.conclusions.models import Conclusion, ConclusionStatus
from dialogue.organisation.demo import DEMO_ACCOUNTS, demo_load
from dialogue.organisation.models import User
from dialogue.petitions.demo import petitions_demo_load
from dialogue.plans.demo import plans_demo_load
from dialogue.proceedings.demo import proceedings_demo_load
from dialogue.proceedings.models import Outcome, SpeakerRequest, SpeakerStatus

FAST_HASHING = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    with FAST_HASHING, django_db_blocker.unblock(), transaction.atomic():
        demo_load()
        admin = User.objects.get(username=DEMO_ACCOUNTS[0].username)
        plans_demo_load(actor=admin)
        petitions_demo_load(actor=admin)
        proceedings_demo_load(actor=admin)
        yield conclusions_demo_load(actor=admin)
        transaction.set_rollback(True)


def test_the_interventions_of_the_day_are_drafted_into_the_notice(loaded, db):
    conclusion = Conclusion.objects.get(conference=demo_conference())
    assert conclusion.status == ConclusionStatus.ISSUED
    spoken = SpeakerRequest.objects.filter(conference=conclusion.conference, status=SpeakerStatus.DONE)
    assert spoken.exists()
    for request in spoken.filter(outcome=Outcome.SETTLED):
        assert request.speaker_name in conclusion.settled or (request.group and request.group.directives.exists())
    open_requests = spoken.filter(outcome__in=[Outcome.COMMITTED, Outcome.FOLLOW_UP])
    for request in open_requests:
        assert conclusion.directives.filter(speaker_request=request).exists() or (
            request.group_id and conclusion.directives.filter(group_id=request.group_id).exists()
        )
    assert loaded["directives"] == conclusion.directives.count()
