"""What :func:`~amfit.facts.extract_facts` returns: :class:`Figure`, :class:`Period`,
:class:`BulletFacts`, and the names their fields take."""

from __future__ import annotations

from dataclasses import dataclass

MEASURES = ("book", "retention", "expansion", "nps", "csat", "quota", "other")
#: Kinds of :class:`Figure`. "score" is a bare NPS/CSAT value such as "NPS of 62".
KINDS = ("money", "percent", "count", "score")
PERIOD_KINDS = ("quarter", "year", "fiscal_year", "month", "multi_year", "other")
SEGMENTS = ("smb", "mid-market", "enterprise", "strategic")
RETENTION_TYPES = ("gross", "net", "logo", "dollar", "gross logo", "net dollar")


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure of a bullet; ``text`` is ``bullet[start:end]``."""

    kind: str  # "money" | "percent" | "count" | "score"
    text: str
    start: int
    end: int
    value: float | None  # money in units, percent as 97.0, count as 45.0; low end of a range
    high: float | None  # high end of a range, else None
    currency: str  # "$", "€", "£" or ""
    noun: str  # counts: the counted noun phrase as written; else ""
    measure: str  # one of MEASURES
    retention_type: str  # retention figures: "gross", "net", ... or ""; else ""


@dataclass(frozen=True, slots=True)
class Period:
    """A time frame such as "per quarter", "YoY", "FY24", "over 3 years"."""

    text: str
    start: int
    end: int
    kind: str  # one of PERIOD_KINDS


@dataclass(frozen=True, slots=True)
class BulletFacts:
    """Everything :func:`extract_facts` found in one bullet."""

    text: str
    figures: tuple[Figure, ...]
    periods: tuple[Period, ...]
    segment: str
    segment_source: str  # "bullet" | "role" | "resume" | ""
    numbers: tuple[str, ...]

    def by_measure(self, measure: str) -> tuple[Figure, ...]:
        """The figures that measure ``measure`` (one of :data:`MEASURES`)."""
        return tuple(f for f in self.figures if f.measure == measure)

    @property
    def has_money(self) -> bool:
        return any(f.kind == "money" for f in self.figures)

    @property
    def has_figure(self) -> bool:
        """Any money, percent, count (or NPS/CSAT score) figure."""
        return bool(self.figures)
