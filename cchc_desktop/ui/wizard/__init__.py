"""The plan wizard: ten pages from the city template to a commune plan ready to print."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from cchc_desktop.core.template import bundled_template
from cchc_desktop.errors import CchcError
from cchc_desktop.store.drafts import delete_draft, latest_draft
from cchc_desktop.ui.messages import show_error
from cchc_desktop.ui.wizard.wizard import PageId, PlanWizard

if TYPE_CHECKING:
    from cchc_desktop.ui.main_window import MainWindow

__all__ = ["PageId", "PlanWizard", "open_wizard"]


def _local_time(stamp: str) -> str:
    """ "14:05 ngày 12/08/2025" in the PC's own time zone."""
    try:
        moment = datetime.fromisoformat(stamp).astimezone()
    except ValueError:
        return stamp
    return f"{moment:%H:%M} ngày {moment:%d/%m/%Y}"


def open_wizard(window: MainWindow) -> PlanWizard | None:
    """Start the wizard from the main window, offering to continue an unfinished draft.
    When the plan is finished, the main window opens it."""
    repo = window.repo
    try:
        template = bundled_template()
    except CchcError as error:
        show_error(window, error)
        return None
    draft = latest_draft(repo.db)
    if draft is not None:
        answer = QMessageBox.question(
            window,
            "Tiếp tục kế hoạch đang lập?",
            f"Có một kế hoạch đang lập dở (lưu lúc {_local_time(draft.updated_at)})."
            "\n\nTiếp tục kế hoạch đó? Chọn «Không» để bỏ bản nháp và lập kế hoạch mới.",
            QMessageBox.StandardButton.Yes
            | QMessageBox.StandardButton.No
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Yes,
        )
        if answer == QMessageBox.StandardButton.Cancel:
            return None
        if answer == QMessageBox.StandardButton.No:
            delete_draft(repo.db, draft.id)
            draft = None
    wizard = PlanWizard(repo, template, draft=draft, parent=window)

    def finished(_result: int) -> None:
        if wizard.saved_plan_id is not None:
            opener = getattr(window, "open_plan", None)
            if opener is not None:
                opener(wizard.saved_plan_id)
            else:
                window.refresh(select=wizard.saved_plan_id)

    wizard.finished.connect(finished)
    wizard.show()
    wizard.resume()
    return wizard
