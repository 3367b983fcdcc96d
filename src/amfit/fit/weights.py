"""The fit score: named weights and the one function that computes it.

score = 100 x sum(weight_c x coverage_c) / sum(weight_c), over the
components the posting gives (a posting with no nice-to-have keywords has
no nice component; its weight is shared out among the rest in proportion):

* ``must``  - mean evidence strength over the must-have concepts (over at
  least :data:`MIN_MUST_CONCEPTS`, so one or two asks cannot give 100%)
* ``nice``  - mean evidence strength over the nice-to-have concepts
* ``terms`` - TF-IDF-weighted mean strength over posting-specific terms
  (its weight scaled down when the posting yields fewer than
  :data:`TERMS_FOR_FULL_WEIGHT` terms)
* ``title`` - title fit value (dropped when the posting's title is unknown)

Evidence strength of one keyword is its best evidence: a bullet or line of
the experience section counts :data:`EVIDENCE_FULL`, a skills list, summary,
header, education or certification line :data:`EVIDENCE_LISTED`; a fuzzy
hit is scaled by its ratio / 100, and evidence of a narrower concept (GRR
for client retention) by :data:`NARROWER_FACTOR`. Repeats add nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Component

#: Share of the score that must-have keyword coverage carries.
WEIGHT_MUST = 0.50
#: Share of the score that nice-to-have keyword coverage carries.
WEIGHT_NICE = 0.15
#: Share of the score that posting-specific (TF-IDF) term coverage carries.
WEIGHT_TERMS = 0.15
#: Must-have coverage is divided by at least this many concepts, so a posting
#: that asks for one or two account-management keywords (an engineering ad
#: that mentions stakeholders) cannot make any resume a perfect fit.
MIN_MUST_CONCEPTS = 6
#: The terms component carries its full weight only when the posting yields
#: this many specific terms; with fewer, its weight shrinks in proportion.
TERMS_FOR_FULL_WEIGHT = 6
#: Share of the score that title fit carries.
WEIGHT_TITLE = 0.20

#: Evidence strength of a keyword shown in an experience bullet or line.
EVIDENCE_FULL = 1.0
#: Evidence strength of a keyword only listed (skills, summary, header...).
EVIDENCE_LISTED = 0.5
#: Factor on evidence that comes from a narrower concept (GRR for client retention).
NARROWER_FACTOR = 0.8
#: Strength at or above which a keyword is "found" (below: "partial").
FOUND_THRESHOLD = 0.75

#: Title-fit values by level.
TITLE_VALUES = {
    "same": 1.0,
    "family": 0.8,
    "neighbour": 0.5,
    "different": 0.0,
    "unknown": 0.0,
}

#: Resume sections whose bullets and lines are full evidence.
FULL_EVIDENCE_SECTIONS = frozenset({"experience", "other"})

COMPONENT_WEIGHTS = {
    "must": WEIGHT_MUST,
    "nice": WEIGHT_NICE,
    "terms": WEIGHT_TERMS,
    "title": WEIGHT_TITLE,
}


def evidence_strength(
    section: str, how: str, match_score: float, *, narrower: bool = False
) -> float:
    base = EVIDENCE_FULL if section in FULL_EVIDENCE_SECTIONS else EVIDENCE_LISTED
    quality = match_score / 100.0 if how == "fuzzy" else 1.0
    if narrower:
        quality *= NARROWER_FACTOR
    return round(base * quality, 4)


def status_of(strength: float) -> str:
    if strength >= FOUND_THRESHOLD:
        return "found"
    return "partial" if strength > 0 else "missing"


@dataclass(frozen=True, slots=True)
class Item:
    """What the score needs of one asked keyword."""

    key: str
    component: str  # must | nice | terms
    weight: float  # 1 for concepts, the TF-IDF weight for terms
    strength: float


def compute(
    items: Sequence[Item], title_value: float | None
) -> tuple[float, tuple[Component, ...]]:
    """The 0-100 score and its components. ``title_value`` None drops the title part."""
    raw: list[tuple[str, float, float, int, int]] = []
    for name in ("must", "nice", "terms"):
        group = [i for i in items if i.component == name]
        if not group:
            continue
        total = sum(i.weight for i in group)
        if name == "must":
            total = max(total, float(MIN_MUST_CONCEPTS))
        coverage = sum(i.weight * i.strength for i in group) / total if total else 0.0
        found = sum(1 for i in group if status_of(i.strength) == "found")
        weight = COMPONENT_WEIGHTS[name]
        if name == "terms":
            weight *= min(1.0, len(group) / TERMS_FOR_FULL_WEIGHT)
        raw.append((name, weight, coverage, len(group), found))
    if title_value is not None:
        raw.append(("title", WEIGHT_TITLE, title_value, 1, int(title_value >= FOUND_THRESHOLD)))
    total_weight = sum(w for _, w, _, _, _ in raw)
    if not total_weight:
        return 0.0, ()
    parts = tuple(
        Component(
            name,
            round(w / total_weight, 4),
            round(cov, 4),
            round(100.0 * w * cov / total_weight, 2),
            n,
            f,
        )
        for name, w, cov, n, f in raw
    )
    return round(_value(raw, total_weight), 1), parts


def _value(raw: Sequence[tuple[str, float, float, int, int]], total_weight: float) -> float:
    score = 100.0 * sum(w * cov for _, w, cov, _, _ in raw) / total_weight
    return min(100.0, max(0.0, score))


def points_if_full(
    items: Sequence[Item], index: int, title_value: float | None, before: float | None = None
) -> float:
    """Points the score gains when item ``index`` gets full evidence (rescored).

    ``before`` is the score as it stands (``compute(items, title_value)[0]``),
    when the caller has it already.
    """
    changed = list(items)
    it = changed[index]
    changed[index] = Item(it.key, it.component, it.weight, EVIDENCE_FULL)
    if before is None:
        before, _ = compute(items, title_value)
    after, _ = compute(changed, title_value)
    return round(after - before, 1)
