"""The ``cchc`` command, run as a user runs it: a real process, its output and exit code."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from cchc_desktop.cli import main


def cchc(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cchc_desktop.cli", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def test_sample_writes_a_database_whose_plan_shows_as_a_commune_plan(tmp_path):
    out = tmp_path / "x"
    made = cchc("sample", "--out", str(out))
    assert made.returncode == 0, made.stderr
    assert (out / "cchc.sqlite").is_file()
    assert "xã Quyết Thắng" in made.stdout

    listed = cchc("plans", "--db", str(out / "cchc.sqlite"))
    assert listed.returncode == 0
    fields = listed.stdout.strip().split("\t")
    assert fields[:4] == [
        "1", "6 tháng cuối năm 2025", "xã Quyết Thắng",
        "Tuyên truyền cải cách hành chính 6 tháng cuối năm 2025",
    ]  # fmt: skip
    assert fields[4] == "1/8 nhiệm vụ xong"  # the sample is tracked: one task done

    shown = cchc("show", "--db", str(out / "cchc.sqlite"), "--plan", "1")
    assert shown.returncode == 0
    lines = shown.stdout.splitlines()
    assert lines[0:3] == [
        "ỦY BAN NHÂN DÂN",
        "XÃ QUYẾT THẮNG",
        "Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/KH-UBND",
    ]
    assert "V. TỔ CHỨC THỰC HIỆN" in lines
    assert "Phụ lục" in lines


def test_sample_into_a_named_database(qapp, tmp_path):  # in-process: share the test QApplication
    db = tmp_path / "khac.sqlite"
    assert main(["sample", "--out", str(tmp_path / "o"), "--db", str(db)]) == 0
    assert db.is_file() and not (tmp_path / "o" / "cchc.sqlite").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["plans", "--db", "khong-co.sqlite"], "Không có tệp dữ liệu"),
        (["check-template", "khong-co.json"], "không đọc được"),
    ],
)
def test_errors_are_one_vietnamese_line_and_a_non_zero_exit(tmp_path, args, message):
    result = cchc(*[a if not a.endswith((".sqlite", ".json")) else str(tmp_path / a) for a in args])
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_plan_that_does_not_exist(qapp, tmp_path):
    assert main(["sample", "--out", str(tmp_path)]) == 0
    result = cchc("show", "--db", str(tmp_path / "cchc.sqlite"), "--plan", "42")
    assert result.returncode == 1
    assert result.stderr.strip() == "cchc: Không tìm thấy kế hoạch số 42."


def test_a_bad_template_names_its_field(tmp_path):
    bad = tmp_path / "mau.json"
    bad.write_text('{"schema_version": 1, "id": "x", "name": "x", "source": {}}', encoding="utf-8")
    result = cchc("check-template", str(bad))
    assert result.returncode == 1
    assert "«source.issuer»" in result.stderr


def test_the_bundled_template_checks_clean():
    from cchc_desktop.paths import resource

    result = cchc("check-template", str(resource("templates/hai-phong-2025.json")))
    assert result.returncode == 0
    assert "hợp lệ" in result.stdout


def test_usage_errors_are_vietnamese_too():
    result = cchc("show")
    assert result.returncode == 2
    assert result.stderr.startswith("cchc: lỗi:")


STEM = "KH-tuyen-truyen-CCHC-6-thang-cuoi-2025-xa-Quyet-Thang"


def test_sample_and_export_write_all_three_documents(tmp_path):
    out = tmp_path / "mau"
    made = cchc("sample", "--out", str(out))
    assert made.returncode == 0, made.stderr
    for name in (f"{STEM}.docx", f"{STEM}-phu-luc.xlsx", f"{STEM}.pdf"):
        assert (out / name).stat().st_size > 1000, name
    assert (out / f"{STEM}.pdf").read_bytes().startswith(b"%PDF")

    again = cchc("sample", "--out", str(out))
    assert again.returncode == 1 and "Chưa ghi đè tệp nào" in again.stderr
    assert cchc("plans", "--db", str(out / "cchc.sqlite")).stdout.count("\n") == 1  # nothing added

    sent = tmp_path / "gui-len"
    exported = cchc(
        "export", "--db", str(out / "cchc.sqlite"), "--plan", "1", "--out", str(sent), "--zip"
    )
    assert exported.returncode == 0, exported.stderr
    assert sorted(p.name for p in sent.iterdir()) == sorted(
        [f"{STEM}.docx", f"{STEM}-phu-luc.xlsx", f"{STEM}.pdf", f"{STEM}.zip"]
    )
    refused = cchc("export", "--db", str(out / "cchc.sqlite"), "--plan", "1", "--out", str(sent))
    assert refused.returncode == 1
    forced = cchc(
        "export", "--db", str(out / "cchc.sqlite"), "--plan", "1", "--out", str(sent), "--force"
    )
    assert forced.returncode == 0


def test_report_writes_the_bc_docx_and_xlsx_of_a_period_and_refuses_another_plans_period(
    tmp_path,
):
    out = tmp_path / "x"
    assert cchc("sample", "--out", str(out), "--no-pdf").returncode == 0
    db = str(out / "cchc.sqlite")
    made = cchc(
        "report", "--db", db, "--plan", "1", "--period", "q3", "--out", str(out),
        "--as-of", "2025-09-05",
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert "8 nhiệm vụ đến kỳ, 1 hoàn thành, 5 đang thực hiện" in made.stdout
    stem = "BC-tuyen-truyen-CCHC-quy-III-2025-xa-Quyet-Thang"
    assert (out / f"{stem}.docx").is_file() and (out / f"{stem}-ket-qua.xlsx").is_file()

    again = cchc("report", "--db", db, "--plan", "1", "--period", "q3", "--out", str(out))
    assert again.returncode == 1 and "Chưa ghi đè" in again.stderr

    wrong = cchc("report", "--db", db, "--plan", "1", "--period", "q1", "--out", str(out))
    assert wrong.returncode == 1
    assert wrong.stderr.strip() == (
        "cchc: Kỳ báo cáo «q1» không thuộc kế hoạch 6 tháng cuối năm 2025; "
        "chọn một trong: q3, q4, h2, year."
    )


def test_an_exported_tracking_sheet_says_which_tasks_are_late(qapp, tmp_path):
    """The command line used to export without a date: no task was ever "quá hạn"."""
    import openpyxl

    from cchc_desktop.cli import run
    from cchc_desktop.core.clock import Clock

    out = tmp_path / "mau"
    clock = Clock.fixed(date(2025, 10, 15))  # quarter III is over
    assert run(["sample", "--out", str(out), "--no-pdf"], clock) == 0
    sheet = openpyxl.load_workbook(next(out.glob("*-phu-luc.xlsx")))["Theo dõi"]
    statuses = [sheet.cell(r, 5).value for r in range(2, sheet.max_row + 1)]
    assert "Đang thực hiện (quá hạn)" in statuses
    sent = tmp_path / "gui"
    assert run(["export", "--db", str(out / "cchc.sqlite"), "--plan", "1", "--out", str(sent),
                "--no-pdf"], clock) == 0  # fmt: skip
    again = openpyxl.load_workbook(next(sent.glob("*-phu-luc.xlsx")))["Theo dõi"]
    assert [again.cell(r, 5).value for r in range(2, again.max_row + 1)] == statuses
