"""The wizard's pages, one class per step, each on its Designer form (forms/wizard_*.ui).

Every page reads the wizard's ``office`` and ``plan`` in initializePage and writes each edit
straight back (then ``wizard.changed()`` saves the draft); parts of the body are found by
their role, never by position; no rule lives here.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any, cast

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHeaderView,
    QListWidgetItem,
    QMessageBox,
    QScrollArea,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from cchc_desktop.core import office as office_words
from cchc_desktop.core.adapt import default_units
from cchc_desktop.core.checks import review
from cchc_desktop.core.docdate import number_text
from cchc_desktop.core.model import (
    Basis,
    ItemRole,
    OfficeKind,
    Plan,
    Signer,
    Task,
    Unit,
    find_role,
)
from cchc_desktop.core.numbering import strip_own_label
from cchc_desktop.core.outline import default_appendix_title, default_attachment_line, plan_outline
from cchc_desktop.core.period import Period, PeriodKind
from cchc_desktop.core.text import nfc
from cchc_desktop.core.timewords import format_date_vn, outside_period, parse_time
from cchc_desktop.ui.cell_editor import TextCellDelegate
from cchc_desktop.ui.collation import in_order
from cchc_desktop.ui.forms.ui_wizard_body import Ui_BodyForm
from cchc_desktop.ui.forms.ui_wizard_items import Ui_ItemsForm
from cchc_desktop.ui.forms.ui_wizard_office import Ui_OfficeForm
from cchc_desktop.ui.forms.ui_wizard_opening import Ui_OpeningForm
from cchc_desktop.ui.forms.ui_wizard_period import Ui_PeriodForm
from cchc_desktop.ui.forms.ui_wizard_review import Ui_ReviewForm
from cchc_desktop.ui.forms.ui_wizard_signing import Ui_SigningForm
from cchc_desktop.ui.forms.ui_wizard_tasks import Ui_TasksForm
from cchc_desktop.ui.wizard.wizard import PageId, PlanWizard, new_office

NEW_OFFICE = -1
OWN_FORM = "__own__"  # the signature's lines as typed, not one of the usual forms
STEP_ROLE = Qt.ItemDataRole.UserRole + 2
KIND_NAMES = {
    OfficeKind.XA: "Xã (UBND xã)",
    OfficeKind.PHUONG: "Phường (UBND phường)",
    OfficeKind.DAC_KHU: "Đặc khu (UBND đặc khu)",
    OfficeKind.SO: "Sở",
    OfficeKind.BAN: "Ban",
    OfficeKind.PHONG: "Phòng",
    OfficeKind.TRUNG_TAM: "Trung tâm",
    OfficeKind.VAN_PHONG: "Văn phòng",
}


def text_of(widget: Any) -> str:
    """What the officer typed, precomposed and trimmed."""
    raw = widget.toPlainText() if hasattr(widget, "toPlainText") else widget.text()
    return nfc(raw).strip()


def lines_typed(widget: Any) -> list[str]:
    return [line.strip() for line in text_of(widget).splitlines() if line.strip()]


class Page(QWizardPage):
    """A page showing one Designer form."""

    form_class: type = object
    heading = ""  # the page's title (QWizardPage.title() is Qt's)
    subheading = ""

    def __init__(self, wizard: PlanWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.heading)
        self.setSubTitle(self.subheading)
        self.ui = self.form_class()
        holder = QWidget()
        self.ui.setupUi(holder)
        # Scrolled rather than cut off, or pushing the wizard past a small screen (1366×768
        # at 150 %); on a screen with room it fills the page without a scroll bar.
        scroll = QScrollArea(self)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the page's first field takes the focus
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self._loading = False

    @property
    def plan_wizard(self) -> PlanWizard:
        return cast(PlanWizard, self.wizard())

    @property
    def plan(self) -> Plan:
        plan = self.plan_wizard.plan
        assert plan is not None, "the plan is built when leaving the period page"
        return plan

    def changed(self) -> None:
        if not self._loading:
            self.plan_wizard.changed()

    @contextmanager
    def loading(self) -> Iterator[None]:
        """Widgets filled from the model: their change signals are not edits (nests)."""
        was, self._loading = self._loading, True
        try:
            yield
        finally:
            self._loading = was

    def nextId(self) -> int:
        """The next page, past the pages of parts this plan does not have."""
        wizard = self.plan_wizard
        following = super().nextId()
        while 0 <= following < PageId.REVIEW:
            page = wizard.page(following)
            if isinstance(page, PartPage) and wizard.plan is not None and page.part() is None:
                following += 1
                continue
            break
        return following


# 1. office ------------------------------------------------------------------------------


class OfficePage(Page):
    form_class = Ui_OfficeForm
    heading = "1. Cơ quan ban hành"
    subheading = "Ủy ban nhân dân xã, phường, đặc khu, hoặc sở, ban, phòng lập kế hoạch."

    def __init__(self, wizard: PlanWizard) -> None:
        super().__init__(wizard)
        ui = self.ui
        for kind in OfficeKind:
            ui.kindCombo.addItem(KIND_NAMES[kind], kind.value)
        table = ui.unitsTable
        table.setColumnCount(2)
        table.setHorizontalHeaderLabels(["Tên đơn vị", "Viết tắt"])
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        table.verticalHeader().setVisible(False)
        ui.officeCombo.activated.connect(self._office_chosen)
        ui.kindCombo.activated.connect(self._kind_chosen)
        edits = (ui.nameEdit, ui.provinceEdit, ui.placeEdit, ui.governingEdit, ui.symbolEdit,
                 ui.selfEdit, ui.scopeEdit)  # fmt: skip
        for edit in edits:
            edit.textChanged.connect(self._fields_changed)
        ui.headerEdit.textChanged.connect(self._fields_changed)
        ui.deadlineSpin.valueChanged.connect(self._fields_changed)
        table.itemChanged.connect(self._units_changed)
        ui.unitAdd.clicked.connect(self._add_unit)
        ui.unitRemove.clicked.connect(self._remove_unit)
        ui.unitUp.clicked.connect(lambda: self._move_unit(-1))
        ui.unitDown.clicked.connect(lambda: self._move_unit(1))

    def initializePage(self) -> None:
        with self.loading():
            wizard = self.plan_wizard
            combo = self.ui.officeCombo
            combo.clear()
            for office in in_order(wizard.repo.offices(), office_words.formal_name):
                combo.addItem(office_words.formal_name(office), office.id)
            combo.addItem("— Nhập cơ quan mới —", NEW_OFFICE)
            current = wizard.office.id
            index = combo.findData(current if current is not None else NEW_OFFICE)
            if current is None and combo.count() > 1 and not wizard.office.name:
                index = 0  # an office is already known: start from it
                wizard.office = wizard.repo.office(combo.itemData(0))
            combo.setCurrentIndex(max(index, 0))
            combo.setEnabled(wizard.editing is None)  # an edited plan keeps its office
        self._show_office()

    def _show_office(self) -> None:
        with self.loading():
            office = self.plan_wizard.office
            ui = self.ui
            ui.kindCombo.setCurrentIndex(ui.kindCombo.findData(office.kind.value))
            ui.nameEdit.setText(office.name)
            ui.provinceEdit.setText(office.province)
            ui.placeEdit.setText(office.place_name)
            ui.governingEdit.setText(office.governing_body)
            ui.headerEdit.setPlainText("\n".join(office.header_lines))
            ui.symbolEdit.setText(office.number_suffix)
            ui.selfEdit.setText(office.self_name)
            ui.scopeEdit.setText(office.scope)
            ui.deadlineSpin.setValue(office.report_deadline_day)
            ui.unitsTable.setRowCount(0)
            for unit in office.units:
                self._append_unit_row(unit)
        self._show_defaults()
        self.completeChanged.emit()

    def _show_defaults(self) -> None:
        """The usual wording for this office, shown where the officer has typed none."""
        office = self.plan_wizard.office
        ui = self.ui
        agency = not office.kind.is_commune
        ui.governingLabel.setEnabled(agency)
        ui.governingEdit.setEnabled(agency)
        probe = _copy_office(office, header_lines=[], number_suffix="", self_name="", scope="",
                             place_name="")  # fmt: skip
        ui.headerEdit.setPlaceholderText("\n".join(office_words.issuer_lines(probe)))
        ui.symbolEdit.setPlaceholderText(office_words.number_suffix(probe))
        ui.selfEdit.setPlaceholderText(office_words.self_name(probe))
        ui.scopeEdit.setPlaceholderText(office_words.scope(probe))
        ui.placeEdit.setPlaceholderText(office_words.place(probe) or "tên địa danh")

    def _append_unit_row(self, unit: Unit) -> None:
        table = self.ui.unitsTable
        row = table.rowCount()
        table.insertRow(row)
        name = QTableWidgetItem(unit.name)
        name.setData(Qt.ItemDataRole.UserRole, (unit.key, unit.request))
        table.setItem(row, 0, name)
        table.setItem(row, 1, QTableWidgetItem(unit.abbreviation))

    def _office_chosen(self, index: int) -> None:
        office_id = self.ui.officeCombo.itemData(index)
        wizard = self.plan_wizard
        if office_id == NEW_OFFICE:
            wizard.office = new_office(wizard.template, OfficeKind(self.ui.kindCombo.currentData()))
        else:
            wizard.office = wizard.repo.office(office_id)
        self._show_office()
        self.changed()

    def _kind_chosen(self, _index: int) -> None:
        office = self.plan_wizard.office
        kind = OfficeKind(self.ui.kindCombo.currentData())
        if kind is office.kind:
            return
        defaults = {u.key for u in default_units(self.plan_wizard.template, office.kind)}
        office.kind = kind
        if all(u.key in defaults for u in office.units):  # still the usual units: follow the kind
            office.units = default_units(self.plan_wizard.template, kind)
        if kind.is_commune:
            office.governing_body = ""
        elif not office.governing_body:
            office.governing_body = f"Ủy ban nhân dân {office.province}".strip()
        self._show_office()
        self.changed()

    def _fields_changed(self) -> None:
        if self._loading:
            return
        ui, office = self.ui, self.plan_wizard.office
        office.name = text_of(ui.nameEdit)
        office.province = text_of(ui.provinceEdit)
        office.place_name = text_of(ui.placeEdit)
        office.governing_body = text_of(ui.governingEdit)
        office.header_lines = lines_typed(ui.headerEdit)
        office.number_suffix = text_of(ui.symbolEdit)
        office.self_name = text_of(ui.selfEdit)
        office.scope = text_of(ui.scopeEdit)
        office.report_deadline_day = ui.deadlineSpin.value()
        self._show_defaults()
        self.completeChanged.emit()
        self.changed()

    def _units_changed(self) -> None:
        if self._loading:
            return
        table = self.ui.unitsTable
        units = []
        for row in range(table.rowCount()):
            name_item, abbreviation = table.item(row, 0), table.item(row, 1)
            name = nfc(name_item.text()).strip() if name_item else ""
            if not name:
                continue
            key, request = name_item.data(Qt.ItemDataRole.UserRole) or (
                "",
                name.startswith("Ủy ban Mặt trận"),
            )
            units.append(
                Unit(name, nfc(abbreviation.text()).strip() if abbreviation else "", key, request)
            )
        self.plan_wizard.office.units = units
        self.changed()

    def _add_unit(self) -> None:
        self._append_unit_row(Unit("", ""))
        row = self.ui.unitsTable.rowCount() - 1
        self.ui.unitsTable.setCurrentCell(row, 0)
        self.ui.unitsTable.editItem(self.ui.unitsTable.item(row, 0))

    def _remove_unit(self) -> None:
        row = self.ui.unitsTable.currentRow()
        if row >= 0:
            self.ui.unitsTable.removeRow(row)
            self._units_changed()

    def _move_unit(self, step: int) -> None:
        units = self.plan_wizard.office.units
        row = self.ui.unitsTable.currentRow()
        target = row + step
        if 0 <= row < len(units) and 0 <= target < len(units):
            units[row], units[target] = units[target], units[row]
            self._show_office()
            self.ui.unitsTable.setCurrentCell(target, 0)
            self.changed()

    def isComplete(self) -> bool:
        ok = bool(self.plan_wizard.office.name.strip())
        self.ui.problem.setText(
            ""
            if ok
            else "Nhập tên cơ quan (ví dụ: Quyết Thắng; Khoa học và Công nghệ) để tiếp tục."
        )
        return ok


def _copy_office(office: Any, **changes: Any) -> Any:
    from dataclasses import replace

    return replace(office, **changes)


# 2. period ------------------------------------------------------------------------------


class PeriodPage(Page):
    form_class = Ui_PeriodForm
    heading = "2. Kỳ kế hoạch"
    subheading = "Kế hoạch 6 tháng hay cả năm, và lập từ đâu."

    def __init__(self, wizard: PlanWizard) -> None:
        super().__init__(wizard)
        ui = self.ui
        self._kinds = {
            PeriodKind.FIRST_HALF: ui.firstHalf,
            PeriodKind.SECOND_HALF: ui.secondHalf,
            PeriodKind.YEAR: ui.wholeYear,
        }
        for button in (*self._kinds.values(), ui.fromTemplate, ui.fromLast):
            button.toggled.connect(self._read)
        ui.yearSpin.valueChanged.connect(self._read)
        ui.localPlanEdit.textChanged.connect(self._read)
        ui.templateCombo.activated.connect(self._read)

    def initializePage(self) -> None:
        wizard = self.plan_wizard
        with self.loading():
            self._kinds[wizard.period.kind].setChecked(True)
            self.ui.yearSpin.setValue(wizard.period.year)
            combo = self.ui.templateCombo
            combo.clear()
            for template in wizard.templates:
                combo.addItem(template.name, template.id)
            combo.setCurrentIndex(max(combo.findData(wizard.template.id), 0))
            has_last = wizard.last_plan_id() is not None
            self.ui.fromLast.setEnabled(has_last)
            (
                self.ui.fromLast if wizard.from_last and has_last else self.ui.fromTemplate
            ).setChecked(True)
            self.ui.localPlanEdit.setText(wizard.local_cchc_plan)
            editing = wizard.editing is not None
            self.ui.sourceBox.setVisible(not editing)
            self.ui.localLabel.setVisible(not editing)
            self.ui.localPlanEdit.setVisible(not editing)
            self.ui.problem.setText(
                "Đổi kỳ chỉ đổi kỳ của kế hoạch: lời văn được giữ nguyên, hãy sửa năm, kỳ trong "
                "lời văn nếu cần (trang «Xem lại» sẽ chỉ ra chỗ chưa khớp)."
                if editing
                else ""
            )

    def _read(self) -> None:
        if self._loading:
            return
        wizard = self.plan_wizard
        kind = next(k for k, b in self._kinds.items() if b.isChecked())
        wizard.period = Period(kind, self.ui.yearSpin.value())
        wizard.from_last = self.ui.fromLast.isChecked()
        wanted = self.ui.templateCombo.currentData()
        wizard.template = next((t for t in wizard.templates if t.id == wanted), wizard.template)
        wizard.local_cchc_plan = text_of(self.ui.localPlanEdit)
        self.ui.localPlanEdit.setEnabled(not wizard.from_last)
        self.ui.templateCombo.setEnabled(not wizard.from_last)
        if wizard.editing is not None and wizard.plan is not None:
            wizard.plan.period = wizard.period
        self.changed()

    def validatePage(self) -> bool:
        wizard = self.plan_wizard
        if wizard.editing is not None:
            return True
        if wizard.plan is not None and wizard.built_for == wizard.build_key():
            return True
        if wizard.plan is not None:
            answer = QMessageBox.question(
                self,
                "Lập lại nội dung?",
                "Kỳ kế hoạch, mẫu, nguồn hoặc tên cơ quan đã đổi. Lập lại nội dung kế hoạch theo "
                "lựa chọn mới? Những gì đã sửa ở các bước sau sẽ được thay bằng nội dung mới.",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return True
        wizard.build_plan()
        return True


# 3. summary, bases, preamble ------------------------------------------------------------


class OpeningPage(Page):
    form_class = Ui_OpeningForm
    heading = "3. Trích yếu và căn cứ"
    subheading = "Dòng trích yếu dưới chữ «KẾ HOẠCH», các căn cứ và lời dẫn."

    def __init__(self, wizard: PlanWizard) -> None:
        super().__init__(wizard)
        ui = self.ui
        ui.summary.textChanged.connect(self._summary_changed)
        ui.list.itemChanged.connect(self._ticked)
        ui.list.currentRowChanged.connect(self._show_basis)
        ui.basisEdit.textChanged.connect(self._basis_changed)
        ui.extra.textChanged.connect(self._preamble_changed)
        ui.entryAdd.clicked.connect(self._add)
        ui.entryRemove.clicked.connect(self._remove)
        ui.entryUp.clicked.connect(lambda: self._move(-1))
        ui.entryDown.clicked.connect(lambda: self._move(1))

    def initializePage(self) -> None:
        with self.loading():
            self.ui.summary.setPlainText(self.plan.summary)
            self.ui.extra.setPlainText(self.plan.preamble)
        self._fill(0)

    def _fill(self, select: int) -> None:
        with self.loading():
            self.ui.list.clear()
            for basis in self.plan.bases:
                item = QListWidgetItem(basis.text)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(
                    Qt.CheckState.Checked if basis.chosen else Qt.CheckState.Unchecked
                )
                self.ui.list.addItem(item)
        if self.plan.bases:
            self.ui.list.setCurrentRow(min(max(select, 0), len(self.plan.bases) - 1))
        else:
            self._show_basis(-1)

    def _summary_changed(self) -> None:
        if not self._loading:
            self.plan.summary = "\n".join(lines_typed(self.ui.summary))
            self.changed()

    def _preamble_changed(self) -> None:
        if not self._loading:
            self.plan.preamble = text_of(self.ui.extra)
            self.changed()

    def _show_basis(self, row: int) -> None:
        with self.loading():
            valid = 0 <= row < len(self.plan.bases)
            self.ui.basisEdit.setEnabled(valid)
            self.ui.basisEdit.setPlainText(self.plan.bases[row].text if valid else "")

    def _ticked(self, item: QListWidgetItem) -> None:
        if self._loading:
            return
        self.plan.bases[self.ui.list.row(item)].chosen = item.checkState() == Qt.CheckState.Checked
        self.changed()

    def _basis_changed(self) -> None:
        row = self.ui.list.currentRow()
        if self._loading or not 0 <= row < len(self.plan.bases):
            return
        text = " ".join(text_of(self.ui.basisEdit).split()).rstrip(";.")
        self.plan.bases[row].text = text
        with self.loading():
            self.ui.list.item(row).setText(text)
        self.changed()

    def _add(self) -> None:
        row = self.ui.list.currentRow()
        self.plan.bases.insert(row + 1, Basis("Căn cứ "))
        self._fill(row + 1)
        self.ui.basisEdit.setFocus()
        self.ui.basisEdit.moveCursor(self.ui.basisEdit.textCursor().MoveOperation.End)
        self.changed()

    def _remove(self) -> None:
        row = self.ui.list.currentRow()
        if 0 <= row < len(self.plan.bases):
            del self.plan.bases[row]
            self._fill(row)
            self.changed()

    def _move(self, step: int) -> None:
        bases, row = self.plan.bases, self.ui.list.currentRow()
        if 0 <= row < len(bases) and 0 <= row + step < len(bases):
            bases[row], bases[row + step] = bases[row + step], bases[row]
            self._fill(row + step)
            self.changed()

    def isComplete(self) -> bool:
        ok = bool(self.plan_wizard.plan and self.plan.summary.strip())
        self.ui.problem.setText("" if ok else "Trích yếu chưa có: kế hoạch cần dòng trích yếu.")
        return True  # a warning only: the review lists it too


# 4-6, 8. the parts of the body, each on an outline editor --------------------------------


class PartPage(Page):
    """One part of the body, found by its role, edited as the officer likes: its heading,
    its items and their order, depth and markers."""

    form_class = Ui_ItemsForm
    intro = ""
    role = ItemRole.NONE

    def __init__(self, wizard: PlanWizard) -> None:
        super().__init__(wizard)
        self.ui.intro.setText(
            self.intro + " Bỏ dấu ở ô đầu dòng để không đưa vào văn bản; sửa chữ ở ô bên phải; "
            "kéo thả hoặc Ctrl+↑/↓ để đổi thứ tự, Ctrl+→/← để thụt vào, lùi ra. Số và chữ "
            "đầu dòng hiện đúng như khi in."
        )
        self.ui.editor.changed.connect(self.changed)

    def part(self) -> str | None:
        """The uid of this page's part of the plan, if the plan has one."""
        plan = self.plan_wizard.plan
        found = find_role(plan.sections, self.role) if plan is not None else None
        return found.uid if found is not None else None

    def initializePage(self) -> None:
        self.ui.editor.load(self.plan.sections, self.part(), self.plan_wizard.office.units)


class PurposesPage(PartPage):
    heading = "4. Mục đích, yêu cầu"
    subheading = "Phần mục đích, yêu cầu của kế hoạch."
    intro = "Các mục đích và yêu cầu, theo cách viết của cơ quan."
    role = ItemRole.PURPOSES


class ContentPage(PartPage):
    heading = "5. Nội dung tuyên truyền"
    subheading = "Những nội dung trọng tâm cần tuyên truyền trong kỳ."
    intro = "Những nội dung trọng tâm cần tuyên truyền."
    role = ItemRole.CONTENT


class FormsPage(PartPage):
    heading = "6. Hình thức tuyên truyền"
    subheading = "Các hình thức tuyên truyền cơ quan sẽ dùng."
    intro = "Các hình thức tuyên truyền."
    role = ItemRole.FORMS


class OrganisationPage(PartPage):
    heading = "8. Tổ chức thực hiện"
    subheading = (
        "Mỗi đơn vị một khối: tên đơn vị như muốn in, nhiệm vụ của đơn vị, thứ tự các khối."
    )
    intro = (
        "Mỗi khối là một đơn vị (chọn đơn vị ở ô bên phải, sửa tên in như ý); các ý bên trong "
        "là nhiệm vụ của đơn vị. Đơn vị không có nhiệm vụ nào được chọn sẽ không được in."
    )
    role = ItemRole.ORGANISATION


# 7. tasks -------------------------------------------------------------------------------

CHOSEN, TITLE, OUTPUT, START, FINISH, LEAD, SUPPORT, MEANING = range(8)
TASK_HEADERS = (
    "",
    "Nhiệm vụ",
    "Sản phẩm",
    "Triển khai",
    "Hoàn thành",
    "Chủ trì",
    "Phối hợp",
    "Chương trình hiểu là",
)
TASK_FIELDS = {
    TITLE: "title",
    OUTPUT: "output",
    START: "start_text",
    FINISH: "finish_text",
    LEAD: "lead_unit",
    SUPPORT: "supporting_units",
}


class UnitDelegate(QStyledItemDelegate):
    """Pick a unit from the office's list (whole names in the list), or type another."""

    def __init__(self, page: TasksPage) -> None:
        super().__init__(page)
        self.page = page

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.setEditable(True)
        names = [u.name for u in self.page.plan_wizard.office.units]
        combo.addItems(names)
        view = combo.view()
        metrics = view.fontMetrics()
        widest = max((metrics.horizontalAdvance(n) for n in names), default=0)
        view.setMinimumWidth(widest + 40)  # the list shows each whole name, never cut
        view.setTextElideMode(Qt.TextElideMode.ElideNone)
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentText(str(index.data() or ""))

    def setModelData(
        self, editor: QWidget, model: Any, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentText())


class TasksPage(Page):
    form_class = Ui_TasksForm
    heading = "7. Nhiệm vụ cụ thể (Phụ lục)"
    subheading = "Nhiệm vụ, sản phẩm, thời gian, cơ quan chủ trì và phối hợp; tên phụ lục."

    def __init__(self, wizard: PlanWizard) -> None:
        super().__init__(wizard)
        table = self.ui.table
        table.setColumnCount(len(TASK_HEADERS))
        table.setHorizontalHeaderLabels(list(TASK_HEADERS))
        table.setSortingEnabled(False)  # rows print in the order shown
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)  # the task keeps its width; a narrow table scrolls
        for column, width in (
            (CHOSEN, 28), (TITLE, 280), (OUTPUT, 110), (START, 100), (FINISH, 100),
            (LEAD, 150), (SUPPORT, 150),
        ):  # fmt: skip
            table.setColumnWidth(column, width)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.setItemDelegate(TextCellDelegate(table))
        table.setItemDelegateForColumn(LEAD, UnitDelegate(self))
        table.setItemDelegateForColumn(SUPPORT, UnitDelegate(self))
        table.itemChanged.connect(self._cell_changed)
        table.currentCellChanged.connect(lambda row, *_: self._show_details(row))
        ui = self.ui
        ui.taskAdd.clicked.connect(self._add)
        ui.taskRemove.clicked.connect(self._remove)
        ui.taskUp.clicked.connect(lambda: self._move(-1))
        ui.taskDown.clicked.connect(lambda: self._move(1))
        ui.untickAll.clicked.connect(self._untick_all)
        ui.detailsEdit.textChanged.connect(self._details_changed)
        ui.appendixTitleEdit.textChanged.connect(self._appendix_changed)
        ui.attachmentEdit.textChanged.connect(self._appendix_changed)

    def initializePage(self) -> None:
        self._fill(0)
        with self.loading():
            plan, office = self.plan, self.plan_wizard.office
            self.ui.appendixTitleEdit.setPlaceholderText(default_appendix_title(plan, office))
            self.ui.appendixTitleEdit.setPlainText(plan.appendix_title)
            self.ui.attachmentEdit.setPlaceholderText(default_attachment_line(plan, office))
            self.ui.attachmentEdit.setText(plan.attachment_line)

    def _fill(self, select: int) -> None:
        with self.loading():
            table = self.ui.table
            table.setRowCount(0)
            dim = table.palette().color(
                table.palette().ColorGroup.Disabled, table.palette().ColorRole.Text
            )
            for task in self.plan.tasks:
                row = table.rowCount()
                table.insertRow(row)
                chosen = QTableWidgetItem()
                chosen.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsUserCheckable
                    | Qt.ItemFlag.ItemIsSelectable
                )
                chosen.setCheckState(
                    Qt.CheckState.Checked if task.chosen else Qt.CheckState.Unchecked
                )
                chosen.setToolTip("Đưa vào Phụ lục")
                table.setItem(row, CHOSEN, chosen)
                for column, field in TASK_FIELDS.items():
                    cell = QTableWidgetItem(getattr(task, field))
                    if not task.chosen:
                        cell.setForeground(dim)  # visible, not printed: tick it to bring it back
                        cell.setToolTip(
                            "Không đưa vào Phụ lục — đánh dấu ô đầu dòng để đưa vào lại."
                        )
                    table.setItem(row, column, cell)
                meaning = QTableWidgetItem()
                meaning.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                table.setItem(row, MEANING, meaning)
                self._explain(row, task)
        if self.plan.tasks:
            table.setCurrentCell(min(max(select, 0), len(self.plan.tasks) - 1), TITLE)
        else:
            self._show_details(-1)
        self._show_count()

    def _explain(self, row: int, task: Task) -> None:
        """What the time words mean, and a flag when outside the period or not understood."""
        period = self.plan.period
        parts, flagged = [], False
        for text in (task.start_text, task.finish_text):
            if not text.strip():
                continue
            span = parse_time(text, period)
            if not span.recognised or span.start is None or span.end is None:
                parts.append(f"⚠ không hiểu «{text}»")
                flagged = True
                continue
            words = f"{format_date_vn(span.start)}–{format_date_vn(span.end)}"
            if outside_period(span, period):
                words = f"⚠ {words} (ngoài kỳ)"
                flagged = True
            parts.append(words)
        item = self.ui.table.item(row, MEANING)
        with self.loading():
            item.setText("; ".join(parts))
            item.setToolTip(
                "Thời gian nằm ngoài kỳ hoặc chưa hiểu được — vẫn được giữ nguyên như đã gõ."
                if flagged
                else ""
            )

    def _cell_changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        row, column = item.row(), item.column()
        task = self.plan.tasks[row]
        if column == CHOSEN:
            task.chosen = item.checkState() == Qt.CheckState.Checked
            # Shown dimmed or not: the table is filled again once this cell's signal is over.
            QTimer.singleShot(0, lambda: self._fill(self.ui.table.currentRow()))
        elif column in TASK_FIELDS:
            value = nfc(item.text()).strip()
            if column == TITLE:
                value = strip_own_label(value)
            setattr(task, TASK_FIELDS[column], value)
            if column in (START, FINISH):
                self._explain(row, task)
        self._show_count()
        self.changed()

    def _show_details(self, row: int) -> None:
        with self.loading():
            valid = 0 <= row < len(self.plan.tasks)
            self.ui.detailsEdit.setEnabled(valid)
            self.ui.detailsEdit.setPlainText(
                "\n".join(self.plan.tasks[row].details) if valid else ""
            )

    def _details_changed(self) -> None:
        row = self.ui.table.currentRow()
        if self._loading or not 0 <= row < len(self.plan.tasks):
            return
        self.plan.tasks[row].details = [
            strip_own_label(line) for line in lines_typed(self.ui.detailsEdit)
        ]
        self.changed()

    def _appendix_changed(self) -> None:
        if self._loading:
            return
        self.plan.appendix_title = "\n".join(lines_typed(self.ui.appendixTitleEdit))
        self.plan.attachment_line = text_of(self.ui.attachmentEdit)
        self.changed()

    def _show_count(self) -> None:
        chosen = len(self.plan.chosen_tasks)
        self.ui.problem.setText(
            "" if chosen else "Chưa chọn nhiệm vụ nào: kế hoạch sẽ không có Phụ lục."
        )

    def _add(self) -> None:
        period = self.plan.period
        row = self.ui.table.currentRow()
        at = row + 1 if row >= 0 else len(self.plan.tasks)
        self.plan.tasks.insert(
            at,
            Task(
                title="",
                start_text=f"Tháng {period.first_month}/{period.year}",
                finish_text="Thường xuyên",
            ),
        )
        self._fill(at)
        self.ui.table.editItem(self.ui.table.item(at, TITLE))
        self.changed()

    def _remove(self) -> None:
        """The officer's own row goes; a template's row is unticked (shown dimmed, and
        ticking it brings it back); a row already unticked goes too."""
        row = self.ui.table.currentRow()
        if row < 0:
            return
        task = self.plan.tasks[row]
        if task.id is not None and (
            task.results or task.evidence or task.status.value != "not_started"
        ):
            answer = QMessageBox.question(
                self,
                "Xóa nhiệm vụ đang theo dõi?",
                f"Nhiệm vụ «{task.title[:60]}» đã có kết quả theo dõi. Xóa khỏi kế hoạch thì "
                "kết quả, minh chứng và lịch sử của nó cũng mất khi lưu. Xóa?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        if task.key and task.chosen:
            task.chosen = False
        else:
            del self.plan.tasks[row]
        self._fill(row)
        self.changed()

    def _untick_all(self) -> None:
        for task in self.plan.tasks:
            task.chosen = False
        self._fill(self.ui.table.currentRow())
        self.changed()

    def _move(self, step: int) -> None:
        tasks, row = self.plan.tasks, self.ui.table.currentRow()
        if 0 <= row < len(tasks) and 0 <= row + step < len(tasks):
            tasks[row], tasks[row + step] = tasks[row + step], tasks[row]
            self._fill(row + step)
            self.changed()


# 9. the whole body -----------------------------------------------------------------------


class BodyPage(Page):
    form_class = Ui_BodyForm
    heading = "9. Toàn văn"
    subheading = "Mọi phần của kế hoạch: tên đề mục, thứ tự, cấp, cách đánh dấu; đoạn kết."

    def __init__(self, wizard: PlanWizard) -> None:
        super().__init__(wizard)
        self.ui.editor.changed.connect(self.changed)
        self.ui.closing.textChanged.connect(self._closing_changed)

    def initializePage(self) -> None:
        self.ui.editor.load(self.plan.sections, None, self.plan_wizard.office.units)
        with self.loading():
            self.ui.closing.setPlainText(self.plan.closing)

    def _closing_changed(self) -> None:
        if not self._loading:
            self.plan.closing = text_of(self.ui.closing)
            self.changed()


# 10. signing ----------------------------------------------------------------------------


class SigningPage(Page):
    form_class = Ui_SigningForm
    heading = "10. Ký và gửi"
    subheading = "Hình thức ký, người ký, nơi nhận; số và ngày (thường để trống cho văn thư)."

    def __init__(self, wizard: PlanWizard) -> None:
        super().__init__(wizard)
        ui = self.ui
        ui.authorityCombo.activated.connect(self._form_chosen)
        for edit in (ui.signerEdit, ui.numberEdit):
            edit.textChanged.connect(self._read)
        for box in (ui.recipientsEdit, ui.authorityEdit):
            box.textChanged.connect(self._read)
        ui.signedCheck.toggled.connect(self._read)
        ui.signedDate.dateChanged.connect(self._read)
        ui.draftDate.dateChanged.connect(self._read)

    def initializePage(self) -> None:
        with self.loading():
            plan, office = self.plan, self.plan_wizard.office
            forms = office_words.signature_forms(office)
            combo = self.ui.authorityCombo
            combo.clear()
            for label, lines in forms:
                combo.addItem(f"{label}: {' / '.join(lines)}", lines)
            usual = [lines for _, lines in forms]
            for signer_lines in dict.fromkeys(tuple(s.authority_lines) for s in office.signers):
                if list(signer_lines) not in usual:  # the office's own forms, remembered
                    combo.addItem(f"Như lần trước: {' / '.join(signer_lines)}", list(signer_lines))
            combo.addItem("Tự ghi các dòng (ô bên dưới)", OWN_FORM)
            signer = plan.signer or office_words.default_signer(office)
            self.ui.signerEdit.setText(signer.name)
            self.ui.authorityEdit.setPlainText("\n".join(signer.authority_lines))
            self._select_form(signer.authority_lines)
            self.ui.recipientsEdit.setPlainText("\n".join(plan.recipients))
            self.ui.suffixLabel.setText(f"/{plan.number_suffix}")
            self.ui.numberEdit.setText(plan.number)
            self.ui.signedCheck.setChecked(plan.issued_on is not None)
            today = self.plan_wizard.clock.today()
            signed = plan.issued_on or today
            self.ui.signedDate.setDate(QDate(signed.year, signed.month, signed.day))
            self.ui.signedDate.setEnabled(plan.issued_on is not None)
            drafted = plan.drafted_on or today
            self.ui.draftDate.setDate(QDate(drafted.year, drafted.month, 1))
        self._read()

    def _select_form(self, lines: list[str]) -> None:
        combo = self.ui.authorityCombo
        index = next(
            (i for i in range(combo.count()) if combo.itemData(i) == lines), combo.count() - 1
        )
        combo.setCurrentIndex(index)

    def _form_chosen(self, _index: int) -> None:
        lines = self.ui.authorityCombo.currentData()
        if lines != OWN_FORM:
            self.ui.authorityEdit.setPlainText("\n".join(lines))
        else:
            self.ui.authorityEdit.setFocus()

    def _read(self) -> None:
        if self._loading:
            return
        ui, plan = self.ui, self.plan
        lines = [line.upper() for line in lines_typed(ui.authorityEdit)]
        plan.signer = Signer(text_of(ui.signerEdit), lines)
        with self.loading():
            self._select_form(lines)
        plan.recipients = [
            line.lstrip("-–• ").rstrip(";.").strip()
            for line in lines_typed(ui.recipientsEdit)
            if line.lstrip("-–• ").strip()
        ]
        number = text_of(ui.numberEdit)
        plan.number = number_text(number)
        ui.signedDate.setEnabled(ui.signedCheck.isChecked())
        plan.issued_on = ui.signedDate.date().toPython() if ui.signedCheck.isChecked() else None
        drafted = ui.draftDate.date().toPython()
        plan.drafted_on = date(drafted.year, drafted.month, 1)
        problems = []
        if number and not number.isdigit():
            problems.append("Số văn bản chỉ gồm chữ số (ví dụ 05), hoặc để trống.")
        if not plan.signer.name:
            problems.append("Chưa có tên người ký.")
        if not lines:
            problems.append("Chưa có dòng thẩm quyền, chức vụ người ký.")
        ui.problem.setText(" ".join(problems))
        self.changed()


# 11. review -----------------------------------------------------------------------------


class ReviewPage(Page):
    form_class = Ui_ReviewForm
    heading = "11. Xem lại và hoàn tất"
    subheading = "Kế hoạch như khi in, và những điểm nên sửa trước khi trình ký."

    def __init__(self, wizard: PlanWizard) -> None:
        super().__init__(wizard)
        self.ui.splitter.setStretchFactor(0, 3)
        self.ui.splitter.setStretchFactor(1, 1)
        self.ui.splitter.setSizes([880, 360])
        self.ui.preview.setMinimumWidth(560)
        self.ui.problemsLayout.setContentsMargins(8, 0, 0, 0)  # apart from the page count
        self.ui.problems.itemActivated.connect(self._go_fix)
        self.setFinalPage(True)

    def initializePage(self) -> None:
        wizard = self.plan_wizard
        self.ui.preview.show_outline(plan_outline(self.plan, wizard.office))  # as it prints
        self.ui.problems.clear()
        findings = review(self.plan, wizard.office)
        for finding in findings:
            item = QListWidgetItem(f"⚠ {finding.message}")
            item.setData(STEP_ROLE, finding.step.value)
            item.setToolTip("Bấm đúp để về bước sửa lỗi này.")
            self.ui.problems.addItem(item)
        if not findings:
            self.ui.problems.addItem("Không thấy vấn đề nào. Kế hoạch sẵn sàng để in và trình ký.")

    def _go_fix(self, item: QListWidgetItem) -> None:
        from cchc_desktop.core.checks import Step

        step = item.data(STEP_ROLE)
        if step:
            self.plan_wizard.go_to(Step(step))


PAGES = (
    (PageId.OFFICE, OfficePage),
    (PageId.PERIOD, PeriodPage),
    (PageId.OPENING, OpeningPage),
    (PageId.PURPOSES, PurposesPage),
    (PageId.CONTENT, ContentPage),
    (PageId.FORMS, FormsPage),
    (PageId.TASKS, TasksPage),
    (PageId.ORGANISATION, OrganisationPage),
    (PageId.BODY, BodyPage),
    (PageId.SIGNING, SigningPage),
    (PageId.REVIEW, ReviewPage),
)
