"""Two reviewers deciding the same result at once, a form sent twice at once, and two
directives of one group moving at once never leave an impossible state. Threads on
SQLite and PostgreSQL, as tests/test_conclusions_concurrency.py."""

import uuid

import pytest

from dialogue.conclusions.models import Directive, DirectiveStatus
from dialogue.core.errors import ServiceError
from dialogue.followup import services
from dialogue.followup.models import ProgressUpdate, UpdateKind
from tests import test_followup_fixtures as fx
from tests.threads import run_together

meeting = fx.meeting
followed = fx.followed

pytestmark = pytest.mark.django_db(transaction=True)

S = DirectiveStatus
TEXT = "Đã hoàn thành nạo vét kênh, có biên bản nghiệm thu."


def _fresh(directive):
    return Directive.objects.get(pk=directive.pk)


def test_two_reviewers_accepting_and_returning_at_once_make_one_decision(followed):
    f = followed
    services.result_report(actor=f.cast.agency_a, item=f.canal, claimed_status=S.RESOLVED, text=TEXT,
                           files=[fx.document()])  # fmt: skip
    results, errors = run_together(
        [
            lambda: services.result_accept(actor=f.reviewer, item=_fresh(f.canal)),
            lambda: services.result_return(actor=f.cast.admin, item=_fresh(f.canal), reason="Thiếu ảnh hiện trường."),
        ]
    )
    assert len(results) == 1 and len(errors) == 1 and isinstance(errors[0], ServiceError)
    decisions = ProgressUpdate.objects.filter(directive=f.canal, kind__in=[UpdateKind.ACCEPTED, UpdateKind.RETURNED])
    assert decisions.count() == 1
    status = _fresh(f.canal).status
    assert status == (S.RESOLVED if decisions.get().kind == UpdateKind.ACCEPTED else S.IN_PROGRESS)


def test_the_same_form_sent_twice_at_once_writes_one_update(followed):
    f = followed
    key = uuid.uuid4()
    version = _fresh(f.canal).version
    results, errors = run_together(
        [
            lambda: services.progress_post(
                actor=f.cast.agency_a, item=_fresh(f.canal), text=TEXT, submission_key=key, expected_version=version
            )
            for _ in range(3)
        ]
    )
    assert not errors
    assert len({u.pk for u in results}) == 1
    assert ProgressUpdate.objects.filter(directive=f.canal).count() == 1


def test_two_directives_of_one_group_resolved_at_once_leave_the_group_resolved(followed):
    f = followed
    Directive.objects.filter(pk=f.road.pk).update(group=f.group)
    for directive, agency in ((f.canal, f.cast.agency_a), (f.road, f.cast.agency_b)):
        services.result_report(actor=agency, item=_fresh(directive), claimed_status=S.RESOLVED, text=TEXT,
                               files=[fx.photo()])  # fmt: skip
    _results, errors = run_together(
        [
            lambda: services.result_accept(actor=f.reviewer, item=_fresh(f.canal)),
            lambda: services.result_accept(actor=f.cast.admin, item=_fresh(f.road)),
        ]
    )
    assert not errors, errors
    f.group.refresh_from_db()
    assert f.group.followup_status == S.RESOLVED
