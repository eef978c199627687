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


def test_text_wraps_at_spaces_into_the_lines_a_spreadsheet_shows():
    from cchc_desktop.core.textwidth import text_width_em, wrapped_lines

    words = "Tuyên truyền cải cách hành chính"
    one = text_width_em(words)
    assert wrapped_lines(words, one) == 1
    assert wrapped_lines(f"{words} {words}", one + 0.1) == 2  # the second copy starts a line
    assert wrapped_lines(f"{words} {words}", one * 2 + 0.3) == 1
    assert wrapped_lines("x" * 40, text_width_em("x" * 10)) == 4  # a long word is broken
    assert wrapped_lines(words, one - 0.01, bold=True) == 2
