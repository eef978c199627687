"""A cell of Excel holds at most 32,767 characters: a longer text is cut at the limit, never
silently, and the warning says which cell, how much and where the full text is."""

from __future__ import annotations

from datetime import date

import docx
import openpyxl
import pytest

from cchc_desktop.core.deadlines import parse_report_period
from cchc_desktop.core.report import build_report
from cchc_desktop.core.tracking import TrackedTask
from cchc_desktop.documents.appendix_xlsx import write_appendix_xlsx
from cchc_desktop.documents.package import export_package, export_report
from cchc_desktop.documents.report_xlsx import HEADER_ROW, TASK_SHEET
from cchc_desktop.documents.sheets import CELL_LIMIT

LONG = 100_000


def long_text(length: int = LONG) -> str:
    words = "Tuyên truyền cải cách hành chính trên địa bàn xã "
    return (words * (length // len(words) + 1))[:length]


def every_cell(path):
    workbook = openpyxl.load_workbook(path, rich_text=True)
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            yield from row


def test_a_100_000_character_title_is_cut_at_the_limit_with_a_warning(sample, tmp_path):
    plan, office = sample
    task = plan.chosen_tasks[0]
    task.title = long_text()
    target = tmp_path / "phu-luc.xlsx"
    warnings = write_appendix_xlsx(plan, office, target, today=date(2025, 10, 1))

    assert max(len(str(c.value or "")) for c in every_cell(target)) == CELL_LIMIT
    workbook = openpyxl.load_workbook(target, rich_text=True)
    appendix = workbook["Phụ lục"]["B7"].value  # the title in bold, its dash lines under it
    assert len(str(appendix)) == CELL_LIMIT
    assert appendix[0].font.b and str(appendix).startswith(task.title[:1000])
    tracking = workbook["Theo dõi"]["B2"].value
    assert tracking == task.title[:CELL_LIMIT]

    in_appendix = len(task.title) + sum(len(f"\n- {d}") for d in task.details)
    assert in_appendix - CELL_LIMIT == 67_450
    assert warnings == [
        "Ô B7 trên trang «Phụ lục» (nhiệm vụ 1) dài quá giới hạn 32.767 ký tự của Excel: "
        "đã cắt bớt 67.450 ký tự; bản đầy đủ có trong tệp .docx.",
        "Ô B2 trên trang «Theo dõi» (nhiệm vụ 1) dài quá giới hạn 32.767 ký tự của Excel: "
        "đã cắt bớt 67.233 ký tự; bản đầy đủ vẫn được lưu trong ứng dụng.",
    ]


def test_the_package_passes_the_warning_on_and_the_docx_keeps_the_full_text(sample, tmp_path):
    plan, office = sample
    plan.chosen_tasks[2].evidence = long_text()  # only in the tracking sheet
    plan.chosen_tasks[3].title = long_text(40_000)
    result = export_package(plan, office, tmp_path)
    cut = [w for w in result.warnings if "32.767" in w]
    assert [w.split(" dài quá")[0] for w in cut] == [
        "Ô B10 trên trang «Phụ lục» (nhiệm vụ 4)",
        "Ô G4 trên trang «Theo dõi» (nhiệm vụ 3)",
        "Ô B5 trên trang «Theo dõi» (nhiệm vụ 4)",
    ]
    document = docx.Document(str(result.files[0]))
    titles = [c.text for row in document.tables[-1].rows for c in row.cells[1:2]]
    assert any(t.startswith(long_text(40_000)) for t in titles)


def test_a_long_text_in_a_report_is_cut_in_its_xlsx_with_a_warning(sample, tmp_path):
    plan, office = sample
    for i, task in enumerate(plan.tasks, start=1):
        task.id = i
    plan.chosen_tasks[0].evidence = long_text()
    tracked = [TrackedTask(t, *t.dates(plan.period), position=i) for i, t in enumerate(plan.tasks)]
    report = build_report(
        plan, office, tracked, parse_report_period("h2", plan.period), date(2025, 10, 15), {}
    )
    result = export_report(report, tmp_path)

    sheet = openpyxl.load_workbook(result.files[1])[TASK_SHEET]
    evidence = sheet.cell(HEADER_ROW + 1, sheet.max_column - 1).value
    assert evidence == long_text()[:CELL_LIMIT]
    assert max(len(str(c.value or "")) for c in every_cell(result.files[1])) == CELL_LIMIT
    cut = [w for w in result.warnings if "32.767" in w]
    assert cut == [
        f"Ô {sheet.cell(HEADER_ROW + 1, sheet.max_column - 1).coordinate} trên trang "
        f"«{TASK_SHEET}» (nhiệm vụ 1) dài quá giới hạn 32.767 ký tự của Excel: đã cắt bớt "
        "67.233 ký tự; bản đầy đủ vẫn được lưu trong ứng dụng."
    ]


def test_a_character_xml_cannot_hold_stops_the_export_instead_of_breaking_the_file():
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from cchc_desktop.documents.cleaning import Cleaning
    from cchc_desktop.documents.sheets import Cells, Look

    rows = Cells(Cleaning()).rows(Workbook().create_sheet(), 1)
    with pytest.raises(ValueError, match="Không ghi được ký tự này"):
        rows.add([("Tin\ufffebài", Look(Font()))], 15)
