"""The officer's tracking work in the main window, on a fixed clock: edit, undo, redo, delete,
add, move, filter and search, the side panel and its history, the deadline reminder."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from cchc_desktop.core.model import TaskStatus
from cchc_desktop.ui.task_table.columns import Col
from cchc_desktop.ui.task_table.proxy import StatusFilter


@pytest.fixture
def window(make_window):
    return make_window()


def tracker(window):
    return window.tracker


def proxy_row(window, title_start: str) -> int:
    proxy = window.tracker.proxy
    return next(
        r for r in range(proxy.rowCount())
        if proxy.index(r, Col.TITLE).data().startswith(title_start)
    )  # fmt: skip


def select(window, title_start: str) -> int:
    row = proxy_row(window, title_start)
    window.tracker.ui.table.selectRow(row)
    task_id = window.tracker.selected_task_id()
    assert task_id is not None
    return task_id


def stored(window, task_id: int):
    return window.store.tracked_task(task_id).task


def titles(window) -> list[str]:
    proxy = window.tracker.proxy
    return [proxy.index(r, Col.TITLE).data() for r in range(proxy.rowCount())]


# --- opening ----------------------------------------------------------------------------


def test_opening_the_sample_shows_its_appendix_tasks_and_the_tallies(window):
    t = tracker(window)
    assert window.ui.planTabs.currentWidget() is window.ui.tasksTab
    assert window.ui.planTabs.tabText(1) == "&Văn bản"  # the plan's text stays one click away
    assert t.proxy.rowCount() == 8
    assert t.ui.doneButton.text() == "✔ Hoàn thành: 1"
    assert t.ui.progressButton.text() == "Đang thực hiện: 5"
    assert t.ui.notStartedButton.text() == "Chưa thực hiện: 2"
    assert t.ui.overdueButton.text() == "⚠ Quá hạn: 1"
    assert "Báo cáo quý IV, 6 tháng cuối năm và năm 2025" in t.ui.deadlineLabel.text()
    assert "trước ngày 10/12/2025 (còn 56 ngày)" in t.ui.deadlineLabel.text()
    window.ui.planTabs.setCurrentIndex(1)
    assert "XÃ QUYẾT THẮNG" in window.ui.preview.toPlainText()


def test_open_plan_selects_the_plan_and_shows_its_tasks(window):
    plan_id = window.repo.plans()[0].id
    window.ui.planTabs.setCurrentIndex(1)
    window.open_plan(plan_id)
    assert window.current_plan_id == plan_id
    assert window.ui.planTabs.currentWidget() is window.ui.tasksTab
    assert tracker(window).model.plan_id == plan_id


# --- editing, undo, redo ----------------------------------------------------------------


def test_marking_a_task_done_in_the_table_then_undo_and_redo(window):
    task_id = select(window, "Tham gia các cuộc thi")
    proxy = tracker(window).proxy
    index = proxy.index(proxy_row(window, "Tham gia các cuộc thi"), Col.STATUS)
    assert proxy.setData(index, TaskStatus.DONE.value)
    assert stored(window, task_id).status is TaskStatus.DONE
    assert tracker(window).ui.doneButton.text() == "✔ Hoàn thành: 2"
    assert window.ui.actionUndo.text().startswith("&Hoàn tác: Sửa trạng thái")
    assert window.ui.actionUndo.iconText() == "Hoàn tác"
    assert window.plans.index(0, 4).data() == "2/8"  # the plans list follows

    window.ui.actionUndo.trigger()
    assert stored(window, task_id).status is TaskStatus.NOT_STARTED
    assert proxy.index(proxy_row(window, "Tham gia"), Col.STATUS).data() == "Chưa thực hiện"
    assert window.plans.index(0, 4).data() == "1/8"

    window.ui.actionRedo.trigger()
    assert stored(window, task_id).status is TaskStatus.DONE
    assert not window.ui.actionRedo.isEnabled()


def test_results_entered_in_the_side_panel_are_one_edit_with_a_dated_history(window, qtbot):
    task_id = select(window, "Tham gia các cuộc thi")
    panel = tracker(window).ui.panel
    panel.spins["bài"].setValue(3)
    panel.other.setText("2 đội thi")
    panel.ui.evidenceEdit.setPlainText("Công văn số 60/UBND-VHXH ngày 20/9/2025")
    panel.ui.statusCombo.setCurrentIndex(panel.ui.statusCombo.findData("in_progress"))
    panel.commit()
    task = stored(window, task_id)
    assert task.status is TaskStatus.IN_PROGRESS
    assert [(r.count, r.unit) for r in task.results] == [(3, "bài"), (2, "đội thi")]
    assert task.evidence == "Công văn số 60/UBND-VHXH ngày 20/9/2025"
    assert window.undo_stack.count() == 1
    history = [panel.ui.historyList.item(i).text() for i in range(panel.ui.historyList.count())]
    assert any("Trạng thái: Chưa thực hiện → Đang thực hiện" in line for line in history)
    assert any("Kết quả: (trống) → 3 bài; 2 đội thi" in line for line in history)

    window.ui.actionUndo.trigger()
    task = stored(window, task_id)
    assert task.results == [] and task.evidence == "" and task.status is TaskStatus.NOT_STARTED
    assert panel.spins["bài"].value() == 0  # the panel shows what is stored again


def test_choosing_not_carried_out_asks_for_the_reason(window):
    select(window, "Tham gia các cuộc thi")
    panel = tracker(window).ui.panel
    panel.ui.statusCombo.setCurrentIndex(panel.ui.statusCombo.findData("dropped"))
    panel.ui.statusCombo.activated.emit(panel.ui.statusCombo.currentIndex())
    assert "Cần ghi lý do không thực hiện" in panel.ui.reasonHint.text()
    panel.ui.reasonEdit.setText("Thành phố không tổ chức cuộc thi")
    panel.commit()
    assert panel.ui.reasonHint.text() == ""


def test_deleting_a_task_and_undoing_brings_it_back_with_its_results_and_place(window):
    before = titles(window)
    task_id = select(window, "Cử cán bộ")
    window.ui.actionDeleteTask.trigger()
    assert len(titles(window)) == 7 and not any(t.startswith("Cử cán bộ") for t in titles(window))
    assert "Ctrl+Z" in window.note.text()

    window.ui.actionUndo.trigger()
    assert titles(window) == before
    task = stored(window, task_id)
    assert [(r.count, r.unit) for r in task.results] == [(2, "cuộc"), (6, "lượt người")]
    window.ui.actionRedo.trigger()
    assert len(titles(window)) == 7


def test_adding_a_task_after_the_selected_one_then_undo_and_redo_keep_its_id(window):
    select(window, "Xây dựng chuyên mục")
    window.ui.actionAddTask.trigger()
    t = tracker(window)
    new_id = t.selected_task_id()
    assert titles(window)[2] == "Nhiệm vụ mới"
    assert t.proxy.index(2, Col.NUMBER).data() == "3"  # later tasks move down
    assert t.proxy.index(3, Col.NUMBER).data() == "4"
    t.ui.table.closePersistentEditor(t.proxy.index(2, Col.TITLE))
    proxy_index = t.proxy.index(2, Col.TITLE)
    assert t.proxy.setData(proxy_index, "Tọa đàm chuyển đổi số")
    assert stored(window, new_id).title == "Tọa đàm chuyển đổi số"

    window.ui.actionUndo.trigger()  # the title
    window.ui.actionUndo.trigger()  # the task itself
    assert len(titles(window)) == 8 and "Tọa đàm chuyển đổi số" not in titles(window)
    window.ui.actionRedo.trigger()
    window.ui.actionRedo.trigger()
    assert titles(window)[2] == "Tọa đàm chuyển đổi số"
    assert stored(window, new_id).title == "Tọa đàm chuyển đổi số"


def test_moving_a_task_down_exchanges_it_with_the_next_and_undo_moves_it_back(window):
    before = titles(window)
    select(window, before[0][:20])
    window.ui.actionMoveDown.trigger()
    assert titles(window)[:2] == [before[1], before[0]]
    assert tracker(window).proxy.index(1, Col.NUMBER).data() == "2"
    window.ui.actionUndo.trigger()
    assert titles(window) == before


def test_moving_is_offered_only_in_appendix_order_and_without_filters(window):
    select(window, "Xây dựng chuyên mục")
    assert window.ui.actionMoveUp.isEnabled()
    tracker(window).ui.searchEdit.setText("tin")
    assert not window.ui.actionMoveUp.isEnabled() or not tracker(window).can_move()


# --- filters and search ------------------------------------------------------------------


def test_search_ignores_diacritics_and_case(window, qtbot):
    t = tracker(window)
    qtbot.keyClicks(t.ui.searchEdit, "CAI CACH hanh chinh tren dai")
    assert titles(window) == [
        "Xây dựng chuyên mục, tin, bài tuyên truyền cải cách hành chính trên đài truyền thanh xã"
    ]
    t.ui.searchEdit.setText("đoàn thanh niên")  # "đ" typed or not, both find "Đoàn"
    found_with_d = titles(window)
    t.ui.searchEdit.setText("doan thanh nien")
    assert titles(window) == found_with_d and len(found_with_d) == 2
    t.ui.searchEdit.setText("Đài truyền thanh")  # also in the details of the training task
    with_marks = titles(window)
    t.ui.searchEdit.setText("dai truyen thanh")
    assert titles(window) == with_marks and len(with_marks) == 2
    assert t.ui.shownLabel.text() == "Hiện 2/8 nhiệm vụ"
    t.ui.searchEdit.setText("không có nhiệm vụ nào như thế")
    assert titles(window) == []


def test_search_also_reads_results_evidence_and_reasons(window):
    t = tracker(window)
    t.ui.searchEdit.setText("kinh phi")  # the banners task's reason
    assert [x[:20] for x in titles(window)] == ["Tuyên truyền cổ động"]
    t.ui.searchEdit.setText("luot nguoi")
    assert len(titles(window)) == 2


def test_filters_by_status_overdue_unit_and_month(window):
    t = tracker(window)
    t.show_status(StatusFilter.OVERDUE)
    assert [x[:20] for x in titles(window)] == ["Tuyên truyền cổ động"]
    t.ui.overdueButton.click()
    assert len(titles(window)) == 1
    t.clear_filters()
    t.show_status(StatusFilter.UNFINISHED)
    assert len(titles(window)) == 7
    t.clear_filters()
    t.ui.unitFilter.setCurrentIndex(
        t.ui.unitFilter.findText("Đoàn Thanh niên Cộng sản Hồ Chí Minh xã")
    )
    assert len(titles(window)) == 2  # it supports two tasks
    t.clear_filters()
    t.ui.timeFilter.setCurrentIndex(t.ui.timeFilter.findText("    Tháng 10/2025"))
    assert len(titles(window)) == 7  # the quarter III banners are not October's
    assert t.ui.clearFiltersButton.isEnabled()
    t.clear_filters()
    assert len(titles(window)) == 8 and not t.ui.clearFiltersButton.isEnabled()


def test_a_new_task_stays_visible_even_when_the_search_would_hide_it(window):
    t = tracker(window)
    t.ui.searchEdit.setText("truyen thanh")
    window.ui.actionAddTask.trigger()
    assert "Nhiệm vụ mới" in titles(window)


# --- overdue and the deadline reminder -----------------------------------------------------


def test_overdue_follows_the_clock_not_a_stored_status(make_window, clock):
    clock.set(date(2025, 9, 30))
    window = make_window()
    assert tracker(window).ui.overdueButton.text() == "⚠ Quá hạn: 0"
    clock.set(date(2025, 10, 1))
    window._check_day()
    assert tracker(window).ui.overdueButton.text() == "⚠ Quá hạn: 1"


def test_the_reminder_shows_at_start_up_two_weeks_before_a_deadline_without_a_dialog(
    make_window, clock, monkeypatch
):
    make_window().close()  # the sample plan in the database
    clock.set(date(2025, 9, 1))
    window = make_window(sample=False)
    banner = window.ui.deadlineBanner
    assert banner.isVisible()
    text = window.ui.bannerText.text()
    assert "Còn 9 ngày đến hạn gửi báo cáo quý III năm 2025" in text
    assert "(trước ngày 10/9/2025)" in text
    assert "8 nhiệm vụ liên quan, 7 chưa hoàn thành" in text

    window.ui.bannerShowTasks.click()
    t = tracker(window)
    assert t.ui.timeFilter.currentText() == "Quý III/2025"
    assert len(titles(window)) == 8

    window.ui.bannerClose.click()
    assert not banner.isVisible()


def test_no_reminder_more_than_two_weeks_ahead_or_after_the_last_deadline(make_window, clock):
    make_window().close()
    clock.set(date(2025, 8, 26))
    assert not make_window(sample=False).ui.deadlineBanner.isVisible()
    clock.set(date(2025, 12, 11))
    assert not make_window(sample=False).ui.deadlineBanner.isVisible()


def test_the_office_rule_changes_the_deadlines(window, clock, monkeypatch):
    from cchc_desktop.ui import deadline_dialog

    def accept(dialog):
        dialog.ui.daySpin.setValue(5)
        assert "trước ngày 5/12/2025" in dialog.ui.preview.text()
        return 1

    monkeypatch.setattr(deadline_dialog.DeadlineDialog, "exec", accept)
    clock.set(date(2025, 11, 25))
    window.ui.actionDeadlineRule.trigger()
    office = window.repo.offices()[0]
    assert office.report_deadline_day == 5
    assert "trước ngày 5/12/2025 (còn 10 ngày)" in tracker(window).ui.deadlineLabel.text()
    assert window.ui.deadlineBanner.isVisible()


# --- the wizard hook ------------------------------------------------------------------------


def test_the_task_actions_wait_for_a_plan_and_a_selected_task(make_window):
    window = make_window(sample=False)
    assert not window.ui.actionAddTask.isEnabled()
    assert not window.ui.actionDeleteTask.isEnabled()
    assert not window.ui.actionReport.isEnabled()
    window.create_sample()
    assert window.ui.actionAddTask.isEnabled() and window.ui.actionReport.isEnabled()
    assert window.ui.actionDeleteTask.isEnabled()  # the first task is selected
    assert (
        Qt.ShortcutContext.WidgetWithChildrenShortcut
        == window.ui.actionDeleteTask.shortcutContext()
    )


def test_a_title_edited_in_the_table_reaches_the_plans_text(window):
    proxy = tracker(window).proxy
    row = proxy_row(window, "Báo cáo kết quả")
    assert proxy.setData(proxy.index(row, Col.TITLE), "Báo cáo kết quả quý III và năm 2025")
    window.ui.planTabs.setCurrentIndex(1)
    assert "Báo cáo kết quả quý III và năm 2025" in window.ui.preview.toPlainText()
