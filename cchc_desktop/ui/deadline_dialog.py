"""DeadlineDialog: the office's rule for report deadlines (the day of the quarter's last month),
with the deadlines it gives for the open plan."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from cchc_desktop.core.deadlines import clamp_day, deadlines
from cchc_desktop.core.model import Office
from cchc_desktop.core.office import formal_name
from cchc_desktop.core.period import Period
from cchc_desktop.core.timewords import format_date_vn
from cchc_desktop.ui.forms.ui_deadline_dialog import Ui_DeadlineDialog
from cchc_desktop.ui.guide import set_topic


class DeadlineDialog(QDialog):
    def __init__(
        self, office: Office, period: Period | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_DeadlineDialog()
        self.ui.setupUi(self)
        self.period = period
        set_topic(self, "han-bao-cao")
        self.setWindowTitle(f"Hạn gửi báo cáo — {formal_name(office)}")
        self.setMinimumWidth(460)
        self.ui.daySpin.setValue(clamp_day(office.report_deadline_day))
        self.ui.daySpin.valueChanged.connect(self._preview)
        self.ui.buttons.accepted.connect(self.accept)
        self.ui.buttons.rejected.connect(self.reject)
        self._preview()

    def day(self) -> int:
        return self.ui.daySpin.value()

    def _preview(self) -> None:
        if self.period is None:
            self.ui.preview.clear()
            return
        lines = [
            f"• {d.label[:1].upper()}{d.label[1:]}: trước ngày {format_date_vn(d.day)}"
            for d in deadlines(self.period, self.day())
        ]
        self.ui.preview.setText(f"Với kế hoạch {self.period.label}:\n" + "\n".join(lines))
