"""Every staff page, with the person who may use it and the person who must be refused."""

from datetime import date

import pytest
from django.urls import reverse

from dialogue.core.models import AuditEntry
from dialogue.organisation.models import RoleAssignment, Unit, UnitStatus, User
from dialogue.organisation.roles import Role
from dialogue.workcalendar.models import CalendarException


def assert_login_redirect(response):
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


# --- Public pages and sign-in ---------------------------------------------------------


def test_the_public_home_page_is_in_vietnamese_for_anyone(client, tree):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Hội nghị tiếp xúc, đối thoại trực tiếp" in html
    assert 'lang="vi"' in html
    assert "Đăng nhập cán bộ" in html


def test_signing_in_through_the_form_lands_on_the_staff_home(client, cast):
    response = client.post(reverse("login"), {"username": "minh", "password": "Doithoai@2026"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("staff:home")
    html = response.content.decode()
    assert "Xin chào, Trần Thị Minh" in html
    assert "Ban tổng hợp, theo dõi" in html and "Tỉnh Thái Nguyên" in html


def test_a_wrong_password_gets_a_vietnamese_message(client, cast):
    response = client.post(reverse("login"), {"username": "minh", "password": "sai"})
    assert response.status_code == 200
    assert "Sai tên đăng nhập hoặc mật khẩu" in response.content.decode()


def test_repeated_failures_lock_the_sign_in_even_with_the_right_password(client, cast, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "minh", "password": "sai-mat-khau"})
    response = client.post(reverse("login"), {"username": "minh", "password": "Doithoai@2026"})
    assert response.status_code == 429
    assert "Đăng nhập tạm thời bị khóa" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_staff_home_refuses_an_anonymous_visitor(client, cast):
    assert_login_redirect(client.get(reverse("staff:home")))


def test_the_staff_home_of_an_agency_officer_shows_their_agency_only(login, cast):
    html = login(cast.agency_a).get(reverse("staff:home")).content.decode()
    assert "Sở Nông nghiệp và Môi trường" in html
    assert "Sở Xây dựng" not in html
    assert "Nhật ký thay đổi" not in html  # no audit menu for agencies


def test_signing_out_ends_the_session(login, cast):
    client = login(cast.agency_a)
    client.post(reverse("logout"))
    assert_login_redirect(client.get(reverse("staff:home")))


# --- Units ------------------------------------------------------------------------


def test_the_unit_list_shows_a_person_their_own_units(login, cast):
    html = login(cast.commune_officer).get(reverse("organisation:unit_list")).content.decode()
    assert "Xã Cao Minh" in html and "Tỉnh Thái Nguyên" not in html


def test_the_unit_list_refuses_an_anonymous_visitor(client, cast):
    assert_login_redirect(client.get(reverse("organisation:unit_list")))


def test_the_unit_list_refuses_a_person_without_roles(login, cast):
    nobody = User.objects.create(username="nobody", full_name="Người Không Vai Trò")
    assert login(nobody).get(reverse("organisation:unit_list")).status_code == 403


def test_unit_search_ignores_accents_and_scope(login, cast):
    html = login(cast.province_officer).get(reverse("organisation:unit_list"), {"q": "cao minh"}).content.decode()
    assert "Xã Cao Minh" in html
    html = login(cast.outsider).get(reverse("organisation:unit_list"), {"q": "cao minh"}).content.decode()
    assert "Xã Cao Minh" not in html


def test_the_unit_page_opens_inside_scope_and_is_hidden_outside(login, cast):
    url = reverse("organisation:unit_detail", args=[cast.tree.agency_a.pk])
    assert login(cast.agency_a).get(url).status_code == 200
    assert login(cast.province_officer).get(url).status_code == 200
    assert login(cast.agency_b).get(url).status_code == 404
    assert login(cast.outsider).get(url).status_code == 404


def test_an_admin_creates_a_village_through_the_form(login, cast):
    client = login(cast.admin)
    url = reverse("organisation:unit_create")
    assert client.get(url, {"parent": cast.tree.commune.pk}).status_code == 200
    from dialogue.organisation.models import UnitKind

    response = client.post(
        url,
        {
            "parent": cast.tree.commune.pk,
            "kind": UnitKind.objects.get(code="village").pk,
            "name": "Thôn Bản Pjạc",
            "short_name": "",
            "code": "",
            "note": "",
        },
    )
    unit = Unit.objects.get(name="Thôn Bản Pjạc")
    assert response.status_code == 302 and unit.parent == cast.tree.commune


def test_the_unit_form_shows_a_service_error_on_its_field(login, cast):
    from dialogue.organisation.models import UnitKind

    response = login(cast.admin).post(
        reverse("organisation:unit_create"),
        {
            "parent": cast.tree.province.pk,
            "kind": UnitKind.objects.get(code="commune").pk,
            "name": "Xã Trùng",
            "code": "01879",
        },
    )
    assert response.status_code == 200
    assert "Đã có một đơn vị cùng loại đang hoạt động mang mã “01879”." in response.content.decode()


def test_creating_a_unit_is_refused_to_a_province_officer(login, cast):
    url = reverse("organisation:unit_create")
    assert login(cast.province_officer).get(url, {"parent": cast.tree.commune.pk}).status_code == 404
    assert login(cast.province_officer).get(url).status_code == 403


def test_editing_a_unit_is_refused_to_another_agency(login, cast):
    url = reverse("organisation:unit_update", args=[cast.tree.agency_a.pk])
    assert login(cast.admin).get(url).status_code == 200
    assert login(cast.agency_b).get(url).status_code == 404
    assert login(cast.agency_a).post(url, {"name": "Đổi tên"}).status_code == 404


def test_an_admin_dissolves_and_restores_a_village(login, cast):
    client = login(cast.admin)
    url = reverse("organisation:unit_dissolve", args=[cast.tree.village.pk])
    response = client.post(url, {"on_date": "01/07/2025"})
    assert response.status_code == 302
    village = Unit.objects.get(pk=cast.tree.village.pk)
    assert village.status == UnitStatus.DISSOLVED and village.dissolved_on == date(2025, 7, 1)
    client.post(reverse("organisation:unit_restore", args=[village.pk]))
    assert Unit.objects.get(pk=village.pk).status == UnitStatus.ACTIVE


def test_dissolving_is_refused_to_the_commune_officer(login, cast):
    url = reverse("organisation:unit_dissolve", args=[cast.tree.village.pk])
    assert login(cast.commune_officer).post(url, {"on_date": "01/07/2025"}).status_code == 404
    assert (
        login(cast.commune_officer).post(reverse("organisation:unit_restore", args=[cast.tree.village.pk])).status_code
        == 404
    )


def test_the_unit_picker_only_offers_units_in_scope(login, cast):
    url = reverse("organisation:unit_picker")
    assert "Sở Nông nghiệp" in login(cast.agency_a).get(url, {"q": "nong nghiep"}).content.decode()
    assert "Sở Nông nghiệp" not in login(cast.agency_b).get(url, {"q": "nong nghiep"}).content.decode()


def test_the_unit_picker_refuses_an_anonymous_visitor(client, cast):
    assert_login_redirect(client.get(reverse("organisation:unit_picker"), {"q": "xa"}))


# --- People -------------------------------------------------------------------------


def test_the_people_list_shows_the_province_officer_the_people_of_their_province(login, cast):
    html = login(cast.province_officer).get(reverse("organisation:person_list")).content.decode()
    assert "Lê Văn An" in html and "Hoàng Văn Cường" in html
    assert "Vũ Thị Dung" not in html


def test_the_people_list_is_refused_to_an_agency_officer(login, cast):
    assert login(cast.agency_a).get(reverse("organisation:person_list")).status_code == 403


def test_a_person_page_is_hidden_from_another_province(login, cast):
    url = reverse("organisation:person_detail", args=[cast.agency_a.pk])
    assert login(cast.province_officer).get(url).status_code == 200
    assert login(cast.outsider).get(url).status_code == 404
    assert login(cast.agency_b).get(url).status_code == 404


def test_an_admin_opens_an_account_from_the_unit_page(login, cast):
    client = login(cast.admin)
    url = reverse("organisation:person_create")
    assert client.get(url, {"organisation": cast.tree.agency_a.pk}).status_code == 200
    response = client.post(
        url,
        {
            "organisation": cast.tree.agency_a.pk,
            "username": "ngo.moi",
            "full_name": "Ngô Văn Mới",
            "password": "Một-mật-khẩu-dài-2026",
            "position": "",
            "email": "",
            "phone": "",
        },
    )
    assert response.status_code == 302
    assert User.objects.get(username="ngo.moi").organisation == cast.tree.agency_a


def test_a_weak_password_is_refused_with_django_validators_in_vietnamese(login, cast):
    response = login(cast.admin).post(
        reverse("organisation:person_create"),
        {"organisation": cast.tree.agency_a.pk, "username": "yeu", "full_name": "Mật Khẩu Yếu", "password": "123456"},
    )
    assert response.status_code == 200
    assert "Mật khẩu" in response.content.decode() or "mật khẩu" in response.content.decode()
    assert not User.objects.filter(username="yeu").exists()


def test_opening_an_account_is_refused_to_the_province_officer(login, cast):
    url = reverse("organisation:person_create")
    assert login(cast.province_officer).get(url, {"organisation": cast.tree.agency_a.pk}).status_code == 404


def test_editing_a_person_is_refused_outside_the_admin_role(login, cast):
    url = reverse("organisation:person_update", args=[cast.agency_a.pk])
    assert login(cast.admin).get(url).status_code == 200
    assert login(cast.province_officer).get(url).status_code == 404


def test_an_admin_grants_and_revokes_a_role(login, cast):
    client = login(cast.admin)
    client.post(
        reverse("organisation:role_grant", args=[cast.agency_a.pk]), {"role": Role.CHAIR, "unit": cast.tree.commune.pk}
    )
    assignment = RoleAssignment.objects.get(user=cast.agency_a, role=Role.CHAIR, is_active=True)
    client.post(reverse("organisation:role_revoke", args=[cast.agency_a.pk, assignment.pk]))
    assert not RoleAssignment.objects.get(pk=assignment.pk).is_active


def test_granting_a_role_is_refused_to_the_province_officer(login, cast):
    response = login(cast.province_officer).post(
        reverse("organisation:role_grant", args=[cast.agency_a.pk]), {"role": Role.ADMIN, "unit": cast.tree.province.pk}
    )
    assert response.status_code == 404
    assert not RoleAssignment.objects.filter(user=cast.agency_a, role=Role.ADMIN).exists()


def test_revoking_a_role_is_refused_to_the_other_agency(login, cast):
    assignment = RoleAssignment.objects.get(user=cast.agency_a)
    url = reverse("organisation:role_revoke", args=[cast.agency_a.pk, assignment.pk])
    assert login(cast.agency_b).post(url).status_code == 404
    assert RoleAssignment.objects.get(pk=assignment.pk).is_active


def test_role_pages_only_accept_post(login, cast):
    assignment = RoleAssignment.objects.get(user=cast.agency_a)
    assert (
        login(cast.admin).get(reverse("organisation:role_revoke", args=[cast.agency_a.pk, assignment.pk])).status_code
        == 405
    )


# --- Audit log ---------------------------------------------------------------------


@pytest.fixture
def audited_change(cast):
    from dialogue.organisation import services
    from dialogue.organisation.models import UnitKind

    services.unit_create(
        actor=cast.admin, kind=UnitKind.objects.get(code="village"), parent=cast.tree.commune, name="Thôn Khuổi Khí"
    )
    return AuditEntry.objects.get(action="unit.create")


def test_the_synthesis_board_reads_the_audit_log_of_its_province(login, cast, audited_change):
    html = login(cast.province_officer).get(reverse("core:audit_list")).content.decode()
    assert "Thôn Khuổi Khí" in html and "Tạo đơn vị" in html
    detail = login(cast.province_officer).get(reverse("core:audit_detail", args=[audited_change.pk]))
    assert detail.status_code == 200 and "Nguyễn Văn Quản" in detail.content.decode()


def test_the_audit_log_is_refused_to_an_agency_officer(login, cast, audited_change):
    assert login(cast.agency_a).get(reverse("core:audit_list")).status_code == 403
    assert login(cast.agency_a).get(reverse("core:audit_detail", args=[audited_change.pk])).status_code == 404


def test_the_audit_log_of_one_province_is_hidden_from_another(login, cast, audited_change):
    assert "Thôn Khuổi Khí" not in login(cast.outsider).get(reverse("core:audit_list")).content.decode()
    assert login(cast.outsider).get(reverse("core:audit_detail", args=[audited_change.pk])).status_code == 404


def test_the_audit_log_has_no_way_to_edit_an_entry(login, cast, audited_change):
    client = login(cast.admin)
    assert client.post(reverse("core:audit_detail", args=[audited_change.pk]), {"action": "x"}).status_code == 405 or (
        AuditEntry.objects.get(pk=audited_change.pk).action == "unit.create"
    )
    change_url = reverse("admin:core_auditentry_change", args=[audited_change.pk])
    client.post(change_url, {"action": "forged"})
    assert AuditEntry.objects.get(pk=audited_change.pk).action == "unit.create"


# --- Working-day calendar -------------------------------------------------------------


def test_any_member_of_staff_reads_the_calendar_and_counts_working_days(login, cast):
    response = login(cast.agency_b).get(reverse("workcalendar:year_of", args=[2026]), {"start": "13/02/2026", "n": "7"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "03/03/2026" in html and "Tết Nguyên Đán" in html and "10/01/2026" in html
    assert "Thêm ngày điều chỉnh" not in html


def test_the_calendar_refuses_an_anonymous_visitor(client, cast):
    assert_login_redirect(client.get(reverse("workcalendar:year")))


def test_a_national_admin_adds_and_deletes_a_swap(login, cast):
    client = login(cast.admin)
    client.post(
        reverse("workcalendar:exception_create"),
        {"day": "02/01/2027", "kind": "working_day", "reason": "Làm bù theo Thông báo số 01/TB-BNV"},
    )
    exc = CalendarException.objects.get(date=date(2027, 1, 2))
    from dialogue.workcalendar.selectors import get_calendar

    assert get_calendar().is_working_day(date(2027, 1, 2))
    client.post(reverse("workcalendar:exception_delete", args=[exc.pk]))
    assert not CalendarException.objects.filter(date=date(2027, 1, 2)).exists()
    assert not get_calendar().is_working_day(date(2027, 1, 2))


def test_a_weekday_cannot_be_made_a_working_day(login, cast):
    response = login(cast.admin).post(
        reverse("workcalendar:exception_create"),
        {"day": "04/01/2027", "kind": "working_day", "reason": "Nhầm"},
        follow=True,
    )
    assert "Ngày thường đã là ngày làm việc" in response.content.decode()
    assert not CalendarException.objects.filter(date=date(2027, 1, 4)).exists()


def test_changing_the_calendar_is_refused_to_a_province_officer(login, cast):
    client = login(cast.province_officer)
    response = client.post(
        reverse("workcalendar:exception_create"), {"day": "02/01/2027", "kind": "working_day", "reason": "x"}
    )
    assert response.status_code == 403
    exc = CalendarException.objects.first()
    assert client.post(reverse("workcalendar:exception_delete", args=[exc.pk])).status_code == 403


# --- Django admin --------------------------------------------------------------------


def test_the_django_admin_is_open_to_a_national_admin_only(login, cast):
    assert login(cast.admin).get(reverse("admin:index")).status_code == 200
    assert login(cast.admin).get(reverse("admin:organisation_unitkind_changelist")).status_code == 200
    response = login(cast.province_officer).get(reverse("admin:index"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
