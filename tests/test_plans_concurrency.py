"""Two people issuing plans of the same unit at the same moment get different numbers."""

import threading
from datetime import date

import pytest
from django.db import connection

from dialogue.plans import services
from dialogue.plans.models import Plan

pytestmark = pytest.mark.django_db(transaction=True)


def test_plans_issued_at_once_get_distinct_consecutive_numbers(cast):
    plans = [
        services.plan_create(actor=cast.province_officer, issuing_unit=cast.tree.tinh_uy, title=f"Kế hoạch {i}")
        for i in range(6)
    ]
    barrier = threading.Barrier(len(plans))
    errors = []

    def issue(plan):
        try:
            barrier.wait()
            services.plan_issue(actor=cast.province_officer, plan=plan, issued_on=date(2026, 5, 4))
        except Exception as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=issue, args=(plan,)) for plan in plans]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    numbers = sorted(Plan.objects.filter(pk__in=[p.pk for p in plans]).values_list("number", flat=True))
    assert numbers == [1, 2, 3, 4, 5, 6]


def test_the_same_number_typed_by_two_people_at_once_is_given_only_once(cast):
    plans = [
        services.plan_create(actor=cast.province_officer, issuing_unit=cast.tree.tinh_uy, title=f"Kế hoạch {i}")
        for i in range(2)
    ]
    barrier = threading.Barrier(2)
    outcomes = []

    def issue(plan):
        try:
            barrier.wait()
            services.plan_issue(actor=cast.province_officer, plan=plan, issued_on=date(2026, 5, 4), number=166)
            outcomes.append("issued")
        except services.ServiceError as exc:
            outcomes.append(str(exc.message))
        finally:
            connection.close()

    threads = [threading.Thread(target=issue, args=(plan,)) for plan in plans]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes)[-1] == "issued" and outcomes.count("issued") == 1
    assert Plan.objects.filter(number=166).count() == 1
