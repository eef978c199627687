"""IssueDialog: records the number and signing date of a plan once the clerk has assigned them."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from cchc_desktop.core.model import Plan, PlanState, issue_state
from cchc_desktop.ui.forms.ui_issue_dialog import Ui_IssueDialog
from cchc_desktop.ui.guide import set_topic


class IssueDialog(QDialog):
    def __init__(self, plan: Plan, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_IssueDialog()
        self.ui.setupUi(self)
        self.plan = plan
        set_topic(self, "ghi-so")
        self.ui.suffix.setText(f"/{plan.number_suffix}")
        self.ui.number.setText(plan.number)
        day = plan.issued_on or today
        self.ui.issuedOn.setDate(QDate(day.year, day.month, day.day))
        self.ui.signed.setChecked(plan.issued_on is not None)
        self.ui.issuedOn.setEnabled(self.ui.signed.isChecked())
        self.ui.signed.toggled.connect(self.ui.issuedOn.setEnabled)
        self.ui.number.textChanged.connect(self._validate)
        self.ui.buttons.accepted.connect(self.accept)
        self.ui.buttons.rejected.connect(self.reject)
        self._validate()

    def _validate(self) -> None:
        number = self.ui.number.text().strip()
        ok = not number or number.isdigit()
        self.ui.problem.setText("" if ok else "Số văn bản chỉ gồm chữ số, ví dụ 05.")
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def values(self) -> tuple[str, date | None]:
        """The number (as typed: the store pads it) and the signing date, if one was given."""
        issued_on: date | None = None
        if self.ui.signed.isChecked():
            issued_on = self.ui.issuedOn.date().toPython()  # type: ignore[assignment]
        return self.ui.number.text().strip(), issued_on

    def will_issue(self) -> bool:
        number, issued_on = self.values()
        return issue_state(number, issued_on) is PlanState.ISSUED
