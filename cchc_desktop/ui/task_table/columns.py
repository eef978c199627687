"""The task table's columns: key, Vietnamese header, width, alignment, whether it is edited in
place, and what it sorts by."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class Col(IntEnum):
    NUMBER = 0
    TITLE = 1
    OUTPUT = 2
    START = 3
    FINISH = 4
    LEAD = 5
    SUPPORT = 6
    STATUS = 7
    RESULTS = 8
    DUE = 9


@dataclass(frozen=True, slots=True)
class Column:
    key: Col
    header: str
    width: int  # pixels at the default font; the user may resize
    tooltip: str
    field: str = ""  # the Task field edited in place; empty: read-only
    centred: bool = False


COLUMNS: tuple[Column, ...] = (
    Column(Col.NUMBER, "TT", 36, "Số thứ tự trong phụ lục", centred=True),
    Column(Col.TITLE, "Nhiệm vụ", 250, "Nội dung nhiệm vụ", "title"),
    Column(Col.OUTPUT, "Sản phẩm", 100, "Sản phẩm", "output"),
    Column(Col.START, "Triển khai", 80, "Thời gian triển khai, như ghi trong phụ lục", "start_text"),
    Column(Col.FINISH, "Hoàn thành", 90, "Thời gian hoàn thành, như ghi trong phụ lục", "finish_text"),
    Column(Col.LEAD, "Chủ trì", 130, "Cơ quan chủ trì", "lead_unit"),
    Column(Col.SUPPORT, "Phối hợp", 130, "Cơ quan phối hợp", "supporting_units"),
    Column(Col.STATUS, "Trạng thái", 150, "Trạng thái thực hiện; «quá hạn» tính theo hạn và ngày hôm nay", "status"),
    Column(Col.RESULTS, "Kết quả", 120, "Kết quả đạt được, ví dụ «18 tin; 6 bài»", "results"),
    Column(Col.DUE, "Hạn", 86, "Hạn hoàn thành, suy ra từ thời gian hoàn thành", centred=True),
)  # fmt: skip

assert [c.key for c in COLUMNS] == list(Col)

# The order on screen until the officer drags columns: what tracking needs next to the task,
# the appendix's own columns after (the "Văn bản" tab shows the appendix as printed).
VISUAL_ORDER = (
    Col.NUMBER, Col.TITLE, Col.STATUS, Col.RESULTS, Col.DUE,
    Col.LEAD, Col.SUPPORT, Col.OUTPUT, Col.START, Col.FINISH,
)  # fmt: skip
assert sorted(VISUAL_ORDER) == list(Col)
