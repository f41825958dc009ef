"""Two people (or a double click) asking for the same conference's dossier at the same
moment queue one build. Runs on SQLite and PostgreSQL."""

import pytest

from dialogue.dossier import services
from dialogue.dossier.models import DossierExport, DossierStatus
from tests import test_conclusions_fixtures
from tests.threads import run_together

meeting = test_conclusions_fixtures.meeting

pytestmark = pytest.mark.django_db(transaction=True)


def test_requests_at_the_same_moment_queue_one_build(meeting, settings):
    # The worker is not running: the builds stay queued, as between a click and the worker.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    people = [meeting.officer, meeting.officer, meeting.cast.province_officer, meeting.chair]
    results, errors = run_together(
        [lambda p=p: services.dossier_request(actor=p, conference=meeting.conference) for p in people]
    )
    assert errors == []
    assert DossierExport.objects.count() == 1
    export = DossierExport.objects.get()
    assert export.status == DossierStatus.QUEUED
    assert {r[0].pk for r in results} == {export.pk}
    assert sum(1 for _export, created in results if created) == 1


def test_two_workers_taking_the_same_build_build_it_once(meeting, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    export, _ = services.dossier_request(actor=meeting.officer, conference=meeting.conference)
    _results, errors = run_together([lambda: services.dossier_build(export_id=export.pk) for _ in range(2)])
    assert errors == []
    export.refresh_from_db()
    assert export.status == DossierStatus.READY
    from dialogue.core.models import AuditEntry

    assert AuditEntry.objects.filter(action="dossier.build").count() == 1
