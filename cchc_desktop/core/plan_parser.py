"""A plan read out of a Word document (core/docsource.py) into the plan model: the header and
the office it names, the title, bases and preamble, the body's tree with the markers the
document used, the units' blocks, the closing, the signature and recipients, the appendix.

What the document typed is kept: its labels (a list lettered "a) b) c) e)" keeps its "e)", so
the review points at it), its words and their order. Nothing is added: a plan without a budget
section gets none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from cchc_desktop.core import office as office_words
from cchc_desktop.core.appendix_table import header_rows, read_tasks, task_columns
from cchc_desktop.core.docsource import SourceDocument, SourceParagraph, SourceTable
from cchc_desktop.core.labels import Mark, classify_label, split_label
from cchc_desktop.core.model import (
    AppendixColumn,
    Basis,
    ItemKind,
    ItemRole,
    Marker,
    Office,
    OfficeKind,
    Plan,
    PlanItem,
    Signer,
    Task,
    Unit,
    walk,
)
from cchc_desktop.core.numbering import label as count_label
from cchc_desktop.core.period import Period, PeriodKind
from cchc_desktop.core.text import fold, nfc
from cchc_desktop.core.unit_names import (
    ABBREVIATIONS,
    unit_key_for,
    unit_name_of,
)
from cchc_desktop.errors import DocumentImportError

# --- small text helpers ----------------------------------------------------------------


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text).upper()


def _clean(text: str) -> str:
    return " ".join(text.split())


def _lines(paragraph: SourceParagraph) -> list[str]:
    return [_clean(line) for line in paragraph.text.split("\n") if _clean(line)]


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


_RULE = re.compile(r"^[\s_\-–—=.·*]*$")


# --- markers ----------------------------------------------------------------------------

# --- results -------------------------------------------------------------------------


@dataclass(slots=True)
class Header:
    """What the header says about the issuer and the document."""

    governing: list[str] = field(default_factory=list)  # lines above the issuer, as typed
    issuer: list[str] = field(default_factory=list)  # the issuer's own lines, as typed
    number: str = ""
    suffix: str = ""
    place: str = ""
    day: int | None = None
    month: int | None = None
    year: int | None = None


@dataclass(slots=True)
class ParsedPlan:
    """A plan read from a document, with the office its header names (not saved)."""

    plan: Plan
    office: Office
    header: Header
    level: str  # "commune", "agency", or "superior" (a city, province or district committee)
    issuer_name: str  # "Ủy ban nhân dân thành phố Hải Phòng", "Ủy ban nhân dân xã Quyết Thắng"
    locality: str  # "thành phố Hải Phòng", "xã Quyết Thắng", "" for an agency
    document: str  # "Quyết định số 362/QĐ-UBND ngày 10/02/2025", "Kế hoạch số 17/KH-UBND …"
    attachment_of: str = ""  # the decision's "(Kèm theo …)" line under the summary, if any
    warnings: list[str] = field(default_factory=list)
    source: list[str] = field(default_factory=list)  # the document's paragraphs as read
    origins: dict[str, int] = field(default_factory=dict)  # item uid → source paragraph


# --- the reader ------------------------------------------------------------------------

_BASIS_WORDS = ("căn cứ", "thực hiện", "theo đề nghị", "xét đề nghị", "theo")
_AUTHORITY = re.compile(r"^(TM|KT|Q|TL|TUQ)\s*\.\s*\S", re.IGNORECASE)
_HEADS = (
    "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "TRƯỞNG BAN", "PHÓ TRƯỞNG BAN",
    "TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG", "CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG",
)  # fmt: skip
_NUMBER = re.compile(r"^S[ốỐ]\s*[:.]?\s*(?P<number>[^/]*?)\s*/\s*(?P<suffix>\S+)", re.IGNORECASE)
_DATE = re.compile(
    r"^(?P<place>[^,]{2,60}),\s*ngày\s*(?:(?P<day>\d{1,2})|[\s.…_]*)\s*tháng\s*"
    r"(?:(?P<month>\d{1,2})|[\s.…_]*)\s*năm\s*(?P<year>\d{4})",
    re.IGNORECASE,
)
_NATIONAL = "cong hoa xa hoi chu nghia viet nam"
_MOTTO = "doc lap - tu do - hanh phuc"
_COMMITTEE = re.compile(
    r"^(?:(?:Ủ|U|Uỷ|ỦY|UỶ)\s*Y?\s*BAN NHÂN DÂN|UBND)\s+(?P<kind>XÃ|PHƯỜNG|ĐẶC KHU|THÀNH PHỐ|TỈNH|"
    r"QUẬN|HUYỆN|THỊ XÃ|THỊ TRẤN)\s+(?P<name>.+)$",
    re.IGNORECASE,
)
_AGENCY = re.compile(r"^(?P<kind>VĂN PHÒNG|TRUNG TÂM|SỞ|BAN|PHÒNG)\s+(?P<name>.+)$", re.IGNORECASE)
_AGENCY_KINDS = {
    "văn phòng": OfficeKind.VAN_PHONG,
    "trung tâm": OfficeKind.TRUNG_TAM,
    "sở": OfficeKind.SO,
    "ban": OfficeKind.BAN,
    "phòng": OfficeKind.PHONG,
}
_COMMUNE_KINDS = {"xã": OfficeKind.XA, "phường": OfficeKind.PHUONG, "đặc khu": OfficeKind.DAC_KHU}


def _starts(text: str, words: tuple[str, ...]) -> bool:
    low = text.lower()
    return any(low.startswith(w + " ") for w in words)


class _Parser:
    def __init__(self, document: SourceDocument) -> None:
        self.doc = document
        self.blocks = document.blocks
        self.warnings: list[str] = list(document.notes)
        self.paragraphs = document.paragraphs()
        self.origins: dict[str, int] = {}

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    # --- zones ---------------------------------------------------------------------

    def _find(self, start: int, test: object) -> int | None:
        for i in range(start, len(self.blocks)):
            block = self.blocks[i]
            if isinstance(block, SourceParagraph) and test(block):  # type: ignore[operator]
                return i
        return None

    def parse(self) -> ParsedPlan:
        doc_type = self._find(0, lambda p: _compact(_first_line(p)) == "KẾHOẠCH")
        if doc_type is None:
            other = self._find(
                0,
                lambda p: _compact(p.text) in ("QUYẾTĐỊNH", "BÁOCÁO", "CÔNGVĂN", "THÔNGBÁO"),
            )
            what = ""
            if other is not None:
                what = f" (đây là văn bản «{_clean(self.blocks[other].text)}»)"  # type: ignore[union-attr]
            raise DocumentImportError(
                f"Tệp «{self.doc.name}» không phải một kế hoạch{what}: không thấy dòng "
                "«KẾ HOẠCH» ở đầu văn bản."
            )
        decision = self._find(0, lambda p: _compact(p.text) == "QUYẾTĐỊNH")
        header_end = decision if decision is not None and decision < doc_type else doc_type
        header = self._header(self.blocks[:header_end])
        wrapper = ""
        if header_end != doc_type:
            wrapper = "decision"
            self.warn(
                "Văn bản là quyết định ban hành kèm theo kế hoạch: phần quyết định (các "
                "Điều, nơi nhận, người ký của quyết định) không được nhập, chỉ nhập kế hoạch."
            )

        summary, attachment_of, after_title = self._title(doc_type)
        appendix_at = self._appendix_start(after_title)
        body_at = self._body_start(after_title, appendix_at)
        if body_at is None:
            raise DocumentImportError(
                f"Tệp «{self.doc.name}» không giống một kế hoạch: không thấy các mục "
                "được đánh số (I., II. hoặc 1., 2.) sau phần mở đầu."
            )
        signature_at = self._signature_start(body_at, appendix_at)
        closing_at = self._closing_start(body_at, signature_at)
        bases, preamble = self._opening(after_title, body_at)
        sections = self._body(body_at, closing_at)
        closing = "\n".join(
            line
            for block in self.blocks[closing_at:signature_at]
            if isinstance(block, SourceParagraph)
            for line in _lines(block)
        )
        for block in self.blocks[body_at:closing_at]:
            if isinstance(block, SourceTable):
                self.warn(
                    "Trong phần nội dung có bảng: chương trình chưa giữ được bảng trong thân "
                    "kế hoạch, nội dung bảng không được nhập."
                )
        signer, recipients = self._signature(self.blocks[signature_at:appendix_at])
        appendix = (
            self._appendix(self.blocks[appendix_at:]) if appendix_at < len(self.blocks) else None
        )

        office, level, issuer_name, locality = self._office(header)
        period = self._period(summary, header)
        plan = Plan(
            office_id=None,
            period=period,
            summary="\n".join(summary + ([attachment_of] if attachment_of else [])),
            bases=bases,
            preamble="\n".join(preamble),
            sections=sections,
            closing=closing,
            signer=signer,
            recipients=recipients,
            number=header.number if not wrapper else "",
            number_suffix=(header.suffix if not wrapper else "")
            or office_words.number_suffix(office),
        )
        if header.year and header.month and header.day and not wrapper:
            try:
                plan.issued_on = date(header.year, header.month, header.day)
            except ValueError:
                self.warn("Ngày ban hành trong văn bản không hợp lệ; đã bỏ qua.")
        elif header.year and header.month and not wrapper:
            plan.drafted_on = date(header.year, header.month, 1)
        if appendix is not None:
            plan.appendix_label = appendix.label if appendix.label != "Phụ lục" else ""
            plan.appendix_title = "\n".join(appendix.title)
            plan.attachment_line = appendix.attachment
            plan.tasks = appendix.tasks
            plan.appendix_columns = appendix.columns
        self._roles(plan.sections)
        _usual_wording(plan, office)
        document = self._document_name(header, wrapper, attachment_of)
        return ParsedPlan(
            plan=plan,
            office=office,
            header=header,
            level=level,
            issuer_name=issuer_name,
            locality=locality,
            document=document,
            attachment_of=attachment_of,
            warnings=self.warnings,
            source=[p.clean for p in self.paragraphs],
            origins=self.origins,
        )

    # --- header ---------------------------------------------------------------------

    def _header(self, blocks: list[SourceParagraph | SourceTable]) -> Header:
        left: list[tuple[str, bool]] = []
        right: list[tuple[str, bool]] = []

        def place(text: str, bold: bool, side: str) -> None:
            (left if side == "left" else right).append((text, bold))

        for block in blocks:
            if isinstance(block, SourceTable):
                for row in block.rows:
                    last = len(row.cells) - 1
                    for i, cell in enumerate(row.cells):
                        side = "left" if i == 0 and last > 0 else "right" if last > 0 else ""
                        for p in cell.paragraphs:
                            for line in _lines(p):
                                place(line, p.bold, side or _side(line))
                continue
            for raw in block.text.split("\n"):
                parts = _columns(raw)
                if len(parts) >= 2:
                    place(parts[0], block.bold, "left")
                    place(parts[-1], block.bold, "right")
                elif parts:
                    leading = raw[: len(raw) - len(raw.lstrip())]
                    side = (
                        "right"
                        if "\t" in leading or (block.centered and block.indent_cm > 5)
                        else _side(parts[0])
                    )
                    place(parts[0], block.bold, side)
        header = Header()
        issuer: list[tuple[str, bool]] = []
        for text, bold in left + right:
            folded = fold(text)
            if _NATIONAL in folded or _MOTTO in folded.replace("–", "-") or _RULE.match(text):
                continue
            number = _NUMBER.match(text)
            if number is not None and not header.suffix:
                digits = number.group("number").strip(" .…_")
                header.number = digits
                header.suffix = number.group("suffix").rstrip(".,;")
                continue
            when = _DATE.match(text)
            if when is not None and header.year is None:
                header.place = _clean(when.group("place"))
                header.day = int(when.group("day")) if when.group("day") else None
                header.month = int(when.group("month")) if when.group("month") else None
                header.year = int(when.group("year"))
                continue
            if folded.startswith("v/v") or folded.startswith("ve viec"):
                continue
            if (text, bold) in left:
                issuer.append((text, bold))
        if any(not b for _, b in issuer) and any(b for _, b in issuer):
            first_bold = next(i for i, (_, b) in enumerate(issuer) if b)
            header.governing = [t for t, _ in issuer[:first_bold]]
            header.issuer = [t for t, _ in issuer[first_bold:]]
        else:
            lines = [t for t, _ in issuer]
            agency = next(
                (i for i, t in enumerate(lines) if i > 0 and _AGENCY.match(t) and _is_upper(t)),
                None,
            )
            header.governing = lines[:agency] if agency else []
            header.issuer = lines[agency:] if agency else lines
        return header

    # --- title, opening ------------------------------------------------------------

    def _title(self, at: int) -> tuple[list[str], str, int]:
        """The summary's lines after "KẾ HOẠCH", the "(Kèm theo …)" line of a decision's
        plan, and where the opening starts."""
        summary: list[str] = []
        attachment: list[str] = []
        first = self.blocks[at]
        assert isinstance(first, SourceParagraph)
        rest = _lines(first)[1:]  # "KẾ HOẠCH" and the summary in one paragraph
        summary.extend(rest)
        i = at + 1
        while i < len(self.blocks):
            block = self.blocks[i]
            if isinstance(block, SourceTable):
                break
            lines = _lines(block)
            if not lines:
                if summary:
                    i += 1
                    break
                i += 1
                continue
            text = " ".join(lines)
            mark, _ = _paragraph_mark(block)
            if mark is not None or _starts(text, _BASIS_WORDS):
                break
            if summary and not (block.centered or block.bold) and not attachment:
                break
            if len(summary) + len(attachment) >= 6:
                break
            for line in lines:
                if attachment or line.startswith("(Kèm theo"):
                    attachment.append(line)
                else:
                    summary.append(line)
            i += 1
        return summary, " ".join(attachment), i

    def _opening(self, start: int, end: int) -> tuple[list[Basis], list[str]]:
        """Bases ("Căn cứ …;") while they come, then the preamble's lines."""
        found: list[tuple[str, str]] = []
        preamble: list[str] = []
        for block in self.blocks[start:end]:
            if isinstance(block, SourceTable):
                preamble.extend(p.clean for p in block.paragraphs() if p.clean)
                continue
            for line in _lines(block):
                ending = line[-1]
                if (
                    not preamble
                    and _starts(line, _BASIS_WORDS)
                    and ending in ";."
                    and line.rstrip(";. ") != ""
                ):
                    found.append((line.rstrip(";. "), ending))
                else:
                    preamble.append(line)
        bases = []
        for i, (text, ending) in enumerate(found):
            usual = ";" if i < len(found) - 1 else "."
            bases.append(Basis(text, ending="" if ending == usual else ending))
        return bases, preamble

    # --- zones ------------------------------------------------------------------

    def _body_start(self, start: int, end: int) -> int | None:
        for i in range(start, end):
            block = self.blocks[i]
            if isinstance(block, SourceTable):
                continue
            text = block.clean
            if not text:
                continue
            mark, rest = _paragraph_mark(block)
            if mark is not None and not _starts(_clean(rest), _BASIS_WORDS):
                return i
            if block.outline_level is not None or _caps_heading(block):
                return i
        return None

    def _appendix_start(self, start: int) -> int:
        for i in range(start, len(self.blocks)):
            block = self.blocks[i]
            if isinstance(block, SourceParagraph):
                folded = fold(block.clean)
                if folded.startswith("phu luc") and (
                    len(block.clean) <= 40 or ":" in block.clean[:20]
                ):
                    return i
            elif task_columns(block) is not None:
                # a task table without a "Phụ lục" line: its title and "(Kèm theo …)" first
                j = i
                while j > start:
                    prev = self.blocks[j - 1]
                    if not isinstance(prev, SourceParagraph) or prev.section != block.section:
                        break  # the appendix's own section (a landscape page) starts after it
                    if prev.clean and not (
                        prev.centered or _is_upper(prev.clean) or prev.clean.startswith("(")
                    ):
                        break
                    j -= 1
                    if prev.page_break_before:
                        break  # its page starts here: what is above is the signature's
                return j
        return len(self.blocks)

    def _signature_start(self, start: int, end: int) -> int:
        for i in range(start, end):
            block = self.blocks[i]
            if isinstance(block, SourceTable):
                texts = [p.clean for p in block.paragraphs()]
                if any(fold(t).startswith("noi nhan") or _AUTHORITY.match(t) for t in texts):
                    return i
                continue
            parts = _columns(block.text.strip())
            first = parts[0] if parts else ""
            if fold(first).startswith("noi nhan") or _AUTHORITY.match(_clean(first)):
                return i
        return end

    def _closing_start(self, start: int, end: int) -> int:
        for i in range(start, end):
            block = self.blocks[i]
            if isinstance(block, SourceParagraph) and fold(block.clean).startswith("tren day"):
                return i
        for i in range(end - 1, start - 1, -1):
            block = self.blocks[i]
            if isinstance(block, SourceTable):
                break
            if not block.clean:
                continue
            mark, _ = _paragraph_mark(block)
            if mark is None and block.clean.endswith("/."):
                return i
            break
        return end

    # --- the body -------------------------------------------------------------------

    def _body(self, start: int, end: int) -> list[PlanItem]:
        roots: list[PlanItem] = []
        stack: list[tuple[str, PlanItem]] = []
        last: PlanItem | None = None
        parents: dict[str, PlanItem | None] = {}
        facts: dict[str, SourceParagraph] = {}
        for block in self.blocks[start:end]:
            if isinstance(block, SourceTable) or not block.clean:
                continue
            mark, rest = _paragraph_mark(block)
            key = ""
            if mark is not None:
                auto = f"auto:{block.auto_list}:{block.auto_level}:" if block.auto_label else ""
                key = auto + mark.style
            elif block.outline_level is not None or _caps_heading(block):
                key = f"heading:{block.outline_level or 0}"
            item = PlanItem(
                kind=ItemKind.POINT,
                text=nfc(_strip_lines(rest)),
                marker=mark.marker if mark is not None else Marker.NONE,
                label=mark.label if mark is not None else "",
            )
            self.origins[item.uid] = block.index
            facts[item.uid] = block
            parent: PlanItem | None
            if key:
                keys = [k for k, _ in stack]
                if key in keys:
                    del stack[keys.index(key) :]
                parent = stack[-1][1] if stack else None
                stack.append((key, item))
            elif (
                last is not None
                and stack
                and stack[-1][1] is last
                and _heading_like(facts[last.uid], last)
            ):
                parent = last  # the text under a heading
            else:
                parent = parents[last.uid] if last is not None else None  # beside the item before
            (parent.children if parent is not None else roots).append(item)
            parents[item.uid] = parent
            last = item
        for item in walk(roots):
            item.kind = _kind(item, facts[item.uid])
            if item.kind is ItemKind.SECTION and _is_upper(item.text) and "\n" not in item.text:
                # a section prints in capitals: kept in sentence case like the app's own
                item.text = item.text[:1] + item.text[1:].lower()
        _keep_typed_labels(roots)
        return roots

    def _roles(self, sections: list[PlanItem]) -> None:
        candidates = [(0, s) for s in sections] + [(1, c) for s in sections for c in s.children]
        taken: set[str] = set()

        def best(patterns: tuple[tuple[str, int], ...], exclude: set[str]) -> PlanItem | None:
            scored = []
            for depth, item in candidates:
                if item.uid in exclude or not (item.children or item.kind.is_heading):
                    continue
                words = fold(item.text).strip(" :.")
                for pattern, score in patterns:
                    if words.startswith(pattern) or (score == 1 and pattern in words):
                        scored.append((score, -depth if pattern != "muc dich" else depth, item))
                        break
            if not scored:
                return None
            scored.sort(key=lambda x: (x[0], -x[1]), reverse=True)
            return scored[0][2]

        organisation = best((("to chuc thuc hien", 3),), taken)
        inside: set[str] = set()
        if organisation is not None:
            organisation.role = ItemRole.ORGANISATION
            taken.add(organisation.uid)
            inside = {i.uid for i in walk(organisation.children)}
            for block in organisation.children:
                block.role = ItemRole.UNIT  # its unit is named by _office_units
        table = (
            (ItemRole.PURPOSES, (("muc dich, yeu cau", 3), ("muc dich", 2))),
            (ItemRole.CONTENT, (("noi dung tuyen truyen", 3), ("noi dung", 2))),
            (ItemRole.FORMS, (("hinh thuc tuyen truyen", 3), ("hinh thuc", 2), ("hinh thuc", 1))),
            (ItemRole.TASKS, (("nhiem vu cu the", 3), ("nhiem vu cu the", 1))),
            (ItemRole.BUDGET, (("kinh phi", 3),)),
        )
        for role, patterns in table:
            found = best(patterns, taken | inside)
            if found is not None:
                found.role = role
                taken.add(found.uid)

    # --- signature ------------------------------------------------------------------

    def _signature(
        self, blocks: list[SourceParagraph | SourceTable]
    ) -> tuple[Signer | None, list[str]]:
        left: list[str] = []
        right: list[str] = []
        for block in blocks:
            if isinstance(block, SourceTable):
                for row in block.rows:
                    for i, cell in enumerate(row.cells):
                        for p in cell.paragraphs:
                            for line in _lines(p):
                                side = (
                                    _sig_side(line)
                                    if len(row.cells) == 1
                                    else ("left" if i == 0 else "right")
                                )
                                (left if side == "left" else right).append(line)
                continue
            for raw in block.text.split("\n"):
                parts = _columns(raw)
                if len(parts) >= 2:
                    left.append(parts[0])
                    right.append(parts[-1])
                elif parts:
                    leading = raw[: len(raw) - len(raw.lstrip())]
                    side = (
                        "right"
                        if "\t" in leading or block.centered or block.right
                        else _sig_side(parts[0])
                    )
                    (left if side == "left" else right).append(parts[0])
        recipients: list[str] = []
        for line in left:
            if fold(line).startswith("noi nhan"):
                rest = line.split(":", 1)[1].strip() if ":" in line else ""
                if rest:
                    recipients.append(_recipient(rest))
                continue
            recipients.append(_recipient(line))
        authority: list[str] = []
        names: list[str] = []
        for line in right:
            if re.fullmatch(
                r"\(?\s*(đã ký|ký|ký tên|ký, đóng dấu|đã ký và đóng dấu)[^)]*\)?",
                line,
                re.IGNORECASE,
            ):
                self.warn(f"Bỏ dòng «{line}» trong phần chữ ký.")
                continue
            if _is_upper(line) and not names:
                authority.append(line)
            else:
                names.append(line)
        if len(names) > 1:
            self.warn(f"Phần chữ ký có nhiều dòng ngoài tên người ký; giữ dòng cuối «{names[-1]}».")
        signer = Signer(names[-1] if names else "", authority) if authority or names else None
        return signer, [r for r in recipients if r]

    # --- appendix -----------------------------------------------------------------

    def _appendix(self, blocks: list[SourceParagraph | SourceTable]) -> _Appendix | None:
        label = ""
        title: list[str] = []
        attachment: list[str] = []
        tasks: list[Task] = []
        columns: list[AppendixColumn] | None = None
        mapping: list[str] = []
        for block in blocks:
            if isinstance(block, SourceParagraph):
                for line in _lines(block):
                    if columns is not None:
                        self.warn(f"Bỏ đoạn sau bảng phụ lục: «{line[:60]}».")
                        continue
                    if not label and not title and fold(line).startswith("phu luc"):
                        if ":" in line and len(line) > 40:
                            head, tail = line.split(":", 1)
                            label = head.strip()
                            title.append(tail.strip())
                        else:
                            label = line
                        continue
                    if (attachment and not attachment[-1].endswith(")")) or (
                        line.startswith("(") and not attachment
                    ):
                        attachment.append(line)
                    elif not attachment and split_label(line)[0] is None:
                        title.append(line)  # a numbered or dashed line is the appendix's text
                    else:
                        self.warn(f"Bỏ dòng «{line[:60]}» trong phần đầu phụ lục.")
                continue
            found = task_columns(block)
            if found is not None and (columns is None or header_rows(block)):
                if columns is not None and [c.key for c in found[0]] != [c.key for c in columns]:
                    self.warn(
                        "Phụ lục có thêm một bảng khác cột; các dòng của bảng này được đọc theo "
                        "tiêu đề cột của nó, phụ lục in theo cột của bảng đầu."
                    )
                if columns is None:
                    columns = found[0]
                mapping = found[1]  # each table's rows read by its own header
            if columns is None:
                self.warn(
                    "Phụ lục có bảng không nhận ra được các cột (TT, Nội dung…); bảng không được nhập."
                )
                continue
            tasks.extend(read_tasks(block, mapping, tasks, self.warn))
        if not (label or title or tasks):
            return None
        if columns is None:
            self.warn(
                "Phụ lục không có bảng nhiệm vụ: chương trình chỉ giữ được phụ lục dạng bảng, "
                "nội dung phụ lục không được nhập."
            )
            columns = []
        return _Appendix(label or "Phụ lục", title, " ".join(attachment), tasks, columns)

    # --- office, period -----------------------------------------------------------

    def _office(self, header: Header) -> tuple[Office, str, str, str]:
        issuer_text = " ".join(header.issuer)
        texts = [p.text for p in self.paragraphs]
        committee = _COMMITTEE.match(issuer_text) if issuer_text else None
        agency = _AGENCY.match(issuer_text) if issuer_text and committee is None else None
        level = "commune"
        kind = OfficeKind.XA
        name = ""
        locality = ""
        issuer_name = ""
        governing = _sentence_name(" ".join(header.governing), texts) if header.governing else ""
        if committee is not None:
            kind_word = committee.group("kind").lower()
            name = _proper_name(kind_word, committee.group("name"), texts)
            locality = f"{kind_word} {name}"
            issuer_name = f"Ủy ban nhân dân {locality}"
            if kind_word in _COMMUNE_KINDS:
                kind = _COMMUNE_KINDS[kind_word]
            else:
                level = "superior"
        elif agency is not None:
            level = "agency"
            kind_word = agency.group("kind").lower()
            kind = _AGENCY_KINDS[kind_word]
            name = _proper_name(kind_word, agency.group("name"), texts)
            issuer_name = f"{kind.capitalised} {name}"
        else:
            found = self._named_commune(texts)
            if found is None:
                self.warn(
                    "Không đọc được tên cơ quan ban hành ở đầu văn bản; hãy kiểm tra hồ sơ cơ quan."
                )
                name = ""
            else:
                kind, name = found
                locality = f"{kind.value} {name}"
                issuer_name = f"Ủy ban nhân dân {locality}"
        named: dict[str, int] = {}  # the city or province the text names most
        for text in texts:
            for match in re.finditer(r"\b(thành phố|tỉnh) ((?:[A-ZĐ]\w*)(?: [A-ZĐ]\w*)*)", text):
                named[match.group(0)] = named.get(match.group(0), 0) + 1
        province = max(named, key=lambda k: named[k]) if named else ""
        if level == "superior":
            province = locality
        office = Office(
            kind=kind,
            name=name,
            province=province,
            place_name=header.place,
            governing_body=governing,
            header_lines=list(header.issuer),
            number_suffix=header.suffix if header.suffix.upper().startswith("KH-") else "",
        )
        return office, level, issuer_name, locality

    def _named_commune(self, texts: list[str]) -> tuple[OfficeKind, str] | None:
        counts: dict[tuple[str, str], int] = {}
        for text in texts:
            for match in re.finditer(
                r"\b(xã|phường|đặc khu) ((?:[A-ZĐ][^\s,.;:()]*)(?: [A-ZĐ][^\s,.;:()]*)*)", text
            ):
                key = (match.group(1), match.group(2))
                counts[key] = counts.get(key, 0) + 1
        if not counts:
            return None
        (kind_word, name), _ = max(counts.items(), key=lambda kv: kv[1])
        return _COMMUNE_KINDS[kind_word], name

    def _period(self, summary: list[str], header: Header) -> Period:
        words = fold(" ".join(summary))
        year_match = re.search(r"(20\d\d)", words)
        year = int(year_match.group(1)) if year_match else (header.year or date.today().year)
        if "6 thang dau" in words or "sau thang dau" in words:
            return Period(PeriodKind.FIRST_HALF, year)
        if "6 thang cuoi" in words or "sau thang cuoi" in words:
            return Period(PeriodKind.SECOND_HALF, year)
        quarter = re.search(r"quy (iv|iii|ii|i)\b", words)
        if quarter:
            number = {"i": 1, "ii": 2, "iii": 3, "iv": 4}[quarter.group(1)]
            self.warn(
                "Kế hoạch theo quý: chương trình theo dõi theo 6 tháng, đã xếp vào "
                f"{'6 tháng đầu' if number <= 2 else '6 tháng cuối'} năm {year}."
            )
            return Period(PeriodKind.FIRST_HALF if number <= 2 else PeriodKind.SECOND_HALF, year)
        if not year_match:
            self.warn(f"Không thấy năm của kế hoạch trong trích yếu; đã lấy năm {year}.")
        return Period(PeriodKind.YEAR, year)

    def _document_name(self, header: Header, wrapper: str, attachment_of: str) -> str:
        kind = "Quyết định" if wrapper else "Kế hoạch"
        number = header.number.strip()
        suffix = header.suffix or ("QĐ-UBND" if wrapper else "KH-UBND")
        when = ""
        if header.day and header.month and header.year:
            when = (
                f" ngày {header.day:02d}/{header.month:02d}/{header.year}"
                if header.month < 3
                else f" ngày {header.day:02d}/{header.month}/{header.year}"
            )
        if number:
            return f"{kind} số {number}/{suffix}{when}"
        return f"{kind} số …/{suffix}{when}"


def _usual_wording(plan: Plan, office: Office) -> None:
    """An appendix title or "(Kèm theo …)" line that says what the usual one would is left to
    it (so that recording the number and date later fills them in)."""
    from cchc_desktop.core.outline import appendix_title_lines, default_attachment_line

    typed_title, typed_line = plan.appendix_title, plan.attachment_line
    plan.appendix_title = ""
    if typed_title and [_clean(x) for x in appendix_title_lines(plan, office)] != [
        _clean(x) for x in typed_title.split("\n")
    ]:
        plan.appendix_title = typed_title
    if typed_line and _clean(default_attachment_line(plan, office)) != _clean(typed_line):
        plan.attachment_line = typed_line
    else:
        plan.attachment_line = ""


@dataclass(slots=True)
class _Appendix:
    label: str
    title: list[str]
    attachment: str
    tasks: list[Task]
    columns: list[AppendixColumn]


# --- helpers for the body ---------------------------------------------------------------


def _first_line(p: SourceParagraph) -> str:
    lines = _lines(p)
    return lines[0] if lines else ""


def _strip_lines(text: str) -> str:
    """A paragraph's text: its line breaks kept, each line's spaces collapsed."""
    return "\n".join(_clean(line) for line in text.split("\n") if _clean(line))


def _paragraph_mark(p: SourceParagraph) -> tuple[Mark | None, str]:
    if p.auto_label:
        mark = classify_label(p.auto_label)
        if mark is None:
            mark = Mark(
                Marker.BULLET if p.auto_format == "bullet" else Marker.NONE, p.auto_label, "auto"
            )
        return mark, p.text.strip()
    return split_label(p.text.strip())


def _heading_like(p: SourceParagraph, item: PlanItem) -> bool:
    """What text under it belongs to: a bold or capital heading, or a numbered line that does
    not end its sentence ("6. Đề nghị Ủy ban Mặt trận … và các tổ chức chính trị - xã hội")."""
    if p.bold or p.outline_level is not None or _is_upper(p.clean):
        return True
    numbered = item.numbering in (Marker.ROMAN, Marker.DECIMAL, Marker.NESTED)
    return numbered and len(item.text) < 160 and not item.text.rstrip().endswith((".", ";"))


def _caps_heading(p: SourceParagraph) -> bool:
    """An unnumbered heading: bold capitals on a short line ("MỤC ĐÍCH, YÊU CẦU")."""
    return p.bold and _is_upper(p.clean) and len(p.clean) < 90


def _kind(item: PlanItem, p: SourceParagraph) -> ItemKind:
    if not item.children:
        return ItemKind.POINT
    if item.numbering is Marker.ROMAN or (p.outline_level == 0 and _is_upper(item.text)):
        return ItemKind.SECTION if _is_upper(item.text) else ItemKind.SUBSECTION
    if item.marker is Marker.NONE and _is_upper(item.text) and p.bold:
        return ItemKind.SECTION
    if p.bold or p.outline_level is not None:
        return ItemKind.SUBSECTION
    return ItemKind.POINT


def _keep_typed_labels(items: list[PlanItem], parent_label: str = "") -> None:
    """Clear each label the count would give anyway: only a document's own numbering that
    differs from the count stays (and the review shows it)."""
    counters: dict[Marker, int] = {}
    for item in items:
        marker = item.numbering
        index = counters.get(marker, 0)
        counters[marker] = index + 1
        expected = count_label(marker, index, parent_label)
        shown = item.label or expected
        if item.label == expected:
            item.label = ""
        _keep_typed_labels(item.children, shown)


# --- units ----------------------------------------------------------------------------

# --- helpers for names ------------------------------------------------------------------


def _proper_name(kind_word: str, caps_name: str, texts: list[str]) -> str:
    """A name typed in capitals in the header, as the body writes it: "QUYẾT THẮNG" →
    "Quyết Thắng", "KHOA HỌC VÀ CÔNG NGHỆ" → "Khoa học và Công nghệ"."""
    caps_name = _clean(caps_name)
    pattern = re.compile(
        re.escape(kind_word)
        + r"\s+("
        + r"\s+".join(re.escape(w) for w in caps_name.split())
        + r")",
        re.IGNORECASE,
    )
    for text in texts:
        for match in pattern.finditer(text):
            found = _clean(match.group(1))
            if not _is_upper(found):
                return found
    if kind_word in _COMMUNE_KINDS or kind_word in ("thành phố", "tỉnh", "quận", "huyện", "thị xã"):
        return " ".join(w[:1].upper() + w[1:].lower() for w in caps_name.split())
    lowered = caps_name.lower()
    return lowered[:1].upper() + lowered[1:]


_KEEP_UPPER = frozenset({"UBND", "HĐND", "MTTQ", "VN", "TP", "CCHC"})


def _sentence_name(caps: str, texts: list[str]) -> str:
    """A governing body typed in capitals, in the case a sentence uses: "ỦY BAN NHÂN DÂN
    THÀNH PHỐ HẢI PHÒNG" → "Ủy ban nhân dân thành phố Hải Phòng"."""
    caps = _clean(caps)
    pattern = re.compile(r"\s+".join(re.escape(w) for w in caps.split()), re.IGNORECASE)
    for text in texts:
        for match in pattern.finditer(text):
            if not _is_upper(match.group(0)):
                return _clean(match.group(0))
    words = caps.split()
    out = []
    place = False
    for i, word in enumerate(words):
        if word in _KEEP_UPPER:
            out.append(word)
        elif place or i == 0:
            out.append(word[:1].upper() + word[1:].lower())
        else:
            out.append(word.lower())
        low = " ".join(w.lower() for w in words[max(0, i - 1) : i + 1])
        place = (
            place
            or low in ("thành phố", "tỉnh", "xã", "phường", "quận", "huyện")
            or word.lower() in ("tỉnh", "xã", "phường", "quận", "huyện")
        )
    return " ".join(out)


_RIGHT_START = re.compile(
    r" {4,}(?=CỘNG HÒA|Cộng hòa|Độc lập|(?:TM|KT|Q|TL|TUQ)\.|CHỦ TỊCH|PHÓ CHỦ TỊCH|GIÁM ĐỐC|"
    r"[A-ZĐ][^\s,]*(?: [A-ZĐ][^\s,]*)*, ngày)"
)


def _columns(raw: str) -> list[str]:
    """A line typed as two columns, kept apart by tabs (or by a run of spaces before what
    only the right column holds): its parts."""
    parts = [_clean(x) for x in re.split(r"\t+", raw) if _clean(x)]
    if len(parts) == 1:
        match = _RIGHT_START.search(raw)
        if match is not None:
            parts = [_clean(raw[: match.start()]), _clean(raw[match.end() :])]
    return [p for p in parts if p]


def _side(text: str) -> str:
    folded = fold(text)
    if _NATIONAL in folded or _MOTTO in folded or _DATE.match(text):
        return "right"
    return "left"


def _sig_side(text: str) -> str:
    if fold(text).startswith("noi nhan") or text.startswith(("-", "+", "–", "•")):
        return "left"
    return "right"


def _recipient(line: str) -> str:
    """A "Nơi nhận" line as stored: without its dash and its final ";" or "." (printed
    again), a "+" and a ":" kept."""
    text = _clean(line)
    if text.startswith(("-", "–", "•")):
        text = text[1:].strip()
    return text.rstrip(";. ") if not text.endswith(":") else text


def parse_plan(document: SourceDocument) -> ParsedPlan:
    """The plan a document holds, with the office its header names; raises
    DocumentImportError (one Vietnamese line) for a document that is not a plan."""
    parsed = _Parser(document).parse()
    _office_units(parsed)
    return parsed


def _office_units(parsed: ParsedPlan) -> None:
    """A new office's units: the blocks under "Tổ chức thực hiện", each its own unit."""
    from cchc_desktop.core.model import find_role

    organisation = find_role(parsed.plan.sections, ItemRole.ORGANISATION)
    if organisation is None:
        return
    units: list[Unit] = []
    for block in organisation.children:
        name, request = unit_name_of(block.text)
        if not name or len(name) > 120:
            continue
        key = unit_key_for(name)
        if key and any(u.key == key for u in units):
            key = ""
        units.append(
            Unit(name=name, abbreviation=ABBREVIATIONS.get(key, ""), key=key, request=request)
        )
        block.unit_key = key
    parsed.office.units = units
