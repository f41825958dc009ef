"""The fields (lĩnh vực) every installation starts with; administrators may add more."""

BUILTIN_FIELDS = [
    ("dat_dai", "Đất đai"),
    ("quy_hoach_xay_dung", "Quy hoạch, xây dựng"),
    ("giai_phong_mat_bang", "Giải phóng mặt bằng, bồi thường, tái định cư"),
    ("moi_truong", "Tài nguyên, môi trường"),
    ("giao_thong_ha_tang", "Giao thông, hạ tầng (điện, nước, viễn thông)"),
    ("chinh_sach_xa_hoi", "Chính sách xã hội, lao động, người có công"),
    ("y_te_giao_duc", "Y tế, giáo dục"),
    ("nong_nghiep", "Nông nghiệp, nông thôn"),
    ("kinh_te_doanh_nghiep", "Kinh tế, doanh nghiệp, tài chính"),
    ("an_ninh_trat_tu", "An ninh, trật tự, an toàn xã hội"),
    ("xay_dung_dang_chinh_quyen", "Xây dựng Đảng, chính quyền, cán bộ"),
    ("khac", "Lĩnh vực khác"),
]


def load_builtin_fields(field_model) -> None:
    for order, (code, name) in enumerate(BUILTIN_FIELDS, start=1):
        field_model.objects.get_or_create(code=code, defaults={"name": name, "sort_order": order * 10})
