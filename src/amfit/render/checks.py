"""The resume checks (amfit.checks) in text and Markdown; shared by the
score report renderers."""

from __future__ import annotations

from collections.abc import Callable

from ..checks import FAMILIES, CheckResult, ChecksReport

MARK = {"pass": "[x]", "fail": "[!]", "unknown": "[?]", "info": "[i]"}
COLOR = {"pass": "green", "fail": "red", "unknown": "yellow", "info": "cyan"}
#: Requirement results read as met / not met.
REQUIREMENT_STATUS = {"pass": "met", "fail": "not met", "unknown": "unknown", "info": "info"}
KIND_TITLE = {"hard": "hard skill", "soft": "soft skill", "context": "context", "term": "term"}


def status_word(r: CheckResult) -> str:
    if r.family == "requirements":
        return REQUIREMENT_STATUS[r.status]
    return {"pass": "pass", "fail": r.severity, "unknown": "unknown", "info": "info"}[r.status]


def summary(checks: ChecksReport) -> str:
    c = checks.counts()
    parts = [
        f"{c[s]} {w}"
        for s, w in (
            ("fail", "to fix"),
            ("unknown", "unknown"),
            ("info", "info"),
            ("pass", "passed"),
        )
        if c[s]
    ]
    return ", ".join(parts)


def passed_codes(checks: ChecksReport) -> list[str]:
    """The codes of the passed checks, in report order. A check run once per
    item (CHK102 per standard section) that also failed for another item says
    how many of its items passed ("CHK102 (2 of 3)"), so the line never
    reads as if a check listed above as a problem had passed."""
    runs: dict[str, list[bool]] = {}
    for r in checks.results:
        runs.setdefault(r.code, []).append(r.status == "pass")
    out = []
    for code, ok in runs.items():
        if all(ok):
            out.append(code)
        elif any(ok):
            out.append(f"{code} ({sum(ok)} of {len(ok)})")
    return out


def text_lines(
    checks: ChecksReport,
    style: Callable[[str, str], str],
    wrap: Callable[[str, str, str], list[str]],
    *,
    explain: bool = False,
) -> list[str]:
    """The Checks block of the text report: problems with their hints; passed
    checks as one line of codes (each in full with ``explain``)."""
    out = ["", style(f"Checks: {summary(checks)}", "bold")]
    for family, title in FAMILIES.items():
        group = checks.by_family(family)
        shown = [r for r in group if explain or r.status != "pass"]
        if not shown:
            continue
        out.append(f"  {title}")
        for r in shown:
            mark = style(MARK[r.status], COLOR[r.status])
            out += wrap(f"{mark} {r.code} {r.message}", " " * 15, "    ")
            if r.hint and r.status != "pass":
                out += wrap(f"-> {r.hint}", " " * 18, " " * 15)
    if not explain and (passed := passed_codes(checks)):
        out += wrap("passed: " + " ".join(passed), "          ", "  ")
    if explain and checks.frequency:
        out += ["", style("Keyword frequency (posting mentions, resume lines)", "bold")]
        out.append(f"  {'keyword':<32}{'kind':<12}{'tier':<6}{'posting':>8}{'resume':>8}")
        for f in checks.frequency:
            label = f.label if len(f.label) <= 30 else f.label[:27] + "..."
            out.append(
                f"  {label:<32}{KIND_TITLE[f.kind]:<12}{f.tier:<6}{f.posting:>8}{f.resume:>8}"
            )
    return out


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown_lines(checks: ChecksReport) -> list[str]:
    """The Checks and Keyword frequency sections of the Markdown report."""
    out = [
        "",
        "## Checks",
        "",
        summary(checks).capitalize() + f' ("Present" read as {checks.as_of}).',
        "",
    ]
    out += ["| Check | Status | Finding | What to do |", "|---|---|---|---|"]
    for family in FAMILIES:
        for r in checks.by_family(family):
            status = status_word(r)
            if r.status == "fail":
                status = f"**{status}**"
            out.append(
                f"| {r.code} {r.name} | {status} | {_cell(r.message)} | "
                f"{_cell(r.hint if r.status != 'pass' else '')} |"
            )
    if checks.frequency:
        out += [
            "",
            "## Keyword frequency",
            "",
            "Mentions in the posting, and resume lines that show each keyword.",
            "",
            "| Keyword | Kind | Tier | Status | Posting | Resume |",
            "|---|---|---|---|---:|---:|",
        ]
        for kind in ("hard", "soft", "context", "term"):
            for f in checks.frequency:
                if f.kind == kind:
                    out.append(
                        f"| {_cell(f.label)} | {KIND_TITLE[f.kind]} | {f.tier} | {f.status} | "
                        f"{f.posting} | {f.resume} |"
                    )
    return out
