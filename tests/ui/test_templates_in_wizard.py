"""The templates an office kept (from Word, or a file passed on) are offered by the wizard
beside the bundled city plan, and a plan made from one is that template's."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QWizard

from cchc_desktop.paths import resource
from cchc_desktop.store.templates import save_template
from cchc_desktop.ui.wizard import PageId, available_templates, open_wizard


class Host:
    def __init__(self, repo, clock):
        self.repo, self.clock = repo, clock
        self.opened: list[int] = []

    def open_plan(self, plan_id: int) -> None:
        self.opened.append(plan_id)


def kept_template(repo, name: str) -> None:
    payload = json.loads(resource("templates/hai-phong-2025.json").read_text(encoding="utf-8"))
    save_template(repo, {**payload, "name": name}, "Tệp: mau.json")


def test_the_wizard_offers_the_kept_templates_after_the_bundled_one(qtbot, repo):
    from cchc_desktop.core.clock import Clock

    kept_template(repo, "Mẫu của phường Thạch Khôi")
    templates = available_templates(repo)
    assert [t.name for t in templates][1:] == ["Mẫu của phường Thạch Khôi"]
    assert len({t.id for t in templates}) == 2  # the same city plan kept: an id of its own
    wizard = open_wizard(None, Host(repo, Clock()))
    assert wizard is not None
    qtbot.addWidget(wizard)
    office = wizard.page(PageId.OFFICE)
    office.ui.nameEdit.setText("Thạch Khôi")
    wizard.button(QWizard.WizardButton.NextButton).click()
    assert wizard.currentId() == PageId.PERIOD
    combo = wizard.currentPage().ui.templateCombo
    names = [combo.itemText(i) for i in range(combo.count())]
    assert names[1:] == ["Mẫu của phường Thạch Khôi"]
    combo.setCurrentIndex(1)
    combo.activated.emit(1)
    assert wizard.template.name == "Mẫu của phường Thạch Khôi"
