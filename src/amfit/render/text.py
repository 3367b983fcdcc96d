"""Plain-text report for an 80-column terminal."""

from __future__ import annotations

from ..fit.weights import ask_weight
from ..model import KeywordResult, Report
from .style import Style
from .style import wrap as _wrap

MARK = {"found": "[x]", "partial": "[~]", "missing": "[ ]"}
COLOR = {"found": "green", "partial": "yellow", "missing": "red"}
COMPONENT_LABEL = {
    "must": "must-have keywords",
    "nice": "nice-to-have keywords",
    "terms": "posting-specific terms",
    "title": "role fit",
}
TIER_TITLE = {"must": "Must-have", "nice": "Nice-to-have", "term": "Posting-specific terms"}


#: Said once under the keyword tables when a row is another role's ask.
OTHER_ROLE_NOTE = (
    "another role's ask: a hunting ask (new logos, prospecting, leading reps) this "
    "account-management resume does not show; it marks the posting as another kind "
    "of job (see Role fit), so it is no edit to make"
)


def _where(k: KeywordResult) -> str:
    if k.status == "found" or k.status == "partial":
        e = k.evidence[0]
        place = "bullet" if e.in_bullet else e.section
        return f"{place}, line {e.line} ({e.how})"
    return "missing: another role's ask" if k.other_role else "missing"


def _explain(k: KeywordResult, resume_lean: float | None = None) -> list[str]:
    lines: list[str] = []
    for a in k.asks[:3]:
        lines.append(f'asked: line {a.line} ({a.section}) "{a.text}" [{a.how}]')
    for e in k.evidence[:3]:
        detail = f"{e.how}"
        if e.how == "fuzzy":
            detail += f" {e.match_score:.0f}"
        if e.form.lower() != e.text.lower():
            detail += f' of "{e.form}"'
        lines.append(
            f"resume: line {e.line} ({'bullet' if e.in_bullet else e.section}) "
            f'"{e.text}" {detail}, strength {e.strength:.2f}'
        )
    if k.tfidf_weight is not None:
        lines.append(f"TF-IDF weight {k.tfidf_weight:.2f}")
    elif k.source == "taxonomy":
        lines.append(ask_weight(k.id, k.category, resume_lean, k.strength)[1])
    lines.append(f"tier: {k.tier_reason}")
    return lines


def render_text(
    report: Report, *, color: bool = False, explain: bool = False, bullets: bool = False
) -> str:
    s = Style(color)
    out: list[str] = []
    lean = report.role_fit.resume_lean if report.role_fit is not None else None
    out.append(s(f"amfit {report.amfit_version}: fit report", "bold"))
    resume, posting = report.resume, report.posting
    out += _wrap(f"resume:  {resume.source} ({resume.title or 'no title found'})", " " * 9, "")
    out += _wrap(f"posting: {posting.source} ({posting.title or 'no title found'})", " " * 9, "")
    out.append("")
    lit = report.ats_literal
    out.append(
        s(f"Fit score: {report.score:.0f}/100", "bold")
        + f"   ATS-literal match: {lit.rate * 100:.0f}% ({lit.matched} of {lit.total} as written)"
    )
    out.append("")
    out.append(f"  {'component':<26}{'found':>9}{'coverage':>10}{'weight':>8}{'points':>8}")
    for c in report.components:
        found = f"{c.found}/{c.items}" if c.name != "title" else report.title_fit.level
        out.append(
            f"  {COMPONENT_LABEL[c.name]:<26}{found:>9}{c.coverage * 100:>9.0f}%"
            f"{c.weight * 100:>7.0f}%{c.points:>8.1f}"
        )
    note = report.scaling_note()
    if note:
        out += _wrap(f"Points: {note}.", "  ", "  ")
    t = report.title_fit
    out.append("")
    out += _wrap(
        f'Title fit: {t.level} - resume "{t.resume_title or "?"}" vs posting '
        f'"{t.posting_title or "?"}"' + (f" ({t.reason})" if t.reason else ""),
        "  ",
    )
    if report.role_fit is not None:
        out += _wrap(f"Role fit: {report.role_fit.reason}", "  ", "  ")
    top = [k for k in report.keywords if k.id in report.top_edits]
    if top:
        out.append("")
        out.append(s("Top edits", "bold"))
        for k in sorted(top, key=lambda k: report.top_edits.index(k.id)):
            p = k.placement
            where = f" -> {p.section}" + (f" line {p.line}" if p and p.line else "") if p else ""
            out += _wrap(f'+{k.points:.1f}  add "{k.label}"{where}', " " * 8, "  ")
    if report.hold is not None:
        if not top:
            out += ["", s("Top edits", "bold")]
        note = report.hold_note()
        out += _wrap(f"{note[0].upper()}{note[1:]}.", "  ", "  ")
    for tier in ("must", "nice", "term"):
        group = [k for k in report.keywords if k.tier == tier]
        if not group:
            continue
        found = sum(1 for k in group if k.status == "found")
        out.append("")
        out.append(s(f"{TIER_TITLE[tier]} ({found} of {len(group)} found)", "bold"))
        for k in group:
            mark = s(MARK[k.status], COLOR[k.status])
            pts = f"+{k.points:.1f}" if k.points else ""
            label = k.label if len(k.label) <= 30 else k.label[:27] + "..."
            out.append(f"  {mark} {label:<31}{_where(k):<37}{pts:>6}".rstrip())
            if explain:
                for line in _explain(k, lean):
                    out += _wrap(line, " " * 10, " " * 8)
    if any(k.other_role and k.status == "missing" for k in report.keywords):
        out.append("")
        out += _wrap(f"{OTHER_ROLE_NOTE}.", "  ", "  ")
    todo = report.edits()
    if todo:
        out.append("")
        out.append(s("What to add, by points it would add", "bold"))
        for k in todo:
            verb = "show in a bullet" if k.status == "partial" else "add"
            gain = f"+{k.points:.1f}"
            head = f'  {gain:>5}  {verb} "{k.label}" ({k.tier})'
            out += _wrap(head, " " * 9, "")
            p = k.placement
            if p is not None:
                where = f"line {p.line}" if p.line else "new"
                target = f': "{p.text}"' if p.text else ""
                out += _wrap(f"-> {p.section} {where}{target} - {p.reason}", " " * 11, " " * 9)
    if report.lint is not None and report.lint.findings():
        from .lint import counts_line, finding_block, summary_line

        out.append("")
        out.append(s(f"Bullet findings: {summary_line(report.lint)}", "bold"))
        out += _wrap(counts_line(report.lint), "  ", "  ")
        if explain or bullets:
            out += finding_block(report.lint, s)
        else:
            out.append("  each finding with its rewrite: amfit score --bullets (or amfit bullets)")
    if report.checks is not None:
        from .checks import text_lines

        out += text_lines(report.checks, s, _wrap, explain=explain)
    if report.warnings:
        out.append("")
        for w in report.warnings:
            out += _wrap(f"warning: {w}", "  ", "")
    return "\n".join(out) + "\n"
