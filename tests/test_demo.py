"""The demo loader (`load_demo`) and the first administrator (`bootstrap_admin`).

Loading the demo takes several seconds (3,300 communes), so it is loaded once for the
module inside a transaction that is rolled back at the end; each test runs in its own
savepoint on top of it, as usual.
"""

import unicodedata

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.test import RequestFactory, override_settings

from dialogue.core.models import AuditEntry
from dialogue.organisation.demo import (
    DEMO_ACCOUNTS,
    DEMO_BODIES,
    DEMO_PASSWORD,
    DEMO_POSITIONS,
    DEMO_SIGNERS,
    demo_load,
)
from dialogue.organisation.models import RoleAssignment, Unit, UnitStatus, User
from dialogue.organisation.roles import Role

GIA_PHUC_VILLAGES = [
    "Thôn Phong Lâm",
    "Thôn Văn Lâm",
    "Thôn Trúc Lâm",
    "Thôn Nghĩa Hy",
    "Thôn Lai Hà",
    "Thôn Đại Lương",
    "Thôn Long Tràng",
]


# The same fast hasher as conftest's per-test `fast_password_hashing`, held for the whole
# module so the accounts hashed at load time can be checked in every test.
FAST_HASHING = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo, loaded once; returns the first run's summary."""
    with FAST_HASHING, django_db_blocker.unblock(), transaction.atomic():
        summary = demo_load()
        yield summary
        transaction.set_rollback(True)


def active_unit(name: str) -> Unit:
    return Unit.objects.get(name=name, status=UnitStatus.ACTIVE)


def table_state():
    """Everything the loader could write or change, to compare two moments."""
    return {
        "units": list(Unit.objects.order_by("pk").values_list("pk", "name", "parent", "status", "updated_at")),
        "people": list(User.objects.order_by("pk").values_list("pk", "username", "password", "organisation")),
        "roles": list(RoleAssignment.objects.order_by("pk").values_list("pk", "user", "role", "unit", "is_active")),
        "audit": list(AuditEntry.objects.order_by("pk").values_list("pk", flat=True)),
    }


def walk(bodies):
    for body in bodies:
        yield body
        yield from walk(body.children)


# --- demo_load ----------------------------------------------------------------------


def test_the_demo_loads_units_bodies_people_and_roles(demo, db):
    assert demo["admin_units_created"] > 3321
    assert demo["units"] == sum(1 for _, bodies in DEMO_BODIES for _ in walk(bodies))
    assert demo["people"] == len(DEMO_ACCOUNTS) + len(DEMO_SIGNERS)
    assert demo["roles"] == len(DEMO_ACCOUNTS)
    assert Unit.objects.filter(kind__code="province", status=UnitStatus.ACTIVE).count() == 34
    assert Unit.objects.filter(kind__code="commune", status=UnitStatus.ACTIVE).count() == 3321


def test_loading_the_demo_twice_changes_nothing(demo, db):
    before = table_state()

    summary = demo_load()

    assert not any(summary.values()), summary
    assert table_state() == before


def test_load_demo_command_reports_nothing_new_the_second_time(demo, db, settings, capsys):
    settings.DEBUG = True

    call_command("load_demo")

    assert "Dữ liệu mẫu đã có đủ, không tạo thêm gì" in capsys.readouterr().out


def test_load_demo_refuses_to_run_with_debug_off_unless_told_it_is_a_demo_server(demo, db, settings, capsys):
    settings.DEBUG = False

    with pytest.raises(CommandError) as refused:
        call_command("load_demo")
    call_command("load_demo", "--allow-production")

    assert str(refused.value).startswith("Dữ liệu mẫu có các tài khoản dùng chung một mật khẩu công khai.")
    assert "Dữ liệu mẫu đã có đủ" in capsys.readouterr().out


def test_every_change_of_the_demo_is_audited_with_the_national_admin_as_actor(demo, db):
    admin = User.objects.get(username="quantri")
    actions = AuditEntry.objects.values_list("action", "actor")

    assert ("account.bootstrap_admin", None) in actions
    assert ("organisation.load_admin_units", admin.pk) in actions
    assert AuditEntry.objects.filter(action="unit.create", actor=admin).count() == demo["units"]
    assert AuditEntry.objects.filter(action="person.create", actor=admin).count() == demo["people"] - 1
    assert AuditEntry.objects.filter(action="role.grant", actor=admin).count() == demo["roles"] - 1


@pytest.mark.parametrize("account", DEMO_ACCOUNTS, ids=lambda a: a.username)
def test_every_demo_account_signs_in_and_holds_exactly_its_role(demo, db, account):
    request = RequestFactory().post("/accounts/login/")

    person = authenticate(request, username=account.username, password=DEMO_PASSWORD)

    assert person is not None and person.username == account.username
    assert person.full_name == account.full_name
    assert person.position == DEMO_POSITIONS[account.username]
    assert person.email == f"{account.username}@demo.doi-thoai.vn"
    assert (person.organisation.name if person.organisation else None) == account.organisation
    held = [(r.role, r.unit.name if r.unit else None) for r in person.role_assignments.filter(is_active=True)]
    assert held == [(account.role, account.scope)]


def test_the_national_admin_holds_the_admin_role_over_the_whole_country(demo, db):
    assert RoleAssignment.objects.filter(user__username="quantri", role=Role.ADMIN, unit=None).exists()


def test_the_seed_signers_have_accounts_without_roles(demo, db):
    for signer in DEMO_SIGNERS:
        person = User.objects.get(username=signer.username)
        assert person.full_name == signer.full_name
        assert person.organisation.name == signer.organisation
        assert not person.role_assignments.exists()
    assert User.objects.get(username="phanthetuan").organisation.status == UnitStatus.DISSOLVED


def test_the_seven_gia_phuc_villages_exist_under_xa_gia_phuc(demo, db):
    gia_phuc = active_unit("Xã Gia Phúc")

    villages = gia_phuc.children.filter(kind__code="village").values_list("name", flat=True)

    assert sorted(villages) == sorted(GIA_PHUC_VILLAGES)
    assert gia_phuc.parent.name == "Thành phố Hải Phòng"


def test_cao_minh_gets_its_bodies_but_no_invented_villages(demo, db):
    cao_minh = active_unit("Xã Cao Minh")

    assert cao_minh.parent.name == "Tỉnh Thái Nguyên"
    assert not cao_minh.children.filter(kind__code="village").exists()
    assert cao_minh.children.get(name="Đảng ủy xã Cao Minh").kind.code == "party_committee"
    assert cao_minh.children.get(name="Công an xã Cao Minh").kind.code == "police"


def test_historical_duc_pho_town_with_pho_an_and_pho_minh_is_dissolved_under_quang_ngai(demo, db):
    quang_ngai = active_unit("Tỉnh Quảng Ngãi")

    duc_pho = Unit.objects.get(name="Thị xã Đức Phổ", parent=quang_ngai)

    assert duc_pho.status == UnitStatus.DISSOLVED
    assert duc_pho.dissolved_on.isoformat() == "2025-07-01"
    for name in ("Xã Phổ An", "Phường Phổ Minh"):
        commune = duc_pho.children.get(name=name)
        assert commune.status == UnitStatus.DISSOLVED
    thi_uy = duc_pho.children.get(name="Thị ủy Đức Phổ")
    assert thi_uy.status == UnitStatus.DISSOLVED
    assert {c.status for c in Unit.objects.filter(path__startswith=duc_pho.path)} == {UnitStatus.DISSOLVED}


def test_historical_bac_giang_province_keeps_its_peoples_committee_under_bac_ninh(demo, db):
    ubnd = Unit.objects.get(name="Ủy ban nhân dân tỉnh Bắc Giang")

    assert ubnd.status == UnitStatus.DISSOLVED
    assert ubnd.parent.name == "Tỉnh Bắc Giang"
    assert ubnd.parent.parent.name == "Tỉnh Bắc Ninh"


def test_historical_thai_nguyen_city_bodies_are_dissolved_under_today_s_province(demo, db):
    city = Unit.objects.get(name="Thành phố Thái Nguyên", kind__code="district")

    assert city.parent == active_unit("Tỉnh Thái Nguyên")
    for name in ("Thành ủy Thái Nguyên", "Ủy ban nhân dân thành phố Thái Nguyên"):
        assert city.children.get(name=name).status == UnitStatus.DISSOLVED


def test_the_thai_nguyen_agencies_sit_under_the_provincial_peoples_committee(demo, db):
    ubnd = active_unit("Ủy ban nhân dân tỉnh Thái Nguyên")

    agencies = set(ubnd.children.filter(kind__code="agency").values_list("name", flat=True))

    assert {"Sở Nông nghiệp và Môi trường tỉnh Thái Nguyên", "Sở Xây dựng tỉnh Thái Nguyên"} <= agencies
    assert active_unit("Sở Xây dựng tỉnh Thái Nguyên").level == ubnd.level == 1


def test_demo_names_are_unique_and_written_in_composed_unicode(demo, db):
    names = [body.name for _, bodies in DEMO_BODIES for body in walk(bodies)]
    people = [a.full_name for a in DEMO_ACCOUNTS] + [s.full_name for s in DEMO_SIGNERS]

    assert len(names) == len(set(names))
    for text in names + people + list(DEMO_POSITIONS.values()):
        assert unicodedata.normalize("NFC", text) == text


# --- bootstrap_admin ------------------------------------------------------------------


def bootstrap(username="quantri.moi", full_name="Trần Quang Huy", email="huy@example.vn"):
    call_command("bootstrap_admin", "--username", username, "--full-name", full_name, "--email", email)


def test_bootstrap_admin_creates_a_national_admin(db, monkeypatch, capsys):
    monkeypatch.setenv("DOITHOAI_ADMIN_PASSWORD", "Tiep-Xuc-Doi-Thoai-2026")

    bootstrap()

    person = User.objects.get(username="quantri.moi")
    assert person.check_password("Tiep-Xuc-Doi-Thoai-2026")
    assert person.full_name == "Trần Quang Huy"
    assert [(r.role, r.unit) for r in person.role_assignments.all()] == [(Role.ADMIN, None)]
    entry = AuditEntry.objects.get(action="account.bootstrap_admin", target_id=str(person.pk))
    assert entry.actor is None
    assert "Đã tạo tài khoản quản trị hệ thống toàn quốc “quantri.moi” (Trần Quang Huy)." in capsys.readouterr().out


def test_bootstrap_admin_refuses_a_weak_password(db, monkeypatch):
    monkeypatch.setenv("DOITHOAI_ADMIN_PASSWORD", "password1234")
    audit_entries = AuditEntry.objects.count()

    with pytest.raises(CommandError) as refused:
        bootstrap()

    assert str(refused.value) == "Mật khẩu chưa đạt yêu cầu: Mật khẩu này quá phổ biến."
    assert not User.objects.filter(username="quantri.moi").exists()
    assert AuditEntry.objects.count() == audit_entries


def test_bootstrap_admin_refuses_a_username_already_taken(db, monkeypatch):
    monkeypatch.setenv("DOITHOAI_ADMIN_PASSWORD", "Tiep-Xuc-Doi-Thoai-2026")
    bootstrap()

    with pytest.raises(CommandError) as refused:
        bootstrap(username="QuanTri.Moi", full_name="Người Khác")

    assert str(refused.value) == "Tên đăng nhập “quantri.moi” đã có người dùng. Không tạo tài khoản mới."
    assert User.objects.filter(username__iexact="quantri.moi").count() == 1


def test_bootstrap_admin_asks_twice_for_the_password_and_refuses_a_mismatch(db, monkeypatch):
    monkeypatch.delenv("DOITHOAI_ADMIN_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    answers = iter(["Tiep-Xuc-Doi-Thoai-2026", "Tiep-Xuc-Doi-Thoai-2025"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))

    with pytest.raises(CommandError) as refused:
        bootstrap()

    assert str(refused.value) == "Hai lần nhập mật khẩu không khớp nhau."
    assert not User.objects.filter(username="quantri.moi").exists()


def test_bootstrap_admin_without_a_terminal_or_password_says_how_to_give_one(db, monkeypatch):
    monkeypatch.delenv("DOITHOAI_ADMIN_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)

    with pytest.raises(CommandError) as refused:
        bootstrap()

    assert str(refused.value) == (
        "Chưa có mật khẩu: hãy đặt biến môi trường DOITHOAI_ADMIN_PASSWORD "
        "hoặc chạy lệnh trong cửa sổ dòng lệnh để nhập."
    )
