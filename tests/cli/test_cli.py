"""The ``cchc`` command, run as a user runs it: a real process, its output and exit code."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from cchc_desktop.cli import main

ROOT = Path(__file__).resolve().parent.parent.parent


def cchc(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cchc_desktop.cli", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        cwd=ROOT,
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


def test_a_pdf_cut_short_without_an_error_fails_the_export_and_keeps_the_old_package(
    qapp, tmp_path, monkeypatch, capsys
):
    """QPdfWriter says nothing when the disk fills: the export used to report success and
    leave a broken PDF in place of the good one."""
    from cchc_desktop.render import paged

    out = tmp_path / "mau"
    assert main(["sample", "--out", str(out)]) == 0
    before = {p: p.read_bytes() for p in out.glob("KH-*")}
    paint = paged.paint_pdf

    def cut_short(outline, path):
        pages = paint(outline, path)
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
        return pages

    monkeypatch.setattr(paged, "paint_pdf", cut_short)
    capsys.readouterr()
    code = main(["export", "--db", str(out / "cchc.sqlite"), "--plan", "1", "--out", str(out),
                 "--force"])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and f"«{STEM}.pdf» ghi ra không trọn vẹn" in err
    assert {p: p.read_bytes() for p in out.glob("KH-*")} == before
    assert [p.name for p in out.iterdir() if p.name.startswith(("~", ".~"))] == []


def test_a_read_only_file_is_replaced_only_with_force(tmp_path):
    out = tmp_path / "mau"
    assert cchc("sample", "--out", str(out), "--no-pdf").returncode == 0
    docx_file = out / f"{STEM}.docx"
    before = docx_file.read_bytes()
    docx_file.chmod(0o444)
    inode = docx_file.stat().st_ino
    export = [
        "export",
        "--db",
        str(out / "cchc.sqlite"),
        "--plan",
        "1",
        "--out",
        str(out),
        "--no-pdf",
    ]
    refused = cchc(*export)
    assert refused.returncode == 1
    assert refused.stderr == (
        f"cchc: Tệp «{STEM}.docx» đang ở chế độ chỉ đọc. Chưa ghi đè tệp nào. "
        "Thêm --force để vẫn ghi đè.\n"
    )
    assert docx_file.read_bytes() == before
    forced = cchc(*export, "--force")
    assert forced.returncode == 0, forced.stderr
    # Replaced by a new file (the same words may give the same bytes within a second).
    assert docx_file.stat().st_ino != inode


@pytest.fixture
def small_disk(tmp_path):
    """A real file system of a few kilobytes (tmpfs; the tests run as root)."""
    mounted = []

    def mount(size: str, options: str = "") -> Path:
        folder = tmp_path / f"o-dia-{size}{options.replace(',', '-')}"
        folder.mkdir()
        try:
            done = subprocess.run(
                ["mount", "-t", "tmpfs", "-o", f"size={size}{options}", "tmpfs", str(folder)],
                capture_output=True, text=True, check=False,
            )  # fmt: skip
        except FileNotFoundError:
            pytest.skip("no mount command here")
        if done.returncode != 0:
            pytest.skip(f"mounting a small disk is not permitted here: {done.stderr.strip()}")
        mounted.append(folder)
        return folder

    yield mount
    for folder in mounted:
        subprocess.run(["umount", str(folder)], check=False)


def one_clear_line(result: subprocess.CompletedProcess[str]) -> bool:
    return (
        result.stderr.count("\n") == 1
        and result.stderr.startswith("cchc: ")
        and "Traceback" not in result.stderr
        and "Exception ignored" not in result.stderr
    )


def test_a_full_disk_fails_the_export_with_one_line_and_leaves_nothing(tmp_path, small_disk):
    """At 80 kB the PDF used to be cut short and reported written (exit 0); at 40 kB a stray
    traceback from ZipFile followed the message."""
    out = tmp_path / "mau"
    assert cchc("sample", "--out", str(out), "--no-pdf").returncode == 0
    for size in ("4k", "40k", "80k", "120k"):
        disk = small_disk(size)
        result = cchc("export", "--db", str(out / "cchc.sqlite"), "--plan", "1", "--out", str(disk))
        assert result.returncode == 1, (size, result.stdout)
        assert one_clear_line(result) and "đầy" in result.stderr, (size, result.stderr)
        assert "~cchc" not in result.stderr  # the folder named is the officer's, not ours
        assert list(disk.iterdir()) == [], size


def test_a_read_only_disk_is_named_in_one_line(tmp_path, small_disk):
    out = tmp_path / "mau"
    assert cchc("sample", "--out", str(out), "--no-pdf").returncode == 0
    disk = small_disk("100k", ",ro")
    result = cchc("export", "--db", str(out / "cchc.sqlite"), "--plan", "1", "--out", str(disk))
    assert result.returncode == 1 and one_clear_line(result), result.stderr
    assert result.stderr == (
        f"cchc: Không được ghi vào thư mục «{disk}» (thư mục hoặc ổ đĩa chỉ đọc, hay không có "
        "quyền ghi). Hãy chọn thư mục khác.\n"
    )


def test_a_full_disk_keeps_the_old_package_whole(tmp_path, small_disk):
    out = tmp_path / "mau"
    assert cchc("sample", "--out", str(out), "--no-pdf").returncode == 0
    disk = small_disk("200k")
    export = ["export", "--db", str(out / "cchc.sqlite"), "--plan", "1", "--out", str(disk)]
    assert cchc(*export).returncode == 0
    before = {p.name: p.read_bytes() for p in disk.iterdir()}
    assert len(before) == 3
    again = cchc(*export, "--force")  # the new set does not fit beside the old one
    assert again.returncode == 1 and one_clear_line(again), again.stderr
    assert {p.name: p.read_bytes() for p in disk.iterdir()} == before


KILL_AT_REPLACE = """
import os, signal, sys
from cchc_desktop.cli import main
when, at = sys.argv[1], int(sys.argv[2])
real, count = os.replace, 0
def replace(src, dst):
    global count
    count += 1
    if when == "before" and count == at:
        os.kill(os.getpid(), signal.SIGKILL)
    real(src, dst)
    if when == "after" and count == at:
        os.kill(os.getpid(), signal.SIGKILL)
os.replace = replace
sys.exit(main(sys.argv[3:]))
"""


def changed_plan(db: Path) -> None:
    """The plan edited so that every file of its next export differs from the last."""
    from cchc_desktop.store.database import open_database
    from cchc_desktop.store.repository import Repository

    repo = Repository(open_database(db))
    plan = repo.plan(1)
    plan.tasks[0].title += " — bản mới"
    repo.save_plan(plan)
    repo.db.close()


def whole_old_or_whole_new(folder: Path, old: dict[str, bytes]) -> str:
    from cchc_desktop.documents.verify import check_document

    assert sorted(p.name for p in folder.iterdir()) == sorted(old), "leftovers or missing files"
    same = {name for name in old if (folder / name).read_bytes() == old[name]}
    if same == set(old):
        return "old"
    assert not same, f"a mix of old and new files: old {sorted(same)}"
    for name in old:
        check_document(folder / name, name)
    return "new"


def test_an_export_killed_at_any_moment_leaves_the_whole_old_or_whole_new_package(tmp_path):
    """Killed during an export, 8 of 25 runs used to leave temporary files and 8 a new .docx
    beside an old .pdf. Each run here is killed at a different step (before a file move, after
    the last, and a few at random times); the next export or start puts the folder right."""
    from cchc_desktop.documents.safe_write import remove_leftovers

    base = tmp_path / "mau"
    assert cchc("sample", "--out", str(base), "--no-pdf", "--zip").returncode == 0
    old = {p.name: p.read_bytes() for p in base.glob("KH-*")}
    changed_plan(base / "cchc.sqlite")
    export = ["export", "--db", str(base / "cchc.sqlite"), "--plan", "1", "--zip", "--force"]
    # The .docx, .xlsx and .zip each moved out of their own staging folder (moves 1-3), then
    # each old file moved aside and its new one in (4-9); the last moment to kill is after
    # move 9, before the set is marked complete.
    kills = [("before", n) for n in (1, 4, 5, 7, 9)] + [("after", 9)]
    runs = []
    for i, (when, at) in enumerate(kills):
        folder = tmp_path / f"lan-{i}"
        folder.mkdir()
        for name, data in old.items():
            (folder / name).write_bytes(data)
        command = [sys.executable, "-c", KILL_AT_REPLACE, when, str(at), *export, "--no-pdf"]
        runs.append((folder, subprocess.Popen([*command, "--out", str(folder)], cwd=ROOT,
                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)))  # fmt: skip
    rng = random.Random(12)
    for i in range(3):  # killed from outside, with the PDF, at a random moment
        folder = tmp_path / f"ngau-nhien-{i}"
        folder.mkdir()
        for name, data in old.items():
            (folder / name).write_bytes(data)
        runs.append((folder, subprocess.Popen(
            [sys.executable, "-m", "cchc_desktop.cli", *export, "--no-pdf", "--out", str(folder)],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )))  # fmt: skip
        time.sleep(rng.uniform(0.4, 1.4))
        os.kill(runs[-1][1].pid, signal.SIGKILL)
    outcomes = []
    for folder, process in runs:
        assert process.wait(timeout=120) in (0, -signal.SIGKILL)
        remove_leftovers(folder)
        outcomes.append(whole_old_or_whole_new(folder, old))
    assert outcomes[: len(kills)] == ["old"] * len(kills)  # killed before the end: old set back
