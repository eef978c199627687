"""Vietnamese typed in TCVN3 (.VnTime) and VNI (VNI-Times), converted to Unicode."""

from __future__ import annotations

import unicodedata

import pytest

from cchc_desktop.core import legacy_encoding as legacy
from tests.importing.wordgen import to_tcvn3

SENTENCE = "Kế hoạch tuyên truyền cải cách hành chính nhà nước 6 tháng cuối năm 2025 của xã"


def test_tcvn3_text_becomes_unicode():
    assert legacy.tcvn3_to_unicode(to_tcvn3(SENTENCE)) == SENTENCE


def test_a_vntimeh_heading_prints_capitals():
    typed = to_tcvn3("tổ chức thực hiện", capitals_font=True)
    assert legacy.tcvn3_to_unicode(typed, capitals=True) == "TỔ CHỨC THỰC HIỆN"


def test_the_letter_u_with_horn_is_the_soft_hyphen_code():
    assert legacy.tcvn3_to_unicode("n\u00adíc") == "nước"


@pytest.mark.parametrize(
    ("vni", "unicode"),
    [
        ("Keá hoaïch tuyeân truyeàn", "Kế hoạch tuyên truyền"),
        ("caûi caùch haønh chính nhaø nöôùc", "cải cách hành chính nhà nước"),
        ("ñòa phöông, Ñoaøn Thanh nieân", "địa phương, Đoàn Thanh niên"),
        ("KEÁ HOAÏCH", "KẾ HOẠCH"),
        ("Quyeát Thaéng", "Quyết Thắng"),
    ],
)
def test_vni_text_becomes_unicode(vni, unicode):
    assert legacy.vni_to_unicode(vni) == unicode


def test_the_fonts_say_which_encoding():
    assert legacy.font_encoding(".VnTime") == legacy.TCVN3
    assert legacy.font_encoding(".VnTimeH") == legacy.TCVN3
    assert legacy.capital_font(".VnTimeH") and not legacy.capital_font(".VnTime")
    assert legacy.font_encoding("VNI-Times") == legacy.VNI
    assert legacy.font_encoding("Times New Roman") == ""


def test_text_without_a_font_is_recognised_by_its_characters():
    assert legacy.detect(to_tcvn3(SENTENCE)) == legacy.TCVN3
    assert legacy.detect("Keá hoaïch tuyeân truyeàn caûi caùch") == legacy.VNI
    assert legacy.detect(SENTENCE) == ""
    assert legacy.detect("Hoà bình, thuý, khoá học") == ""  # old tone placement is Unicode too
    assert legacy.detect("Plan for 2025") == ""


def test_pasted_text_is_converted_and_composed():
    decomposed = unicodedata.normalize("NFD", SENTENCE)
    assert legacy.convert_pasted(decomposed) == SENTENCE
    assert legacy.convert_pasted(to_tcvn3(SENTENCE)) == SENTENCE
