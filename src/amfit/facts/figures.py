"""Raw figures: atoms joined into ranges ("$400K-$1.2M"), pairs ("from 21 to
44", "45 of 48 accounts"), counts with their noun and bare NPS/CSAT scores,
before their measure is known."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .atoms import Atom
from .nouns import count_noun


@dataclass(slots=True)
class RawFigure:
    kind: str
    start: int
    end: int
    value: float | None
    high: float | None
    currency: str
    noun: str = ""
    head: str = ""  # count head class
    noun_start: int = -1
    word_before: int = -1  # start of the first atom of the group (for verb look-back)
    group: int = 0  # figures read from one "from X to Y" share a group


_RANGE_DASH = re.compile(r"\s?[-–—]\s?$")
_TO = re.compile(r"\s+to\s+$")
_AND = re.compile(r"\s+and\s+$")
_OF = re.compile(r"\s+of\s+(?:the\s+|my\s+|our\s+|their\s+|those\s+|these\s+|its\s+)?$")
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:about\s+|roughly\s+|around\s+|just\s+)?$", re.IGNORECASE)
_RANGING_BEFORE = re.compile(
    r"\b(?:rang(?:e|ed|es|ing)|spanning)\s+(?:from\s+)?$|\bbetween\s+$", re.IGNORECASE
)


def _join(text: str, a: Atom, b: Atom) -> str:
    """How two neighbouring atoms relate: "range", "fromto", "of" or ""."""
    gap = text[a.end : b.start]
    if len(gap) > 8 or (b.word != a.word and (a.money or a.percent or b.money or b.percent)):
        return ""
    before = text[max(0, a.start - 24) : a.start]
    a_marked = a.money or a.percent
    b_marked = b.money or b.percent
    compatible = (
        (a.percent and b.percent)
        or (a.money and (b.money or (not b.percent and b.mult > 1)))
        or (not a_marked and (b_marked or not b.percent))
    )
    if not compatible:
        return ""
    if _RANGE_DASH.fullmatch(gap) or (_AND.fullmatch(gap) and re.search(r"between\s+$", before)):
        return "range"
    if _TO.fullmatch(gap):
        if _RANGING_BEFORE.search(before):
            return "range"
        if _FROM_BEFORE.search(before):
            return "fromto"
        if a_marked and b_marked:
            return "fromto"
        return "range"
    if _OF.fullmatch(gap) and not a_marked and not b_marked:
        return "of"
    return ""


_SCORE_CUE_AFTER = re.compile(
    r"\s*(?:NPS|CSAT|net\s+promoter|(?:customer\s+|client\s+)?satisfaction)\b", re.IGNORECASE
)
_SCORE_CUE_BEFORE = re.compile(
    r"(?P<cue>\bNPS\b|\bCSAT\b|\bnet\s+promoter(?:\s+score)?|\bsatisfaction)"
    r"(?:[\s:=(]+(?:scores?|ratings?|of|to|from|at|by|was|is|rose|grew|increased|improved|raised"
    r"|lifted|up|hit|reached|a|an|the|average|avg|points?)\b)*[\s:=(+]*$",
    re.IGNORECASE,
)


def _score_measure(text: str, start: int, end: int) -> str:
    after = _SCORE_CUE_AFTER.match(text, end)
    if after:
        return "nps" if re.search(r"nps|promoter", after.group(), re.I) else "csat"
    before = _SCORE_CUE_BEFORE.search(text, max(0, start - 60), start)
    if before:
        return "nps" if re.search(r"nps|promoter", before.group("cue"), re.I) else "csat"
    return ""


_UP_FROM_RE = re.compile(r"[\s(,;]*(?:(?:up|down|rising|falling)\s+)?from\s+", re.IGNORECASE)


def raw_figures(text: str, atoms: list[Atom]) -> list[RawFigure]:
    out: list[RawFigure] = []
    i = 0
    n = len(atoms)
    taken_until = -1
    while i < n:
        a = atoms[i]
        if a.start < taken_until:
            i += 1
            continue
        b = atoms[i + 1] if i + 1 < n else None
        how = _join(text, a, b) if b is not None else ""
        figs: list[RawFigure] = []
        if how == "range" and b is not None:
            figs = _range_figure(text, a, b)
        elif how in ("fromto", "of") and b is not None:
            figs = _pair_figures(text, a, b)
        step = 2
        if not figs:
            single = _single_figure(text, a, a.start)
            if (
                single is None
                and out
                and out[-1].kind == "score"
                and not a.word
                and _UP_FROM_RE.fullmatch(text, out[-1].end, a.start)
            ):
                # "NPS 62 (up from 38)": the earlier score of the same measure.
                single = RawFigure("score", a.start, a.end, a.raw, None, "", head=out[-1].head)
            figs, step = ([single] if single is not None else []), 1
        for fig in figs:
            fig.group = i
        out.extend(figs)
        if figs:
            taken_until = max(f.end for f in figs)
        i += step
    return out


def _marked_kind(a: Atom) -> str:
    if a.percent:
        return "percent"
    if a.money:
        return "money"
    return ""


def _single_figure(text: str, a: Atom, group_start: int) -> RawFigure | None:
    """The figure one atom makes on its own; ``group_start`` is where a "from X to Y"
    pair starts (a score cue stands before the pair: "NPS from 21 to 44")."""
    kind = _marked_kind(a)
    if kind:
        return RawFigure(kind, a.start, a.end, a.value, None, a.currency)
    if a.denom_end:
        measure = _score_measure(text, group_start, a.denom_end)
        if measure:
            return RawFigure("score", a.start, a.denom_end, a.raw, None, "", head=measure)
        return None
    noun = count_noun(text, a.end, strict=a.word)
    if noun is not None:
        ns, ne, cls = noun
        return RawFigure("count", a.start, ne, a.value, None, "", text[ns:ne], cls, ns, a.start)
    if a.word:
        return None
    measure = _score_measure(text, group_start, a.end)
    if measure and -100 <= a.value <= 100 and a.mult == 1:
        return RawFigure("score", a.start, a.end, a.value, None, "", head=measure)
    if a.mult > 1 and not _is_year(a):
        return RawFigure("money", a.start, a.end, a.value, None, "")
    return None


def _is_year(a: Atom) -> bool:
    return a.mult == 1 and not a.word and a.raw.is_integer() and 1950 <= a.raw <= 2099


def _scaled_low(a: Atom, b: Atom) -> float:
    """The low end of a range: "$1-2M" reads the 1 in millions."""
    if a.mult == 1 and b.mult > 1 and a.raw <= b.raw:
        return a.raw * b.mult
    return a.value


def _range_figure(text: str, a: Atom, b: Atom) -> list[RawFigure]:
    low = _scaled_low(a, b)
    if low > b.value:
        return []
    kind = _marked_kind(b) or _marked_kind(a)
    currency = a.currency or b.currency
    if kind == "percent" or kind == "money":
        return [RawFigure(kind, a.start, b.end, low, b.value, currency)]
    noun = count_noun(text, b.end, strict=a.word or b.word)
    if noun is not None:
        ns, ne, cls = noun
        return [RawFigure("count", a.start, ne, low, b.value, "", text[ns:ne], cls, ns, a.start)]
    if b.mult > 1 and not _is_year(a):
        return [RawFigure("money", a.start, b.end, low, b.value, "")]
    return []


def _pair_figures(text: str, a: Atom, b: Atom) -> list[RawFigure]:
    """ "from X to Y" and "X of Y accounts": two figures, the first taking what it
    lacks (percent sign, currency, multiplier, noun) from the second."""
    second = _single_figure(text, b, a.start)
    if second is None:
        return []
    first = _single_figure(text, a, a.start)
    if first is None:
        value = _scaled_low(a, b)
        if second.kind == "count":
            first = RawFigure(
                "count", a.start, a.end, value, None, "", second.noun, second.head, -1, a.start
            )
        elif second.kind in ("percent", "money") and not (a.money or a.percent):
            first = RawFigure(second.kind, a.start, a.end, value, None, second.currency)
        elif second.kind == "score" and not a.word:
            first = RawFigure("score", a.start, a.end, a.raw, None, "", head=second.head)
        else:
            return [second]
    return [first, second]
