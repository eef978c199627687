"""The bundled template loads, and a bad template is refused naming the bad field."""

from __future__ import annotations

import copy
import json
import re

import pytest

from cchc_desktop.core.model import ItemRole
from cchc_desktop.core.template import SCHEMA_VERSION, load_template, parse_template
from cchc_desktop.errors import TemplateError
from cchc_desktop.paths import resource


@pytest.fixture
def raw():
    return json.loads(resource("templates/hai-phong-2025.json").read_text(encoding="utf-8"))


def walk(items):
    for item in items:
        yield item
        yield from walk(item.children)


def test_the_bundled_template_holds_the_whole_city_plan(template):
    assert template.id == "hai-phong-2025"
    headings = [s.text for s in template.sections]
    assert headings == [
        "Mục đích, yêu cầu", "Nội dung thực hiện", "Nhiệm vụ cụ thể", "Kinh phí thực hiện",
        "Tổ chức thực hiện",
    ]  # fmt: skip
    assert [s.role for s in template.sections] == [
        ItemRole.PURPOSES, ItemRole.NONE, ItemRole.TASKS, ItemRole.BUDGET, ItemRole.ORGANISATION,
    ]  # fmt: skip
    purposes, requirements = template.sections[0].children
    city_purposes = [p for p in purposes.children if not p.key.startswith("xa-")]
    assert len(city_purposes) == 5  # a) to đ) of the city plan
    assert len(requirements.children) == 5
    content, forms = template.sections[1].children
    assert (
        sum(1 for p in content.children if p.marker is None and not p.key.startswith("xa-")) == 10
    )
    assert sum(1 for p in forms.children if not p.key.startswith("xa-")) == 8
    city_tasks = [t for t in template.tasks if not t.commune]
    assert len(city_tasks) == 7
    blocks = template.sections[-1].children
    assert all(b.role is ItemRole.UNIT for b in blocks)
    assert any(b.text == "Sở Thông tin và Truyền thông" and b.unit is None for b in blocks)
    assert [c.role for c in template.sections[1].children] == [ItemRole.CONTENT, ItemRole.FORMS]


def test_city_only_items_are_unticked_and_commune_items_ticked_by_default(template):
    items = list(walk(template.sections))
    press = [
        i
        for i in items
        if i.text.startswith("Tiếp tục phát huy vai trò của các cơ quan truyền thông")
    ]
    assert len(press) == 1 and not press[0].commune
    rewritten = next(i for i in items if "cơ quan thông tấn, báo chí" in i.text)
    assert rewritten.commune and "báo chí" not in (rewritten.commune_text or "báo chí")
    assert any(i.commune_text and i.commune_text.startswith("Tham gia") for i in items)
    assert all(t.commune for t in template.tasks if t.key.startswith("xa-"))


def test_the_seeds_mistakes_are_not_copied(template):
    texts = [i.text for i in walk(template.sections)] + [
        i.commune_text or "" for i in walk(template.sections)
    ]
    for task in template.tasks:
        texts += [task.title, task.lead, task.support, *task.details]
    joined = "\n".join(texts)
    for wrong in (
        "Thủ Đức",
        "Thạch Khê",
        "Thạch Khôi",
        "Quyết Thắng",
        "chuyên đổi số",
        "Lòng ghép",
        "chủ chương",
    ):
        assert wrong not in joined, wrong
    assert not re.search(r"^\s*[a-zđ]\)", joined, re.MULTILINE)


def test_every_text_is_free_of_its_own_number(template):
    for item in walk(template.sections):
        assert not re.match(r"^([IVX]+\.|\d+\.|[a-zđ]\)|- )", item.text), item.text


def test_a_wrong_schema_version_is_refused(raw):
    raw["schema_version"] = SCHEMA_VERSION + 1
    with pytest.raises(TemplateError, match="schema_version"):
        parse_template(raw)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (
            lambda r: r["sections"][1]["children"][0].__setitem__("kind", "chapter"),
            "sections[1].children[0].kind",
        ),
        (lambda r: r["sections"][0].__delitem__("text"), "sections[0].text"),
        (lambda r: r["sections"][0].__setitem__("text", "I. Mục đích"), "sections[0].text"),
        (lambda r: r["tasks"][0].__setitem__("lead", "{unit:khong-co}"), "tasks[0].lead"),
        (lambda r: r["tasks"][0].__setitem__("title", "Năm {nam}"), "tasks[0].title"),
        (
            lambda r: r["sections"][-1]["children"][-1].__setitem__("unit", "khong-co"),
            "sections[4].children[{last}].unit",
        ),
        (lambda r: r["sections"][0].__setitem__("marker", "x)"), "sections[0].marker"),
        (lambda r: r["sections"][0].__setitem__("role", "khác"), "sections[0].role"),
        (lambda r: r["sections"][1].__setitem__("key", r["sections"][0]["key"]), "sections[1].key"),
        (lambda r: r.__setitem__("units", "không phải danh sách"), "units"),
        (lambda r: r["sections"][0].__setitem__("commune", "có"), "sections[0].commune"),
        (lambda r: r.__setitem__("report_deadline_day", 40), "report_deadline_day"),
    ],
)
def test_a_bad_field_is_named_in_the_vietnamese_message(raw, change, field):
    broken = copy.deepcopy(raw)
    change(broken)
    field = field.replace("{last}", str(len(raw["sections"][-1]["children"]) - 1))
    with pytest.raises(TemplateError) as caught:
        parse_template(broken, "thu.json")
    assert caught.value.field == field
    assert f"«{field}»" in str(caught.value)
    assert str(caught.value).startswith("Mẫu kế hoạch thu.json không hợp lệ")


def test_a_file_that_is_not_json_is_refused_with_its_line(tmp_path):
    path = tmp_path / "hong.json"
    path.write_text('{"schema_version": 1,\n  "id": }', encoding="utf-8")
    with pytest.raises(TemplateError, match="dòng 2"):
        load_template(path)


def test_a_version_1_template_is_still_read_its_duties_becoming_the_last_section(raw):
    old = copy.deepcopy(raw)
    old["schema_version"] = 1
    organisation = old["sections"].pop()
    old["duties"] = [
        {
            "key": block["key"],
            "unit": block.get("unit"),
            "heading": block.get("text", ""),
            "commune": block["commune"],
            "items": [
                {**i, "kind": {"-": "dash", "": "paragraph"}.get(i.pop("marker", "a)"), "point")}
                for i in block["children"]
            ],
        }
        for block in organisation["children"]
    ]
    template = parse_template(old, "cu.json")
    new = parse_template(raw)
    assert template.sections[-1].role is ItemRole.ORGANISATION
    assert [b.key for b in template.sections[-1].children] == [
        b.key for b in new.sections[-1].children
    ]
    old_points = [(i.key, i.marker) for i in walk(template.sections[-1].children)]
    new_points = [(i.key, i.marker) for i in walk(new.sections[-1].children)]
    assert old_points == new_points
