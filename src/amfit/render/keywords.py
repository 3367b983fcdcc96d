"""Render what a posting asks for (``amfit keywords``)."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from .text import TIER_TITLE

if TYPE_CHECKING:  # pragma: no cover
    from ..model import Ask, PostingAnalysis


def _ask_line(a: Ask) -> str:
    """One place a keyword is asked, and how: the taxonomy form or shape it
    matched ("shape: grow ~ installed base")."""
    same = not a.form or a.form.lower() == a.text.lower() or a.how == "tfidf"  # a stem key
    how = a.how if same else f"{a.how}: {a.form}"
    return f'asked: line {a.line} ({a.section}, {a.signal}) "{a.text}" [{how}]'


def render_keywords(
    analysis: PostingAnalysis, *, markdown: bool = False, explain: bool = False
) -> str:
    p = analysis.posting
    title = p.title or "no title found"
    family = f" (family: {analysis.title_family})" if analysis.title_family else ""
    out = [f"# {title}{family}" if markdown else f"{title}{family}"]
    out.append(f"{'- ' if markdown else ''}source: {analysis.source}")
    if p.sections:
        secs = ", ".join(f"{s.heading} [{s.kind}, line {s.line}]" for s in p.sections)
        if markdown:
            out.append(f"- sections: {secs}")
        else:
            out += textwrap.wrap(f"sections: {secs}", width=80, subsequent_indent="  ")
    else:
        out.append(f"{'- ' if markdown else ''}sections: none found (tiers from the taxonomy)")
    for tier in ("must", "nice", "term"):
        group = [k for k in analysis.keywords if k.tier == tier]
        if not group:
            continue
        out.append("")
        out.append(
            f"## {TIER_TITLE[tier]} ({len(group)})"
            if markdown
            else f"{TIER_TITLE[tier]} ({len(group)})"
        )
        for k in group:
            lines = ", ".join(str(a.line) for a in k.asks[:6])
            more = "" if len(k.asks) <= 6 else f" +{len(k.asks) - 6}"
            head = f"{k.label} (lines {lines}{more})"
            out.append(
                f"- {head}: {k.tier_reason}" if markdown else f"  {head}\n      {k.tier_reason}"
            )
            if explain:
                pad = "  - " if markdown else "      "
                out += [pad + _ask_line(a) for a in k.asks]
    return "\n".join(out) + "\n"
