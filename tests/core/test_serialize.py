"""The model as versioned JSON: what a draft, an issued version or a plan sent to another PC
holds, read back field by field; older data upgraded, damaged or newer data refused by name."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from cchc_desktop.core.model import ItemRole, Marker, OfficeKind, find_role, walk
from cchc_desktop.core.outline import plan_text
from cchc_desktop.core.serialize import (
    FORMAT,
    office_from_dict,
    office_to_dict,
    plan_from_dict,
    plan_to_dict,
)
from cchc_desktop.errors import DataFormatError

DUMP = Path(__file__).parents[1] / "store" / "data" / "m004_sample.sql"


def test_a_plan_and_its_office_come_back_exactly_through_json(sample):
    plan, office = sample
    plan.sections[0].children[0].children[0].label = "e)"
    plan.summary = "Hai dòng\ntrích yếu"
    data = json.loads(json.dumps(plan_to_dict(plan)))
    assert data["format"] == FORMAT
    assert plan_from_dict(data) == plan
    assert office_from_dict(json.loads(json.dumps(office_to_dict(office)))) == office


def test_a_draft_saved_by_the_previous_version_is_upgraded(sample):
    """The m004 file's wizard draft: units' blocks beside the body, dashes as a kind."""
    with sqlite3.connect(":memory:") as conn:
        conn.executescript(DUMP.read_text(encoding="utf-8"))
        (payload,) = conn.execute("SELECT payload FROM wizard_drafts").fetchone()
    conn.close()
    old = json.loads(payload)
    assert "format" not in old["plan"] and old["plan"]["duties"]
    plan = plan_from_dict(old["plan"])
    office = office_from_dict(old["office"])
    assert office.kind is OfficeKind.XA and office.signers[0].authority_lines[-1] == "PHÓ CHỦ TỊCH"
    organisation = find_role(plan.sections, ItemRole.ORGANISATION)
    assert organisation is not None and organisation is plan.sections[-1]
    assert all(b.role is ItemRole.UNIT for b in organisation.children)
    dashes = [i for i in walk(plan.sections) if i.numbering is Marker.DASH]
    assert dashes and all(i.kind.value == "point" for i in dashes)
    fresh, _ = sample
    assert (
        plan_text(plan, office).split("Phụ lục")[0] == plan_text(fresh, office).split("Phụ lục")[0]
    )


@pytest.mark.parametrize(
    ("damage", "field"),
    [
        (lambda d: d.pop("period"), "plan.period"),
        (lambda d: d["period"].__setitem__("kind", "quý"), "plan.period.kind"),
        (lambda d: d["sections"][0].__setitem__("marker", "x)"), "plan.sections[0].marker"),
        (lambda d: d["sections"][0].__setitem__("chosen", "có"), "plan.sections[0].chosen"),
        (
            lambda d: d["tasks"][0].__setitem__("results", [{"count": "ba", "unit": "tin"}]),
            "plan.tasks[0].results[0].count",
        ),
        (lambda d: d.__setitem__("issued_on", "30/02/2025"), "plan.issued_on"),
        (lambda d: d.__setitem__("bases", "không phải danh sách"), "plan.bases"),
        (lambda d: d.__setitem__("period", "6 tháng"), "plan.period"),
        (lambda d: d.__setitem__("drafted_on", 20250801), "plan.drafted_on"),
        (lambda d: d.__setitem__("summary", ["một", "hai"]), "plan.summary"),
        (lambda d: d.__setitem__("signer", {"authority_lines": []}), "plan.signer.name"),
        (lambda d: d.__setitem__("format", "2"), "plan.format"),
    ],
)
def test_damaged_data_is_refused_naming_the_field(sample, damage, field):
    data = plan_to_dict(sample[0])
    damage(data)
    with pytest.raises(DataFormatError) as caught:
        plan_from_dict(data)
    assert caught.value.field == field
    assert str(caught.value).startswith(f"Dữ liệu không đọc được: trường «{field}»")


def test_data_from_a_newer_version_is_refused_not_guessed(sample):
    data = plan_to_dict(sample[0])
    data["format"] = FORMAT + 1
    with pytest.raises(DataFormatError, match="phiên bản mới hơn"):
        plan_from_dict(data)
    with pytest.raises(DataFormatError, match="phải là một đối tượng"):
        plan_from_dict(["không", "phải"])
