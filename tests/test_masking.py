"""Masking personal data in published text (dialogue.lib.masking): names to initials,
phones and house or street addresses removed, officials and their positions kept."""

import pytest

from dialogue.lib.masking import initials, mask_addresses, mask_names, mask_phones, mask_text


@pytest.mark.parametrize(
    "name,expected",
    [
        ("Nguyễn Văn An", "N.V.A."),
        ("Đỗ Thị Hoa", "Đ.T.H."),
        ("Trần Thị Bích Ngọc", "T.T.B.N."),
        ("nguyen van an", "N.V.A."),
        ("Lê", "L."),
        ("Âu Dương Phong", "Â.D.P."),
        ("  Hoàng   Văn  Tư ", "H.V.T."),
        ("", ""),
    ],
)
def test_a_name_becomes_its_initials(name, expected):
    assert initials(name) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Liên hệ 0912 345 678.", "Liên hệ."),
        ("Liên hệ 0912.345.678 để biết", "Liên hệ để biết"),
        ("Gọi 0912-345-678 ngay", "Gọi ngay"),
        ("Gọi 0912345678 ngay", "Gọi ngay"),
        ("SĐT: 0987 654 321, thôn Văn Lâm", "thôn Văn Lâm"),
        ("ĐT 0369.123.456 hoặc Zalo 0369123456", "hoặc"),
        ("số điện thoại +84 912 345 678 đã đổi", "đã đổi"),
        ("(+84) 912 345 678 là số của bà", "là số của bà"),
        ("84912345678 là số cũ", "là số cũ"),
        ("máy bàn 024.3825.1234 của xã", "máy bàn của xã"),
        ("máy bàn 0225.3855.123 của xã", "máy bàn của xã"),
        ("(0208) 3855 123 trực ban", "trực ban"),
        ("ông An (SĐT 0912 345 678) phản ánh", "ông An phản ánh"),
        ("số cũ 01234567890 đã đổi", "số cũ đã đổi"),
    ],
)
def test_phone_numbers_in_every_usual_spelling_are_removed(text, expected):
    assert mask_phones(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Hỗ trợ 1.500.000 đồng mỗi hộ",
        "Kinh phí 2.000.000.000 đồng",
        "Ngày 11/06/2026 tại hội trường",
        "Kế hoạch số 166-KH/TU ngày 25/5/2023",
        "Diện tích 0,5 ha, 120 m2",
        "Quyết định số 1050-QĐ/TU",
        "Mã số thuế 0101234567 của doanh nghiệp",
    ],
)
def test_amounts_dates_and_document_numbers_are_not_taken_for_phones(text):
    if "Mã số thuế" in text:
        # A ten-digit tax code starting 01 is not a mobile number (01 is no mobile prefix).
        assert mask_phones(text) == text
    else:
        assert mask_phones(text) == text


@pytest.mark.parametrize(
    "text,expected",
    [
        ("ở số 12 đường Lê Lợi, thôn Phong Lâm", "ở thôn Phong Lâm"),
        ("nhà số 7, ngõ 3 phố Huế bị ngập", "bị ngập"),
        ("số nhà 45 phố Trần Phú, phường Lê Chân", "phường Lê Chân"),
        ("địa chỉ: số 5 ngách 12/4 ngõ 80 đường Nguyễn Trãi, phường Thanh Xuân", "phường Thanh Xuân"),
        ("Bà Mai, 45/2 Trần Phú, phường Lê Chân", "Bà Mai, phường Lê Chân"),
        ("SN 18 đường Hùng Vương, xã Gia Phúc", "xã Gia Phúc"),
        ("ngõ 15 đường Tô Hiệu, tổ dân phố 3", "tổ dân phố 3"),
        ("12A đường Lạch Tray, Hải Phòng", "Hải Phòng"),
    ],
)
def test_house_numbers_and_streets_are_removed(text, expected):
    assert mask_addresses(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "thôn Phong Lâm, xã Gia Phúc, thành phố Hải Phòng",
        "Có 12 hộ ở số 3 thôn Nghĩa Hy",
        "đường liên thôn Văn Lâm bị xuống cấp",
        "Kế hoạch số 54-KH/ĐU của Đảng ủy",
        "tuyến đường Trúc Lâm - Lai Hà",
    ],
)
def test_villages_communes_counts_and_roads_as_matters_stay(text):
    assert mask_addresses(text) == text


@pytest.mark.parametrize(
    "text,names,expected",
    [
        ("Ông Nguyễn Văn An phản ánh", (), "Ông N.V.A. phản ánh"),
        ("bà Trần Thị Bích đề nghị", (), "bà T.T.B. đề nghị"),
        ("Chị Lan hỏi về học phí", (), "Chị L. hỏi về học phí"),
        ("hộ ông Phạm Văn Tư bị thu hồi đất", (), "hộ ông P.V.T. bị thu hồi đất"),
        ("Cử tri Hoàng Thị Mai, thôn Nà Đon", (), "Cử tri H.T.M., thôn Nà Đon"),
        ("Ý kiến của Lý Văn Tài về đường", ("Lý Văn Tài",), "Ý kiến của L.V.T. về đường"),
        ("ý kiến của Ly Van Tai về đường", ("Lý Văn Tài",), "ý kiến của L.V.T. về đường"),
        ("Ý kiến của Lý Văn Tài về đường", ("Ly Van Tai",), "Ý kiến của L.V.T. về đường"),
        ("NGUYỄN VĂN AN đề nghị", ("Nguyễn Văn An",), "N.V.A. đề nghị"),
        ("Ông nguyễn văn an nói", ("Nguyễn Văn An",), "Ông N.V.A. nói"),
        (
            "Ý kiến của Bà Nguyễn Thị Hằng (thôn Văn Lâm)",
            ("Bà Nguyễn Thị Hằng",),
            "Ý kiến của Bà N.T.H. (thôn Văn Lâm)",
        ),
        ("Phản ánh của Hoang Duc Lam", ("Hoàng Đức Lâm",), "Phản ánh của H.D.L."),
    ],
)
def test_citizens_names_become_initials(text, names, expected):
    assert mask_names(text, names) == expected


@pytest.mark.parametrize(
    "text",
    [
        "bà con nhân dân thôn Lai Hà",
        "đồng chí Đỗ Văn Tiến, Bí thư Đảng ủy trả lời",
        "ông Trưởng thôn Phong Lâm trả lời",
        "bà Chủ tịch Hội Phụ nữ xã",
        "anh em trong thôn",
        "Ông Bí thư Chi bộ thôn Văn Lâm",
    ],
)
def test_officials_positions_and_common_words_stay(text):
    assert mask_names(text) == text


def test_officials_named_in_office_are_kept_while_a_citizen_of_the_same_text_is_masked():
    text = "Đồng chí Hứa Ngọc Sỹ trả lời ý kiến của ông Lò Văn Pọm; ông Hứa Ngọc Sỹ cam kết."
    assert mask_names(text, ["Lò Văn Pọm"], keep=["Hứa Ngọc Sỹ"]) == (
        "Đồng chí Hứa Ngọc Sỹ trả lời ý kiến của ông L.V.P.; ông Hứa Ngọc Sỹ cam kết."
    )


def test_a_lone_given_name_from_the_records_is_not_hunted_everywhere():
    assert mask_names("An toàn giao thông", ["An"]) == "An toàn giao thông"


def test_the_whole_text_is_masked_in_one_call():
    text = (
        "Ông Nguyễn Văn An (SĐT 0912 345 678) ở số 12 đường Lê Lợi, thôn Phong Lâm phản ánh; "
        "đồng chí Đỗ Văn Tiến, Bí thư Đảng ủy xã trả lời."
    )
    assert mask_text(text, names=["Nguyễn Văn An"], keep=["Đỗ Văn Tiến"]) == (
        "Ông N.V.A. ở thôn Phong Lâm phản ánh; đồng chí Đỗ Văn Tiến, Bí thư Đảng ủy xã trả lời."
    )


def test_text_without_personal_data_is_unchanged_and_lines_are_kept():
    text = "I. NỘI DUNG\n- Đề nghị nạo vét kênh mương nội đồng thôn Lai Hà.\n- Sửa đèn chiếu sáng."
    assert mask_text(text) == text


def test_decomposed_unicode_input_is_handled():
    import unicodedata

    text = unicodedata.normalize("NFD", "Bà Trần Thị Bích, SĐT 0987654321")
    assert mask_text(text) == "Bà T.T.B."


def test_masking_a_masked_text_again_changes_nothing():
    once = mask_text("Bà Nguyễn Thị Hoa Mai (SĐT 0912 345 678), số 12 đường Lê Lợi, đề nghị sửa đường.")
    assert mask_text(once) == once
