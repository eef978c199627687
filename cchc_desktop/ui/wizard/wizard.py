"""PlanWizard: from the city template to a commune plan ready to print, saved as it goes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QWidget, QWizard

from cchc_desktop.core.adapt import adapt, carry_forward, default_units
from cchc_desktop.core.checks import Step
from cchc_desktop.core.model import Office, OfficeKind, Plan
from cchc_desktop.core.period import Period, PeriodKind
from cchc_desktop.core.serialize import (
    office_from_dict,
    office_to_dict,
    plan_from_dict,
    plan_to_dict,
)
from cchc_desktop.core.template import Template
from cchc_desktop.errors import CchcError
from cchc_desktop.store.drafts import Draft, delete_draft, save_draft
from cchc_desktop.store.repository import Repository
from cchc_desktop.ui.export_flow import export_plan_documents
from cchc_desktop.ui.messages import show_error

AUTOSAVE_MS = 600


class PageId(IntEnum):
    OFFICE = 0
    PERIOD = 1
    BASES = 2
    PURPOSES = 3
    CONTENT = 4
    FORMS = 5
    TASKS = 6
    ORGANISATION = 7
    SIGNING = 8
    REVIEW = 9


STEP_PAGES = {
    Step.OFFICE: PageId.OFFICE,
    Step.OPENING: PageId.BASES,
    Step.PURPOSES: PageId.PURPOSES,
    Step.CONTENT: PageId.CONTENT,
    Step.FORMS: PageId.FORMS,
    Step.TASKS: PageId.TASKS,
    Step.ORGANISATION: PageId.ORGANISATION,
    Step.BODY: PageId.ORGANISATION,
    Step.SIGNING: PageId.SIGNING,
}


def new_office(template: Template, kind: OfficeKind = OfficeKind.XA) -> Office:
    return Office(
        kind=kind,
        name="",
        province=template.source.get("city", ""),
        units=default_units(template, kind),
    )


def current_period(today: date) -> Period:
    return Period(PeriodKind.FIRST_HALF if today.month <= 6 else PeriodKind.SECOND_HALF, today.year)


class PlanWizard(QWizard):
    """The pages are listed once in ``pages.PAGES``; each fills itself from ``office`` and
    ``plan`` in initializePage and writes every edit straight back, then calls ``changed``."""

    def __init__(
        self,
        repo: Repository,
        template: Template,
        *,
        draft: Draft | None = None,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        from cchc_desktop.ui.wizard.pages import PAGES

        self.repo = repo
        self.template = template
        self.today = today
        self.office = new_office(template)
        self.plan: Plan | None = None
        self.period = current_period(today())
        self.from_last = False
        self.local_cchc_plan = ""
        self.built_for: tuple[Any, ...] | None = None
        self.draft_id: int | None = None
        self.saved_plan_id: int | None = None
        resume_page = PageId.OFFICE
        if draft is not None:
            self._restore(draft.payload)
            self.draft_id = draft.id
            resume_page = PageId(min(max(draft.page, 0), PageId.REVIEW))

        self.setWindowTitle("Lập kế hoạch tuyên truyền CCHC")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        for page_id, page_class in PAGES:
            self.setPage(page_id, page_class(self))
        self._resume_page = resume_page
        self._last_page = int(resume_page)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.save_draft)
        self.currentIdChanged.connect(self._page_changed)
        screen = QGuiApplication.primaryScreen()
        available = screen.availableGeometry() if screen else None
        width = min(1100, available.width() - 40) if available else 1100
        height = min(720, available.height() - 60) if available else 720
        self.resize(width, height)

    # drafts ------------------------------------------------------------------------------

    def payload(self) -> dict[str, Any]:
        return {
            "office": office_to_dict(self.office),
            "plan": plan_to_dict(self.plan) if self.plan is not None else None,
            "period": {"kind": self.period.kind.value, "year": self.period.year},
            "from_last": self.from_last,
            "local_cchc_plan": self.local_cchc_plan,
            "built_for": list(self.built_for) if self.built_for else None,
        }

    def _restore(self, payload: dict[str, Any]) -> None:
        self.office = office_from_dict(payload["office"])
        self.plan = plan_from_dict(payload["plan"]) if payload.get("plan") else None
        period = payload["period"]
        self.period = Period(PeriodKind(period["kind"]), period["year"])
        self.from_last = payload.get("from_last", False)
        self.local_cchc_plan = payload.get("local_cchc_plan", "")
        built = payload.get("built_for")
        self.built_for = tuple(built) if built else None

    def changed(self) -> None:
        """Something was typed or chosen: save the draft shortly (debounced)."""
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
            self.draft_id = save_draft(self.repo.db, self.draft_id, page, self.payload())
        except CchcError as error:
            show_error(self, error)

    def resume(self) -> None:
        """After show(): walk forward to the page where the draft was left."""
        while self.currentId() < self._resume_page and self.currentId() >= 0:
            before = self.currentId()
            self.next()
            if self.currentId() == before:
                break

    # building the plan -------------------------------------------------------------------

    def build_key(self) -> tuple[Any, ...]:
        """What the plan's wording depends on; a change means building it again."""
        return (
            self.period.kind.value, self.period.year, self.from_last,
            self.office.kind.value, self.office.name.strip(), self.local_cchc_plan.strip(),
        )  # fmt: skip

    def last_plan_id(self) -> int | None:
        if self.office.id is None:
            return None
        plans = self.repo.plans(self.office.id)
        return plans[0].id if plans else None

    def build_plan(self) -> None:
        """The plan for the chosen period: adapted from the template, or carried forward."""
        last = self.last_plan_id() if self.from_last else None
        if last is not None:
            plan = carry_forward(self.repo.plan(last), self.period)
            plan.recipients = plan.recipients or list(self.office.recipients)
        else:
            plan = adapt(
                self.template,
                self.office,
                self.period,
                local_cchc_plan=self.local_cchc_plan.strip(),
                drafted_on=self.today(),
            )
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
        """Save the office and the plan, then export the documents to a folder."""
        assert self.plan is not None
        plan, office = self.plan, self.office
        signer = plan.signer
        if (
            signer is not None
            and signer.name.strip()
            and all(s.name != signer.name for s in office.signers)
        ):
            office.signers.insert(0, signer)  # remembered for the next plan
        if plan.recipients:
            office.recipients = list(plan.recipients)
        try:
            self.repo.save_office(office)
            plan.office_id = office.id
            plan_id = self.repo.save_plan(plan)
        except CchcError as error:
            show_error(self, error)
            return
        self.saved_plan_id = plan_id
        if self.draft_id is not None:
            delete_draft(self.repo.db, self.draft_id)
            self.draft_id = None
        export_plan_documents(
            self,
            plan,
            office,
            title="Đã lưu và xuất kế hoạch",
            lead="Kế hoạch đã được lưu. ",
            offer_print=True,
        )
        super().accept()

    def reject(self) -> None:
        """Closing keeps the draft: the next "Lập kế hoạch mới" offers to continue it."""
        self.save_draft()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_draft()
        super().closeEvent(event)
