"""Offices and plans to and from plain JSON-ready dicts (the wizard's drafts)."""

from __future__ import annotations

from datetime import date
from typing import Any

from cchc_desktop.core.model import (
    Basis,
    ItemKind,
    Office,
    OfficeKind,
    Plan,
    PlanItem,
    PlanState,
    ResultCount,
    Signer,
    Task,
    TaskStatus,
    Unit,
    UnitDuty,
)
from cchc_desktop.core.period import Period, PeriodKind

Data = dict[str, Any]


def office_to_dict(office: Office) -> Data:
    return {
        "id": office.id,
        "kind": office.kind.value,
        "name": office.name,
        "province": office.province,
        "place_name": office.place_name,
        "units": [
            {"name": u.name, "abbreviation": u.abbreviation, "key": u.key, "request": u.request}
            for u in office.units
        ],
        "signers": [{"name": s.name, "lines": s.authority_lines} for s in office.signers],
        "recipients": list(office.recipients),
        "number_suffix": office.number_suffix,
        "report_deadline_day": office.report_deadline_day,
    }


def office_from_dict(data: Data) -> Office:
    return Office(
        kind=OfficeKind(data["kind"]),
        name=data["name"],
        province=data["province"],
        place_name=data.get("place_name", ""),
        units=[Unit(u["name"], u["abbreviation"], u["key"], u["request"]) for u in data["units"]],
        signers=[Signer(s["name"], list(s["lines"])) for s in data["signers"]],
        recipients=list(data["recipients"]),
        number_suffix=data.get("number_suffix", "KH-UBND"),
        report_deadline_day=data.get("report_deadline_day", 10),
        id=data.get("id"),
    )


def _item_to_dict(item: PlanItem) -> Data:
    return {
        "kind": item.kind.value,
        "text": item.text,
        "chosen": item.chosen,
        "key": item.key,
        "children": [_item_to_dict(c) for c in item.children],
    }


def _item_from_dict(data: Data) -> PlanItem:
    return PlanItem(
        kind=ItemKind(data["kind"]),
        text=data["text"],
        children=[_item_from_dict(c) for c in data["children"]],
        chosen=data["chosen"],
        key=data["key"],
    )


def _task_to_dict(task: Task) -> Data:
    return {
        "id": task.id,
        "title": task.title,
        "details": list(task.details),
        "output": task.output,
        "start_text": task.start_text,
        "finish_text": task.finish_text,
        "lead_unit": task.lead_unit,
        "supporting_units": task.supporting_units,
        "status": task.status.value,
        "results": [{"count": r.count, "unit": r.unit} for r in task.results],
        "evidence": task.evidence,
        "reason": task.reason,
        "notes": task.notes,
        "chosen": task.chosen,
        "key": task.key,
    }


def _task_from_dict(data: Data) -> Task:
    return Task(
        title=data["title"],
        details=list(data["details"]),
        output=data["output"],
        start_text=data["start_text"],
        finish_text=data["finish_text"],
        lead_unit=data["lead_unit"],
        supporting_units=data["supporting_units"],
        status=TaskStatus(data["status"]),
        results=[ResultCount(r["count"], r["unit"]) for r in data["results"]],
        evidence=data["evidence"],
        reason=data.get("reason", ""),
        notes=data["notes"],
        chosen=data["chosen"],
        key=data["key"],
        id=data.get("id"),
    )


def _date(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _parse(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def plan_to_dict(plan: Plan) -> Data:
    return {
        "id": plan.id,
        "office_id": plan.office_id,
        "period": {"kind": plan.period.kind.value, "year": plan.period.year},
        "summary": plan.summary,
        "bases": [{"text": b.text, "chosen": b.chosen, "key": b.key} for b in plan.bases],
        "preamble": plan.preamble,
        "sections": [_item_to_dict(s) for s in plan.sections],
        "duties": [
            {
                "heading": d.heading,
                "items": [_item_to_dict(i) for i in d.items],
                "unit_key": d.unit_key,
                "chosen": d.chosen,
                "key": d.key,
            }
            for d in plan.duties
        ],
        "tasks": [_task_to_dict(t) for t in plan.tasks],
        "closing": plan.closing,
        "signer": None
        if plan.signer is None
        else {"name": plan.signer.name, "lines": plan.signer.authority_lines},
        "recipients": list(plan.recipients),
        "number": plan.number,
        "number_suffix": plan.number_suffix,
        "issued_on": _date(plan.issued_on),
        "drafted_on": _date(plan.drafted_on),
        "state": plan.state.value,
        "template_id": plan.template_id,
    }


def plan_from_dict(data: Data) -> Plan:
    signer = data["signer"]
    return Plan(
        office_id=data["office_id"],
        period=Period(PeriodKind(data["period"]["kind"]), data["period"]["year"]),
        summary=data["summary"],
        bases=[Basis(b["text"], b["chosen"], b["key"]) for b in data["bases"]],
        preamble=data["preamble"],
        sections=[_item_from_dict(s) for s in data["sections"]],
        duties=[
            UnitDuty(
                d["heading"],
                [_item_from_dict(i) for i in d["items"]],
                d["unit_key"],
                d["chosen"],
                d["key"],
            )
            for d in data["duties"]
        ],
        tasks=[_task_from_dict(t) for t in data["tasks"]],
        closing=data["closing"],
        signer=None if signer is None else Signer(signer["name"], list(signer["lines"])),
        recipients=list(data["recipients"]),
        number=data["number"],
        number_suffix=data["number_suffix"],
        issued_on=_parse(data["issued_on"]),
        drafted_on=_parse(data["drafted_on"]),
        state=PlanState(data["state"]),
        template_id=data["template_id"],
        id=data.get("id"),
    )
