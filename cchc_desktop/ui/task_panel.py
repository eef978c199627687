"""TaskPanel: the side panel of the selected task — status with its reason, results counted in
their units, evidence, notes, and the dated history of changes. It edits nothing itself: it
emits the edited task, which the tracker turns into one undoable command."""

from __future__ import annotations

import copy
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidgetItem, QSpinBox, QWidget

from cchc_desktop.core.model import STATUS_LABELS, ResultCount, Task, TaskStatus
from cchc_desktop.core.text import nfc
from cchc_desktop.core.tracking import (
    RESULT_UNITS,
    HistoryEntry,
    TrackedTask,
    due_text,
    merge_results,
    normal_unit,
    parse_results,
    results_text,
)
from cchc_desktop.ui.forms.ui_task_panel import Ui_TaskPanel

EMPTY_PAGE, TASK_PAGE = 0, 1
SPIN_COMMIT_MS = 700  # arrows clicked in a row make one change, not one per click
OVERDUE_STYLE = "color: #a4161a; font-weight: bold;"
HINT_STYLE = "color: #8a4b00;"


def canonical(results: Sequence[ResultCount]) -> list[ResultCount]:
    """Results as the panel writes them: the usual units first, then the others."""
    merged = merge_results(results)
    order = {u: i for i, u in enumerate(RESULT_UNITS)}
    return sorted(merged, key=lambda r: order.get(r.unit, len(order)))


class TaskPanel(QWidget):
    edited = Signal(object)  # the Task with the panel's values, when they differ
    failed = Signal(str)  # what the officer typed cannot be read (e.g. "mười tin")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_TaskPanel()
        self.ui.setupUi(self)
        self.tracked: TrackedTask | None = None
        self.overdue = False
        self._loading = False
        title_font = QFont(self.ui.titleLabel.font())
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.1)
        self.ui.titleLabel.setFont(title_font)
        self.ui.overdueLabel.setStyleSheet(OVERDUE_STYLE)
        self.ui.reasonHint.setStyleSheet(HINT_STYLE)
        for status in TaskStatus:
            self.ui.statusCombo.addItem(STATUS_LABELS[status], status.value)

        self.spins: dict[str, QSpinBox] = {}
        grid = self.ui.resultsGrid
        for i, unit in enumerate(RESULT_UNITS):
            spin = QSpinBox(self.ui.resultsGroup)
            spin.setRange(0, 9_999_999)
            spin.setGroupSeparatorShown(True)
            spin.setAccelerated(True)
            spin.setObjectName(f"result_{i}")
            label = QLabel(f"{unit[:1].upper()}{unit[1:]}:", self.ui.resultsGroup)
            label.setBuddy(spin)
            grid.addWidget(label, i, 0)
            grid.addWidget(spin, i, 1)
            self.spins[unit] = spin
            spin.valueChanged.connect(self._spin_changed)
            spin.editingFinished.connect(self.commit)
        row = len(RESULT_UNITS)
        other_label = QLabel("Khác:", self.ui.resultsGroup)
        self.other = QLineEdit(self.ui.resultsGroup)
        self.other.setObjectName("otherResults")
        self.other.setPlaceholderText("ví dụ: 8 băng rôn; 500 tờ gấp")
        other_label.setBuddy(self.other)
        grid.addWidget(other_label, row, 0)
        grid.addWidget(self.other, row, 1)
        self.other.editingFinished.connect(self.commit)

        self._spin_timer = QTimer(self)
        self._spin_timer.setSingleShot(True)
        self._spin_timer.setInterval(SPIN_COMMIT_MS)
        self._spin_timer.timeout.connect(self.commit)
        self.ui.statusCombo.activated.connect(self._status_chosen)
        self.ui.reasonEdit.editingFinished.connect(self.commit)
        self.ui.reasonEdit.textChanged.connect(self._update_hint)
        for edit in (self.ui.evidenceEdit, self.ui.notesEdit):
            edit.installEventFilter(self)
        self.show_task(None)

    def set_read_only(self, read_only: bool) -> None:
        """Shown, not editable (a file opened read-only)."""
        for widget in (self.ui.statusCombo, *self.spins.values()):
            widget.setEnabled(not read_only)
        for edit in (self.other, self.ui.reasonEdit, self.ui.evidenceEdit, self.ui.notesEdit):
            edit.setReadOnly(read_only)

    # showing ---------------------------------------------------------------------------

    def show_task(
        self,
        tracked: TrackedTask | None,
        number: int = 0,
        overdue: bool = False,
        history: Sequence[HistoryEntry] = (),
    ) -> None:
        """Fill the panel from a saved task (None: the "choose a task" page)."""
        self._spin_timer.stop()
        previous = self.tracked
        self.tracked, self.overdue = tracked, overdue
        if tracked is None:
            self.ui.panelStack.setCurrentIndex(EMPTY_PAGE)
            return
        self._loading = True
        try:
            task = tracked.task
            if previous is None or previous.id != tracked.id:
                self.ui.scrollArea.verticalScrollBar().setValue(0)  # another task: from the top
            self.ui.panelStack.setCurrentIndex(TASK_PAGE)
            self.ui.titleLabel.setText(f"{number}. {task.title}" if number else task.title)
            self.ui.detailsLabel.setText("\n".join(f"- {d}" for d in task.details))
            self.ui.detailsLabel.setVisible(bool(task.details))
            when = " → ".join(t for t in (task.start_text, task.finish_text) if t) or "—"
            meta = [
                f"<b>Sản phẩm:</b> {_html(task.output) or '—'}",
                f"<b>Chủ trì:</b> {_html(task.lead_unit) or '—'}",
                f"<b>Phối hợp:</b> {_html(task.supporting_units) or '—'}",
                f"<b>Thời gian:</b> {_html(when)}",
                f"<b>Hạn:</b> {due_text(tracked.due) or 'chưa xác định'}",
            ]
            self.ui.metaLabel.setText("<br>".join(meta))
            self.ui.overdueLabel.setVisible(overdue)
            self.ui.overdueLabel.setText(
                f"⚠ Quá hạn: hạn hoàn thành {due_text(tracked.due)} đã qua." if overdue else ""
            )
            self.ui.statusCombo.setCurrentIndex(self.ui.statusCombo.findData(task.status.value))
            self.ui.reasonEdit.setText(task.reason)
            known = {normal_unit(u) for u in RESULT_UNITS}
            for unit, spin in self.spins.items():
                spin.setValue(sum(r.count for r in task.results if normal_unit(r.unit) == unit))
            self.other.setText(
                results_text([r for r in task.results if normal_unit(r.unit) not in known])
            )
            _set_plain(self.ui.evidenceEdit, task.evidence)
            _set_plain(self.ui.notesEdit, task.notes)
            self.ui.historyList.clear()
            for entry in history:
                item = QListWidgetItem(f"{entry.when} — {entry.text}")
                item.setToolTip(f"{entry.when}\n{entry.old}\n→\n{entry.new}")
                self.ui.historyList.addItem(item)
            if not history:
                self.ui.historyList.addItem("Chưa có thay đổi nào được ghi.")
            self._update_hint()
        finally:
            self._loading = False

    def _update_hint(self) -> None:
        status = TaskStatus(self.ui.statusCombo.currentData() or TaskStatus.NOT_STARTED.value)
        reason = self.ui.reasonEdit.text().strip()
        if status is TaskStatus.DROPPED and not reason:
            hint = "Cần ghi lý do không thực hiện: báo cáo sẽ nêu lý do này."
        elif self.overdue and not reason:
            hint = "Nhiệm vụ đã quá hạn: ghi lý do chậm để đưa vào báo cáo."
        else:
            hint = ""
        self.ui.reasonHint.setText(hint)
        self.ui.reasonHint.setVisible(bool(hint))

    # editing ---------------------------------------------------------------------------

    def _status_chosen(self, _index: int) -> None:
        self._update_hint()
        if TaskStatus(self.ui.statusCombo.currentData()) is TaskStatus.DROPPED and not (
            self.ui.reasonEdit.text().strip()
        ):
            self.ui.reasonEdit.setFocus()
        self.commit()

    def _spin_changed(self, _value: int) -> None:
        if not self._loading:
            self._spin_timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and not self._loading:
            self.commit()
        return False

    def values(self) -> Task | None:
        """The shown task with the panel's values; None when nothing is shown or the other
        results cannot be read (``failed`` says why)."""
        if self.tracked is None:
            return None
        task = copy.deepcopy(self.tracked.task)
        try:
            others = parse_results(self.other.text())
        except ValueError as error:
            self.failed.emit(f"Kết quả «Khác»: {error}.")
            return None
        counted = [ResultCount(s.value(), unit) for unit, s in self.spins.items() if s.value()]
        results = canonical(counted + others)
        if results != canonical(task.results):
            task.results = results
        task.status = TaskStatus(self.ui.statusCombo.currentData())
        task.reason = _typed(task.reason, self.ui.reasonEdit.text())
        task.evidence = _typed(task.evidence, self.ui.evidenceEdit.toPlainText())
        task.notes = _typed(task.notes, self.ui.notesEdit.toPlainText())
        return task

    def commit(self) -> None:
        """Emit the edited task if the officer changed anything."""
        if self._loading or self.tracked is None:
            return
        self._spin_timer.stop()
        task = self.values()
        if task is not None and task != self.tracked.task:
            self.edited.emit(task)


def _typed(saved: str, shown: str) -> str:
    """What the officer typed, as the store keeps it (NFC, trimmed); the saved text when they
    differ only in that, so an untouched field never counts as an edit."""
    typed = nfc(shown.strip())
    return saved if typed == nfc(saved.strip()) else typed


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _set_plain(edit: object, text: str) -> None:
    if edit.toPlainText() != text:  # type: ignore[attr-defined]
        edit.setPlainText(text)  # type: ignore[attr-defined]
