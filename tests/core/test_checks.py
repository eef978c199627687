"""The review before printing finds what a reader at the city would notice."""

from __future__ import annotations

import pytest

from cchc_desktop.core.checks import Step, review
from cchc_desktop.core.sample import sample_office, sample_plan
from cchc_desktop.core.serialize import (
    office_from_dict,
    office_to_dict,
    plan_from_dict,
    plan_to_dict,
)


@pytest.fixture
def sample(template):
    office = sample_office(template)
    return sample_plan(template, office), office


def messages(plan, office, step=None):
    return [f.message for f in review(plan, office) if step is None or f.step is step]


def test_the_sample_plan_is_clean(sample):
    assert review(*sample) == []


def test_an_empty_section_a_task_without_lead_and_a_time_outside_the_period(sample):
    plan, office = sample
    for point in plan.sections[0].children[0].children:
        point.chosen = False
    plan.chosen_tasks[0].lead_unit = ""
    plan.chosen_tasks[1].finish_text = "Tháng 3/2026"
    plan.chosen_tasks[2].start_text = "sau Tết"
    found = review(plan, office)
    steps = {f.step for f in found}
    assert {Step.PURPOSES, Step.TASKS} <= steps
    text = "\n".join(f.message for f in found)
    assert "«Mục đích» không còn nội dung nào được chọn" in text
    assert "chưa có cơ quan chủ trì" in text
    assert "«Tháng 3/2026»" in text and "nằm ngoài 6 tháng cuối năm 2025" in text
    assert "Không hiểu thời gian triển khai «sau Tết»" in text


def test_the_commune_named_two_ways_and_city_wording_left_in(sample):
    plan, office = sample
    plan.sections[1].children[0].children[1].text += " trên địa bàn thành phố"
    plan.closing = plan.closing.replace("xã Quyết Thắng", "xã Quyết Thằng")
    found = messages(plan, office)
    assert any("«trên địa bàn thành phố»" in m for m in found)
    assert any("«xã Quyết Thằng», khác với «xã Quyết Thắng»" in m for m in found)


def test_a_year_that_is_not_the_plans_year(sample):
    plan, office = sample
    plan.sections[0].children[0].children[0].text += " Hoàn thành trong năm 2024."
    assert any(
        "Năm 2024 khác năm của kế hoạch (2025)" in m for m in messages(plan, office, Step.PURPOSES)
    )


def test_blanks_in_bases_and_missing_signer_and_recipients(sample):
    plan, office = sample
    plan.bases[1].text = "Căn cứ Kế hoạch số …/KH-UBND ngày …/…/… của Ủy ban nhân dân xã"
    plan.signer.name = ""
    plan.recipients = ["Sở Nội vụ"]
    found = messages(plan, office)
    assert any("chỗ trống" in m for m in found)
    assert "Chưa có tên người ký." in found
    assert "Nơi nhận nên kết thúc bằng «Lưu: VT, …»." in found


def test_office_and_plan_survive_a_trip_through_json(sample):
    import json

    plan, office = sample
    office.id = 3
    plan.number = "05"
    assert office_from_dict(json.loads(json.dumps(office_to_dict(office)))) == office
    assert plan_from_dict(json.loads(json.dumps(plan_to_dict(plan)))) == plan


def test_last_years_results_may_be_cited_but_another_year_is_flagged(sample):
    plan, office = sample
    point = plan.sections[0].children[0].children[0]
    point.text = "Phát huy kết quả thực hiện công tác cải cách hành chính năm 2024."
    assert not any("Năm 2024" in m for m in messages(plan, office))
    point.text = "Triển khai các nhiệm vụ năm 2024."
    assert any("Năm 2024 khác năm của kế hoạch (2025)" in m for m in messages(plan, office))


def test_a_number_kept_as_typed_that_skips_a_letter_is_shown_where_it_is(sample):
    plan, office = sample
    points = plan.sections[0].children[0].children
    chosen = [p for p in points if p.chosen]
    chosen[3].label = "e)"  # an imported plan's own "a) b) c) e)"
    found = [f for f in review(plan, office) if "đánh số" in f.message]
    assert len(found) == 1 and "«e)», theo thứ tự phải là «d)»" in found[0].message
    assert found[0].step is Step.PURPOSES and found[0].uid == chosen[3].uid


def test_an_emptied_section_is_said_not_to_print(sample):
    from cchc_desktop.core.model import ItemRole, find_role

    plan, office = sample
    budget = find_role(plan.sections, ItemRole.BUDGET)
    for child in budget.children:
        child.chosen = False
    found = [f for f in review(plan, office) if "Kinh phí thực hiện" in f.message]
    assert found and "sẽ không được in" in found[0].message and found[0].step is Step.BODY
