"""The main window: the office's plans by period, the selected plan's tasks and text, the
report-deadline reminder; wires actions to the tracker, the dialogs and the exporters, no rules."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QItemSelection, QPoint, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QFont,
    QKeySequence,
    QShowEvent,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStyle,
    QWidget,
)

from cchc_desktop import APP_DISPLAY_NAME, __version__
from cchc_desktop.core.clock import Clock
from cchc_desktop.core.deadlines import Deadline, ReportPeriod, upcoming
from cchc_desktop.core.model import Office, Plan, PlanState
from cchc_desktop.errors import CchcError
from cchc_desktop.store.database import backup_to
from cchc_desktop.store.repository import Repository
from cchc_desktop.store.tracking import TaskStore
from cchc_desktop.ui import settings
from cchc_desktop.ui.export_flow import (
    Exported,
    busy,
    export_plan_documents,
    new_printer,
    print_plan,
)
from cchc_desktop.ui.forms.ui_main_window import Ui_MainWindow
from cchc_desktop.ui.guide import open_help, set_topic
from cchc_desktop.ui.messages import show_error
from cchc_desktop.ui.plan_list import PlanListModel
from cchc_desktop.ui.screen_fit import fit, is_small, keep_on_screen
from cchc_desktop.ui.tracker import TaskTracker

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from cchc_desktop.ui.print_preview import PlanPreviewDialog

EMPTY_PAGE, PLANS_PAGE = 0, 1
TASKS_TAB, DOCUMENT_TAB = 0, 1
BANNER_STYLE = (
    "#deadlineBanner { background: #fff4d6; border: 1px solid #d9a520; border-radius: 4px; }"
)


class MainWindow(QMainWindow):
    closed = Signal()  # the window was closed: the data file is free for another start

    def __init__(
        self,
        repo: Repository,
        db_path: Path,
        parent: QWidget | None = None,
        clock: Clock | None = None,
    ) -> None:
        super().__init__(parent)
        self.repo = repo
        self.db_path = db_path
        self.clock = clock or repo.clock  # one clock for the window, the store and dialogs
        repo.clock = self.clock
        self.today: Callable[[], date] = self.clock.today
        self.store = TaskStore(repo)
        # Before the form's actions, so that it is destroyed first, with its last signals.
        self.undo_stack = QUndoStack(self)
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.setWindowTitle(APP_DISPLAY_NAME)

        title_font = QFont(self.ui.emptyTitle.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.6)
        title_font.setBold(True)
        self.ui.emptyTitle.setFont(title_font)
        # A wrapped label centred by its layout needs a width and the height that width takes.
        self.ui.emptyText.setFixedWidth(700)
        self.ui.emptyText.setMinimumHeight(self.ui.emptyText.heightForWidth(700))
        paper = QFont(["Times New Roman", "Liberation Serif"])
        paper.setPointSize(13)
        self.ui.preview.document().setDefaultFont(paper)

        self.plans = PlanListModel(self)
        view = self.ui.plansView
        view.setModel(self.plans)
        # The period takes what is left and wraps: a narrow list never scrolls sideways.
        view.horizontalHeader().setStretchLastSection(False)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        view.selectionModel().selectionChanged.connect(self._on_selection)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for hidden in (1, 2, 3):  # title, number, state: shown above the open plan's tabs
            view.setColumnHidden(hidden, True)
        self.ui.splitter.setStretchFactor(0, 0)
        self.ui.splitter.setStretchFactor(1, 1)
        self.ui.splitter.setCollapsible(1, False)  # the plans list may fold away, not the plan

        self.tracker = TaskTracker(self.store, self.today, self.undo_stack, self.ui.tasksTab)
        self.ui.tasksLayout.addWidget(self.tracker)
        self.tracker.message.connect(self.notify)
        self.tracker.selection_changed.connect(self._update_task_actions)
        self.tracker.proxy.layoutChanged.connect(self._update_task_actions)
        self.tracker.proxy.rowsRemoved.connect(self._update_task_actions)
        self.tracker.proxy.rowsInserted.connect(self._update_task_actions)
        self.tracker.use_panel_action(self.ui.actionTaskPanel)
        self.tracker.use_actions(
            self.ui.actionAddTask, self.ui.actionDeleteTask,
            self.ui.actionMoveUp, self.ui.actionMoveDown,
            [self.ui.actionAddTask, self.ui.actionDeleteTask, None,
             self.ui.actionMoveUp, self.ui.actionMoveDown, None, self.ui.actionUndo],
        )  # fmt: skip
        self.ui.actionDeleteTask.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.tracker.ui.table.addAction(self.ui.actionDeleteTask)
        self.ui.planTabs.currentChanged.connect(self._update_task_actions)
        self._pending_preview: tuple[Plan, Office] | None = None
        self._text_stale = False  # tasks edited since the plan's text was laid out
        self.ui.planTabs.currentChanged.connect(self._show_preview)
        self.ui.actionUndo.triggered.connect(self.undo)
        self.ui.actionRedo.triggered.connect(self.redo)
        self.ui.actionRedo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.undo_stack.canUndoChanged.connect(self.ui.actionUndo.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.ui.actionRedo.setEnabled)
        self.undo_stack.undoTextChanged.connect(
            lambda text: self._undo_text(self.ui.actionUndo, "&Hoàn tác", text)
        )
        self.undo_stack.redoTextChanged.connect(
            lambda text: self._undo_text(self.ui.actionRedo, "&Làm lại", text)
        )
        self.tracker.model.changed.connect(self._tasks_edited)
        self.ui.actionUndo.setEnabled(False)
        self.ui.actionRedo.setEnabled(False)
        self.ui.actionFind.triggered.connect(self.find_task)
        self.ui.actionAddTask.triggered.connect(self.add_task)
        self.ui.actionDeleteTask.triggered.connect(self.delete_task)
        self.ui.actionMoveUp.triggered.connect(lambda: self.move_task(up=True))
        self.ui.actionMoveDown.triggered.connect(lambda: self.move_task(up=False))
        self.ui.actionClearFilters.triggered.connect(self.tracker.clear_filters)
        self.ui.actionReport.triggered.connect(lambda: self.open_report())
        self.ui.actionDeadlineRule.triggered.connect(self.edit_deadline_rule)
        self.ui.actionNewPlan.triggered.connect(self.new_plan)
        self.ui.newPlanButton.clicked.connect(self.new_plan)

        self.ui.deadlineBanner.setStyleSheet(BANNER_STYLE)
        self.ui.deadlineBanner.hide()
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.ui.bannerIcon.setPixmap(icon.pixmap(24, 24))
        self.ui.bannerClose.clicked.connect(self.dismiss_banner)
        self.ui.bannerShowTasks.clicked.connect(self.show_banner_tasks)
        self.ui.bannerReport.clicked.connect(self.report_from_banner)
        self.reminder: tuple[int, Deadline] | None = None
        self._dismissed: set[tuple[int, date]] = set()
        self._day = self.today()
        self._clock = QTimer(self)  # past midnight, "quá hạn" and the reminder follow
        self._clock.setInterval(10 * 60 * 1000)
        self._clock.timeout.connect(self._check_day)
        self._clock.start()

        self.ui.sampleButton.clicked.connect(self.create_sample)
        self.ui.importButton.clicked.connect(self.import_word)
        self.ui.actionSample.triggered.connect(self.create_sample)
        self.ui.actionBackup.triggered.connect(self.backup)
        self.ui.actionRestoreBackup.triggered.connect(self.restore_backup)
        self.ui.actionImportWord.triggered.connect(self.import_word)
        self.ui.actionOpenPackage.triggered.connect(self.open_package)
        self.ui.actionConsolidate.triggered.connect(self.consolidate)
        self.ui.actionOpenDataFolder.triggered.connect(self.open_data_folder)
        self.ui.actionQuit.triggered.connect(self.close)
        self.ui.actionHelp.triggered.connect(lambda: open_help(self))
        self.ui.actionOpenLogFolder.triggered.connect(self.open_log_folder)
        self.ui.stack.currentChanged.connect(self._update_help_topic)
        self.ui.planTabs.currentChanged.connect(self._update_help_topic)
        self._update_help_topic()
        self.ui.actionAbout.triggered.connect(self.about)
        self.ui.actionExportPackage.triggered.connect(self.export_package)
        self.ui.actionExportPdf.triggered.connect(self.export_pdf)
        self.ui.actionOpenDocx.triggered.connect(self.open_docx)
        self.ui.actionPrintPreview.triggered.connect(self.print_preview)
        self.ui.actionPrint.triggered.connect(self.print_plan)
        self.ui.actionRecordIssue.triggered.connect(self.record_issue)
        self.ui.actionEditPlan.triggered.connect(self.edit_plan)
        self.ui.actionDuplicatePlan.triggered.connect(self.duplicate_plan)
        self.ui.actionDeletePlan.triggered.connect(self.delete_plan)
        self.ui.actionDeletedPlans.triggered.connect(self.show_deleted_plans)
        self.ui.actionIssuedVersions.triggered.connect(self.show_versions)
        self.ui.actionZip.setChecked(settings.EXPORT_ZIP.get())
        self.ui.actionZip.toggled.connect(lambda on: settings.EXPORT_ZIP.set(on))
        self.plan_actions = (
            self.ui.actionExportPackage, self.ui.actionExportPdf, self.ui.actionOpenDocx,
            self.ui.actionPrintPreview, self.ui.actionPrint, self.ui.actionRecordIssue,
            self.ui.actionReport, self.ui.actionAddTask, self.ui.actionEditPlan,
            self.ui.actionDuplicatePlan, self.ui.actionDeletePlan, self.ui.actionIssuedVersions,
        )  # fmt: skip
        self.ui.plansView.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.ui.plansView.customContextMenuRequested.connect(self._plan_menu)
        self.ui.actionDeletePlan.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.ui.actionDeletePlan.setShortcut("Delete")
        self.ui.plansView.addAction(self.ui.actionDeletePlan)
        self.ui.plansView.doubleClicked.connect(lambda _index: self.edit_plan())
        # The last thing done stays in the status bar, with a link to the folder it wrote to.
        self.note = QLabel(self)
        self.note.setObjectName("statusNote")
        self.note.setTextFormat(Qt.TextFormat.RichText)
        self.note.linkActivated.connect(lambda link: QDesktopServices.openUrl(QUrl(link)))
        self.statusBar().addWidget(self.note, 1)
        self.notify(f"Dữ liệu: {db_path}")
        # What writes into the file: off while it is open read-only.
        self.write_actions = {
            self.ui.actionNewPlan, self.ui.actionImportWord, self.ui.actionSample,
            self.ui.actionDeletedPlans, self.ui.actionDeadlineRule, self.ui.actionRestoreBackup,
            self.ui.actionAddTask, self.ui.actionDeleteTask, self.ui.actionMoveUp,
            self.ui.actionMoveDown, self.ui.actionRecordIssue, self.ui.actionEditPlan,
            self.ui.actionDuplicatePlan, self.ui.actionDeletePlan, self.ui.actionOpenPackage,
        }  # fmt: skip
        self.read_only = repo.read_only
        if self.read_only:
            self._show_read_only()

        self._restore_layout()
        self.current_plan_id: int | None = None
        self.refresh()
        self.check_deadlines()

    def notify(self, text: str, folder: Path | None = None) -> None:
        """Say in the status bar what was just done (kept until the next thing), with a link
        that opens ``folder``."""
        shown = html.escape(text)
        if folder is not None:
            link = QUrl.fromLocalFile(str(folder)).toString()
            shown += f' — <a href="{html.escape(link)}">Mở thư mục</a>'
        self.note.setText(shown)
        self.note.setToolTip(text)

    def refresh(self, select: int | None = None) -> None:
        """Reload the plans list, keeping (or moving to) a selected plan."""
        self.current_plan_id = None
        for action in self.plan_actions:
            action.setEnabled(False)
        self.undo_stack.clear()  # what it undoes may have been replaced (a restored backup)
        summaries = self.repo.plans()
        self.plans.set_plans(summaries)
        self.ui.stack.setCurrentIndex(PLANS_PAGE if summaries else EMPTY_PAGE)
        if summaries:
            row = self.plans.row_of(select) if select is not None else 0
            self.ui.plansView.selectRow(row or 0)
        else:
            self._open_tasks(None)
        self._update_task_actions()

    def open_plan(self, plan_id: int) -> None:
        """Refresh the list, select the plan and show its tasks (the wizard calls this)."""
        self.refresh(select=plan_id)
        self.ui.planTabs.setCurrentIndex(TASKS_TAB)
        self.check_deadlines()

    def new_plan(self) -> None:
        """The step-by-step plan wizard, loaded on first use."""
        from cchc_desktop.ui.wizard import open_wizard

        open_wizard(self, self)

    # the plan as a whole ---------------------------------------------------------------

    def _plan_menu(self, position: QPoint) -> None:
        if self.current_plan_id is None:
            return
        menu = QMenu(self)
        for action in (self.ui.actionEditPlan, self.ui.actionDuplicatePlan,
                       self.ui.actionDeletePlan, None, self.ui.actionExportPackage,
                       self.ui.actionRecordIssue, self.ui.actionIssuedVersions):  # fmt: skip
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.exec(self.ui.plansView.viewport().mapToGlobal(position))

    def edit_plan(self) -> None:
        """The selected plan in the wizard's pages, everything editable; an issued plan is
        kept as signed (its issued version) and the edit becomes a new draft."""
        current = self._current()
        if current is None:
            return
        self.tracker.commit_panel()
        plan, office = current
        assert plan.id is not None
        if plan.is_issued:
            answer = QMessageBox.question(
                self,
                "Sửa kế hoạch đã ban hành?",
                f"Kế hoạch đã ban hành (số {plan.number}/{plan.number_suffix}). Bản đã ký được "
                "giữ nguyên để xuất lại (Kế hoạch → Các bản đã ban hành); bản sửa là bản dự thảo "
                "mới, chưa có số, ngày. Việc theo dõi nhiệm vụ được giữ nguyên. Sửa?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            try:
                with self.repo.transaction():
                    if not self.repo.versions(plan.id):  # issued before versions were kept
                        self.repo.save_version(plan, office)
                    self.repo.record_issue(plan.id, "", None)
            except CchcError as error:
                show_error(self, error)
                return
        from cchc_desktop.ui.wizard import open_wizard

        open_wizard(self, self, plan.id)

    def duplicate_plan(self) -> None:
        if self.current_plan_id is None:
            return
        self.tracker.commit_panel()
        try:
            copy_id = self.repo.duplicate_plan(self.current_plan_id)
        except CchcError as error:
            show_error(self, error)
            return
        self.refresh(select=copy_id)
        self.notify("Đã tạo bản sao của kế hoạch; sửa bản sao bằng Kế hoạch → Sửa kế hoạch.")

    def delete_plan(self) -> None:
        """To the bin, after a question; Ctrl+Z or Tệp → Kế hoạch đã xóa brings it back."""
        current = self._current()
        if current is None:
            return
        plan, _office = current
        assert plan.id is not None
        self.tracker.commit_panel()
        answer = QMessageBox.question(
            self,
            "Xóa kế hoạch?",
            f"Chuyển kế hoạch «{plan.title}» ({len(plan.chosen_tasks)} nhiệm vụ) vào mục «Kế "
            "hoạch đã xóa»? Có thể khôi phục bằng Ctrl+Z hoặc Tệp → Kế hoạch đã xóa.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.repo.delete_plan(plan.id)
        except CchcError as error:
            show_error(self, error)
            return
        self.refresh()
        self.undo_stack.push(_PlanBinCommand(self, plan.id, plan.title))
        self.notify(f"Đã xóa kế hoạch «{plan.title[:60]}» (Ctrl+Z để hoàn tác).")

    def show_deleted_plans(self) -> None:
        from cchc_desktop.ui.plan_dialogs import DeletedPlansDialog

        dialog = DeletedPlansDialog(self.repo, self)
        dialog.exec()
        if dialog.restored is not None:
            self.refresh(select=dialog.restored)
            self.notify("Đã khôi phục kế hoạch.")
        else:
            self.refresh(select=self.current_plan_id)

    def show_versions(self) -> None:
        """The plan's issued versions; the chosen one exported exactly as signed."""
        if self.current_plan_id is None:
            return
        from cchc_desktop.ui.plan_dialogs import VersionsDialog

        dialog = VersionsDialog(self.repo, self.current_plan_id, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
            return
        try:
            plan, office = self.repo.version_document(dialog.chosen)
        except CchcError as error:
            show_error(self, error)
            return
        exported = export_plan_documents(
            self, plan, office, make_zip=self.ui.actionZip.isChecked(), today=self.today(),
            title="Đã xuất bản đã ban hành",
        )  # fmt: skip
        self._exported(exported)

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        self.current_plan_id = self.plans.plan_id(indexes[0].row()) if indexes else None
        for action in self.plan_actions:
            self._allow(action, self.current_plan_id is not None)
        if self.current_plan_id is None:
            self.ui.preview.clear()
            self._open_tasks(None)
            return
        self.show_plan(self.current_plan_id)

    def show_plan(self, plan_id: int) -> None:
        """The plan's tasks in the "Nhiệm vụ" tab and its text in the "Văn bản" tab."""
        try:
            plan = self.repo.plan(plan_id)
            office = self.repo.office(plan.office_id) if plan.office_id is not None else None
            self._open_tasks(plan, office)
            if office is None:
                self.ui.preview.setPlainText(plan.title)
                return
            self._pending_preview = (plan, office)
            self.ui.preview.setPlainText("Đang chuẩn bị nội dung văn bản…")
            self._show_preview()
        except CchcError as error:
            show_error(self, error)

    def _show_preview(self, *_args: object) -> None:
        """Lay out the selected plan's text when its "Văn bản" tab is on screen: the window
        opens on the tasks, and a plan of thousands of tasks takes seconds to lay out. After
        tasks were edited, again when the tab is opened."""
        if self.ui.planTabs.currentIndex() != DOCUMENT_TAB:
            return
        if self._text_stale and self.current_plan_id is not None:
            self._pending_preview = self._current()  # what was pending predates the edits
        if self._pending_preview is None:
            return
        from cchc_desktop.render.outline_html import preview_html

        plan, office = self._pending_preview
        self._pending_preview = None
        self._text_stale = False
        with busy():
            self.ui.preview.setHtml(preview_html(plan, office))

    def _tasks_edited(self) -> None:
        self._refresh_plan_counts()
        self._text_stale = True  # laid out again when the "Văn bản" tab is opened
        if self.ui.planTabs.currentIndex() == DOCUMENT_TAB and self._pending_preview is None:
            self._show_preview()  # an undo while the text is on screen

    def _open_tasks(self, plan: Plan | None, office: Office | None = None) -> None:
        if plan is None or plan.id != self.tracker.model.plan_id:
            self.undo_stack.clear()  # commands speak of one plan's tasks
        self.tracker.open_plan(plan, office)
        self._update_header(plan)
        self._update_task_actions()

    def _update_header(self, plan: Plan | None) -> None:
        if plan is None:
            self.ui.planHeader.clear()
            return
        number = f"Số {plan.number}/{plan.number_suffix}" if plan.number else "Chưa có số"
        signed = (
            f"ký ngày {plan.issued_on.day}/{plan.issued_on.month}/{plan.issued_on.year}"
            if plan.issued_on
            else "chưa ghi ngày ký"
        )
        state = "Đã ban hành" if plan.state is PlanState.ISSUED else "Bản nháp"
        self.ui.planHeader.setText(
            f"<b>{plan.title}</b><br>{number} · {signed} · {state} · "
            f"{len(plan.chosen_tasks)} nhiệm vụ trong phụ lục"
        )

    def _refresh_plan_counts(self) -> None:
        """The "Xong" column (tasks done) follows the tracker's edits, from its tallies."""
        plan_id = self.tracker.model.plan_id
        row = self.plans.row_of(plan_id) if plan_id is not None else None
        if row is None:
            return
        counts = self.tracker.model.counts()
        summary = self.plans.summary(row)
        if (summary.task_count, summary.done_count) != (counts.total, counts.done):
            self.plans.update_plan(
                row, replace(summary, task_count=counts.total, done_count=counts.done)
            )

    # tasks ---------------------------------------------------------------------------

    def _update_task_actions(self, *_args: object) -> None:
        has_plan = self.tracker.plan is not None
        selected = self.tracker.selected_task_id() is not None
        self._allow(self.ui.actionAddTask, has_plan)
        self._allow(self.ui.actionDeleteTask, selected)
        movable = self.tracker.can_move()
        self._allow(self.ui.actionMoveUp, movable)
        self._allow(self.ui.actionMoveDown, movable)
        self.ui.actionFind.setEnabled(has_plan)
        self.ui.actionClearFilters.setEnabled(has_plan)

    def _allow(self, action: QAction, on: bool) -> None:
        """Enable an action as the selection allows — never one that writes, read-only."""
        action.setEnabled(on and not (self.read_only and action in self.write_actions))

    def _show_tasks_tab(self) -> None:
        self.ui.planTabs.setCurrentIndex(TASKS_TAB)

    def add_task(self) -> None:
        self._show_tasks_tab()
        self.tracker.add_task()

    def delete_task(self) -> None:
        self.tracker.delete_task()

    def move_task(self, up: bool) -> None:
        if not self.tracker.move_task(up):
            self.notify("Đổi thứ tự khi bảng xếp theo cột TT và không lọc (bấm «Bỏ lọc»).")

    def find_task(self) -> None:
        self._show_tasks_tab()
        self.tracker.focus_search()

    def undo(self) -> None:
        self.tracker.commit_panel()
        step = self.undo_stack.undoText()
        self.undo_stack.undo()
        if step:
            self.notify(f"Đã hoàn tác: {step}")

    def redo(self) -> None:
        step = self.undo_stack.redoText()
        self.undo_stack.redo()
        if step:
            self.notify(f"Đã làm lại: {step}")

    @staticmethod
    def _undo_text(action: QAction, verb: str, text: str) -> None:
        """The menu says what is undone (keeping its Alt letter); the toolbar stays short."""
        if shiboken6.isValid(action):  # the stack empties itself while the window is destroyed
            plain = verb.replace("&", "")
            action.setText(f"{verb}: {text}" if text else verb)
            action.setIconText(plain)
            action.setToolTip(f"{plain}: {text}" if text else plain)

    # report deadlines ----------------------------------------------------------------

    def check_deadlines(self) -> None:
        """A report due within two weeks (under each office's rule) is said in the strip
        above the plans, with the tasks it concerns; never a dialog that blocks the start."""
        today = self.today()
        offices = {o.id: o for o in self.repo.offices()}
        found: tuple[int, Deadline] | None = None
        for summary in self.repo.plans():
            office = offices.get(summary.office_id)
            if office is None:
                continue
            deadline = upcoming(summary.period, office.report_deadline_day, today)
            if deadline is None or (summary.id, deadline.day) in self._dismissed:
                continue
            if found is None or deadline.day < found[1].day:
                found = (summary.id, deadline)
        self.reminder = found
        if found is None:
            self.ui.deadlineBanner.hide()
            return
        plan_id, deadline = found
        from cchc_desktop.core.tracking import count_statuses

        plan = self.repo.plan(plan_id)
        concerned = deadline.main.concerned(self.store.tracked_tasks(plan_id))
        counts = count_statuses(concerned, today)
        left = deadline.days_left(today)
        when = "Hôm nay là hạn" if left == 0 else f"Còn {left} ngày đến hạn"
        late = f", <b>{counts.overdue} quá hạn</b>" if counts.overdue else ""
        self.ui.bannerText.setText(
            f"<b>{when} gửi {deadline.label}</b> ({deadline.when_text(today).split(' (')[0]}). "
            f"{plan.title}: {counts.total} nhiệm vụ liên quan, "
            f"{counts.unfinished} chưa hoàn thành{late}."
        )
        self.ui.deadlineBanner.show()

    def dismiss_banner(self) -> None:
        if self.reminder is not None:
            self._dismissed.add((self.reminder[0], self.reminder[1].day))
        self.ui.deadlineBanner.hide()

    def show_banner_tasks(self) -> None:
        if self.reminder is None:
            return
        plan_id, deadline = self.reminder
        self.refresh(select=plan_id)
        self._show_tasks_tab()
        self.tracker.show_report_tasks(deadline.main)

    def report_from_banner(self) -> None:
        if self.reminder is None:
            return
        plan_id, deadline = self.reminder
        self.refresh(select=plan_id)
        self.open_report(deadline.reports[0])

    def _check_day(self) -> None:
        if self.today() != self._day:
            self._day = self.today()
            self.tracker.model.recompute()
            self.check_deadlines()
            self.take_daily_backup()  # the program stays open for days

    def edit_deadline_rule(self) -> None:
        """The office's rule: before which day of the quarter's last month reports go up."""
        from cchc_desktop.ui.deadline_dialog import DeadlineDialog

        current = self._current()
        offices = self.repo.offices()
        office = current[1] if current else (offices[0] if offices else None)
        if office is None or office.id is None:
            self.notify("Chưa có cơ quan nào: hãy lập hoặc tạo kế hoạch trước.")
            return
        period = current[0].period if current else None
        dialog = DeadlineDialog(office, period, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            day = self.store.set_report_deadline_day(office.id, dialog.day())
        except CchcError as error:
            show_error(self, error)
            return
        self.tracker.set_office(self.repo.office(office.id))
        self.check_deadlines()
        self.notify(f"Đã lưu: báo cáo gửi trước ngày {day} của tháng cuối quý.")

    def open_report(self, report: ReportPeriod | None = None) -> None:
        """The progress report of a period: its figures, its editable wording, the export."""
        current = self._current()
        if current is None:
            return
        self.tracker.commit_panel()
        from cchc_desktop.ui.report_dialog import ReportDialog

        plan, office = current
        dialog = ReportDialog(self.store, plan, office, self.today(), report, self)
        dialog.exec()
        if dialog.files:
            folder = dialog.files[0].parent
            self.notify(f"Đã xuất báo cáo: {len(dialog.files)} tệp vào {folder}", folder)

    def create_sample(self) -> None:
        """A sample commune and its plan, adapted from the bundled template."""
        from cchc_desktop.core.sample import sample_office, sample_plan
        from cchc_desktop.core.template import bundled_template
        from cchc_desktop.store.sample import save_sample

        try:
            template = bundled_template()
            office = sample_office(template)
            plan_id = save_sample(self.repo, office, sample_plan(template, office)).id
        except CchcError as error:
            show_error(self, error)
            return
        self.refresh(select=plan_id)
        self.notify("Đã tạo kế hoạch mẫu của xã Quyết Thắng.")

    # documents -----------------------------------------------------------------------

    def _current(self) -> tuple[Plan, Office] | None:
        """The selected plan and its office, read now (edits saved so far included)."""
        if self.current_plan_id is None:
            return None
        try:
            plan = self.repo.plan(self.current_plan_id)
            if plan.office_id is None:
                raise CchcError("Kế hoạch chưa gắn với cơ quan nào.")
            return plan, self.repo.office(plan.office_id)
        except CchcError as error:
            show_error(self, error)
            return None

    def export_package(self) -> None:
        """The .docx, .xlsx and .pdf into a folder the officer picks (remembered)."""
        self.tracker.commit_panel()
        current = self._current()
        if current is not None and self.current_plan_id is not None:
            from cchc_desktop.store.exchange import plan_history

            exported = export_plan_documents(
                self, *current, make_zip=self.ui.actionZip.isChecked(), today=self.today(),
                history=plan_history(self.repo, self.current_plan_id),  # travels in the package
            )  # fmt: skip
            self._exported(exported)

    def _exported(self, exported: Exported | None) -> None:
        if exported is not None:
            self.notify(exported.note, exported.folder if exported.files else None)

    def export_pdf(self) -> None:
        current = self._current()
        if current is None:
            return
        plan, office = current
        from cchc_desktop.documents.package import document_stem
        from cchc_desktop.render.paged import write_plan_pdf

        start = Path(settings.EXPORT_FOLDER.get())
        target, _ = QFileDialog.getSaveFileName(
            self, "Xuất PDF", str(start / f"{document_stem('KH', plan, office)}.pdf"), "PDF (*.pdf)"
        )
        if not target:
            return
        try:
            with busy():
                pages = write_plan_pdf(plan, office, Path(target))
        except CchcError as error:
            show_error(self, error)
            return
        settings.EXPORT_FOLDER.set(str(Path(target).parent))
        self.notify(f"Đã xuất PDF ({pages} trang): {target}", Path(target).parent)

    def open_docx(self) -> None:
        """A working copy of the .docx in the data folder, opened with the default program."""
        current = self._current()
        if current is None:
            return
        plan, office = current
        from cchc_desktop.documents.package import document_stem
        from cchc_desktop.documents.plan_docx import write_plan_docx

        target = self.db_path.parent / "van-ban" / f"{document_stem('KH', plan, office)}.docx"
        try:
            with busy():
                self._report_warnings(write_plan_docx(plan, office, target))
        except CchcError as error:
            show_error(self, error)
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))):
            show_error(
                self,
                CchcError(f"Máy chưa có chương trình mở tệp .docx. Tệp đã được ghi tại:\n{target}"),
            )
            return
        self.notify(
            f"Đã ghi và mở {target.name} (bản làm việc trong thư mục dữ liệu)", target.parent
        )

    def _printer(self) -> QPrinter:
        return new_printer(self.windowTitle())

    def print_preview(self) -> None:
        dialog = self.preview_dialog()
        if dialog is not None:
            dialog.exec()

    def preview_dialog(self) -> PlanPreviewDialog | None:
        """The selected plan as it prints, pages laid out by Qt (no office suite needed)."""
        current = self._current()
        if current is None:
            return None
        from cchc_desktop.ui.print_preview import PlanPreviewDialog

        return PlanPreviewDialog(self._printer(), *current, parent=self)

    def print_plan(self) -> None:
        current = self._current()
        if current is not None:
            print_plan(self, *current)

    def record_issue(self) -> None:
        """The number and date the clerk gave the plan: only those are written (the tasks'
        tracking, edited meanwhile, stays as it is)."""
        self.tracker.commit_panel()
        current = self._current()
        if current is None:
            return
        from cchc_desktop.ui.issue_dialog import IssueDialog

        plan, _office = current
        assert plan.id is not None
        dialog = IssueDialog(plan, self.today(), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        number, issued_on = dialog.values()
        try:
            issued = self.repo.record_issue(plan.id, number, issued_on)
        except CchcError as error:
            show_error(self, error)
            return
        self.refresh(select=plan.id)
        if issued.is_issued:
            self.notify(
                f"Đã ghi số {issued.number}/{issued.number_suffix}: kế hoạch đã ban hành; bản đã "
                "ký được giữ lại."
            )

    def _report_warnings(self, warnings: list[str]) -> None:
        if warnings:
            QMessageBox.information(self, "Lưu ý khi xuất văn bản", "\n".join(warnings))

    def backup(self) -> None:
        folder = settings.BACKUP_FOLDER.get()
        suggested = str(Path(folder) / f"cchc-saoluu-{self.db_path.stem}.sqlite")
        target, _ = QFileDialog.getSaveFileName(
            self, "Sao lưu dữ liệu", suggested, "Tệp dữ liệu (*.sqlite)"
        )
        if not target:
            return
        try:
            backup_to(self.repo.conn, Path(target))
        except CchcError as error:
            show_error(self, error)
            return
        settings.BACKUP_FOLDER.set(str(Path(target).parent))
        self.notify(f"Đã sao lưu vào {target}", Path(target).parent)

    def restore_backup(self) -> None:
        """Put a backup in place of the data (the data replaced is kept as a copy)."""
        from cchc_desktop.store.backups import restore
        from cchc_desktop.ui.backup_dialog import RestoreDialog

        def put_back(source: Path) -> str:
            kept = restore(self.repo.conn, self.db_path, source, self.clock.now().astimezone())
            return f"Dữ liệu trước khi khôi phục được giữ trong «{kept}»."

        self.tracker.commit_panel()
        dialog = RestoreDialog(self.db_path, put_back, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()
            self.check_deadlines()

    def take_daily_backup(self) -> None:
        """Today's automatic copy of the data, unless there is one (quietly: a failure is
        said in the status bar, the work goes on)."""
        from cchc_desktop.store.backups import daily_backup

        if self.read_only or not self.db_path.is_file():
            return
        try:
            made = daily_backup(self.repo.conn, self.db_path, self.today())
        except CchcError as error:
            self.notify(f"Chưa sao lưu tự động được: {error.message}")
            return
        if made is not None:
            self.notify(f"Đã sao lưu tự động: {made}")

    def import_word(self) -> None:
        """Tệp → Nhập kế hoạch từ Word…: a plan to track, or a template for the wizard."""
        from cchc_desktop.ui.import_dialog import import_from_word

        plan_id = import_from_word(self, self.repo, self.clock)
        if plan_id is not None:
            self.open_plan(plan_id)

    def open_package(self) -> None:
        """Tệp → Mở gói kế hoạch…: a plan moved from another PC, with its tracking."""
        from cchc_desktop.ui.exchange_dialogs import open_package

        plan_id = open_package(self, self.repo)
        if plan_id is not None:
            self.open_plan(plan_id)

    def consolidate(self) -> None:
        """Tệp → Tổng hợp từ các đơn vị…: the offices' packages in one workbook and report."""
        from cchc_desktop.ui.exchange_dialogs import consolidate_from_offices

        consolidate_from_offices(self, self.repo, self.today())

    def bring_to_front(self) -> None:
        """Another start of the program on this file asked for this window."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()
        QApplication.alert(self)

    def _show_read_only(self) -> None:
        """Open read-only: said in the title and the status bar, edits off."""
        from cchc_desktop.store.database import write_protection

        reason = write_protection(self.db_path) or "tệp đang mở ở chế độ chỉ đọc"
        self.setWindowTitle(f"{APP_DISPLAY_NAME} — chỉ đọc")
        badge = QLabel(" Chỉ đọc ", self)
        badge.setObjectName("readOnlyBadge")
        badge.setStyleSheet("background: #fde8e8; color: #a4161a; font-weight: bold;")
        badge.setToolTip(
            f"Không lưu được thay đổi vào «{self.db_path}»: {reason}. Xem, tìm, in và xuất văn "
            "bản vẫn được. Để sửa, hãy chép tệp sang thư mục ghi được hoặc bỏ thuộc tính chỉ đọc."
        )
        self.statusBar().addPermanentWidget(badge)
        self.notify(f"Chỉ đọc ({reason}): {self.db_path}")
        self.tracker.set_read_only(True)
        for action in self.write_actions:
            action.setEnabled(False)
        for button in (self.ui.newPlanButton, self.ui.sampleButton, self.ui.importButton):
            button.setEnabled(False)

    def open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.db_path.parent)))

    def _update_help_topic(self, *_args: object) -> None:
        """F1 opens the guide at what the window shows: the first steps, the tasks or the text."""
        if self.ui.stack.currentIndex() == EMPTY_PAGE:
            set_topic(self, "bat-dau")
        else:
            set_topic(
                self, "nhiem-vu" if self.ui.planTabs.currentIndex() == TASKS_TAB else "van-ban"
            )

    def open_log_folder(self) -> None:
        """Where the log is (for support), else the data folder."""
        from cchc_desktop.ui.logs import log_file

        log = log_file()
        folder = log.parent if log is not None else self.db_path.parent
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def about(self) -> None:
        QMessageBox.about(
            self,
            "Giới thiệu",
            f"<b>{APP_DISPLAY_NAME}</b> — phiên bản {__version__}<br><br>"
            "Lập kế hoạch tuyên truyền cải cách hành chính của xã, phường, đặc khu từ kế hoạch "
            "của thành phố; theo dõi nhiệm vụ; xuất văn bản theo Nghị định 30/2020/NĐ-CP.<br>"
            "Chương trình chạy hoàn toàn trên máy, không cần mạng.<br><br>"
            f"Tệp dữ liệu: {self.db_path}",
        )

    def _restore_layout(self) -> None:
        """The window as the officer left it, brought onto this screen; the first time, or on
        a small screen, maximised (sides shared out once it is shown)."""
        geometry = settings.WINDOW_GEOMETRY.get()
        if geometry is not None and self.restoreGeometry(geometry):
            keep_on_screen(self)
        elif is_small(self):
            self.setWindowState(Qt.WindowState.WindowMaximized)
        else:
            fit(self, QSize(1280, 800))
        self._split_on_show = settings.MAIN_SPLITTER.get() is None
        for widget, setting in self._saved_layout():
            state = setting.get()
            if state is not None:
                widget.restoreState(state)
        self.ui.actionTaskPanel.setChecked(self.tracker.panel_shown())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._split_on_show:
            self._split_on_show = False
            QTimer.singleShot(0, self._share_width)  # once maximised to the screen

    def _share_width(self) -> None:
        """The plans list gets a fifth of the width (160 to 260 px), then the task table and
        its side panel share the rest."""
        width = sum(self.ui.splitter.sizes())
        plans = min(max(round(width * 0.2), 160), 260)
        self.ui.splitter.setSizes([plans, width - plans])
        QTimer.singleShot(0, self.tracker.share_width)  # once the tracker has its new width

    def closeEvent(self, event: QCloseEvent) -> None:
        self.tracker.commit_panel()
        settings.WINDOW_GEOMETRY.set(self.saveGeometry())
        for widget, setting in self._saved_layout():
            setting.set(widget.saveState())
        super().closeEvent(event)
        self.closed.emit()

    def _saved_layout(self) -> list[tuple[Any, settings.StateSetting]]:
        """Splitters and the task table's columns (order, widths, hidden), kept between runs."""
        return [
            (self.ui.splitter, settings.MAIN_SPLITTER),
            (self.tracker.ui.splitter, settings.TASK_SPLITTER),
            (self.tracker.ui.table.horizontalHeader(), settings.TASK_COLUMNS),
        ]


class _PlanBinCommand(QUndoCommand):
    """A plan moved to the bin; undo puts it back and opens it."""

    def __init__(self, window: MainWindow, plan_id: int, title: str) -> None:
        super().__init__(f"Xóa kế hoạch «{title[:40]}»")
        self.window, self.plan_id = window, plan_id
        self._first = True

    def redo(self) -> None:
        if self._first:  # pushed after the plan was moved
            self._first = False
            return
        self.window.repo.delete_plan(self.plan_id)
        QTimer.singleShot(0, self.window.refresh)  # not while the stack is busy with us

    def undo(self) -> None:
        self.window.repo.restore_plan(self.plan_id)
        QTimer.singleShot(0, lambda: self.window.refresh(select=self.plan_id))
