"""Render a cover-letter check (``amfit letter``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lint import LEVEL_COLOR
from .style import Style
from .style import wrap as _wrap

if TYPE_CHECKING:  # pragma: no cover
    from ..model import LetterReport

ELEMENT_LABELS = {
    "opening_decision": "opening decision with a typed retention figure",
    "book_and_segment": "book and segment",
    "qbr_story": "QBR/EBR story",
    "expansion_outcome": "expansion as the customer's outcome",
    "honest_loss": "honest loss and the change after it",
    "next_step_close": "closing that proposes a next step",
}


def render_letter_text(report: LetterReport, *, color: bool = False) -> str:
    s = Style(color)
    lo, hi = report.band
    out = [s(f'{report.source}: cover letter for "{report.posting_title or "?"}"', "bold")]
    status = "ok" if lo <= report.words <= hi else "outside the band"
    out.append(
        f"  {report.words} words ({lo}-{hi} for a {report.seniority}-level role: {status}), "
        f"{report.paragraphs} paragraphs"
    )
    title = "used exactly" if report.title_exact else "not used"
    if report.other_titles:
        title += f"; also names {', '.join(report.other_titles)}"
    out += _wrap(f"posting title: {title}", "    ", "  ")
    out.append("")
    out.append(s("Strong-letter elements", "bold"))
    for key, label in ELEMENT_LABELS.items():
        mark = "[x]" if report.elements.get(key) else "[ ]"
        out.append(f"  {mark} {label}")
    if report.findings:
        out.append("")
        out.append(s(f"Findings ({len(report.findings)})", "bold"))
        for f in report.findings:
            where = f"line {f.line}" if f.line else "letter"
            head = f"  {f.code} {s(f.severity, LEVEL_COLOR[f.severity])} {where}: "
            out += _wrap(f"{f.message} [{f.name}]", " " * 6, head)
            if f.quote and f.line:
                quote = f.quote if len(f.quote) <= 140 else f.quote[:137] + "..."
                out += _wrap(f'in: "{quote}"', " " * 10, " " * 6)
            out += _wrap(f"instead: {f.hint}", " " * 15, " " * 6)
    return "\n".join(out) + "\n"


def render_letter_markdown(report: LetterReport) -> str:
    lo, hi = report.band
    out = [
        f"# amfit cover-letter check: `{report.source}`",
        "",
        f"- Posting title: {report.posting_title or '?'} "
        f"({'used exactly' if report.title_exact else 'not used'})",
        f"- Words: {report.words} (band {lo}-{hi}, {report.seniority}-level)",
        "",
        "## Strong-letter elements",
        "",
    ]
    for key, label in ELEMENT_LABELS.items():
        out.append(f"- [{'x' if report.elements.get(key) else ' '}] {label}")
    if report.findings:
        out += ["", "## Findings", ""]
        for f in report.findings:
            where = f"line {f.line}" if f.line else "letter"
            out.append(f"- `{f.code}` {f.severity} ({where}): {f.message}. *Instead:* {f.hint}")
    return "\n".join(out) + "\n"
