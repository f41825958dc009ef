"""dialogue.lib.phones: Vietnamese telephone numbers in one national form."""

import unicodedata

import pytest

from dialogue.lib.phones import (
    OLD_MOBILE_PREFIXES,
    InvalidPhone,
    format_phone,
    is_mobile,
    mask_phone,
    normalize_phone,
)


def test_a_mobile_number_written_with_spaces_is_normalised():
    assert normalize_phone("0912 345 678") == "0912345678"


def test_a_mobile_number_written_with_dots_is_normalised():
    assert normalize_phone("0912.345.678") == "0912345678"


def test_a_mobile_number_written_with_dashes_is_normalised():
    assert normalize_phone("0912-345-678") == "0912345678"


def test_the_international_form_with_plus_is_normalised():
    assert normalize_phone("+84 912 345 678") == "0912345678"


def test_the_international_form_without_plus_is_normalised():
    assert normalize_phone("84912345678") == "0912345678"


def test_the_international_form_dialled_with_00_is_normalised():
    assert normalize_phone("0084 912 345 678") == "0912345678"


def test_the_country_code_in_brackets_is_accepted():
    assert normalize_phone("(+84) 912 345 678") == "0912345678"


def test_a_zero_kept_after_the_country_code_is_dropped():
    assert normalize_phone("+84 (0) 912 345 678") == "0912345678"


def test_a_landline_with_its_area_code_in_brackets_is_normalised():
    assert normalize_phone("(0208) 3855 123") == "02083855123"


def test_a_ha_noi_landline_with_a_three_digit_area_code_is_normalised():
    assert normalize_phone("024 3825 1234") == "02438251234"


def test_a_landline_in_the_international_form_is_normalised():
    assert normalize_phone("+84 208 3855 123") == "02083855123"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("0162 812 3456", "0328123456"),
        ("0169 123 4567", "0391234567"),
        ("0120 123 4567", "0701234567"),
        ("0121 123 4567", "0791234567"),
        ("0122 123 4567", "0771234567"),
        ("0126 123 4567", "0761234567"),
        ("0128 123 4567", "0781234567"),
        ("0123 123 4567", "0831234567"),
        ("0124 123 4567", "0841234567"),
        ("0125 123 4567", "0851234567"),
        ("0127 123 4567", "0811234567"),
        ("0129 123 4567", "0821234567"),
        ("0186 123 4567", "0561234567"),
        ("0188 123 4567", "0581234567"),
        ("0199 123 4567", "0591234567"),
        ("+84 168 123 4567", "0381234567"),
    ],
)
def test_an_old_eleven_digit_mobile_number_is_converted_to_its_2018_prefix(old, new):
    assert normalize_phone(old) == new


def test_every_converted_prefix_of_2018_is_known():
    assert len(OLD_MOBILE_PREFIXES) == 21
    assert all(len(new) == 3 and new[:2] in {"03", "05", "07", "08"} for new in OLD_MOBILE_PREFIXES.values())


def test_a_number_excel_stored_without_its_leading_zero_is_normalised():
    assert normalize_phone("912345678") == "0912345678"
    assert normalize_phone("2083855123") == "02083855123"


def test_a_label_typed_before_the_number_is_ignored():
    assert normalize_phone("SĐT: 0912 345 678") == "0912345678"
    assert normalize_phone("ĐT 0208.3855.123") == "02083855123"


def test_non_breaking_spaces_and_decomposed_labels_are_accepted():
    assert normalize_phone("0912\u00a0345\u00a0678") == "0912345678"
    assert normalize_phone(unicodedata.normalize("NFD", "Điện thoại: 0912345678")) == "0912345678"


def test_full_width_digits_typed_with_an_input_method_are_accepted():
    assert normalize_phone("０９１２ ３４５ ６７８") == "0912345678"


def test_an_empty_value_is_an_empty_optional_field():
    assert normalize_phone("") == ""
    assert normalize_phone("   ") == ""
    assert normalize_phone(None) == ""


def test_a_number_that_is_too_short_is_refused_with_the_vietnamese_message():
    with pytest.raises(InvalidPhone) as error:
        normalize_phone("091234567")
    assert str(error.value) == (
        "Số điện thoại “091234567” không hợp lệ: số di động Việt Nam gồm 10 chữ số, "
        "bắt đầu bằng 03, 05, 07, 08 hoặc 09."
    )
    assert error.value.message == str(error.value)


@pytest.mark.parametrize("raw", ["0123456789", "0612345678", "0412345678", "09123456789", "1900 1234", "113"])
def test_numbers_with_an_unknown_prefix_or_length_are_refused(raw):
    with pytest.raises(InvalidPhone, match="số di động Việt Nam gồm 10 chữ số"):
        normalize_phone(raw)


def test_a_landline_of_the_wrong_length_names_the_landline_rule():
    with pytest.raises(InvalidPhone, match="số cố định gồm 11 chữ số"):
        normalize_phone("0208 385 512")


def test_letters_are_refused_with_a_message_about_the_allowed_characters():
    with pytest.raises(InvalidPhone, match="chỉ được có chữ số"):
        normalize_phone("0912 abc 678")


def test_two_numbers_in_one_field_are_refused():
    for raw in ("0912345678 / 0987654321", "0912345678; 0987654321", "0912345678 hoặc 0987654321"):
        with pytest.raises(InvalidPhone, match="chỉ ghi một số điện thoại"):
            normalize_phone(raw)


def test_a_foreign_number_is_refused():
    with pytest.raises(InvalidPhone, match=r"chỉ nhận số điện thoại Việt Nam \(mã quốc gia \+84\)"):
        normalize_phone("+1 202 555 0100")


def test_invalid_phone_is_a_value_error():
    assert issubclass(InvalidPhone, ValueError)


def test_mobiles_and_landlines_are_told_apart():
    assert is_mobile("0912 345 678")
    assert is_mobile("+84 32 812 3456")
    assert not is_mobile("(0208) 3855 123")
    assert not is_mobile("")
    assert not is_mobile("not a phone")


def test_a_mobile_number_is_masked_for_public_pages():
    assert mask_phone("0912345678") == "0912 *** 678"
    assert mask_phone("+84 912 345 678") == "0912 *** 678"


def test_a_landline_is_masked_keeping_its_area_code():
    assert mask_phone("02083855123") == "0208 **** 123"
    assert mask_phone("02438251234") == "024 ***** 234"


def test_masking_never_reveals_a_value_it_cannot_read():
    assert mask_phone("0912 abc 678") == "***"
    assert mask_phone("") == ""


def test_numbers_are_grouped_for_reading():
    assert format_phone("0912345678") == "0912 345 678"
    assert format_phone("02083855123") == "0208 3855 123"
    assert format_phone("02438251234") == "024 3825 1234"
    assert format_phone("") == ""
    assert format_phone("gọi trưởng thôn") == "gọi trưởng thôn"
