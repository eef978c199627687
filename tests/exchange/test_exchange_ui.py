"""The two menu entries: Tệp → Mở gói kế hoạch… brings a plan in (asking when it is here
already), Tệp → Tổng hợp từ các đơn vị… consolidates with progress that can stop it; and the
window's export puts the tasks' history in the package."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox

from cchc_desktop.core.period import Period, PeriodKind
from cchc_desktop.documents.consolidate import report_path
from cchc_desktop.documents.plan_package import read_plan_file
from cchc_desktop.store.exchange import SamePlan
from cchc_desktop.ui import exchange_dialogs
from cchc_desktop.ui.app import start
from cchc_desktop.ui.exchange_dialogs import (
    ConsolidateDialog,
    ConsolidateWorker,
    consolidate_from_offices,
    open_package,
    run_consolidation,
)
from tests.exchange.conftest import AS_OF, department, minimal_package, plan_for, ward

STEM = "KH-tuyen-truyen-CCHC-6-thang-cuoi-2025-xa-Quyet-Thang"


@pytest.fixture(autouse=True)
def told(monkeypatch):
    """What the officer is shown; a question nobody expected fails the test."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda _p, title, text: shown.append((title, text))
    )
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text: shown.append((title, text)))
    monkeypatch.setattr(
        QMessageBox, "exec", lambda box: shown.append((box.windowTitle(), box.text())) or 0
    )

    def unexpected(*args, **kwargs):
        raise AssertionError(f"unexpected question: {[a for a in args if isinstance(a, str)]}")

    monkeypatch.setattr(QMessageBox, "question", unexpected)
    return shown


@pytest.fixture
def window(qtbot, private_data_dir):
    window = start(["cchc-desktop"])
    qtbot.addWidget(window)
    window.show()
    qtbot.mouseClick(window.ui.sampleButton, Qt.MouseButton.LeftButton)
    yield window
    window.repo.db.close()


@pytest.fixture
def package(window, tmp_path, monkeypatch, told):
    """The sample (tracked from August to November), with one more dated change made in the
    window, exported from the window: its appendix workbook (the .zip is an option the officer
    ticks)."""
    task = window.store.tracked_tasks(window.current_plan_id)[0].task
    task.evidence = "Công văn số 45/UBND-VHXH"
    window.store.update_task(window.current_plan_id, task)
    folder = tmp_path / "gui"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a: str(folder))
    window.ui.actionExportPackage.trigger()
    told.clear()
    return folder / f"{STEM}-phu-luc.xlsx"


def test_the_windows_export_carries_each_tasks_history(window, package):
    history = read_plan_file(package).history
    task = window.store.tracked_tasks(window.current_plan_id)[0].task
    stored = window.store.histories(window.current_plan_id)
    assert sum(map(len, history.values())) == sum(map(len, stored.values())) > 1
    last = history[task.uid][-1] if task.uid in history else None
    assert last is not None and (last.field, last.new) == ("evidence", "Công văn số 45/UBND-VHXH")


def test_both_entries_are_in_the_file_menu(window):
    texts = [a.text() for a in window.ui.menuFile.actions()]
    assert "Mở &gói kế hoạch…" in texts and "&Tổng hợp từ các đơn vị…" in texts
    assert window.ui.actionOpenPackage in window.write_actions
    assert window.ui.actionConsolidate not in window.write_actions  # it writes no data


def test_a_package_opened_from_the_menu_becomes_a_plan_with_its_tracking(
    qtbot, package, tmp_path, monkeypatch, told
):
    other = start(["cchc-desktop", "--db", str(tmp_path / "may-2.sqlite")])
    qtbot.addWidget(other)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(package), ""))
    other.ui.actionOpenPackage.trigger()
    [summary] = other.repo.plans()
    assert other.current_plan_id == summary.id
    title, text = told[-1]
    assert title == "Đã nhận kế hoạch" and "đã tạo hồ sơ cơ quan mới" in text
    lines = sum(map(len, read_plan_file(package).history.values()))
    assert f"{lines} dòng lịch sử" in text
    moved = other.store.histories(summary.id)
    assert sum(map(len, moved.values())) == lines
    other.repo.db.close()


@pytest.mark.parametrize(
    ("answer", "plans", "said"),
    [
        (None, 1, None),
        (SamePlan.REPLACE, 1, "Kế hoạch cũ ở máy này đã được thay."),
        (SamePlan.KEEP_BOTH, 2, "bản trong tệp là một kế hoạch riêng"),
    ],
)
def test_the_same_plan_again_is_asked_about(
    window, package, monkeypatch, told, answer, plans, said
):
    asked = []
    monkeypatch.setattr(
        exchange_dialogs, "ask_same_plan", lambda _p, title, plan_id: asked.append(title) or answer
    )
    result = open_package(window, window.repo, package)
    assert asked == ["Tuyên truyền cải cách hành chính 6 tháng cuối năm 2025"]
    assert len(window.repo.plans()) == plans
    assert (result is None) == (answer is None)
    if said:
        assert said in told[-1][1]


def test_the_question_offers_replace_keep_both_and_cancel(qtbot, monkeypatch):
    monkeypatch.undo()  # the real message box, answered by clicking
    answers = []
    for label in ("Thay bằng bản trong tệp", "Giữ cả hai", "Hủy"):

        def click(label=label):
            box = QApplication.activeModalWidget()
            next(b for b in box.buttons() if b.text() == label).click()

        QTimer.singleShot(0, click)
        answers.append(exchange_dialogs.ask_same_plan(None, "Kế hoạch", 3))
    assert answers == [SamePlan.REPLACE, SamePlan.KEEP_BOTH, None]


def test_a_damaged_package_is_said_and_nothing_changes(window, tmp_path, told):
    damaged = tmp_path / "hong.zip"
    damaged.write_bytes(b"PK\x03\x04 hong")
    assert open_package(window, window.repo, damaged) is None
    assert told[-1] == ("Không thực hiện được",
                        "Không đọc được tệp «hong.zip»: tệp bị hỏng, không phải tệp nén (.zip, "
                        ".xlsx) đọc được.")  # fmt: skip
    assert len(window.repo.plans()) == 1


def test_cancelling_the_file_choice_does_nothing(window, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    assert open_package(window, window.repo) is None


@pytest.fixture
def offices(tmp_path):
    folder = tmp_path / "nhan"
    folder.mkdir()
    for name in ("Thạch Khôi", "Lê Chân"):
        office = ward(name)
        minimal_package(folder, plan_for(office), office)
    return folder


def test_the_dialog_asks_for_packages_and_a_workbook_before_it_can_start(qtbot, offices, tmp_path):
    dialog = ConsolidateDialog("Sở Nội vụ", "", AS_OF)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.add_paths([offices, offices])
    assert dialog.sources.count() == 1 and ok.isEnabled()
    dialog.out.setText("")
    assert not ok.isEnabled()
    dialog.out.setText(str(tmp_path / "th.xlsx"))
    dialog.period.setCurrentIndex(1)
    dialog.expected.setText(str(tmp_path / "ds.txt"))
    assert dialog.options() == {
        "expected": tmp_path / "ds.txt",
        "period": Period(PeriodKind.SECOND_HALF, AS_OF.year),
        "issuer": "Sở Nội vụ",
        "signer": "",
    }
    dialog.sources.setCurrentRow(0)
    dialog.remove_selected()
    assert dialog.paths() == [] and not ok.isEnabled()


def test_consolidating_from_the_menu_writes_the_workbook_and_says_what_it_holds(
    window, offices, tmp_path, monkeypatch, told
):
    window.repo.save_office(department())  # an agency in the database consolidates by default
    out = tmp_path / "ket-qua" / "th.xlsx"

    def fill(dialog):
        assert dialog.issuer.text() == "Sở Khoa học và Công nghệ"
        assert dialog.signer.text() == "Nguyễn Văn An"
        dialog.add_paths([offices])
        dialog.out.setText(str(out))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ConsolidateDialog, "exec", fill)
    window.ui.actionConsolidate.trigger()
    assert out.is_file() and report_path(out).is_file()
    title, text = told[-1]
    assert title == "Đã tổng hợp" and "2 đơn vị đã gửi" in text and "• th.docx" in text


def test_existing_files_are_asked_about_before_anything_is_read(
    window, offices, tmp_path, monkeypatch
):
    out = tmp_path / "th.xlsx"
    out.write_bytes(b"old")
    asked = []

    def say(answer):
        def question(_p, _title, text, *a):
            asked.append(text)
            return answer

        return question

    def fill(dialog):
        dialog.add_paths([offices])
        dialog.out.setText(str(out))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ConsolidateDialog, "exec", fill)
    monkeypatch.setattr(QMessageBox, "question", say(QMessageBox.StandardButton.No))
    assert consolidate_from_offices(window, window.repo, AS_OF) is None
    assert "Đã có tệp th.xlsx" in asked[-1] and out.read_bytes() == b"old"
    out.chmod(0o444)
    assert consolidate_from_offices(window, window.repo, AS_OF) is None
    assert "chỉ đọc" in asked[-1]
    monkeypatch.setattr(QMessageBox, "question", say(QMessageBox.StandardButton.Yes))
    assert consolidate_from_offices(window, window.repo, AS_OF) is not None
    assert out.read_bytes() != b"old"


def test_stopping_the_consolidation_writes_nothing(qtbot, offices, tmp_path):
    out = tmp_path / "th.xlsx"
    worker = ConsolidateWorker([offices], out, {"as_of": AS_OF})
    failed = []
    # As the Dừng button does, but at once: the first file is not even read.
    worker.progressed.connect(lambda *a: worker.stop(), Qt.ConnectionType.DirectConnection)
    worker.failed.connect(failed.append)
    with qtbot.waitSignal(worker.finished, timeout=20000):
        worker.start()
    assert [type(e).__name__ for e in failed] == ["ConsolidationCancelled"]
    assert not out.exists()


def test_a_failed_consolidation_is_said(window, tmp_path, told):
    missing = tmp_path / "khong-co"
    assert run_consolidation(window, [missing], tmp_path / "th.xlsx", {"as_of": AS_OF}) is None
    assert told[-1][1] == f"Không tìm thấy tệp hoặc thư mục «{missing}»."


def test_choosing_files_folders_the_list_and_the_workbook(qtbot, offices, tmp_path, monkeypatch):
    dialog = ConsolidateDialog("Sở Nội vụ", "", AS_OF)
    qtbot.addWidget(dialog)
    files = [str(p) for p in sorted(offices.iterdir())]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (files, ""))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(offices))
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: (str(tmp_path / "ds.txt"), "")
    )
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "th"), ""))
    dialog.add_files()
    dialog.add_folder()
    dialog.choose_list()
    dialog.choose_out()
    assert dialog.paths() == [Path(f) for f in files] + [offices]
    assert dialog.expected.text() == str(tmp_path / "ds.txt")
    assert dialog.out.text() == str(tmp_path / "th.xlsx")


def test_stopped_behind_the_progress_dialog_nothing_is_written_or_said(
    window, offices, tmp_path, monkeypatch, told
):
    monkeypatch.setattr(ConsolidateWorker, "_progress", lambda self, *a: False)
    out = tmp_path / "th.xlsx"
    assert run_consolidation(window, [offices], out, {"as_of": AS_OF}) is None
    assert not out.exists() and told == []
