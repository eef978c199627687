"""The selected plan as rich text for the main window's read-only preview."""

from __future__ import annotations

from html import escape

from cchc_desktop.core.model import Office, Plan
from cchc_desktop.core.outline import Block, Role, plan_blocks

_STYLE = """
<style>
  p { margin: 0 0 4px 0; }
  .c { text-align: center; }
  .j { text-align: justify; }
  .b { font-weight: bold; }
  .i { font-style: italic; }
  td { vertical-align: top; }
</style>
"""


def _p(text: str, classes: str = "j", indent: int = 0) -> str:
    margin = f' style="margin-left: {indent * 20}px"' if indent else ""
    return f'<p class="{classes}"{margin}>{escape(text)}</p>'


def plan_html(plan: Plan, office: Office) -> str:
    """Header in two columns, the body numbered as it prints, signature beside recipients."""
    blocks = list(plan_blocks(plan, office))
    by_role: dict[Role, list[Block]] = {}
    for block in blocks:
        by_role.setdefault(block.role, []).append(block)

    def lines(role: Role, classes: str) -> str:
        return "".join(_p(b.text, classes) for b in by_role.get(role, []))

    out = [_STYLE, '<table width="100%" cellspacing="0"><tr><td width="40%">']
    out.append(lines(Role.ISSUER, "c b") + lines(Role.NUMBER, "c"))
    out.append('</td><td width="60%">')
    out.append(_p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "c b"))
    out.append(_p("Độc lập - Tự do - Hạnh phúc", "c b"))
    out.append(lines(Role.DATE_LINE, "c i"))
    out.append("</td></tr></table><br>")
    out.append(lines(Role.DOC_TYPE, "c b") + lines(Role.SUMMARY, "c b") + "<br>")
    out.append(lines(Role.BASIS, "j i") + lines(Role.PREAMBLE, "j"))
    for block in blocks:
        if block.role is Role.HEADING:
            out.append(_p(block.text, "j b"))
        elif block.role is Role.BODY:
            out.append(_p(block.text, "j", max(block.depth - 1, 0)))
        elif block.role is Role.CLOSING:
            out.append(_p(block.text, "j"))
    out.append('<br><table width="100%"><tr><td width="50%">')
    recipients = by_role.get(Role.RECIPIENT, [])
    if recipients:
        out.append(_p(recipients[0].text, "b i"))
        out.extend(f'<p style="font-size: 11pt">{escape(r.text)}</p>' for r in recipients[1:])
    out.append('</td><td width="50%">')
    out.append(lines(Role.SIGNATURE, "c b") + "<br><br><br>" + lines(Role.SIGNER, "c b"))
    out.append("</td></tr></table>")
    appendix = by_role.get(Role.APPENDIX_TITLE, [])
    if appendix:
        out.append("<hr>" + "".join(_p(b.text, "c b") for b in appendix))
        out.extend(_p(b.text, "j") for b in by_role.get(Role.TASK, []))
    return "".join(out)
