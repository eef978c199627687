"""Adapting a city template to one office and one period: the words, units and choices."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from cchc_desktop.core.model import (
    Basis,
    ItemKind,
    Office,
    OfficeKind,
    Plan,
    PlanItem,
    PlanState,
    Signer,
    Task,
    TaskStatus,
    Unit,
    UnitDuty,
)
from cchc_desktop.core.numbering import roman
from cchc_desktop.core.period import Period
from cchc_desktop.core.template import MARKER, Template, TemplateItem
from cchc_desktop.core.text import capitalise_first

UNFILLED_PLAN_REFERENCE = "Kế hoạch số …/KH-UBND ngày …/…/…"


@dataclass(frozen=True, slots=True)
class Wording:
    """Everything a marker can turn into, for one office and one period."""

    office: Office
    period: Period
    template: Template
    local_cchc_plan: str = ""

    def value(self, name: str, argument: str | None) -> str:
        kind = self.office.kind.value
        period = self.period
        if name == "unit" and argument:
            return unit_name(self.office, self.template, argument)
        if name == "quarter":
            quarters = period.quarters
            quarter = quarters[0] if argument == "first" else quarters[-1]
            return f"Quý {roman(quarter)}/{period.year}"
        if name == "month":
            month = period.first_month if argument == "first" else period.last_month
            return f"Tháng {month}/{period.year}"
        plain = {
            "kind": kind,
            "Kind": capitalise_first(kind),
            "locality": self.office.locality,
            "Locality": capitalise_first(self.office.locality),
            "issuer": f"Ủy ban nhân dân {kind}",
            "issuer_full": self.office.committee,
            "scope": f"trên địa bàn {kind}",
            "period": period.label,
            "year": str(period.year),
            "previous_period": period.previous.label,
            "city": self.office.province,
            "local_cchc_plan": self.local_cchc_plan or UNFILLED_PLAN_REFERENCE,
            "deadline_day": f"{self.office.report_deadline_day:02d}",
        }
        return plain[name]

    def fill(self, text: str) -> str:
        """The text with every marker replaced."""
        return MARKER.sub(lambda m: self.value(m.group(1), m.group(2)), text)


def unit_name(office: Office, template: Template, key: str) -> str:
    """The office's own name for a template unit role, else the template's for its kind."""
    unit = office.unit(key)
    if unit is not None:
        return unit.name
    template_unit = template.unit(key)
    if template_unit is None:
        return key
    return template_unit.name_for(office.kind).replace("{kind}", office.kind.value)


def default_units(template: Template, kind: OfficeKind) -> list[Unit]:
    """The usual local units for a new office of this kind, named for it."""
    return [
        Unit(
            name=u.name_for(kind).replace("{kind}", kind.value),
            abbreviation=u.abbreviation,
            key=u.key,
            request=u.request,
        )
        for u in template.units
        if u.suits(kind)
    ]


def default_signer() -> Signer:
    """A vice-chairman signing for the committee, the usual case for these plans."""
    return Signer("", ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"])


def adapt(
    template: Template,
    office: Office,
    period: Period,
    *,
    local_cchc_plan: str = "",
    drafted_on: date | None = None,
) -> Plan:
    """A complete commune plan from the template: commune-suited items chosen, city-only items
    kept but unchosen, every marker replaced with the office's words."""
    wording = Wording(office, period, template, local_cchc_plan)
    fill = wording.fill

    def item(t: TemplateItem) -> PlanItem:
        return PlanItem(
            kind=ItemKind(t.kind),
            text=fill(t.commune_text or t.text),
            children=[item(c) for c in t.children],
            chosen=t.commune,
            key=t.key,
        )

    duties: list[UnitDuty] = []
    covered: set[str] = set()
    for duty in template.duties:
        if duty.unit is None:
            heading, chosen = fill(duty.heading), False
        else:
            office_unit = office.unit(duty.unit)
            template_unit = template.unit(duty.unit)
            if office_unit is None and not (template_unit and template_unit.suits(office.kind)):
                continue
            name = unit_name(office, template, duty.unit)
            request = (
                office_unit.request
                if office_unit
                else bool(template_unit and template_unit.request)
            )
            default_heading = f"Đề nghị {name}" if request else name
            heading = fill(duty.heading) if duty.heading else default_heading
            chosen = duty.commune
            covered.add(duty.unit)
        duties.append(
            UnitDuty(heading, [item(i) for i in duty.items], duty.unit or "", chosen, duty.key)
        )
    for unit in office.units:  # the office's own units get an empty block to fill or leave out
        if unit.key not in covered or not unit.key:
            heading = f"Đề nghị {unit.name}" if unit.request else unit.name
            duties.append(UnitDuty(heading, [], unit.key, True, ""))

    tasks = [
        Task(
            title=fill(t.title),
            details=[fill(d) for d in t.details],
            output=fill(t.output),
            start_text=fill(t.start),
            finish_text=fill(t.finish),
            lead_unit=fill(t.lead),
            supporting_units=fill(t.support),
            chosen=t.commune,
            key=t.key,
        )
        for t in sorted(template.tasks, key=lambda t: not t.commune)  # the commune's own first
    ]
    return Plan(
        office_id=office.id,
        period=period,
        summary=fill(template.summary),
        bases=[Basis(fill(b.commune_text or b.text), b.commune, b.key) for b in template.bases],
        preamble=fill(template.preamble),
        sections=[item(s) for s in template.sections],
        duties=sorted(duties, key=lambda d: not d.chosen),  # the commune's own units first
        tasks=tasks,
        closing=fill(template.closing),
        signer=office.signers[0] if office.signers else None,
        recipients=list(office.recipients) or [fill(r) for r in template.recipients],
        number_suffix=office.number_suffix,
        drafted_on=drafted_on,
        template_id=template.id,
    )


def carry_forward(previous: Plan, period: Period) -> Plan:
    """A new plan from an office's earlier one: its wording moved to the new period and year,
    its tasks reset to not started, no number or date yet."""
    from cchc_desktop.core.serialize import plan_from_dict, plan_to_dict

    plan = plan_from_dict(plan_to_dict(previous))  # a deep copy
    old = previous.period

    def move(text: str) -> str:
        text = text.replace(old.label, period.label)
        if old.year != period.year:
            text = text.replace(f"năm {old.year}", f"năm {period.year}")
            text = text.replace(f"/{old.year}", f"/{period.year}")
        return text

    def move_items(items: list[PlanItem]) -> None:
        for item in items:
            item.text = move(item.text)
            move_items(item.children)

    plan.period = period
    plan.summary = move(plan.summary)
    plan.preamble = move(plan.preamble)
    plan.closing = move(plan.closing)
    for basis in plan.bases:
        basis.text = move(basis.text)
    move_items(plan.sections)
    for duty in plan.duties:
        move_items(duty.items)
    for task in plan.tasks:
        task.title = move(task.title)
        task.details = [move(d) for d in task.details]
        task.start_text, task.finish_text = move(task.start_text), move(task.finish_text)
        task.id = None
        task.status = TaskStatus.NOT_STARTED
        task.results, task.evidence, task.notes = [], "", ""
    plan.id = None
    plan.number, plan.issued_on, plan.drafted_on = "", None, None
    plan.state = PlanState.DRAFT
    return plan
