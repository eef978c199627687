"""The task table's model and proxy on Qt's model tester; one edit touches one row."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from cchc_desktop.core.model import TaskStatus
from cchc_desktop.core.sample import sample_office, sample_plan
from cchc_desktop.store.tracking import TaskStore
from cchc_desktop.ui.task_table.columns import Col
from cchc_desktop.ui.task_table.model import OVERDUE_ROLE, TaskTableModel
from cchc_desktop.ui.task_table.proxy import Filters, StatusFilter, TaskFilterProxyModel

OCTOBER_15 = date(2025, 10, 15)  # quarter III is over: the banners task is late


@pytest.fixture
def loaded(qapp, repo, template):
    office = sample_office(template)
    repo.save_office(office)
    plan = sample_plan(template, office)
    plan.office_id = office.id
    plan_id = repo.save_plan(plan)
    model = TaskTableModel(TaskStore(repo), lambda: OCTOBER_15)
    model.load(plan_id, plan.period)
    proxy = TaskFilterProxyModel()
    proxy.setSourceModel(model)
    return model, proxy


def row_titled(model, start: str) -> int:
    return next(
        r for r in range(model.rowCount()) if model.index(r, Col.TITLE).data().startswith(start)
    )


def test_the_task_model_passes_qts_model_tester(qtmodeltester, loaded):
    model, _ = loaded
    qtmodeltester.check(model)
    assert model.rowCount() == 8 and model.columnCount() == len(Col)
    assert model.headerData(Col.STATUS, Qt.Orientation.Horizontal) == "Trạng thái"


def test_the_filter_proxy_passes_qts_model_tester_while_filtering(qtmodeltester, loaded):
    _, proxy = loaded
    qtmodeltester.check(proxy)
    proxy.set_filters(Filters(status=StatusFilter.IN_PROGRESS))
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 5


def test_an_overdue_task_shows_colour_an_icon_and_the_words(loaded):
    model, _ = loaded
    row = row_titled(model, "Tuyên truyền cổ động")
    status = model.index(row, Col.STATUS)
    assert status.data() == "Đang thực hiện (quá hạn)"
    assert status.data(OVERDUE_ROLE) is True
    assert status.data(Qt.ItemDataRole.DecorationRole) is not None  # the warning icon
    assert status.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#a4161a"
    assert model.index(row, Col.DUE).data() == "30/9/2025"
    on_time = row_titled(model, "Đưa tin")
    assert model.index(on_time, Col.STATUS).data(Qt.ItemDataRole.DecorationRole) is None
    assert model.counts().overdue == 1


def test_one_edit_signals_its_own_row_and_never_resets_the_model(qtbot, loaded):
    model, _ = loaded
    row = row_titled(model, "Tham gia các cuộc thi")
    changed, resets = [], []
    model.dataChanged.connect(lambda top, bottom, *_: changed.append((top.row(), bottom.row())))
    model.modelReset.connect(lambda: resets.append(True))
    assert model.setData(model.index(row, Col.STATUS), TaskStatus.DONE.value)
    assert changed == [(row, row)] and resets == []
    assert model.index(row, Col.STATUS).data() == "Hoàn thành"


def test_results_typed_in_the_table_are_read_as_counts_and_bad_ones_refused(qtbot, loaded):
    model, _ = loaded
    row = row_titled(model, "Tham gia các cuộc thi")
    assert model.setData(model.index(row, Col.RESULTS), "3 bài; 1 Bài")
    assert model.index(row, Col.RESULTS).data() == "4 bài"
    with qtbot.waitSignal(model.failed) as refused:
        assert not model.setData(model.index(row, Col.RESULTS), "ba bài")
    assert "số lượng đơn vị" in refused.args[0]


def test_sorting_by_due_date_puts_the_earliest_first_and_keeps_tt(loaded):
    model, _ = loaded
    model.sort(Col.DUE, Qt.SortOrder.AscendingOrder)
    assert model.index(0, Col.DUE).data() == "30/9/2025"
    assert model.index(0, Col.NUMBER).data() == "4"  # its place in the appendix, unchanged
    model.sort(Col.NUMBER, Qt.SortOrder.DescendingOrder)
    assert model.index(0, Col.NUMBER).data() == "8"
