"""Batch records (``amfit batch``): one per posting, and the edits across them."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

#: How many top missing must-haves each record lists.
TOP_MISSING = 3


@dataclass(frozen=True, slots=True)
class Missing:
    """A keyword a posting asks for that the resume lacks, with its points."""

    id: str
    label: str
    tier: str
    points: float


@dataclass(frozen=True, slots=True)
class BatchRecord:
    """The result for one posting: a score, a duplicate, or an error."""

    id: str
    source: str
    title: str
    company: str
    status: str  # scored | duplicate | error
    score: float | None = None
    ats_literal: float | None = None
    must_found: int = 0
    must_total: int = 0
    title_fit: str = ""
    missing: tuple[Missing, ...] = ()
    duplicate_of: str | None = None
    error: str | None = None
    #: The full score report as JSON text: made in the worker process, so
    #: the parent only writes it (see :meth:`to_json`).
    report_json: str | None = field(default=None, compare=False, repr=False)

    @property
    def report(self) -> dict[str, Any] | None:
        """The full score report (``amfit score --format json``), when kept."""
        return None if self.report_json is None else json.loads(self.report_json)

    @property
    def top_missing_must(self) -> list[str]:
        return [m.label for m in self.missing if m.tier == "must"][:TOP_MISSING]

    def to_dict(self, *, full: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "company": self.company,
            "status": self.status,
        }
        if self.status == "scored":
            out.update(
                score=self.score,
                ats_literal=self.ats_literal,
                must_found=self.must_found,
                must_total=self.must_total,
                title_fit=self.title_fit,
                top_missing_must=self.top_missing_must,
            )
            if full and self.report_json is not None:
                out["report"] = self.report
        elif self.status == "duplicate":
            out["duplicate_of"] = self.duplicate_of
        else:
            out["error"] = self.error
        return out

    def to_json(self) -> str:
        """One JSON Lines record: :meth:`to_dict` with the full report, as
        ``json.dumps(..., ensure_ascii=False)`` writes it, without parsing the
        report back."""
        head = json.dumps(self.to_dict(full=False), ensure_ascii=False)
        if self.status != "scored" or self.report_json is None:
            return head
        return f'{head[:-1]}, "report": {self.report_json}}}'


@dataclass(frozen=True, slots=True)
class Edit:
    """A missing keyword across a batch: in how many postings, how many points."""

    id: str
    label: str
    tier: str
    postings: int
    points: float
