"""What every check shares: the result model, the check table, the data.

A check looks at the whole resume (and the posting) rather than one
bullet. Each result is a :class:`CheckResult` with a stable code
(``CHK101``), a name that names the problem, a family, a status and a
one-line message. Thresholds and word lists live in ``data/checks.toml``
with their sources.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from functools import cache
from typing import Any, Generic, TypeVar

from ..errors import TaxonomyError
from ..model.checks import STATUSES, CheckResult
from ..resources import data_path, parse_toml, toml_error

T = TypeVar("T")


class LastOne(Generic[T]):
    """A one-slot cache of what was worked out for the last object, kept by
    identity: a batch scores one resume against posting after posting, and
    the resume and posting models are frozen, so what is read from one can
    be kept while it is the one scored. The slot is read and written whole,
    so a thread that replaces it cannot hand another object's value back.
    ``extra`` is a key beside the object (a month)."""

    def __init__(self) -> None:
        self._slot: tuple[object, Hashable, T] | None = None

    def get(self, obj: object, make: Callable[[], T], extra: Hashable = None) -> T:
        slot = self._slot
        if slot is not None and slot[0] is obj and slot[1] == extra:
            return slot[2]
        value = make()
        self._slot = (obj, extra, value)
        return value


#: Family code prefix -> title, in report order.
FAMILIES = {
    "searchability": "Searchability",
    "results": "Measurable results and length",
    "requirements": "Posting requirements",
    "keywords": "Keyword frequency",
    "extraction": "File extraction",
}


@dataclass(frozen=True, slots=True)
class CheckInfo:
    """One entry of the check table: code, problem name, family, what it checks."""

    code: str
    name: str
    family: str
    summary: str


#: Every check, by code. Codes are never reused.
CHECKS: dict[str, CheckInfo] = {
    c.code: c
    for c in (
        CheckInfo(
            "CHK101",
            "contact-details-missing",
            "searchability",
            "e-mail, phone, location and a profile link are on the resume (never echoed)",
        ),
        CheckInfo(
            "CHK102",
            "standard-section-missing",
            "searchability",
            "an Experience, Education and Skills section each exist",
        ),
        CheckInfo(
            "CHK103",
            "section-heading-nonstandard",
            "searchability",
            "section headings use the words an ATS parser expects",
        ),
        CheckInfo(
            "CHK104",
            "posting-title-absent",
            "searchability",
            "the posting's job title appears on the resume word for word",
        ),
        CheckInfo(
            "CHK105",
            "date-format-inconsistent",
            "searchability",
            "every role's dates are written in one format",
        ),
        CheckInfo(
            "CHK106",
            "role-undated",
            "searchability",
            "every role has a start and an end date",
        ),
        CheckInfo(
            "CHK107",
            "date-two-digit-year",
            "searchability",
            "years are written with four digits",
        ),
        CheckInfo(
            "CHK108",
            "employment-gap",
            "searchability",
            "no gap between roles longer than the stated months",
        ),
        CheckInfo(
            "CHK109",
            "roles-overlap",
            "searchability",
            "roles that overlap in time are named",
        ),
        CheckInfo(
            "CHK201",
            "few-measurable-results",
            "results",
            "enough bullets carry a figure (the usual bar: five)",
        ),
        CheckInfo(
            "CHK202",
            "length-out-of-band",
            "results",
            "the word count sits in the usual band for the seniority",
        ),
        CheckInfo(
            "CHK301",
            "experience-years-short",
            "requirements",
            "the years of experience the posting asks for, from the role dates",
        ),
        CheckInfo(
            "CHK302",
            "degree-not-shown",
            "requirements",
            "the degree the posting asks for",
        ),
        CheckInfo(
            "CHK303",
            "language-not-shown",
            "requirements",
            "each language the posting asks for",
        ),
        CheckInfo(
            "CHK304",
            "location-unclear",
            "requirements",
            "the posting's location or remote terms against the resume's location",
        ),
        CheckInfo(
            "CHK305",
            "travel-unstated",
            "requirements",
            "the travel the posting asks for",
        ),
        CheckInfo(
            "CHK401",
            "keyword-underused",
            "keywords",
            "a must-have keyword the posting repeats is shown on the resume more than once",
        ),
        CheckInfo(
            "CHK501",
            "pdf-columns-interleaved",
            "extraction",
            "a PDF or text read as two interleaved columns",
        ),
        CheckInfo(
            "CHK502",
            "docx-text-boxes",
            "extraction",
            "a DOCX whose text sits in text boxes",
        ),
        CheckInfo(
            "CHK503",
            "text-garbled",
            "extraction",
            "text with many unreadable characters",
        ),
        CheckInfo(
            "CHK504",
            "pages-image-only",
            "extraction",
            "pages that hold only images (a scan)",
        ),
        CheckInfo(
            "CHK505",
            "file-partly-read",
            "extraction",
            "a file read only in part (truncated, too many pages)",
        ),
    )
}


def result(
    code: str,
    status: str,
    message: str,
    *,
    severity: str = "warning",
    hint: str = "",
    line: int | None = None,
    **data: Any,
) -> CheckResult:
    """A :class:`CheckResult` for ``code``, its name and family from :data:`CHECKS`."""
    info = CHECKS[code]
    if status not in STATUSES:  # pragma: no cover - a programming error
        raise ValueError(f"unknown status {status!r}")
    if status != "fail":
        severity = "info"
    return CheckResult(
        info.code, info.name, info.family, status, severity, message, hint, line, data
    )


@cache
def settings() -> dict[str, Any]:
    """``data/checks.toml``, parsed once."""
    path = data_path("checks.toml")
    try:
        return parse_toml(path.read_text(encoding="utf-8"))
    except toml_error() as exc:
        raise TaxonomyError(str(path), None, f"invalid TOML: {exc}") from exc
