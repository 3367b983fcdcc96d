"""The fit score: named weights and the one function that computes it.

score = 100 x sum(weight_c x coverage_c) / sum(weight_c), over the
components the posting gives (a posting with no nice-to-have keywords has
no nice component; its weight is shared out among the rest in proportion):

* ``must``  - mean evidence strength over the must-have concepts (over at
  least :data:`MIN_MUST_CONCEPTS` of weight, so one or two asks cannot give 100%)
* ``nice``  - mean evidence strength over the nice-to-have concepts (over
  at least :data:`MIN_NICE_CONCEPTS`)
* ``terms`` - TF-IDF-weighted mean strength over posting-specific terms
  (its weight scaled down when the posting yields fewer than
  :data:`TERMS_FOR_FULL_WEIGHT` terms)
* ``title`` - title fit value (dropped when the posting's title is unknown)

* ``title`` - role fit (:mod:`amfit.fit.role`): the title comparison and
  the posting's lean towards account management or hunting; a posting
  that is not an account-management one has its score capped

Evidence strength of one keyword is its best evidence (repeats add
nothing): an experience bullet or line with a figure or a result word in
it counts :data:`EVIDENCE_FULL`, one without :data:`EVIDENCE_PLAIN`; a
bullet that is only a list of terms, a skills list, summary, header,
education or certification line counts :data:`EVIDENCE_LISTED`. A fuzzy
hit is scaled by its ratio / 100, evidence of a narrower concept (GRR for
client retention) by :data:`NARROWER_FACTOR`.

Each concept weighs its specificity in its component
(:func:`concept_weight`): 1 for a concept that few corpus ads ask, less
for one that many ask ("communication", "stakeholders"), from the counts
of ``data/concept_specificity.tsv``; a concept of a generic category (soft
skills, tools, segments, analytics) weighs :data:`GENERIC_CATEGORY_FACTOR`
of that. So a posting that asks only generic concepts is not a close fit
because a resume shows them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from ..model import Component
from ..resources import data_path

#: Share of the score that must-have keyword coverage carries.
WEIGHT_MUST = 0.40
#: Share of the score that nice-to-have keyword coverage carries.
WEIGHT_NICE = 0.10
#: Share of the score that posting-specific (TF-IDF) term coverage carries.
WEIGHT_TERMS = 0.10
#: Must-have coverage is divided by at least this much concept weight (a
#: fully specific concept weighs 1), so a posting that asks for one or two
#: account-management keywords (an engineering ad that mentions
#: stakeholders) cannot make any resume a perfect fit.
MIN_MUST_CONCEPTS = 4
#: Nice-to-have coverage is divided by at least this much concept weight, so
#: one nice-to-have cannot carry its whole component (+11 points for one word).
MIN_NICE_CONCEPTS = 2
#: The terms component carries its full weight only when the posting yields
#: this many specific terms; with fewer, its weight shrinks in proportion.
TERMS_FOR_FULL_WEIGHT = 6
#: Share of the score that role fit (title and lean) carries.
WEIGHT_TITLE = 0.40

#: Evidence strength of a keyword shown in an experience bullet or line that
#: holds a figure or a result.
EVIDENCE_FULL = 1.0
#: Evidence strength of a keyword in an experience bullet or line with no
#: figure or result.
EVIDENCE_PLAIN = 0.7
#: Evidence strength of a keyword only listed (skills, summary, header, or a
#: bullet that is a list of terms).
EVIDENCE_LISTED = 0.5
#: Factor on evidence that comes from a narrower concept (GRR for client retention).
NARROWER_FACTOR = 0.9
#: A concept asked by at most this share of the corpus ads weighs 1; one
#: asked more widely weighs log(1/share) / log(1/SPECIFIC_SHARE).
SPECIFIC_SHARE = 0.03
#: The least specificity a concept weighs (one asked by nearly every ad).
MIN_SPECIFICITY = 0.1
#: Concept categories that any kind of job asks alike (:func:`concept_weight`).
GENERIC_CATEGORIES = frozenset({"soft_skills", "tools", "segment", "analytics"})
#: Factor on the weight of a concept of a generic category.
GENERIC_CATEGORY_FACTOR = 0.5
#: Concept categories that mark the hunting roles (AE, SDR, sales
#: leadership): the same set as :data:`amfit.fit.role.HUNT_CATEGORIES`.
OTHER_ROLE_CATEGORIES = frozenset({"new_business", "sales_leadership"})
#: Factor on the weight of an ask that marks a hunting role when an
#: account-management resume does not show it (:func:`other_role_factor`).
OTHER_ROLE_FACTOR = 4.0
#: Resume lean (share of account-management evidence) from which a resume
#: is an account-management one (as :data:`amfit.fit.role.AM_RESUME_LEAN`).
AM_RESUME_LEAN = 0.5
#: Pseudo-count of the hunting share (:func:`concept_weight`): a concept
#: few ads ask is taken as half asked by hunting seats, not all or none.
HUNT_PRIOR = 1.0
#: The least factor the hunting share leaves a concept (:func:`concept_weight`):
#: one most ads ask beside hunting asks (upsell, account planning, on a few
#: ads) still says something of an account seat.
MIN_NOT_HUNTING = 0.4
#: Strength at or above which a keyword is "found" (below: "partial").
FOUND_THRESHOLD = 0.7

#: Where the top band ("strong fit") starts (README, "What the score means").
STRONG_FIT = 70.0
#: Share of the must-have weight that has to be *found* (shown in an
#: experience bullet or line, strength at least :data:`FOUND_THRESHOLD`)
#: for a score to reach :data:`STRONG_FIT`: a resume whose must-haves are
#: mostly listed (skills, summary, a bullet that is a list of terms) or
#: missing is at best a good fit, however well its title matches.
STRONG_FIT_EVIDENCE = 0.5
#: Above this, the score of a resume that does not show enough evidence
#: rises only :data:`THIN_EVIDENCE_SLOPE` as fast, so it stays under
#: :data:`STRONG_FIT` (at most 68.5) and keeps its order.
THIN_EVIDENCE_KNEE = 65.0
THIN_EVIDENCE_SLOPE = 0.1

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


#: Bullet shapes (:func:`amfit.fit.evidence.bullet_shape`) and their strength.
SHAPE_STRENGTH = {"result": EVIDENCE_FULL, "plain": EVIDENCE_PLAIN, "list": EVIDENCE_LISTED}


@cache
def concept_asks() -> tuple[int, dict[str, int], dict[str, int]]:
    """Corpus ads counted and, per concept, how many ask it and how many of
    those also ask a hunting concept (``data/concept_specificity.tsv``,
    scripts/build_concept_specificity.py)."""
    ads = 0
    counts: dict[str, int] = {}
    hunting: dict[str, int] = {}
    for line in data_path("concept_specificity.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("# ads\t"):
            ads = int(line.split("\t")[1])
        elif line and not line.startswith("#"):
            cid, n, h = line.split("\t")
            counts[cid] = int(n)
            hunting[cid] = int(h)
    return ads, counts, hunting


def concept_weight(
    concept_id: str, category: str, resume_lean: float | None = None
) -> tuple[float, str]:
    """A concept's weight in its component and why (for the report).

    For an account-management resume (``resume_lean`` at least
    :data:`AM_RESUME_LEAN`), a concept that ads for hunting seats ask as
    often as account seats do (a CRM, quota) weighs the share of its ads
    that ask no hunting concept: it says less about an account seat."""
    return _concept_weight(concept_id, category, _account_resume(resume_lean))


@cache
def _concept_weight(concept_id: str, category: str, account_resume: bool) -> tuple[float, str]:
    """:func:`concept_weight`, worked out once per concept: it reads the
    resume only as "an account-management resume or not", and the scorer
    asks it for every taxonomy ask of every posting of a batch (its reason
    string alone took a third of the time of weighing an ask)."""
    ads, counts, hunting = concept_asks()
    n = counts.get(concept_id, 0)
    share = max(n, 1) / ads if ads else SPECIFIC_SHARE
    spec = math.log(1.0 / share) / math.log(1.0 / SPECIFIC_SHARE)
    spec = max(MIN_SPECIFICITY, min(1.0, spec))
    why = f"asked by {n} of {ads} corpus ads"
    if account_resume and category not in OTHER_ROLE_CATEGORIES and n:
        h = hunting.get(concept_id, 0)
        shared = (h + HUNT_PRIOR) / (n + 2 * HUNT_PRIOR)
        factor = max(MIN_NOT_HUNTING, 1.0 - shared)
        spec *= factor
        why += f", {h} of them hunting ads x{factor:.2f}"
    if category in GENERIC_CATEGORIES:
        spec *= GENERIC_CATEGORY_FACTOR
        why += f", generic category x{GENERIC_CATEGORY_FACTOR}"
    weight = round(spec, 2)
    return weight, f"weight {weight:.2f} ({why})"


def ask_weight(
    concept_id: str, category: str, resume_lean: float | None, strength: float
) -> tuple[float, str]:
    """The weight a taxonomy ask carries in the score, and why: its
    :func:`concept_weight` times :func:`other_role_factor`."""
    weight, why = concept_weight(concept_id, category, resume_lean)
    factor = other_role_factor(category, resume_lean, strength)
    if factor == 1.0:
        return weight, why
    weight = round(weight * factor, 2)
    return weight, (
        f"weight {weight:.2f} ({why[why.find('(') + 1 : -1]}; x{factor:g}: a hunting ask "
        "this account-management resume does not show)"
    )


def _account_resume(resume_lean: float | None) -> bool:
    return resume_lean is not None and resume_lean >= AM_RESUME_LEAN


def other_role_factor(category: str, resume_lean: float | None, strength: float) -> float:
    """Factor on an ask's weight: an ask that marks a hunting role (new
    logos, prospecting, leading reps), which an account-management resume
    does not show in its experience, weighs :data:`OTHER_ROLE_FACTOR`: the
    gap is the posting being another kind of job, not one missing skill."""
    if (
        category in OTHER_ROLE_CATEGORIES
        and _account_resume(resume_lean)
        and strength < FOUND_THRESHOLD
    ):
        return OTHER_ROLE_FACTOR
    return 1.0


def evidence_strength(
    section: str, how: str, match_score: float, *, narrower: bool = False, shape: str = "result"
) -> float:
    base = SHAPE_STRENGTH[shape] if section in FULL_EVIDENCE_SECTIONS else EVIDENCE_LISTED
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


def evidence_share(items: Sequence[Item]) -> float:
    """Share of the must-have weight found with evidence (1 when the posting
    asks no must-have)."""
    return _share([i for i in items if i.component == "must"])


def _share(must: Sequence[Item]) -> float:
    total = sum(i.weight for i in must)
    if not total:
        return 1.0
    return sum(i.weight for i in must if i.strength >= FOUND_THRESHOLD) / total


def thin_evidence(items: Sequence[Item]) -> bool:
    """Is less than :data:`STRONG_FIT_EVIDENCE` of the must-have weight
    found with evidence? (Such a score stays under the top band.)"""
    return _thin([i for i in items if i.component == "must"])


def _thin(must: Sequence[Item]) -> bool:
    """:func:`thin_evidence` of the must-have items alone."""
    return _share(must) < STRONG_FIT_EVIDENCE


def _held_under_top(score: float) -> float:
    if score <= THIN_EVIDENCE_KNEE:
        return score
    return THIN_EVIDENCE_KNEE + THIN_EVIDENCE_SLOPE * (score - THIN_EVIDENCE_KNEE)


_Raw = list[tuple[str, float, float, int, int]]


def _score(
    items: Sequence[Item], title_value: float | None, cap: float | None
) -> tuple[float, float, _Raw, float]:
    """(the score unrounded, the score with no cap and no hold, the
    components as (name, weight, coverage, items, found), their total
    weight): :func:`compute` without its :class:`Component` records, which
    :func:`points_if` (run for every missing keyword) does not read.

    The items are sorted into their components in one pass, each kept in
    the items' order, so every sum adds the same numbers in the same order
    as a pass per component did (the same float, to the last bit)."""
    groups: dict[str, list[Item]] = {"must": [], "nice": [], "terms": []}
    for i in items:
        group = groups.get(i.component)
        if group is not None:
            group.append(i)
    raw: _Raw = []
    for name, group in groups.items():
        if not group:
            continue
        total = sum(i.weight for i in group)
        if name == "must":
            total = max(total, float(MIN_MUST_CONCEPTS))
        elif name == "nice":
            total = max(total, float(MIN_NICE_CONCEPTS))
        coverage = sum(i.weight * i.strength for i in group) / total if total else 0.0
        found = sum(1 for i in group if i.strength >= FOUND_THRESHOLD)  # status_of "found"
        weight = COMPONENT_WEIGHTS[name]
        if name == "terms":
            weight *= min(1.0, len(group) / TERMS_FOR_FULL_WEIGHT)
        raw.append((name, weight, coverage, len(group), found))
    if title_value is not None:
        raw.append(("title", WEIGHT_TITLE, title_value, 1, int(title_value >= FOUND_THRESHOLD)))
    total_weight = sum(w for _, w, _, _, _ in raw)
    if not total_weight:
        return 0.0, 0.0, raw, 0.0
    score = 100.0 * sum(w * cov for _, w, cov, _, _ in raw) / total_weight
    value = min(100.0 if cap is None else cap, max(0.0, score))
    if _thin(groups["must"]):
        value = _held_under_top(value)
    return value, min(100.0, max(0.0, score)), raw, total_weight


def compute(
    items: Sequence[Item], title_value: float | None, cap: float | None = None
) -> tuple[float, tuple[Component, ...]]:
    """The 0-100 score and its components. ``title_value`` None drops the
    title part; ``cap`` is the highest score the posting allows; a resume
    that shows too few must-haves with evidence stays under the top band
    (:func:`thin_evidence`)."""
    value, uncapped, raw, total_weight = _score(items, title_value, cap)
    if not total_weight:
        return 0.0, ()
    # A capped score shares the cap out over the components in proportion,
    # so the points still add up to the score.
    scale = value / uncapped if uncapped else 1.0
    parts = tuple(
        Component(
            name,
            round(w / total_weight, 4),
            round(cov, 4),
            round(100.0 * w * cov / total_weight * scale, 2),
            n,
            f,
        )
        for name, w, cov, n, f in raw
    )
    return round(value, 1), parts


def points_if(
    items: Sequence[Item],
    index: int,
    strength: float,
    title_value: float | None,
    before: float,
    cap: float | None = None,
) -> float:
    """Points the score gains when item ``index`` gets evidence of
    ``strength`` (rescored: the strength of the placement suggested)."""
    changed = list(items)
    it = changed[index]
    if strength <= it.strength:
        return 0.0
    changed[index] = Item(it.key, it.component, it.weight, strength)
    after = round(_score(changed, title_value, cap)[0], 1)  # compute()'s score
    return round(after - before, 1)


def points_if_full(
    items: Sequence[Item], index: int, title_value: float | None, before: float | None = None
) -> float:
    """Points the score gains when item ``index`` gets full evidence (rescored)."""
    if before is None:
        before, _ = compute(items, title_value)
    return points_if(items, index, EVIDENCE_FULL, title_value, before)
