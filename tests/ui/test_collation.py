"""Vietnamese alphabetical order wherever the app sorts: A Ă Â B C D Đ E Ê …, tones after."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from cchc_desktop.core.model import Office, OfficeKind
from cchc_desktop.ui.collation import in_order, sort_key
from cchc_desktop.ui.task_table.columns import Col

ORDERED = ["Anh", "Ăn", "Ấn", "Bình", "Dân", "Dư", "Đài", "Đoàn", "Ê-đê", "Ơn", "Ưng"]


def test_vietnamese_letters_sort_in_the_order_of_the_alphabet():
    assert in_order(reversed(ORDERED), str) == ORDERED
    assert sort_key("Anh") < sort_key("Ăn") < sort_key("Ấn") < sort_key("Bình")
    assert sort_key("Dân") < sort_key("Đài")
    assert sort_key("Dư") < sort_key("Đoàn")
    assert in_order(["Tháng 10", "Tháng 2"], str) == ["Tháng 2", "Tháng 10"]


@pytest.fixture
def window(make_window):
    return make_window()


def test_the_task_table_sorts_a_text_column_in_vietnamese_order(window):
    tracker = window.tracker
    model = tracker.model
    names = ["Đoàn", "Dư", "Đài", "Ấn", "Bình", "Ăn", "Dân", "Anh"]
    for row, name in enumerate(names):
        assert model.setData(model.index(row, Col.LEAD), name)
    tracker.ui.table.sortByColumn(Col.LEAD, Qt.SortOrder.AscendingOrder)
    shown = [tracker.proxy.index(r, Col.LEAD).data() for r in range(tracker.proxy.rowCount())]
    assert [n for n in shown if n in names] == [
        "Anh",
        "Ăn",
        "Ấn",
        "Bình",
        "Dân",
        "Dư",
        "Đài",
        "Đoàn",
    ]
    tracker.ui.table.sortByColumn(Col.LEAD, Qt.SortOrder.DescendingOrder)
    shown = [tracker.proxy.index(r, Col.LEAD).data() for r in range(tracker.proxy.rowCount())]
    assert [n for n in shown if n in names] == [
        "Đoàn",
        "Đài",
        "Dư",
        "Dân",
        "Bình",
        "Ấn",
        "Ăn",
        "Anh",
    ]


def test_the_wizard_lists_the_offices_in_vietnamese_order(qtbot, repo):
    from cchc_desktop.core.template import bundled_template
    from cchc_desktop.ui.wizard import PlanWizard

    for name in ("Đông Hải", "Dư Hàng", "An Lư", "Ân Thi"):
        repo.save_office(Office(kind=OfficeKind.XA, name=name, province="thành phố Hải Phòng"))
    wizard = PlanWizard(repo, bundled_template())
    qtbot.addWidget(wizard)
    wizard.show()
    combo = wizard.currentPage().ui.officeCombo
    shown = [combo.itemText(i) for i in range(combo.count())]
    assert shown == [
        *(f"Ủy ban nhân dân xã {n}" for n in ("An Lư", "Ân Thi", "Dư Hàng", "Đông Hải")),
        "— Nhập cơ quan mới —",
    ]
