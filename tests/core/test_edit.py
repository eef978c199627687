"""Shaping the body as an officer does in Word, numbers following every change."""

from __future__ import annotations

from cchc_desktop.core import edit
from cchc_desktop.core.model import ItemKind, ItemRole, Marker, PlanItem, find_role
from cchc_desktop.core.numbering import number_items


def lines(items, base_depth=0):
    return [("  " * n.depth) + n.line for n in number_items(items, base_depth)]


def purposes(plan):
    return find_role(plan.sections, ItemRole.PURPOSES)


def test_a_point_outdented_takes_the_subsections_numbers_and_back(sample):
    plan, _ = sample
    section = purposes(plan)
    first_purpose = section.children[0].children[0]
    assert edit.outdent(plan.sections, first_purpose.uid)
    # Among the subsections, numbered like them; text, not a heading, having nothing under it.
    assert first_purpose.kind is ItemKind.POINT and first_purpose.numbering is Marker.DECIMAL
    numbered = {n.item.uid: n.label for n in number_items(plan.sections)}
    assert numbered[first_purpose.uid] == "2."  # after "1. Mục đích", before "Yêu cầu" (3.)
    assert numbered[section.children[2].uid] == "3."
    assert edit.indent(plan.sections, first_purpose.uid)
    assert first_purpose.kind is ItemKind.POINT and first_purpose.numbering is Marker.LETTER
    assert section.children[0].children[-1] is first_purpose


def test_a_point_with_points_under_it_outdented_becomes_a_subsection(sample):
    plan, _ = sample
    content = find_role(plan.sections, ItemRole.CONTENT)
    with_dashes = next(p for p in content.children if p.children)
    assert edit.outdent(plan.sections, with_dashes.uid)
    assert with_dashes.kind is ItemKind.SUBSECTION and with_dashes.numbering is Marker.DECIMAL
    assert edit.indent(plan.sections, with_dashes.uid)
    assert with_dashes.kind is ItemKind.POINT


def test_a_subsection_outdented_becomes_a_section_and_the_romans_follow(sample):
    plan, _office = sample
    requirements = purposes(plan).children[1]
    assert edit.outdent(plan.sections, requirements.uid)
    assert requirements.kind is ItemKind.SECTION
    headings = [n.line for n in number_items(plan.sections) if n.depth == 0]
    assert headings[:3] == ["I. Mục đích, yêu cầu", "II. Yêu cầu", "III. Nội dung thực hiện"]


def test_adding_deleting_and_moving_renumber_everything_after(sample):
    plan, _ = sample
    points = purposes(plan).children[0].children
    first = points[0]
    new = edit.add_after(plan.sections, first.uid, "Ý mới của phường")
    assert new.kind is ItemKind.POINT and new.numbering is Marker.LETTER
    labels = {n.item.uid: n.label for n in number_items(plan.sections)}
    assert labels[new.uid] == "b)"
    assert edit.move(plan.sections, new.uid, -1)
    assert points[0] is new
    removed = edit.remove(plan.sections, new.uid)
    assert removed is new and points[0] is first


def test_a_lists_marker_is_chosen_for_the_whole_list_and_an_intro_keeps_none():
    intro = PlanItem(ItemKind.POINT, "Tập trung vào:", marker=Marker.NONE)
    items = [intro, *(PlanItem(ItemKind.POINT, t) for t in ("x", "y", "z"))]
    section = PlanItem(ItemKind.SUBSECTION, "Nội dung", items)
    edit.set_list_marker([section], items[2].uid, Marker.DASH)
    assert [i.numbering for i in items] == [Marker.NONE, Marker.DASH, Marker.DASH, Marker.DASH]
    edit.set_list_marker([section], items[1].uid, Marker.LETTER_DOT)
    assert lines([section])[1:] == ["  Tập trung vào:", "  a. x", "  b. y", "  c. z"]


def test_a_structural_change_drops_the_labels_kept_as_typed():
    items = [PlanItem(ItemKind.POINT, t) for t in ("a", "b", "c", "e")]
    items[3].label = "e)"
    assert edit.has_typed_labels(items)
    edit.add_after(items, items[0].uid, "mới")
    assert not edit.has_typed_labels(items)
    assert [n.label for n in number_items(items)] == ["a)", "b)", "c)", "d)", "đ)"]


def test_the_first_item_cannot_be_indented_nor_a_top_item_outdented():
    items = [PlanItem(ItemKind.SECTION, "I", [PlanItem(ItemKind.POINT, "x")])]
    assert not edit.indent(items, items[0].uid)
    assert not edit.outdent(items, items[0].uid)
    assert not edit.move(items, items[0].uid, -1)


def test_editing_a_part_knows_its_depth_in_the_whole_body():
    content = PlanItem(ItemKind.SUBSECTION, "Nội dung", [PlanItem(ItemKind.POINT, "x")])
    scope = content.children  # the items of one subsection: depth 2 in the body
    new = edit.add_after(scope, None, "y", base=2)
    assert new.kind is ItemKind.POINT and new.numbering is Marker.LETTER
    deeper = edit.add_child(scope, new.uid, "chi tiết", base=2)
    assert deeper.numbering is Marker.DASH and deeper.kind is ItemKind.POINT


def test_a_drag_and_drop_reshapes_the_tree_and_moved_items_fit_their_new_list(sample):
    plan, _ = sample
    section = purposes(plan)
    purposes_list, requirements = section.children
    dragged = requirements.children[0]
    shape = edit.shape_of(plan.sections)
    # Move the first requirement (a point) to the end of the purposes' points.
    section_shape = next(s for s in shape if s[0] == section.uid)
    purposes_shape, requirements_shape = section_shape[1]
    moved = next(s for s in requirements_shape[1] if s[0] == dragged.uid)
    requirements_shape[1].remove(moved)
    purposes_shape[1].append(moved)
    edit.reshape(plan.sections, shape)
    assert purposes_list.children[-1] is dragged and dragged not in requirements.children
    assert dragged.kind is ItemKind.POINT and dragged.numbering is Marker.LETTER
    # And one level up: among the subsections, numbered like them.
    shape = edit.shape_of(plan.sections)
    section_shape = next(s for s in shape if s[0] == section.uid)
    purposes_shape = section_shape[1][0]
    moved = purposes_shape[1].pop()
    section_shape[1].append(moved)
    edit.reshape(plan.sections, shape)
    assert section.children[-1] is dragged and dragged.numbering is Marker.DECIMAL


def test_a_new_block_beside_units_blocks_is_a_units_block(sample):
    plan, _ = sample
    organisation = find_role(plan.sections, ItemRole.ORGANISATION)
    new = edit.add_after(plan.sections, organisation.children[0].uid, "Hội Nông dân phường")
    assert new.role is ItemRole.UNIT and new.kind is ItemKind.SUBSECTION
