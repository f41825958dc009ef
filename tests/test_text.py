import unicodedata

from dialogue.lib.text import fold, normalize_text


def test_decomposed_input_is_stored_composed():
    decomposed = unicodedata.normalize("NFD", "Phường Phổ Minh")
    assert normalize_text(decomposed) == "Phường Phổ Minh"
    assert unicodedata.is_normalized("NFC", normalize_text(decomposed))


def test_white_space_is_collapsed():
    assert normalize_text("  Xã   Gia\tPhúc \n") == "Xã Gia Phúc"


def test_folding_removes_accents_and_maps_d_bar():
    assert fold("Đảng ủy xã Gia Phúc") == "dang uy xa gia phuc"
    assert fold("ĐỨC PHỔ") == fold("duc pho")


def test_empty_values_fold_to_empty():
    assert fold("") == "" and normalize_text(None) == ""


def test_the_lookalike_eth_folds_like_d_with_stroke():
    assert fold("Ðường Ðồng Khởi") == fold("Đường Đồng Khởi") == "duong dong khoi"
