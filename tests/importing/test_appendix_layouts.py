"""Appendix tables as communes make them: columns named in their own words, a heading over
two columns, group rows, a row numbering the columns, the header typed again after a page,
blank rows, a task's lines running on or carried over to the next table, a second table, no
"Phụ lục" line, the title on the "Phụ lục" line, notes under the table."""

from __future__ import annotations

from datetime import date

import pytest

from cchc_desktop.core.period import PeriodKind
from cchc_desktop.documents.word_import import read_plan
from tests.importing.wordgen import CLOSING, Writer, commune_plan, repeat_header

LEFT, UP = "<", "^"  # a cell merged with the one on its left, with the one above


def task_table(w: Writer, rows: list[list[str]], *, header: int = 1):
    """A bordered table: each cell's lines are its paragraphs; LEFT and UP merge a cell
    into its neighbour; the first ``header`` rows repeat on each page."""
    columns = max(len(row) for row in rows)
    table = w.doc.add_table(rows=len(rows), cols=columns)
    table.style = w.doc.styles["Table Grid"]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value in (LEFT, UP):
                continue
            cell = table.cell(r, c)
            first, *more = value.split("\n")
            cell.paragraphs[0].text = first
            for line in more:
                cell.add_paragraph(line)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value == LEFT:
                table.cell(r, c - 1).merge(table.cell(r, c))
            elif value == UP:
                table.cell(r - 1, c).merge(table.cell(r, c))
    for r in range(header):
        repeat_header(table.rows[r])
    return table


def appendix(w: Writer, *lines: str) -> None:
    w.landscape_section()
    for line in lines:
        w.para(line, bold=not line.startswith("("), italic=line.startswith("("), center=True)


def read(w: Writer, tmp_path):
    return read_plan(w.save(tmp_path / "phu-luc.docx"))


def fields(task) -> tuple[str, ...]:
    return (task.title, task.output, task.start_text, task.finish_text, task.lead_unit,
            task.supporting_units, task.remarks)  # fmt: skip


TITLE = "DANH MỤC NHIỆM VỤ TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH 6 THÁNG CUỐI NĂM 2025"
ATTACHED = "(Kèm theo Kế hoạch số 15/KH-UBND ngày 12/7/2025 của Ủy ban nhân dân xã An Lão)"


def test_columns_named_in_other_words(tmp_path):
    w = commune_plan()
    appendix(w, "Phụ lục", TITLE, ATTACHED)
    task_table(w, [
        ["STT", "Nội dung thực hiện", "Tiến độ thực hiện", "Đơn vị thực hiện", "Đơn vị phối hợp",
         "Ghi chú"],
        ["1", "Đưa tin, bài trên Cổng thông tin điện tử xã", "Thường xuyên", "Văn phòng",
         "Phòng Văn hóa - Xã hội", ""],
        ["2", "Tuyên truyền trên hệ thống truyền thanh xã", "Quý IV/2025",
         "Phòng Văn hóa - Xã hội", "", "02 buổi/tuần"],
    ])  # fmt: skip
    plan = read(w, tmp_path).plan
    assert [(c.key, c.heading) for c in plan.appendix_columns] == [
        ("number", "STT"),
        ("title", "Nội dung thực hiện"),
        ("finish_text", "Tiến độ thực hiện"),
        ("lead_unit", "Đơn vị thực hiện"),
        ("supporting_units", "Đơn vị phối hợp"),
        ("remarks", "Ghi chú"),
    ]
    assert [fields(t) for t in plan.tasks] == [
        ("Đưa tin, bài trên Cổng thông tin điện tử xã", "", "", "Thường xuyên", "Văn phòng",
         "Phòng Văn hóa - Xã hội", ""),
        ("Tuyên truyền trên hệ thống truyền thanh xã", "", "", "Quý IV/2025",
         "Phòng Văn hóa - Xã hội", "", "02 buổi/tuần"),
    ]  # fmt: skip
    assert [t.due(plan.period) for t in plan.tasks] == [date(2025, 12, 31), date(2025, 12, 31)]


def test_a_heading_over_two_columns_names_them_together(tmp_path):
    """ "Đơn vị thực hiện" over "Chính" and "Phối hợp": "Chính" says nothing alone."""
    w = commune_plan()
    appendix(w, "Phụ lục", TITLE)
    task_table(w, [
        ["TT", "Nhiệm vụ", "Sản phẩm", "Thời gian", "Đơn vị thực hiện", LEFT],
        [UP, UP, UP, UP, "Chính", "Phối hợp"],
        ["1", "Niêm yết thủ tục hành chính", "Bảng niêm yết", "Tháng 8/2025",
         "Trung tâm phục vụ hành chính công", "Văn phòng"],
    ], header=2)  # fmt: skip
    plan = read(w, tmp_path).plan
    assert [(c.key, c.heading, c.group) for c in plan.appendix_columns] == [
        ("number", "TT", ""),
        ("title", "Nhiệm vụ", ""),
        ("output", "Sản phẩm", ""),
        ("finish_text", "Thời gian", ""),
        ("lead_unit", "Chính", "Đơn vị thực hiện"),
        ("supporting_units", "Phối hợp", "Đơn vị thực hiện"),
    ]
    assert [fields(t) for t in plan.tasks] == [
        ("Niêm yết thủ tục hành chính", "Bảng niêm yết", "", "Tháng 8/2025",
         "Trung tâm phục vụ hành chính công", "Văn phòng", ""),
    ]  # fmt: skip


HEADS = ["TT", "Nội dung", "Sản phẩm", "Thời gian", "Chủ trì", "Phối hợp"]


def test_group_rows_the_column_numbers_a_retyped_header_and_blank_rows_are_not_tasks(tmp_path):
    w = commune_plan()
    appendix(w, "Phụ lục", TITLE)
    task_table(w, [
        HEADS,
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
        ["I", "TUYÊN TRUYỀN TRÊN CÁC PHƯƠNG TIỆN THÔNG TIN", LEFT, LEFT, LEFT, LEFT],
        ["1", "Đưa tin, bài trên Cổng thông tin điện tử xã", "Tin, bài", "Thường xuyên",
         "Văn phòng", ""],
        ["", "", "", "", "", ""],
        ["2", "Chuyên mục trên hệ thống truyền thanh", "Chuyên mục", "Quý III/2025",
         "Phòng Văn hóa - Xã hội", ""],
        HEADS,
        ["II. TUYÊN TRUYỀN TRỰC TIẾP", LEFT, LEFT, LEFT, LEFT, LEFT],
        ["3", "Hội nghị đối thoại với Nhân dân", "Hội nghị", "Tháng 9/2025",
         "Phòng Văn hóa - Xã hội", "Mặt trận Tổ quốc xã"],
    ])  # fmt: skip
    parsed = read(w, tmp_path)
    assert [(t.title, t.finish_text) for t in parsed.plan.tasks] == [
        ("Đưa tin, bài trên Cổng thông tin điện tử xã", "Thường xuyên"),
        ("Chuyên mục trên hệ thống truyền thanh", "Quý III/2025"),
        ("Hội nghị đối thoại với Nhân dân", "Tháng 9/2025"),
    ]
    appendix_warnings = [m for m in parsed.warnings if "bảng phụ lục" in m]
    assert appendix_warnings == [
        "Bỏ dòng đánh số cột (1), (2), (3)… của bảng phụ lục.",
        "Bỏ dòng nhóm «I TUYÊN TRUYỀN TRÊN CÁC PHƯƠNG TIỆN THÔNG TIN» trong bảng phụ lục "
        "(chưa giữ được dòng nhóm).",
        "Bỏ dòng nhóm «II. TUYÊN TRUYỀN TRỰC TIẾP» trong bảng phụ lục (chưa giữ được dòng nhóm).",
    ]


def test_a_tasks_lines_running_on_and_carried_over_to_the_next_table(tmp_path):
    """The dash lines of a task, a line that goes on without a dash, a "+" line; the table
    split in two by the clerk, the task's last lines in the second part's first row."""
    w = commune_plan()
    appendix(w, "Phụ lục", TITLE)
    task_table(w, [
        HEADS,
        ["1", "Tổ chức Hội nghị đối thoại\n- Nội dung:\ncác thủ tục hành chính thường gặp\n"
              "+ Đối tượng: hộ kinh doanh", "Hội nghị", "Tháng 9/2025",
         "Phòng Văn hóa - Xã hội", ""],
    ])  # fmt: skip
    w.para("")
    task_table(w, [
        ["", "Thời gian: 02 buổi\ntrong tháng 9/2025\n- Địa điểm: Hội trường xã", "", "", "", ""],
        ["2.1", "Tuyên truyền lưu động", "Xe loa", "Quý IV/2025", "Văn phòng", ""],
    ], header=0)  # fmt: skip
    parsed = read(w, tmp_path)
    first, second = parsed.plan.tasks
    assert first.title == "Tổ chức Hội nghị đối thoại"
    assert first.details == [
        "Nội dung:\ncác thủ tục hành chính thường gặp",
        "+ Đối tượng: hộ kinh doanh",
        "Thời gian: 02 buổi\ntrong tháng 9/2025",
        "Địa điểm: Hội trường xã",
    ]
    assert (second.title, second.lead_unit) == ("Tuyên truyền lưu động", "Văn phòng")
    assert (
        "Số thứ tự «2.1» của nhiệm vụ «Tuyên truyền lưu động» sẽ in lại theo thứ tự."
        in parsed.warnings
    )


def test_a_time_merged_across_both_time_columns_gives_the_due_date(tmp_path):
    w = commune_plan(summary="Tuyên truyền cải cách hành chính năm 2025")
    appendix(w, "Phụ lục", TITLE)
    task_table(w, [
        ["TT", "Nội dung", "Thời gian thực hiện", LEFT, "Chủ trì"],
        [UP, UP, "Triển khai", "Hoàn thành", UP],
        ["1", "Cập nhật tin, bài", "Thường xuyên", LEFT, "Văn phòng"],
        ["2", "Cuộc thi tìm hiểu", "Quý II/2025", "Quý III/2025", "Văn phòng"],
    ], header=2)  # fmt: skip
    plan = read(w, tmp_path).plan
    assert plan.period.kind is PeriodKind.YEAR
    assert [(t.start_text, t.finish_text, t.due(plan.period)) for t in plan.tasks] == [
        ("Thường xuyên", "", date(2025, 12, 31)),
        ("Quý II/2025", "Quý III/2025", date(2025, 9, 30)),
    ]


def test_a_task_table_without_a_phu_luc_line(tmp_path):
    w = commune_plan()
    appendix(w, TITLE, ATTACHED)
    task_table(w, [HEADS, ["1", "Đưa tin, bài", "Tin, bài", "Thường xuyên", "Văn phòng", ""]])
    plan = read(w, tmp_path).plan
    assert (plan.appendix_label, plan.appendix_title, plan.attachment_line) == ("", TITLE, ATTACHED)
    assert [t.title for t in plan.tasks] == ["Đưa tin, bài"]
    assert plan.signer.name == "Nguyễn Văn An"


def test_the_title_on_the_phu_luc_line_a_stray_line_and_a_note_under_the_table(tmp_path):
    w = commune_plan()
    appendix(w, f"Phụ lục II: {TITLE}", ATTACHED)
    w.para("Đơn vị tính: nhiệm vụ")
    task_table(w, [HEADS, ["1", "Đưa tin, bài", "Tin, bài", "Thường xuyên", "Văn phòng", ""]])
    w.para("Ghi chú: các đơn vị báo cáo kết quả trước ngày 05 tháng cuối quý.")
    parsed = read(w, tmp_path)
    plan = parsed.plan
    assert (plan.appendix_label, plan.appendix_title) == ("Phụ lục II", TITLE)
    assert [t.title for t in plan.tasks] == ["Đưa tin, bài"]
    assert [m for m in parsed.warnings if m.startswith("Bỏ")] == [
        "Bỏ dòng «Đơn vị tính: nhiệm vụ» trong phần đầu phụ lục.",
        "Bỏ đoạn sau bảng phụ lục: «Ghi chú: các đơn vị báo cáo kết quả trước ngày 05 tháng cuối».",
    ]


def test_a_second_table_is_read_by_its_own_columns(tmp_path):
    w = commune_plan()
    appendix(w, "Phụ lục", TITLE)
    task_table(w, [HEADS, ["1", "Đưa tin, bài", "Tin, bài", "Thường xuyên", "Văn phòng", ""]])
    w.para("")
    task_table(w, [
        ["TT", "Nội dung", "Thời gian", "Chủ trì", "Phối hợp", "Kinh phí"],
        ["2", "Cuộc thi trực tuyến", "Quý IV/2025", "Văn phòng", "Đoàn Thanh niên", "5 triệu"],
    ])  # fmt: skip
    parsed = read(w, tmp_path)
    assert [fields(t) for t in parsed.plan.tasks] == [
        ("Đưa tin, bài", "Tin, bài", "", "Thường xuyên", "Văn phòng", "", ""),
        ("Cuộc thi trực tuyến", "", "", "Quý IV/2025", "Văn phòng", "Đoàn Thanh niên", "5 triệu"),
    ]
    assert [c.key for c in parsed.plan.appendix_columns] == [
        "number", "title", "output", "finish_text", "lead_unit", "supporting_units",
    ]  # fmt: skip
    assert any(m.startswith("Phụ lục có thêm một bảng khác cột") for m in parsed.warnings)


def test_a_table_of_other_things_in_the_appendix_is_said_and_left_out(tmp_path):
    w = commune_plan()
    appendix(w, "Phụ lục", "PHÂN BỔ KINH PHÍ TUYÊN TRUYỀN")
    task_table(
        w, [["TT", "Đơn vị", "Số tiền (đồng)", "Ghi chú"], ["1", "Văn phòng", "5.000.000", ""]]
    )
    parsed = read(w, tmp_path)
    assert parsed.plan.tasks == [] and parsed.plan.appendix_title == "PHÂN BỔ KINH PHÍ TUYÊN TRUYỀN"
    assert [m for m in parsed.warnings if m.startswith("Phụ lục")] == [
        "Phụ lục có bảng không nhận ra được các cột (TT, Nội dung…); bảng không được nhập.",
        "Phụ lục không có bảng nhiệm vụ: chương trình chỉ giữ được phụ lục dạng bảng, nội dung "
        "phụ lục không được nhập.",
    ]


def test_an_empty_task_table_left_from_the_template_is_no_appendix(tmp_path):
    w = commune_plan()
    w.para("")
    task_table(w, [HEADS, ["", "", "", "", "", ""]])
    parsed = read(w, tmp_path)
    assert (parsed.plan.tasks, parsed.plan.appendix_title) == ([], "")
    assert not [m for m in parsed.warnings if "phụ lục" in m.lower()]
    assert parsed.plan.signer.name == "Nguyễn Văn An"


@pytest.mark.parametrize("new_page", ["landscape section", "page break"])
def test_a_signature_typed_as_lines_stays_above_an_appendix_without_phu_luc(tmp_path, new_page):
    """The signer's name, centred, is not the appendix title's first line: the appendix
    starts on its own page (a landscape section, or a page break before its title)."""
    w = Writer()
    w.commune_header()
    w.title(["Tuyên truyền cải cách hành chính 6 tháng cuối năm 2025"])
    w.small_body()
    w.para(CLOSING)
    w.para("Nơi nhận:\t\t\tTM. ỦY BAN NHÂN DÂN")
    w.para("- Lưu: VT.\t\t\tCHỦ TỊCH")
    w.para("Nguyễn Văn An", bold=True, center=True)
    if new_page == "landscape section":
        appendix(w, TITLE, ATTACHED)
    else:
        w.para(TITLE, bold=True, center=True).paragraph_format.page_break_before = True
        w.para(ATTACHED, italic=True, center=True)
    task_table(w, [HEADS, ["1", "Đưa tin, bài", "Tin, bài", "Thường xuyên", "Văn phòng", ""]])
    plan = read(w, tmp_path).plan
    assert (plan.signer.name, plan.appendix_title) == ("Nguyễn Văn An", TITLE)
    assert [t.title for t in plan.tasks] == ["Đưa tin, bài"]


def test_an_appendix_typed_as_numbered_paragraphs_keeps_only_its_title(tmp_path):
    w = commune_plan()
    appendix(w, "Phụ lục", TITLE)
    w.para("1. Đưa tin, bài trên Cổng thông tin điện tử xã.")
    w.para("2. Chuyên mục trên hệ thống truyền thanh xã.")
    parsed = read(w, tmp_path)
    assert (parsed.plan.appendix_title, parsed.plan.tasks) == (TITLE, [])
    assert [m for m in parsed.warnings if "phụ lục" in m] == [
        "Bỏ dòng «1. Đưa tin, bài trên Cổng thông tin điện tử xã.» trong phần đầu phụ lục.",
        "Bỏ dòng «2. Chuyên mục trên hệ thống truyền thanh xã.» trong phần đầu phụ lục.",
        "Phụ lục không có bảng nhiệm vụ: chương trình chỉ giữ được phụ lục dạng bảng, nội dung "
        "phụ lục không được nhập.",
    ]
