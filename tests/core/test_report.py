"""The report's figures and wording, from the tracked sample plan on a fixed clock."""

from __future__ import annotations

from datetime import date

import pytest

from cchc_desktop.core.deadlines import parse_report_period
from cchc_desktop.core.model import ResultCount, TaskStatus
from cchc_desktop.core.report import ReportText, aggregate, build_report, default_text
from cchc_desktop.core.sample import sample_office, sample_plan
from cchc_desktop.core.tracking import TrackedTask


@pytest.fixture
def sample(template):
    office = sample_office(template)
    office.id = 1
    plan = sample_plan(template, office)
    for i, task in enumerate(plan.tasks, start=1):
        task.id = i
    tracked = [TrackedTask(t, *t.dates(plan.period), position=i) for i, t in enumerate(plan.tasks)]
    return plan, office, tracked


def test_the_quarter_report_counts_the_tasks_the_quarter_concerns(sample):
    plan, _office, tracked = sample
    data = aggregate(plan, tracked, parse_report_period("q3", plan.period), date(2025, 9, 5))
    chosen = plan.chosen_tasks
    assert data.counts.total == len(chosen) == 8  # every sample task runs in quarter III
    assert data.counts.done == sum(t.status is TaskStatus.DONE for t in chosen) == 1
    assert data.counts.in_progress == 5 and data.counts.not_started == 2
    assert data.counts.overdue == 0  # on 5/9/2025 nothing is late yet
    assert [line.number for line in data.lines] == list(range(1, 9))
    expected: dict[str, int] = {}
    for task in chosen:
        for r in task.results:
            expected[r.unit] = expected.get(r.unit, 0) + r.count
    assert {r.unit: r.count for r in data.totals} == expected
    assert data.totals[0] == ResultCount(30, "tin")  # 18 on the website + 12 on the radio


def test_after_quarter_iii_the_banner_task_is_late_and_the_report_says_why(sample):
    plan, office, tracked = sample
    report = build_report(
        plan, office, tracked, parse_report_period("q4", plan.period), date(2025, 10, 15)
    )
    assert report.data.counts.total == 7  # the quarter III banners do not run in quarter IV
    q3 = build_report(
        plan, office, tracked, parse_report_period("h2", plan.period), date(2025, 10, 15)
    )
    late = q3.data.late
    assert [line.title[:40] for line in late] == ["Tuyên truyền cổ động trực quan về cải cá"]
    shortcomings = q3.text.sections[1].text
    assert "Nguyên nhân: Chờ bổ sung kinh phí in pano, áp phích." in shortcomings
    assert "hạn 30/9/2025" in shortcomings


def test_the_default_wording_names_the_period_the_plan_and_the_closing(sample):
    plan, office, tracked = sample
    data = aggregate(plan, tracked, parse_report_period("q3", plan.period), date(2025, 9, 5))
    text = default_text(plan, office, data)
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


def test_a_numbered_plan_is_cited_with_its_number_and_date(sample):
    plan, office, tracked = sample
    plan.number, plan.issued_on = "05", date(2025, 8, 5)
    data = aggregate(plan, tracked, parse_report_period("q3", plan.period), date(2025, 9, 5))
    assert default_text(plan, office, data).intro.startswith(
        "Thực hiện Kế hoạch số 05/KH-UBND ngày 05/8/2025 của Ủy ban nhân dân xã Quyết Thắng"
    )


def test_the_edited_wording_survives_a_round_trip_through_storage(sample):
    plan, office, tracked = sample
    text = build_report(
        plan, office, tracked, parse_report_period("q3", plan.period), date(2025, 9, 5)
    ).text
    text.sections[3].text = "Đề nghị thành phố hỗ trợ kinh phí in pano."
    text.number = "12"
    assert ReportText.from_dict(text.to_dict()) == text
