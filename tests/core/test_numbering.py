from cchc_desktop.core.model import ItemKind, PlanItem, UnitDuty
from cchc_desktop.core.numbering import (
    VIETNAMESE_LETTERS,
    letter,
    number_items,
    organisation_number,
    printed_duties,
    roman,
    strip_own_label,
)


def points(*texts: str) -> list[PlanItem]:
    return [PlanItem(ItemKind.POINT, t) for t in texts]


def labels(items: list[PlanItem]) -> list[str]:
    return [n.label for n in number_items(items)]


def test_vietnamese_lettering_has_no_f_j_w_z_and_puts_dd_after_d():
    assert "".join(VIETNAMESE_LETTERS) == "abcdđeghiklmnopqrstuvxy"
    assert [letter(i) for i in range(7)] == ["a", "b", "c", "d", "đ", "e", "g"]
    assert letter(22) == "y"
    assert letter(23) == "aa"


def test_roman_numerals():
    assert [roman(n) for n in (1, 2, 3, 4, 5, 6, 9, 10, 14)] == [
        "I", "II", "III", "IV", "V", "VI", "IX", "X", "XIV",
    ]  # fmt: skip


def test_unticking_item_b_moves_later_letters_up():
    items = points("một", "hai", "ba", "bốn", "năm", "sáu")
    assert labels(items) == ["a)", "b)", "c)", "d)", "đ)", "e)"]
    items[1].chosen = False
    numbered = list(number_items(items))
    assert [(n.label, n.item.text) for n in numbered] == [
        ("a)", "một"), ("b)", "ba"), ("c)", "bốn"), ("d)", "năm"), ("đ)", "sáu"),
    ]  # fmt: skip


def test_adding_and_moving_items_renumbers_everything_after():
    items = points("một", "hai", "ba")
    items.insert(1, PlanItem(ItemKind.POINT, "mới"))
    assert [n.line for n in number_items(items)] == ["a) một", "b) mới", "c) hai", "d) ba"]
    items.append(items.pop(0))
    assert [n.line for n in number_items(items)] == ["a) mới", "b) hai", "c) ba", "d) một"]


def test_sections_subsections_and_points_number_independently_per_level():
    tree = [
        PlanItem(
            ItemKind.SECTION,
            "Mục đích, yêu cầu",
            [
                PlanItem(ItemKind.SUBSECTION, "Mục đích", points("x", "y")),
                PlanItem(ItemKind.SUBSECTION, "Yêu cầu", points("z")),
            ],
        ),
        PlanItem(ItemKind.SECTION, "Bỏ", chosen=False),
        PlanItem(
            ItemKind.SECTION,
            "Nội dung",
            [
                PlanItem(
                    ItemKind.SUBSECTION,
                    "Nội dung tuyên truyền",
                    [PlanItem(ItemKind.PARAGRAPH, "Tập trung vào:"), *points("p", "q")],
                )
            ],
        ),
    ]
    assert [(n.label, n.depth) for n in number_items(tree)] == [
        ("I.", 0), ("1.", 1), ("a)", 2), ("b)", 2), ("2.", 1), ("a)", 2),
        ("II.", 0), ("1.", 1), ("", 2), ("a)", 2), ("b)", 2),
    ]  # fmt: skip
    assert organisation_number(tree) == "III."


def test_children_of_an_unchosen_item_are_not_printed():
    parent = PlanItem(ItemKind.POINT, "cha", [PlanItem(ItemKind.DASH, "con")], chosen=False)
    assert list(number_items([parent])) == []


def test_a_unit_without_duties_is_left_out_and_the_rest_renumber():
    duties = [
        UnitDuty("Phòng Văn hóa - Xã hội", points("tham mưu")),
        UnitDuty("Phòng Kinh tế", []),
        UnitDuty("Trung tâm Phục vụ hành chính công", [PlanItem(ItemKind.POINT, "  ")]),
        UnitDuty("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam xã", points("phối hợp")),
    ]
    assert [(n, d.heading) for n, d in printed_duties(duties)] == [
        ("1.", "Phòng Văn hóa - Xã hội"),
        ("2.", "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam xã"),
    ]


def test_a_pasted_number_or_letter_is_stripped_from_the_text():
    assert strip_own_label("b) Tuyên truyền") == "Tuyên truyền"
    assert strip_own_label("đ) Tổ chức") == "Tổ chức"
    assert strip_own_label("f) Duy trì") == "Duy trì"
    assert strip_own_label("2. Hình thức") == "Hình thức"
    assert strip_own_label("II. NỘI DUNG") == "NỘI DUNG"
    assert strip_own_label("- Nội dung: xây dựng") == "Nội dung: xây dựng"
    assert strip_own_label("Căn cứ Quyết định số 362/QĐ-UBND") == "Căn cứ Quyết định số 362/QĐ-UBND"
    assert strip_own_label("Đồng thời, nâng cao") == "Đồng thời, nâng cao"
