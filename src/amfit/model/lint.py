"""Bullet findings (``amfit bullets``): severities, findings, the lint report."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from .serial import plain


class Severity(IntEnum):
    info = 1
    warning = 2
    error = 3

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem a rule found."""

    code: str
    name: str
    severity: str  # info | warning | error
    message: str  # one line, quoting the words it is about
    line: int | None  # first line of the bullet (None for resume-level findings)
    quote: str  # the words of the bullet the finding is about ("" when none)
    hint: str  # what to write instead, in one line


def counts_by_code(findings: Iterable[Finding]) -> dict[str, int]:
    """How many findings each rule code has, in code order."""
    c = Counter(f.code for f in findings)
    return {code: c[code] for code in sorted(c)}


def worst_severity(findings: Iterable[Finding]) -> Severity | None:
    """The most severe finding's level, or None when there is none."""
    levels = [Severity[f.severity] for f in findings]
    return max(levels) if levels else None


@dataclass(frozen=True, slots=True)
class BulletReport:
    """One linted bullet: its findings and the suggested rewrite."""

    line: int
    end_line: int
    section: str
    role: str
    text: str
    findings: tuple[Finding, ...]
    rewrite: str | None
    #: Why a flagged line gets no rewrite (a skills list, an award ...), else None.
    rewrite_note: str | None = None


@dataclass(frozen=True, slots=True)
class LintReport:
    """The bullet findings of one resume (``amfit bullets``)."""

    schema_version: str
    amfit_version: str
    source: str
    rules: tuple[str, ...]
    bullets: tuple[BulletReport, ...]
    resume_findings: tuple[Finding, ...]

    def findings(self) -> list[Finding]:
        out = [f for b in self.bullets for f in b.findings]
        return out + list(self.resume_findings)

    def counts(self) -> dict[str, int]:
        return counts_by_code(self.findings())

    def worst(self) -> Severity | None:
        return worst_severity(self.findings())

    def to_dict(self) -> dict[str, Any]:
        data = plain(self)
        data["counts"] = self.counts()
        return data
