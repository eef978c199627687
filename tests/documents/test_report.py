"""The progress report's .docx and .xlsx read back: its numbers match the tracked tasks, and it
wears the same national header as the plan (built by nd30, not a copy)."""

from __future__ import annotations

from datetime import date

import docx
import openpyxl
import pytest

from cchc_desktop.core.deadlines import parse_report_period
from cchc_desktop.core.docdate import BLANK
from cchc_desktop.core.model import TaskStatus
from cchc_desktop.core.report import FIGURES_COLUMNS, build_report
from cchc_desktop.core.sample import sample_office, sample_plan
from cchc_desktop.core.template import bundled_template
from cchc_desktop.core.tracking import RESULT_UNITS, TrackedTask, result_count
from cchc_desktop.documents import nd30
from cchc_desktop.documents.package import TargetsExistError, export_report, report_paths
from cchc_desktop.documents.report_xlsx import FIGURES_SHEET, HEADER_ROW, TASK_SHEET, TOTAL_LABEL
from tests.documents.paper import libreoffice_pdf, read_pdf

STEM = "BC-tuyen-truyen-CCHC-6-thang-cuoi-2025-xa-Quyet-Thang"
AS_OF = date(2025, 10, 15)  # after quarter III: the banners task is late


def sample_report(code: str = "h2", as_of: date = AS_OF):
    template = bundled_template()
    office = sample_office(template)
    office.id = 1
    plan = sample_plan(template, office)
    for i, task in enumerate(plan.tasks, start=1):
        task.id = i
    tracked = [TrackedTask(t, *t.dates(plan.period), position=i) for i, t in enumerate(plan.tasks)]
    return build_report(plan, office, tracked, parse_report_period(code, plan.period), as_of)


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    report = sample_report()
    folder = tmp_path_factory.mktemp("bc")
    result = export_report(report, folder)
    assert result.warnings == []
    return report, result.files


def number(text: str) -> int:
    return int(text.replace(".", ""))


def test_the_files_are_named_bc_and_the_period_they_report_on(exported, tmp_path):
    _report, files = exported
    assert [f.name for f in files] == [f"{STEM}.docx", f"{STEM}-ket-qua.xlsx"]
    q3 = sample_report("q3")
    assert report_paths(q3, tmp_path)[0].name == (
        "BC-tuyen-truyen-CCHC-quy-III-2025-xa-Quyet-Thang.docx"
    )


def test_exporting_again_refuses_before_overwriting(exported):
    report, files = exported
    before = files[0].read_bytes()
    with pytest.raises(TargetsExistError, match="Chưa ghi đè"):
        export_report(report, files[0].parent)
    assert files[0].read_bytes() == before


def test_the_report_has_the_national_header_with_a_bc_ubnd_number(exported):
    _, files = exported
    document = docx.Document(str(files[0]))
    header = document.tables[0]
    left, right = header.rows[0].cells
    assert [p.text for p in left.paragraphs if p.text] == ["ỦY BAN NHÂN DÂN", "XÃ QUYẾT THẮNG"]
    assert [p.text for p in right.paragraphs if p.text] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]
    number_cell, date_cell = header.rows[1].cells
    assert number_cell.text == f"Số: {BLANK}/BC-UBND"
    assert date_cell.text.startswith("Quyết Thắng, ngày") and date_cell.text.endswith(
        "tháng 10 năm 2025"
    )
    texts = [p.text for p in document.paragraphs if p.text.strip()]
    assert texts[:2] == [
        "BÁO CÁO",
        "Kết quả thực hiện công tác tuyên truyền cải cách hành chính 6 tháng cuối năm 2025",
    ]
    assert [t for t in texts if t[:3] in ("I. ", "II.", "III", "IV.")] == [
        "I. KẾT QUẢ THỰC HIỆN",
        "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
        "III. NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI",
        "IV. ĐỀ XUẤT, KIẾN NGHỊ",
    ]
    styles = {p.style.name for p in document.paragraphs}
    assert {nd30.STYLE_BODY, nd30.STYLE_HEADING_1, nd30.STYLE_ITEM} <= styles
    signature = document.tables[-1].rows[0].cells[1].text
    assert "TM. ỦY BAN NHÂN DÂN" in signature and "Mai Đàm Thanh Vân" in signature


def test_the_docx_figures_match_the_tracked_tasks(exported):
    report, files = exported
    document = docx.Document(str(files[0]))
    table = next(t for t in document.tables if len(t.columns) == len(FIGURES_COLUMNS))
    rows = {r.cells[1].text: (r.cells[2].text, r.cells[3].text) for r in table.rows[1:]}
    chosen = [t for t in report.plan.tasks if t.chosen]
    assert number(rows["Nhiệm vụ đến kỳ thực hiện"][1]) == len(chosen)
    assert number(rows["- Đã hoàn thành"][1]) == sum(t.status is TaskStatus.DONE for t in chosen)
    assert number(rows["- Đang thực hiện"][1]) == sum(
        t.status is TaskStatus.IN_PROGRESS for t in chosen
    )
    assert number(rows["- Quá hạn (trong số chưa hoàn thành)"][1]) == 1  # the banners
    for unit in ("tin", "bài", "cuộc", "lượt người", "buổi phát thanh", "băng rôn"):
        expected = sum(result_count(t.results, unit) for t in chosen)
        label = f"- {unit[:1].upper()}{unit[1:]}"
        assert rows[label] == (unit, f"{expected:,}".replace(",", ".")), unit
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Nguyên nhân: Chờ bổ sung kinh phí in pano, áp phích." in text
    assert text.count("./.") == 1


def test_the_xlsx_has_each_task_with_its_results_and_a_total_that_adds_up(exported):
    report, files = exported
    workbook = openpyxl.load_workbook(files[1])
    assert workbook.sheetnames == [TASK_SHEET, FIGURES_SHEET]
    sheet = workbook[TASK_SHEET]
    headers = [sheet.cell(HEADER_ROW, c).value for c in range(1, sheet.max_column + 1)]
    assert headers[:6] == [
        "TT",
        "Nhiệm vụ",
        "Sản phẩm",
        "Cơ quan chủ trì",
        "Hạn hoàn thành",
        "Trạng thái",
    ]
    assert headers[6:11] == ["Tin", "Bài", "Cuộc", "Lượt người", "Buổi phát thanh"]
    assert headers[11] == "Băng rôn"
    units = [*RESULT_UNITS, "băng rôn"]
    chosen = [t for t in report.plan.tasks if t.chosen]
    rows = {sheet.cell(r, 2).value: r for r in range(HEADER_ROW + 1, sheet.max_row + 1)}
    for task in chosen:
        row = rows[task.title]
        for offset, unit in enumerate(units, start=7):
            assert (sheet.cell(row, offset).value or 0) == result_count(task.results, unit)
    total = rows[TOTAL_LABEL]
    assert sheet.cell(total, 7).value == sum(result_count(t.results, "tin") for t in chosen) == 30
    assert sheet.cell(total, 9).value == 6  # cuộc: 2 training + 4 meetings
    banners = rows[next(t.title for t in chosen if t.finish_text == "Quý III/2025")]
    assert sheet.cell(banners, 6).value == "Đang thực hiện (quá hạn)"
    assert "Chờ bổ sung kinh phí" in sheet.cell(banners, 14).value
    figures = {r[1].value: r[3].value for r in workbook[FIGURES_SHEET].iter_rows(min_row=2)}
    assert figures["Nhiệm vụ đến kỳ thực hiện"] == 8 and figures["- Tin"] == 30


def test_libreoffice_prints_the_report_on_a4_with_its_header_and_signature(exported, tmp_path):
    _, files = exported
    pages = read_pdf(libreoffice_pdf(files[0], tmp_path))
    assert all(p.is_a4 and not p.landscape for p in pages)
    first = pages[0]
    assert first.on_one_line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert first.find("BÁO CÁO")
    assert first.find("Số:") and first.find("/BC-UBND")
    last = pages[-1].text()
    assert "PHÓ CHỦ TỊCH" in last and "Mai Đàm Thanh Vân" in last and "Nơi nhận:" in last
