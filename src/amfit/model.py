"""The one result model behind every output format.

Every renderer (text, JSON, Markdown) reads a :class:`Report` and nothing
else. The JSON form is ``Report.to_dict()``; its schema is
``docs/report.schema.json`` and its version is :data:`SCHEMA_VERSION`.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from .checks import ChecksReport
    from .lint import LintReport

#: Version of the JSON report. Bump the major part on breaking changes,
#: the minor part when a field is added (1.1 added ``lint``, 1.2 the
#: ``extraction`` report of each input, 1.3 the resume ``checks``).
SCHEMA_VERSION = "1.3"


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where the resume shows a keyword, and how it matched."""

    how: str  # exact | alias | lemma | fuzzy
    text: str  # the resume's words
    form: str  # the taxonomy form or term they matched
    match_score: float  # 100, or the rapidfuzz ratio for fuzzy
    line: int
    section: str  # resume section kind
    in_bullet: bool
    strength: float  # evidence strength 0-1 (section weight x match quality)


@dataclass(frozen=True, slots=True)
class Ask:
    """One place where the posting asks for a keyword."""

    signal: str  # must | nice | none (no tier signal: the taxonomy default decides)
    section: str  # posting section kind
    heading: str
    line: int
    text: str  # the posting's words
    how: str  # how the posting's words matched (exact, alias, lemma, fuzzy, tfidf)


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a missing or weak keyword would go in the resume."""

    section: str
    line: int | None
    text: str  # excerpt of the bullet or section it would go in
    reason: str


@dataclass(frozen=True, slots=True)
class KeywordResult:
    id: str
    label: str
    source: str  # taxonomy | tfidf
    category: str
    tier: str  # must | nice | term
    tier_reason: str
    asks: tuple[Ask, ...]
    status: str  # found | partial | missing
    strength: float
    evidence: tuple[Evidence, ...]
    ats_literal: bool
    points: float  # points the score would gain with full evidence (by rescoring)
    placement: Placement | None
    tfidf_weight: float | None


@dataclass(frozen=True, slots=True)
class Component:
    name: str  # must | nice | terms | title
    weight: float  # effective weight after empty components are dropped (sums to 1)
    coverage: float  # 0-1
    points: float  # contribution to the 0-100 score
    items: int
    found: int


@dataclass(frozen=True, slots=True)
class TitleFit:
    resume_title: str
    resume_line: int | None
    resume_family: str
    posting_title: str
    posting_line: int | None
    posting_family: str
    level: str  # same | family | neighbour | different | unknown
    value: float


@dataclass(frozen=True, slots=True)
class AtsLiteral:
    rate: float  # 0-1
    matched: int
    total: int


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    source: str
    title: str
    lines: int
    bullets: int
    sections: tuple[str, ...]
    #: What the reader got out of the file (format, characters, lines,
    #: bullets, warnings), when the input was a file; see docs/inputs.md.
    extraction: dict[str, Any] | None = None
    #: The resume's text as scored (line numbers refer to it); the HTML
    #: report shows it with the matched keywords highlighted. None for
    #: the posting.
    text: str | None = None


@dataclass(frozen=True, slots=True)
class Report:
    schema_version: str
    amfit_version: str
    resume: DocumentInfo
    posting: DocumentInfo
    score: float
    ats_literal: AtsLiteral
    title_fit: TitleFit
    components: tuple[Component, ...]
    keywords: tuple[KeywordResult, ...]
    warnings: tuple[str, ...]
    lint: LintReport | None = None  # bullet findings (amfit bullets), when linted
    checks: ChecksReport | None = None  # resume checks (amfit.checks), when run

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data, fields in declaration order."""
        data = _plain(self)
        if self.lint is not None:
            data["lint"] = _plain(self.lint.to_dict())
        if self.checks is not None:
            data["checks"]["counts"] = self.checks.counts()
        return data

    def by_status(self, status: str) -> tuple[KeywordResult, ...]:
        return tuple(k for k in self.keywords if k.status == status)

    def missing_by_points(self) -> tuple[KeywordResult, ...]:
        """Missing and partial keywords, most points first."""
        todo = [k for k in self.keywords if k.status != "found"]
        return tuple(sorted(todo, key=lambda k: (-k.points, k.tier, k.id)))


_LEAVES = frozenset({str, int, float, bool, type(None)})


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def _plain(value: Any) -> Any:
    """JSON-ready data: dataclasses as dicts in field order, tuples as lists.

    What ``dataclasses.asdict`` gives, without its deep copy of every leaf
    (a third of the time amfit batch spent writing JSON Lines).
    """
    kind = type(value)
    if kind in _LEAVES:
        return value
    if hasattr(kind, "__dataclass_fields__"):
        return {name: _plain(getattr(value, name)) for name in _field_names(kind)}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value
