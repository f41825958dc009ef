"""Two administrators anonymising the same person at the same moment: one anonymisation,
one audit entry; the other is told it was done, in Vietnamese. Runs on SQLite and
PostgreSQL."""

import pytest

from dialogue.core.errors import ServiceError
from dialogue.core.models import AuditEntry
from dialogue.organisation.factories import make_person
from dialogue.organisation.roles import Role
from dialogue.petitions.models import Petition
from dialogue.privacy import services
from dialogue.privacy.models import ErasedPetition, Erasure
from tests import test_privacy
from tests.threads import run_together

world = test_privacy.world
conference = test_privacy.conference

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_administrators_at_once_anonymise_the_person_once(world):
    second = make_person("qt_tn", "Đào Văn Quản", roles=[(Role.ADMIN, world.tree.province)])
    people = [world.cast.admin, second]

    def anonymise(person):
        petitions = list(Petition.objects.filter(pk__in=[p.pk for p in world.khue]).select_related("receiving_unit"))
        return services.person_anonymise(actor=person, petitions=petitions, reason="Yêu cầu của người kiến nghị")

    results, errors = run_together([lambda p=p: anonymise(p) for p in people])
    assert len(results) == 1 and len(errors) == 1
    assert isinstance(errors[0], ServiceError), errors
    assert "đã được ẩn danh trước đó" in str(errors[0].message)
    assert Erasure.objects.count() == 1 and ErasedPetition.objects.count() == 3
    assert AuditEntry.objects.filter(action="privacy.anonymise").count() == 1
