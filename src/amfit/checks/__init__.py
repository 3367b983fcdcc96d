"""Resume checks a job seeker expects beside the keyword match.

Library API (never prints, never exits)::

    from amfit.checks import run_checks
    checks = run_checks(resume, posting, report.keywords, as_of="2026-06")
    for r in checks.problems():
        print(r.code, r.status, r.message)

Families and codes (see :data:`CHECKS` and docs/checks.md): searchability
CHK1xx, measurable results and length CHK2xx, posting requirements that
are not keywords CHK3xx, keyword frequency CHK4xx, file extraction CHK5xx.

"Present" in a role's dates stands for the month of ``as_of`` (default:
the ``AMFIT_TODAY`` environment variable as YYYY-MM[-DD], else today), so
a report is the same byte for byte when ``as_of`` is fixed.
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass
from typing import Any

from ..errors import InputError
from ..model import KeywordResult
from ..model.checks import STATUSES, CheckResult, ChecksReport, KeywordFrequency, RoleDates
from ..posting import Posting
from ..resume import Resume
from . import experience, frequency, place, requirements, results, searchability
from . import extraction as _extraction
from .base import CHECKS, FAMILIES, CheckInfo, LastOne
from .dates import DatedRole, parse_as_of, role_dates, years_range

__all__ = [
    "CHECKS",
    "FAMILIES",
    "STATUSES",
    "CheckInfo",
    "CheckResult",
    "ChecksReport",
    "KeywordFrequency",
    "RoleDates",
    "resolve_as_of",
    "run_checks",
    "with_extraction",
]


def resolve_as_of(as_of: str | None = None, source: str = "") -> str:
    """The YYYY-MM that "Present" stands for: ``as_of``, ``AMFIT_TODAY``, or today.

    ``source`` names where ``as_of`` came from in the error ("--as-of").
    """
    env = os.environ.get("AMFIT_TODAY")
    value = as_of if as_of is not None else env or datetime.date.today().isoformat()
    where = (source or "as_of") if as_of is not None else ("AMFIT_TODAY" if env else "today")
    try:
        index = parse_as_of(value)
        if len(value.strip()) > 7:
            datetime.date.fromisoformat(value.strip())  # a real day: not 2026-02-30
    except ValueError:
        raise InputError(f"{where}: bad date {value!r}: expected YYYY-MM or YYYY-MM-DD") from None
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def run_checks(
    resume: Resume,
    posting: Posting | None,
    keywords: tuple[KeywordResult, ...] = (),
    *,
    extraction: dict[str, Any] | None = None,
    as_of: str | None = None,
) -> ChecksReport:
    """Run every check on a parsed resume (and the posting, when given)."""
    month = resolve_as_of(as_of)
    own = _resume_only(resume, month)
    roles, years = own.roles, own.years
    out: list[CheckResult] = list(own.results)
    if posting is not None:
        title = searchability.posting_title(resume, posting.title)
        if title is not None:
            out.append(title)
    if posting is not None:
        out += experience.years(posting, roles)
        out += requirements.degree(posting, resume)
        out += requirements.languages(posting, resume)
        out += place.location(posting, resume)
        out += place.travel(posting, resume)
    rows = frequency.table(keywords)
    out += frequency.underused(rows)
    out += _extraction.extraction(extraction)
    family = list(FAMILIES)
    out.sort(key=lambda r: (family.index(r.family), r.code))  # stable within a code
    return ChecksReport(
        as_of=month,
        results=tuple(out),
        frequency=rows,
        roles=tuple(r.role for r in roles),
        words=own.words,
        years=years,
    )


@dataclass(frozen=True, slots=True)
class _ResumeOnly:
    """The checks that read the resume alone, for one "Present" month."""

    resume: Resume
    month: str
    roles: tuple[DatedRole, ...]
    years: tuple[float, float] | None
    results: tuple[CheckResult, ...]
    words: int


_LAST: LastOne[_ResumeOnly] = LastOne()


def _resume_only(resume: Resume, month: str) -> _ResumeOnly:
    """The resume-only checks, computed once while the same resume is scored
    against posting after posting (a batch); the results are frozen, so
    sharing them between reports is safe, and the order within ``out`` is
    the one :func:`run_checks` always used (the sort is stable)."""
    return _LAST.get(resume, lambda: _compute_resume_only(resume, month), month)


def _compute_resume_only(resume: Resume, month: str) -> _ResumeOnly:
    roles = role_dates(resume, parse_as_of(month))
    years = years_range([r.range for r in roles if r.range is not None])
    found = [searchability.contact_details(resume), *searchability.sections(resume)]
    found += searchability.role_date_checks(roles)
    found.append(results.measurable(resume))
    found.append(results.length(resume, years))
    return _ResumeOnly(resume, month, tuple(roles), years, tuple(found), results.word_count(resume))


def with_extraction(checks: ChecksReport, extraction: dict[str, Any] | None) -> ChecksReport:
    """The checks with the file-extraction advice (CHK5xx) for the resume's
    extraction report added."""
    from dataclasses import replace

    done = {r.code for r in checks.results if r.family == "extraction"}
    extra = tuple(r for r in _extraction.extraction(extraction) if r.code not in done)
    return replace(checks, results=checks.results + extra) if extra else checks
