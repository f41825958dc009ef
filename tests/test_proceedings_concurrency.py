"""Two secretaries on the console at once never lose or duplicate an intervention."""

import threading
import uuid

import pytest
from django.db import connection
from django.utils import timezone

from dialogue.core.errors import ServiceError
from dialogue.plans import services as plan_services
from dialogue.proceedings import services
from dialogue.proceedings.models import ConferenceRun, SpeakerRequest

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def conference(cast):
    officer = cast.commune_officer
    plan = plan_services.plan_create(actor=officer, issuing_unit=cast.tree.commune, title="Đối thoại")
    conference = plan_services.conference_create(actor=officer, plan=plan, title="Hội nghị", date=timezone.localdate())
    for i in range(4):
        services.speaker_add(actor=officer, conference=conference, speaker_name=f"Người {i}", matter=f"Ý kiến {i}")
    services.run_start(actor=officer, conference=conference)
    return conference


def _at_once(calls):
    barrier = threading.Barrier(len(calls))
    outcomes = []

    def run(call):
        try:
            barrier.wait()
            call()
            outcomes.append("ok")
        except ServiceError as exc:
            outcomes.append(str(exc.message))
        except Exception as exc:  # a deadlock or an integrity error would be a bug
            outcomes.append(repr(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_two_secretaries_pressing_next_at_once_move_the_queue_once(cast, conference):
    version = ConferenceRun.objects.get(conference=conference).version
    outcomes = _at_once(
        [
            lambda: services.console_next_speaker(
                actor=cast.commune_officer, conference=conference, expected_version=version
            ),
            lambda: services.console_next_speaker(
                actor=cast.province_officer, conference=conference, expected_version=version
            ),
        ]
    )
    assert sorted(outcomes) == sorted(["ok", str(services.MSG_STALE)])
    assert list(
        SpeakerRequest.objects.filter(conference=conference).values_list("status", flat=True).order_by("position")
    ) == [
        "speaking",
        "waiting",
        "waiting",
        "waiting",
    ]


def test_the_same_next_resent_from_two_tabs_at_once_is_applied_once(cast, conference):
    version = ConferenceRun.objects.get(conference=conference).version
    key = uuid.uuid4()
    outcomes = _at_once(
        [
            lambda: services.console_next_speaker(
                actor=cast.commune_officer, conference=conference, expected_version=version, submission_key=key
            )
        ]
        * 3
    )
    assert outcomes == ["ok"] * 3
    assert SpeakerRequest.objects.filter(conference=conference, status="speaking").count() == 1
    assert SpeakerRequest.objects.filter(conference=conference, status="done").count() == 0


def test_two_secretaries_saving_the_same_record_at_once_keep_one_and_refuse_the_other(cast, conference):
    run = ConferenceRun.objects.get(conference=conference)
    services.console_next_speaker(actor=cast.commune_officer, conference=conference, expected_version=run.version)
    speaker = SpeakerRequest.objects.get(conference=conference, status="speaking")
    outcomes = _at_once(
        [
            lambda: services.intervention_record(
                actor=cast.commune_officer, speaker=speaker, expected_version=speaker.version, notes="Bản của thư ký 1"
            ),
            lambda: services.intervention_record(
                actor=cast.province_officer, speaker=speaker, expected_version=speaker.version, notes="Bản của thư ký 2"
            ),
        ]
    )
    assert sorted(outcomes) == sorted(["ok", str(services.MSG_STALE)])
    assert SpeakerRequest.objects.get(pk=speaker.pk).notes in ("Bản của thư ký 1", "Bản của thư ký 2")


def test_requests_added_from_two_consoles_at_once_all_join_the_queue_in_distinct_places(cast, conference):
    outcomes = _at_once(
        [
            (
                lambda i=i: services.speaker_add(
                    actor=cast.commune_officer, conference=conference, speaker_name=f"Mới {i}", matter="Ý kiến"
                )
            )
            for i in range(4)
        ]
    )
    assert outcomes == ["ok"] * 4
    positions = list(SpeakerRequest.objects.filter(conference=conference).values_list("position", flat=True))
    assert len(positions) == 8 and len(set(positions)) == 8
