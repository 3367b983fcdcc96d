"""Markdown gap report, for sharing."""

from __future__ import annotations

from ..model import Report
from .text import COMPONENT_LABEL, OTHER_ROLE_NOTE, TIER_TITLE

STATUS = {"found": "found", "partial": "listed only", "missing": "**missing**"}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(report: Report, *, explain: bool = False) -> str:
    r = report
    out = [
        "# amfit gap report",
        "",
        f"- Resume: `{_cell(r.resume.source)}` ({_cell(r.resume.title or 'no title found')})",
        f"- Posting: `{_cell(r.posting.source)}` ({_cell(r.posting.title or 'no title found')})",
        f"- **Fit score: {r.score:.0f}/100**",
        f"- ATS-literal match: {r.ats_literal.rate * 100:.0f}% "
        f"({r.ats_literal.matched} of {r.ats_literal.total} keywords as the posting writes them)",
        f'- Title fit: {r.title_fit.level} ("{_cell(r.title_fit.resume_title or "?")}" vs '
        f'"{_cell(r.title_fit.posting_title or "?")}")',
        "",
        "## Score breakdown",
        "",
        "| Component | Found | Coverage | Weight | Points |",
        "|---|---:|---:|---:|---:|",
    ]
    for c in r.components:
        found = f"{c.found}/{c.items}" if c.name != "title" else r.title_fit.level
        out.append(
            f"| {COMPONENT_LABEL[c.name]} | {found} | {c.coverage * 100:.0f}% | "
            f"{c.weight * 100:.0f}% | {c.points:.1f} |"
        )
    note = r.scaling_note()
    if note:
        out += ["", f"Points: {note}."]
    todo = r.edits()
    if todo or r.hold is not None:
        out += ["", "## What to add"]
    if r.hold is not None:
        note = r.hold_note()
        out += ["", f"**{note[0].upper()}{note[1:]}.**"]
    if todo:
        out += [
            "",
            "| Points | Keyword | Tier | Status | Where |",
            "|---:|---|---|---|---|",
        ]
        for k in todo:
            p = k.placement
            where = ""
            if p is not None:
                where = f"{p.section}" + (f", line {p.line}" if p.line else "")
                if p.text:
                    where += f': "{_cell(p.text)}"'
                where += f" ({_cell(p.reason)})"
            out.append(
                f"| +{k.points:.1f} | {_cell(k.label)} | {k.tier} | {STATUS[k.status]} | {where} |"
            )
    for tier in ("must", "nice", "term"):
        group = [k for k in r.keywords if k.tier == tier]
        if not group:
            continue
        out += [
            "",
            f"## {TIER_TITLE[tier]}",
            "",
            "| Keyword | Status | Resume | Why asked |",
            "|---|---|---|---|",
        ]
        for k in group:
            resume = ""
            if k.evidence:
                e = k.evidence[0]
                resume = f'line {e.line}, {e.how} "{_cell(e.text)}"'
                if explain:
                    resume += f", strength {e.strength:.2f}"
                    if e.how == "fuzzy":
                        resume += f", ratio {e.match_score:.0f}"
            why = k.tier_reason
            if explain and k.tfidf_weight is not None:
                why += f" (TF-IDF {k.tfidf_weight:.2f})"
            status = STATUS[k.status] + (" (another role's ask)" if k.other_role else "")
            out.append(f"| {_cell(k.label)} | {status} | {resume} | {_cell(why)} |")
    if any(k.other_role for k in r.keywords):
        out += ["", f"*{OTHER_ROLE_NOTE[0].upper()}{OTHER_ROLE_NOTE[1:]}.*"]
    if r.lint is not None and r.lint.findings():
        from .lint import markdown_findings, summary_line

        out += ["", "## Bullet findings", "", summary_line(r.lint), ""]
        out += markdown_findings(r.lint)
    if r.checks is not None:
        from .checks import markdown_lines

        out += markdown_lines(r.checks)
    if r.warnings:
        out += ["", "## Warnings", ""] + [f"- {_cell(w)}" for w in r.warnings]
    return "\n".join(out) + "\n"
