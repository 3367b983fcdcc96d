"""What lifts a score held under the strong-fit band.

A resume whose must-haves are mostly listed (a skills line, a summary, a
bullet that is only a list of terms) rather than shown in experience has
its score held under the strong-fit band (:func:`amfit.fit.weights.thin_evidence`).
Above the knee a held score rises a tenth as fast, so each single edit
shows a few tenths of a point: honest for that one edit, but it hides the
edit that matters, showing enough must-haves in experience to lift the
hold. :func:`lift_hold` finds the fewest that do, and what they give.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import HoldLift, KeywordResult
from . import weights


def lift_hold(
    items: Sequence[weights.Item],
    candidates: Sequence[int],
    title_value: float | None,
    cap: float | None = None,
) -> tuple[tuple[int, ...], float] | None:
    """The fewest must-haves of ``candidates`` (heaviest first) that, each
    shown in experience with a result, take the must-have evidence to
    ``weights.STRONG_FIT_EVIDENCE`` and so lift the hold under the
    strong-fit band, with the score they give together. One at
    a time each gains little (a held score rises a tenth as fast): together
    they are the edit that matters. None when nothing is held or the
    candidates cannot lift it."""
    before, _ = weights.compute(items, title_value, cap)
    if before <= weights.THIN_EVIDENCE_KNEE or not weights.thin_evidence(items):
        return None
    changed = list(items)
    chosen: list[int] = []
    musts = [i for i in candidates if items[i].component == "must"]
    for i in sorted(musts, key=lambda i: (-items[i].weight, items[i].key)):
        it = changed[i]
        changed[i] = weights.Item(it.key, it.component, it.weight, weights.EVIDENCE_FULL)
        chosen.append(i)
        if not weights.thin_evidence(changed):
            after, _ = weights.compute(changed, title_value, cap)
            return tuple(chosen), after
    return None


def hold_lift(
    items: Sequence[weights.Item],
    results: Sequence[KeywordResult],
    title_value: float | None,
    cap: float | None,
    score: float,
) -> HoldLift | None:
    """What lifts the hold on ``score``, for the report: of the must-haves
    not found, those whose suggested place is an experience line."""
    candidates = [
        i
        for i, r in enumerate(results)
        if r.status != "found" and r.placement is not None and r.placement.section == "experience"
    ]
    lift = lift_hold(items, candidates, title_value, cap)
    if lift is None:
        return None
    chosen, after = lift
    return HoldLift(
        round(weights.evidence_share(items), 4),
        weights.STRONG_FIT_EVIDENCE,
        tuple(results[i].id for i in chosen),
        round(after, 1),
        round(after - score, 1),
    )
