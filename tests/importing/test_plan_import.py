"""Plans written the way clerks write them, read back item by item: typed markers, Word's
automatic numbering, the header as a table or as tab-aligned paragraphs, the appendix with two
header rows and merged cells running over two sections, a passage typed in TCVN3."""

from __future__ import annotations

from datetime import date

import pytest

from cchc_desktop.core.checks import review
from cchc_desktop.core.labels import classify_label, split_label
from cchc_desktop.core.model import ItemKind, ItemRole, Marker, OfficeKind, walk
from cchc_desktop.core.numbering import number_items
from cchc_desktop.core.outline import Block, Role, plan_outline
from cchc_desktop.core.period import PeriodKind
from cchc_desktop.documents.word_import import read_plan
from tests.importing.seeds import APPENDIX_003, seed_002, seed_003

BODY_ROLES = (Role.HEADING_1, Role.HEADING_2, Role.POINT)


def printed_body(parsed) -> list[str]:
    outline = plan_outline(parsed.plan, parsed.office)
    return [b.text for b in outline.body if isinstance(b, Block) and b.role in BODY_ROLES]


def tree(parsed) -> list[tuple[int, str, str, str]]:
    """(depth, label, kind, first words) of each printed item."""
    return [
        (n.depth, n.label, n.item.kind.value, " ".join(n.item.text.split()[:4]))
        for n in number_items(parsed.plan.sections)
    ]


@pytest.fixture(scope="module")
def parsed(word_files):
    return {name: read_plan(path) for name, path in word_files.items() if name != "000"}


@pytest.mark.parametrize("name", ["002-paragraphs", "002-tcvn3"])
def test_a_commune_plan_with_typed_markers_prints_every_paragraph_as_typed(parsed, name):
    assert printed_body(parsed[name]) == seed_002().body


def test_the_ward_plan_keeps_its_own_lettering_and_its_two_names(parsed):
    plan = parsed["003-typed"]
    assert printed_body(plan) == seed_003().body
    findings = [f.message for f in review(plan.plan, plan.office)]
    assert any("đánh số «f)», theo thứ tự phải là «g)»" in f for f in findings)
    assert any("phường Thạch Khê" in f for f in findings)


def test_the_commune_plan_outline_item_by_item(parsed):
    rows = tree(parsed["002-paragraphs"])
    assert rows[:8] == [
        (0, "I.", "section", "Mục đích, yêu cầu"),
        (1, "1.", "point", "Công tác tuyên truyền"),
        (1, "2.", "point", "Tuyên truyền nâng cao"),
        (1, "3.", "point", "Khắc phục những hạn"),
        (1, "4.", "point", "Tạo sự chuyển biến"),
        (1, "5.", "point", "Tuyên truyền những nhiệm"),
        (0, "II.", "section", "Nội dung tuyên truyền"),
        (1, "1.", "point", "Tuyên truyền, phổ biến"),
    ]
    third = [r for r in rows if r[0] == 0]
    assert [r[1] for r in third] == ["I.", "II.", "III.", "IV."]
    forms = rows[rows.index((0, "III.", "section", "Phương tiện và hình")) :]
    assert forms[1:5] == [
        (1, "1.", "subsection", "Phương tiện tuyên truyền"),
        (2, "-", "point", "Tuyên truyền trên hệ"),
        (2, "-", "point", "Tuyên truyền bằng panô,"),
        (2, "-", "point", "Thông qua Cổng thông"),
    ]
    organisation = rows[rows.index((0, "IV.", "section", "Tổ chức thực hiện")) :]
    assert [r for r in organisation if r[0] == 1] == [
        (1, "1.", "subsection", "Phòng Văn hoá -"),
        (1, "2.", "subsection", "Trung tâm sự nghiệp"),
        (1, "3.", "subsection", "Các cơ quan, đơn"),
    ]


def test_roles_and_units_are_found_by_their_words(parsed):
    plan = parsed["003-typed"]
    roles = {
        i.role: i.text
        for i in walk(plan.plan.sections)
        if i.role not in (ItemRole.NONE, ItemRole.UNIT)
    }
    assert roles == {
        ItemRole.PURPOSES: "Mục đích, yêu cầu",
        ItemRole.CONTENT: "Nội dung tuyên truyền",
        ItemRole.FORMS: "Hình thức tuyên truyền",
        ItemRole.TASKS: "Nhiệm vụ cụ thể",
        ItemRole.BUDGET: "Kinh phí thực hiện",
        ItemRole.ORGANISATION: "Tổ chức thực hiện",
    }
    blocks = [(i.unit_key, i.kind) for i in walk(plan.plan.sections) if i.role is ItemRole.UNIT]
    assert blocks == [
        ("vhxh", ItemKind.SUBSECTION), ("hcc", ItemKind.SUBSECTION), ("vp", ItemKind.SUBSECTION),
        ("kt", ItemKind.POINT),  # "4. Phòng Kinh tế, Hạ tầng và Đô thị: Tham mưu …" on one line
        ("dvsnc", ItemKind.SUBSECTION),
        ("mttq", ItemKind.POINT),  # typed upright, its duties in a paragraph under it
    ]  # fmt: skip
    units = [(u.name, u.key, u.request) for u in plan.office.units]
    assert units[3] == ("Phòng Kinh tế, Hạ tầng và Đô thị", "kt", False)
    assert units[-1][1:] == ("mttq", True)


def test_word_automatic_numbering_gives_the_labels_word_shows(parsed):
    auto, typed = parsed["002-auto"], parsed["002-paragraphs"]
    assert printed_body(auto) == printed_body(typed)
    assert tree(auto) == tree(typed)
    ward = parsed["003-auto"]
    rows = tree(ward)
    letters = [r[1] for r in rows if r[0] == 2][:6]
    assert letters == ["a)", "b)", "c)", "d)", "e)", "f)"]  # Word's own letters: no "đ"
    findings = [f.message for f in review(ward.plan, ward.office)]
    assert any("đánh số «e)», theo thứ tự phải là «đ)»" in f for f in findings)


def test_the_header_as_a_table_and_as_paragraphs_name_the_same_office(parsed):
    for name in ("002-paragraphs", "002-auto"):
        found = parsed[name]
        office = found.office
        assert (office.kind, office.name, office.place_name) == (
            OfficeKind.XA,
            "Quyết Thắng",
            "Tiên Lãng",
        )
        assert office.header_lines == ["ỦY BAN NHÂN DÂN", "XÃ QUYẾT THẮNG"]
        plan = found.plan
        assert (plan.number, plan.number_suffix, plan.issued_on) == ("", "KH-UBND", None)
        assert plan.drafted_on == date(2025, 8, 1)
        assert (plan.period.kind, plan.period.year) == (PeriodKind.SECOND_HALF, 2025)
        assert plan.summary == "Tuyên truyền cải cách hành chính 6 tháng cuối năm 2025"
        assert plan.signer.name == "Mai Đàm Thanh Vân"
        assert plan.signer.authority_lines == [
            "TM. UỶ BAN NHÂN DÂN",
            "KT. CHỦ TỊCH",
            "PHÓ CHỦ TỊCH",
        ]
        assert plan.recipients[0] == "Sở KHCN" and plan.recipients[-1] == "Lưu: VT, VHTT"
        assert plan.preamble.startswith("Căn cứ Kế hoạch số 12/KH-UBND") and plan.bases == []
        assert plan.closing.startswith("Trên đây là Kế hoạch") and plan.closing.endswith("./.")


def test_a_passage_typed_in_tcvn3_reads_as_unicode(parsed):
    found = parsed["002-tcvn3"]
    organisation = next(i for i in found.plan.sections if i.role is ItemRole.ORGANISATION)
    assert organisation.text == "Tổ chức thực hiện"  # typed in .VnTimeH capitals
    assert organisation.children[0].text == "Phòng Văn hoá - Xã hội"
    assert found.plan.closing.startswith("Trên đây là Kế hoạch tuyên truyền về công tác cải cách")
    assert any("TCVN3" in w for w in found.warnings)


def test_the_appendix_with_two_header_rows_merged_cells_and_a_second_section(parsed):
    plan = parsed["003-typed"].plan
    assert [(c.key, c.heading, c.group) for c in plan.appendix_columns] == [
        ("number", "TT", ""),
        ("title", "Nội dung nhiệm vụ", ""),
        ("output", "Sản phẩm", ""),
        ("start_text", "Triển khai", "Thời gian thực hiện"),
        ("finish_text", "Hoàn thành", "Thời gian thực hiện"),
        ("lead_unit", "Cơ quan chủ trì", ""),
        ("supporting_units", "Cơ quan phối hợp", ""),
        ("remarks", "Ghi chú", ""),
    ]
    assert len(plan.tasks) == len(APPENDIX_003)
    for task, row in zip(plan.tasks, APPENDIX_003, strict=True):
        title, _details, output, start, finish, lead, support, remarks = row
        assert (task.title, task.output, task.start_text, task.finish_text) == (
            title,
            output,
            start,
            finish,
        )
        assert (task.lead_unit, task.supporting_units, task.remarks) == (lead, support, remarks)
    # the row that ran onto the next section stays with its task; the merged lead repeats
    assert plan.tasks[1].details == [
        *APPENDIX_003[1][1],
        "Báo cáo kết quả trước ngày 05 tháng cuối quý",
    ]
    assert plan.tasks[0].details == APPENDIX_003[0][1]
    assert plan.appendix_title == "DANH MỤC NHIỆM VỤ TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2026"
    assert plan.appendix_label == ""  # "Phụ lục", the usual word
    assert plan.attachment_line == ""  # the usual "(Kèm theo …)" for this plan, left to it


@pytest.mark.parametrize(
    ("label", "marker"),
    [
        ("I.", Marker.ROMAN), ("IV.", Marker.ROMAN), ("2.", Marker.DECIMAL),
        ("3)", Marker.DECIMAL_PAREN), ("2.1.", Marker.NESTED), ("1.2", Marker.NESTED),
        ("a)", Marker.LETTER), ("đ)", Marker.LETTER), ("b.", Marker.LETTER_DOT),
        ("-", Marker.DASH), ("–", Marker.DASH), ("+", Marker.PLUS), ("•", Marker.BULLET),
        ("*", Marker.STAR),
    ],
)  # fmt: skip
def test_typed_labels_are_recognised(label, marker):
    mark = classify_label(label)
    assert mark is not None and mark.marker is marker and mark.label == label


def test_text_that_only_looks_like_a_label_is_kept_whole():
    assert split_label("1.000 người tham gia")[0] is None
    assert split_label("10/2025 là tháng cao điểm")[0] is None
    assert split_label("- 5 cuộc")[0].marker is Marker.DASH
    mark, rest = split_label("-Tuyên truyền trên hệ thống")
    assert mark.marker is Marker.DASH and rest == "Tuyên truyền trên hệ thống"


def test_an_agencys_plan_names_its_governing_body_and_keeps_a_last_basis_ending_with_a_semicolon(
    tmp_path,
):
    from tests.importing.wordgen import Writer

    w = Writer()
    w.header_table(["SỞ KHOA HỌC VÀ CÔNG NGHỆ"], "Số: 45/KH-SKHCN",
                   "Hải Phòng, ngày 05 tháng 3 năm 2025", governing=["UBND THÀNH PHỐ HẢI PHÒNG"])  # fmt: skip
    w.title(["Tuyên truyền cải cách hành chính năm 2025"])
    w.para("Căn cứ Kế hoạch số 12/KH-UBND ngày 10/01/2025 của Ủy ban nhân dân thành phố;")
    w.para("Căn cứ Quyết định số 362/QĐ-UBND ngày 10/02/2025 của Ủy ban nhân dân thành phố;")
    w.para("Sở Khoa học và Công nghệ ban hành Kế hoạch như sau:")
    for line, bold in (("I. MỤC ĐÍCH, YÊU CẦU", True), ("a) Nâng cao nhận thức.", False),
                       ("II. TỔ CHỨC THỰC HIỆN", True), ("1. Văn phòng Sở", True),
                       ("Chủ trì, theo dõi.", False)):  # fmt: skip
        w.para(line, bold=bold)
    w.para("Trên đây là Kế hoạch của Sở Khoa học và Công nghệ./.")
    w.signature_table(["- Lưu: VT, VP."], ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], "Nguyễn Văn An")
    found = read_plan(w.save(tmp_path / "so.docx"))
    office = found.office
    assert (office.kind, office.name, office.governing_body, office.number_suffix) == (
        OfficeKind.SO,
        "Khoa học và Công nghệ",
        "UBND thành phố Hải Phòng",
        "KH-SKHCN",
    )
    plan = found.plan
    assert (plan.number, plan.issued_on) == ("45", date(2025, 3, 5))
    lines = plan_outline(plan, office).body
    assert [b.text for b in lines[:3]] == [
        "Căn cứ Kế hoạch số 12/KH-UBND ngày 10/01/2025 của Ủy ban nhân dân thành phố;",
        "Căn cứ Quyết định số 362/QĐ-UBND ngày 10/02/2025 của Ủy ban nhân dân thành phố;",
        "Sở Khoa học và Công nghệ ban hành Kế hoạch như sau:",
    ]
    assert plan.recipients == ["Lưu: VT, VP"] and plan.signer.name == "Nguyễn Văn An"


def test_vni_runs_and_tcvn3_without_its_font_are_read_in_unicode(tmp_path):
    from tests.importing.wordgen import Writer, set_font, to_tcvn3

    w = Writer()
    w.title(["Tuyên truyền cải cách hành chính năm 2026"])
    w.para("I. MỤC ĐÍCH", bold=True)
    run = w.doc.add_paragraph().add_run("a) Tuyeân truyeàn caûi caùch haønh chính ñòa phöông.")
    set_font(run, "VNI-Times")
    w.para(to_tcvn3("b) Tuyên truyền cải cách hành chính nhà nước."))  # pasted, font lost
    w.para("Trên đây là Kế hoạch./.")
    items = read_plan(w.save(tmp_path / "cu.docx")).plan.sections[0].children
    assert [i.text for i in items] == [
        "Tuyên truyền cải cách hành chính địa phương.",
        "Tuyên truyền cải cách hành chính nhà nước.",
    ]
