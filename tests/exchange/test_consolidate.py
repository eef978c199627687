"""Consolidating for the level above: the packages several offices sent (a commune's whole
export with its history, wards' and a department's plans, one ward twice, a plan of another
period, one of another template, a damaged file, the same export as .zip and .xlsx) become one
printable workbook and a draft report in the national format."""

from __future__ import annotations

import zipfile
from datetime import date

import docx
import openpyxl
import pytest

from cchc_desktop.cli import main
from cchc_desktop.core.model import OfficeKind, Plan, ResultCount, TaskStatus
from cchc_desktop.core.period import Period, PeriodKind
from cchc_desktop.documents.consolidate import (
    LEFT_SHEET,
    MISSING_SHEET,
    SUMMARY_SHEET,
    TASKS_SHEET,
    consolidate,
    package_files,
    report_path,
)
from cchc_desktop.errors import CchcError, ConsolidationCancelled, ReadOnlyTargetError
from tests.documents.nd30_checks import check_docx
from tests.exchange.conftest import (
    AS_OF,
    department,
    minimal_package,
    plan_for,
    sample,
    tracked_database,
    ward,
)

H1_2025 = Period(PeriodKind.FIRST_HALF, 2025)


def progress(plan: Plan, done: int, in_progress: int, results: list[tuple[int, str]]) -> Plan:
    """The first ``done`` chosen tasks done, the next ``in_progress`` under way, each with
    ``results``; the rest not started."""
    for n, task in enumerate(plan.chosen_tasks):
        if n < done + in_progress:
            task.status = TaskStatus.DONE if n < done else TaskStatus.IN_PROGRESS
            task.results = [ResultCount(count, unit) for count, unit in results]
    return plan


@pytest.fixture(scope="module")
def inbox(tmp_path_factory):
    """The folder of what the Sở received, and the expected list."""
    folder = tmp_path_factory.mktemp("nhan")
    plan, office = sample()
    repo, plan_id = tracked_database(folder.parent / "xa.sqlite", plan, office)
    db = repo.conn.execute("PRAGMA database_list").fetchone()[2]
    assert main(["export", "--db", db, "--plan", str(plan_id), "--out", str(folder / "xa"),
                 "--zip", "--no-pdf"]) == 0  # fmt: skip
    repo.close()
    for name in ("Thạch Khôi", "Lê Chân"):
        office = ward(name)
        minimal_package(folder, progress(plan_for(office), 2, 1, [(4, "tin")]), office)
    again = ward("Lê Chân")
    again.uid = "khac"  # typed again on a new PC: the same ward by its name
    newer = progress(plan_for(again), 5, 0, [(10, "tin"), (1, "cuộc")])
    minimal_package(folder, newer, again, exported_at="2025-10-05T02:00:00+00:00",
                    name="phuong-Le-Chan-gui-lai.zip")  # fmt: skip
    agency = department()
    minimal_package(folder, progress(plan_for(agency), 1, 2, [(3, "bài")]), agency)
    earlier = ward("Hồng Bàng")
    minimal_package(folder, progress(plan_for(earlier, H1_2025), 8, 0, [(1, "tin")]), earlier)
    foreign = ward("Ngô Quyền")
    other = plan_for(foreign)
    other.template_id = "ha-noi-2025"
    minimal_package(folder, other, foreign)
    (folder / "hong.zip").write_bytes(b"PK\x03\x04 bi cat ngang")
    (folder / "ghi-chu.docx").write_bytes(b"not a package")  # not a .zip or .xlsx: not read
    (folder / "~$lock.xlsx").write_bytes(b"Excel's lock file")
    expected = folder.parent / "danh-sach.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    for row in [("TT", "Tên đơn vị"), (1, "UBND xã Quyết Thắng"), (2, "phường Thạch Khôi"),
                (3, "Phường Lê Chân"), (4, "phường Hồng Bàng"), (5, "xã An Lư")]:  # fmt: skip
        sheet.append(row)
    book.save(expected)
    return folder, expected


@pytest.fixture(scope="module")
def result(inbox, tmp_path_factory):
    folder, expected = inbox
    out = tmp_path_factory.mktemp("tong-hop") / "tong-hop-h2-2025.xlsx"
    return consolidate([folder], out, as_of=AS_OF, expected=expected, signer="Trần Văn Bình")


@pytest.fixture(scope="module")
def book(result):
    return openpyxl.load_workbook(result.files[0])


def rows(sheet, first: int) -> list[tuple]:
    return [r for r in sheet.iter_rows(min_row=first, values_only=True) if any(r)]


def test_the_workbook_and_report_are_written_side_by_side(result):
    xlsx, report = result.files
    assert report == report_path(xlsx) and report.suffix == ".docx"
    assert not [p for p in xlsx.parent.iterdir() if p.name.startswith("~cchc")]


def test_every_task_of_every_counted_office_is_listed_with_its_status(book, result):
    tasks = rows(book[TASKS_SHEET], 5)
    by_office: dict[str, list[tuple]] = {}
    for row in tasks:
        by_office.setdefault(row[1], []).append(row)
    assert sorted(by_office) == sorted(
        ["phường Lê Chân", "phường Thạch Khôi", "Sở Khoa học và Công nghệ", "xã Quyết Thắng"]
    )
    assert [r[0] for r in tasks] == list(range(1, len(tasks) + 1))
    assert len(tasks) == result.whole.counts.total
    quyet_thang = by_office["xã Quyết Thắng"]
    assert [r[2] for r in quyet_thang] == list(range(1, 10))  # 8 of the sample and one added
    assert quyet_thang[0][8] == "Hoàn thành" and quyet_thang[0][10] == "5 tin; 2 bài"
    assert quyet_thang[0][11] == "Công văn số 45/UBND-VHXH ngày 12/8/2025"
    late = [r for r in tasks if r[9] == "Có"]
    assert late and all(r[8].endswith("(quá hạn)") and r[7].date() < AS_OF for r in late)
    assert all(r[9] is None for r in tasks if r[8] in ("Hoàn thành", "Không thực hiện"))


def test_the_summary_counts_each_office_and_adds_results_by_unit(book, result):
    sheet = book[SUMMARY_SHEET]
    heads = [c for c in next(sheet.iter_rows(min_row=5, max_row=5, values_only=True))]
    groups = [c for c in next(sheet.iter_rows(min_row=4, max_row=4, values_only=True))]
    assert groups[:4] == ["TT", "Đơn vị", "Kế hoạch", "Ngày xuất số liệu"]
    assert "Nhiệm vụ" in groups and "Sản phẩm tuyên truyền (số lượng)" in groups
    assert heads[4:10] == ["Tổng số", "Hoàn thành", "Đang thực hiện", "Chưa thực hiện",
                           "Không thực hiện", "Quá hạn"]  # fmt: skip
    units = heads[10 : heads.index(None, 10)]
    assert units[:3] == ["Tin", "Bài", "Cuộc"]  # the usual units first, in their usual order
    table = rows(sheet, 6)
    offices, total = table[:-1], table[-1]
    assert [r[1] for r in offices] == ["phường Lê Chân", "phường Thạch Khôi",
                                       "Sở Khoa học và Công nghệ", "xã Quyết Thắng"]  # fmt: skip
    le_chan = offices[0]
    assert le_chan[4:10] == (8, 5, 0, 3, 0, le_chan[9])
    assert le_chan[10:13] == (50, None, 5)  # the newer return: 5 tasks × (10 tin, 1 cuộc)
    assert total[1] == "Tổng cộng"
    for column in range(4, 10 + len(units)):
        assert total[column] == sum(r[column] or 0 for r in offices), heads[column]
    assert total[4] == result.whole.counts.total
    assert offices[3][-2].startswith("xa/KH-tuyen-truyen-CCHC-6-thang-cuoi-2025-xa-Quyet-Thang")


def test_an_office_that_sent_twice_counts_once_the_newest_return_said(book, result):
    left = {r[1]: r for r in rows(book[LEFT_SHEET], 5)}
    older = left["phường-Lê-Chân.zip"]
    assert older[2] == "phường Lê Chân"
    assert "đơn vị đã gửi bản mới hơn: tệp «phuong-Le-Chan-gui-lai.zip»" in older[4]
    assert any("phường-Lê-Chân.zip" in note and "bản mới hơn" in note for note in result.notes)


def test_another_period_or_template_is_flagged_and_kept_out_of_the_totals(book, result):
    left = {r[1]: r for r in rows(book[LEFT_SHEET], 5)}
    hong_bang = left["phường-Hồng-Bàng.zip"]
    assert hong_bang[3] == "6 tháng đầu năm 2025"
    assert "khác kỳ tổng hợp (6 tháng cuối năm 2025)" in hong_bang[4]
    ngo_quyen = left["phường-Ngô-Quyền.zip"]
    assert "theo mẫu «ha-noi-2025», khác mẫu «hai-phong-2025»" in ngo_quyen[4]
    names = {r.name for r in result.whole.counted}
    assert "phường Hồng Bàng" not in names and "phường Ngô Quyền" not in names


def test_a_damaged_package_is_skipped_with_its_name_and_the_rest_consolidated(book, result):
    left = {r[1]: r for r in rows(book[LEFT_SHEET], 5)}
    assert "tệp bị hỏng" in left["hong.zip"][4] and left["hong.zip"][2] is None
    assert any(n.startswith("Không tổng hợp «hong.zip»: tệp bị hỏng") for n in result.notes)
    assert len(result.whole.counted) == 4


def test_the_same_export_as_zip_and_xlsx_counts_once(book):
    left = {r[1]: r for r in rows(book[LEFT_SHEET], 5)}
    twin = [r for name, r in left.items() if name.startswith("xa/")]
    assert len(twin) == 1 and "(cùng số liệu)" in twin[0][4]


def test_offices_on_the_expected_list_that_sent_nothing_are_listed(book, result):
    missing = rows(book[MISSING_SHEET], 5)
    assert [r[1] for r in missing] == ["phường Hồng Bàng", "xã An Lư"]
    assert missing[0][2].startswith("có gửi nhưng không tổng hợp: kế hoạch 6 tháng đầu năm 2025")
    assert missing[1][2] is None
    summary = {r[1]: r for r in rows(book[SUMMARY_SHEET], 6)}
    assert summary["Sở Khoa học và Công nghệ"][-1] == "ngoài danh sách các đơn vị phải gửi"
    assert summary["phường Thạch Khôi"][-1] is None
    assert result.whole.sent_of_expected == 3 and result.whole.expected == 5


def test_every_sheet_prints_on_a4_landscape_one_page_wide_with_its_header_repeated(book):
    assert book.sheetnames == [SUMMARY_SHEET, TASKS_SHEET, MISSING_SHEET, LEFT_SHEET]
    for sheet in book.worksheets:
        setup = sheet.page_setup
        assert setup.orientation == "landscape" and int(setup.paperSize) == 9
        assert setup.fitToWidth == 1 and setup.fitToHeight == 0
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows == ("$4:$5" if sheet.title == SUMMARY_SHEET else "$4:$4")
        assert "&P" in sheet.oddFooter.center.text
        title = sheet["A1"]
        assert title.font.b and title.value == title.value.upper()
        assert f"A1:{sheet.cell(4, sheet.max_column).column_letter}1" in {
            str(r) for r in sheet.merged_cells.ranges
        }
    tasks = book[TASKS_SHEET]
    assert tasks.freeze_panes == "C5" and tasks.auto_filter.ref.startswith("A4:")
    body = tasks["D5"]
    assert body.font.name == "Times New Roman" and body.alignment.wrap_text
    assert body.border.left.style == "thin" and tasks["H5"].number_format == "DD/MM/YYYY"


def test_the_draft_report_follows_the_national_format_with_the_figures(result):
    document = docx.Document(str(result.files[1]))
    check_docx(
        document,
        governing=["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HẢI PHÒNG"],
        issuer=["SỞ NỘI VỤ"],
        suffix="BC-SNV",
        place="Hải Phòng",
        authority=["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"],
        signer="Trần Văn Bình",
        doc_type="BÁO CÁO",
    )
    text = "\n".join(p.text for p in document.paragraphs)
    c = result.whole.counts
    assert (
        "Tổng hợp kết quả thực hiện công tác tuyên truyền cải cách hành chính 6 tháng cuối năm "
        "2025 của các cơ quan, đơn vị và các xã, phường, đặc khu"
    ) in text
    assert "Đã nhận số liệu của 3/5 đơn vị phải gửi và 1 đơn vị ngoài danh sách." in text
    assert "Chưa gửi (2 đơn vị): phường Hồng Bàng, xã An Lư." in text
    assert f"Các đơn vị có tổng cộng {c.total} nhiệm vụ; trong đó {c.done} nhiệm vụ đã hoàn" in text
    figures = document.tables[-2]  # the figures, then the signature
    cells = [[cell.text for cell in row.cells] for row in figures.rows]
    assert ["", "- Quá hạn (trong số chưa hoàn thành)", "nhiệm vụ", str(c.overdue)] in cells
    assert ["", "- Tin", "tin", str(result.whole.totals[0].count)] in cells


def test_the_command_line_consolidates_and_asks_before_overwriting(inbox, tmp_path, capsys):
    folder, expected = inbox
    out = tmp_path / "th.xlsx"
    args = ["consolidate", str(folder), "--out", str(out), "--as-of", "2025-10-15",
            "--expected", str(expected)]  # fmt: skip
    assert main(args) == 0
    said = capsys.readouterr()
    assert said.out.startswith("Tổng hợp 6 tháng cuối năm 2025: 3/5 đơn vị phải gửi (và 1 ngoài")
    assert "Chưa gửi: phường Hồng Bàng, xã An Lư." in said.out
    assert "Lưu ý: Không tổng hợp «hong.zip»: tệp bị hỏng" in said.err
    assert main(args) == 1
    assert "Thêm --force" in capsys.readouterr().err
    assert main([*args, "--force", "--period", "h1-2025"]) == 0
    assert "Tổng hợp 6 tháng đầu năm 2025: 1/5 đơn vị phải gửi" in capsys.readouterr().out
    assert main([*args, "--force", "--period", "q3"]) == 1
    assert "h2-2025" in capsys.readouterr().err


def test_a_read_only_workbook_is_not_replaced_without_asking(inbox, tmp_path):
    folder, _ = inbox
    out = tmp_path / "th.xlsx"
    out.write_bytes(b"old")
    out.chmod(0o444)
    with pytest.raises(ReadOnlyTargetError):
        consolidate([folder], out, as_of=AS_OF, overwrite=True)
    assert out.read_bytes() == b"old"


def test_stopping_it_writes_nothing(inbox, tmp_path):
    folder, _ = inbox
    seen = []

    def stop_at_the_third(done, total, what):
        seen.append((done, total, what))
        return done < 3

    out = tmp_path / "th.xlsx"
    with pytest.raises(ConsolidationCancelled, match="chưa ghi tệp nào"):
        consolidate([folder], out, as_of=AS_OF, progress=stop_at_the_third)
    assert list(tmp_path.iterdir()) == []
    assert seen[0][:2] == (0, len(package_files([folder]))) and seen[0][2].startswith("Đang đọc")


def test_folders_are_searched_and_only_packages_read(inbox):
    folder, _ = inbox
    found = [name for _, name in package_files([folder, folder / "hong.zip"])]
    assert "hong.zip" in found and found.count("hong.zip") == 1
    assert not any(name.endswith(".docx") or "~$" in name for name in found)
    assert any(name.startswith("xa/") and name.endswith("-phu-luc.xlsx") for name in found)
    with pytest.raises(CchcError, match="Không tìm thấy"):
        package_files([folder / "khong-co"])


def test_offices_of_several_provinces_are_told_apart(tmp_path):
    for province in ("thành phố Hải Phòng", "tỉnh Hưng Yên"):
        office = ward("Tân Tiến")
        office.province = province
        minimal_package(tmp_path, plan_for(office), office, name=f"{province}.zip")
    names = tmp_path / "ds.txt"
    names.write_text("# các đơn vị\nphường Tân Tiến, tỉnh Hưng Yên\n", encoding="utf-8")
    done = consolidate([tmp_path], tmp_path / "out" / "th.xlsx", as_of=AS_OF, expected=names)
    assert len(done.whole.counted) == 2 and done.whole.missing == []
    book = openpyxl.load_workbook(done.files[0])
    provinces = [r[2] for r in rows(book[SUMMARY_SHEET], 6)][:-1]
    assert provinces == ["thành phố Hải Phòng", "tỉnh Hưng Yên"]
    assert book[TASKS_SHEET]["C4"].value == "Tỉnh, thành phố"
    notes = {r[2]: r[-1] for r in rows(book[SUMMARY_SHEET], 6)[:-1]}
    assert notes == {"thành phố Hải Phòng": "ngoài danh sách các đơn vị phải gửi",
                     "tỉnh Hưng Yên": None}  # fmt: skip


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    office = ward()
    plan = plan_for(office)
    plan.chosen_tasks[0].evidence = '=HYPERLINK("http://x")'
    plan.chosen_tasks[1].notes = "+84 912 345 678"
    minimal_package(tmp_path, plan, office)
    done = consolidate([tmp_path], tmp_path / "out" / "th.xlsx", as_of=AS_OF)
    sheet = openpyxl.load_workbook(done.files[0])[TASKS_SHEET]
    assert sheet["L5"].value == '=HYPERLINK("http://x")' and sheet["L5"].data_type == "s"
    assert sheet["M6"].value == "+84 912 345 678"


def test_nothing_to_consolidate_still_makes_a_workbook_that_says_so(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "hong.xlsx").write_bytes(b"")
    done = consolidate([tmp_path / "in"], tmp_path / "th.xlsx", as_of=AS_OF)
    assert done.whole.counted == [] and done.whole.selection.period is None
    book = openpyxl.load_workbook(done.files[0])
    assert rows(book[SUMMARY_SHEET], 6) == [(None, "Tổng cộng", None, None, 0, 0, 0, 0, 0, 0,
                                             None, None)]  # fmt: skip
    text = "\n".join(p.text for p in docx.Document(str(done.files[1])).paragraphs)
    assert "Các đơn vị gửi về chưa có nhiệm vụ nào" in text


def test_the_output_must_be_a_workbook(tmp_path):
    with pytest.raises(CchcError, match=r"phải là tệp Excel \.xlsx"):
        consolidate([tmp_path], tmp_path / "th.csv", as_of=AS_OF)


def test_an_office_of_another_kind_with_the_same_name_is_another_office(tmp_path):
    for kind in (OfficeKind.XA, OfficeKind.PHUONG):
        office = ward("Tân Tiến")
        office.kind = kind
        minimal_package(tmp_path, plan_for(office), office)
    done = consolidate([tmp_path], tmp_path / "out" / "th.xlsx", as_of=date(2025, 8, 1))
    assert [r.name for r in done.whole.counted] == ["phường Tân Tiến", "xã Tân Tiến"]
    assert done.whole.counts.overdue == 0
    with zipfile.ZipFile(done.files[0]) as archive:
        assert "<dimension ref=" in archive.read("xl/worksheets/sheet2.xml").decode()[:2000]
