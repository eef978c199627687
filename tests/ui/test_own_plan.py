"""The officer's own plan, driven through the widgets as an officer does: a ward's plan that
differs from the city's in every way an office departs from it, a department's plan, a
finished plan edited, a plan deleted and restored, an issued plan edited beside its signed
version. Each read back from the .docx (and on paper), as a reader at the city would.

Vietnamese text is put into fields with setText()/setPlainText(), which emit the signals
typing does (qtbot.keyClicks with non-ASCII characters aborts Qt on this platform); a combo box
the officer picks from gets setCurrentIndex() then the ``activated`` signal a click sends.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWizard

from cchc_desktop.core.clock import Clock
from cchc_desktop.core.model import ItemRole, Marker, OfficeKind, PlanState, TaskStatus, find_role
from cchc_desktop.store.database import connect
from cchc_desktop.store.repository import Repository
from cchc_desktop.ui.app import install_translations, set_names
from cchc_desktop.ui.main_window import MainWindow
from cchc_desktop.ui.wizard import PageId, PlanWizard
from cchc_desktop.ui.wizard.item_tree import LABEL, TEXT
from tests.documents.nd30_checks import check_plan_docx, check_plan_paper
from tests.documents.paper import libreoffice_pdf, read_pdf

TODAY = date(2025, 8, 12)


@pytest.fixture
def window(qtbot, qapp, private_data_dir):
    set_names()
    install_translations(qapp)
    db_path = private_data_dir / "cchc.sqlite"
    window = MainWindow(Repository(connect(db_path)), db_path, clock=Clock.fixed(TODAY))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    yield window
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, PlanWizard):
            widget.close()
    window.repo.db.close()


@pytest.fixture
def answers(monkeypatch):
    """Questions answered Yes, information boxes closed; what they said is kept."""
    said: list[str] = []

    def yes(*args, **_kwargs):
        said.append(args[2])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: said.append(box.text()) or 0)
    monkeypatch.setattr(QMessageBox, "information", lambda *a: said.append(a[2]))
    return said


@pytest.fixture
def export_to(monkeypatch, tmp_path):
    """The folder the officer picks when exporting."""
    folder = tmp_path / "van-ban"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a: str(folder))
    return folder


# driving the wizard ------------------------------------------------------------------------


def open_wizard(qtbot, window, action) -> PlanWizard:
    action.trigger()
    wizard = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, PlanWizard) and w.isVisible()
    )
    wizard.resize(1180, 720)
    qtbot.waitExposed(wizard)
    return wizard


def click_next(qtbot, wizard) -> None:
    before = wizard.currentId()
    button = wizard.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled(), f"Next is disabled on page {before}"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert wizard.currentId() > before
    qtbot.wait(10)


def go_to_page(qtbot, wizard, page: PageId) -> None:
    while wizard.currentId() < page:
        click_next(qtbot, wizard)
    assert wizard.currentId() == page


def pick(combo, data) -> None:
    """Choose an entry of a combo box as a click does (``activated`` follows)."""
    index = combo.findData(data)
    assert index >= 0, f"{data!r} not offered"
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def click(qtbot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def editor(wizard):
    return wizard.currentPage().ui.editor


def row(editor, start: str):
    return next(n for n in editor.ui.tree.nodes() if n.text(TEXT).startswith(start))


def select(editor, start: str) -> None:
    editor.ui.tree.setCurrentItem(row(editor, start), TEXT)


def rename(editor, start: str, text: str) -> None:
    select(editor, start)
    editor.ui.textEdit.setPlainText(text)


def finish(qtbot, wizard) -> int:
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    assert wizard.saved_plan_id is not None
    return wizard.saved_plan_id


def texts(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]


def the_docx(folder: Path) -> Path:
    [path] = [p for p in folder.iterdir() if p.suffix == ".docx"]
    return path


# (a) a ward's own plan ----------------------------------------------------------------------


def test_a_wards_plan_differs_from_the_citys_in_every_way_it_likes(
    qtbot, window, answers, export_to, tmp_path
):
    wizard = open_wizard(qtbot, window, window.ui.actionNewPlan)
    office_page = wizard.currentPage().ui
    pick(office_page.kindCombo, OfficeKind.PHUONG.value)
    office_page.nameEdit.setText("Tú Minh")
    office_page.provinceEdit.setText("thành phố Hải Phòng")
    units = office_page.unitsTable
    names = [units.item(r, 0).text() for r in range(units.rowCount())]
    assert "Phòng Kinh tế, Hạ tầng và Đô thị" in names  # a ward's name for the unit
    units.setCurrentCell(names.index("Văn phòng HĐND và UBND"), 0)
    click(qtbot, office_page.unitUp)
    click(qtbot, office_page.unitUp)  # the ward lists its office first
    click_next(qtbot, wizard)

    period = wizard.currentPage().ui
    period.secondHalf.setChecked(True)
    period.yearSpin.setValue(2025)
    period.localPlanEdit.setText("Kế hoạch số 20/KH-UBND ngày 25/7/2025")
    click_next(qtbot, wizard)

    opening = wizard.currentPage().ui
    opening.summary.setPlainText(
        "Tuyên truyền cải cách hành chính 6 tháng cuối năm 2025\ntrên địa bàn phường Tú Minh"
    )
    click_next(qtbot, wizard)

    # Purposes: the ward writes its points with dashes.
    purposes = editor(wizard)
    select(purposes, "Tiếp tục chú trọng")
    pick(purposes.ui.markerCombo, Marker.DASH.value)
    assert row(purposes, "Tiếp tục chú trọng").text(LABEL) == "-"
    assert row(purposes, "Nâng cao nhận thức, trách nhiệm của hệ").text(LABEL) == "-"
    click_next(qtbot, wizard)

    # Content: "a." instead of "a)".
    content = editor(wizard)
    select(content, "Tuyên truyền, phổ biến những quan điểm")
    pick(content.ui.markerCombo, Marker.LETTER_DOT.value)
    assert row(content, "Tuyên truyền, phổ biến những quan điểm").text(LABEL) == "a."
    click_next(qtbot, wizard)
    click_next(qtbot, wizard)  # forms as they are

    # Tasks: a template task removed stays visible, unticked; the ward's own task added.
    tasks = wizard.currentPage().ui
    table = tasks.table
    banners = next(
        r
        for r in range(table.rowCount())
        if table.item(r, 1).text().startswith("Tuyên truyền cổ động")
    )
    table.setCurrentCell(banners, 1)
    click(qtbot, tasks.taskRemove)
    assert table.item(banners, 0).checkState() == Qt.CheckState.Unchecked
    assert table.item(banners, 1).text().startswith("Tuyên truyền cổ động")  # still shown
    table.setCurrentCell(table.rowCount() - 1, 1)
    click(qtbot, tasks.taskAdd)
    own = table.currentRow()
    table.item(own, 1).setText("Tổ chức đối thoại về thủ tục hành chính với người dân tổ dân phố")
    table.item(own, 4).setText("Tháng 10/2025")
    table.item(own, 5).setText("Văn phòng HĐND và UBND")
    tasks.detailsEdit.setPlainText("Nội dung: giải đáp vướng mắc\nĐịa điểm: nhà văn hóa")
    click_next(qtbot, wizard)

    # Organisation: the ward's order, its own headings, a lone duty without a letter.
    organisation = editor(wizard)
    blocks = [n.text(TEXT) for n in organisation.ui.tree.nodes() if n.text(LABEL)[:1].isdigit()]
    assert blocks[0] == "Văn phòng HĐND và UBND"  # the office's order of its units
    rename(organisation, "Đề nghị Ủy ban Mặt trận", "Đề nghị Ủy ban MTTQ Việt Nam phường")
    select(organisation, "Tham mưu bố trí kinh phí")  # the economy office's one duty
    pick(organisation.ui.markerCombo, Marker.NONE.value)
    select(organisation, "Đề nghị Đoàn Thanh niên")
    click(qtbot, organisation.ui.upButton)  # the youth union before the front
    click_next(qtbot, wizard)

    # The whole body: the ward's own section name; the budget section left empty.
    body = editor(wizard)
    rename(body, "Nội dung thực hiện", "Nội dung thông tin, tuyên truyền")
    budget = find_role(wizard.plan.sections, ItemRole.BUDGET)
    body.ui.tree.select(budget.uid)
    body.ui.tree.setExpanded(body.ui.tree.currentIndex(), True)
    body.ui.tree.node(budget.children[0].uid).setCheckState(LABEL, Qt.CheckState.Unchecked)
    qtbot.waitUntil(lambda: row(body, "Kinh phí thực hiện").text(LABEL) == "")  # not printed
    assert row(body, "Tổ chức thực hiện").text(LABEL) == "IV."
    click_next(qtbot, wizard)

    signing = wizard.currentPage().ui
    pick(signing.authorityCombo, ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"])
    signing.signerEdit.setText("Nguyễn Văn An")
    click_next(qtbot, wizard)
    assert "Nguyễn Văn An" in wizard.currentPage().ui.preview.text()
    finish(qtbot, wizard)

    path = the_docx(export_to)
    lines = texts(path)
    assert lines[1:3] == [
        "Tuyên truyền cải cách hành chính 6 tháng cuối năm 2025",
        "trên địa bàn phường Tú Minh",
    ]
    headings = [t for t in lines if t[:3] in ("I. ", "II.", "III", "IV.", "V. ")]
    assert headings == [
        "I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG THÔNG TIN, TUYÊN TRUYỀN", "III. NHIỆM VỤ CỤ THỂ",
        "IV. TỔ CHỨC THỰC HIỆN",
    ]  # fmt: skip
    assert not any("KINH PHÍ" in t for t in lines)
    assert "- Tiếp tục chú trọng" in "\n".join(lines)
    assert not any(t.startswith("a) Tiếp tục chú trọng") for t in lines)
    assert any(t.startswith("a. Tuyên truyền, phổ biến những quan điểm") for t in lines)
    organisation_lines = lines[lines.index("IV. TỔ CHỨC THỰC HIỆN") + 1 :]
    numbered = [t for t in organisation_lines if t[:2] in {f"{n}." for n in range(1, 10)}]
    assert numbered[0] == "1. Văn phòng HĐND và UBND"
    assert numbered[-2:] == [
        "6. Đề nghị Đoàn Thanh niên Cộng sản Hồ Chí Minh phường",
        "7. Đề nghị Ủy ban MTTQ Việt Nam phường",
    ]
    economy = organisation_lines.index(next(t for t in numbered if "Kinh tế" in t))
    assert organisation_lines[economy + 1].startswith("Tham mưu bố trí kinh phí")  # no "a)"
    signature = docx.Document(str(path)).tables[1].rows[0].cells[1]
    assert [p.text for p in signature.paragraphs if p.text] == [
        "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An",
    ]  # fmt: skip
    appendix = docx.Document(str(path)).tables[2]
    rows = [r.cells[1].text for r in appendix.rows[2:]]
    assert any(t.startswith("Tổ chức đối thoại về thủ tục hành chính") for t in rows)
    assert not any(t.startswith("Tuyên truyền cổ động") for t in rows)

    check_plan_docx(
        docx.Document(str(path)),
        governing=[], issuer=["ỦY BAN NHÂN DÂN", "PHƯỜNG TÚ MINH"], suffix="KH-UBND",
        place="Tú Minh", authority=["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], signer="Nguyễn Văn An",
    )  # fmt: skip
    paper = read_pdf(libreoffice_pdf(path, tmp_path))
    check_plan_paper(
        paper, place="Tú Minh", issuer_first="ỦY BAN NHÂN DÂN", authority=["KT. CHỦ TỊCH"]
    )
    app_pdf = read_pdf(next(p for p in export_to.iterdir() if p.suffix == ".pdf"))
    check_plan_paper(
        app_pdf, place="Tú Minh", issuer_first="ỦY BAN NHÂN DÂN", authority=["KT. CHỦ TỊCH"]
    )


# (b) a department's plan --------------------------------------------------------------------


def test_a_departments_plan_has_its_governing_body_symbol_and_directors_signature(
    qtbot, window, answers, export_to, tmp_path
):
    wizard = open_wizard(qtbot, window, window.ui.actionNewPlan)
    office_page = wizard.currentPage().ui
    pick(office_page.kindCombo, OfficeKind.SO.value)
    office_page.nameEdit.setText("Khoa học và Công nghệ")
    office_page.provinceEdit.setText("thành phố Hải Phòng")
    assert office_page.governingEdit.isEnabled()
    office_page.governingEdit.setText("UBND thành phố Hải Phòng")
    assert office_page.symbolEdit.placeholderText() == "KH-SKHCN"
    assert office_page.headerEdit.placeholderText() == "SỞ KHOA HỌC VÀ CÔNG NGHỆ"
    click_next(qtbot, wizard)
    period = wizard.currentPage().ui
    period.secondHalf.setChecked(True)
    period.yearSpin.setValue(2025)
    click_next(qtbot, wizard)
    go_to_page(qtbot, wizard, PageId.SIGNING)
    signing = wizard.currentPage().ui
    assert signing.authorityCombo.currentData() == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
    signing.signerEdit.setText("Trần Thị Bình")
    click_next(qtbot, wizard)
    finish(qtbot, wizard)

    path = the_docx(export_to)
    document = docx.Document(str(path))
    check_plan_docx(
        document, governing=["UBND THÀNH PHỐ HẢI PHÒNG"], issuer=["SỞ KHOA HỌC VÀ CÔNG NGHỆ"],
        suffix="KH-SKHCN", place="Hải Phòng", authority=["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"],
        signer="Trần Thị Bình",
    )  # fmt: skip
    all_text = "\n".join(texts(path))
    for wrong in ("XÃ SỞ", "xã Sở", "Ủy ban nhân dân xã", "Ủy ban nhân dân sở", "trên địa bàn xã"):
        assert wrong not in all_text, wrong
    assert "Sở ban hành Kế hoạch" in all_text
    assert "của Sở Khoa học và Công nghệ" in all_text
    assert "Văn phòng Sở" in all_text
    paper = read_pdf(libreoffice_pdf(path, tmp_path))
    check_plan_paper(
        paper, place="Hải Phòng", issuer_first="UBND THÀNH PHỐ", authority=["KT. GIÁM ĐỐC"]
    )
    assert paper[0].on_one_line("SỞ KHOA HỌC VÀ CÔNG NGHỆ")
    app_pdf = read_pdf(next(p for p in export_to.iterdir() if p.suffix == ".pdf"))
    check_plan_paper(
        app_pdf, place="Hải Phòng", issuer_first="UBND THÀNH PHỐ", authority=["KT. GIÁM ĐỐC"]
    )


# (c) a finished plan edited -----------------------------------------------------------------


def test_editing_a_finished_plan_changes_its_text_everywhere_and_keeps_the_tracking(
    qtbot, window, answers, export_to, tmp_path, monkeypatch
):
    window.create_sample()
    plan_id = window.current_plan_id
    before = {t.id: (t.status, t.results, t.evidence) for t in window.repo.tasks(plan_id)}
    history = {t.id: window.store.history(t.id) for t in window.repo.tasks(plan_id)}
    done = next(t for t in window.repo.tasks(plan_id) if t.status is TaskStatus.DONE)

    wizard = open_wizard(qtbot, window, window.ui.actionEditPlan)
    assert wizard.currentId() == PageId.OPENING  # straight to the words
    assert wizard.windowTitle() == "Sửa kế hoạch"
    wizard.currentPage().ui.summary.setPlainText(
        "Tuyên truyền cải cách hành chính và chuyển đổi số 6 tháng cuối năm 2025"
    )
    go_to_page(qtbot, wizard, PageId.ORGANISATION)
    organisation = editor(wizard)
    select(organisation, "Văn phòng HĐND và UBND")
    qtbot.keyClick(organisation.ui.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(organisation.ui.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert row(organisation, "Văn phòng HĐND và UBND").text(LABEL) == "1."
    click_next(qtbot, wizard)
    rename(editor(wizard), "Mục đích, yêu cầu", "Mục đích và yêu cầu")
    go_to_page(qtbot, wizard, PageId.REVIEW)
    assert wizard.button(QWizard.WizardButton.FinishButton).text() == "&Lưu kế hoạch"
    assert finish(qtbot, wizard) == plan_id
    assert window.note.text().startswith("Đã lưu kế hoạch «Tuyên truyền")
    assert f"Đã xuất 3 tệp vào {export_to}" in window.note.text()

    lines = texts(the_docx(export_to))
    assert lines[1] == "Tuyên truyền cải cách hành chính và chuyển đổi số 6 tháng cuối năm 2025"
    assert "I. MỤC ĐÍCH VÀ YÊU CẦU" in lines
    organisation_lines = lines[lines.index("V. TỔ CHỨC THỰC HIỆN") + 1 :]
    assert next(t for t in organisation_lines if t.startswith("1. ")) == "1. Văn phòng HĐND và UBND"

    assert window.current_plan_id == plan_id  # the window opens the saved plan
    window.ui.planTabs.setCurrentIndex(1)
    preview = window.ui.preview.toPlainText()
    assert "và chuyển đổi số 6 tháng cuối năm 2025" in preview
    assert "I. MỤC ĐÍCH VÀ YÊU CẦU" in preview
    pdf = tmp_path / "KH.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(pdf), ""))
    window.ui.actionExportPdf.trigger()
    words = " ".join(page.text() for page in read_pdf(pdf))
    assert "MỤC ĐÍCH VÀ YÊU CẦU" in words and "chuyển đổi số 6 tháng cuối năm 2025" in words

    after = {t.id: (t.status, t.results, t.evidence) for t in window.repo.tasks(plan_id)}
    assert after == before  # every task kept its id and its tracking
    assert {t.id: window.store.history(t.id) for t in window.repo.tasks(plan_id)} == history
    assert window.repo.plan(plan_id).tasks[0].id is not None and done.id in after


# (d) a plan deleted and restored -------------------------------------------------------------


def test_a_deleted_plan_comes_back_by_undo_or_from_the_bin(qtbot, window, answers):
    window.create_sample()
    plan_id = window.current_plan_id
    tasks = len(window.repo.tasks(plan_id))
    window.ui.actionDeletePlan.trigger()
    assert "Chuyển kế hoạch «Tuyên truyền cải cách hành chính" in answers[0]
    assert window.plans.rowCount() == 0 and window.repo.plans() == []
    window.ui.actionUndo.trigger()
    qtbot.waitUntil(lambda: window.current_plan_id == plan_id, timeout=2000)
    assert len(window.repo.tasks(plan_id)) == tasks

    window.ui.actionDeletePlan.trigger()
    assert window.repo.plans() == []

    def restore_in_the_bin():
        dialog = QApplication.activeModalWidget()
        assert dialog.windowTitle() == "Kế hoạch đã xóa"
        assert "Tuyên truyền cải cách hành chính" in dialog.ui.list.item(0).text()
        dialog.ui.list.setCurrentRow(0)
        dialog.ui.primaryButton.click()

    QTimer.singleShot(0, restore_in_the_bin)
    window.ui.actionDeletedPlans.trigger()
    assert window.current_plan_id == plan_id
    assert len(window.repo.tasks(plan_id)) == tasks


# (e) an issued plan edited beside its signed version ----------------------------------------


def test_an_issued_plan_keeps_its_signed_text_beside_the_new_draft(
    qtbot, window, answers, export_to, tmp_path
):
    window.create_sample()
    plan_id = window.current_plan_id

    def record():
        dialog = QApplication.activeModalWidget()
        dialog.ui.number.setText("5")
        dialog.ui.signed.setChecked(True)
        dialog.ui.issuedOn.setDate(QDate(2025, 8, 5))
        dialog.accept()

    QTimer.singleShot(0, record)
    window.ui.actionRecordIssue.trigger()
    assert window.repo.plan(plan_id).state is PlanState.ISSUED
    assert window.plans.index(0, 3).data() == "Đã ban hành"

    wizard = open_wizard(qtbot, window, window.ui.actionEditPlan)
    assert any("đã ban hành" in a for a in answers)
    wizard.currentPage().ui.summary.setPlainText("Tuyên truyền cải cách hành chính (sửa đổi)")
    go_to_page(qtbot, wizard, PageId.REVIEW)
    finish(qtbot, wizard)
    draft = window.repo.plan(plan_id)
    assert (draft.state, draft.number, draft.summary) == (
        PlanState.DRAFT, "", "Tuyên truyền cải cách hành chính (sửa đổi)",
    )  # fmt: skip
    new = texts(the_docx(export_to))
    assert new[1] == "Tuyên truyền cải cách hành chính (sửa đổi)"

    signed_folder = tmp_path / "da-ky"
    signed_folder.mkdir()

    def export_the_signed_version():
        dialog = QApplication.activeModalWidget()
        assert dialog.windowTitle() == "Các bản đã ban hành"
        assert "Số 05" in dialog.ui.list.item(0).text()
        dialog.ui.list.setCurrentRow(0)
        dialog.ui.primaryButton.click()

    QTimer.singleShot(0, export_the_signed_version)
    from unittest import mock

    with mock.patch.object(QFileDialog, "getExistingDirectory", lambda *a: str(signed_folder)):
        window.ui.actionIssuedVersions.trigger()
    signed = docx.Document(str(the_docx(signed_folder)))
    number, when = signed.tables[0].rows[1].cells
    assert number.text == "Số: 05/KH-UBND"
    assert when.text == "Quyết Thắng, ngày 05 tháng 8 năm 2025"
    assert [p.text for p in signed.paragraphs if p.text][1] == (
        "Tuyên truyền cải cách hành chính 6 tháng cuối năm 2025"
    )
