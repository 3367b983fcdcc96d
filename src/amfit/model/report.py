"""The fit report (``amfit score``): what the resume shows of each asked keyword.

Every renderer (text, JSON, Markdown) reads a :class:`Report` and nothing
else. The JSON form is ``Report.to_dict()``; its schema is
``docs/report.schema.json`` and its version is :data:`SCHEMA_VERSION`.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any, ClassVar

from .lint import LintReport
from .posting import Ask, AskedKeyword
from .serial import dumps, object_json, plain

if TYPE_CHECKING:  # pragma: no cover
    from .checks import ChecksReport


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
class Placement:
    """Where a missing or weak keyword would go in the resume."""

    section: str
    line: int | None
    text: str  # excerpt of the bullet or section it would go in
    reason: str


@dataclass(frozen=True, slots=True)
class KeywordResult:
    """An asked keyword (:class:`AskedKeyword`) and what the resume shows of it."""

    JSON_FIELDS: ClassVar[tuple[str, ...]] = (
        "id",
        "label",
        "source",
        "category",
        "tier",
        "tier_reason",
        "asks",
        "status",
        "strength",
        "evidence",
        "ats_literal",
        "points",
        "other_role",
        "placement",
        "tfidf_weight",
    )

    keyword: AskedKeyword
    status: str  # found | partial | missing
    strength: float
    evidence: tuple[Evidence, ...]
    ats_literal: bool
    points: float  # points the score would gain with full evidence (by rescoring)
    placement: Placement | None
    #: A hunting ask (new logos, prospecting, leading reps) this
    #: account-management resume does not show: it marks the posting as
    #: another kind of job (role fit), so it is never an edit to make.
    other_role: bool = False

    @property
    def id(self) -> str:
        return self.keyword.id

    @property
    def label(self) -> str:
        return self.keyword.label

    @property
    def source(self) -> str:
        """taxonomy | tfidf"""
        return self.keyword.source

    @property
    def category(self) -> str:
        return self.keyword.category

    @property
    def tier(self) -> str:
        """must | nice | term"""
        return self.keyword.tier

    @property
    def tier_reason(self) -> str:
        return self.keyword.tier_reason

    @property
    def asks(self) -> tuple[Ask, ...]:
        return self.keyword.asks

    @property
    def tfidf_weight(self) -> float | None:
        return self.keyword.tfidf_weight


@dataclass(frozen=True, slots=True)
class Component:
    """One part of the fit score (see :mod:`amfit.fit.weights`)."""

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
    #: why this role of the resume was compared (the most recent relevant
    #: one, or the one ``--as`` named)
    reason: str = ""


@dataclass(frozen=True, slots=True)
class RoleFit:
    """Role fit: the posting's family from its title and body against the
    resume's roles and vocabulary (see :mod:`amfit.fit.role`)."""

    value: float  # 0-1, the role-fit component's coverage
    title_value: float  # what the title comparison gives
    body_value: float  # how close the two leans are (1 - distance)
    posting_family: str  # the family the posting is judged as ("" none)
    family_from: str  # title | body | none
    posting_lean: float  # share of account-management asks among AM + new-business ones
    resume_lean: float  # the same share over the resume's evidence
    am_concepts: int  # account-management concepts the posting asks for
    new_business: tuple[str, ...]  # new-business / hunting concepts it asks for
    account_management: bool  # False: "not an account-management posting"
    cap: float | None  # the score's ceiling when it is not one
    reason: str


@dataclass(frozen=True, slots=True)
class HoldLift:
    """A score held under the strong-fit band for thin evidence, and the
    must-haves that, shown in experience with a result, lift the hold."""

    evidence_share: float  # 0-1, must-have weight shown in experience now
    needed: float  # 0-1, the share that lifts the hold
    keywords: tuple[str, ...]  # ids of the must-haves to show, heaviest first
    score: float  # the score with all of them shown
    points: float  # what they add together


@dataclass(frozen=True, slots=True)
class AtsLiteral:
    """How many asked keywords the resume holds word for word."""

    JSON_FIELDS: ClassVar[tuple[str, ...]] = ("rate", "matched", "total")

    matched: int
    total: int

    @property
    def rate(self) -> float:
        """0-1, four decimals."""
        return round(self.matched / self.total, 4) if self.total else 0.0


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
    role_fit: RoleFit | None = None  # role fit, explained (schema 1.4)
    top_edits: tuple[str, ...] = ()  # ids of the (up to) three edits that add most
    hold: HoldLift | None = None  # the score held for thin evidence, and what lifts it (1.7)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data, fields in declaration order."""
        data = plain(self)
        if self.lint is not None:
            data["lint"] = self.lint.to_dict()
        if self.checks is not None:
            data["checks"]["counts"] = self.checks.counts()
        return data

    def to_json(self) -> str:
        """``json.dumps(self.to_dict(), ensure_ascii=False)``, byte for byte,
        written with the parts that the reports of a batch share (the
        resume's text, the resume-only check results and roles: the same
        objects in every report) encoded once (:class:`.serial.Kept`)."""
        parts = []
        for name in _REPORT_FIELDS:
            value = getattr(self, name)
            if name == "resume":
                text = object_json(value, _KEPT_DOCUMENT)
            elif name == "checks" and value is not None:
                counts = (("counts", dumps(value.counts())),)
                text = object_json(value, _KEPT_CHECKS, counts)
            elif name == "lint" and value is not None:
                text = dumps(value.to_dict())
            else:
                text = dumps(value)
            parts.append(f'"{name}": {text}')
        return "{" + ", ".join(parts) + "}"

    def by_status(self, status: str) -> tuple[KeywordResult, ...]:
        return tuple(k for k in self.keywords if k.status == status)

    def missing_by_points(self) -> tuple[KeywordResult, ...]:
        """Missing and partial keywords, most points first."""
        todo = [k for k in self.keywords if k.status != "found"]
        return tuple(sorted(todo, key=lambda k: (-k.points, k.tier, k.id)))

    def scaling_note(self) -> str:
        """Why the points differ from weight x coverage, when they do: the
        components give more than the score allows (a posting's cap, or the
        hold under the strong-fit band for thin evidence), and the points
        are scaled so they still add up to the score. "" when they don't."""
        given = sum(100.0 * c.weight * c.coverage for c in self.components)
        if not self.components or given - self.score < 0.05:
            return ""
        cap = self.role_fit.cap if self.role_fit is not None else None
        why = (
            f"the posting caps the score at {cap:.0f}"
            if cap is not None and self.score >= cap - 0.05
            else "the score is held under the strong-fit band"
        )
        return (
            f"weight x coverage gives {given:.1f}; {why} (see the warning), "
            f"so each component's points are scaled to {self.score:.1f}"
        )

    def hold_note(self) -> str:
        """The edit that lifts a held score, in words ("" when not held)."""
        h = self.hold
        if h is None:
            return ""
        by_id = {k.id: k.label for k in self.keywords}
        labels = [f'"{by_id[i]}"' for i in h.keywords]
        listed = labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]
        where = (
            "an experience bullet with a figure or result"
            if len(labels) == 1
            else "experience bullets, each with a figure or result,"
        )
        return (
            f"{'together: ' if len(labels) > 1 else ''}show {listed} in {where} "
            f"and the hold lifts ({h.evidence_share:.0%} of the must-have weight is shown "
            f"in experience, {h.needed:.0%} needed): +{h.points:.1f} points, to {h.score:.0f}"
        )

    def edits(self) -> tuple[KeywordResult, ...]:
        """The edits worth making, most points first: the missing and partial
        keywords whose suggested placement adds points. A hunting ask an
        account-management resume lacks adds none (the posting is another
        kind of job there, not a skill to add) and stays in the keyword
        tables only."""
        return tuple(k for k in self.missing_by_points() if k.points > 0)


#: Report's fields in declaration order (the order :func:`.serial.plain` writes).
_REPORT_FIELDS = tuple(f.name for f in fields(Report))
#: The fields :meth:`Report.to_json` writes through :data:`.serial.KEPT`.
_KEPT_DOCUMENT = frozenset({"text"})
_KEPT_CHECKS = frozenset({"results", "roles"})
