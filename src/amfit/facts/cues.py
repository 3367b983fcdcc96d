"""Cues and clauses: the words that say what a figure measures ("NRR", "book",
"upsell", "quota") and the clause spans a cue must share with its figure."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from .figures import RawFigure
from .words import CLAUSE_VERBS, NOT_VERBS, QUOTA_MODIFIERS

_RET_QUAL = r"(?:(?:gross|net)[\s-]+(?:(?:logo|dollar|revenue|customer|account|ARR)[\s-]+)?"
_RET_QUAL += r"|(?:logo|dollar|revenue|customer|account|client|ARR)[\s-]+)?"
_CUE_RE = re.compile(
    rf"(?P<ret>\b{_RET_QUAL}(?:retention|churn(?:ed|ing)?|retained)(?:\s+rates?)?\b)"
    r"|(?P<abbr>\b(?:GRR|NRR|NDR|GDR)\b)"
    r"|(?P<quota>\b(?:of|to|vs\.?|versus|against|over|above|than|beat|exceeded|exceeding|exceed)\s+"
    rf"(?:(?:the|my|our|their|{QUOTA_MODIFIERS})\s+)*(?:plan|target|goal|number|quota)s?\b"
    rf"|\b(?:(?:{QUOTA_MODIFIERS})\s+)+(?:quota|target|goal)s?\b"
    r"|\bquotas?\b|\battainment\b|\bpresident'?s'?\s+club\b)"
    r"|(?P<other>\bnew[\s-]+(?:logos?|business|accounts?|customers?|clients?)\b|\bnet[\s-]new\b"
    r"|\bpipeline\b|\bprospect\w*|\bsavings\b|\bcosts?\b|\bROI\b|\btickets?\b"
    r"|\bresponse\s+times?\b|\bhandle\s+times?\b|\bforecast(?:s|ing)?\b|\badoption\b|\busage\b"
    r"|\butili[sz]ation\b|\bengagement\b|\bwin\s+rate\b|\bdiscount\w*)"
    r"|(?P<exp>\bup[\s-]?s(?:ell|ells|elling|old)\b|\bcross[\s-]?s(?:ell|ells|elling|old)\b"
    r"|\bexpan(?:sion|sions|d|ds|ded|ding)\b|\badd[\s-]?ons?\b|\bmodules?\b|\bseat\s+growth\b"
    r"|\bwallet[\s-]share\b"
    r"|\b(?:existing|current|installed)\s+(?:customers?|accounts?|clients?|base|book)\b"
    r"|\bgr[eo]w(?:s|ing)?\s+(?:(?:the|their|its)\s+)?(?:accounts?|account\s+revenue)\b"
    r"|\bupgrade[sd]?\b|\badd(?:ed|ing)\b|\bland[\s-]and[\s-]expand\b)"
    r"|(?P<renew>\brenew(?:al|als|ed|ing|s)?\b(?:\s+rates?)?|\bretain(?:s|ing)?\b"
    r"|\bat[\s-]risk\b|\bsave\s+rate\b|\bcontraction\b|\bdownsell\w*|\brecover(?:ed|ing|y)?\b"
    r"|\bwon\s+back\b|\bwin[\s-]?backs?\b|\bturned\s+around\b|\bturnaround\b"
    # "saved $1.1M ARR" is a retention save; "saved the client $300K" is not.
    r"|\b(?:sav|rescu)(?:ed|ing)\b(?!\s+(?:the\s+|a\s+|our\s+|their\s+|my\s+)?"
    r"(?:clients?|customers?|company|companies|them|us|team|hours|time)))"
    r"|(?P<nps>\bNPS\b|\bnet\s+promoter(?:\s+score)?\b)"
    r"|(?P<csat>\bCSAT\b|\b(?:customer|client)\s+satisfaction(?:\s+scores?)?\b|\bsatisfaction\b)"
    r"|(?P<book>\bARR\b|\bMRR\b|\bACV\b|\b(?:annual|average)\s+contract\s+values?\b"
    r"|\bannual\s+recurring\s+revenue\b|\bbook(?:\s+of\s+business)?\b|\bportfolios?\b)"
    r"|(?P<verb>\bmanag(?:e|ed|es|ing)\b|\bown(?:ed|s|ing)?\b|\boversaw\b|\boversee(?:s|ing)?\b"
    r"|\bcarr(?:y|ied|ies|ying)\b|\binherited\b|\bresponsible\s+for\b)"
    r"|(?P<acct>\b(?:accounts|clients|customers)\b)",
    re.IGNORECASE,
)
_CUE_MEASURE = {
    "ret": "retention",
    "abbr": "retention",
    "renew": "retention",
    "quota": "quota",
    "other": "other",
    "exp": "expansion",
    "nps": "nps",
    "csat": "csat",
    "book": "book",
    "verb": "book",
    "acct": "book",
}
#: Extra distance (in characters) that a weak cue needs to beat a specific one.
_CUE_PENALTY = {"book": 12, "verb": 12, "acct": 25}
BEFORE_PENALTY = 10
_ABBR_TYPE = {"grr": "gross", "gdr": "gross", "nrr": "net", "ndr": "net dollar"}


@dataclass(frozen=True, slots=True)
class Cue:
    start: int
    end: int
    group: str
    measure: str
    rtype: str
    penalty: int


def retention_type(group: str, words: str) -> str:
    words = words.lower()
    if group == "abbr":
        return _ABBR_TYPE.get(words, "")
    if group != "ret":
        return ""
    parts = re.findall(r"gross|net|logo|dollar", words)
    base = next((p for p in parts if p in ("gross", "net")), "")
    kind = next((p for p in parts if p in ("logo", "dollar")), "")
    if base == "gross" and kind == "dollar":
        return "gross"
    if base == "net" and kind == "logo":
        return "net"
    return f"{base} {kind}".strip()


#: "in my book", "across the portfolio": where something happened, not what a figure is.
_LOCATIVE_RE = re.compile(
    r"\b(?:in|across|within|throughout|from|of)\s+(?:my|the|our|a|their|his|her)\s+$",
    re.IGNORECASE,
)


def find_cues(text: str) -> list[Cue]:
    out = []
    for m in _CUE_RE.finditer(text):
        group = m.lastgroup or ""
        penalty = _CUE_PENALTY.get(group, 0)
        if group == "book" and _LOCATIVE_RE.search(text, max(0, m.start() - 16), m.start()):
            penalty += 15
        out.append(
            Cue(
                m.start(),
                m.end(),
                group,
                _CUE_MEASURE[group],
                retention_type(group, m.group()),
                penalty,
            )
        )
    return out


#: A verb, which starts a new clause after "and", "by", "while"...
_VERBISH = (
    rf"(?!(?:{NOT_VERBS})\b)"
    rf"(?:[A-Za-z]+ing|[A-Za-z]{{3,}}ed|{CLAUSE_VERBS})\b"
)
_HARD_SPLIT_RE = re.compile(r";|:\s|[.!?]\s+|\s[—–-]\s|—|\n|\s\|\s|,\s")
_VERB_SPLIT_RE = re.compile(
    r"\s(?:and|while|by|through|via|after|with|to|resulting\s+in|leading\s+to|helping|then)\s+"
    rf"(?={_VERBISH})",
    re.IGNORECASE,
)
_AND_RE = re.compile(r"\s(?:and|&|plus|as\s+well\s+as)\s", re.IGNORECASE)
_LIST_SEP_RE = re.compile(r",?\s+(?:and|or|&)\s+|,\s+|\s*/\s*", re.IGNORECASE)


def clause_spans(text: str, figures: list[RawFigure]) -> list[tuple[int, int]]:
    """Clause spans: split at ";", ", ", sentence ends and dashes, before a verb after
    "and"/"by"/"while"/..., and at "and" when figures stand on both sides."""

    def inside_figure(pos: int) -> bool:
        if any(f.start < pos < f.end for f in figures):
            return True
        # "118%, 124% and 131% of quota": a list of figures is one clause.
        before = next((f for f in reversed(figures) if f.end <= pos), None)
        after = next((f for f in figures if f.start >= pos), None)
        return (
            before is not None
            and after is not None
            and before.kind == after.kind != "count"
            and _LIST_SEP_RE.fullmatch(text, before.end, after.start) is not None
        )

    cuts = {0, len(text)}
    for pattern in (_HARD_SPLIT_RE, _VERB_SPLIT_RE):
        for m in pattern.finditer(text):
            if not inside_figure(m.start()):
                cuts.add(m.start())
                cuts.add(m.end())
    bounds = sorted(cuts)
    spans = [(s, e) for s, e in pairwise(bounds) if e > s]
    out: list[tuple[int, int]] = []
    for s, e in spans:
        start = s
        for m in _AND_RE.finditer(text, s, e):
            if inside_figure(m.start()):
                continue
            left = any(start <= f.start < m.start() for f in figures)
            right = any(m.end() <= f.start < e for f in figures)
            if left and right:
                out.append((start, m.start()))
                start = m.end()
        out.append((start, e))
    return out
