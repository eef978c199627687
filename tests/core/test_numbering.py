from cchc_desktop.core.model import ItemKind, ItemRole, Marker, PlanItem
from cchc_desktop.core.numbering import (
    VIETNAMESE_LETTERS,
    letter,
    number_items,
    own_label,
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
                    [
                        PlanItem(ItemKind.POINT, "Tập trung vào:", marker=Marker.NONE),
                        *points("p", "q"),
                    ],
                )
            ],
        ),
    ]
    assert [(n.label, n.depth) for n in number_items(tree)] == [
        ("I.", 0), ("1.", 1), ("a)", 2), ("b)", 2), ("2.", 1), ("a)", 2),
        ("II.", 0), ("1.", 1), ("", 2), ("a)", 2), ("b)", 2),
    ]  # fmt: skip


def test_children_of_an_unchosen_item_are_not_printed():
    child = PlanItem(ItemKind.POINT, "con", marker=Marker.DASH)
    parent = PlanItem(ItemKind.POINT, "cha", [child], chosen=False)
    assert list(number_items([parent])) == []


def test_an_emptied_section_does_not_print_and_the_numbers_follow():
    tree = [
        PlanItem(ItemKind.SECTION, "Mục đích", points("x")),
        PlanItem(ItemKind.SECTION, "Kinh phí", [PlanItem(ItemKind.POINT, "y", chosen=False)]),
        PlanItem(ItemKind.SECTION, "Trống", []),
        PlanItem(ItemKind.SECTION, "Tổ chức thực hiện", points("z")),
    ]
    assert [n.line for n in number_items(tree) if n.depth == 0] == [
        "I. Mục đích",
        "II. Tổ chức thực hiện",
    ]


def test_a_unit_without_duties_is_left_out_and_the_rest_renumber():
    blocks = [
        PlanItem(ItemKind.SUBSECTION, "Phòng Văn hóa - Xã hội", points("tham mưu")),
        PlanItem(ItemKind.SUBSECTION, "Phòng Kinh tế", []),
        PlanItem(ItemKind.SUBSECTION, "Trung tâm Phục vụ hành chính công", points("  ")),
        PlanItem(ItemKind.SUBSECTION, "Đề nghị Ủy ban MTTQ Việt Nam xã", points("phối hợp")),
    ]
    for block in blocks:
        block.role = ItemRole.UNIT
    organisation = PlanItem(ItemKind.SECTION, "Tổ chức thực hiện", blocks)
    assert [n.line for n in number_items([organisation]) if n.depth == 1] == [
        "1. Phòng Văn hóa - Xã hội",
        "2. Đề nghị Ủy ban MTTQ Việt Nam xã",
    ]


def test_each_list_prints_its_own_marker():
    def items(marker: Marker, count: int = 3) -> list[PlanItem]:
        return [PlanItem(ItemKind.POINT, f"ý {i}", marker=marker) for i in range(count)]

    def first_labels(marker: Marker) -> list[str]:
        return [n.label for n in number_items(items(marker))]

    assert first_labels(Marker.LETTER) == ["a)", "b)", "c)"]
    assert first_labels(Marker.LETTER_DOT) == ["a.", "b.", "c."]
    assert first_labels(Marker.DASH) == ["-", "-", "-"]
    assert first_labels(Marker.PLUS) == ["+", "+", "+"]
    assert first_labels(Marker.NONE) == ["", "", ""]
    assert first_labels(Marker.DECIMAL_PAREN) == ["1)", "2)", "3)"]
    nested = PlanItem(ItemKind.SUBSECTION, "Hai", items(Marker.NESTED), marker=Marker.DECIMAL)
    first = PlanItem(ItemKind.SUBSECTION, "Một", points("x"), marker=Marker.DECIMAL)
    assert [n.label for n in number_items([first, nested]) if n.depth == 1][-3:] == [
        "2.1.", "2.2.", "2.3.",
    ]  # fmt: skip


def test_a_label_kept_as_typed_prints_as_typed_and_says_what_the_count_gives():
    items = points("a", "b", "c", "e")
    items[3].label = "e)"
    numbered = list(number_items(items))
    assert [n.label for n in numbered] == ["a)", "b)", "c)", "e)"]
    assert numbered[3].expected == "d)"


def test_the_label_typed_in_front_of_a_text_is_read():
    assert own_label("e) Tuyên truyền") == "e)"
    assert own_label("1.1. Nội dung") == "1.1."
    assert own_label("+ Trên báo") == "+"
    assert own_label("Tuyên truyền") == ""


def test_a_pasted_number_or_letter_is_stripped_from_the_text():
    assert strip_own_label("b) Tuyên truyền") == "Tuyên truyền"
    assert strip_own_label("đ) Tổ chức") == "Tổ chức"
    assert strip_own_label("f) Duy trì") == "Duy trì"
    assert strip_own_label("2. Hình thức") == "Hình thức"
    assert strip_own_label("II. NỘI DUNG") == "NỘI DUNG"
    assert strip_own_label("- Nội dung: xây dựng") == "Nội dung: xây dựng"
    assert strip_own_label("Căn cứ Quyết định số 362/QĐ-UBND") == "Căn cứ Quyết định số 362/QĐ-UBND"
    assert strip_own_label("Đồng thời, nâng cao") == "Đồng thời, nâng cao"
