"""Tệp → Mở gói kế hoạch… and Tệp → Tổng hợp từ các đơn vị…: choosing the files, asking what
to do with a plan that is here already, and showing what was done. The work is
documents/plan_package.py and documents/consolidate.py; a consolidation runs off the window's
thread behind a progress dialog that can stop it.

The main window calls ``open_package(parent, repo)`` (the new plan's id, or None) and
``consolidate_from_offices(parent, repo, today)``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEventLoop, Qt, QThread, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cchc_desktop.core import office as office_words
from cchc_desktop.core.period import Period, PeriodKind
from cchc_desktop.errors import CchcError, ConsolidationCancelled, ReadOnlyTargetError
from cchc_desktop.store.exchange import SamePlan, stored_plan
from cchc_desktop.store.repository import Repository
from cchc_desktop.ui.export_flow import busy
from cchc_desktop.ui.messages import show_error
from cchc_desktop.ui.settings import EXPORT_FOLDER, IMPORT_FOLDER

if TYPE_CHECKING:
    from cchc_desktop.documents.consolidate import ConsolidationResult

PACKAGE_FILTER = "Gói kế hoạch, tệp phụ lục (*.zip *.xlsx);;Mọi tệp (*)"
LIST_FILTER = "Danh sách đơn vị (*.txt *.xlsx);;Mọi tệp (*)"
SHOWN_NOTES = 12  # files left out named in the closing message; the workbook lists them all


# --- moving a plan in ---------------------------------------------------------------------


def ask_same_plan(parent: QWidget | None, title: str, plan_id: int) -> SamePlan | None:
    """The plan is here already: replace it, keep both, or stop (None)."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Kế hoạch đã có",
        f"Kế hoạch «{title}» đã có ở máy này (kế hoạch số {plan_id}).\n\n"
        "Thay bằng bản trong tệp: kế hoạch ở máy này, cùng việc theo dõi và lịch sử của nó, "
        "được thay bằng bản trong tệp.\nGiữ cả hai: bản trong tệp được thêm thành một kế "
        "hoạch riêng.",
        parent=parent,
    )
    replace = box.addButton("Thay bằng bản trong tệp", QMessageBox.ButtonRole.AcceptRole)
    both = box.addButton("Giữ cả hai", QMessageBox.ButtonRole.ActionRole)
    box.addButton("Hủy", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    clicked = box.clickedButton()
    return (
        SamePlan.REPLACE if clicked is replace else SamePlan.KEEP_BOTH if clicked is both else None
    )


def open_package(parent: QWidget | None, repo: Repository, path: Path | None = None) -> int | None:
    """The whole of Tệp → Mở gói kế hoạch…: choose the file, read and check it, ask about a
    plan already here, save it with its tracking. Returns the plan's id (None: cancelled or
    refused, the reason shown)."""
    from cchc_desktop.documents.plan_package import import_plan_data, read_plan_file

    if path is None:
        chosen, _ = QFileDialog.getOpenFileName(
            parent, "Mở gói kế hoạch", IMPORT_FOLDER.get(), PACKAGE_FILTER
        )
        if not chosen:
            return None
        path = Path(chosen)
        IMPORT_FOLDER.set(str(path.parent))
    try:
        with busy():
            data = read_plan_file(path)
    except CchcError as error:
        show_error(parent, error)
        return None
    choice = None
    found = stored_plan(repo, data.plan.uid)
    if found is not None:
        choice = ask_same_plan(parent, found[1] or data.plan.title, found[0])
        if choice is None:
            return None
    try:
        with busy():
            moved = import_plan_data(data, repo, choice)
    except CchcError as error:
        show_error(parent, error)
        return None
    who = office_words.formal_name(moved.office)
    note = "đã tạo hồ sơ cơ quan mới" if moved.office_created else "thuộc hồ sơ cơ quan có sẵn"
    text = (
        f"Đã nhận kế hoạch «{moved.plan.title}» của {who} ({note}): "
        f"{len(moved.plan.chosen_tasks)} nhiệm vụ cùng việc theo dõi, {moved.history_lines} "
        "dòng lịch sử."
    )
    if moved.replaced:
        text += "\nKế hoạch cũ ở máy này đã được thay."
    if moved.kept_both:
        text += "\nKế hoạch cũ ở máy này vẫn giữ; bản trong tệp là một kế hoạch riêng."
    if moved.warnings:
        text += "\n\nLưu ý:\n" + "\n".join(f"• {w}" for w in moved.warnings)
    QMessageBox.information(parent, "Đã nhận kế hoạch", text)
    return moved.plan_id


# --- consolidating -------------------------------------------------------------------------


class ConsolidateDialog(QDialog):
    """What to consolidate: the packages (files or folders), the list of offices expected,
    the period, who consolidates and signs, and the workbook to write."""

    def __init__(
        self, issuer: str, signer: str, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Tổng hợp từ các đơn vị")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Các gói kế hoạch (.zip) hoặc tệp phụ lục (.xlsx) đơn vị gửi lên:"))
        self.sources = QListWidget()
        self.sources.setObjectName("sources")
        layout.addWidget(self.sources)
        row = QHBoxLayout()
        for text, slot in (("Thêm &tệp…", self.add_files), ("Thêm thư &mục…", self.add_folder),
                           ("&Bỏ khỏi danh sách", self.remove_selected)):  # fmt: skip
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch()
        layout.addLayout(row)

        form = QFormLayout()
        self.expected = QLineEdit()
        self.expected.setObjectName("expected")
        self.expected.setPlaceholderText("không bắt buộc: .txt mỗi dòng một đơn vị, hoặc .xlsx")
        form.addRow(
            "Danh sách đơn vị phải gửi:", self._with_button(self.expected, self.choose_list)
        )
        self.period = QComboBox()
        self.period.setObjectName("period")
        self.period.addItem("Kỳ của đa số gói", None)
        for year in (today.year, today.year - 1):
            for kind in (PeriodKind.SECOND_HALF, PeriodKind.FIRST_HALF, PeriodKind.YEAR):
                period = Period(kind, year)
                self.period.addItem(period.label[:1].upper() + period.label[1:], period)
        form.addRow("Kỳ kế hoạch:", self.period)
        self.issuer = QLineEdit(issuer)
        self.issuer.setObjectName("issuer")
        form.addRow("Cơ quan tổng hợp:", self.issuer)
        self.signer = QLineEdit(signer)
        self.signer.setObjectName("signer")
        form.addRow("Người ký báo cáo:", self.signer)
        self.out = QLineEdit(
            str(Path(EXPORT_FOLDER.get()) / f"tong-hop-cchc-{today:%Y-%m-%d}.xlsx")
        )
        self.out.setObjectName("out")
        form.addRow("Ghi bảng tổng hợp vào:", self._with_button(self.out, self.choose_out))
        layout.addLayout(form)
        layout.addWidget(QLabel("Dự thảo báo cáo (.docx) được ghi bên cạnh bảng tổng hợp."))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Tổng hợp")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for changed in (self.sources.model().rowsInserted, self.sources.model().rowsRemoved,
                        self.out.textChanged):  # fmt: skip
            changed.connect(self._update)
        self._update()
        self.resize(680, 480)

    def _with_button(self, edit: QLineEdit, slot: Any) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit)
        button = QPushButton("Chọn…")
        button.clicked.connect(slot)
        row.addWidget(button)
        return box

    def _update(self) -> None:
        ready = self.sources.count() > 0 and bool(self.out.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def add_paths(self, paths: list[Path]) -> None:
        known = set(self.paths())
        for path in paths:
            if path not in known:
                self.sources.addItem(str(path))
                known.add(path)

    def add_files(self) -> None:
        chosen, _ = QFileDialog.getOpenFileNames(
            self, "Chọn các gói kế hoạch", IMPORT_FOLDER.get(), PACKAGE_FILTER
        )
        if chosen:
            IMPORT_FOLDER.set(str(Path(chosen[0]).parent))
            self.add_paths([Path(p) for p in chosen])

    def add_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, "Chọn thư mục chứa các gói kế hoạch", IMPORT_FOLDER.get()
        )
        if chosen:
            IMPORT_FOLDER.set(chosen)
            self.add_paths([Path(chosen)])

    def remove_selected(self) -> None:
        for item in self.sources.selectedItems():
            self.sources.takeItem(self.sources.row(item))

    def choose_list(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, "Danh sách đơn vị phải gửi", IMPORT_FOLDER.get(), LIST_FILTER
        )
        if chosen:
            self.expected.setText(chosen)

    def choose_out(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, "Ghi bảng tổng hợp", self.out.text(), "Bảng tính Excel (*.xlsx)"
        )
        if chosen:
            self.out.setText(chosen if chosen.lower().endswith(".xlsx") else f"{chosen}.xlsx")

    def paths(self) -> list[Path]:
        return [Path(self.sources.item(i).text()) for i in range(self.sources.count())]

    def options(self) -> dict[str, Any]:
        """The keyword arguments of ``consolidate`` the officer chose."""
        expected = self.expected.text().strip()
        return {
            "expected": Path(expected) if expected else None,
            "period": self.period.currentData(),
            "issuer": self.issuer.text().strip() or "Sở Nội vụ",
            "signer": self.signer.text().strip(),
        }


class ConsolidateWorker(QThread):
    """Runs one consolidation off the window's thread; ``stop`` ends it at the next file."""

    progressed = Signal(int, int, str)
    done = Signal(object)  # ConsolidationResult
    failed = Signal(object)  # an exception

    def __init__(self, sources: list[Path], out: Path, options: dict[str, Any],
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.sources, self.out, self.options = sources, out, options
        self.stopped = False

    def stop(self) -> None:
        self.stopped = True

    def _progress(self, done: int, total: int, what: str) -> bool:
        self.progressed.emit(done, total, what)
        return not self.stopped

    def run(self) -> None:
        from cchc_desktop.documents.consolidate import consolidate

        try:
            self.done.emit(
                consolidate(self.sources, self.out, progress=self._progress, **self.options)
            )
        except Exception as error:
            self.failed.emit(error)


def _confirm(parent: QWidget | None, question: str) -> bool:
    answer = QMessageBox.question(
        parent, "Ghi đè tệp?", question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )  # fmt: skip
    return answer == QMessageBox.StandardButton.Yes


def _replacing(parent: QWidget | None, out: Path) -> dict[str, bool] | None:
    """Before anything is read: files already there asked about (read-only ones by name);
    the ``consolidate`` arguments that allow replacing them, or None when the officer says no."""
    from cchc_desktop.documents.consolidate import report_path
    from cchc_desktop.documents.safe_write import refuse_read_only

    targets = [out, report_path(out)]
    existing = [p for p in targets if p.exists()]
    if not existing:
        return {}
    try:
        refuse_read_only(existing, allowed=False)
    except ReadOnlyTargetError as locked:
        if not _confirm(parent, f"{locked.message}\n\nVẫn ghi đè?"):
            return None
        return {"overwrite": True, "replace_read_only": True}
    names = ", ".join(p.name for p in existing)
    if not _confirm(parent, f"Đã có tệp {names}. Ghi đè bằng bản tổng hợp mới?"):
        return None
    return {"overwrite": True}


def run_consolidation(
    parent: QWidget | None, sources: list[Path], out: Path, options: dict[str, Any]
) -> ConsolidationResult | None:
    """The consolidation behind a progress dialog; its result, or None when stopped or failed
    (the reason shown)."""
    progress = QProgressDialog("Đang tìm các gói kế hoạch…", "Dừng", 0, 0, parent)
    progress.setWindowTitle("Tổng hợp từ các đơn vị")
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setAutoClose(False)
    progress.setAutoReset(False)
    progress.setMinimumDuration(300)
    worker = ConsolidateWorker(sources, out, options, parent)
    outcome: dict[str, Any] = {}

    def step(done: int, total: int, what: str) -> None:
        progress.setMaximum(total)
        progress.setValue(done)
        progress.setLabelText(f"{what}\n({done}/{total} tệp)")

    worker.progressed.connect(step)
    worker.done.connect(lambda result: outcome.__setitem__("result", result))
    worker.failed.connect(lambda error: outcome.__setitem__("error", error))
    progress.canceled.connect(worker.stop)
    loop = QEventLoop()
    worker.finished.connect(loop.quit)
    worker.start()
    loop.exec()
    worker.wait()
    progress.close()
    progress.deleteLater()
    worker.deleteLater()
    error = outcome.get("error")
    if isinstance(error, ConsolidationCancelled):
        return None
    if error is not None:
        show_error(parent, error)
        return None
    result: ConsolidationResult = outcome["result"]
    return result


def _default_issuer(repo: Repository) -> tuple[str, str]:
    """An agency kept in this database consolidates (its name and signer); else the Sở Nội vụ."""
    agency = next((o for o in repo.offices() if not o.kind.is_commune), None)
    if agency is None:
        return "Sở Nội vụ", ""
    return office_words.full_name(agency), agency.signers[0].name if agency.signers else ""


def show_result(parent: QWidget | None, result: ConsolidationResult) -> None:
    whole = result.whole
    c = whole.counts
    period = whole.selection.period
    sent = (
        f"{len(whole.counted)} đơn vị đã gửi"
        if whole.missing is None
        else f"{whole.sent_of_expected}/{whole.expected} đơn vị trong danh sách đã gửi, "
        f"{len(whole.missing)} chưa gửi"
    )
    lines = [
        f"Tổng hợp {period.label if period else ''}: {sent}.",
        f"{c.total} nhiệm vụ: {c.done} hoàn thành, {c.in_progress} đang thực hiện, "
        f"{c.not_started} chưa thực hiện, {c.overdue} quá hạn.",
        "",
        "Đã ghi:",
        *(f"• {p.name}" for p in result.files),
    ]
    notes = [*result.notes, *result.warnings]
    if notes:
        lines += ["", f"Không tổng hợp ({len(result.notes)} tệp; xem trang «Không tổng hợp»):"]
        lines += [f"• {n}" for n in notes[:SHOWN_NOTES]]
        if len(notes) > SHOWN_NOTES:
            lines.append(f"… và {len(notes) - SHOWN_NOTES} dòng nữa.")
    box = QMessageBox(QMessageBox.Icon.Information, "Đã tổng hợp", "\n".join(lines), parent=parent)
    workbook = box.addButton("Mở bảng tổng hợp", QMessageBox.ButtonRole.AcceptRole)
    folder = box.addButton("Mở thư mục", QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is workbook:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.files[0])))
    elif box.clickedButton() is folder:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.files[0].parent)))


def consolidate_from_offices(
    parent: QWidget | None, repo: Repository, today: date
) -> ConsolidationResult | None:
    """The whole of Tệp → Tổng hợp từ các đơn vị…: choose, confirm replacing, consolidate with
    progress, show what came of it. Returns the result (None: cancelled, stopped or failed)."""
    issuer, signer = _default_issuer(repo)
    dialog = ConsolidateDialog(issuer, signer, today, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    out = Path(dialog.out.text().strip())
    allowed = _replacing(parent, out)
    if allowed is None:
        return None
    result = run_consolidation(
        parent, dialog.paths(), out, {**dialog.options(), "as_of": today, **allowed}
    )
    if result is not None:
        EXPORT_FOLDER.set(str(out.parent))
        show_result(parent, result)
    return result
