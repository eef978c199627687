"""PlanPreviewDialog: Kế hoạch → Xem trước khi in — the plan's pages as Qt lays them out for the
printer, sized to the screen. Loaded on first use, with Qt's print support."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from cchc_desktop.core.model import Office, Plan
from cchc_desktop.render.paged import paint_parts, plan_parts
from cchc_desktop.ui.guide import set_topic
from cchc_desktop.ui.screen_fit import fit


class PlanPreviewDialog(QPrintPreviewDialog):
    def __init__(
        self, printer: QPrinter, plan: Plan, office: Office, parent: QWidget | None = None
    ) -> None:
        super().__init__(printer, parent)
        self.kept_printer = printer  # the dialog does not own it: alive as long as the dialog
        parts = plan_parts(plan, office)
        self.setWindowTitle("Xem trước khi in")
        set_topic(self, "in")
        self.paintRequested.connect(lambda target: paint_parts(target, parts))
        fit(self, QSize(1100, 760))
