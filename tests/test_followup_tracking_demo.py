"""The demo follow-up (`followup_demo_load`): the 14 directives of Số 1-TB/ĐU (Xã Gia Phúc,
11/06/2026) in every state, some late, the finished ones with real evidence files, one
forwarded to the city; dated between the notice and today; loading twice changes nothing."""

import pytest
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from dialogue.conclusions.demo import conclusions_demo_load, demo_conference
from dialogue.conclusions.models import Conclusion, DirectiveStatus
from dialogue.core.models import AuditEntry
from dialogue.followup import services
from dialogue.followup.demo import followup_demo_load
from dialogue.followup.models import Escalation, EscalationStatus, Evidence, ProgressUpdate
from dialogue.organisation.demo import DEMO_ACCOUNTS, demo_load
from dialogue.organisation.models import User
from dialogue.petitions.demo import petitions_demo_load
from dialogue.plans.demo import plans_demo_load
from dialogue.proceedings.demo import proceedings_demo_load

S = DirectiveStatus
FAST_HASHING = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker, tmp_path_factory):
    root = tmp_path_factory.mktemp("media")
    media = override_settings(MEDIA_ROOT=str(root))
    with FAST_HASHING, media, django_db_blocker.unblock(), transaction.atomic():
        demo_load()
        admin = User.objects.get(username=DEMO_ACCOUNTS[0].username)
        plans_demo_load(actor=admin)
        petitions_demo_load(actor=admin)
        proceedings_demo_load(actor=admin)
        conclusions_demo_load(actor=admin)
        first = followup_demo_load(actor=admin)
        updates, audits = ProgressUpdate.objects.count(), AuditEntry.objects.count()
        second = followup_demo_load(actor=admin)
        again = (second, ProgressUpdate.objects.count() - updates, AuditEntry.objects.count() - audits)
        yield admin, first, again, root
        transaction.set_rollback(True)


def _directives():
    conclusion = Conclusion.objects.get(conference=demo_conference())
    return list(conclusion.directives.select_related("lead_unit").order_by("order"))


def test_the_demo_puts_the_directives_in_every_state(loaded, db):
    _admin, first, _again, _root = loaded
    directives = _directives()
    assert len(directives) == 14
    updates = ProgressUpdate.objects.filter(directive__in=directives).count()
    assert first == {"directives": 13, "updates": updates, "escalations": 1}
    states = {d.status for d in directives}
    assert states == {
        S.ASSIGNED,
        S.IN_PROGRESS,
        S.REPORTED,
        S.RESOLVED,
        S.PARTLY_RESOLVED,
        S.CANNOT_RESOLVE,
        S.FORWARDED_UP,
        S.CLOSED,
    }
    today = timezone.localdate()
    late = [d for d in directives if d.status in (S.ASSIGNED, S.IN_PROGRESS) and d.due_date < today]
    not_late = [d for d in directives if d.status == S.IN_PROGRESS and d.due_date > today]
    assert len(late) >= 3 and not_late
    reported = [d for d in directives if d.status == S.REPORTED]
    assert {d.claimed_status for d in reported} == {S.RESOLVED, S.PARTLY_RESOLVED}


def test_every_finished_directive_has_real_evidence_and_the_unresolvable_one_a_reason(loaded, db):
    for directive in _directives():
        if directive.status in (S.RESOLVED, S.CLOSED):
            assert services.has_evidence(directive), directive.order
            assert directive.resolved_at is not None
        if directive.status == S.CLOSED:
            assert directive.closed_at is not None
        if directive.status == S.CANNOT_RESOLVE:
            assert "thẩm quyền" in directive.resolution_reason
    kinds = set()
    root = loaded[3]
    for evidence in Evidence.objects.filter(update__directive__in=_directives()):
        content = (root / evidence.file.name).read_bytes()
        assert services.sniff(content)[0] == evidence.content_type
        kinds.add(evidence.content_type)
    assert kinds == {"application/pdf", "image/jpeg"}


def test_one_directive_is_forwarded_to_the_city_and_waits_for_its_answer(loaded, db):
    forwarded = [d for d in _directives() if d.status == S.FORWARDED_UP]
    assert len(forwarded) == 1
    escalation = Escalation.objects.get(directive=forwarded[0])
    assert escalation.status == EscalationStatus.PENDING
    assert escalation.from_unit == forwarded[0].lead_unit
    assert not escalation.to_unit.path.startswith(forwarded[0].lead_unit.path.rsplit("/", 2)[0] + "/")
    assert "Hải Phòng" in escalation.to_unit.name


def test_the_steps_are_dated_after_the_conference_and_before_today(loaded, db):
    conference = demo_conference()
    today = timezone.localdate()
    for update in ProgressUpdate.objects.filter(directive__in=_directives()):
        day = timezone.localtime(update.created_at).date()
        assert conference.date < day < today
    for directive in _directives():
        if directive.resolved_at:
            assert conference.date < timezone.localtime(directive.resolved_at).date() < today


def test_the_groups_of_the_demo_directives_follow_them(loaded, db):
    for directive in _directives():
        if directive.group_id:
            directive.group.refresh_from_db()
            assert directive.group.followup_status == directive.status


def test_loading_the_demo_twice_changes_nothing(loaded, db):
    _admin, _first, (second, new_updates, new_audits), _root = loaded
    assert second == {"directives": 0, "updates": 0, "escalations": 0}
    assert new_updates == 0 and new_audits == 0
