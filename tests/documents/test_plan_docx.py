"""The plan .docx read back with python-docx, rule by rule of ND30.md."""

from __future__ import annotations

import os
from datetime import date

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from cchc_desktop.core import textwidth as metrics
from cchc_desktop.core.docdate import BLANK
from cchc_desktop.documents import nd30
from cchc_desktop.documents.plan_docx import build_plan_document, write_plan_docx
from cchc_desktop.errors import ExportError
from tests.documents.nd30_checks import effective


@pytest.fixture(scope="module")
def document(sample_docx):
    return docx.Document(str(sample_docx[0]))


def body_paragraphs(document):
    return [p for p in document.paragraphs if p.text.strip()]


def test_page_one_is_a4_portrait_with_the_decrees_margins(document):
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.PORTRAIT
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(m.mm) for m in margins] == [20, 20, 30, 15]


def test_every_font_slot_is_times_new_roman(document):
    for name in ("Normal", nd30.STYLE_BODY, nd30.STYLE_HEADING_1, nd30.STYLE_TABLE):
        fonts = document.styles[name].element.rPr.find(qn("w:rFonts"))
        for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            assert fonts.get(qn(slot)) == "Times New Roman", (name, slot)


def test_the_header_is_a_borderless_two_column_table_with_fixed_widths(document):
    header = document.tables[0]
    assert len(header.columns) == 2
    grid = [int(c.get(qn("w:w"))) for c in header._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert grid == [int(6.5 / 2.54 * 1440), int(10.0 / 2.54 * 1440)]
    assert header._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    borders = header._tbl.tblPr.find(qn("w:tblBorders"))
    assert all(edge.get(qn("w:val")) == "nil" for edge in borders)

    left, right = header.rows[0].cells
    left_lines = [p for p in left.paragraphs if p.text]
    assert [p.text for p in left_lines] == ["ỦY BAN NHÂN DÂN", "XÃ QUYẾT THẮNG"]
    assert all(effective(p, "bold") for p in left_lines)
    assert all(
        p.alignment == WD_ALIGN_PARAGRAPH.CENTER
        or p.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
        for p in left_lines
    )
    right_lines = [p for p in right.paragraphs if p.text]
    assert [p.text for p in right_lines] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]
    assert effective(right_lines[0], "size") == Pt(13)
    assert effective(right_lines[1], "size") == Pt(14)
    assert all(effective(p, "bold") for p in right_lines)

    number, date_cell = header.rows[1].cells
    assert number.paragraphs[0].text == f"Số: {BLANK}/KH-UBND"
    assert date_cell.paragraphs[0].text == f"Quyết Thắng, ngày {BLANK} tháng 8 năm 2025"
    assert effective(date_cell.paragraphs[0], "italic")
    assert effective(date_cell.paragraphs[0], "size") == Pt(14)


def rules(container):
    """(left indent, right indent) of each paragraph drawn as a rule (bottom border)."""
    found = []
    for p in container.paragraphs:
        p_pr = p._p.pPr
        if p_pr is not None and p_pr.find(qn("w:pBdr")) is not None:
            bottom = p_pr.find(qn("w:pBdr")).find(qn("w:bottom"))
            assert bottom.get(qn("w:val")) == "single"
            found.append((p.paragraph_format.left_indent.cm, p.paragraph_format.right_indent.cm))
    return found


def test_rules_under_issuer_motto_and_summary_have_the_right_length(document):
    left, right = document.tables[0].rows[0].cells
    [(l_left, l_right)] = rules(left)
    issuer_rule = 6.5 - l_left - l_right
    issuer_line = metrics.text_width_cm("XÃ QUYẾT THẮNG", 13, bold=True)
    assert issuer_line / 3 <= issuer_rule <= issuer_line / 2
    assert l_left == pytest.approx(l_right, abs=0.01)
    [(m_left, m_right)] = rules(right)
    assert 10.0 - m_left - m_right == pytest.approx(6.02, abs=0.05)  # as long as the motto
    [(s_left, s_right)] = rules(document)[:1]
    summary_line = metrics.text_width_cm(
        "Tuyên truyền cải cách hành chính 6 tháng cuối năm 2025", 14, bold=True
    )
    assert summary_line / 3 <= 16.5 - s_left - s_right <= summary_line / 2


def test_title_summary_and_bases_follow_the_header(document):
    texts = body_paragraphs(document)
    assert texts[0].text == "KẾ HOẠCH" and effective(texts[0], "bold")
    assert texts[1].text == "Tuyên truyền cải cách hành chính 6 tháng cuối năm 2025"
    assert effective(texts[1], "bold")
    bases = [p for p in texts if p.style.name == nd30.STYLE_BASIS]
    assert len(bases) == 2
    assert bases[0].text.endswith(";") and bases[1].text.endswith(".")
    assert all(effective(p, "italic") for p in bases)


def test_body_is_justified_with_a_first_line_indent_and_numbered_in_order(document):
    body = document.styles[nd30.STYLE_BODY]
    assert body.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert body.paragraph_format.first_line_indent.cm == pytest.approx(1.0, abs=0.01)
    assert body.font.size == Pt(14)
    assert body.paragraph_format.space_after >= Pt(6)
    headings = [p.text for p in document.paragraphs if p.style.name == nd30.STYLE_HEADING_1]
    assert [h.split(".")[0] for h in headings] == ["I", "II", "III", "IV", "V"]
    assert headings[-1] == "V. TỔ CHỨC THỰC HIỆN"
    assert all(
        effective(p, "bold") for p in document.paragraphs if p.style.name == nd30.STYLE_HEADING_1
    )
    points = [
        p.text[:2]
        for p in document.paragraphs
        if p.style.name == nd30.STYLE_ITEM and ")" in p.text[:3]
    ]
    first_list = []
    for label in points:
        if label == "a)" and first_list:
            break
        first_list.append(label)
    assert first_list == ["a)", "b)", "c)", "d)", "đ)", "e)"]
    assert not any(p.text.startswith("f)") for p in document.paragraphs)
    closing = [p for p in document.paragraphs if p.text.startswith("Trên đây là Kế hoạch")]
    assert closing and closing[0].text.endswith("./.")


def test_recipients_sit_beside_the_signature_on_one_unsplittable_row(document):
    table = document.tables[1]
    row = table.rows[0]
    assert row._tr.trPr.find(qn("w:cantSplit")) is not None
    left, right = row.cells
    lines = [p for p in left.paragraphs if p.text]
    assert lines[0].text == "Nơi nhận:"
    assert effective(lines[0], "bold") and effective(lines[0], "italic")
    assert effective(lines[0], "size") == Pt(12)
    assert effective(lines[1], "size") == Pt(11)
    assert lines[-1].text == "- Lưu: VT, VHXH."
    assert all(p.text.endswith(";") for p in lines[1:-1])
    signature = [p.text for p in right.paragraphs if p.text]
    assert signature == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Mai Đàm Thanh Vân"]


def test_page_numbers_are_centred_at_the_top_from_page_two(document):
    section = document.sections[0]
    assert section.different_first_page_header_footer
    header_xml = section.header._element.xml
    assert "PAGE" in header_xml and "fldChar" in header_xml
    assert (
        section.header.paragraphs[0].style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    )
    assert "PAGE" not in section.first_page_header._element.xml


def test_the_appendix_is_a_landscape_section_numbered_on_its_own(document):
    appendix = document.sections[1]
    assert appendix.orientation == WD_ORIENT.LANDSCAPE
    assert round(appendix.page_width.mm) == 297
    assert appendix._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
    assert appendix.different_first_page_header_footer
    texts = [p.text for p in document.paragraphs]
    start = texts.index("Phụ lục")
    assert texts[start + 1].startswith("DANH MỤC NHIỆM VỤ CỤ THỂ")
    assert texts[start + 2] == (
        f"(Kèm theo Kế hoạch số {BLANK}/KH-UBND ngày {BLANK} tháng 8 năm 2025 "
        "của Ủy ban nhân dân xã Quyết Thắng)"
    )


def test_the_task_table_repeats_its_header_and_keeps_rows_whole(document, sample_docx):
    _, plan, _ = sample_docx
    table = document.tables[2]
    top, sub = table.rows[0], table.rows[1]
    for row in (top, sub):
        assert row._tr.trPr.find(qn("w:tblHeader")) is not None
    assert [c.text for c in top.cells] == [
        "TT", "Nội dung nhiệm vụ", "Sản phẩm", "Thời gian thực hiện", "Thời gian thực hiện",
        "Cơ quan chủ trì", "Cơ quan phối hợp",
    ]  # fmt: skip
    assert [sub.cells[3].text, sub.cells[4].text] == ["Triển khai", "Hoàn thành"]
    tasks = plan.chosen_tasks
    assert len(table.rows) == 2 + len(tasks)
    for n, (row, task) in enumerate(zip(table.rows[2:], tasks, strict=True), start=1):
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None
        assert row._tr.trPr.find(qn("w:tblHeader")) is None
        cells = row.cells
        assert cells[0].text == str(n)
        assert cells[1].paragraphs[0].text == task.title and cells[1].paragraphs[0].runs[0].bold
        assert [p.text for p in cells[1].paragraphs[1:]] == [f"- {d}" for d in task.details]
        assert (cells[3].text, cells[4].text) == (task.start_text, task.finish_text)
        assert cells[5].text == task.lead_unit


def test_a_signed_plan_carries_its_number_and_date(sample):
    plan, office = sample
    plan.number = "5"
    plan.issued_on = date(2025, 8, 5)
    document = build_plan_document(plan, office)
    number, when = document.tables[0].rows[1].cells
    assert number.paragraphs[0].text == "Số: 05/KH-UBND"
    assert when.paragraphs[0].text == "Quyết Thắng, ngày 05 tháng 8 năm 2025"
    assert "(Kèm theo Kế hoạch số 05/KH-UBND ngày 05 tháng 8 năm 2025 của" in "\n".join(
        p.text for p in document.paragraphs
    )


def test_a_plan_without_tasks_has_no_appendix(sample):
    plan, office = sample
    for task in plan.tasks:
        task.chosen = False
    document = build_plan_document(plan, office)
    assert len(document.sections) == 1
    assert "Phụ lục" not in [p.text for p in document.paragraphs]


def test_control_characters_are_removed_with_a_warning(sample, tmp_path):
    plan, office = sample
    plan.sections[0].children[0].children[0].text = "Dán từ văn bản cũ\x0b\x07 có ký tự lạ"
    plan.chosen_tasks[0].title = "Nhiệm vụ\x1f"
    target = tmp_path / "KH.docx"
    warnings = write_plan_docx(plan, office, target)
    assert len(warnings) == 2
    assert "ký tự không in được trong nội dung" in warnings[0]
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert "Dán từ văn bản cũ có ký tự lạ" in text


def test_a_file_open_in_word_keeps_the_previous_version(sample, tmp_path, monkeypatch):
    plan, office = sample
    target = tmp_path / "KH.docx"
    write_plan_docx(plan, office, target)
    before = target.read_bytes()

    def locked(src, dst):
        raise PermissionError(13, "The process cannot access the file", str(dst))

    monkeypatch.setattr(os, "replace", locked)
    plan.summary = "Đã sửa"
    with pytest.raises(ExportError, match="đang được mở trong một chương trình khác"):
        write_plan_docx(plan, office, target)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["KH.docx"]  # no temporary file left


def test_named_styles_let_an_officer_retune_the_body(document):
    names = {s.name for s in document.styles}
    for style in (
        nd30.STYLE_BODY,
        nd30.STYLE_HEADING_1,
        nd30.STYLE_HEADING_2,
        nd30.STYLE_ITEM,
        nd30.STYLE_TABLE,
    ):
        assert style in names
    for name in nd30.STYLE_NAMES.values():
        assert document.styles[name].base_style.name == "Normal"


def test_the_closing_paragraph_stays_with_the_signature(document):
    closing = next(p for p in document.paragraphs if p.text.startswith("Trên đây là Kế hoạch"))
    assert closing.style.paragraph_format.keep_with_next
    assert closing.style.paragraph_format.keep_together
    following = closing._p.getnext()
    assert following.tag == qn("w:tbl")  # the signature table comes right after it


def test_there_is_room_to_sign_and_seal_between_the_title_and_the_name(document):
    right = document.tables[1].rows[0].cells[1]
    paragraphs = right.paragraphs
    name = next(i for i, p in enumerate(paragraphs) if p.text == "Mai Đàm Thanh Vân")
    room = paragraphs[name - 1]
    assert room.text == ""
    assert 2.5 <= room.paragraph_format.space_after.cm <= 3.0
