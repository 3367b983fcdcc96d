"""The cover-letter report (``amfit letter``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .lint import Finding, Severity, counts_by_code, worst_severity
from .serial import plain


@dataclass(frozen=True, slots=True)
class LetterReport:
    """A cover letter checked against its posting (``amfit letter``)."""

    schema_version: str
    amfit_version: str
    source: str
    posting_title: str
    seniority: str
    words: int
    band: tuple[int, int]
    paragraphs: int
    title_exact: bool
    other_titles: tuple[str, ...]
    elements: dict[str, str]
    #: Each finding's ``quote`` is the whole sentence it is about, written
    #: as ``sentence`` in the JSON form.
    findings: tuple[Finding, ...]

    def to_dict(self) -> dict[str, Any]:
        data = plain(self)
        data["findings"] = [
            {("sentence" if k == "quote" else k): v for k, v in f.items()} for f in data["findings"]
        ]
        return data

    def worst(self) -> Severity | None:
        """The most severe finding's level, or None when there is none."""
        return worst_severity(self.findings)

    def counts(self) -> dict[str, int]:
        return counts_by_code(self.findings)
