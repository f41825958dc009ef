from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from dialogue.core.errors import IllegalTransition, ServiceError
from dialogue.core.models import AuditEntry, AuditImmutable
from dialogue.organisation import services
from dialogue.organisation.models import Level, RoleAssignment, Unit, UnitKind, UnitStatus
from dialogue.organisation.roles import Role
from dialogue.organisation.selectors import bodies_in, province_of, unit_list_for_user, user_can


def kind(code):
    return UnitKind.objects.get(code=code)


def test_an_admin_creates_an_agency_that_takes_its_provinces_level(cast):
    unit = services.unit_create(actor=cast.admin, kind=kind("agency"), parent=cast.tree.ubnd, name="Sở  Tài chính")
    assert unit.name == "Sở Tài chính"
    assert unit.level == Level.PROVINCE
    assert unit.path == f"{cast.tree.ubnd.path}{unit.pk}/"
    entry = AuditEntry.objects.get(action="unit.create", target_id=str(unit.pk))
    assert entry.actor == cast.admin and entry.after["name"] == "Sở Tài chính"
    assert entry.unit_path == unit.path


def test_a_province_officer_without_the_admin_role_cannot_create_units(cast):
    with pytest.raises(PermissionDenied):
        services.unit_create(actor=cast.province_officer, kind=kind("agency"), parent=cast.tree.ubnd, name="Sở X")


def test_a_scoped_admin_can_manage_inside_but_not_outside_their_province(cast):
    scoped = cast.province_officer
    RoleAssignment.objects.create(user=scoped, role=Role.ADMIN, unit=cast.tree.province)
    services.unit_create(actor=scoped, kind=kind("village"), parent=cast.tree.commune, name="Thôn Bản Chang")
    with pytest.raises(PermissionDenied):
        services.unit_create(actor=scoped, kind=kind("village"), parent=cast.tree.other_commune, name="Thôn Lạ")
    with pytest.raises(PermissionDenied):
        services.unit_create(actor=scoped, kind=kind("province"), parent=None, name="Tỉnh Mới")


def test_a_commune_cannot_be_placed_under_a_village(cast):
    with pytest.raises(ServiceError) as exc:
        services.unit_create(actor=cast.admin, kind=kind("commune"), parent=cast.tree.village, name="Xã Sai")
    assert str(exc.value.message) == "Không thể đặt đơn vị loại “Xã, phường, đặc khu” trực thuộc “Thôn Nà Đon”."


def test_a_body_without_a_parent_is_refused_with_a_vietnamese_message(cast):
    with pytest.raises(ServiceError) as exc:
        services.unit_create(actor=cast.admin, kind=kind("agency"), parent=None, name="Sở mồ côi")
    assert exc.value.field == "parent"
    assert "phải có đơn vị cấp trên" in str(exc.value.message)


def test_two_active_units_of_a_kind_cannot_share_an_official_code(cast):
    with pytest.raises(ServiceError) as exc:
        services.unit_create(
            actor=cast.admin, kind=kind("commune"), parent=cast.tree.province, name="Xã B", code="01879"
        )
    assert exc.value.field == "code"


def test_moving_a_unit_carries_its_subtree(cast):
    t = cast.tree
    services.unit_update(
        actor=cast.admin,
        unit=t.commune,
        kind=t.commune.kind,
        parent=t.other_province,
        name=t.commune.name,
        code=t.commune.code,
    )
    village = Unit.objects.get(pk=t.village.pk)
    assert village.path.startswith(t.other_province.path)
    assert village.depth == 2
    assert not user_can(cast.province_officer, "unit.view", village)
    assert user_can(cast.outsider, "unit.view", village)


def test_a_unit_cannot_be_moved_inside_itself(cast):
    t = cast.tree
    with pytest.raises(ServiceError):
        services.unit_update(
            actor=cast.admin, unit=t.commune, kind=t.commune.kind, parent=t.village, name="Xã Cao Minh"
        )


def test_dissolving_follows_the_transition_table_and_keeps_the_unit(cast):
    t = cast.tree
    with pytest.raises(ServiceError) as exc:
        services.unit_set_status(
            actor=cast.admin, unit=t.commune, status=UnitStatus.DISSOLVED, on_date=date(2025, 7, 1)
        )
    assert "1 đơn vị trực thuộc" in str(exc.value.message)
    services.unit_set_status(actor=cast.admin, unit=t.village, status=UnitStatus.DISSOLVED, on_date=date(2025, 7, 1))
    village = Unit.objects.get(pk=t.village.pk)
    assert village.status == UnitStatus.DISSOLVED and village.dissolved_on == date(2025, 7, 1)
    with pytest.raises(IllegalTransition):
        services.unit_set_status(actor=cast.admin, unit=village, status=UnitStatus.DISSOLVED, on_date=date(2025, 7, 2))
    services.unit_set_status(actor=cast.admin, unit=village, status=UnitStatus.ACTIVE)
    assert (
        AuditEntry.objects.filter(target_id=str(village.pk), action__in=["unit.dissolve", "unit.restore"]).count() == 2
    )


def test_nothing_new_may_be_placed_under_a_dissolved_unit_except_history(cast):
    t = cast.tree
    services.unit_set_status(actor=cast.admin, unit=t.village, status=UnitStatus.DISSOLVED, on_date=date(2025, 7, 1))
    t.village.refresh_from_db()
    with pytest.raises(ServiceError):
        services.unit_create(actor=cast.admin, kind=kind("mass_organisation"), parent=t.village, name="Chi hội")
    old = services.unit_create(
        actor=cast.admin,
        kind=kind("mass_organisation"),
        parent=t.village,
        name="Chi hội cũ",
        dissolved_on=date(2025, 7, 1),
    )
    assert old.status == UnitStatus.DISSOLVED


def test_a_province_role_covers_the_communes_below_it_and_nothing_else(cast):
    visible = set(unit_list_for_user(user=cast.province_officer, query="xa"))
    assert cast.tree.commune in visible
    assert cast.tree.other_commune not in visible


def test_accent_free_search_finds_accented_names(cast):
    assert list(unit_list_for_user(user=cast.admin, query="gia phuc")) == [cast.tree.other_commune]
    assert list(unit_list_for_user(user=cast.admin, query="GIA PHÚC")) == [cast.tree.other_commune]


def test_an_agency_officer_sees_only_their_agency(cast):
    assert user_can(cast.agency_a, "unit.view", cast.tree.agency_a)
    assert not user_can(cast.agency_b, "unit.view", cast.tree.agency_a)
    assert not user_can(cast.agency_a, "unit.view", cast.tree.province)


def test_creating_a_person_validates_the_password_in_vietnamese(cast):
    with pytest.raises(ServiceError) as exc:
        services.person_create(
            actor=cast.admin, username="moi", full_name="Ngô Văn Mới", organisation=cast.tree.agency_a, password="12345"
        )
    assert exc.value.field == "password"
    assert "Mật khẩu" in str(exc.value.message) or "mật khẩu" in str(exc.value.message)


def test_a_person_is_created_granted_a_role_and_revoked_with_audit(cast):
    person = services.person_create(
        actor=cast.admin,
        username="Moi.Nguoi",
        full_name="Ngô  Văn Mới",
        organisation=cast.tree.agency_a,
        password="Một-mật-khẩu-dài-2026",
    )
    assert person.username == "moi.nguoi" and person.full_name == "Ngô Văn Mới"
    assert person.check_password("Một-mật-khẩu-dài-2026")
    assignment = services.role_grant(actor=cast.admin, person=person, role=Role.AGENCY, unit=cast.tree.agency_a)
    with pytest.raises(ServiceError):
        services.role_grant(actor=cast.admin, person=person, role=Role.AGENCY, unit=cast.tree.agency_a)
    services.role_revoke(actor=cast.admin, assignment=assignment)
    assert not RoleAssignment.objects.get(pk=assignment.pk).is_active
    actions = list(AuditEntry.objects.filter(target_id=str(person.pk)).values_list("action", flat=True))
    assert sorted(actions) == ["person.create", "role.grant", "role.revoke"]


def test_only_the_admin_role_may_cover_the_whole_country(cast):
    with pytest.raises(ServiceError):
        services.role_grant(actor=cast.admin, person=cast.agency_a, role=Role.CHAIR, unit=None)


def test_a_duplicate_sign_in_name_is_refused(cast):
    with pytest.raises(ServiceError) as exc:
        services.person_create(
            actor=cast.admin,
            username="AN",
            full_name="Lê An",
            organisation=cast.tree.agency_a,
            password="Một-mật-khẩu-dài-2026",
        )
    assert str(exc.value.message) == "Tên đăng nhập này đã được dùng."


def test_the_audit_log_cannot_be_changed_or_deleted(cast):
    services.unit_create(actor=cast.admin, kind=kind("village"), parent=cast.tree.commune, name="Thôn Mới")
    entry = AuditEntry.objects.latest("id")
    entry.action = "forged"
    with pytest.raises(AuditImmutable):
        entry.save()
    with pytest.raises(AuditImmutable):
        entry.delete()
    with pytest.raises(AuditImmutable):
        AuditEntry.objects.all().update(action="forged")
    with pytest.raises(AuditImmutable):
        AuditEntry.objects.all().delete()


def test_a_failed_service_leaves_no_audit_entry_and_no_unit(cast):
    before = (Unit.objects.count(), AuditEntry.objects.count())
    with pytest.raises(ServiceError):
        services.unit_create(actor=cast.admin, kind=kind("commune"), parent=cast.tree.province, name="Xã", code="01879")
    assert (Unit.objects.count(), AuditEntry.objects.count()) == before


def _old_bac_giang():
    """Bắc Giang as the reform left it: a dissolved province under its successor Bắc Ninh."""
    from dialogue.organisation.factories import make_unit

    bac_ninh = make_unit("Tỉnh Bắc Ninh", "province", code="24")
    bac_giang = make_unit("Tỉnh Bắc Giang", "province", bac_ninh, code="24", status=UnitStatus.DISSOLVED)
    district = make_unit("Huyện Lạng Giang", "district", bac_giang, status=UnitStatus.DISSOLVED)
    commune = make_unit("Xã Tân Dĩnh", "commune", district, status=UnitStatus.DISSOLVED)
    ubnd_old = make_unit("Ủy ban nhân dân tỉnh Bắc Giang", "people_committee", bac_giang, status=UnitStatus.DISSOLVED)
    ubnd_new = make_unit("Ủy ban nhân dân tỉnh Bắc Ninh", "people_committee", bac_ninh)
    return bac_ninh, bac_giang, commune, ubnd_old, ubnd_new


def test_a_unit_of_a_dissolved_province_belongs_to_its_successor_province(cast):
    bac_ninh, bac_giang, commune, ubnd_old, _ = _old_bac_giang()
    assert province_of(bac_giang) == bac_ninh
    assert province_of(commune) == bac_ninh
    assert province_of(ubnd_old) == bac_ninh


def test_a_living_unit_belongs_to_the_province_above_it_or_is_its_own(cast):
    t = cast.tree
    assert province_of(t.agency_a) == t.province
    assert province_of(t.village) == t.province
    assert province_of(t.province) == t.province
    assert province_of(t.other_commune) == t.other_province


def test_a_unit_outside_any_province_belongs_to_the_root_of_its_path(cast):
    from dialogue.organisation.factories import make_unit

    central = make_unit("Ban Dân vận Trung ương", "central_body")
    board = make_unit("Vụ Dân tộc, Tôn giáo", "agency", central)
    assert province_of(board) == central


def test_bodies_in_an_area_leave_out_administrative_and_dissolved_units_unless_asked(cast):
    bac_ninh, _, commune, ubnd_old, ubnd_new = _old_bac_giang()
    assert list(bodies_in(bac_ninh)) == [ubnd_new]
    assert set(bodies_in(bac_ninh, active_only=False)) == {ubnd_new, ubnd_old}
    assert list(bodies_in(bac_ninh, max_depth=1, active_only=False)) == [ubnd_new]
    assert commune not in set(bodies_in(bac_ninh, active_only=False))
