"""What one figure measures (book, retention, expansion, NPS, CSAT, quota or
other) and, for retention, its type: the nearest cue in its clause, a verb
before a count of accounts, the base of a percentage, or the figure before it."""

from __future__ import annotations

import re
from bisect import bisect_left

from .cues import BEFORE_PENALTY, Cue, retention_type
from .figures import RawFigure
from .records import Figure
from .words import (
    BASE_FILLER,
    EXPAND_VERBS,
    LEAD_FILLER,
    LOOKBACK_FILLER,
    RETAIN_VERBS,
    SOLD_TO_VERBS,
    STOP_WORDS,
)

_WORD_RE = re.compile(r"\s+([$€£]?[A-Za-z0-9][A-Za-z0-9'&.,%$-]*)")
_OF_AFTER_RE = re.compile(r"\s+of\b")


def _percent_base(text: str, end: int) -> tuple[int, int] | None:
    """The span of "of <base>" after a percentage ("97% of ARR", "95% of at-risk accounts")."""
    m = _OF_AFTER_RE.match(text, end)
    if not m:
        return None
    pos = m.end()
    base_end = pos
    for _ in range(5):
        w = _WORD_RE.match(text, pos)
        if not w:
            break
        word = w.group(1).lower().rstrip(".,")
        if word in STOP_WORDS and word not in BASE_FILLER:
            break
        pos = base_end = w.start(1) + len(w.group(1).rstrip(".,"))
    return end, base_end


_DANGLING_RE = re.compile(
    r"\s*\(?(gross|net)(?:[\s-]+(logo|dollar))?\)?(?=\s*(?:and|&|,|/|;|\)|$|\.(?:\s|$)))",
    re.IGNORECASE,
)
_BY_BEFORE = re.compile(
    r"\bby\s+(?:about\s+|over\s+|nearly\s+|almost\s+|more\s+than\s+|roughly\s+|~)?$",
    re.IGNORECASE,
)


def _verb_before(text: str, pos: int) -> str:
    """The measure a verb right before a count of accounts gives it: "retained 45
    accounts" is retention, "upsold 12 accounts" and "cross-sold the add-on to 62
    customers" are expansion."""
    words = re.findall(r"[A-Za-z0-9~$€£%-]+", text[max(0, pos - 80) : pos])
    for i in range(len(words) - 1, -1, -1):
        low = words[i].lower()
        if low in LOOKBACK_FILLER:
            continue
        if any(ch.isdigit() for ch in low):
            return ""  # "45 of 48 accounts": the verb belongs to the first number
        if low in RETAIN_VERBS:
            return "retention"
        if low in EXPAND_VERBS:
            return "expansion"
        if low == "to":
            for word in reversed(words[max(0, i - 6) : i]):
                if any(ch.isdigit() for ch in word):
                    break
                if word.lower() in SOLD_TO_VERBS:
                    return "expansion"
            return ""
        return ""
    return ""


#: Cues farther than this (in characters) from a figure are not its cues.
_MAX_CUE_DISTANCE = 160


def _between(fig: RawFigure, cue: Cue, blockers: list[RawFigure]) -> int:
    """How many other figures (of another group) stand between a figure and a cue.

    ``blockers`` is sorted by start; the search window is bounded by
    :data:`_MAX_CUE_DISTANCE`, so this stays cheap on long texts.
    """
    lo, hi = (fig.end, cue.start) if cue.start >= fig.end else (cue.end, fig.start)
    first = bisect_left(blockers, lo, key=lambda b: b.start)
    count = 0
    for b in blockers[first:]:
        if b.start >= hi:
            break
        if b.group != fig.group and b.end <= hi:
            count += 1
    return count


def _best_cue(
    fig: RawFigure,
    cues: list[Cue],
    span: tuple[int, int],
    text: str,
    blockers: list[RawFigure],
    *,
    strong_only: bool,
    extra: int,
) -> tuple[float, Cue] | None:
    lo, hi = span
    base = _percent_base(text, fig.end) if fig.kind == "percent" else None
    by_delta = bool(_BY_BEFORE.search(text, max(0, fig.start - 24), fig.start))
    best: tuple[float, Cue] | None = None
    first = bisect_left(cues, max(lo, fig.start - _MAX_CUE_DISTANCE), key=lambda c: c.end)
    for cue in cues[first:]:
        if cue.start >= hi or cue.start > fig.end + _MAX_CUE_DISTANCE:
            break
        if cue.end <= lo:
            continue
        if strong_only and cue.penalty:
            continue
        if cue.start < fig.end and cue.end > fig.start:
            continue  # inside the figure (count nouns are handled by the caller)
        in_base = base is not None and base[0] <= cue.start < base[1] and cue.measure != "quota"
        if in_base and cue.penalty:
            continue  # "97% of ARR": the base names what is counted, not the measure
        if cue.start >= fig.end:
            if cue.group == "verb":
                continue
            dist = cue.start - fig.end + (30 if by_delta else 0)
        else:
            dist = fig.start - cue.end + BEFORE_PENALTY
        score = dist + cue.penalty + extra + 20 * _between(fig, cue, blockers)
        if in_base:
            score += 40  # "closed 100% of renewals": the base decides only when nothing else does
        if best is None or score < best[0]:
            best = (score, cue)
    return best


def _typed_retention(
    fig: RawFigure, cue: Cue, cues: list[Cue], span: tuple[int, int], blockers: list[RawFigure]
) -> str:
    """The retention type of the chosen cue, or else of the nearest typed cue in
    the clause that no other figure stands in front of."""
    if cue.rtype:
        return cue.rtype
    lo, hi = span
    lo, hi = max(lo, fig.start - _MAX_CUE_DISTANCE), min(hi, fig.end + _MAX_CUE_DISTANCE)
    first = bisect_left(cues, lo, key=lambda c: c.start)
    typed = []
    for c in cues[first:]:
        if c.start >= hi:
            break
        if c.rtype and not _between(fig, c, blockers):
            typed.append(c)
    if not typed:
        return ""
    return min(typed, key=lambda c: abs(c.start - fig.start)).rtype


def measure_of(
    fig: RawFigure,
    text: str,
    cues: list[Cue],
    clauses: list[tuple[int, int]],
    blockers: list[RawFigure],
    prev: Figure | None,
) -> tuple[str, str]:
    """(measure, retention type) of one figure; ``prev`` is the figure before it.

    A money or percent figure whose clause holds no cue takes the measure of
    the figure before it when that one is of the same kind and in an earlier
    clause and leads its own clause ("renewed 97% of ARR, 95% of logos");
    failing that, the nearest specific (not book) cue anywhere in the bullet
    decides.
    """
    if fig.kind == "score":
        return fig.head, ""
    span = next(((s, e) for s, e in clauses if s <= fig.start < e), (0, len(text)))
    found: tuple[float, Cue] | None = None
    if fig.kind == "count":
        inner = [c for c in cues if fig.noun_start <= c.start < fig.end and not c.penalty]
        if fig.noun_start >= 0 and inner:
            cue = inner[0]
            if fig.head != "account" or cue.measure in ("other", "retention"):
                found = (0.0, cue)
        if found is None:
            if fig.head == "account":
                return _verb_before(text, fig.word_before) or "book", ""
            if fig.head in ("retention", "expansion"):
                return fig.head, ""
            if fig.head != "generic":
                return "other", ""
            found = _best_cue(fig, cues, span, text, blockers, strong_only=True, extra=0)
    else:
        if fig.kind == "percent" and any(c.measure == "retention" for c in cues):
            dangling = _DANGLING_RE.match(text, fig.end)
            if dangling:
                words = " ".join(g for g in dangling.groups() if g)
                return "retention", retention_type("ret", words)
        found = _best_cue(fig, cues, span, text, blockers, strong_only=False, extra=0)
        if (
            found is None
            and prev is not None
            and prev.kind == fig.kind
            and prev.end <= span[0]
            and _leads_clause(text, span[0], fig.start)
        ):
            # "97% of ARR, 95% of logos": a figure with its own base takes its type from it.
            has_base = fig.kind == "percent" and _percent_base(text, fig.end) is not None
            rtype = _base_type(text, fig) if has_base else prev.retention_type
            return prev.measure, rtype if prev.measure == "retention" else ""
        if found is None:
            span = (0, len(text))
            found = _best_cue(fig, cues, span, text, blockers, strong_only=True, extra=20)
    if found is None:
        return "other", ""
    cue = found[1]
    if cue.measure != "retention":
        return cue.measure, ""
    return "retention", _typed_retention(fig, cue, cues, span, blockers) or _base_type(text, fig)


def _leads_clause(text: str, start: int, pos: int) -> bool:
    """Whether only filler words ("and", "up from") stand before ``pos`` in its clause."""
    return all(w.lower() in LEAD_FILLER for w in re.findall(r"[A-Za-z]+", text[start:pos]))


def _base_type(text: str, fig: RawFigure) -> str:
    """ "Renewed 95% of logos" is logo retention."""
    base = _percent_base(text, fig.end) if fig.kind == "percent" else None
    if base and re.search(r"\blogos?\b", text[base[0] : base[1]], re.IGNORECASE):
        return "logo"
    return ""
