"""How offices name their usual units ("Phòng Văn hóa - Xã hội", "Trung tâm Phục vụ hành chính
công", …): a unit's name read from its block's heading and matched to the bundled template's
unit keys, for an imported plan and a template built from one."""

from __future__ import annotations

from cchc_desktop.core.model import Unit
from cchc_desktop.core.text import fold

# How communes name their usual units, as words to look for (folded): the bundled template's
# unit keys.
UNIT_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("vhxh", ("van hoa - xa hoi", "van hoa-xa hoi", "van hoa, xa hoi", "van hoa xa hoi")),
    ("hcc", ("phuc vu hanh chinh cong",)),
    ("vp", ("van phong hdnd", "van phong hđnd", "van phong ubnd", "van phong hoi dong")),
    ("kt", ("phong kinh te",)),
    ("dvsnc", ("su nghiep cong", "van hoa, the thao va truyen thong", "van hoa - the thao")),
    ("mttq", ("mat tran to quoc",)),
    ("doan", ("doan thanh nien", "doan tncs")),
)


def unit_name_of(text: str) -> tuple[str, bool]:
    """A unit's name from its block's heading ("Đề nghị …" asks a body it does not direct;
    "Phòng Kinh tế: Tham mưu …" names it before a colon)."""
    head = text.split("\n", 1)[0]
    if ":" in head and len(head.split(":", 1)[0]) < 90:
        head = head.split(":", 1)[0]
    head = head.strip().rstrip(".")
    if " và các " in head:  # "Ủy ban Mặt trận … xã và các tổ chức chính trị - xã hội"
        head = head.split(" và các ", 1)[0]
    request = head.lower().startswith("đề nghị ")
    if request:
        head = head[len("đề nghị ") :].strip()
    return head, request


def unit_key_for(name: str) -> str:
    """The usual unit a name is (its template key), "" when none."""
    words = fold(name).replace("đ", "d")
    for key, patterns in UNIT_WORDS:
        if any(p.replace("đ", "d") in words for p in patterns):
            return key
    return ""


def match_unit(name: str, units: list[Unit]) -> Unit | None:
    folded = fold(name)
    for unit in units:
        if fold(unit.name) == folded:
            return unit
    key = unit_key_for(name)
    if key:
        return next((u for u in units if u.key == key), None)
    return None


ABBREVIATIONS = {
    "vhxh": "VHXH", "hcc": "TTPVHCC", "vp": "VP", "kt": "KT", "dvsnc": "TTDVSNC", "mttq": "MTTQ",
    "doan": "ĐTN",
}  # fmt: skip
