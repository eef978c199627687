"""IssueDialog: records the number and signing date of a plan once the clerk has assigned them."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from cchc_desktop.core.model import Plan, PlanState
from cchc_desktop.ui.forms.ui_issue_dialog import Ui_IssueDialog


class IssueDialog(QDialog):
    def __init__(self, plan: Plan, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_IssueDialog()
        self.ui.setupUi(self)
        self.plan = plan
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

    def apply(self) -> Plan:
        """The plan with what the officer entered (call after the dialog was accepted)."""
        number = self.ui.number.text().strip()
        self.plan.number = f"{int(number):02d}" if number else ""
        self.plan.issued_on = (
            self.ui.issuedOn.date().toPython() if self.ui.signed.isChecked() else None
        )
        signed = self.plan.number and self.plan.issued_on
        self.plan.state = PlanState.ISSUED if signed else PlanState.DRAFT
        return self.plan
