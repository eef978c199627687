"""TaskTracker: the "Nhiệm vụ" tab — tallies and the next report deadline, the filters and the
search, the task table and the side panel of the selected task. Wires; the rules are in core."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from cchc_desktop.core.deadlines import ReportPeriod, next_deadline
from cchc_desktop.core.model import Office, Plan, Task, TaskStatus
from cchc_desktop.core.text import fold
from cchc_desktop.core.tracking import TimeWindow, time_windows
from cchc_desktop.store.tracking import TaskStore
from cchc_desktop.ui.forms.ui_task_tracker import Ui_TaskTracker
from cchc_desktop.ui.task_table.columns import Col
from cchc_desktop.ui.task_table.model import TaskTableModel
from cchc_desktop.ui.task_table.proxy import (
    STATUS_FILTER_LABELS,
    Filters,
    StatusFilter,
    TaskFilterProxyModel,
)
from cchc_desktop.ui.undo import (
    AddTaskCommand,
    DeleteTaskCommand,
    EditTaskCommand,
    MoveTaskCommand,
    TaskCommand,
)

NEW_TASK_TITLE = "Nhiệm vụ mới"
PANEL_WIDTH = 330  # the side panel's width until the officer drags it


class TaskTracker(QWidget):
    message = Signal(str)  # a line for the status bar
    selection_changed = Signal()  # the selected task changed (actions follow)

    def __init__(
        self,
        store: TaskStore,
        today: Callable[[], date],
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_TaskTracker()
        self.ui.setupUi(self)
        self.store = store
        self.today = today
        self.undo_stack = undo_stack
        self.plan: Plan | None = None
        self.office: Office | None = None
        self.windows: list[TimeWindow] = []

        self.model = TaskTableModel(store, today, self)
        self.model.editor = self._edit
        self.proxy = TaskFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        table = self.ui.table
        table.setModel(self.proxy)
        table.selectionModel().selectionChanged.connect(self._on_selection)
        self.model.dataChanged.connect(self._on_data_changed)
        self.model.modelReset.connect(self._show_current)
        self.model.changed.connect(self._update_summary)
        self.model.failed.connect(self.message)
        self.model.conflict.connect(self._conflict)
        self.proxy.rowsInserted.connect(self._update_shown)
        self.proxy.rowsRemoved.connect(self._update_shown)
        self.proxy.modelReset.connect(self._update_shown)
        self.proxy.layoutChanged.connect(self._update_shown)
        self.ui.panel.edited.connect(self._panel_edited)
        self.ui.panel.failed.connect(self.message)

        for key, label in STATUS_FILTER_LABELS.items():
            self.ui.statusFilter.addItem(label, key.value)
        self.ui.searchEdit.textChanged.connect(self._apply_filters)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.ui.searchEdit)
        escape.setContext(Qt.ShortcutContext.WidgetShortcut)
        escape.activated.connect(self._escape_search)
        for combo in (self.ui.statusFilter, self.ui.unitFilter, self.ui.timeFilter):
            combo.currentIndexChanged.connect(self._apply_filters)
        self.ui.clearFiltersButton.clicked.connect(self.clear_filters)
        self.ui.doneButton.clicked.connect(lambda: self.show_status(StatusFilter.DONE))
        self.ui.progressButton.clicked.connect(lambda: self.show_status(StatusFilter.IN_PROGRESS))
        self.ui.notStartedButton.clicked.connect(lambda: self.show_status(StatusFilter.NOT_STARTED))
        self.ui.overdueButton.clicked.connect(lambda: self.show_status(StatusFilter.OVERDUE))
        self.ui.overdueButton.setStyleSheet("color: #a4161a;")
        self.ui.splitter.setStretchFactor(0, 1)
        self.ui.splitter.setStretchFactor(1, 0)
        self.ui.splitter.setCollapsible(0, False)  # the side panel folds away, not the table
        self.ui.splitter.setSizes([700, PANEL_WIDTH])
        self.ui.splitter.splitterMoved.connect(self._panel_moved)
        self._panel_width = PANEL_WIDTH  # what the panel comes back to after folding
        self._panel_action: QAction | None = None
        self._hint = self.ui.tableHint.text()
        self.ui.tableHint.setToolTip(self._hint)
        self.ui.tableHint.installEventFilter(self)
        self._fill_time_filter()
        self._update_summary()

    def use_actions(
        self, add: QAction, delete: QAction, up: QAction, down: QAction, menu: list[QAction | None]
    ) -> None:
        """The window's actions drive the buttons under the table and its context menu."""
        self.ui.addTaskButton.setDefaultAction(add)
        self.ui.deleteTaskButton.setDefaultAction(delete)
        self.ui.upButton.setDefaultAction(up)
        self.ui.downButton.setDefaultAction(down)
        self.ui.table.menu_actions = menu

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The hint under the table shows whole or not at all (never cut or on ten lines)."""
        if watched is self.ui.tableHint and event.type() == QEvent.Type.Resize:
            label = self.ui.tableHint
            fits = label.fontMetrics().horizontalAdvance(self._hint) <= label.width()
            label.setText(self._hint if fits else "")
        return False

    def use_panel_action(self, action: QAction) -> None:
        """A checkable action (and the button beside the table) folds the side panel away."""
        self._panel_action = action
        self.ui.panelButton.setDefaultAction(action)
        action.toggled.connect(self.show_panel)

    def panel_shown(self) -> bool:
        return self.ui.splitter.sizes()[1] > 0

    def show_panel(self, shown: bool) -> None:
        splitter = self.ui.splitter
        table, panel = splitter.sizes()
        if shown and panel == 0:
            width = min(self._panel_width, max(table - 200, 0)) or PANEL_WIDTH
            splitter.setSizes([table + panel - width, width])
        elif not shown and panel > 0:
            self._panel_width = panel
            self.commit_panel()
            splitter.setSizes([table + panel, 0])

    def share_width(self) -> None:
        """The side panel a third of the tracker's width (260 to 380 px), the table the rest."""
        total = sum(self.ui.splitter.sizes())
        if self.ui.splitter.sizes()[1] > 0:
            panel = min(max(round(total * 0.34), 260), 380)
            self.ui.splitter.setSizes([total - panel, panel])

    def _panel_moved(self, *_args: object) -> None:
        """Dragged shut or open: the action follows."""
        if self._panel_action is not None:
            self._panel_action.setChecked(self.ui.splitter.sizes()[1] > 0)

    def set_read_only(self, read_only: bool) -> None:
        """A file that cannot be written: tasks are shown and searched, not edited."""
        self.model.read_only = read_only
        self.ui.panel.set_read_only(read_only)
        if read_only:
            self.ui.tableHint.setText("Tệp dữ liệu chỉ đọc: xem, tìm, in được; không sửa được.")

    def _conflict(self, message: str) -> None:
        self.message.emit(message)
        QMessageBox.information(self, "Nhiệm vụ đã được sửa ở nơi khác", message)

    # opening ---------------------------------------------------------------------------

    def open_plan(self, plan: Plan | None, office: Office | None) -> None:
        """Show a plan's tasks (None: no plan)."""
        self.commit_panel()
        self.plan, self.office = plan, office
        combos = (self.ui.statusFilter, self.ui.unitFilter, self.ui.timeFilter)
        for widget in (self.ui.searchEdit, *combos):
            widget.blockSignals(True)
        try:
            self.ui.searchEdit.clear()
            self.ui.statusFilter.setCurrentIndex(0)
            self._fill_unit_filter()
            self._fill_time_filter()
        finally:
            for widget in (self.ui.searchEdit, *combos):
                widget.blockSignals(False)
        self.proxy.set_filters(Filters())
        self.model.load(plan.id if plan else None, plan.period if plan else None)
        self.ui.table.horizontalHeader().setSortIndicator(Col.NUMBER, Qt.SortOrder.AscendingOrder)
        if self.proxy.rowCount():
            self.ui.table.selectRow(0)
        self._update_shown()

    def _fill_unit_filter(self) -> None:
        combo = self.ui.unitFilter
        combo.clear()
        combo.addItem("Tất cả cơ quan, đơn vị", "")
        names: list[str] = []
        if self.office is not None:
            names += [u.name for u in self.office.units]
        if self.plan is not None:
            for task in self.plan.chosen_tasks:
                if task.lead_unit and task.lead_unit not in names:
                    names.append(task.lead_unit)
        for name in names:
            combo.addItem(name, fold(name))

    def _fill_time_filter(self) -> None:
        combo = self.ui.timeFilter
        combo.clear()
        combo.addItem("Cả kỳ kế hoạch", -1)
        self.windows = time_windows(self.plan.period) if self.plan is not None else []
        for i, window in enumerate(self.windows):
            indent = "" if window.label.startswith("Quý") else "    "
            combo.addItem(indent + window.label, i)

    # filters ---------------------------------------------------------------------------

    def _apply_filters(self) -> None:
        self.commit_panel()
        at = self.ui.timeFilter.currentData()
        window = self.windows[at] if isinstance(at, int) and 0 <= at < len(self.windows) else None
        self.proxy.set_filters(
            Filters(
                text=fold(" ".join(self.ui.searchEdit.text().split())),
                status=StatusFilter(self.ui.statusFilter.currentData() or StatusFilter.ALL.value),
                unit=self.ui.unitFilter.currentData() or "",
                window=(window.first, window.last) if window else None,
            )
        )
        self._update_shown()
        self._show_current()

    def clear_filters(self) -> None:
        for combo in (self.ui.statusFilter, self.ui.unitFilter, self.ui.timeFilter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.ui.searchEdit.clear()  # applies the filters
        self._apply_filters()

    def show_status(self, status: StatusFilter) -> None:
        self.ui.statusFilter.setCurrentIndex(self.ui.statusFilter.findData(status.value))

    def show_report_tasks(self, report: ReportPeriod) -> None:
        """The tasks a report concerns: its quarter in the time filter (all of the plan for a
        half-year or a year report)."""
        self.clear_filters()
        for i, window in enumerate(self.windows):
            if (window.first, window.last) == (report.start, report.end):
                self.ui.timeFilter.setCurrentIndex(self.ui.timeFilter.findData(i))

    def _escape_search(self) -> None:
        """Esc in the search box: clear it; in an empty one, back to the table."""
        if self.ui.searchEdit.text():
            self.ui.searchEdit.clear()
        else:
            self.ui.table.setFocus()

    def focus_search(self) -> None:
        self.ui.searchEdit.setFocus()
        self.ui.searchEdit.selectAll()

    def _update_shown(self, *_args: object) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.ui.shownLabel.setText(
            f"Hiện {shown}/{total} nhiệm vụ" if shown != total else f"{total} nhiệm vụ"
        )
        self.ui.clearFiltersButton.setEnabled(self.proxy.filters.active)

    def set_office(self, office: Office) -> None:
        """The office's rules changed (its report deadline): the summary follows."""
        self.office = office
        self._update_summary()

    def _update_summary(self) -> None:
        counts = self.model.counts()
        self.ui.doneButton.setText(f"✔ Hoàn thành: {counts.done}")
        self.ui.progressButton.setText(f"Đang thực hiện: {counts.in_progress}")
        self.ui.notStartedButton.setText(f"Chưa thực hiện: {counts.not_started}")
        self.ui.overdueButton.setText(f"⚠ Quá hạn: {counts.overdue}")
        self.ui.overdueButton.setEnabled(counts.overdue > 0)
        deadline = None
        if self.plan is not None and self.office is not None:
            deadline = next_deadline(
                self.plan.period, self.office.report_deadline_day, self.today()
            )
        if self.plan is None:
            text = ""
        elif deadline is None:
            text = "Các kỳ báo cáo của kế hoạch này đã qua."
        else:
            label = deadline.label[:1].upper() + deadline.label[1:]
            text = f"Hạn tiếp theo: <b>{label}</b> — {deadline.when_text(self.today())}"
        self.ui.deadlineLabel.setText(text)
        self._update_shown()

    # the selected task -----------------------------------------------------------------

    def selected_task_id(self) -> int | None:
        row = self.ui.table.current_proxy_row()
        return None if row is None else self.proxy.task_id(row)

    def select_task(self, task_id: int) -> None:
        row = self.proxy.proxy_row_of(task_id)
        if row is not None:
            self.ui.table.selectRow(row)
            self.ui.table.scrollTo(self.proxy.index(row, 0))

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_current()
        self.selection_changed.emit()

    def _show_current(self) -> None:
        task_id = self.selected_task_id()
        tracked = self.model.tracked(task_id) if task_id is not None else None
        if tracked is None:
            self.ui.panel.show_task(None)
            return
        row = self.model.row_of(task_id) if task_id is not None else None
        data = self.model.row_data(row) if row is not None else None
        self.ui.panel.show_task(
            tracked,
            self.model.number(tracked.id),
            data.overdue if data else False,
            self.store.history(tracked.id),
        )

    def _on_data_changed(
        self, top: QModelIndex, bottom: QModelIndex, _roles: object = None
    ) -> None:
        task_id = self.selected_task_id()
        row = self.model.row_of(task_id) if task_id is not None else None
        if row is not None and top.row() <= row <= bottom.row() and top.column() <= Col.TITLE:
            self._show_current()

    def commit_panel(self) -> None:
        """Save what is being typed in the panel before the selection or filters change."""
        self.ui.panel.commit()

    def _edit(self, before: Task, after: Task, what: str) -> bool:
        """One edit of a task, as one undoable command."""
        return self._push(EditTaskCommand(self.model, before, after, what))

    def _push(self, command: TaskCommand) -> bool:
        """Run a command once; on success it goes on the undo stack."""
        if not command.first_run():
            return False
        self.undo_stack.push(command)
        self.message.emit(f"Đã lưu: {command.text()} (Ctrl+Z để hoàn tác)")
        return True

    def _panel_edited(self, task: Task) -> None:
        self.model.edit(task)  # said in the status bar as the command is pushed

    # adding, removing, moving ----------------------------------------------------------

    def add_task(self) -> int | None:
        """A new task just after the selected one (or at the end), ready to be named."""
        if self.plan is None:
            return None
        self.commit_panel()
        after_id = self.selected_task_id()
        source_row = self.model.row_of(after_id) if after_id is not None else None
        at = source_row + 1 if source_row is not None else self.model.rowCount()
        task = Task(NEW_TASK_TITLE, status=TaskStatus.NOT_STARTED)
        command = AddTaskCommand(self.model, task, after_id, at)
        if not self._push(command):
            return None
        assert command.task_id is not None
        self.proxy.pin(command.task_id)
        self.proxy.invalidate()
        self.select_task(command.task_id)
        row = self.proxy.proxy_row_of(command.task_id)
        if row is not None:
            self.ui.table.edit(self.proxy.index(row, Col.TITLE))
        return command.task_id

    def delete_task(self) -> bool:
        task_id = self.selected_task_id()
        tracked = self.model.tracked(task_id) if task_id is not None else None
        if tracked is None or task_id is None:
            return False
        proxy_row = self.ui.table.current_proxy_row() or 0
        command = DeleteTaskCommand(self.model, task_id, tracked.task.title)
        if not self._push(command):
            return False
        if self.proxy.rowCount():
            self.ui.table.selectRow(min(proxy_row, self.proxy.rowCount() - 1))
        self.message.emit(f"Đã xóa nhiệm vụ «{tracked.task.title[:50]}» (Ctrl+Z để hoàn tác).")
        return True

    def can_move(self) -> bool:
        """Moving follows the appendix order: only while the table shows it, unfiltered."""
        column, order = self.model.sort_order
        return (
            self.selected_task_id() is not None
            and column == Col.NUMBER
            and order == Qt.SortOrder.AscendingOrder
            and not self.proxy.filters.active
        )

    def move_task(self, up: bool) -> bool:
        task_id = self.selected_task_id()
        if task_id is None or not self.can_move():
            return False
        row = self.model.row_of(task_id)
        assert row is not None
        other = self.model.task_id(row - 1 if up else row + 1)
        if other is None or (row == 0 and up):
            return False
        command = MoveTaskCommand(self.model, task_id, other, up)
        if not self._push(command):
            return False
        self.select_task(task_id)
        return True
