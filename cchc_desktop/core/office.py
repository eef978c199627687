"""How an office names itself: in the header, in the text, on the date line, in its symbols
and signature — the usual wording for its kind, unless the officer typed its own."""

from __future__ import annotations

import re

from cchc_desktop.core.model import Office, OfficeKind, Signer
from cchc_desktop.core.text import ascii_fold, capitalise_first, vn_upper
from cchc_desktop.core.textwidth import text_width_cm

COMMITTEE = "Ủy ban nhân dân"

# The head of an agency, and the deputy who signs for them (KT.).
_HEADS = {
    OfficeKind.SO: ("GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"),
    OfficeKind.TRUNG_TAM: ("GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"),
    OfficeKind.BAN: ("TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"),
    OfficeKind.PHONG: ("TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG"),
    OfficeKind.VAN_PHONG: ("CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"),
}
_COMMUNE_HEADS = ("CHỦ TỊCH", "PHÓ CHỦ TỊCH")
_COLLECTIVE = "TM. ỦY BAN NHÂN DÂN"


def full_name(office: Office) -> str:
    """ "xã Quyết Thắng", "Sở Khoa học và Công nghệ" """
    if office.kind.is_commune:
        return f"{office.kind.value} {office.name}".strip()
    return f"{office.kind.capitalised} {office.name}".strip()


def formal_name(office: Office) -> str:
    """The issuer as a sentence names it in full: "Ủy ban nhân dân xã Quyết Thắng",
    "Sở Khoa học và Công nghệ"."""
    if office.kind.is_commune:
        return f"{COMMITTEE} {full_name(office)}"
    return full_name(office)


def self_name(office: Office) -> str:
    """How the plan's text calls the office: "Ủy ban nhân dân xã", "Sở"."""
    if office.self_name.strip():
        return office.self_name.strip()
    if office.kind.is_commune:
        return f"{COMMITTEE} {office.kind.value}"
    return office.kind.capitalised


def scope(office: Office) -> str:
    """Where the plan applies: "trên địa bàn xã", "tại Sở và các đơn vị trực thuộc"."""
    if office.scope.strip():
        return office.scope.strip()
    if office.kind.is_commune:
        return f"trên địa bàn {office.kind.value}"
    return f"tại {office.kind.capitalised} và các đơn vị trực thuộc"


def short_kind(office: Office) -> str:
    """The kind alone, as text uses it for the office's own area: "xã", "Sở"."""
    return office.kind.value if office.kind.is_commune else office.kind.capitalised


def place(office: Office) -> str:
    """The place on the date line: the commune's own name, or the city of an agency
    ("Hải Phòng"); a place the officer typed wins."""
    if office.place_name.strip():
        return office.place_name.strip()
    if office.kind.is_commune:
        return office.name.strip()
    return re.sub(r"^(thành phố|tỉnh)\s+", "", office.province.strip(), flags=re.IGNORECASE)


def governing_lines(office: Office) -> list[str]:
    """The governing body above an agency's name, regular capitals (none for a commune)."""
    if office.kind.is_commune or not office.governing_body.strip():
        return []
    return split_line(vn_upper(office.governing_body.strip()), bold=False)


# A header line wider than this is split in two: the left column of the header is at most
# 7.15 cm, beside the 9.7 cm the national title needs (documents/layout.py).
ISSUER_LINE_MAX_CM = 7.1


def issuer_lines(office: Office) -> list[str]:
    """The office's name in the header, bold capitals, one or more lines: "ỦY BAN NHÂN DÂN" /
    "XÃ QUYẾT THẮNG"; "SỞ KHOA HỌC VÀ CÔNG NGHỆ". Lines typed by the officer are kept."""
    typed = [line.strip() for line in office.header_lines if line.strip()]
    if typed:
        return [vn_upper(line) for line in typed]
    if office.kind.is_commune:
        return [vn_upper(COMMITTEE), vn_upper(full_name(office))]
    return split_line(vn_upper(full_name(office)))


def split_line(
    text: str, *, bold: bool = True, size: float = 13, max_cm: float = ISSUER_LINE_MAX_CM
) -> list[str]:
    """A name too wide for the header's column, broken into two balanced lines."""
    if text_width_cm(text, size, bold=bold) <= max_cm:
        return [text]
    words = text.split()
    best: list[str] = [text]
    best_width = float("inf")
    for cut in range(1, len(words)):
        lines = [" ".join(words[:cut]), " ".join(words[cut:])]
        width = max(text_width_cm(line, size, bold=bold) for line in lines)
        if width < best_width:
            best, best_width = lines, width
    return best


def symbol(office: Office) -> str:
    """The office's part of a document symbol: "UBND" for a committee; an agency's initials
    ("SKHCN" for Sở Khoa học và Công nghệ, "and" left out)."""
    if office.kind.is_commune:
        return "UBND"
    words = [w for w in re.split(r"[\s,\-]+", ascii_fold(full_name(office))) if w]
    return "".join(w[0].upper() for w in words if w.lower() != "va")


def number_suffix(office: Office, doc: str = "KH") -> str:
    """ "KH-UBND", "BC-SKHCN": the office's own suffix for a plan, or the usual one."""
    if doc == "KH" and office.number_suffix.strip():
        return office.number_suffix.strip()
    own = office.number_suffix.strip()
    if own.startswith("KH-"):
        return f"{doc}-{own[3:]}"
    return f"{doc}-{symbol(office)}"


def head_titles(office: Office) -> tuple[str, str]:
    """The head's title and the deputy's: ("CHỦ TỊCH", "PHÓ CHỦ TỊCH"), ("GIÁM ĐỐC", …)."""
    if office.kind.is_commune:
        return _COMMUNE_HEADS
    return _HEADS.get(office.kind, ("GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"))


def signature_forms(office: Office) -> list[tuple[str, list[str]]]:
    """The usual forms of the signature block for the office (Decree 30: TM., KT., Q., TL.,
    TUQ. or the head alone), each with a short name for a list."""
    head, deputy = head_titles(office)
    if office.kind.is_commune:
        return [
            ("Phó Chủ tịch ký thay Chủ tịch, thay mặt UBND", [_COLLECTIVE, f"KT. {head}", deputy]),
            ("Chủ tịch ký, thay mặt UBND", [_COLLECTIVE, head]),
            ("Phó Chủ tịch ký thay Chủ tịch", [f"KT. {head}", deputy]),
            ("Chủ tịch ký", [head]),
            ("Quyền Chủ tịch ký, thay mặt UBND", [_COLLECTIVE, f"Q. {head}"]),
            ("Chánh Văn phòng ký thừa lệnh", [f"TL. {head}", "CHÁNH VĂN PHÒNG"]),
        ]
    name = capitalise_first(head.lower())
    return [
        (f"Phó {head.lower()} ký thay {head.lower()}", [f"KT. {head}", deputy]),
        (f"{name} ký", [head]),
        (f"Quyền {head.lower()} ký", [f"Q. {head}"]),
        (f"Chánh Văn phòng ký thừa lệnh {head.lower()}", [f"TL. {head}", "CHÁNH VĂN PHÒNG"]),
        (f"Chánh Văn phòng ký thừa ủy quyền {head.lower()}", [f"TUQ. {head}", "CHÁNH VĂN PHÒNG"]),
    ]


def default_signer(office: Office | None = None) -> Signer:
    """The usual signature: a deputy signing for the head (for a commune, on behalf of the
    committee); the office's last signer when it has one."""
    if office is not None and office.signers:
        first = office.signers[0]
        return Signer(first.name, list(first.authority_lines))
    if office is None:
        return Signer("", [_COLLECTIVE, f"KT. {_COMMUNE_HEADS[0]}", _COMMUNE_HEADS[1]])
    return Signer("", list(signature_forms(office)[0][1]))


def typical_recipients(office: Office) -> list[str]:
    """A starting "Nơi nhận" list for an office without one."""
    if office.kind.is_commune:
        return []
    return [
        f"{capitalise_first(office.governing_body.strip() or 'Ủy ban nhân dân ' + office.province)} (để báo cáo)",
        "Sở Nội vụ",
        "Lãnh đạo " + office.kind.capitalised,
        "Các phòng, đơn vị thuộc " + office.kind.capitalised,
        "Lưu: VT, VP.",
    ]
