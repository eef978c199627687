"""ReportDialog: the progress report of one period — its figures from the tracked tasks, its
wording in editors (saved as the officer types), and the export of the .docx and .xlsx."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QSize, QTimer, QUrl
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from cchc_desktop.core.deadlines import ReportPeriod, report_periods
from cchc_desktop.core.docdate import number_text
from cchc_desktop.core.model import Office, Plan
from cchc_desktop.core.numbering import roman
from cchc_desktop.core.office import number_suffix
from cchc_desktop.core.report import (
    SECTION_NEXT,
    SECTION_PROPOSALS,
    SECTION_RESULTS,
    SECTION_SHORTCOMINGS,
    Report,
    ReportData,
    ReportText,
    aggregate,
    default_text,
)
from cchc_desktop.core.timewords import format_date_vn
from cchc_desktop.core.tracking import TrackedTask
from cchc_desktop.errors import CchcError, ReadOnlyTargetError
from cchc_desktop.store.tracking import TaskStore
from cchc_desktop.ui.forms.ui_report_dialog import Ui_ReportDialog
from cchc_desktop.ui.guide import set_topic
from cchc_desktop.ui.messages import show_error
from cchc_desktop.ui.screen_fit import fit
from cchc_desktop.ui.settings import EXPORT_FOLDER

SAVE_DELAY_MS = 800
TAB_TITLES = {  # the full heading is the tab's tooltip and is what prints
    SECTION_RESULTS: "Kết quả",
    SECTION_SHORTCOMINGS: "Tồn tại, hạn chế",
    SECTION_NEXT: "Thời gian tới",
    SECTION_PROPOSALS: "Đề xuất",
}


def choose_report(periods: list[ReportPeriod], day: int, today: date) -> ReportPeriod:
    """The report the officer most likely wants: the next one due (of those due the same day,
    the widest: the year's rather than the fourth quarter's), else the last one."""
    upcoming = [r for r in periods if r.deadline(day) >= today]
    if upcoming:
        return min(upcoming, key=lambda r: (r.deadline(day), -(r.end - r.start).days))
    return periods[-1]


class ReportDialog(QDialog):
    def __init__(
        self,
        store: TaskStore,
        plan: Plan,
        office: Office,
        today: date,
        report: ReportPeriod | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ReportDialog()
        self.ui.setupUi(self)
        self.store, self.plan, self.office, self.today = store, plan, office, today
        set_topic(self, "bao-cao")
        assert plan.id is not None
        self.plan_id: int = plan.id
        self.tracked: list[TrackedTask] = store.tracked_tasks(plan.id)
        self.histories = store.histories(plan.id)
        self.periods = report_periods(plan.period)
        self.data: ReportData | None = None
        self.text: ReportText | None = None
        self.edited = False  # the wording differs from what the figures would give
        self.shown: ReportPeriod | None = None  # the period whose wording is in the editors
        self.files: list[Path] = []
        self._loading = False

        self.intro = self._editor("Mở đầu")
        self.sections: list[QPlainTextEdit] = []
        self.closing = QPlainTextEdit()
        self.recipients = QPlainTextEdit()
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_draft)

        for period in self.periods:
            deadline = format_date_vn(period.deadline(office.report_deadline_day))
            self.ui.periodCombo.addItem(
                f"{period.label[:1].upper()}{period.label[1:]} (hạn {deadline})", period.code
            )
        wanted = report or choose_report(self.periods, office.report_deadline_day, today)
        self.ui.periodCombo.setCurrentIndex(max(self.ui.periodCombo.findData(wanted.code), 0))
        self.ui.asOfDate.setDate(QDate(today.year, today.month, today.day))
        self.ui.suffixLabel.setText(f"/{number_suffix(office, 'BC')}")
        self.ui.periodCombo.currentIndexChanged.connect(self._period_changed)
        self.ui.asOfDate.dateChanged.connect(self._figures_changed)
        self.ui.numberEdit.textEdited.connect(self._typed)
        self.ui.regenerateButton.clicked.connect(self.regenerate)
        self.ui.exportButton.clicked.connect(self.export)
        self.ui.closeButton.clicked.connect(self.accept)
        fit(self, QSize(920, 660))
        self._period_changed()

    # building --------------------------------------------------------------------------

    def _editor(self, title: str, note: str = "") -> QPlainTextEdit:
        page = QWidget()
        layout = QVBoxLayout(page)
        if note:
            label = QLabel(note)
            label.setWordWrap(True)
            layout.addWidget(label)
        editor = QPlainTextEdit(page)
        editor.textChanged.connect(self._typed)
        layout.addWidget(editor)
        self.ui.sectionTabs.addTab(page, title)
        return editor

    @property
    def report(self) -> ReportPeriod:
        code = self.ui.periodCombo.currentData()
        return next(p for p in self.periods if p.code == code)

    def as_of(self) -> date:
        value: date = self.ui.asOfDate.date().toPython()  # type: ignore[assignment]
        return value

    def _period_changed(self) -> None:
        self.save_draft()  # the wording typed so far, under the period it was typed for
        report = self.shown = self.report
        self.ui.deadlineInfo.setText(
            f"Hạn gửi: trước ngày "
            f"{format_date_vn(report.deadline(self.office.report_deadline_day))}"
        )
        self.data = aggregate(self.plan, self.tracked, report, self.as_of(), self.histories)
        saved = self.store.report_draft(self.plan_id, report.code)
        text = ReportText.from_dict(saved) if saved else None
        self.edited = text is not None
        self._show_text(text or default_text(self.plan, self.office, self.data))
        self._show_figures()
        self.ui.savedLabel.setText("Đang dùng bản đã sửa trước đây." if saved else "")

    def _figures_changed(self) -> None:
        self.data = aggregate(self.plan, self.tracked, self.report, self.as_of(), self.histories)
        self._show_figures()
        if not self.edited:
            self._show_text(default_text(self.plan, self.office, self.data))
        else:
            self.ui.savedLabel.setText(
                "Số liệu đã đổi: bấm «Tạo lại lời văn từ số liệu» để cập nhật lời văn."
            )

    def _show_figures(self) -> None:
        assert self.data is not None
        c = self.data.counts
        totals = "; ".join(f"{r.count:,} {r.unit}".replace(",", ".") for r in self.data.totals)
        late = f", <b style='color:#a4161a'>{c.overdue} quá hạn</b>" if c.overdue else ""
        self.ui.figuresLabel.setText(
            f"<b>Số liệu {self.report.label}:</b> {c.total} nhiệm vụ đến kỳ — {c.done} hoàn "
            f"thành, {c.in_progress} đang thực hiện, {c.not_started} chưa thực hiện, "
            f"{c.dropped} không thực hiện{late}."
            + (f"<br><b>Sản phẩm (lũy kế):</b> {totals}." if totals else "")
        )

    def _show_text(self, text: ReportText) -> None:
        self._loading = True
        try:
            self.text = text
            while self.ui.sectionTabs.count() > 1:
                old = self.ui.sectionTabs.widget(1)
                self.ui.sectionTabs.removeTab(1)
                if old is not None:
                    old.deleteLater()
            self.sections = []
            for n, section in enumerate(text.sections, 1):
                short = TAB_TITLES.get(section.heading, section.heading[:24])
                self.sections.append(self._editor(f"{roman(n)}. {short}"))
                tabs = self.ui.sectionTabs
                tabs.setTabToolTip(tabs.count() - 1, f"{roman(n)}. {section.heading}")
            self.closing = self._editor(
                "Kết thúc, nơi nhận",
                "Đoạn kết ở trên; nơi nhận ở dưới, mỗi dòng một nơi (dòng cuối «Lưu: VT, …»).",
            )
            page = self.closing.parentWidget()
            assert page is not None
            self.recipients = QPlainTextEdit(page)
            self.recipients.textChanged.connect(self._typed)
            layout = page.layout()
            assert layout is not None
            layout.addWidget(QLabel("Nơi nhận:", page))
            layout.addWidget(self.recipients)
            self.intro.setPlainText(text.intro)
            for editor, section in zip(self.sections, text.sections, strict=True):
                editor.setPlainText(section.text)
            self.closing.setPlainText(text.closing)
            self.recipients.setPlainText("\n".join(text.recipients))
            self.ui.numberEdit.setText(text.number)
        finally:
            self._loading = False

    def current_text(self) -> ReportText:
        """The wording as it stands in the editors."""
        assert self.text is not None
        text = ReportText.from_dict(self.text.to_dict())
        text.intro = self.intro.toPlainText().strip()
        for editor, section in zip(self.sections, text.sections, strict=True):
            section.text = editor.toPlainText().strip()
        text.closing = self.closing.toPlainText().strip()
        text.recipients = [
            line.strip().lstrip("-").strip()
            for line in self.recipients.toPlainText().splitlines()
            if line.strip()
        ]
        text.number = number_text(self.ui.numberEdit.text())
        text.drafted_on = self.as_of()
        return text

    def current_report(self) -> Report:
        assert self.data is not None
        return Report(self.plan, self.office, self.data, self.current_text())

    # saving ----------------------------------------------------------------------------

    def _typed(self, *_args: object) -> None:
        if self._loading:
            return
        self.edited = True
        self._save_timer.start()

    def save_draft(self) -> None:
        """The wording as typed, kept per plan and period (one transaction)."""
        self._save_timer.stop()
        if not self.edited or self.text is None or self.shown is None:
            return
        try:
            self.store.save_report_draft(
                self.plan_id, self.shown.code, self.current_text().to_dict()
            )
        except CchcError as error:
            self.ui.savedLabel.setText(error.message)
            return
        self.ui.savedLabel.setText("Đã lưu bản sửa.")

    def regenerate(self) -> None:
        """Throw away the edited wording and write it again from the figures."""
        if self.edited:
            answer = QMessageBox.question(
                self,
                "Tạo lại lời văn?",
                "Lời văn đã sửa của kỳ báo cáo này sẽ được thay bằng lời văn tạo từ số liệu "
                "hiện tại. Tiếp tục?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._save_timer.stop()
        self.store.discard_report_draft(self.plan_id, self.report.code)
        self.edited = False
        assert self.data is not None
        self._show_text(default_text(self.plan, self.office, self.data))
        self.ui.savedLabel.setText("Đã tạo lại lời văn từ số liệu.")

    def export(self) -> None:
        """The .docx and .xlsx into a folder the officer picks (remembered with the plan's)."""
        self.save_draft()
        folder = QFileDialog.getExistingDirectory(
            self, "Chọn thư mục lưu báo cáo", EXPORT_FOLDER.get()
        )
        if not folder:
            return
        from cchc_desktop.documents.package import TargetsExistError, export_report

        report = self.current_report()

        def asked(question: str) -> bool:
            answer = QMessageBox.question(
                self,
                "Ghi đè tệp?",
                question,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            return answer == QMessageBox.StandardButton.Yes

        try:
            try:
                result = export_report(report, Path(folder))
            except ReadOnlyTargetError as locked:
                names = ", ".join(f"«{p.name}»" for p in locked.files)
                if not asked(f"Tệp {names} đang ở chế độ chỉ đọc. Vẫn ghi đè?"):
                    return
                result = export_report(report, Path(folder), overwrite=True, replace_read_only=True)
            except TargetsExistError as exists:
                if not asked(f"{exists.message}\n\nGhi đè các tệp này bằng bản mới?"):
                    return
                result = export_report(report, Path(folder), overwrite=True)
        except CchcError as error:
            show_error(self, error)
            return
        EXPORT_FOLDER.set(folder)
        self.files = result.files
        names = "\n".join(f"• {p.name}" for p in result.files)
        notes = ("\n\nLưu ý:\n" + "\n".join(result.warnings)) if result.warnings else ""
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "Đã xuất báo cáo",
            f"Đã ghi vào {folder}:\n{names}{notes}",
            parent=self,
        )
        open_button = box.addButton("Mở thư mục", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is open_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(folder))

    def done(self, result: int) -> None:
        self.save_draft()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_draft()
        super().closeEvent(event)
