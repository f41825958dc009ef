"""Statistics read from a second database alias (a read replica in production): the
dashboard's reads go there, every write and every other read stays on the primary.

Under pytest the "replica" alias mirrors the test database through its own connection,
so these tests commit their data (transactional) for that connection to see it."""

import pytest
from django.db import connections
from django.test.utils import CaptureQueriesContext

from dialogue.core.routers import reading_statistics
from dialogue.petitions.models import Petition
from dialogue.statistics.selectors import unit_statistics
from tests import test_statistics_fixtures as fx

dataset = fx.dataset

pytestmark = pytest.mark.django_db(transaction=True, databases=["default", "replica"])


@pytest.fixture
def replica_for_statistics(settings):
    settings.STATISTICS_DATABASE = "replica"


def test_the_dashboard_figures_are_read_from_the_replica_and_match(dataset, replica_for_statistics, login):
    with (
        CaptureQueriesContext(connections["replica"]) as on_replica,
        CaptureQueriesContext(connections["default"]) as on_primary,
        reading_statistics(),
    ):
        stats = unit_statistics(unit=dataset.tree.province, start=fx.START, end=fx.END, today=fx.TODAY)
    assert {name: getattr(stats, name) for name in fx.EXPECTED["province"]} == fx.EXPECTED["province"]
    assert len(on_replica.captured_queries) >= 5
    assert on_primary.captured_queries == []


def test_the_dashboard_page_reads_its_figures_from_the_replica(dataset, replica_for_statistics, login):
    client = login(dataset.cast.province_officer)
    with CaptureQueriesContext(connections["replica"]) as on_replica:
        response = client.get("/statistics/?start=01/03/2026&end=31/03/2026")
    assert response.status_code == 200
    assert any("petitions_petition" in q["sql"] for q in on_replica.captured_queries)


def test_writes_and_reads_outside_statistics_stay_on_the_primary(dataset, replica_for_statistics):
    with CaptureQueriesContext(connections["replica"]) as on_replica:
        count = Petition.objects.count()
        with reading_statistics():
            petition = Petition.objects.first()
            petition.content = petition.content + " (sửa)"
            petition.save(update_fields=["content"])
    assert count > 0
    assert not any("UPDATE" in q["sql"] for q in on_replica.captured_queries)
    assert sum("SELECT" in q["sql"] for q in on_replica.captured_queries) == 1


def test_without_a_replica_setting_statistics_read_the_primary(dataset, settings):
    settings.STATISTICS_DATABASE = "default"
    with CaptureQueriesContext(connections["replica"]) as on_replica, reading_statistics():
        unit_statistics(unit=dataset.tree.province, start=fx.START, end=fx.END, today=fx.TODAY)
    assert on_replica.captured_queries == []
