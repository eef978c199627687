"""The plan wizard driven as an officer does: clicking Next, ticking, typing, going back.

Vietnamese text is put into fields with setText()/setPlainText() (which emit the same
signals as typing): qtbot.keyClicks with non-ASCII characters aborts Qt on this platform.
"""

from __future__ import annotations

from datetime import date

import docx
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWizard

from cchc_desktop.core.checks import Step
from cchc_desktop.core.clock import Clock
from cchc_desktop.core.template import bundled_template
from cchc_desktop.store.drafts import latest_draft
from cchc_desktop.ui.app import install_translations
from cchc_desktop.ui.wizard import PageId, PlanWizard
from cchc_desktop.ui.wizard.item_tree import LABEL, TEXT

TODAY = date(2025, 8, 12)
STEM = "KH-tuyen-truyen-CCHC-6-thang-cuoi-2025-xa-Quyet-Thang"


@pytest.fixture
def make_wizard(qtbot, qapp, repo):
    install_translations(qapp)  # as the app does at start
    template = bundled_template()

    def make(draft=None):
        wizard = PlanWizard(repo, template, draft=draft, clock=Clock.fixed(TODAY))
        qtbot.addWidget(wizard)
        wizard.resize(1366, 768)
        wizard.show()
        qtbot.waitExposed(wizard)
        return wizard

    return make


def click_next(qtbot, wizard):
    before = wizard.currentId()
    button = wizard.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled(), f"Next is disabled on page {before}"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert wizard.currentId() == before + 1
    qtbot.wait(20)  # let the new page lay itself out before the next click lands on it


def choose(qtbot, radio):
    """Click a radio button on its label, where a user clicks (its middle may be empty space)."""
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(12, radio.height() // 2))
    assert radio.isChecked()


def click_back(qtbot, wizard):
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.BackButton), Qt.MouseButton.LeftButton)


def fill_office(qtbot, wizard):
    page = wizard.currentPage()
    assert wizard.currentId() == PageId.OFFICE
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # no office yet
    assert "Nhập tên" in page.ui.problem.text()
    page.ui.nameEdit.setText("Quyết Thắng")
    page.ui.provinceEdit.setText("thành phố Hải Phòng")
    assert page.isComplete()
    click_next(qtbot, wizard)


def fill_period(qtbot, wizard):
    page = wizard.currentPage()
    choose(qtbot, page.ui.wholeYear)
    assert wizard.period.kind.value == "year"  # the click reached the page
    choose(qtbot, page.ui.secondHalf)
    page.ui.yearSpin.setValue(2025)
    assert wizard.period.label == "6 tháng cuối năm 2025"
    page.ui.localPlanEdit.setText("Kế hoạch số 12/KH-UBND ngày 30/7/2025")
    click_next(qtbot, wizard)


def tree_rows(tree):
    return [(node.text(LABEL), node.text(TEXT)) for node in tree.nodes()]


def node_with(tree, start):
    return next(n for n in tree.nodes() if n.text(TEXT).startswith(start))


def editor_of(wizard):
    return wizard.currentPage().ui.editor


def type_into(editor, start, text):
    """Select the row whose words start with ``start`` and type new words in the side box."""
    editor.ui.tree.setCurrentItem(node_with(editor.ui.tree, start))
    editor.ui.textEdit.setPlainText(text)


def test_from_an_empty_database_to_exported_documents(
    qtbot, make_wizard, repo, tmp_path, monkeypatch
):
    wizard = make_wizard()
    fill_office(qtbot, wizard)
    fill_period(qtbot, wizard)

    bases = wizard.currentPage().ui.list
    assert bases.count() == 2
    assert "Kế hoạch số 12/KH-UBND ngày 30/7/2025" in bases.item(1).text()
    click_next(qtbot, wizard)

    # Purposes: untick b) in the middle of the lettered list; the letters after it move up.
    editor = editor_of(wizard)
    tree = editor.ui.tree
    assert tree_rows(tree)[0] == ("I.", "Mục đích, yêu cầu")  # the part's heading, editable
    purposes = [row for row in tree_rows(tree) if row[0].endswith(")")][:6]
    assert [label for label, _ in purposes] == ["a)", "b)", "c)", "d)", "đ)", "e)"]
    node_with(tree, purposes[1][1][:30]).setCheckState(LABEL, Qt.CheckState.Unchecked)
    qtbot.waitUntil(lambda: node_with(tree, purposes[1][1][:30]).text(LABEL) == "")
    after = [row for row in tree_rows(tree) if row[0].endswith(")")][:5]
    assert [text for _, text in after] == [purposes[0][1], *[t for _, t in purposes[2:6]]]
    assert [label for label, _ in after] == ["a)", "b)", "c)", "d)", "đ)"]
    assert node_with(tree, purposes[1][1][:30]).text(LABEL) == ""

    # Add the office's own item after the first purpose.
    tree.setCurrentItem(node_with(tree, purposes[0][1][:30]))
    qtbot.mouseClick(editor.ui.addButton, Qt.MouseButton.LeftButton)
    editor.ui.textEdit.setPlainText("Tuyên truyền về chuyển đổi số ở thôn, tổ dân phố.")
    assert tree.currentItem().text(LABEL) == "b)"
    click_next(qtbot, wizard)  # content
    click_next(qtbot, wizard)  # forms
    click_next(qtbot, wizard)  # tasks

    page = wizard.currentPage()
    table = page.ui.table
    table.setCurrentCell(table.rowCount() - 1, 1)
    qtbot.mouseClick(page.ui.taskAdd, Qt.MouseButton.LeftButton)
    row = table.currentRow()
    assert row == table.rowCount() - 1
    table.item(row, 1).setText("Tổ chức hội nghị đối thoại về thủ tục hành chính với người dân")
    table.item(row, 3).setText("Tháng 9/2025")
    table.item(row, 4).setText("Tháng 3/2026")  # outside the period: flagged, not refused
    table.item(row, 5).setText("Văn phòng HĐND và UBND")
    assert "ngoài kỳ" in table.item(row, 7).text()
    table.item(row, 4).setText("Tháng 10/2025")
    assert "ngoài kỳ" not in table.item(row, 7).text()
    click_next(qtbot, wizard)  # organisation
    click_next(qtbot, wizard)  # the whole body
    click_next(qtbot, wizard)  # signing

    signing = wizard.currentPage()
    signing.ui.signerEdit.setText("Mai Đàm Thanh Vân")
    click_next(qtbot, wizard)  # review
    review = wizard.currentPage()
    preview = review.ui.preview.text()
    assert "XÃ QUYẾT THẮNG" in preview and "Mai Đàm Thanh Vân" in preview
    assert review.ui.preview.page_count() > 2  # the pages as they print
    assert "Không thấy vấn đề nào" in review.ui.problems.item(0).text()

    # Go back to the purposes, change the new item, come forward again: nothing else lost.
    wizard.go_to(Step.PURPOSES)
    assert wizard.currentId() == PageId.PURPOSES
    type_into(
        editor_of(wizard),
        "Tuyên truyền về chuyển đổi số",
        "Tuyên truyền về chuyển đổi số ở từng thôn.",
    )
    for _ in range(PageId.REVIEW - PageId.PURPOSES):
        click_next(qtbot, wizard)
    assert "Mai Đàm Thanh Vân" in wizard.currentPage().ui.preview.text()

    folder = tmp_path / "van-ban"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a: str(folder))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)

    assert wizard.saved_plan_id is not None
    assert latest_draft(repo.db) is None  # the draft is gone once the plan is saved
    plan = repo.plan(wizard.saved_plan_id)
    assert repo.office(plan.office_id).name == "Quyết Thắng"
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [f"{STEM}.docx", f"{STEM}-phu-luc.xlsx", f"{STEM}.pdf"]
    )
    document = docx.Document(str(folder / f"{STEM}.docx"))
    texts = [p.text for p in document.paragraphs]
    assert "b) Tuyên truyền về chuyển đổi số ở từng thôn." in texts
    assert not any(t.startswith("c) " + purposes[1][1][:20]) for t in texts)
    assert texts.count("1. Mục đích") == 1
    task_rows = [row.cells[1].text for row in document.tables[2].rows[2:]]
    assert any("hội nghị đối thoại về thủ tục hành chính" in t for t in task_rows)
    signature = [p.text for p in document.tables[1].rows[0].cells[1].paragraphs if p.text]
    assert signature[-1] == "Mai Đàm Thanh Vân"


def test_closing_mid_wizard_resumes_on_the_same_page_with_everything(qtbot, make_wizard, repo):
    wizard = make_wizard()
    fill_office(qtbot, wizard)
    fill_period(qtbot, wizard)
    click_next(qtbot, wizard)  # opening -> purposes
    editor = editor_of(wizard)
    first = next(n for n in editor.ui.tree.nodes() if n.text(LABEL) == "a)")
    type_into(editor, first.text(TEXT)[:30], "Mục đích do xã tự viết.")
    click_next(qtbot, wizard)  # content
    wizard.close()  # the officer closes the window without finishing

    draft = latest_draft(repo.db)
    assert draft is not None and draft.page == PageId.CONTENT
    again = make_wizard(draft)
    again.resume()
    assert again.currentId() == PageId.CONTENT
    assert again.office.name == "Quyết Thắng"
    assert again.plan.sections[0].children[0].children[0].text == "Mục đích do xã tự viết."
    click_back(qtbot, again)
    labels = tree_rows(editor_of(again).ui.tree)
    assert ("a)", "Mục đích do xã tự viết.") in labels


def test_a_power_cut_loses_nothing_already_saved_by_the_debounce(qtbot, make_wizard, repo):
    wizard = make_wizard()
    fill_office(qtbot, wizard)
    fill_period(qtbot, wizard)
    page = wizard.currentPage()
    page.ui.extra.setPlainText("Ủy ban nhân dân xã ban hành Kế hoạch, cụ thể như sau:")
    qtbot.waitUntil(
        lambda: (
            (d := latest_draft(repo.db)) is not None
            and d.payload["plan"]["preamble"].startswith(
                "Ủy ban nhân dân xã ban hành Kế hoạch, cụ thể"
            )
        ),
        timeout=3000,
    )
    # No close, no finish: as if the power went. The database alone brings it back.
    again = make_wizard(latest_draft(repo.db))
    again.resume()
    assert again.currentId() == PageId.OPENING
    assert (
        again.currentPage().ui.extra.toPlainText()
        == "Ủy ban nhân dân xã ban hành Kế hoạch, cụ thể như sau:"
    )


def test_a_problem_on_the_review_page_leads_back_to_its_page(qtbot, make_wizard):
    wizard = make_wizard()
    fill_office(qtbot, wizard)
    fill_period(qtbot, wizard)
    wizard.plan.chosen_tasks[0].lead_unit = ""
    while wizard.currentId() < PageId.SIGNING:
        click_next(qtbot, wizard)
    wizard.currentPage().ui.signerEdit.setText("Mai Đàm Thanh Vân")
    click_next(qtbot, wizard)
    problems = wizard.currentPage().ui.problems
    item = next(
        problems.item(i) for i in range(problems.count()) if "chủ trì" in problems.item(i).text()
    )
    problems.itemActivated.emit(item)
    assert wizard.currentId() == PageId.TASKS


def test_the_wizard_speaks_vietnamese_and_fits_1366x768(qtbot, make_wizard):
    wizard = make_wizard()
    assert wizard.buttonText(QWizard.WizardButton.CancelButton) == "Hủy"
    assert "Tiếp theo" in wizard.button(QWizard.WizardButton.NextButton).text()
    assert wizard.width() <= 1366 and wizard.height() <= 768


def test_starting_from_the_offices_last_plan_moves_it_forward(qtbot, make_wizard, repo):
    from cchc_desktop.core.model import ResultCount, TaskStatus
    from cchc_desktop.core.sample import sample_office, sample_plan

    template = bundled_template()
    office = sample_office(template)
    repo.save_office(office)
    old = sample_plan(template, office)
    old.office_id = office.id
    old.chosen_tasks[0].status = TaskStatus.DONE
    old.chosen_tasks[0].results = [ResultCount(12, "tin, bài")]
    repo.save_plan(old)

    wizard = make_wizard()
    assert wizard.currentPage().ui.nameEdit.text() == "Quyết Thắng"  # the known office is offered
    click_next(qtbot, wizard)
    page = wizard.currentPage()
    assert page.ui.fromLast.isEnabled()
    choose(qtbot, page.ui.fromLast)
    choose(qtbot, page.ui.firstHalf)
    page.ui.yearSpin.setValue(2026)
    click_next(qtbot, wizard)
    plan = wizard.plan
    assert plan.summary == "Tuyên truyền cải cách hành chính 6 tháng đầu năm 2026"
    assert all(
        t.status is TaskStatus.NOT_STARTED and not t.results and t.id is None for t in plan.tasks
    )
    assert plan.office_id == office.id


def test_the_main_window_opens_the_wizard_and_then_the_finished_plan(
    qtbot, private_data_dir, monkeypatch
):
    from PySide6.QtWidgets import QApplication

    from cchc_desktop.ui.app import start

    window = start(["cchc-desktop"])
    qtbot.addWidget(window)
    window.show()
    assert window.ui.actionNewPlan.shortcut().toString() == "Ctrl+N"
    qtbot.mouseClick(window.ui.newPlanButton, Qt.MouseButton.LeftButton)
    wizard = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, PlanWizard) and w.isVisible()
    )
    fill_office(qtbot, wizard)
    fill_period(qtbot, wizard)
    while wizard.currentId() < PageId.SIGNING:
        click_next(qtbot, wizard)
    wizard.currentPage().ui.signerEdit.setText("Mai Đàm Thanh Vân")
    click_next(qtbot, wizard)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a: "")  # save, export later
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert window.current_plan_id == wizard.saved_plan_id
    assert (
        window.plans.index(0, 1).data() == "Tuyên truyền cải cách hành chính 6 tháng cuối năm 2025"
    )
    window.repo.db.close()


def test_the_main_window_offers_to_continue_an_unfinished_draft(
    qtbot, private_data_dir, monkeypatch
):
    from PySide6.QtWidgets import QApplication

    from cchc_desktop.store.drafts import save_draft
    from cchc_desktop.ui.app import start

    window = start(["cchc-desktop"])
    qtbot.addWidget(window)
    first = PlanWizard(window.repo, bundled_template(), clock=Clock.fixed(TODAY))
    first.office.name = "Thạch Khôi"
    save_draft(window.repo.db, None, PageId.OFFICE, first.payload())
    asked = []

    def answer(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    window.ui.actionNewPlan.trigger()
    assert "đang lập dở" in asked[0] and "giờ quốc tế" not in asked[0]
    wizard = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, PlanWizard) and w.isVisible()
    )
    assert wizard.currentPage().ui.nameEdit.text() == "Thạch Khôi"
    wizard.reject()
    window.repo.db.close()


def test_a_plan_finished_with_its_number_and_date_is_issued(qtbot, make_wizard, repo, monkeypatch):
    from PySide6.QtCore import QDate

    from cchc_desktop.core.model import PlanState

    wizard = make_wizard()
    fill_office(qtbot, wizard)
    fill_period(qtbot, wizard)
    while wizard.currentId() < PageId.SIGNING:
        click_next(qtbot, wizard)
    signing = wizard.currentPage().ui
    signing.signerEdit.setText("Mai Đàm Thanh Vân")
    signing.numberEdit.setText("7")
    qtbot.mouseClick(signing.signedCheck, Qt.MouseButton.LeftButton)
    signing.signedDate.setDate(QDate(2025, 8, 20))
    click_next(qtbot, wizard)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a: "")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    plan = repo.plan(wizard.saved_plan_id)
    assert (plan.number, plan.issued_on, plan.state) == ("07", date(2025, 8, 20), PlanState.ISSUED)
    assert [v.number for v in repo.versions(plan.id)] == ["07"]


def test_a_draft_that_cannot_be_read_is_said_and_set_aside(qtbot, make_wizard, repo, monkeypatch):
    from cchc_desktop.store.drafts import save_draft

    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: said.append(a[2]))
    save_draft(repo.db, None, 4, {"office": {"kind": "không có"}, "plan": None})
    wizard = make_wizard(latest_draft(repo.db))
    wizard.resume()
    assert said and "không đọc được" in said[0]
    assert wizard.currentId() == PageId.OFFICE and latest_draft(repo.db).page == PageId.OFFICE


def test_late_in_november_the_wizard_proposes_the_next_half_year_and_its_date_line(
    qtbot, qapp, repo
):
    late_november = PlanWizard(repo, bundled_template(), clock=Clock.fixed(date(2026, 11, 24)))
    qtbot.addWidget(late_november)
    assert late_november.period.label == "6 tháng đầu năm 2027"
    late_november.office.name = "Quyết Thắng"
    late_november.build_plan()
    assert late_november.plan.drafted_on == date(2026, 11, 1)  # "tháng 11 năm 2026"


def test_a_date_typed_on_the_signing_page_is_taken_at_once_and_kept(qtbot, make_wizard):
    from PySide6.QtCore import QDate

    wizard = make_wizard()
    fill_office(qtbot, wizard)
    fill_period(qtbot, wizard)
    while wizard.currentId() < PageId.SIGNING:
        click_next(qtbot, wizard)
    signing = wizard.currentPage().ui
    assert signing.draftDate.date() == QDate(2025, 8, 1)  # the month the plan is written
    signing.draftDate.setDate(QDate(2025, 9, 1))
    assert wizard.plan.drafted_on == date(2025, 9, 1)
    click_back(qtbot, wizard)
    click_next(qtbot, wizard)
    assert wizard.currentPage().ui.draftDate.date() == QDate(2025, 9, 1)
    click_next(qtbot, wizard)
    assert "tháng 9 năm 2025" in wizard.currentPage().ui.preview.text()
