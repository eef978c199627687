"""Moving a plan to another PC: the package (.zip) or the appendix (.xlsx) alone carries the
plan, its office, its tracking and its dated history; `cchc import` brings them into another
database in one go, asks before it duplicates a plan, and the second PC then exports the same
appendix and tracking sheets as the first."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest

from cchc_desktop.cli import main, run
from cchc_desktop.core.model import PlanState, TaskStatus
from cchc_desktop.documents.plan_package import DATA_MEMBER, DATA_SHEET, read_plan_file
from cchc_desktop.store.database import open_database
from cchc_desktop.store.repository import Repository
from cchc_desktop.store.tracking import TaskStore
from tests.exchange.conftest import (
    at,
    department,
    history_of,
    plan_for,
    tracked_database,
    ward,
)

VISIBLE = ["Phụ lục", "Theo dõi"]


def export(db: Path, plan_id: int, out: Path) -> tuple[Path, Path]:
    """`cchc export --zip --no-pdf`: the package and the appendix workbook."""
    assert run(["export", "--db", str(db), "--plan", str(plan_id), "--out", str(out), "--zip",
                "--no-pdf", "--force"], at(15, 10)) == 0  # fmt: skip
    return next(out.glob("*.zip")), next(out.glob("*-phu-luc.xlsx"))


def cells(workbook_path: Path) -> dict[str, list[tuple[object, ...]]]:
    workbook = openpyxl.load_workbook(workbook_path)
    return {name: list(workbook[name].iter_rows(values_only=True)) for name in VISIBLE}


def tracking(repo: Repository, plan_id: int) -> list[tuple[object, ...]]:
    return [
        (t.task.uid, t.task.title, t.task.status, t.task.results, t.task.evidence, t.task.notes,
         t.task.reason, t.due, t.task.chosen)
        for t in TaskStore(repo).tracked_tasks(plan_id, chosen_only=False)
    ]  # fmt: skip


def db_path(repo: Repository) -> Path:
    return Path(repo.conn.execute("PRAGMA database_list").fetchone()[2])


@pytest.fixture
def sent(first_pc, tmp_path):
    repo, plan_id = first_pc
    return export(db_path(repo), plan_id, tmp_path / "gui")


def test_the_zip_and_the_appendix_each_carry_the_plan_its_tracking_and_history(first_pc, sent):
    repo, plan_id = first_pc
    package, appendix = sent
    with zipfile.ZipFile(package) as archive:
        assert DATA_MEMBER in archive.namelist()
        document = json.loads(archive.read(DATA_MEMBER))
    assert document["type"] == "cchc-desktop/ke-hoach" and document["version"] == 1
    assert "id" not in document["plan"] and document["plan"]["office_id"] is None
    from_zip, from_xlsx = read_plan_file(package), read_plan_file(appendix)
    for data in (from_zip, from_xlsx):
        assert data.plan.uid == repo.plan(plan_id).uid
        assert data.office.name == "Quyết Thắng"
        assert {uid: [(e.changed_at, e.field, e.old, e.new) for e in lines]
                for uid, lines in data.history.items()} == history_of(repo, plan_id)  # fmt: skip
    assert from_zip.plan == from_xlsx.plan and from_zip.office == from_xlsx.office
    workbook = openpyxl.load_workbook(appendix)
    assert workbook.sheetnames == [*VISIBLE, DATA_SHEET]
    assert workbook[DATA_SHEET].sheet_state == "veryHidden"
    assert [ws.title for ws in workbook.worksheets if ws.sheet_state == "visible"] == VISIBLE


@pytest.mark.parametrize("kind", ["zip", "xlsx"])
def test_a_moved_plan_exports_the_same_appendix_and_tracking_sheets(
    first_pc, sent, tmp_path, kind, capsys
):
    repo, plan_id = first_pc
    package, appendix = sent
    second = tmp_path / "may-2.sqlite"
    assert main(["import", str(package if kind == "zip" else appendix), "--db", str(second)]) == 0
    said = capsys.readouterr().out
    assert "Đã tạo hồ sơ cơ quan: Ủy ban nhân dân xã Quyết Thắng" in said
    assert "dòng lịch sử" in said

    moved = Repository(open_database(second, create=False))
    [summary] = moved.plans()
    assert tracking(moved, summary.id) == tracking(repo, plan_id)
    assert history_of(moved, summary.id) == history_of(repo, plan_id)
    _, again = export(second, summary.id, tmp_path / "gui-2")
    assert cells(again) == cells(appendix)
    moved.close()


def test_libreoffice_resaving_the_appendix_keeps_the_plan_movable(first_pc, sent, tmp_path):
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    _, appendix = sent
    out = tmp_path / "lo"
    subprocess.run(
        [soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--convert-to", "xlsx", "--outdir", str(out), str(appendix)],
        capture_output=True, timeout=180, check=True,
    )  # fmt: skip
    resaved = out / appendix.name
    assert resaved.read_bytes() != appendix.read_bytes()
    assert read_plan_file(resaved).plan == read_plan_file(appendix).plan


def test_the_same_plan_again_is_refused_until_told_to_replace_or_keep_both(
    first_pc, sent, tmp_path, capsys
):
    package, _ = sent
    second = tmp_path / "may-2.sqlite"
    assert main(["import", str(package), "--db", str(second)]) == 0
    repo = Repository(open_database(second), at(1, 10))
    [summary] = repo.plans()
    store = TaskStore(repo)
    edited = store.tracked_tasks(summary.id)[1].task
    edited.status = TaskStatus.DROPPED
    edited.reason = "Không bố trí được kinh phí"
    store.update_task(summary.id, edited)
    before = tracking(repo, summary.id)
    capsys.readouterr()

    assert main(["import", str(package), "--db", str(second)]) == 1
    error = capsys.readouterr().err
    assert "đã có trong dữ liệu này (kế hoạch số 1)" in error
    assert "--replace" in error and "--keep-both" in error and "Chưa ghi gì" in error
    assert len(repo.plans()) == 1 and tracking(repo, summary.id) == before

    assert main(["import", str(package), "--db", str(second), "--replace"]) == 0
    assert "đã thay kế hoạch cũ" in capsys.readouterr().out
    [replaced] = repo.plans()
    task = (
        TaskStore(repo)
        .tracked_task(
            next(
                t.id for t in TaskStore(repo).tracked_tasks(replaced.id) if t.task.uid == edited.uid
            )
        )
        .task
    )
    assert task.status is not TaskStatus.DROPPED and task.reason == ""
    assert history_of(repo, replaced.id) == {
        uid: [(e.changed_at, e.field, e.old, e.new) for e in lines]
        for uid, lines in read_plan_file(package).history.items()
    }

    assert main(["import", str(package), "--db", str(second), "--keep-both"]) == 0
    plans = [repo.plan(s.id) for s in repo.plans()]
    assert len(plans) == 2 and plans[0].uid != plans[1].uid
    assert {t.uid for t in plans[0].tasks}.isdisjoint(t.uid for t in plans[1].tasks)
    assert [len(v) for v in history_of(repo, plans[0].id).values()] == [
        len(v) for v in history_of(repo, plans[1].id).values()
    ]
    assert [t.status for t in plans[0].tasks] == [t.status for t in plans[1].tasks]
    repo.close()


def test_the_office_is_found_by_uid_or_by_its_kind_and_name(tmp_path, capsys):
    office = ward()
    first, plan_id = tracked_database(tmp_path / "phuong.sqlite", plan_for(office), office)
    package, _ = export(db_path(first), plan_id, tmp_path / "gui")

    second = tmp_path / "may-2.sqlite"
    other = Repository(open_database(second))
    same_name = ward()  # typed again on the new PC: another uid, the same ward
    same_name.report_deadline_day = 5
    other.save_office(same_name)
    assert main(["import", str(package), "--db", str(second)]) == 0
    said = capsys.readouterr()
    assert "Cơ quan: Ủy ban nhân dân phường Thạch Khôi" in said.out
    assert "khác hồ sơ trong tệp; giữ hồ sơ ở máy này" in said.err
    assert len(other.offices()) == 1
    [summary] = other.plans()
    assert summary.office_id == same_name.id
    other.close()
    first.close()


def test_a_department_plan_creates_its_agency_office(tmp_path, capsys):
    office = department()
    first, plan_id = tracked_database(tmp_path / "so.sqlite", plan_for(office), office)
    package, _ = export(db_path(first), plan_id, tmp_path / "gui")
    second = tmp_path / "may-2.sqlite"
    assert main(["import", str(package), "--db", str(second)]) == 0
    assert "Đã tạo hồ sơ cơ quan: Sở Khoa học và Công nghệ" in capsys.readouterr().out
    moved = Repository(open_database(second, create=False))
    [created] = moved.offices()
    assert created.uid == office.uid
    assert created.governing_body == "Ủy ban nhân dân thành phố Hải Phòng"
    moved.close()
    first.close()


def test_an_issued_plan_moves_with_its_signed_version(first_pc, tmp_path):
    from datetime import date

    repo, plan_id = first_pc
    repo.record_issue(plan_id, "17", date(2025, 8, 5))
    package, _ = export(db_path(repo), plan_id, tmp_path / "gui")
    second = tmp_path / "may-2.sqlite"
    assert main(["import", str(package), "--db", str(second)]) == 0
    moved = Repository(open_database(second, create=False))
    [summary] = moved.plans()
    assert summary.state is PlanState.ISSUED and summary.number == "17"
    [version] = moved.versions(summary.id)
    assert version.number == "17"
    moved.close()


def test_a_package_cannot_become_a_template(sent, tmp_path, capsys):
    package, _ = sent
    target = tmp_path / "may-2.sqlite"
    assert main(["import", str(package), "--db", str(target), "--template", "Mẫu"]) == 2
    assert "chỉ văn bản Word mới nhập làm mẫu được" in capsys.readouterr().err
    assert not target.exists()


def test_a_task_uid_another_plan_holds_here_takes_a_new_one_with_its_history(
    first_pc, sent, tmp_path
):
    package, _ = sent
    data = read_plan_file(package)
    busy_uid = max(data.history, key=lambda uid: len(data.history[uid]))
    second = Repository(open_database(tmp_path / "may-2.sqlite"), at(1, 10))
    office = ward()
    second.save_office(office)
    other = plan_for(office)
    other.office_id = office.id
    other.tasks[0].uid = busy_uid  # a task copied by hand into another plan
    second.save_plan(other)
    assert main(["import", str(package), "--db", str(db_path(second))]) == 0
    moved = next(s.id for s in second.plans() if s.id != other.id)
    history = history_of(second, moved)
    assert busy_uid not in history and len(history) == len(data.history)
    assert sorted(len(v) for v in history.values()) == sorted(len(v) for v in data.history.values())
    second.close()


def test_a_failure_half_way_leaves_the_database_as_it_was(first_pc, sent, tmp_path, monkeypatch):
    from cchc_desktop.documents.plan_package import import_plan_data
    from cchc_desktop.errors import StoreError

    package, _ = sent
    second = Repository(open_database(tmp_path / "may-2.sqlite"), at(1, 10))
    saving = Repository.save_plan

    def save_then_fail(self, plan, **kwargs):
        saving(self, plan, **kwargs)  # the office and the plan are written, then the disk fails
        raise StoreError("Ổ đĩa đã đầy")

    monkeypatch.setattr(Repository, "save_plan", save_then_fail)
    with pytest.raises(StoreError):
        import_plan_data(read_plan_file(package), second, None)
    assert second.offices() == [] and second.plans() == []
    assert second.conn.execute("SELECT COUNT(*) FROM tasks").fetchone()[0] == 0
    second.close()
