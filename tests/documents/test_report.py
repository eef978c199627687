"""The progress report's .docx and .xlsx read back, and on paper: its numbers match the tracked
tasks and their dated history, it wears the same national header as the plan (built by nd30,
not a copy), its title breaks sensibly and its results workbook prints at a readable size."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from datetime import date

import docx
import openpyxl
import pytest

from cchc_desktop.core.deadlines import parse_report_period
from cchc_desktop.core.docdate import BLANK
from cchc_desktop.core.report import build_report, report_outline
from cchc_desktop.core.template import bundled_template
from cchc_desktop.documents import nd30
from cchc_desktop.documents.package import TargetsExistError, export_report, report_paths
from cchc_desktop.documents.report_xlsx import (
    FIGURES_SHEET,
    HEADER_ROW,
    TASK_SHEET,
    TOTAL_LABEL,
    date_format,
)
from tests.documents.nd30_checks import check_report_docx, check_report_paper
from tests.documents.paper import libreoffice_pdf, raster, read_pdf
from tests.store.saved_sample import saved_sample

STEM = "BC-tuyen-truyen-CCHC-6-thang-cuoi-2025-xa-Quyet-Thang"
AS_OF = date(2025, 10, 15)  # after quarter III: the banners task is late
# Each report as its officer would make it: before the deadline of the 10th of the last month.
MADE_ON = {"q3": date(2025, 9, 5), "h2": date(2025, 12, 5), "year": date(2025, 12, 5)}
EXPECTED = {
    "governing": [],
    "issuer": ["ỦY BAN NHÂN DÂN", "XÃ QUYẾT THẮNG"],
    "suffix": "BC-UBND",
    "place": "Quyết Thắng",
    "authority": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
    "signer": "Mai Đàm Thanh Vân",
}
ON_PAPER = {"place": "Quyết Thắng", "issuer_first": "ỦY BAN", "authority": EXPECTED["authority"]}


@pytest.fixture(scope="module")
def sample():
    return saved_sample(bundled_template())


def sample_report(sample, code: str = "h2", as_of: date = AS_OF):
    plan = sample.plan
    period = parse_report_period(code, plan.period)
    return build_report(plan, sample.office, sample.tracked, period, as_of, sample.histories)


@pytest.fixture(scope="module")
def exported(sample, tmp_path_factory):
    report = sample_report(sample)
    folder = tmp_path_factory.mktemp("bc")
    result = export_report(report, folder)
    assert result.warnings == []
    return report, result.files


@pytest.fixture(scope="module")
def on_paper(qapp, sample, tmp_path_factory):
    """Each report's .docx printed by LibreOffice and the app's own PDF of it, with the report."""
    from cchc_desktop.render.paged import write_pdf

    made = {}
    for code, as_of in MADE_ON.items():
        report = sample_report(sample, code, as_of)
        folder = tmp_path_factory.mktemp(code)
        docx_path, xlsx_path = export_report(report, folder).files
        app_pdf = folder / "app.pdf"
        write_pdf(report_outline(report), app_pdf)
        made[code] = report, docx_path, libreoffice_pdf(docx_path, folder), app_pdf, xlsx_path
    return made


def number(text: str) -> int:
    return int(text.replace(".", ""))


def test_the_files_are_named_bc_and_the_period_they_report_on(sample, exported, tmp_path):
    _report, files = exported
    assert [f.name for f in files] == [f"{STEM}.docx", f"{STEM}-ket-qua.xlsx"]
    q3 = sample_report(sample, "q3")
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
    assert texts[:3] == [
        "BÁO CÁO",
        "Kết quả thực hiện công tác tuyên truyền cải cách hành chính",
        "6 tháng cuối năm 2025",
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


def test_the_docx_figures_show_the_period_and_the_cumulative_side_by_side(exported):
    report, files = exported
    document = docx.Document(str(files[0]))
    table = document.tables[1]
    assert [c.text for c in table.rows[0].cells] == [
        "TT", "Nội dung", "Đơn vị tính", "Số lượng", "Số lượng",
    ]  # fmt: skip
    assert [c.text for c in table.rows[1].cells][3:] == ["Trong kỳ", "Lũy kế"]
    rows = {r.cells[1].text: [c.text for c in r.cells[2:]] for r in table.rows[2:]}
    assert rows["Nhiệm vụ đến kỳ thực hiện"] == ["nhiệm vụ", "", "8"]
    assert rows["- Đã hoàn thành"] == ["nhiệm vụ", "1", "1"]
    assert rows["- Đang thực hiện"] == ["nhiệm vụ", "", "5"]
    assert rows["- Quá hạn (trong số chưa hoàn thành)"] == ["nhiệm vụ", "", "1"]  # the banners
    # By 15 October: the website's 14 news items and the radio's 9 (the November ones later).
    assert rows["- Tin"] == ["tin", "23", "23"]
    assert rows["- Lượt người"] == ["lượt người", "186", "186"]
    for total in report.data.totals:
        label = f"- {total.unit[:1].upper()}{total.unit[1:]}"
        assert number(rows[label][2]) == total.count, total.unit
    before = document.paragraphs[
        next(i for i, p in enumerate(document.paragraphs) if p.text.startswith("II."))
    ]
    assert before._p.getprevious().tag.endswith("tbl")  # the table closes section I
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Bảng tổng hợp số liệu (đến ngày 15/10/2025)" in text
    assert "lũy kế đến ngày 15/10/2025: 23 tin, 5 bài" in text
    assert "Nguyên nhân: Chờ bổ sung kinh phí in pano, áp phích." in text
    assert text.count("./.") == 1


def test_the_xlsx_has_each_task_with_its_results_in_the_period_and_to_date(exported):
    report, files = exported
    workbook = openpyxl.load_workbook(files[1])
    assert workbook.sheetnames == [TASK_SHEET, FIGURES_SHEET]
    sheet = workbook[TASK_SHEET]
    assert sheet["A1"].value == (
        "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH 6 THÁNG CUỐI NĂM 2025"
    )
    assert sheet["A2"].value.startswith("(Kèm theo Báo cáo số")
    assert sheet["A3"].value == (
        "(Số liệu trong kỳ từ ngày 01/7/2025 đến ngày 15/10/2025; lũy kế đến ngày 15/10/2025)"
    )
    headers = [sheet.cell(HEADER_ROW, c).value for c in range(1, sheet.max_column + 1)]
    assert headers == [
        "TT", "Nhiệm vụ", "Cơ quan chủ trì", "Hạn hoàn thành", "Trạng thái",
        "Kết quả trong kỳ", "Kết quả lũy kế", "Minh chứng", "Lý do, ghi chú",
    ]  # fmt: skip
    rows = {sheet.cell(r, 2).value: r for r in range(HEADER_ROW + 1, sheet.max_row + 1)}
    website = rows[report.data.lines[0].title]
    assert [sheet.cell(website, c).value for c in (6, 7)] == ["14 tin, 5 bài", "14 tin, 5 bài"]
    banners = rows[next(x.title for x in report.data.lines if x.finish_text == "Quý III/2025")]
    assert sheet.cell(banners, 4).value.date() == date(2025, 9, 30)
    assert sheet.cell(banners, 4).number_format == "DD/M/YYYY"  # prints "30/9/2025"
    assert sheet.cell(banners, 5).value == "Đang thực hiện (quá hạn)"
    assert "Chờ bổ sung kinh phí" in sheet.cell(banners, 9).value
    total = rows[TOTAL_LABEL]
    assert sheet.cell(total, 7).value == (
        "23 tin, 5 bài, 6 cuộc, 186 lượt người, 16 buổi phát thanh, 8 băng rôn"
    )
    figures = {
        r[1].value: (r[3].value, r[4].value)
        for r in workbook[FIGURES_SHEET].iter_rows(min_row=HEADER_ROW + 1)
    }
    assert [workbook[FIGURES_SHEET].cell(HEADER_ROW, c).value for c in (4, 5)] == [
        "Trong kỳ", "Lũy kế",
    ]  # fmt: skip
    assert figures["Nhiệm vụ đến kỳ thực hiện"] == (None, 8)
    assert figures["- Tin"] == (23, 23) and figures["- Đã hoàn thành"] == (1, 1)


def test_dates_in_the_workbook_are_written_as_the_decree_writes_them():
    assert date_format(date(2025, 2, 5)) == "DD/MM/YYYY"  # "05/02/2025"
    assert date_format(date(2025, 9, 30)) == "DD/M/YYYY"  # "30/9/2025", never "30/09/2025"


def test_a_report_of_tasks_recorded_without_history_says_which_figures_have_no_date(
    sample, tmp_path
):
    report = build_report(
        sample.plan, sample.office, sample.tracked,
        parse_report_period("q3", sample.plan.period), date(2025, 9, 5), {},
    )  # fmt: skip
    files = export_report(report, tmp_path).files
    sheet = openpyxl.load_workbook(files[1])[FIGURES_SHEET]
    notes = [c.value for c in sheet["A"] if c.value and "không kèm ngày" in str(c.value)]
    assert notes == [
        "Số liệu của 6 nhiệm vụ được ghi không kèm ngày (nhập trước khi ứng dụng lưu lịch sử "
        "thay đổi, hoặc nhập từ tệp) nên chỉ được tính vào số lũy kế, không tính vào số trong "
        "kỳ."
    ]
    text = "\n".join(p.text for p in docx.Document(str(files[0])).paragraphs)
    assert "Số liệu của 6 nhiệm vụ được ghi không kèm ngày" in text


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


@pytest.mark.parametrize(
    ("code", "summary"),
    [
        ("q3", ["Kết quả thực hiện công tác tuyên truyền cải cách hành chính", "quý III năm 2025"]),
        ("h2", ["Kết quả thực hiện công tác tuyên truyền cải cách hành chính",
                "6 tháng cuối năm 2025"]),
        ("year", ["Kết quả thực hiện công tác tuyên truyền cải cách hành chính năm 2025"]),
    ],
)  # fmt: skip
def test_each_report_passes_the_decrees_checks_on_file_and_on_paper(on_paper, code, summary):
    """The quarter's, the half-year's and the year's: the .docx on file, printed by
    LibreOffice, and the app's own PDF; the title on the lines it was given, "2025" never
    alone."""
    report, docx_path, office_pdf, app_pdf, _ = on_paper[code]
    assert list(report_outline(report).summary) == summary
    check_report_docx(docx.Document(str(docx_path)), **EXPECTED)
    for pdf in (office_pdf, app_pdf):
        check_report_paper(read_pdf(pdf), summary=summary, **ON_PAPER)


@pytest.mark.parametrize("code", ["q3", "h2"])
def test_the_results_workbook_prints_on_a4_landscape_at_a_readable_size(on_paper, tmp_path, code):
    """12 pt on paper (it printed at about 6 pt: one page wide, the sheet twice too wide),
    the table's header on every page of the task sheet, nothing cut at the right edge nor at
    the bottom of a row."""
    report, _, office_pdf, _, xlsx_path = on_paper[code]
    workbook = openpyxl.load_workbook(xlsx_path)
    for sheet in workbook.worksheets:
        setup = sheet.page_setup
        assert (setup.orientation, int(setup.paperSize)) == ("landscape", 9)  # A4
        assert setup.fitToWidth == 1 and setup.fitToHeight == 0
        assert sheet.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
    # LibreOffice's word boxes are a fixed multiple of the font size: the report's body
    # text, 14 pt, tells which.
    body = Counter(round(w.y1 - w.y0, 1) for p in read_pdf(office_pdf) for w in p.words)
    per_point = body.most_common(1)[0][0] / 14
    printed_pdf = libreoffice_pdf(xlsx_path, tmp_path)
    pages = read_pdf(printed_pdf)  # the footer ("Trang 1/3", 11 pt) left out
    assert all(p.is_a4 and p.landscape for p in pages)
    tasks = [p for p in pages if not p.find("TỔNG HỢP SỐ LIỆU")]
    assert len(tasks) < len(pages)
    for page in tasks:
        assert page.find("Kết quả lũy kế") or page.find("Kết quả lũy"), "header row missing"
    words = [w for p in pages for w in p.words]
    sizes = Counter(round((w.y1 - w.y0) / per_point) for w in words)
    assert sizes.most_common(1)[0][0] == 12
    assert all(11 <= (w.y1 - w.y0) / per_point <= 13.5 for w in words)
    for page in pages:
        assert max(w.x1 for w in page.words) <= page.width - 15 / 25.4 * 72 + 2
    for number, page in enumerate(pages, start=1):
        assert_rows_hold_their_text(printed_pdf, number, page)
    printed = " ".join(p.text() for p in read_pdf(printed_pdf, text_area_only=False))
    assert "30/9/2025" in printed and not re.search(r"\b\d{1,2}/0[3-9]/\d{4}", printed)
    assert f"Trang 1/{len(pages)}" in printed
    assert report.data.lines[0].title.split()[0] in printed


def assert_rows_hold_their_text(pdf, number: int, page) -> None:
    """No row of a printed table cuts its text: between two row borders (found as dark
    lines across the first column), every word ends above the lower one."""
    picture = raster(pdf, number, dpi=144)
    scale = picture.width / page.width
    tt = page.find("TT")[0]
    left = round(tt.x0 * scale)
    edges = [
        y for y in range(round(tt.y0 * scale) - 8, picture.height)
        if all(picture.dark(x, y) for x in range(left, left + 8))
    ]  # fmt: skip
    borders = [y / scale for i, y in enumerate(edges) if i == 0 or y - edges[i - 1] > 2]
    assert len(borders) >= 3, borders
    for upper, lower in itertools.pairwise(borders):
        # A word cut at the bottom of its row has its middle below it: its top quarter tells.
        inside = [w for w in page.words if upper < w.y0 + (w.y1 - w.y0) / 4 < lower]
        assert all(w.y1 <= lower + 0.5 for w in inside), [w.text for w in inside]
