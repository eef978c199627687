"""The appendix's task table as Word holds it: its columns recognised by their words in any
order (TT, Nội dung, Sản phẩm, Thời gian, Chủ trì, Phối hợp, Ghi chú), one or two header rows,
and its tasks — the title and its dash lines, a cell merged down, a row carried on from the
page before."""

from __future__ import annotations

import re
from collections.abc import Callable

from cchc_desktop.core.docsource import SourceParagraph, SourceTable
from cchc_desktop.core.model import AppendixColumn, Task
from cchc_desktop.core.text import fold

_COLUMN_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("number", ("tt", "stt", "so tt", "so thu tu")),
    ("supporting_units", ("phoi hop",)),
    ("lead_unit", ("chu tri", "don vi thuc hien", "co quan thuc hien")),
    ("start_text", ("trien khai", "bat dau")),
    ("finish_text", ("hoan thanh", "ket thuc", "thoi gian", "thoi han", "tien do")),
    ("output", ("san pham", "ket qua")),
    ("remarks", ("ghi chu",)),
    ("title", ("noi dung", "nhiem vu", "hoat dong", "cong viec", "ten")),
)


def _column_key(heading: str) -> str:
    words = fold(heading).strip(" .:")
    if words in ("tt", "stt", "so tt", "so thu tu"):
        return "number"
    for key, patterns in _COLUMN_WORDS[1:]:
        if any(p in words for p in patterns):
            return key
    # "Thực hiện", "Bộ phận thực hiện": who carries it out, once no other word said what
    # ("Nội dung thực hiện", "Tiến độ thực hiện", "Kết quả thực hiện" are said above)
    return "lead_unit" if "thuc hien" in words else ""


def task_columns(table: SourceTable) -> tuple[list[AppendixColumn], list[str]] | None:
    """The appendix columns a table's header names, and each grid column's task field; None
    for a table that is not a task table."""
    if table.columns < 3 or len(table.rows) < 2:
        return None
    count = header_rows(table)
    if count == 0:
        return None
    headings: list[tuple[str, str]] = []  # (group, heading) per grid column
    for column in range(table.columns):
        texts: list[str] = []
        for r in range(count):
            cell = table.cell_at(r, column)
            text = " ".join(cell.text.split()) if cell is not None and not cell.merged_above else ""
            if text and text not in texts:
                texts.append(text)
        if len(texts) >= 2:
            headings.append((texts[0], texts[-1]))
        else:
            headings.append(("", texts[0] if texts else ""))
    mapping: list[str] = []
    columns: list[AppendixColumn] = []
    used: set[str] = set()
    for group, heading in headings:
        key = _column_key(heading)
        if key == "" and heading and group:
            key = _column_key(group + " " + heading)
        if key in used or not heading:
            key = ""
        if not key and heading and "remarks" not in used:
            key = "remarks"  # a column of its own words: kept in the task's Ghi chú
        mapping.append(key)
        if key:
            used.add(key)
            columns.append(AppendixColumn(key, heading, group if group != heading else ""))
    if "title" not in used or ("number" not in used and len(used) < 3):
        return None
    return columns, mapping


def header_rows(table: SourceTable) -> int:
    """How many rows at the top of the table are its header: those marked to repeat on each
    page, or naming two columns or more, and a second row of short column names ("Triển
    khai", "Hoàn thành") under the first."""
    count = 0
    for r, row in enumerate(table.rows[:3]):
        texts = [c.text.replace("\n", " ") for c in row.cells if not c.merged_above and c.text]
        keys = [_column_key(t) for t in texts]
        named = sum(1 for k in keys if k)
        short = bool(texts) and all(len(t) < 40 and not t.startswith(("-", "+")) for t in texts)
        numbers = any(re.fullmatch(r"\(?\d{1,3}\)?\.?", t) for t in texts)
        if (
            row.header
            or named >= 2
            or (r == count == 1 and short and named == len(texts) and not numbers)
        ):
            count = r + 1
            continue
        break
    return count


def _is_repeated_header(texts: dict[str, str], mapping: list[str]) -> bool:
    keys = [k for k, v in texts.items() if v and _column_key(v) == k]
    return len(keys) >= 2


def title_and_details(paragraphs: list[SourceParagraph]) -> tuple[str, list[str]]:
    title: list[str] = []
    details: list[str] = []
    for p in paragraphs:
        for line in p.lines():
            if line.startswith(("-", "–", "+", "•")) and (title or details):
                details.append(_detail(line))
            elif details:
                details[-1] = f"{details[-1]}\n{line}"
            else:
                title.append(line)
    return "\n".join(title), details


def _details(paragraphs: list[SourceParagraph], *, continuing: bool) -> list[str]:
    details: list[str] = []
    for p in paragraphs:
        for line in p.lines():
            if line.startswith(("-", "–", "+", "•")) or not details:
                details.append(_detail(line))
            else:
                details[-1] = f"{details[-1]}\n{line}"
    return details


def _detail(line: str) -> str:
    if line.startswith("+"):
        return "+ " + line[1:].strip()
    if line.startswith(("-", "–", "•")):
        return line[1:].strip()
    return line


def read_tasks(
    table: SourceTable, mapping: list[str], before: list[Task], warn: Callable[[str], None]
) -> list[Task]:
    """The tasks of one table of the appendix: a row without a number carries on the task
    above it (``before`` holds the earlier tables' tasks), a cell merged down repeats the text
    above, a row numbering the columns or repeating the header is skipped."""
    tasks: list[Task] = []
    skip = header_rows(table)
    above: dict[str, str] = {}  # the row above's texts: a cell merged down repeats them
    for r in range(skip, len(table.rows)):
        cells: dict[str, list[SourceParagraph]] = {}
        merged: dict[str, str] = {}
        spanned = False  # a cell runs over the next column: a group row when nothing else
        for column, key in enumerate(mapping):
            cell = table.cell_at(r, column)
            if not key or cell is None:
                continue
            if cell.column != column:
                spanned = True
                continue
            if cell.merged_above and key not in ("number", "title"):
                merged[key] = above.get(key, "")
            cells.setdefault(key, []).extend(p for p in cell.paragraphs if p.clean)
        texts = {k: "\n".join(p.clean for p in v) for k, v in cells.items()}
        above = {**texts, **merged}
        texts.update({k: v for k, v in merged.items() if v and not texts.get(k)})
        if not any(texts.values()):
            continue
        number = texts.get("number", "")
        if (
            re.fullmatch(r"\(?\d{1,2}\)?", number)
            and all(re.fullmatch(r"\(?\d{1,2}\)?|", v) for v in texts.values())
            and len([v for v in texts.values() if v]) > 2
        ):
            warn("Bỏ dòng đánh số cột (1), (2), (3)… của bảng phụ lục.")
            continue
        if _is_repeated_header(texts, mapping):
            continue
        title_paragraphs = cells.get("title", [])
        others = {k: v for k, v in texts.items() if k not in ("number", "title") and v}
        if not others and (
            spanned or (number and not re.match(r"^\d", number) and title_paragraphs)
        ):  # "I | TUYÊN TRUYỀN TRÊN BÁO CHÍ", or one cell across the table
            group = " ".join(v for v in (number, texts.get("title", "")[:50]) if v)
            warn(f"Bỏ dòng nhóm «{group}» trong bảng phụ lục (chưa giữ được dòng nhóm).")
            continue
        previous = tasks[-1] if tasks else (before[-1] if before else None)
        if not number and previous is not None and not others and title_paragraphs:
            previous.details.extend(_details(title_paragraphs, continuing=True))
            continue
        title, details = title_and_details(title_paragraphs)
        task = Task(title=title, details=details)
        for key, value in others.items():
            setattr(task, key, value)
        if number and not re.fullmatch(r"\d{1,3}\.?", number):
            warn(f"Số thứ tự «{number}» của nhiệm vụ «{title[:40]}» sẽ in lại theo thứ tự.")
        tasks.append(task)
    return tasks
