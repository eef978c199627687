"""How an office names itself: header lines, the text's words, the date line, its symbols and
the usual forms of its signature, for a commune and for each kind of agency."""

from __future__ import annotations

import pytest

from cchc_desktop.core import office as words
from cchc_desktop.core.model import Office, OfficeKind, Signer
from cchc_desktop.core.textwidth import text_width_cm


def agency(kind: OfficeKind, name: str, **extra) -> Office:
    return Office(kind=kind, name=name, province="thành phố Hải Phòng", **extra)


def test_a_commune_speaks_as_its_committee():
    ward = Office(kind=OfficeKind.PHUONG, name="Lê Ích Mộc", province="thành phố Hải Phòng")
    assert words.issuer_lines(ward) == ["ỦY BAN NHÂN DÂN", "PHƯỜNG LÊ ÍCH MỘC"]
    assert words.governing_lines(ward) == []
    assert words.formal_name(ward) == "Ủy ban nhân dân phường Lê Ích Mộc"
    assert (words.self_name(ward), words.scope(ward)) == (
        "Ủy ban nhân dân phường",
        "trên địa bàn phường",
    )
    assert words.place(ward) == "Lê Ích Mộc"
    assert words.number_suffix(ward) == "KH-UBND" and words.number_suffix(ward, "BC") == "BC-UBND"
    forms = dict(words.signature_forms(ward))
    assert ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"] in forms.values()
    assert ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"] in forms.values()
    assert ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"] in forms.values()


@pytest.mark.parametrize(
    ("kind", "name", "symbol", "head"),
    [
        (OfficeKind.SO, "Khoa học và Công nghệ", "SKHCN", "GIÁM ĐỐC"),
        (OfficeKind.SO, "Văn hóa, Thể thao và Du lịch", "SVHTTDL", "GIÁM ĐỐC"),
        (OfficeKind.BAN, "Quản lý các khu công nghiệp", "BQLCKCN", "TRƯỞNG BAN"),
        (OfficeKind.PHONG, "Nội vụ", "PNV", "TRƯỞNG PHÒNG"),
        (OfficeKind.TRUNG_TAM, "Phục vụ hành chính công", "TTPVHCC", "GIÁM ĐỐC"),
        (OfficeKind.VAN_PHONG, "Ủy ban nhân dân thành phố", "VPUBNDTP", "CHÁNH VĂN PHÒNG"),
    ],
)
def test_an_agency_has_its_symbol_head_and_signature_forms(kind, name, symbol, head):
    office = agency(kind, name, governing_body="Ủy ban nhân dân thành phố Hải Phòng")
    assert words.symbol(office) == symbol
    assert words.number_suffix(office) == f"KH-{symbol}"
    assert words.head_titles(office)[0] == head
    forms = [lines for _, lines in words.signature_forms(office)]
    assert forms[0] == [f"KT. {head}", f"PHÓ {head}"]
    assert [head] in forms and [f"TUQ. {head}", "CHÁNH VĂN PHÒNG"] in forms
    assert words.default_signer(office).authority_lines == forms[0]
    assert words.place(office) == "Hải Phòng"
    assert words.self_name(office) == kind.capitalised
    assert words.governing_lines(office) == ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HẢI PHÒNG"]


def test_a_name_too_wide_for_the_header_is_split_in_two_balanced_lines():
    office = agency(OfficeKind.SO, "Nông nghiệp và Phát triển nông thôn")
    lines = words.issuer_lines(office)
    assert lines == ["SỞ NÔNG NGHIỆP VÀ", "PHÁT TRIỂN NÔNG THÔN"]
    assert all(text_width_cm(line, 13, bold=True) <= words.ISSUER_LINE_MAX_CM for line in lines)


def test_what_the_officer_typed_wins_over_the_usual_wording():
    office = agency(
        OfficeKind.SO, "Khoa học và Công nghệ",
        header_lines=["Sở Khoa học", "và Công nghệ"], self_name="Sở KH&CN",
        scope="trong ngành khoa học và công nghệ", place_name="Hải Phòng", number_suffix="KH-SKHCN",
        signers=[Signer("Trần Thị Bình", ["GIÁM ĐỐC"])],
    )  # fmt: skip
    assert words.issuer_lines(office) == ["SỞ KHOA HỌC", "VÀ CÔNG NGHỆ"]
    assert words.self_name(office) == "Sở KH&CN"
    assert words.scope(office) == "trong ngành khoa học và công nghệ"
    assert words.number_suffix(office, "BC") == "BC-SKHCN"
    assert words.default_signer(office) == Signer("Trần Thị Bình", ["GIÁM ĐỐC"])
    assert words.typical_recipients(office)[-1].startswith("Lưu: VT")
