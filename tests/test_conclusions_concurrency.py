"""Two chairs issuing notices of the same unit at once get different numbers; two people
drafting the same conference at once get one draft. Runs on SQLite and PostgreSQL."""

from datetime import timedelta

import pytest
from django.utils import timezone

from dialogue.conclusions import services
from dialogue.conclusions.models import Conclusion
from dialogue.plans import services as plan_services
from tests import test_conclusions_fixtures
from tests.threads import run_together

meeting = test_conclusions_fixtures.meeting

pytestmark = pytest.mark.django_db(transaction=True)


def _conferences(meeting, n):
    conferences = [meeting.conference]
    for i in range(1, n):
        conferences.append(
            plan_services.conference_create(
                actor=meeting.officer,
                plan=meeting.plan,
                host_unit=meeting.tree.commune,
                title=f"Hội nghị đối thoại lần {i + 1}",
                date=meeting.conference.date - timedelta(days=i),
            )
        )
    return conferences


def test_notices_issued_at_once_get_distinct_consecutive_numbers(meeting):
    conclusions = []
    for conference in _conferences(meeting, 5):
        draft = services.conclusion_draft(actor=meeting.officer, conference=conference)
        conclusions.append(services.conclusion_approve(actor=meeting.chair, conclusion=draft))
    today = timezone.localdate()
    _results, errors = run_together(
        [lambda c=c: services.conclusion_issue(actor=meeting.chair, conclusion=c, issued_on=today) for c in conclusions]
    )
    assert errors == []
    numbers = sorted(Conclusion.objects.values_list("number", flat=True))
    assert numbers == [1, 2, 3, 4, 5]


def test_the_same_number_typed_by_two_chairs_at_once_is_given_only_once(meeting):
    conclusions = []
    for conference in _conferences(meeting, 2):
        draft = services.conclusion_draft(actor=meeting.officer, conference=conference)
        conclusions.append(services.conclusion_approve(actor=meeting.chair, conclusion=draft))
    today = timezone.localdate()
    results, errors = run_together(
        [
            lambda c=c: services.conclusion_issue(actor=meeting.chair, conclusion=c, issued_on=today, number=7)
            for c in conclusions
        ]
    )
    assert len(results) == 1 and len(errors) == 1
    assert isinstance(errors[0], services.ServiceError)
    assert Conclusion.objects.filter(number=7).count() == 1


def test_two_people_drafting_the_same_conference_at_once_get_one_draft(meeting):
    results, errors = run_together(
        [lambda: services.conclusion_draft(actor=meeting.officer, conference=meeting.conference) for _ in range(3)]
    )
    assert errors == []
    assert Conclusion.objects.count() == 1
    assert {c.pk for c in results} == {Conclusion.objects.get().pk}
