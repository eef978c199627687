"""The outline every renderer walks: what prints, in which role and order."""

from __future__ import annotations

from cchc_desktop.core.model import AppendixColumn, ItemKind, Marker, PlanItem
from cchc_desktop.core.outline import Role, plan_outline


def test_an_imported_appendix_keeps_its_own_columns_and_headings(sample):
    plan, office = sample
    plan.appendix_columns = [
        AppendixColumn("number", "STT"),
        AppendixColumn("title", "Nội dung công việc"),
        AppendixColumn("finish_text", "Thời gian"),
        AppendixColumn("lead_unit", "Đơn vị chủ trì"),
        AppendixColumn("remarks", "Ghi chú"),
    ]
    plan.chosen_tasks[0].remarks = "Phối hợp với Đài truyền thanh"
    table = plan_outline(plan, office).appendix.table
    assert not table.grouped and [h[0] for h in table.head_rows()[0]] == [
        "STT", "Nội dung công việc", "Thời gian", "Đơn vị chủ trì", "Ghi chú",
    ]  # fmt: skip
    first = table.rows[0]
    assert first[2].text == plan.chosen_tasks[0].finish_text
    assert first[4].text == "Phối hợp với Đài truyền thanh"


def test_the_usual_appendix_has_two_header_rows_under_a_shared_time_heading(sample):
    plan, office = sample
    head = plan_outline(plan, office).appendix.table.head_rows()
    assert [h[0] for h in head[0]] == [
        "TT", "Nội dung nhiệm vụ", "Sản phẩm", "Thời gian thực hiện", "Cơ quan chủ trì",
        "Cơ quan phối hợp",
    ]  # fmt: skip
    assert head[0][3][2:] == (2, 1) and [h[0] for h in head[1]] == ["Triển khai", "Hoàn thành"]


def test_a_summary_on_two_lines_and_a_point_with_line_breaks_print_as_typed(sample):
    plan, office = sample
    plan.summary = "Tuyên truyền cải cách hành chính\n6 tháng cuối năm 2025 trên địa bàn xã"
    plan.sections[0].children[0].children[0].text = "Dòng đầu;\ndòng sau."
    outline = plan_outline(plan, office)
    assert outline.summary == (
        "Tuyên truyền cải cách hành chính",
        "6 tháng cuối năm 2025 trên địa bàn xã",
    )
    points = [b.text for b in outline.body if getattr(b, "role", None) is Role.POINT]
    assert points[:2] == ["a) Dòng đầu;", "dòng sau."]


def test_headings_print_in_their_own_words_and_markers(sample):
    plan, office = sample
    plan.sections[1].text = "Nội dung thông tin, tuyên truyền"
    for point in plan.sections[0].children[0].children:
        point.marker = Marker.DASH
    plan.sections.append(
        PlanItem(ItemKind.SECTION, "Chế độ báo cáo", [PlanItem(ItemKind.POINT, "Hằng quý.")])
    )
    blocks = [b for b in plan_outline(plan, office).body if hasattr(b, "role")]
    headings = [b.text for b in blocks if b.role is Role.HEADING_1]
    assert headings[1] == "II. NỘI DUNG THÔNG TIN, TUYÊN TRUYỀN"
    assert headings[-1] == "VI. CHẾ ĐỘ BÁO CÁO"
    first_points = [b.text for b in blocks if b.role is Role.POINT][:3]
    assert all(t.startswith("- ") for t in first_points)
