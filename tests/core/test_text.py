"""Vietnamese text helpers: folding for search, file-name parts, capitals, control characters."""

import unicodedata

from cchc_desktop.core.text import (
    ascii_fold,
    capitalise_first,
    fold,
    nfc,
    slug,
    strip_control,
    vn_upper,
)


def test_folding_ignores_diacritics_case_and_the_stroke_of_d():
    assert fold("Cải cách HÀNH chính") == "cai cach hanh chinh"
    assert fold("Đoàn Thanh niên") == "doan thanh nien"
    assert fold("Tổ dân phố – “số 5” ½") == "to dan pho – “so 5” ½"
    assert fold(unicodedata.normalize("NFD", "Quyết Thắng")) == "quyet thang"


def test_file_name_parts_are_ascii_words_joined_by_dashes():
    assert slug("xã Quyết Thắng") == "xa-Quyet-Thang"
    assert slug("Sở Văn hóa, Thể thao & Du lịch") == "So-Van-hoa-The-thao-Du-lich"
    assert ascii_fold("Đặc khu Bạch Long Vĩ") == "Dac khu Bach Long Vi"


def test_capitals_control_characters_and_precomposed_form():
    assert vn_upper("Mục đích, yêu cầu") == "MỤC ĐÍCH, YÊU CẦU"
    assert capitalise_first("xã Quyết Thắng") == "Xã Quyết Thắng"
    assert strip_control("Dán\x0b từ\x07 Word\tvà\n") == "Dán từ Word\tvà\n"
    assert nfc(unicodedata.normalize("NFD", "Thắng")) == "Thắng"
