"""PlanWizard: from a template (or the office's last plan) to a plan ready to print — or a
saved plan opened again for editing in the same pages — saved as the officer types."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMessageBox, QWidget, QWizard

from cchc_desktop.core.adapt import adapt, carry_forward, default_units
from cchc_desktop.core.checks import Step
from cchc_desktop.core.clock import Clock
from cchc_desktop.core.model import Office, OfficeKind, Plan, PlanState
from cchc_desktop.core.period import Period, PeriodKind, drafting_month, period_to_plan
from cchc_desktop.core.serialize import (
    office_from_dict,
    office_to_dict,
    plan_from_dict,
    plan_to_dict,
)
from cchc_desktop.core.template import Template
from cchc_desktop.errors import CchcError, ConflictError, DataFormatError
from cchc_desktop.store.drafts import Draft, delete_draft, save_draft
from cchc_desktop.store.repository import Repository
from cchc_desktop.ui.export_flow import Exported, export_plan_documents
from cchc_desktop.ui.guide import set_topic
from cchc_desktop.ui.messages import show_error
from cchc_desktop.ui.screen_fit import fit

# The officer's typing is saved at most this long after a change, whether or not they pause.
AUTOSAVE_MS = 800


class PageId(IntEnum):
    OFFICE = 0
    PERIOD = 1
    OPENING = 2  # summary, bases, preamble
    PURPOSES = 3
    CONTENT = 4
    FORMS = 5
    TASKS = 6
    ORGANISATION = 7
    BODY = 8  # the whole body, every heading; the closing paragraph
    SIGNING = 9
    REVIEW = 10


STEP_PAGES = {
    Step.OFFICE: PageId.OFFICE,
    Step.OPENING: PageId.OPENING,
    Step.PURPOSES: PageId.PURPOSES,
    Step.CONTENT: PageId.CONTENT,
    Step.FORMS: PageId.FORMS,
    Step.TASKS: PageId.TASKS,
    Step.ORGANISATION: PageId.ORGANISATION,
    Step.BODY: PageId.BODY,
    Step.SIGNING: PageId.SIGNING,
}


def new_office(template: Template, kind: OfficeKind = OfficeKind.XA) -> Office:
    return Office(
        kind=kind,
        name="",
        province=template.source.get("city", ""),
        units=default_units(template, kind),
    )


class PlanWizard(QWizard):
    """The pages are listed once in ``pages.PAGES``; each fills itself from ``office`` and
    ``plan`` in initializePage and writes every edit straight back, then calls ``changed``.

    Given ``plan_id``, it edits that saved plan: nothing is rebuilt from a template, and
    saving keeps every task's tracking.
    """

    plan_saved = Signal(int)  # the id of the plan just saved

    def __init__(
        self,
        repo: Repository,
        template: Template,
        *,
        draft: Draft | None = None,
        plan_id: int | None = None,
        templates: list[Template] | None = None,
        clock: Clock | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        from cchc_desktop.ui.wizard.pages import PAGES

        self.repo = repo
        self.clock = clock or repo.clock
        self.templates = templates or [template]
        self.template = template
        self.office = new_office(template)
        self.plan: Plan | None = None
        self.period = period_to_plan(self.clock.today())
        self.from_last = False
        self.local_cchc_plan = ""
        self.built_for: tuple[Any, ...] | None = None
        self.editing: int | None = None  # the saved plan being edited
        self.draft_id: int | None = None
        self.saved_plan_id: int | None = None
        self.saved_note = ""  # what the main window's status bar says once the plan is saved
        self.exported: Exported | None = None
        self.notice = ""  # said once the wizard is on screen (a draft that could not be read)
        resume_page = PageId.OFFICE
        if plan_id is not None:
            self._open_saved(plan_id)
            resume_page = PageId.OPENING
        if draft is not None:
            if self._restore(draft.payload):
                self.draft_id = draft.id
                resume_page = PageId(min(max(draft.page, 0), PageId.REVIEW))
            else:
                self.notice = (
                    "Bản nháp lưu trước đây không đọc được (có thể do phiên bản cũ hoặc tệp dữ "
                    "liệu bị hỏng) nên được bỏ qua; hãy lập lại kế hoạch."
                )
                delete_draft(repo.db, draft.id)
        if self.editing is None and draft is None:
            self.period = self._unplanned(self.period)

        self.setWindowTitle("Sửa kế hoạch" if self.editing else "Lập kế hoạch tuyên truyền CCHC")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        for page_id, page_class in PAGES:
            page = page_class(self)
            set_topic(page, f"trinh-lap-{page_id + 1}")  # the guide's section of this step
            self.setPage(page_id, page)
        if self.editing:
            self.setButtonText(QWizard.WizardButton.FinishButton, "&Lưu kế hoạch")
        self._resume_page = resume_page
        self._last_page = int(resume_page)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.save_draft)
        self.currentIdChanged.connect(self._page_changed)
        fit(self, QSize(1180, 740))

    # the plan being edited ---------------------------------------------------------------

    def _open_saved(self, plan_id: int) -> None:
        plan = self.repo.plan(plan_id)
        if plan.office_id is None:
            raise CchcError("Kế hoạch chưa gắn với cơ quan nào.")
        self.plan = plan
        self.office = self.repo.office(plan.office_id)
        self.period = plan.period
        self.editing = plan_id
        self.built_for = self.build_key()

    def _unplanned(self, period: Period) -> Period:
        """The suggested period, moved past the ones the office has planned already."""
        if self.office.id is None:
            return period
        planned = {p.period for p in self.repo.plans(self.office.id)}
        for _ in range(4):
            if period not in planned:
                break
            period = period.next
        return period

    # drafts ------------------------------------------------------------------------------

    def payload(self) -> dict[str, Any]:
        return {
            "office": office_to_dict(self.office),
            "plan": plan_to_dict(self.plan) if self.plan is not None else None,
            "period": {"kind": self.period.kind.value, "year": self.period.year},
            "from_last": self.from_last,
            "local_cchc_plan": self.local_cchc_plan,
            "built_for": list(self.built_for) if self.built_for else None,
            "editing": self.editing,
            "template_id": self.template.id,
        }

    def _restore(self, payload: dict[str, Any]) -> bool:
        """Continue a saved draft; False when it cannot be read (damaged, or too old)."""
        try:
            office = office_from_dict(payload["office"])
            plan = plan_from_dict(payload["plan"]) if payload.get("plan") else None
            period = Period(PeriodKind(payload["period"]["kind"]), int(payload["period"]["year"]))
        except (DataFormatError, KeyError, TypeError, ValueError):
            return False
        self.office, self.plan, self.period = office, plan, period
        self.from_last = bool(payload.get("from_last", False))
        self.local_cchc_plan = str(payload.get("local_cchc_plan", ""))
        built = payload.get("built_for")
        self.built_for = tuple(built) if built else None
        editing = payload.get("editing")
        self.editing = int(editing) if isinstance(editing, int) else None
        wanted = payload.get("template_id")
        self.template = next((t for t in self.templates if t.id == wanted), self.template)
        return True

    def changed(self) -> None:
        """Something was typed or chosen: save the draft soon. The timer is not restarted by
        later changes, so steady typing is saved at least every AUTOSAVE_MS."""
        if not self._timer.isActive():
            self._timer.start()

    def _page_changed(self, page_id: int) -> None:
        if page_id >= 0:  # -1 while the wizard resets itself on closing
            self._last_page = page_id
            self.save_draft()

    def save_draft(self) -> None:
        self._timer.stop()
        if self.saved_plan_id is not None:
            return
        page = self.currentId() if self.currentId() >= 0 else self._last_page
        try:
            self.draft_id = save_draft(
                self.repo.db, self.draft_id, page, self.payload(), self.clock
            )
        except CchcError as error:
            show_error(self, error)

    def resume(self) -> None:
        """After show(): walk forward to the page where the draft was left."""
        while self.currentId() < self._resume_page and self.currentId() >= 0:
            before = self.currentId()
            self.next()
            if self.currentId() == before:
                break
        if self.notice:
            QMessageBox.information(self, "Bản nháp", self.notice)
            self.notice = ""

    # building the plan -------------------------------------------------------------------

    def build_key(self) -> tuple[Any, ...]:
        """What the plan's wording depends on; a change means building it again."""
        return (
            self.period.kind.value, self.period.year, self.from_last, self.template.id,
            self.office.kind.value, self.office.name.strip(), self.local_cchc_plan.strip(),
        )  # fmt: skip

    def last_plan_id(self) -> int | None:
        if self.office.id is None:
            return None
        plans = [p for p in self.repo.plans(self.office.id) if p.id != self.editing]
        return plans[0].id if plans else None

    def build_plan(self) -> None:
        """The plan for the chosen period: adapted from the template, or carried forward."""
        last = self.last_plan_id() if self.from_last else None
        today = self.clock.today()
        if last is not None:
            plan = carry_forward(self.repo.plan(last), self.period)
            plan.recipients = plan.recipients or list(self.office.recipients)
        else:
            plan = adapt(
                self.template,
                self.office,
                self.period,
                local_cchc_plan=self.local_cchc_plan.strip(),
            )
        plan.drafted_on = drafting_month(self.period, today)
        plan.office_id = self.office.id
        self.plan = plan
        self.built_for = self.build_key()
        self.changed()

    # navigation --------------------------------------------------------------------------

    def go_to(self, step: Step) -> None:
        """Back to the page that fixes a problem found on the review page."""
        target = STEP_PAGES[step]
        while self.currentId() > target:
            before = self.currentId()
            self.back()
            if self.currentId() == before:
                break

    # finishing ---------------------------------------------------------------------------

    def accept(self) -> None:
        """Save the office and the plan in one transaction, then offer the documents."""
        assert self.plan is not None
        plan, office = self.plan, self.office
        signer = plan.signer
        if signer is not None and signer.name.strip():  # remembered, the latest first
            others = [
                s for s in office.signers
                if (s.name, s.authority_lines) != (signer.name, signer.authority_lines)
            ]  # fmt: skip
            office.signers = [signer, *others[:4]]
        if plan.recipients:
            office.recipients = list(plan.recipients)
        overwrite = False
        while True:
            try:
                with self.repo.transaction():
                    self.repo.save_office(office)
                    plan.office_id = office.id
                    plan_id = self.repo.save_plan(plan, overwrite=overwrite)
                    if plan.is_issued:  # numbered and dated already: kept as signed
                        self.repo.save_version(plan, office)
                break
            except ConflictError as error:
                if not self._confirm_overwrite(error):
                    return  # the draft is kept: nothing typed is lost
                overwrite = True
            except CchcError as error:
                show_error(self, error)
                return
        self.saved_plan_id = plan_id
        if self.draft_id is not None:
            delete_draft(self.repo.db, self.draft_id)
            self.draft_id = None
        state = "ban hành" if plan.state is PlanState.ISSUED else "lưu"
        cleaned = "".join(f"{note}. " for note in self.repo.take_notes())
        self.saved_note = f"Đã {state} kế hoạch «{plan.title[:60]}»."
        self.exported = export_plan_documents(
            self,
            plan,
            office,
            title=f"Đã {state} và xuất kế hoạch",
            lead=f"Kế hoạch đã được {state}. {cleaned}",
            offer_print=True,
        )
        super().accept()
        self.plan_saved.emit(plan_id)

    def _confirm_overwrite(self, error: ConflictError) -> bool:
        """The plan was changed elsewhere since it was opened here: the officer decides."""
        answer = QMessageBox.question(
            self,
            "Kế hoạch đã được sửa ở nơi khác",
            f"{error.message}\n\nLưu bản trong cửa sổ này đè lên những thay đổi đó? Chọn "
            "«Không» để xem lại: bản đang soạn vẫn được giữ ở bản nháp.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def reject(self) -> None:
        """Closing keeps the draft: the next time the wizard offers to continue it."""
        self.save_draft()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_draft()
        super().closeEvent(event)
