"""The report's figures and wording, from the sample saved with its dated history (as the
app and ``cchc sample`` save it) on a fixed clock."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from cchc_desktop.core.clock import Clock
from cchc_desktop.core.deadlines import parse_report_period
from cchc_desktop.core.model import ResultCount, TaskStatus
from cchc_desktop.core.report import (
    ReportText,
    aggregate,
    build_report,
    default_text,
    figure_rows,
    report_outline,
    title_lines,
)
from cchc_desktop.core.textwidth import text_width_cm
from cchc_desktop.core.tracking import TrackedTask
from cchc_desktop.store.tracking import TaskStore
from tests.store.saved_sample import saved_sample


@pytest.fixture
def sample(template, repo):
    return saved_sample(template, repo)


def figures(sample, code: str, as_of: date):
    plan = sample.plan
    period = parse_report_period(code, plan.period)
    return aggregate(plan, sample.tracked, period, as_of, sample.histories)


def units(results) -> dict[str, int]:
    return {r.unit: r.count for r in results}


def test_the_quarter_iii_report_counts_what_was_recorded_by_its_day(sample):
    data = figures(sample, "q3", date(2025, 9, 5))
    chosen = sample.plan.chosen_tasks
    assert data.counts.total == len(chosen) == 8  # every sample task runs in quarter III
    assert data.counts.done == sum(t.status is TaskStatus.DONE for t in chosen) == 1
    assert data.counts.in_progress == 5 and data.counts.not_started == 2
    assert data.counts.overdue == 0  # on 5/9/2025 nothing is late yet
    assert data.completed == 1  # the training, done on 22/8/2025
    assert [line.number for line in data.lines] == list(range(1, 9))
    # By 5 September: the October and November entries are not counted.
    assert units(data.totals) == {
        "tin": 15, "bài": 3, "cuộc": 6, "lượt người": 186, "buổi phát thanh": 8, "băng rôn": 8,
    }  # fmt: skip
    assert data.period_totals == data.totals  # the plan began in this quarter
    assert data.totals[0] == ResultCount(15, "tin")  # 10 on the website + 5 on the radio


def test_the_quarter_iv_report_tells_the_quarters_work_from_the_cumulative(sample):
    data = figures(sample, "q4", date(2025, 12, 5))
    assert units(data.period_totals) == {
        "tin": 15, "bài": 3, "lượt người": 140, "buổi phát thanh": 16,
    }  # fmt: skip
    assert units(data.totals) == {
        "tin": 30, "bài": 6, "cuộc": 6, "lượt người": 326, "buổi phát thanh": 24,
    }  # fmt: skip
    assert (data.counts.done, data.completed) == (1, 0)  # the training was done in August
    website = data.lines[0]
    assert units(website.in_period) == {"tin": 8, "bài": 3}
    assert units(website.results) == {"tin": 18, "bài": 6}
    rows = {row.what: (row.in_period, row.cumulative) for row in figure_rows(data)}
    assert rows["- Tin"] == (15, 30) and rows["- Cuộc"] == (0, 6)
    assert rows["- Đã hoàn thành"] == (0, 1)
    assert rows["- Đang thực hiện"] == (None, 4)  # a state has no "trong kỳ"


def test_the_default_wording_says_both_the_period_and_the_cumulative_figures(sample):
    plan, office = sample.plan, sample.office
    text = default_text(plan, office, figures(sample, "q4", date(2025, 12, 5)))
    results = text.sections[0].text
    assert results.startswith(
        "Trong quý IV năm 2025, Kế hoạch có 7 nhiệm vụ đến kỳ thực hiện; đến ngày 05/12/2025, "
        "1 nhiệm vụ đã hoàn thành (không có nhiệm vụ hoàn thành trong kỳ), 4 nhiệm vụ đang "
        "thực hiện, 2 nhiệm vụ chưa thực hiện."
    )
    assert (
        "- Đưa tin, bài tuyên truyền cải cách hành chính trên Trang thông tin điện tử, "
        "fanpage, Zalo của xã: đang thực hiện; kết quả trong kỳ: 8 tin, 3 bài; lũy kế: "
        "18 tin, 6 bài (" in results
    )
    assert "công tác tuyên truyền cải cách hành chính: hoàn thành; kết quả lũy kế: 2 cuộc" in (
        results
    )
    assert (
        "Tổng hợp sản phẩm tuyên truyền trong kỳ: 15 tin, 3 bài, 140 lượt người, 16 buổi "
        "phát thanh; lũy kế đến ngày 05/12/2025: 30 tin, 6 bài, 6 cuộc, 326 lượt người, 24 "
        "buổi phát thanh." in results
    )
    assert "không kèm ngày" not in results
    q3 = default_text(plan, office, figures(sample, "q3", date(2025, 9, 5))).sections[0].text
    assert "1 nhiệm vụ đã hoàn thành trong kỳ, 5 nhiệm vụ đang thực hiện" in q3
    assert "kết quả trong kỳ: 10 tin, 3 bài (Chuyên mục" in q3  # all of it done in the quarter
    assert (
        "Tổng hợp sản phẩm tuyên truyền trong kỳ, cũng là lũy kế đến ngày 05/9/2025: 15 tin, "
        "3 bài, 6 cuộc," in q3
    )


def test_a_report_made_after_its_period_counts_to_the_periods_last_day(sample):
    """Quarter III reported on 5 December: the figures of 30 September, and the banners, due
    that day and not done, are late."""
    data = figures(sample, "q3", date(2025, 12, 5))
    assert data.last == date(2025, 9, 30)
    assert units(data.totals)["tin"] == 15
    assert [line.title[:40] for line in data.late] == ["Tuyên truyền cổ động trực quan về cải cá"]
    on_the_day = figures(sample, "q3", date(2025, 9, 30))
    assert on_the_day.late == []  # due today is not late yet


def test_a_task_worked_on_after_its_quarter_is_in_the_next_quarters_report(sample, repo):
    """The banners (quarter III) finished in October: the quarter IV report counts them."""
    plan_id = sample.plan.id
    store = TaskStore(repo, Clock.fixed(datetime(2025, 10, 20, 9, 0)))
    banners = next(t for t in store.tracked_tasks(plan_id) if t.task.finish_text == "Quý III/2025")
    assert banners.id not in {
        t.id for t in parse_report_period("q4", sample.plan.period).concerned(sample.tracked)
    }
    banners.task.status = TaskStatus.DONE
    banners.task.results = [ResultCount(12, "băng rôn")]
    store.update_task(plan_id, banners.task)
    data = figures(sample, "q4", date(2025, 12, 5))
    line = next(x for x in data.lines if x.title == banners.task.title)
    assert line.completed and units(line.in_period) == {"băng rôn": 4}
    assert data.counts.total == 8 and data.completed == 1
    text = default_text(sample.plan, sample.office, data).sections[0].text
    assert "2 nhiệm vụ đã hoàn thành (trong đó 1 nhiệm vụ hoàn thành trong kỳ)" in text


def test_results_saved_without_history_are_counted_once_in_the_cumulative_and_the_report_says_so(
    sample,
):
    """A plan imported, or tracked before the app kept a history: no date is made up."""
    plan, office = sample.plan, sample.office
    period = parse_report_period("q3", plan.period)
    tracked = [TrackedTask(t.task, t.start, t.due, t.position) for t in sample.tracked]
    data = aggregate(plan, tracked, period, date(2025, 12, 5), {})
    assert data.period_totals == () and units(data.totals)["tin"] == 30
    assert data.undated == 6  # every task with results; the training's completion too
    text = default_text(plan, office, data).sections[0].text
    assert (
        "Số liệu của 6 nhiệm vụ được ghi không kèm ngày (nhập trước khi ứng dụng lưu lịch sử "
        "thay đổi, hoặc nhập từ tệp) nên chỉ được tính vào số lũy kế, không tính vào số trong "
        "kỳ." in text
    )
    assert "Tổng hợp sản phẩm tuyên truyền trong kỳ: chưa có sản phẩm mới; lũy kế" in text


def test_after_quarter_iii_the_banner_task_is_late_and_the_report_says_why(sample):
    plan, office = sample.plan, sample.office
    q4 = build_report(
        plan, office, sample.tracked, parse_report_period("q4", plan.period), date(2025, 10, 15),
        sample.histories,
    )  # fmt: skip
    assert q4.data.counts.total == 7  # the quarter III banners do not run in quarter IV
    h2 = build_report(
        plan, office, sample.tracked, parse_report_period("h2", plan.period), date(2025, 10, 15),
        sample.histories,
    )  # fmt: skip
    assert [line.title[:40] for line in h2.data.late] == [
        "Tuyên truyền cổ động trực quan về cải cá"
    ]
    shortcomings = h2.text.sections[1].text
    assert "Nguyên nhân: Chờ bổ sung kinh phí in pano, áp phích." in shortcomings
    assert "hạn 30/9/2025" in shortcomings
    assert "17h" not in shortcomings  # a note is not a reason


def test_the_default_wording_names_the_period_the_plan_and_the_closing(sample):
    plan, office = sample.plan, sample.office
    text = default_text(plan, office, figures(sample, "q3", date(2025, 9, 5)))
    assert text.summary == (
        "Kết quả thực hiện công tác tuyên truyền cải cách hành chính quý III năm 2025"
    )
    assert text.intro.startswith("Thực hiện Kế hoạch của Ủy ban nhân dân xã Quyết Thắng")
    assert [s.heading for s in text.sections] == [
        "Kết quả thực hiện",
        "Tồn tại, hạn chế và nguyên nhân",
        "Nhiệm vụ trọng tâm thời gian tới",
        "Đề xuất, kiến nghị",
    ]
    assert "8 nhiệm vụ đến kỳ thực hiện" in text.sections[0].text
    assert text.closing.endswith("của Ủy ban nhân dân xã Quyết Thắng./.")
    assert text.recipients[-1] == "Lưu: VT, VHXH."
    assert text.drafted_on == date(2025, 9, 5)


@pytest.mark.parametrize(
    ("issued_on", "written"),
    [
        (date(2025, 8, 15), "ngày 15/8/2025"),  # months 3-12 are never padded
        (date(2025, 8, 5), "ngày 05/8/2025"),  # days below 10 are
        (date(2025, 2, 5), "ngày 05/02/2025"),  # and months 1 and 2
    ],
)
def test_a_numbered_plan_is_cited_with_its_number_and_date_as_the_decree_writes_it(
    sample, issued_on, written
):
    plan, office = sample.plan, sample.office
    plan.number, plan.issued_on = "5", issued_on
    intro = default_text(plan, office, figures(sample, "q3", date(2025, 9, 5))).intro
    assert intro.startswith(
        f"Thực hiện Kế hoạch số 05/KH-UBND {written} của Ủy ban nhân dân xã Quyết Thắng"
    )


def test_every_date_the_report_prints_is_written_as_the_decree_writes_it(sample):
    """Days below 10 and the months 1 and 2 padded, no other month: never "30/09/2025"."""
    import re

    plan, office = sample.plan, sample.office
    report = build_report(
        plan, office, sample.tracked, parse_report_period("year", plan.period),
        date(2026, 2, 3), sample.histories,
    )  # fmt: skip
    text = "\n".join(block.text for block in report_outline(report).blocks())
    dates = re.findall(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b", text)
    assert ("31", "12", "2025") in dates and ("12", "8", "2025") in dates
    for day, month, _ in dates:
        assert len(day) == 2, day
        assert len(month) == (2 if int(month) < 3 else len(str(int(month)))), month
    assert "tháng 02 năm 2026" in report_outline(report).header.date_line


def test_the_edited_wording_survives_a_round_trip_through_storage(sample):
    plan, office = sample.plan, sample.office
    text = build_report(
        plan, office, sample.tracked, parse_report_period("q3", plan.period), date(2025, 9, 5),
        sample.histories,
    ).text  # fmt: skip
    text.sections[3].text = "Đề nghị thành phố hỗ trợ kinh phí in pano."
    text.number = "12"
    assert ReportText.from_dict(text.to_dict()) == text


# --- the title ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "lines"),
    [
        ("quý III năm 2025", ["Kết quả thực hiện công tác tuyên truyền cải cách hành chính",
                              "quý III năm 2025"]),
        ("6 tháng cuối năm 2025", ["Kết quả thực hiện công tác tuyên truyền cải cách hành chính",
                                   "6 tháng cuối năm 2025"]),
        ("năm 2025", ["Kết quả thực hiện công tác tuyên truyền cải cách hành chính năm 2025"]),
    ],
)  # fmt: skip
def test_the_title_breaks_before_the_period_and_never_leaves_the_year_alone(label, lines):
    title = f"Kết quả thực hiện công tác tuyên truyền cải cách hành chính {label}"
    assert title_lines(title, label) == lines
    assert all(text_width_cm(line, 14, bold=True) <= 16.0 for line in lines)


def test_a_title_typed_by_the_officer_keeps_its_last_two_words_together():
    title = "Kết quả thực hiện công tác tuyên truyền cải cách hành chính quý III năm 2025"
    assert title_lines(title) == [
        "Kết quả thực hiện công tác tuyên truyền cải cách hành chính quý III",
        "năm 2025",
    ]
    nbsp = "\u00a0" * 6  # the clerk's blank never breaks
    assert title_lines(f"Báo cáo số {nbsp}/BC-UBND", max_cm=3) == ["Báo cáo", f"số {nbsp}/BC-UBND"]


def test_the_outline_prints_the_title_on_the_lines_measured(sample):
    plan, office = sample.plan, sample.office
    report = build_report(
        plan, office, sample.tracked, parse_report_period("q3", plan.period), date(2025, 9, 5),
        sample.histories,
    )  # fmt: skip
    assert report_outline(report).summary == (
        "Kết quả thực hiện công tác tuyên truyền cải cách hành chính",
        "quý III năm 2025",
    )
