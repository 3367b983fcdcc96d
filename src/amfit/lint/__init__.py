"""Bullet linting: rules with codes, findings and STAR rewrite suggestions.

Library API (never prints, never exits)::

    from amfit.lint import lint_resume
    report = lint_resume(resume_text, select=("AM2",), preview=False)
    for bullet in report.bullets:
        for finding in bullet.findings:
            print(finding.code, finding.message, bullet.rewrite)
"""

from __future__ import annotations

from collections.abc import Sequence

from .._version import __version__
from ..facts import extract_facts
from ..model import SCHEMA_VERSION, BulletReport, LintReport
from ..resume import Resume, parse_resume
from . import rules as _rules  # noqa: F401  (registers every rule)
from .base import REGISTRY, BulletContext, Finding, ResumeContext, Rule, Severity
from .rewrite import rewrite_note, suggest

#: Resume sections whose bullets are linted.
LINTED_SECTIONS = frozenset({"experience", "other", "summary", "header"})
#: Rules that also read the summary's plain lines.
SUMMARY_RULES = frozenset({"AM403"})

__all__ = [
    "REGISTRY",
    "BulletReport",
    "Finding",
    "LintReport",
    "Rule",
    "Severity",
    "lint_resume",
]


def lint_resume(
    text: str | Resume,
    *,
    source: str = "<resume>",
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    preview: bool = False,
) -> LintReport:
    """Lint every bullet of a resume (text already read and normalised)."""
    resume = text if isinstance(text, Resume) else parse_resume(text)
    chosen = [
        r for r in REGISTRY.select(select, ignore, preview) if r.scope in ("bullet", "resume")
    ]
    bullet_rules = [r for r in chosen if r.scope == "bullet"]
    resume_rules = [r for r in chosen if r.scope == "resume"]
    contexts: list[tuple[BulletContext, str, int, str]] = []
    for unit in resume.units:
        is_bullet = unit.kind == "bullet" and unit.section in LINTED_SECTIONS
        is_summary = unit.kind == "line" and unit.section == "summary"
        if not (is_bullet or is_summary):
            continue
        facts = extract_facts(unit.text, role=unit.role, resume_text=resume.text)
        ctx = BulletContext(unit.text, unit.line, facts, unit.role)
        contexts.append((ctx, unit.section, unit.end_line, "bullet" if is_bullet else "summary"))
    bullets: list[BulletReport] = []
    for ctx, section, end_line, kind in contexts:
        found: list[Finding] = []
        for rule in bullet_rules:
            if kind == "summary" and rule.code not in SUMMARY_RULES:
                continue
            found.extend(rule.check(ctx))
        found.sort(key=lambda f: (f.code, f.quote))
        rewrite = suggest(ctx, found) if kind == "bullet" else None
        note = (rewrite_note(ctx, found) or None) if kind == "bullet" and rewrite is None else None
        bullets.append(
            BulletReport(
                ctx.line or 0, end_line, section, ctx.role, ctx.text, tuple(found), rewrite, note
            )
        )
    resume_ctx = ResumeContext(
        tuple(c for c, _, _, kind in contexts if kind == "bullet"), resume.text
    )
    resume_findings = [f for r in resume_rules for f in r.check_resume(resume_ctx)]
    return LintReport(
        SCHEMA_VERSION,
        __version__,
        source,
        tuple(r.code for r in chosen),
        tuple(bullets),
        tuple(resume_findings),
    )
