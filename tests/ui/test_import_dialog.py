"""Tệp → Nhập từ Word…: the file read with progress, a plan saved, a template reviewed beside
its source (levels and roles fixed) and kept; legacy Vietnamese pasted into a field."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
)

from cchc_desktop.core.model import ItemRole, walk
from cchc_desktop.documents.word_import import read_plan
from cchc_desktop.store.templates import stored_templates
from cchc_desktop.ui import legacy_paste
from cchc_desktop.ui.import_dialog import ImportDialog, TemplateReviewDialog, import_from_word
from tests.importing.seeds import APPENDIX_003, seed_003, write_plan, write_seed_000
from tests.importing.wordgen import SEEDS, to_tcvn3

needs_seeds = pytest.mark.skipif(
    not SEEDS.is_dir(), reason="shared/seeds is not beside the checkout"
)


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ui-word")
    return {
        "ward": write_plan(seed_003(), folder / "phuong.docx", appendix=APPENDIX_003),
        "city": write_seed_000(folder / "thanh-pho.docx"),
    }


@pytest.fixture
def told(monkeypatch):
    """The messages the officer is shown, instead of modal boxes."""
    messages: list[tuple[str, str]] = []
    for name in ("information", "warning"):
        monkeypatch.setattr(
            QMessageBox, name, lambda _parent, title, text, *a, **k: messages.append((title, text))
        )
    return messages


def accept_with(monkeypatch, cls, prepare=lambda dialog: None):
    """Make ``cls.exec`` accept at once, after ``prepare`` set its fields."""

    def run(dialog):
        prepare(dialog)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(cls, "exec", run)


@needs_seeds
def test_a_plan_comes_in_from_the_menu(qtbot, monkeypatch, repo, files, told):
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: (str(files["ward"]), "Tệp Word")
    )
    accept_with(monkeypatch, ImportDialog)
    plan_id = import_from_word(None, repo)
    assert plan_id is not None
    plan = repo.plan(plan_id)
    assert plan.title == "Tuyên truyền cải cách hành chính nhà nước năm 2026"
    assert len(plan.tasks) == 4
    assert told[-1][0] == "Đã nhập kế hoạch"
    assert "Ủy ban nhân dân phường Thạch Khôi" in told[-1][1]


def test_cancelling_the_file_choice_does_nothing(monkeypatch, repo):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    assert import_from_word(None, repo) is None
    assert repo.plans() == []


def test_a_file_that_cannot_be_read_is_explained(tmp_path, monkeypatch, repo, told):
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"PK\x03\x04 not really")
    assert import_from_word(None, repo, path=bad) is None
    assert told and "bị hỏng" in told[-1][1]
    assert repo.plans() == []


@needs_seeds
def test_the_city_plan_can_only_become_a_template(qtbot, files):
    dialog = ImportDialog(read_plan(files["city"]), files["city"])
    qtbot.addWidget(dialog)
    assert not dialog.as_plan.isEnabled() and dialog.as_template.isChecked()
    assert dialog.name.text() == "Thành phố Hải Phòng năm 2025"
    found = dialog.findChild(QLabel, "found")
    assert "Cơ quan ban hành: Ủy ban nhân dân thành phố Hải Phòng" in found.text()
    assert "7 nhiệm vụ trong phụ lục" in found.text()


def test_the_plan_found_is_named_without_its_period_twice(qtbot, files):
    parsed = read_plan(files["ward"])
    dialog = ImportDialog(parsed, files["ward"])
    qtbot.addWidget(dialog)
    line = next(
        x for x in dialog.findChild(QLabel, "found").text().splitlines() if x.startswith("Kế")
    )
    assert line.count(parsed.plan.period.label) == 1, line


def node_for(dialog, words):
    return next(n for n in dialog._nodes() if words in n.text(0))


@needs_seeds
def test_the_review_shows_each_items_source_and_fixes_levels_and_roles(qtbot, files):
    parsed = read_plan(files["ward"])
    dialog = TemplateReviewDialog(parsed, "Mẫu phường Thạch Khôi")
    qtbot.addWidget(dialog)
    dialog.tree.setCurrentItem(node_for(dialog, "Hình thức tuyên truyền"))
    assert dialog.source.textCursor().selectedText().strip() == "2. Hình thức tuyên truyền"
    # the forms move up a level: a section of their own, after "II. Nội dung thực hiện"
    dialog.outdent.click()
    forms = next(i for i in parsed.plan.sections if i.text == "Hình thức tuyên truyền")
    assert [i.text for i in parsed.plan.sections].index("Hình thức tuyên truyền") == 2
    assert forms.kind.value == "section"
    # and back under the section before it
    dialog.indent.click()
    assert forms not in parsed.plan.sections and forms.kind.value == "subsection"
    # a role belongs to one part: given to another heading, it leaves the first
    dialog.tree.setCurrentItem(node_for(dialog, "Kinh phí thực hiện"))
    dialog.role.setCurrentIndex(dialog.role.findData(ItemRole.CONTENT.value))
    dialog.role.activated.emit(dialog.role.currentIndex())
    contents = [i.text for i in walk(parsed.plan.sections) if i.role is ItemRole.CONTENT]
    assert contents == ["Kinh phí thực hiện"]
    assert node_for(dialog, "Kinh phí thực hiện").text(1) == "Nội dung tuyên truyền"
    dialog.name.setText("Mẫu của phường Thạch Khôi")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.data["name"] == "Mẫu của phường Thạch Khôi"
    roles = [s.get("role") for s in dialog.data["sections"]]
    assert "budget" not in roles and "content" in roles


@needs_seeds
def test_a_template_is_kept_after_its_review(monkeypatch, repo, files, told):
    accept_with(monkeypatch, ImportDialog, lambda d: d.name.setText("Hải Phòng 2025"))
    accept_with(monkeypatch, TemplateReviewDialog)
    assert import_from_word(None, repo, path=files["city"]) is None
    [kept] = stored_templates(repo)
    assert kept.name == "Hải Phòng 2025" and kept.source == "Word: thanh-pho.docx"
    assert told[-1][0] == "Đã lưu mẫu"


@needs_seeds
def test_an_empty_template_name_is_asked_for(qtbot, files):
    dialog = TemplateReviewDialog(read_plan(files["ward"]), "")
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.problem.text() == "Hãy đặt tên cho mẫu."


@pytest.mark.parametrize("editor", [QLineEdit, QPlainTextEdit])
def test_tcvn3_text_pasted_into_a_field_arrives_in_unicode(qtbot, qapp, editor):
    paste = legacy_paste.install(qapp)
    try:
        field = editor()
        qtbot.addWidget(field)
        field.show()
        field.setFocus()
        QGuiApplication.clipboard().setText(to_tcvn3("Kế hoạch tuyên truyền cải cách hành chính"))
        qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        text = field.text() if isinstance(field, QLineEdit) else field.toPlainText()
        assert text == "Kế hoạch tuyên truyền cải cách hành chính"
        QGuiApplication.clipboard().setText(" và thành phố")
        qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        text = field.text() if isinstance(field, QLineEdit) else field.toPlainText()
        assert text.endswith("hành chính và thành phố")  # Unicode pastes as usual
    finally:
        qapp.removeEventFilter(paste)


@needs_seeds
def test_the_review_shows_every_role_in_full_on_a_small_screen(qtbot, files):
    """On 1366×768 at 150 % the dialog is 911 pixels wide: the headings give way (cut with
    "…"), the roles do not."""
    from PySide6.QtGui import QFontMetrics

    dialog = TemplateReviewDialog(read_plan(files["ward"]), "Mẫu phường Thạch Khôi")
    qtbot.addWidget(dialog)
    dialog.resize(911, 472)
    dialog.show()
    qtbot.waitExposed(dialog)
    metrics = QFontMetrics(dialog.tree.font())
    roles = [n.text(1) for n in dialog._nodes() if n.text(1) not in ("", "—")]
    assert len(roles) >= 3
    widest = max(metrics.horizontalAdvance(text) for text in roles)
    tree = dialog.tree
    assert tree.columnWidth(1) >= widest
    assert tree.columnWidth(0) + tree.columnWidth(1) <= tree.viewport().width()
    assert not tree.horizontalScrollBar().isVisible()
