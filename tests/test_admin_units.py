import pytest

from dialogue.core.models import AuditEntry
from dialogue.organisation.admin_units import admin_units_load
from dialogue.organisation.models import Unit, UnitStatus


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    """Load once for the module (it takes seconds), then clean up after."""
    with django_db_blocker.unblock():
        first = admin_units_load(historical_provinces=["51", "24"])
        counts = _counts()
        second = admin_units_load(historical_provinces=["51", "24"])
        yield first, second, counts
        AuditEntry.objects.all()._raw_delete(AuditEntry.objects.db)
        for depth in sorted(set(Unit.objects.values_list("depth", flat=True)), reverse=True):
            Unit.objects.filter(depth=depth).delete()


def _counts():
    active = Unit.objects.filter(status=UnitStatus.ACTIVE)
    return {
        "provinces": active.filter(kind__code="province").count(),
        "communes": active.filter(kind__code="commune").count(),
        "all": Unit.objects.count(),
    }


@pytest.mark.django_db
def test_the_loader_brings_34_provinces_and_3321_communes_with_official_codes(loaded):
    _, _, counts = loaded
    assert counts["provinces"] == 34
    assert counts["communes"] == 3321
    cao_minh = Unit.objects.get(code="01879", status=UnitStatus.ACTIVE)
    assert cao_minh.name == "Xã Cao Minh" and cao_minh.parent.name == "Tỉnh Thái Nguyên"
    assert Unit.objects.get(code="11050", status=UnitStatus.ACTIVE).parent.name == "Thành phố Hải Phòng"


@pytest.mark.django_db
def test_loading_twice_changes_nothing(loaded):
    first, second, counts = loaded
    assert first.created == counts["all"]
    assert second.created == 0 and second.updated == 0
    assert second.unchanged == counts["all"]
    assert _counts() == counts


@pytest.mark.django_db
def test_historical_units_hang_under_their_successor_and_are_dissolved(loaded):
    duc_pho = Unit.objects.get(name="Thị xã Đức Phổ")
    assert duc_pho.status == UnitStatus.DISSOLVED and str(duc_pho.dissolved_on) == "2025-07-01"
    assert duc_pho.parent.name == "Tỉnh Quảng Ngãi" and duc_pho.parent.is_active
    pho_an = Unit.objects.get(name="Xã Phổ An")
    assert pho_an.parent == duc_pho and pho_an.path.startswith(duc_pho.parent.path)
    bac_giang = Unit.objects.get(name="Tỉnh Bắc Giang")
    assert bac_giang.status == UnitStatus.DISSOLVED
    assert bac_giang.parent.name == "Tỉnh Bắc Ninh" and bac_giang.code == bac_giang.parent.code == "24"


@pytest.mark.django_db
def test_a_load_that_changes_something_is_audited_and_one_that_changes_nothing_is_not(loaded):
    entries = list(AuditEntry.objects.filter(action="organisation.load_admin_units"))
    assert len(entries) == 1
    assert entries[0].after["created"] == loaded[2]["all"]
    assert entries[0].after["historical_provinces"] == ["24", "51"]
