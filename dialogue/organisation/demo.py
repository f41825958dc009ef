"""Demo data: the bodies and people named in five real plans (the shared seed plans):

- 000 Tỉnh ủy Thái Nguyên, Kế hoạch số 166-KH/TU ngày 24/5/2024 (đối thoại của Bí thư
  Tỉnh ủy với cán bộ, Nhân dân thành phố Thái Nguyên);
- 001 Ban Thường vụ Thị ủy Đức Phổ (Quảng Ngãi), kế hoạch đối thoại năm 2023;
- 002 Phó Chủ tịch UBND tỉnh Bắc Giang Phan Thế Tuấn, kế hoạch năm 2024;
- 003 Ban Thường vụ Đảng ủy xã Gia Phúc (Hải Phòng), kế hoạch tháng 4/2026;
- 004 Đảng ủy xã Cao Minh (Thái Nguyên), kế hoạch tháng 10/2025.

`demo_load()` loads the administrative units (with the pre-2025 units of Thái Nguyên,
Bắc Giang and Quảng Ngãi), then the bodies and accounts below, all through the services
with the demo's national administrator as actor, so every change is in the audit log.
It is idempotent: things are looked up by (parent, name) or username before being
created, and the administrative units are loaded only when some are missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from django.db import transaction

from dialogue.core.errors import ServiceError
from dialogue.organisation.admin_units import admin_units_load
from dialogue.organisation.factories import DEFAULT_PASSWORD
from dialogue.organisation.models import RoleAssignment, Unit, UnitKind, UnitStatus, User
from dialogue.organisation.roles import Role
from dialogue.organisation.services import national_admin_create, person_create, role_grant, unit_create

DEMO_PASSWORD = DEFAULT_PASSWORD
# Not "doithoai.vn": Django's similarity check refuses "Doithoai@2026" next to an
# address containing the word "doithoai".
DEMO_EMAIL_DOMAIN = "demo.doi-thoai.vn"
# Legacy province codes whose districts and communes (before 1 July 2025) the seeds need:
# Thái Nguyên (000, 004), Bắc Giang (002), Quảng Ngãi (001).
HISTORICAL_PROVINCES = ("19", "24", "51")

SEED_000 = "Theo Kế hoạch số 166-KH/TU ngày 24/5/2024 của Tỉnh ủy Thái Nguyên."
SEED_001 = (
    "Theo Kế hoạch đối thoại trực tiếp giữa Bí thư Thị ủy với công dân năm 2023 của Ban Thường vụ Thị ủy Đức Phổ."
)
SEED_002 = "Theo Kế hoạch tiếp xúc, đối thoại với nhân dân năm 2024 của Phó Chủ tịch UBND tỉnh Bắc Giang Phan Thế Tuấn."
SEED_003 = "Theo Kế hoạch tổ chức hội nghị đối thoại năm 2026 của Ban Thường vụ Đảng ủy xã Gia Phúc (tháng 4/2026)."
SEED_004 = "Theo Kế hoạch tổ chức hội nghị tiếp xúc, đối thoại năm 2025 của Đảng ủy xã Cao Minh (tháng 10/2025)."


@dataclass(frozen=True)
class Anchor:
    """An administrative unit from the official list, found by kind, code and status."""

    kind: str
    code: str
    dissolved: bool = False


@dataclass(frozen=True)
class Body:
    kind: str
    name: str
    short_name: str = ""
    note: str = ""
    children: tuple[Body, ...] = ()


TINH_THAI_NGUYEN = Anchor("province", "19")
TP_HAI_PHONG = Anchor("province", "31")
XA_GIA_PHUC = Anchor("commune", "11050")
XA_CAO_MINH = Anchor("commune", "01879")
# Before 1 July 2025: loaded as dissolved units by admin_units_load(historical_provinces=...).
TP_THAI_NGUYEN_CU = Anchor("district", "164", dissolved=True)  # under Tỉnh Thái Nguyên
TX_DUC_PHO_CU = Anchor("district", "534", dissolved=True)  # under Tỉnh Quảng Ngãi
TINH_BAC_GIANG_CU = Anchor("province", "24", dissolved=True)  # under Tỉnh Bắc Ninh


def _villages(*names: str) -> tuple[Body, ...]:
    return tuple(Body("village", f"Thôn {name}", note=SEED_003) for name in names)


# Bodies under a dissolved unit are recorded as dissolved on the same date (1 July 2025).
DEMO_BODIES: list[tuple[Anchor, tuple[Body, ...]]] = [
    # --- 000: Tỉnh Thái Nguyên --------------------------------------------------------
    (
        TINH_THAI_NGUYEN,
        (
            Body(
                "party_committee",
                "Tỉnh ủy Thái Nguyên",
                note=SEED_000,
                children=(
                    Body("party_board", "Ban Dân vận Tỉnh ủy Thái Nguyên", "Ban Dân vận Tỉnh ủy", SEED_000),
                    Body("party_board", "Văn phòng Tỉnh ủy Thái Nguyên", "Văn phòng Tỉnh ủy", SEED_000),
                    Body("party_board", "Ban Tổ chức Tỉnh ủy Thái Nguyên", "Ban Tổ chức Tỉnh ủy"),
                    Body("inspection_commission", "Ủy ban Kiểm tra Tỉnh ủy Thái Nguyên", "Ủy ban Kiểm tra Tỉnh ủy"),
                ),
            ),
            Body("people_council", "Hội đồng nhân dân tỉnh Thái Nguyên", "HĐND tỉnh Thái Nguyên", SEED_000),
            Body(
                "people_committee",
                "Ủy ban nhân dân tỉnh Thái Nguyên",
                "UBND tỉnh Thái Nguyên",
                SEED_000,
                children=(
                    Body("agency", "Sở Nông nghiệp và Môi trường tỉnh Thái Nguyên", "Sở Nông nghiệp và Môi trường"),
                    Body("agency", "Sở Xây dựng tỉnh Thái Nguyên", "Sở Xây dựng"),
                    Body("agency", "Sở Tài chính tỉnh Thái Nguyên", "Sở Tài chính"),
                    Body("agency", "Sở Y tế tỉnh Thái Nguyên", "Sở Y tế"),
                    Body("agency", "Sở Giáo dục và Đào tạo tỉnh Thái Nguyên", "Sở Giáo dục và Đào tạo"),
                ),
            ),
            Body("police", "Công an tỉnh Thái Nguyên"),
            Body(
                "front",
                "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Thái Nguyên",
                "Ủy ban MTTQ Việt Nam tỉnh Thái Nguyên",
                SEED_000,
                children=(
                    Body("mass_organisation", "Hội Cựu chiến binh tỉnh Thái Nguyên", "Hội Cựu chiến binh tỉnh"),
                    Body("mass_organisation", "Hội Nông dân tỉnh Thái Nguyên", "Hội Nông dân tỉnh"),
                ),
            ),
        ),
    ),
    (
        TP_THAI_NGUYEN_CU,
        (
            Body("party_committee", "Thành ủy Thái Nguyên", note=SEED_000),
            Body("people_committee", "Ủy ban nhân dân thành phố Thái Nguyên", "UBND thành phố Thái Nguyên", SEED_000),
        ),
    ),
    # --- 001: Thị xã Đức Phổ (Quảng Ngãi), before 1 July 2025 ---------------------------
    (
        TX_DUC_PHO_CU,
        (
            Body(
                "party_committee",
                "Thị ủy Đức Phổ",
                note=SEED_001,
                children=(
                    Body("party_board", "Ban Dân vận Thị ủy Đức Phổ", "Ban Dân vận Thị ủy", SEED_001),
                    Body("party_board", "Ban Tuyên giáo Thị ủy Đức Phổ", "Ban Tuyên giáo Thị ủy", SEED_001),
                ),
            ),
            Body("people_committee", "Ủy ban nhân dân thị xã Đức Phổ", "UBND thị xã Đức Phổ", SEED_001),
            Body("mass_organisation", "Hội Cựu chiến binh thị xã Đức Phổ", "Hội Cựu chiến binh thị xã", SEED_001),
        ),
    ),
    # --- 002: Tỉnh Bắc Giang, before 1 July 2025 ----------------------------------------
    (
        TINH_BAC_GIANG_CU,
        (Body("people_committee", "Ủy ban nhân dân tỉnh Bắc Giang", "UBND tỉnh Bắc Giang", SEED_002),),
    ),
    # --- 003: Xã Gia Phúc, Thành phố Hải Phòng -----------------------------------------
    (
        TP_HAI_PHONG,
        (
            Body(
                "party_committee",
                "Thành ủy Hải Phòng",
                note=SEED_003,
                children=(
                    Body(
                        "party_board",
                        "Ban Tuyên giáo và Dân vận Thành ủy Hải Phòng",
                        "Ban Tuyên giáo và Dân vận Thành ủy",
                        SEED_003,
                    ),
                ),
            ),
        ),
    ),
    (
        XA_GIA_PHUC,
        (
            Body(
                "party_committee",
                "Đảng ủy xã Gia Phúc",
                note=SEED_003,
                children=(
                    Body("party_board", "Văn phòng Đảng ủy xã Gia Phúc", "Văn phòng Đảng ủy", SEED_003),
                    Body("party_board", "Ban Xây dựng Đảng Đảng ủy xã Gia Phúc", "Ban Xây dựng Đảng", SEED_003),
                    Body(
                        "inspection_commission",
                        "Ủy ban Kiểm tra Đảng ủy xã Gia Phúc",
                        "Ủy ban Kiểm tra Đảng ủy",
                        SEED_003,
                    ),
                ),
            ),
            Body("people_council", "Hội đồng nhân dân xã Gia Phúc", "HĐND xã Gia Phúc", SEED_003),
            Body(
                "people_committee",
                "Ủy ban nhân dân xã Gia Phúc",
                "UBND xã Gia Phúc",
                SEED_003,
                children=(
                    Body(
                        "agency",
                        "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã Gia Phúc",
                        "Văn phòng HĐND và UBND xã",
                        SEED_003,
                    ),
                    Body(
                        "agency",
                        "Trung tâm Dịch vụ sự nghiệp công xã Gia Phúc",
                        "Trung tâm Dịch vụ sự nghiệp công xã",
                        SEED_003,
                    ),
                ),
            ),
            Body("police", "Công an xã Gia Phúc", note=SEED_003),
            Body(
                "front",
                "Ủy ban Mặt trận Tổ quốc Việt Nam xã Gia Phúc",
                "Ủy ban MTTQ Việt Nam xã Gia Phúc",
                SEED_003,
            ),
            *_villages("Phong Lâm", "Văn Lâm", "Trúc Lâm", "Nghĩa Hy", "Lai Hà", "Đại Lương", "Long Tràng"),
        ),
    ),
    # --- 004: Xã Cao Minh, Tỉnh Thái Nguyên (the plan names no villages) ---------------
    (
        XA_CAO_MINH,
        (
            Body(
                "party_committee",
                "Đảng ủy xã Cao Minh",
                note=SEED_004,
                children=(
                    Body("party_board", "Văn phòng Đảng ủy xã Cao Minh", "Văn phòng Đảng ủy", SEED_004),
                    Body("party_board", "Ban Xây dựng Đảng Đảng ủy xã Cao Minh", "Ban Xây dựng Đảng", SEED_004),
                    Body("inspection_commission", "Ủy ban Kiểm tra Đảng ủy xã Cao Minh", "Ủy ban Kiểm tra Đảng ủy"),
                ),
            ),
            Body("people_council", "Hội đồng nhân dân xã Cao Minh", "HĐND xã Cao Minh", SEED_004),
            Body(
                "people_committee",
                "Ủy ban nhân dân xã Cao Minh",
                "UBND xã Cao Minh",
                SEED_004,
                children=(
                    Body(
                        "agency",
                        "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã Cao Minh",
                        "Văn phòng HĐND và UBND xã",
                        SEED_004,
                    ),
                ),
            ),
            Body("police", "Công an xã Cao Minh", note=SEED_004),
            Body("agency", "Ban Chỉ huy Quân sự xã Cao Minh", "BCH Quân sự xã", SEED_004),
            Body(
                "front",
                "Ủy ban Mặt trận Tổ quốc Việt Nam xã Cao Minh",
                "Ủy ban MTTQ Việt Nam xã Cao Minh",
                SEED_004,
            ),
            Body("agency", "Trạm Y tế xã Cao Minh", note=SEED_004),
        ),
    ),
]


class DemoAccount(NamedTuple):
    username: str
    full_name: str
    role: str
    scope: str | None  # name of the unit the role is held over; None: the whole country
    organisation: str | None  # name of the unit the person works at


class DemoSigner(NamedTuple):
    """A signer of a seed plan: an account with no role, for later records to refer to."""

    username: str
    full_name: str
    position: str
    organisation: str


ADMIN_USERNAME = "quantri"

# Every account signs in with DEMO_PASSWORD.
DEMO_ACCOUNTS: list[DemoAccount] = [
    DemoAccount(ADMIN_USERNAME, "Đặng Quốc Khánh", Role.ADMIN.value, None, None),
    DemoAccount(
        "vanphong.tu", "Nguyễn Thị Thu Hà", Role.SECRETARIAT.value, "Tỉnh Thái Nguyên", "Văn phòng Tỉnh ủy Thái Nguyên"
    ),
    DemoAccount(
        "danvan.tu", "Lương Văn Thắng", Role.SYNTHESIS.value, "Tỉnh Thái Nguyên", "Ban Dân vận Tỉnh ủy Thái Nguyên"
    ),
    DemoAccount(
        "mttq.giaphuc", "Vũ Thị Lan", Role.MTTQ.value, "Xã Gia Phúc", "Ủy ban Mặt trận Tổ quốc Việt Nam xã Gia Phúc"
    ),
    DemoAccount(
        "coquan.nnmt",
        "Hoàng Minh Đức",
        Role.AGENCY.value,
        "Sở Nông nghiệp và Môi trường tỉnh Thái Nguyên",
        "Sở Nông nghiệp và Môi trường tỉnh Thái Nguyên",
    ),
    DemoAccount(
        "coquan.xaydung",
        "Ma Thị Hạnh",
        Role.AGENCY.value,
        "Sở Xây dựng tỉnh Thái Nguyên",
        "Sở Xây dựng tỉnh Thái Nguyên",
    ),
    DemoAccount("chutri.caominh", "Hứa Ngọc Sỹ", Role.CHAIR.value, "Xã Cao Minh", "Đảng ủy xã Cao Minh"),
    DemoAccount("chutri.giaphuc", "Đỗ Văn Tiến", Role.CHAIR.value, "Xã Gia Phúc", "Đảng ủy xã Gia Phúc"),
    DemoAccount(
        "giamsat.giaphuc",
        "Phạm Văn Hưng",
        Role.SUPERVISOR.value,
        "Xã Gia Phúc",
        "Ủy ban Kiểm tra Đảng ủy xã Gia Phúc",
    ),
    DemoAccount(
        "vanphong.giaphuc",
        "Nguyễn Thị Hương",
        Role.SECRETARIAT.value,
        "Xã Gia Phúc",
        "Văn phòng Đảng ủy xã Gia Phúc",
    ),
]

DEMO_POSITIONS: dict[str, str] = {
    ADMIN_USERNAME: "Quản trị hệ thống",
    "vanphong.tu": "Chuyên viên Văn phòng Tỉnh ủy",
    "danvan.tu": "Phó Trưởng Ban Dân vận Tỉnh ủy",
    "mttq.giaphuc": "Phó Chủ tịch Ủy ban MTTQ Việt Nam xã Gia Phúc",
    "coquan.nnmt": "Chuyên viên Sở Nông nghiệp và Môi trường",
    "coquan.xaydung": "Chuyên viên Sở Xây dựng",
    "chutri.caominh": "Bí thư Đảng ủy xã Cao Minh",
    "chutri.giaphuc": "Bí thư Đảng ủy, Chủ tịch HĐND xã Gia Phúc",
    "giamsat.giaphuc": "Chủ nhiệm Ủy ban Kiểm tra Đảng ủy xã Gia Phúc",
    "vanphong.giaphuc": "Chánh Văn phòng Đảng ủy xã Gia Phúc",
}

DEMO_SIGNERS: list[DemoSigner] = [
    # Signed seed 000 "T/M Ban Thường vụ".
    DemoSigner("phamhoangson", "Phạm Hoàng Sơn", "Phó Bí thư Thường trực Tỉnh ủy Thái Nguyên", "Tỉnh ủy Thái Nguyên"),
    # Signed seed 002; his Ủy ban nhân dân tỉnh Bắc Giang is a historical unit.
    DemoSigner(
        "phanthetuan",
        "Phan Thế Tuấn",
        "Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh Bắc Giang (2024)",
        "Ủy ban nhân dân tỉnh Bắc Giang",
    ),
]

MSG_ADMIN_NOT_NATIONAL = "Tài khoản “{username}” đã có nhưng không còn là quản trị hệ thống toàn quốc."
MSG_ANCHOR_MISSING = "Không tìm thấy đơn vị hành chính mã {code} ({kind}) sau khi nạp danh mục."


def demo_email(username: str) -> str:
    return f"{username}@{DEMO_EMAIL_DOMAIN}"


@transaction.atomic
def demo_load() -> dict:
    """Load the demo; returns how many things were created (all 0 on a second run)."""
    summary = {"admin_units_created": 0, "admin_units_updated": 0, "units": 0, "people": 0, "roles": 0}
    admin = _ensure_national_admin(summary)
    report = admin_units_load(actor=admin, historical_provinces=list(HISTORICAL_PROVINCES))
    summary["admin_units_created"] += report.created
    summary["admin_units_updated"] += report.updated

    kinds = {kind.code: kind for kind in UnitKind.objects.all()}
    units: dict[str, Unit] = {}
    for anchor, bodies in DEMO_BODIES:
        parent = _anchor_unit(anchor)
        units[parent.name] = parent
        for body in bodies:
            _ensure_body(admin, kinds, parent, body, units, summary)

    for account in DEMO_ACCOUNTS:
        if account.username == ADMIN_USERNAME:
            continue
        person = _ensure_person(
            admin,
            account.username,
            account.full_name,
            DEMO_POSITIONS[account.username],
            units[account.organisation],
            summary,
        )
        scope = units[account.scope] if account.scope else None
        if not RoleAssignment.objects.filter(user=person, role=account.role, unit=scope, is_active=True).exists():
            role_grant(actor=admin, person=person, role=account.role, unit=scope)
            summary["roles"] += 1
    for signer in DEMO_SIGNERS:
        _ensure_person(admin, signer.username, signer.full_name, signer.position, units[signer.organisation], summary)
    return summary


def _ensure_national_admin(summary: dict) -> User:
    account = DEMO_ACCOUNTS[0]
    admin = User.objects.filter(username=account.username).first()
    if admin is None:
        admin = national_admin_create(
            username=account.username,
            full_name=account.full_name,
            email=demo_email(account.username),
            password=DEMO_PASSWORD,
            position=DEMO_POSITIONS[account.username],
        )
        summary["people"] += 1
        summary["roles"] += 1
    elif not RoleAssignment.objects.filter(user=admin, role=Role.ADMIN, unit=None, is_active=True).exists():
        raise ServiceError(MSG_ADMIN_NOT_NATIONAL.format(username=account.username))
    return admin


def _anchor_unit(anchor: Anchor) -> Unit:
    status = UnitStatus.DISSOLVED if anchor.dissolved else UnitStatus.ACTIVE
    unit = Unit.objects.filter(kind__code=anchor.kind, code=anchor.code, status=status).first()
    if unit is None:
        raise ServiceError(MSG_ANCHOR_MISSING.format(code=anchor.code, kind=anchor.kind))
    return unit


def _ensure_body(admin, kinds: dict, parent: Unit, body: Body, units: dict[str, Unit], summary: dict) -> None:
    unit = Unit.objects.filter(parent=parent, name=body.name).first()
    if unit is None:
        unit = unit_create(
            actor=admin,
            kind=kinds[body.kind],
            parent=parent,
            name=body.name,
            short_name=body.short_name,
            note=body.note,
            # Under a unit abolished in July 2025 the body is a historical record too.
            dissolved_on=None if parent.is_active else parent.dissolved_on,
        )
        summary["units"] += 1
    units[unit.name] = unit
    for child in body.children:
        _ensure_body(admin, kinds, unit, child, units, summary)


def _ensure_person(admin, username: str, full_name: str, position: str, organisation: Unit, summary: dict) -> User:
    person = User.objects.filter(username=username).first()
    if person is None:
        person = person_create(
            actor=admin,
            username=username,
            full_name=full_name,
            organisation=organisation,
            password=DEMO_PASSWORD,
            email=demo_email(username),
            position=position,
        )
        summary["people"] += 1
    return person
