"""The built-in unit kinds, loaded by a data migration; administrators may add more.

Names are data in Vietnamese, as officials write them.
(code, name, category, level or None to inherit the parent's, historical, order)
"""

BUILTIN_KINDS = [
    ("province", "Tỉnh, thành phố trực thuộc Trung ương", "administrative", 1, False, 10),
    ("district", "Huyện, thị xã, thành phố thuộc tỉnh (trước 7/2025)", "administrative", 2, True, 20),
    ("commune", "Xã, phường, đặc khu", "administrative", 3, False, 30),
    ("village", "Thôn, tổ dân phố", "administrative", 4, False, 40),
    ("party_committee", "Cấp ủy Đảng (Tỉnh ủy, Thành ủy, Đảng ủy xã...)", "party", None, False, 50),
    (
        "party_board",
        "Cơ quan tham mưu, giúp việc cấp ủy (Ban Dân vận, Ban Xây dựng Đảng, Văn phòng...)",
        "advisory",
        None,
        False,
        60,
    ),
    ("inspection_commission", "Ủy ban Kiểm tra cấp ủy", "advisory", None, False, 65),
    ("people_council", "Hội đồng nhân dân", "state", None, False, 70),
    ("people_committee", "Ủy ban nhân dân", "state", None, False, 75),
    ("agency", "Cơ quan chuyên môn (sở, ban, ngành, phòng)", "agency", None, False, 80),
    ("police", "Công an", "agency", None, False, 85),
    ("front", "Ủy ban Mặt trận Tổ quốc Việt Nam", "front", None, False, 90),
    ("mass_organisation", "Tổ chức chính trị - xã hội, hội quần chúng", "front", None, False, 95),
    ("central_body", "Cơ quan Trung ương", "agency", 0, False, 5),
]


def ensure_builtin_kinds(unit_kind_model) -> None:
    """Create or refresh the built-in kinds (used by the data migration and by tests
    whose transactional flush removed migration data)."""
    for code, name, category, level, historical, order in BUILTIN_KINDS:
        unit_kind_model.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "category": category,
                "level": level,
                "historical": historical,
                "sort_order": order,
            },
        )
