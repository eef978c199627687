"""Vietnamese typed in the old 8-bit encodings — TCVN3 (ABC, fonts ".VnTime", ".VnTimeH") and
VNI (fonts "VNI-Times", …) — recognised and converted to Unicode (NFC).

A .doc typed with such a font keeps the font's bytes, which Word reads as Windows-1252
characters: "KÕ ho¹ch" is "Kế hoạch" in .VnTime, "Keá hoaïch" in VNI-Times. The font names
say which encoding a run uses; text without a font (pasted) is recognised by its characters.
"""

from __future__ import annotations

import re
import unicodedata

TCVN3 = "TCVN3"
VNI = "VNI"

# TCVN3 (ABC): one byte per letter; capitals with a tone only exist in the "H" fonts, which
# draw the small letters' codes as capitals.
_TCVN3_PAIRS = (
    "àµ á¸ ả¶ ã· ạ¹ ă¨ ằ» ắ¾ ẳ¼ ẵ½ ặÆ â© ầÇ ấÊ ẩÈ ẫÉ ậË đ® èÌ éÐ ẻÎ ẽÏ ẹÑ êª ềÒ ếÕ ểÓ ễÔ ệÖ "
    "ì× íÝ ỉØ ĩÜ ịÞ òß óã ỏá õâ ọä ô« ồå ốè ổæ ỗç ộé ơ¬ ờê ớí ởë ỡì ợî ùï úó ủñ ũò ụô "
    "ư\u00ad ừõ ứø ửö ữ÷ ựù ỳú ýý ỷû ỹü ỵþ Ă¡ Â¢ Đ§ Ê£ Ô¤ Ơ¥ Ư¦"
)
_TCVN3_MAP = {pair[1]: pair[0] for pair in _TCVN3_PAIRS.split(" ")}
_TCVN3_TABLE = str.maketrans(_TCVN3_MAP)
# Characters only TCVN3 text is made of (never in Unicode Vietnamese prose): the sign of it.
_TCVN3_SIGNS = frozenset("¡¢£¤¥¦§¨©ª¬\u00ad®µ¶·¸¹¼¾ÆÇÈÉËÌÎÏÐÑÒÓÔÕÖ×ØÜÝÞß")

# VNI: a base letter followed by a mark character.
_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_CIRCUMFLEX = {"â": "", "á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
_BREVE = {"ê": "", "é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}
_VNI_SINGLE = {
    "ô": "ơ", "ö": "ư", "ñ": "đ", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ",
    "Ô": "Ơ", "Ö": "Ư", "Ñ": "Đ", "Æ": "Ỉ", "Ó": "Ĩ", "Ò": "Ị", "Î": "Ỵ",
}  # fmt: skip


def _vni_pairs() -> dict[str, str]:
    pairs: dict[str, str] = {}

    def add(base: str, mark: str, combining: str) -> None:
        for b, m in ((base, mark), (base.upper(), mark.upper())):
            pairs[b + m] = unicodedata.normalize("NFC", b + combining)
            pairs[b + m.swapcase()] = pairs[b + m]

    for base in "aeouy":
        for mark, tone in _TONES.items():
            add(base, mark, tone)
    for base in "aeo":
        for mark, tone in _CIRCUMFLEX.items():
            add(base, mark, "\u0302" + tone)
    for mark, tone in _BREVE.items():
        add("a", mark, "\u0306" + tone)
    for vni, horn in (("ô", "ơ"), ("ö", "ư")):
        for mark, tone in _TONES.items():
            for v, h, m in ((vni, horn, mark), (vni.upper(), horn.upper(), mark.upper())):
                pairs[v + m] = unicodedata.normalize("NFC", h + tone)
                pairs[v + m.swapcase()] = pairs[v + m]
    return pairs


_VNI_PAIRS = _vni_pairs()
_VNI_TOKEN = re.compile(
    "|".join(sorted((re.escape(k) for k in _VNI_PAIRS), key=len, reverse=True))
    + "|["
    + "".join(_VNI_SINGLE)
    + "]"
)
_VNI_SIGN = re.compile("[aeouyAEOUYôöÔÖ][ùøûõïâáàåãäêéèúüëÙØÛÕÏÂÁÀÅÃÄÊÉÈÚÜË]")

# Letters that only Unicode Vietnamese has (precomposed with a tone, or ă đ ơ ư ĩ ũ).
_UNICODE_VIETNAMESE = re.compile("[\u1ea0-\u1ef9ăĂđĐơƠưƯĩĨũŨ]")


def font_encoding(font: str) -> str:
    """The legacy encoding a font name implies: ".VnTime" → TCVN3, "VNI-Times" → VNI, else ""."""
    name = font.strip().lower()
    if name.startswith(".vn"):
        return TCVN3
    if name.startswith("vni"):
        return VNI
    return ""


def capital_font(font: str) -> bool:
    """A TCVN3 capitals font (".VnTimeH", ".VnArialH"): its small letters print as capitals."""
    name = font.replace(" ", "")
    return name.lower().startswith(".vn") and name.endswith("H")


def tcvn3_to_unicode(text: str, *, capitals: bool = False) -> str:
    out = text.translate(_TCVN3_TABLE)
    return unicodedata.normalize("NFC", out.upper() if capitals else out)


def vni_to_unicode(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        return _VNI_PAIRS.get(token) or _VNI_SINGLE.get(token, token)

    return unicodedata.normalize("NFC", _VNI_TOKEN.sub(replace, text))


def to_unicode(text: str, encoding: str, *, capitals: bool = False) -> str:
    """Text of a legacy encoding in Unicode; other text unchanged (but NFC)."""
    if encoding == TCVN3:
        return tcvn3_to_unicode(text, capitals=capitals)
    if encoding == VNI:
        return vni_to_unicode(text)
    return unicodedata.normalize("NFC", text)


def detect(text: str) -> str:
    """The legacy encoding text seems typed in, from its characters alone; "" for Unicode or
    plain ASCII. Unicode Vietnamese has letters neither encoding can hold, so any of those
    means Unicode."""
    if _UNICODE_VIETNAMESE.search(text):
        return ""
    tcvn = sum(1 for c in text if c in _TCVN3_SIGNS)
    vni = len(_VNI_SIGN.findall(text)) + text.count("ñ") + text.count("Ñ")
    if tcvn >= 2 and tcvn >= vni:
        return TCVN3
    if vni >= 2:
        return VNI
    return ""


def convert_pasted(text: str) -> str:
    """What an officer pastes: converted when it is in a legacy encoding, always NFC."""
    return to_unicode(text, detect(text))
