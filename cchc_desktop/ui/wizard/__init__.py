"""The plan wizard: from a template to a plan ready to print, or a saved plan edited again."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QMessageBox, QWidget

from cchc_desktop.core.clock import Clock, local_text
from cchc_desktop.core.template import Template, bundled_template
from cchc_desktop.errors import CchcError
from cchc_desktop.store.drafts import delete_draft, latest_draft
from cchc_desktop.store.repository import Repository
from cchc_desktop.ui.messages import show_error
from cchc_desktop.ui.wizard.wizard import PageId, PlanWizard

__all__ = ["PageId", "PlanWizard", "open_wizard"]


class Host(Protocol):
    """The window the wizard opens over (the main window)."""

    repo: Repository
    clock: Clock

    def open_plan(self, plan_id: int) -> None: ...

    def notify(self, text: str, folder: Path | None = None) -> None: ...


def available_templates(repo: Repository) -> list[Template]:
    """The templates a plan can start from: the bundled city plan first, then those the
    office brought in (from Word, or a file passed on), each under an id of its own."""
    from dataclasses import replace

    from cchc_desktop.store.templates import stored_templates

    found = [bundled_template()]
    for stored in stored_templates(repo):
        try:
            template = stored.template()
        except CchcError:  # checked when it was kept; a later version may read it otherwise
            continue
        if template.id in {t.id for t in found}:
            template = replace(template, id=f"{template.id}-{stored.id}")
        found.append(template)
    return found


def open_wizard(window: QWidget, host: Host, plan_id: int | None = None) -> PlanWizard | None:
    """Start the wizard from the main window — a new plan (offering to continue an
    unfinished draft), or ``plan_id`` to edit. When the plan is saved the window opens it."""
    repo = host.repo
    try:
        templates = available_templates(repo)
    except CchcError as error:
        show_error(window, error)
        return None
    draft = latest_draft(repo.db)
    if draft is not None:
        editing = draft.payload.get("editing")
        about = "một kế hoạch đang sửa dở" if editing else "một kế hoạch đang lập dở"
        if plan_id is not None and editing != plan_id:
            about += " (kế hoạch khác)"
        answer = QMessageBox.question(
            window,
            "Tiếp tục bản nháp?",
            f"Có {about} (lưu lúc {local_text(draft.updated_at)})."
            "\n\nTiếp tục bản nháp đó? Chọn «Không» để bỏ bản nháp.",
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
        else:
            plan_id = None  # the draft says what it edits
    try:
        wizard = PlanWizard(
            repo, templates[0], draft=draft, plan_id=plan_id, templates=templates,
            clock=host.clock, parent=window,
        )  # fmt: skip
    except CchcError as error:
        show_error(window, error)
        return None

    def saved(plan_id: int) -> None:
        host.open_plan(plan_id)
        exported = wizard.exported
        if exported is not None and exported.files:
            host.notify(f"{wizard.saved_note} {exported.note}", exported.folder)
        else:
            host.notify(wizard.saved_note)

    wizard.plan_saved.connect(saved)
    wizard.show()
    wizard.resume()
    return wizard
