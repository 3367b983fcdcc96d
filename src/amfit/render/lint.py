"""Render bullet findings (``amfit bullets``) and rule docs (``amfit rules``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .style import Style
from .style import wrap as _wrap

if TYPE_CHECKING:  # pragma: no cover
    from ..lint.base import Rule
    from ..model import Finding, LintReport

LEVEL_COLOR = {"error": "red", "warning": "yellow", "info": "cyan"}


def summary_line(report: LintReport) -> str:
    findings = report.findings()
    n_bullets = sum(1 for b in report.bullets if b.findings)
    levels = {
        lvl: sum(1 for f in findings if f.severity == lvl) for lvl in ("error", "warning", "info")
    }
    parts = ", ".join(f"{n} {lvl}{'s' if n != 1 else ''}" for lvl, n in levels.items() if n)
    return (
        f"{len(findings)} finding{'s' if len(findings) != 1 else ''} in {n_bullets} of "
        f"{len(report.bullets)} bullets" + (f" ({parts})" if parts else "")
    )


def _finding_lines(f: Finding, s: Style, indent: str = "  ") -> list[str]:
    head = f"{f.code} {s(f.severity, LEVEL_COLOR[f.severity])}"
    pad = " " * (len(f.code) + 1 + len(f.severity) + 2)
    return _wrap(f"{f.message} [{f.name}]", indent + pad, f"{indent}{head}  ")


def finding_block(report: LintReport, s: Style, *, limit: int | None = None) -> list[str]:
    out: list[str] = []
    shown = [b for b in report.bullets if b.findings]
    for b in shown[:limit] if limit else shown:
        out.append("")
        out += _wrap(f"line {b.line}: {b.text}", "    ", "")
        for f in b.findings:
            out += _finding_lines(f, s)
        if b.rewrite:
            out += _wrap(f"rewrite: {b.rewrite}", " " * 11, "  ")
        elif b.rewrite_note:
            out += _wrap(f"no rewrite: {b.rewrite_note}", " " * 14, "  ")
    if limit and len(shown) > limit:
        out.append("")
        out.append(f"... and {len(shown) - limit} more bullets with findings (amfit bullets)")
    if report.resume_findings:
        out.append("")
        out.append(s("Whole resume", "bold"))
        for f in report.resume_findings:
            out += _finding_lines(f, s)
    return out


def counts_line(report: LintReport) -> str:
    counts = report.counts()
    return "by rule: " + (", ".join(f"{c} {n}" for c, n in counts.items()) or "none")


def render_lint_text(report: LintReport, *, color: bool = False) -> str:
    s = Style(color)
    out = [s(f"{report.source}: {summary_line(report)}", "bold")]
    out += finding_block(report, s)
    if report.findings():
        out.append("")
        out += _wrap(counts_line(report), "  ", "")
    return "\n".join(out) + "\n"


def render_lint_markdown(report: LintReport) -> str:
    out = [f"# amfit bullet findings: `{report.source}`", "", summary_line(report), ""]
    out += markdown_findings(report)
    return "\n".join(out) + "\n"


def markdown_findings(report: LintReport) -> list[str]:
    out: list[str] = []
    for b in report.bullets:
        if not b.findings:
            continue
        out.append(f"- **line {b.line}**: {b.text}")
        for f in b.findings:
            out.append(f"  - `{f.code}` {f.severity}: {f.message} ({f.name})")
        if b.rewrite:
            out.append(f"  - *rewrite*: {b.rewrite}")
        elif b.rewrite_note:
            out.append(f"  - *no rewrite*: {b.rewrite_note}")
    if report.resume_findings:
        out.append("- **whole resume**")
        for f in report.resume_findings:
            out.append(f"  - `{f.code}` {f.severity}: {f.message} ({f.name})")
    return out


def rule_dict(rule: Rule) -> dict:
    sections = rule.doc_sections()
    return {
        "code": rule.code,
        "name": rule.name,
        "severity": str(rule.severity),
        "status": rule.status,
        "scope": rule.scope,
        "summary": sections.get("summary", ""),
        "what_it_does": sections.get("What it does", ""),
        "why": sections.get("Why is this bad?", ""),
        "known_problems": sections.get("Known problems", ""),
        "example": sections.get("Example", ""),
        "use_instead": sections.get("Use instead", ""),
        "source": sections.get("Source", ""),
        "hint": rule.hint,
        "should_flag": list(rule.examples.flag),
        "should_pass": list(rule.examples.passes),
    }


def render_rules_text(rules: list[Rule]) -> str:
    out = [f"{'code':<7}{'name':<38}{'severity':<9}{'status':<8}scope"]
    for r in rules:
        out.append(f"{r.code:<7}{r.name:<38}{r.severity!s:<9}{r.status:<8}{r.scope}")
    return "\n".join(out) + "\n"


#: Docstring sections of a rule, in the order every renderer shows them.
DOC_SECTIONS = (
    ("What it does", "what_it_does"),
    ("Why is this bad?", "why"),
    ("Known problems", "known_problems"),
    ("Example", "example"),
    ("Use instead", "use_instead"),
    ("Source", "source"),
)


def render_rule_text(rule: Rule) -> str:
    d = rule_dict(rule)
    out = [f"{rule.code} {rule.name} ({d['severity']}, {d['status']}, {d['scope']})", ""]
    out += _wrap(d["summary"], "")
    for title, key in DOC_SECTIONS:
        if d[key]:
            out += ["", title]
            for para in d[key].split("\n\n"):
                out += _wrap(" ".join(para.split()), "  ")
    return "\n".join(out) + "\n"
