"""Adapting a template to one office and one period: the words, units and choices."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from cchc_desktop.core import office as office_words
from cchc_desktop.core.model import (
    Basis,
    ItemKind,
    ItemRole,
    Office,
    OfficeKind,
    Plan,
    PlanItem,
    PlanState,
    Task,
    TaskStatus,
    Unit,
    find_role,
    new_uid,
    walk,
)
from cchc_desktop.core.numbering import roman
from cchc_desktop.core.office import default_signer
from cchc_desktop.core.period import Period
from cchc_desktop.core.template import MARKER, Template, TemplateItem
from cchc_desktop.core.text import capitalise_first


def unfilled_plan_reference(office: Office) -> str:
    """The office's own CCHC plan, its number and date left for the officer to fill."""
    return f"Kế hoạch số …/{office_words.number_suffix(office)} ngày …/…/…"


__all__ = ["adapt", "carry_forward", "default_signer", "default_units", "unit_heading"]


@dataclass(frozen=True, slots=True)
class Wording:
    """Everything a marker can turn into, for one office and one period."""

    office: Office
    period: Period
    template: Template
    local_cchc_plan: str = ""

    def value(self, name: str, argument: str | None) -> str:
        office, period = self.office, self.period
        if name == "unit" and argument:
            return unit_name(office, self.template, argument)
        if name == "quarter":
            quarters = period.quarters
            quarter = quarters[0] if argument == "first" else quarters[-1]
            return f"Quý {roman(quarter)}/{period.year}"
        if name == "month":
            month = period.first_month if argument == "first" else period.last_month
            return f"Tháng {month}/{period.year}"
        kind = office_words.short_kind(office)
        plain = {
            "kind": kind,
            "Kind": capitalise_first(kind),
            "locality": office_words.full_name(office),
            "Locality": capitalise_first(office_words.full_name(office)),
            "issuer": office_words.self_name(office),
            "issuer_full": office_words.formal_name(office),
            "scope": office_words.scope(office),
            "period": period.label,
            "year": str(period.year),
            "previous_period": period.previous.label,
            "city": office.province,
            "local_cchc_plan": self.local_cchc_plan or unfilled_plan_reference(office),
            "deadline_day": f"{office.report_deadline_day:02d}",
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
    return template_unit.name_for(office.kind)


def default_units(template: Template, kind: OfficeKind) -> list[Unit]:
    """The usual units of a new office of this kind, named for it."""
    return [
        Unit(name=u.name_for(kind), abbreviation=u.abbreviation, key=u.key, request=u.request)
        for u in template.units
        if u.suits(kind)
    ]


def unit_heading(unit: Unit) -> str:
    """A unit's block heading: its name, or "Đề nghị …" for a body the office does not direct."""
    return f"Đề nghị {unit.name}" if unit.request else unit.name


def adapt(
    template: Template,
    office: Office,
    period: Period,
    *,
    local_cchc_plan: str = "",
    drafted_on: date | None = None,
) -> Plan:
    """A complete plan for the office from the template: items that suit it chosen, the
    others kept but unchosen, every marker replaced with the office's words; the units' blocks
    in the office's order of its units, an empty block for each unit the template lacks."""
    wording = Wording(office, period, template, local_cchc_plan)
    fill = wording.fill
    commune = office.kind.is_commune

    def item(t: TemplateItem) -> PlanItem | None:
        chosen = t.commune
        text = fill(t.commune_text or t.text)
        unit_key = ""
        if t.unit is not None:
            office_unit = office.unit(t.unit)
            template_unit = template.unit(t.unit)
            if office_unit is None and not (template_unit and template_unit.suits(office.kind)):
                return None  # a unit this office does not have
            unit_key = t.unit
            if not t.text:
                request = (
                    office_unit.request
                    if office_unit is not None
                    else template_unit is not None and template_unit.request
                )
                name = unit_name(office, template, t.unit)
                text = f"Đề nghị {name}" if request else name
        elif t.role is ItemRole.UNIT:
            chosen = False  # a city body's block: kept for reference, not printed
        children = [c for c in (item(child) for child in t.children) if c is not None]
        return PlanItem(
            kind=ItemKind(t.kind),
            text=text,
            children=children,
            chosen=chosen,
            key=t.key,
            marker=t.marker,
            role=t.role,
            unit_key=unit_key,
        )

    sections = [s for s in (item(t) for t in template.sections) if s is not None]
    organisation = find_role(sections, ItemRole.ORGANISATION)
    if organisation is not None:
        _office_order(organisation, office)

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
        for t in sorted(template.tasks, key=lambda t: not t.commune)  # the office's own first
    ]
    recipients = list(office.recipients) or (
        [fill(r) for r in template.recipients]
        if commune
        else office_words.typical_recipients(office)
    )
    return Plan(
        office_id=office.id,
        period=period,
        summary=fill(template.summary),
        bases=[Basis(fill(b.commune_text or b.text), b.commune, b.key) for b in template.bases],
        preamble=fill(template.preamble),
        sections=sections,
        tasks=tasks,
        closing=fill(template.closing),
        signer=default_signer(office),
        recipients=recipients,
        number_suffix=office_words.number_suffix(office),
        drafted_on=drafted_on,
        template_id=template.id,
    )


def _office_order(organisation: PlanItem, office: Office) -> None:
    """The units' blocks in the order of the office's units, the template's other blocks
    (city bodies, unchosen) after them; an empty block for a unit without one."""
    blocks = {
        b.unit_key: b for b in organisation.children if b.role is ItemRole.UNIT and b.unit_key
    }
    ordered: list[PlanItem] = []
    for unit in office.units:
        block = blocks.pop(unit.key, None) if unit.key else None
        if block is None:
            block = PlanItem(
                ItemKind.SUBSECTION, unit_heading(unit), role=ItemRole.UNIT, unit_key=unit.key
            )
        ordered.append(block)
    placed = {id(b) for b in ordered}
    rest = [b for b in organisation.children if id(b) not in placed]
    intro = [b for b in rest if b.role is not ItemRole.UNIT]
    others = [b for b in rest if b.role is ItemRole.UNIT]
    organisation.children = intro + ordered + others


def carry_forward(previous: Plan, period: Period) -> Plan:
    """A new plan from an office's earlier one: its wording moved to the new period and year,
    its tasks reset to not started (no results, evidence, notes or reasons), no number or
    date yet, new identities throughout."""
    from cchc_desktop.core.serialize import plan_from_dict, plan_to_dict

    plan = plan_from_dict(plan_to_dict(previous))  # a deep copy
    old = previous.period

    def move(text: str) -> str:
        text = text.replace(old.label, period.label)
        if old.year != period.year:
            text = text.replace(f"năm {old.year}", f"năm {period.year}")
            text = text.replace(f"/{old.year}", f"/{period.year}")
        return text

    plan.period = period
    plan.summary = move(plan.summary)
    plan.preamble = move(plan.preamble)
    plan.closing = move(plan.closing)
    plan.appendix_title = move(plan.appendix_title)
    plan.attachment_line = ""
    for basis in plan.bases:
        basis.text = move(basis.text)
    for node in walk(plan.sections):
        node.text = move(node.text)
        node.uid = new_uid()
    for task in plan.tasks:
        task.title = move(task.title)
        task.details = [move(d) for d in task.details]
        task.start_text, task.finish_text = move(task.start_text), move(task.finish_text)
        task.id, task.uid, task.due_on = None, new_uid(), None
        task.status = TaskStatus.NOT_STARTED
        task.results, task.evidence, task.notes, task.reason = [], "", "", ""
    plan.id, plan.uid = None, new_uid()
    plan.number, plan.issued_on, plan.drafted_on = "", None, None
    plan.state = PlanState.DRAFT
    return plan
