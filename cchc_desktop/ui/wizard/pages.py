"""The wizard's pages, one class per step, each on its Designer form (forms/wizard_*.ui).

Every page reads the wizard's ``office`` and ``plan`` in initializePage and writes each edit
straight back (then ``wizard.changed()`` saves the draft); no rule lives here.
"""

from __future__ import annotations

from datetime import date
from typing import Any, cast

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QListWidgetItem,
    QMessageBox,
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
    ItemKind,
    ItemRole,
    Marker,
    OfficeKind,
    Plan,
    PlanItem,
    Signer,
    Task,
    Unit,
    find_role,
)
from cchc_desktop.core.numbering import strip_own_label
from cchc_desktop.core.period import Period, PeriodKind
from cchc_desktop.core.text import nfc
from cchc_desktop.core.timewords import format_date_vn, outside_period, parse_time
from cchc_desktop.render.outline_html import preview_html
from cchc_desktop.ui.forms.ui_wizard_items import Ui_ItemsForm
from cchc_desktop.ui.forms.ui_wizard_list import Ui_ListForm
from cchc_desktop.ui.forms.ui_wizard_office import Ui_OfficeForm
from cchc_desktop.ui.forms.ui_wizard_organisation import Ui_OrganisationForm
from cchc_desktop.ui.forms.ui_wizard_period import Ui_PeriodForm
from cchc_desktop.ui.forms.ui_wizard_review import Ui_ReviewForm
from cchc_desktop.ui.forms.ui_wizard_signing import Ui_SigningForm
from cchc_desktop.ui.forms.ui_wizard_tasks import Ui_TasksForm
from cchc_desktop.ui.wizard.wizard import PageId, PlanWizard, new_office

NEW_OFFICE = -1
STEP_ROLE = Qt.ItemDataRole.UserRole + 2


def text_of(widget: Any) -> str:
    """What the officer typed, precomposed and trimmed."""
    raw = widget.toPlainText() if hasattr(widget, "toPlainText") else widget.text()
    return nfc(raw).strip()


class Page(QWizardPage):
    """A page showing one Designer form."""

    form_class: type = object
    title = ""
    subtitle = ""

    def __init__(self, wizard: PlanWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.title)
        self.setSubTitle(self.subtitle)
        self.ui = self.form_class()
        holder = QWidget(self)
        self.ui.setupUi(holder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(holder)
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


# 1. office ------------------------------------------------------------------------------


class OfficePage(Page):
    form_class = Ui_OfficeForm
    title = "1. Cơ quan ban hành"
    subtitle = "Ủy ban nhân dân xã, phường hoặc đặc khu lập kế hoạch."

    def __init__(self, wizard: PlanWizard) -> None:
        super().__init__(wizard)
        ui = self.ui
        for kind in OfficeKind:
            ui.kindCombo.addItem(kind.value.capitalize(), kind.value)
        table = ui.unitsTable
        table.setColumnCount(2)
        table.setHorizontalHeaderLabels(["Tên đơn vị", "Viết tắt"])
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        table.verticalHeader().setVisible(False)
        ui.officeCombo.activated.connect(self._office_chosen)
        ui.kindCombo.activated.connect(self._kind_chosen)
        for edit in (ui.nameEdit, ui.provinceEdit, ui.placeEdit):
            edit.textChanged.connect(self._fields_changed)
        ui.deadlineSpin.valueChanged.connect(self._fields_changed)
        table.itemChanged.connect(self._units_changed)
        ui.unitAdd.clicked.connect(self._add_unit)
        ui.unitRemove.clicked.connect(self._remove_unit)
        ui.unitUp.clicked.connect(lambda: self._move_unit(-1))
        ui.unitDown.clicked.connect(lambda: self._move_unit(1))

    def initializePage(self) -> None:
        self._loading = True
        combo = self.ui.officeCombo
        combo.clear()
        for office in self.plan_wizard.repo.offices():
            combo.addItem(office_words.formal_name(office), office.id)
        combo.addItem("— Nhập cơ quan mới —", NEW_OFFICE)
        current = self.plan_wizard.office.id
        index = combo.findData(current if current is not None else NEW_OFFICE)
        if current is None and combo.count() > 1 and not self.plan_wizard.office.name:
            index = 0  # an office is already known: start from it
            self.plan_wizard.office = self.plan_wizard.repo.office(combo.itemData(0))
        combo.setCurrentIndex(max(index, 0))
        self._loading = False
        self._show_office()

    def _show_office(self) -> None:
        self._loading = True
        office = self.plan_wizard.office
        ui = self.ui
        ui.kindCombo.setCurrentIndex(ui.kindCombo.findData(office.kind.value))
        ui.nameEdit.setText(office.name)
        ui.provinceEdit.setText(office.province)
        ui.placeEdit.setText(office.place_name)
        ui.deadlineSpin.setValue(office.report_deadline_day)
        ui.unitsTable.setRowCount(0)
        for unit in office.units:
            self._append_unit_row(unit)
        self._loading = False
        self.completeChanged.emit()

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
        if all(
            u.key in defaults for u in office.units
        ):  # still the usual units: rename for the kind
            office.units = default_units(self.plan_wizard.template, kind)
        self._show_office()
        self.changed()

    def _fields_changed(self) -> None:
        if self._loading:
            return
        office = self.plan_wizard.office
        office.name = text_of(self.ui.nameEdit)
        office.province = text_of(self.ui.provinceEdit)
        office.place_name = text_of(self.ui.placeEdit)
        office.report_deadline_day = self.ui.deadlineSpin.value()
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
            "" if ok else "Nhập tên xã, phường (ví dụ: Quyết Thắng) để tiếp tục."
        )
        return ok


# 2. period ------------------------------------------------------------------------------


class PeriodPage(Page):
    form_class = Ui_PeriodForm
    title = "2. Kỳ kế hoạch"
    subtitle = "Kế hoạch 6 tháng hay cả năm, và lập từ đâu."

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

    def initializePage(self) -> None:
        wizard = self.plan_wizard
        self._loading = True
        self._kinds[wizard.period.kind].setChecked(True)
        self.ui.yearSpin.setValue(wizard.period.year)
        has_last = wizard.last_plan_id() is not None
        self.ui.fromLast.setEnabled(has_last)
        (self.ui.fromLast if wizard.from_last and has_last else self.ui.fromTemplate).setChecked(
            True
        )
        self.ui.localPlanEdit.setText(wizard.local_cchc_plan)
        self._loading = False

    def _read(self) -> None:
        if self._loading:
            return
        wizard = self.plan_wizard
        kind = next(k for k, b in self._kinds.items() if b.isChecked())
        wizard.period = Period(kind, self.ui.yearSpin.value())
        wizard.from_last = self.ui.fromLast.isChecked()
        wizard.local_cchc_plan = text_of(self.ui.localPlanEdit)
        self.ui.localPlanEdit.setEnabled(not wizard.from_last)
        self.changed()

    def validatePage(self) -> bool:
        wizard = self.plan_wizard
        if wizard.plan is not None and wizard.built_for == wizard.build_key():
            return True
        if wizard.plan is not None:
            answer = QMessageBox.question(
                self,
                "Lập lại nội dung?",
                "Kỳ kế hoạch, nguồn hoặc tên cơ quan đã đổi. Lập lại nội dung kế hoạch theo lựa chọn "
                "mới? Những gì đã sửa ở các bước sau sẽ được thay bằng nội dung mới.",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return True
        wizard.build_plan()
        return True


# 3. bases -------------------------------------------------------------------------------


class BasesPage(Page):
    form_class = Ui_ListForm
    title = "3. Căn cứ"
    subtitle = "Các văn bản làm căn cứ lập kế hoạch; điền số, ngày còn để trống."

    def __init__(self, wizard: PlanWizard) -> None:
        super().__init__(wizard)
        ui = self.ui
        ui.intro.setText(
            "Đánh dấu căn cứ đưa vào kế hoạch; bấm đúp để sửa (ví dụ điền số, ngày kế hoạch CCHC "
            "của xã). Dấu «;» và «.» cuối mỗi căn cứ được thêm khi in."
        )
        ui.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        ui.list.itemChanged.connect(self._read)
        ui.extra.textChanged.connect(self._read_preamble)
        ui.entryAdd.clicked.connect(self._add)
        ui.entryRemove.clicked.connect(self._remove)
        ui.entryUp.clicked.connect(lambda: self._move(-1))
        ui.entryDown.clicked.connect(lambda: self._move(1))

    def initializePage(self) -> None:
        self._loading = True
        self.ui.list.clear()
        for basis in self.plan.bases:
            item = QListWidgetItem(basis.text)
            item.setFlags(
                item.flags() | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable
            )
            item.setCheckState(Qt.CheckState.Checked if basis.chosen else Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, basis.key)
            self.ui.list.addItem(item)
        self.ui.extra.setPlainText(self.plan.preamble)
        self._loading = False

    def _read(self) -> None:
        if self._loading:
            return
        bases = []
        for row in range(self.ui.list.count()):
            item = self.ui.list.item(row)
            text = nfc(item.text()).strip().rstrip(";.")
            bases.append(
                Basis(
                    text,
                    item.checkState() == Qt.CheckState.Checked,
                    item.data(Qt.ItemDataRole.UserRole) or "",
                )
            )
        self.plan.bases = bases
        self.changed()

    def _read_preamble(self) -> None:
        if not self._loading:
            self.plan.preamble = text_of(self.ui.extra)
            self.changed()

    def _add(self) -> None:
        self.plan.bases.append(Basis("Căn cứ "))
        self.initializePage()
        item = self.ui.list.item(self.ui.list.count() - 1)
        self.ui.list.setCurrentItem(item)
        self.ui.list.editItem(item)
        self.changed()

    def _remove(self) -> None:
        row = self.ui.list.currentRow()
        if row >= 0:
            del self.plan.bases[row]
            self.initializePage()
            self.changed()

    def _move(self, step: int) -> None:
        bases, row = self.plan.bases, self.ui.list.currentRow()
        if 0 <= row < len(bases) and 0 <= row + step < len(bases):
            bases[row], bases[row + step] = bases[row + step], bases[row]
            self.initializePage()
            self.ui.list.setCurrentRow(row + step)
            self.changed()


# 4-6. purposes, content, forms ----------------------------------------------------------


class ItemsPage(Page):
    """A checklist of the template's items for one part of the body."""

    form_class = Ui_ItemsForm
    intro = ""
    role = ItemRole.NONE  # the part of the body it edits, found by its role

    def __init__(self, wizard: PlanWizard) -> None:
        super().__init__(wizard)
        ui = self.ui
        ui.intro.setText(
            self.intro
            + " Bỏ dấu để không đưa vào; bấm đúp để sửa chữ; kéo thả hoặc Ctrl+↑/↓ để đổi thứ tự. "
            "Số thứ tự và chữ a), b), c)… hiện đúng như khi in."
        )
        ui.tree.setup()
        ui.tree.on_change = self.changed
        ui.entryAdd.clicked.connect(lambda: ui.tree.add_item())
        ui.entryAddChild.clicked.connect(lambda: ui.tree.add_item(as_child=True))
        ui.entryRemove.clicked.connect(ui.tree.remove_current)
        ui.entryUp.clicked.connect(lambda: ui.tree.move_current(-1))
        ui.entryDown.clicked.connect(lambda: ui.tree.move_current(1))

    def initializePage(self) -> None:
        self.ui.tree.load(_part(self.plan, self.role))


def _part(plan: Plan, role: ItemRole) -> list[PlanItem]:
    """The items under the part of the body playing ``role``; a plan without that part
    shows its whole body."""
    found = find_role(plan.sections, role)
    return found.children if found is not None else plan.sections


class PurposesPage(ItemsPage):
    title = "4. Mục đích, yêu cầu"
    subtitle = "Mục I của kế hoạch."
    intro = "Các mục đích và yêu cầu, theo cách viết của xã, phường."
    role = ItemRole.PURPOSES


class ContentPage(ItemsPage):
    title = "5. Nội dung tuyên truyền"
    subtitle = "Mục II.1 của kế hoạch."
    intro = "Những nội dung trọng tâm cần tuyên truyền trong kỳ."
    role = ItemRole.CONTENT


class FormsPage(ItemsPage):
    title = "6. Hình thức tuyên truyền"
    subtitle = "Mục II.2 của kế hoạch."
    intro = "Các hình thức tuyên truyền xã, phường sẽ dùng."
    role = ItemRole.FORMS


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
    """Pick a unit from the office's list, or type another."""

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
        combo.addItems([u.name for u in self.page.plan_wizard.office.units])
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
    title = "7. Nhiệm vụ cụ thể (Phụ lục)"
    subtitle = "Nhiệm vụ, sản phẩm, thời gian, cơ quan chủ trì và phối hợp."

    def __init__(self, wizard: PlanWizard) -> None:
        super().__init__(wizard)
        table = self.ui.table
        table.setColumnCount(len(TASK_HEADERS))
        table.setHorizontalHeaderLabels(list(TASK_HEADERS))
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (CHOSEN, 28),
            (OUTPUT, 110),
            (START, 100),
            (FINISH, 100),
            (LEAD, 150),
            (SUPPORT, 150),
            (MEANING, 160),
        ):
            table.setColumnWidth(column, width)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.setItemDelegateForColumn(LEAD, UnitDelegate(self))
        table.setItemDelegateForColumn(SUPPORT, UnitDelegate(self))
        table.itemChanged.connect(self._cell_changed)
        self.ui.taskAdd.clicked.connect(self._add)
        self.ui.taskRemove.clicked.connect(self._remove)
        self.ui.taskUp.clicked.connect(lambda: self._move(-1))
        self.ui.taskDown.clicked.connect(lambda: self._move(1))

    def initializePage(self) -> None:
        self._loading = True
        table = self.ui.table
        table.setRowCount(0)
        for task in self.plan.tasks:
            row = table.rowCount()
            table.insertRow(row)
            chosen = QTableWidgetItem()
            chosen.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsUserCheckable
                | Qt.ItemFlag.ItemIsSelectable
            )
            chosen.setCheckState(Qt.CheckState.Checked if task.chosen else Qt.CheckState.Unchecked)
            chosen.setToolTip("Đưa vào Phụ lục")
            table.setItem(row, CHOSEN, chosen)
            for column, field in TASK_FIELDS.items():
                table.setItem(row, column, QTableWidgetItem(getattr(task, field)))
            meaning = QTableWidgetItem()
            meaning.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            table.setItem(row, MEANING, meaning)
            self._explain(row, task)
        self._loading = False
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
        was_loading, self._loading = self._loading, True
        item.setText("; ".join(parts))
        item.setToolTip(
            "Thời gian nằm ngoài kỳ hoặc chưa hiểu được — vẫn được giữ nguyên như đã gõ."
            if flagged
            else ""
        )
        self._loading = was_loading

    def _cell_changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        row, column = item.row(), item.column()
        task = self.plan.tasks[row]
        if column == CHOSEN:
            task.chosen = item.checkState() == Qt.CheckState.Checked
        elif column in TASK_FIELDS:
            value = nfc(item.text()).strip()
            if column == TITLE:
                value = strip_own_label(value)
            setattr(task, TASK_FIELDS[column], value)
            if column in (START, FINISH):
                self._explain(row, task)
        self._show_count()
        self.changed()

    def _show_count(self) -> None:
        chosen = len(self.plan.chosen_tasks)
        self.ui.problem.setText(
            "" if chosen else "Chưa chọn nhiệm vụ nào: kế hoạch sẽ không có Phụ lục."
        )

    def _add(self) -> None:
        period = self.plan.period
        self.plan.tasks.append(
            Task(
                title="",
                start_text=f"Tháng {period.first_month}/{period.year}",
                finish_text="Thường xuyên",
            )
        )
        self.initializePage()
        row = self.ui.table.rowCount() - 1
        self.ui.table.setCurrentCell(row, TITLE)
        self.ui.table.editItem(self.ui.table.item(row, TITLE))
        self.changed()

    def _remove(self) -> None:
        row = self.ui.table.currentRow()
        if row < 0:
            return
        task = self.plan.tasks[row]
        if task.key:  # a template task is unticked, so it can come back
            task.chosen = False
        else:
            del self.plan.tasks[row]
        self.initializePage()
        self.changed()

    def _move(self, step: int) -> None:
        tasks, row = self.plan.tasks, self.ui.table.currentRow()
        if 0 <= row < len(tasks) and 0 <= row + step < len(tasks):
            tasks[row], tasks[row + step] = tasks[row + step], tasks[row]
            self.initializePage()
            self.ui.table.setCurrentCell(row + step, TITLE)
            self.changed()


# 8. organisation ------------------------------------------------------------------------


class OrganisationPage(Page):
    form_class = Ui_OrganisationForm
    title = "8. Tổ chức thực hiện"
    subtitle = "Nhiệm vụ của từng đơn vị; nhiệm vụ cụ thể, kinh phí; đoạn kết."

    def __init__(self, wizard: PlanWizard) -> None:
        super().__init__(wizard)
        ui = self.ui
        ui.units.currentRowChanged.connect(self._show_duty)
        ui.units.itemChanged.connect(self._unit_ticked)
        ui.duties.textChanged.connect(self._duties_changed)
        ui.tasksParagraph.textChanged.connect(
            lambda: self._paragraph_changed(ItemRole.TASKS, ui.tasksParagraph)
        )
        ui.budgetParagraph.textChanged.connect(
            lambda: self._paragraph_changed(ItemRole.BUDGET, ui.budgetParagraph)
        )
        ui.closing.textChanged.connect(self._closing_changed)
        ui.splitter.setStretchFactor(0, 1)
        ui.splitter.setStretchFactor(1, 2)
        for edit in (ui.tasksParagraph, ui.budgetParagraph, ui.closing):
            edit.setMaximumHeight(80)

    @property
    def blocks(self) -> list[PlanItem]:
        """The units' blocks: the children of the part playing the organisation role."""
        organisation = find_role(self.plan.sections, ItemRole.ORGANISATION)
        return organisation.children if organisation is not None else []

    def initializePage(self) -> None:
        self._loading = True
        units = self.ui.units
        units.clear()
        for block in self.blocks:
            item = QListWidgetItem(block.text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if block.chosen else Qt.CheckState.Unchecked)
            units.addItem(item)
        self.ui.tasksParagraph.setPlainText(self._paragraph(ItemRole.TASKS))
        self.ui.budgetParagraph.setPlainText(self._paragraph(ItemRole.BUDGET))
        self.ui.closing.setPlainText(self.plan.closing)
        self._loading = False
        first = next((i for i, d in enumerate(self.blocks) if d.chosen), 0)
        units.setCurrentRow(first)

    def _paragraph(self, role: ItemRole) -> str:
        node = find_role(self.plan.sections, role)
        return node.children[0].text if node is not None and node.children else ""

    def _show_duty(self, row: int) -> None:
        if row < 0 or row >= len(self.blocks):
            return
        self._loading = True
        block = self.blocks[row]
        self.ui.duties.setPlainText("\n".join(i.text for i in block.children if i.chosen))
        self._loading = False

    def _unit_ticked(self, item: QListWidgetItem) -> None:
        if self._loading:
            return
        block = self.blocks[self.ui.units.row(item)]
        block.chosen = item.checkState() == Qt.CheckState.Checked
        self.changed()

    def _duties_changed(self) -> None:
        if self._loading:
            return
        row = self.ui.units.currentRow()
        if row < 0:
            return
        block = self.blocks[row]
        existing = {i.text: i for i in block.children}
        lines = [
            strip_own_label(line.strip())
            for line in text_of(self.ui.duties).splitlines()
            if line.strip()
        ]
        chosen = [existing.get(line) or PlanItem(ItemKind.POINT, line) for line in lines]
        for item in chosen:
            item.chosen = True
        kept_aside = [i for i in block.children if not i.chosen and i not in chosen]
        block.children = chosen + kept_aside
        self.changed()

    def _paragraph_changed(self, role: ItemRole, edit: Any) -> None:
        node = find_role(self.plan.sections, role)
        if self._loading or node is None:
            return
        if node.children:
            node.children[0].text = text_of(edit)
        else:
            node.children.append(PlanItem(ItemKind.POINT, text_of(edit), marker=Marker.NONE))
        self.changed()

    def _closing_changed(self) -> None:
        if not self._loading:
            self.plan.closing = text_of(self.ui.closing)
            self.changed()


# 9. signing -----------------------------------------------------------------------------


class SigningPage(Page):
    form_class = Ui_SigningForm
    title = "9. Ký và gửi"
    subtitle = "Người ký, nơi nhận; số và ngày (thường để trống cho văn thư)."

    def __init__(self, wizard: PlanWizard) -> None:
        super().__init__(wizard)
        ui = self.ui
        ui.signerEdit.textChanged.connect(self._read)
        ui.authorityCombo.activated.connect(self._read)
        ui.recipientsEdit.textChanged.connect(self._read)
        ui.numberEdit.textChanged.connect(self._read)
        ui.signedCheck.toggled.connect(self._read)
        ui.signedDate.dateChanged.connect(self._read)
        ui.draftDate.dateChanged.connect(self._read)

    def initializePage(self) -> None:
        self._loading = True
        plan, office = self.plan, self.plan_wizard.office
        forms = office_words.signature_forms(office)
        self.ui.authorityCombo.clear()
        for label, lines in forms:
            self.ui.authorityCombo.addItem(label, lines)
        signer = plan.signer or office_words.default_signer(office)
        self.ui.signerEdit.setText(signer.name)
        index = next(
            (i for i, (_, known) in enumerate(forms) if known == signer.authority_lines), 0
        )
        self.ui.authorityCombo.setCurrentIndex(index)
        self.ui.recipientsEdit.setPlainText("\n".join(plan.recipients))
        self.ui.suffixLabel.setText(f"/{plan.number_suffix}")
        self.ui.numberEdit.setText(plan.number)
        self.ui.signedCheck.setChecked(plan.issued_on is not None)
        today = self.plan_wizard.today()
        signed = plan.issued_on or today
        self.ui.signedDate.setDate(QDate(signed.year, signed.month, signed.day))
        self.ui.signedDate.setEnabled(plan.issued_on is not None)
        drafted = plan.drafted_on or today
        self.ui.draftDate.setDate(QDate(drafted.year, drafted.month, 1))
        self._loading = False
        self._read()

    def _read(self) -> None:
        if self._loading:
            return
        ui, plan = self.ui, self.plan
        plan.signer = Signer(text_of(ui.signerEdit), list(ui.authorityCombo.currentData()))
        plan.recipients = [
            line.strip().lstrip("-").strip().rstrip(";.").strip()
            for line in text_of(ui.recipientsEdit).splitlines()
            if line.strip().lstrip("-").strip()
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
        ui.problem.setText(" ".join(problems))
        self.changed()


# 10. review -----------------------------------------------------------------------------


class ReviewPage(Page):
    form_class = Ui_ReviewForm
    title = "10. Xem lại và hoàn tất"
    subtitle = "Kế hoạch như khi in, và những điểm nên sửa trước khi trình ký."

    def __init__(self, wizard: PlanWizard) -> None:
        super().__init__(wizard)
        self.ui.splitter.setStretchFactor(0, 3)
        self.ui.splitter.setStretchFactor(1, 1)
        self.ui.splitter.setSizes([880, 360])
        self.ui.preview.setMinimumWidth(560)
        self.ui.problems.itemActivated.connect(self._go_fix)
        self.setFinalPage(True)

    def initializePage(self) -> None:
        wizard = self.plan_wizard
        self.ui.preview.setHtml(preview_html(self.plan, wizard.office))
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
    (PageId.BASES, BasesPage),
    (PageId.PURPOSES, PurposesPage),
    (PageId.CONTENT, ContentPage),
    (PageId.FORMS, FormsPage),
    (PageId.TASKS, TasksPage),
    (PageId.ORGANISATION, OrganisationPage),
    (PageId.SIGNING, SigningPage),
    (PageId.REVIEW, ReviewPage),
)
