"""Result types of the resume checks (:mod:`amfit.checks`): one result per
check, the keyword frequency table, the role dates, and the report that
holds them (``Report.checks``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: Result statuses. ``pass`` and ``fail`` read as "met" / "not met" for the
#: posting's requirements; ``unknown`` means the resume does not say;
#: ``info`` is a fact worth knowing that is neither good nor bad.
STATUSES = ("pass", "fail", "unknown", "info")


@dataclass(frozen=True, slots=True)
class CheckResult:
    """One finding of a check.

    ``data`` holds what was measured (counts, bars, years) as plain values,
    never the resume's contact details.
    """

    code: str
    name: str
    family: str
    status: str  # pass | fail | unknown | info
    severity: str  # info | warning | error (how much a fail matters)
    message: str  # one line
    hint: str  # what to do, one line ("" when nothing)
    line: int | None = None
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class RoleDates:
    """A role and its dates as read from the resume."""

    line: int
    title: str
    dates: str  # the date words as written ("" when undated)
    start: str | None  # YYYY-MM, or YYYY when only the year is given
    end: str | None  # YYYY-MM, YYYY, or "present"
    style: str  # how the dates are written ("Mon YYYY", "YYYY-MM", ...)


@dataclass(frozen=True, slots=True)
class KeywordFrequency:
    """How often the posting and the resume use one keyword."""

    id: str
    label: str
    kind: str  # hard | soft | context | term
    tier: str  # must | nice | term
    status: str  # found | partial | missing
    posting: int  # mentions in the posting
    resume: int  # lines of the resume that show it


@dataclass(frozen=True, slots=True)
class ChecksReport:
    """Every check's results, the keyword frequency table and the role dates."""

    as_of: str  # YYYY-MM the word "Present" stands for
    results: tuple[CheckResult, ...]
    frequency: tuple[KeywordFrequency, ...]
    roles: tuple[RoleDates, ...]
    words: int
    years: tuple[float, float] | None  # (at least, at most) years in dated roles

    def by_family(self, family: str) -> tuple[CheckResult, ...]:
        return tuple(r for r in self.results if r.family == family)

    def problems(self) -> tuple[CheckResult, ...]:
        """Results that need the user's attention: fails first, then unknowns."""
        order = {"fail": 0, "unknown": 1}
        sev = {"error": 0, "warning": 1, "info": 2}
        todo = [r for r in self.results if r.status in order]
        return tuple(sorted(todo, key=lambda r: (order[r.status], sev[r.severity], r.code)))

    def counts(self) -> dict[str, int]:
        return {s: sum(1 for r in self.results if r.status == s) for s in STATUSES}
