"""Facts stated in one resume bullet: figures, periods, segment and number tokens.

The bullet rules judge *what a bullet claims*, not which words it uses. An
account-manager bullet is strong when it names the book (dollars and account
count, with the segment), a retention figure with its type (gross or net,
logo or dollar), an expansion figure and a time frame; it is weak when a
number is missing, untyped or implausible for the segment (DOMAIN.md §3-4).
This module reads those facts out of one bullet with plain regular
expressions (no parser, no model: it runs on every bullet of every resume):

* :class:`Figure` -- a money amount (``$6.2M``, ``€2M``, ``$400K-$1.2M``), a
  percentage (``97%``, ``20-30%``, ``12 percent``) or a count with its noun
  (``45 accounts``, ``a dozen accounts``, ``four to six stakeholders``),
  with its value and what it measures (book, retention, expansion, NPS,
  CSAT, quota or other) and, for retention, the type the bullet gives.
  A bare NPS or CSAT score (``NPS from 21 to 44``, ``CSAT 4.8/5``) is a
  fourth kind, ``"score"``, since it is a figure without a unit.
* :class:`Period` -- a time frame (``per quarter``, ``YoY``, ``FY24``,
  ``over 3 years``, ``Q3 2024``). Years, fiscal years, quarters and
  "3 years" / "12-month" are periods, never counts.
* the segment (SMB, mid-market, enterprise, strategic) from the bullet, else
  from the role title, else from the resume as a whole.
* every number token (:func:`numbers_in`), for the check that a rewrite
  never contains a number the original did not.

What a figure measures is read from *cues* (words such as "NRR", "book",
"upsell", "quota") in the same clause: the nearest cue wins, a cue after the
number ("97% gross revenue retention") beats one at the same distance before
it ("NRR of 112%"), and the book cues (ARR, ACV, book, portfolio, "managed")
yield to the specific ones. A bullet is cut into clauses at ";", ", ",
sentence ends and dashes, before a verb after "and"/"by"/"while", and at
"and" when figures stand on both sides ("97% GRR and 112% NRR"); a list of
figures ("118%, 124% and 131% of quota") stays one clause. A count is
measured by its noun first: accounts, clients or customers are a book size
unless a verb such as "retained" or "upsold" governs them.

Known limits, all by design of a fast pattern reader: a number before its
noun ("grew seats from 400 to 1,100") is not a count; four-digit numbers
from 1950 to 2099 are always years; multipliers ("3x") and spelled-out
numbers above ninety are not figures; a bullet that packs several claims
into one clause can give a figure its neighbour's measure.

Why one long module: every section (figures, periods, units, verbs,
scope) reads the same token walk of one bullet and the same word sets;
splitting it into a ``facts/`` package along those sections, with the word
sets as data, is the next step (docs/architecture.md).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

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


# -- number tokens --------------------------------------------------------------------

#: A number token: a word of letters then digits ("FY24", "Q3", "H1", "B2B",
#: "FY'24"), or a run that starts with a digit, optionally after one currency
#: sign, holds digits, commas and dots, ends in a digit and keeps the letters
#: and the percent sign glued to it ("$6.2M", "$1,250,000", "97%", "3x",
#: "2nd", "24x7"). Signs, "+", spaces and hyphens end a token, so "40%+" is
#: "40%", "20-30%" is "20" and "30%", "24/7" is "24" and "7". Number words
#: ("twelve", "a dozen") are not tokens.
_NUMBER_TOKEN_RE = re.compile(
    r"(?<![A-Za-z0-9_])[A-Za-z]+'?[0-9][A-Za-z0-9]*"
    r"|[$€£][0-9](?:[0-9,.]*[0-9])?(?:[A-Za-z][A-Za-z0-9]*)?%?"
    r"|(?<![A-Za-z0-9_$€£.,])[0-9](?:[0-9,.]*[0-9])?(?:[A-Za-z][A-Za-z0-9]*)?%?"
)


def numbers_in(text: str) -> tuple[str, ...]:
    """The number tokens of ``text`` as written, in order (duplicates kept).

    A token is a maximal run ``[$€£]?[0-9][0-9,.]*[0-9]`` with the letters and
    ``%`` glued to its end ("$6.2M", "97%", "3x", "1,250,000"), or a word of
    letters followed by digits ("FY24", "Q3", "H1"). Trailing punctuation is
    not part of a token ("2019." -> "2019"); a hyphen or slash splits one
    ("20-30%" -> "20", "30%"). Spelled-out numbers are not tokens, so a
    rewrite that turns "a dozen accounts" into "12 accounts" adds the token
    "12". Only ASCII digits count.
    """
    return tuple(m.group() for m in _NUMBER_TOKEN_RE.finditer(text))


# -- segments ------------------------------------------------------------------------

_SEGMENT_RE = re.compile(
    r"(?P<strategic>\b(?:strategic|key)[\s-]+(?:(?:enterprise|global|named|national|customer"
    r"|client)\s+)?(?:accounts?|clients?|customers?|partners?|relationships?)\b|\bKAM\b)"
    # "enterprise tier/plan/software" names a product, not a customer segment.
    r"|(?P<enterprise>\b(?:large[\s-]+)?enterprises?\b(?![\s-]+(?:tier|plan|edition|licen[cs]e"
    r"|software|saas|grade|level|version|package|product|suite|sku|add-on|features?)\b)"
    r"|\bFortune[\s-]+(?:50|100|500|1,?000)\b|\bF(?:50|100|500|1000)\b"
    r"|\bGlobal[\s-]+(?:2,?000|1,?000)\b|\bG2(?:000|K)\b)"
    r"|(?P<smb>\bSMBs?\b|\bSMEs?\b"
    r"|\bsmall[\s-]+(?:and|&)[\s-]+(?:mid|medium)[\s-]*(?:sized?[\s-]+)?business(?:es)?\b"
    r"|\bsmall[\s-]+business(?:es)?\b|\bsmall[\s-]+(?:companies|customers|clients)\b)"
    r"|(?P<mid>\bmid[\s-]?market\b|\bmid[\s-]?sized?[\s-]+(?:companies|businesses|customers"
    r"|clients|accounts|organi[sz]ations)\b)",
    re.IGNORECASE,
)
_SEGMENT_NAMES = {"strategic": "strategic", "enterprise": "enterprise", "smb": "smb"}
_SEGMENT_NAMES["mid"] = "mid-market"


@lru_cache(maxsize=512)
def segment_of(text: str) -> str:
    """The segment a text names: "smb", "mid-market", "enterprise", "strategic" or "".

    "Strategic/key accounts" (and KAM) are "strategic"; "Fortune 500",
    "Global 2000" and "enterprise" are "enterprise"; "SMB", "SME" and "small
    business" are "smb"; "mid-market" and "mid-sized companies" are
    "mid-market". When a text names several, the most frequent wins, ties
    going to the one named first.
    """
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for m in _SEGMENT_RE.finditer(text):
        name = _SEGMENT_NAMES[m.lastgroup or ""]
        counts[name] = counts.get(name, 0) + 1
        first.setdefault(name, m.start())
    if not counts:
        return ""
    return min(counts, key=lambda s: (-counts[s], first[s]))


# -- periods -------------------------------------------------------------------------


def _split(text: str) -> list[str]:
    return text.split()


def _words(text: str) -> frozenset[str]:
    return frozenset(_split(text))


#: A number after one of these words names a list or a version, not a figure.
_RANK_WORDS = _words(
    "fortune global forbes inc inc. russell ftse s&p series tier level version v no no. "
    "number page suite unit room route id phase step stage g rank ranked"
)
_PREV_WORD_RE = re.compile(r"([A-Za-z&.]+)\s*#?\s*$")

_WORD_VALUES = {
    w: float(i)
    for i, w in enumerate(
        _split(
            "zero one two three four five six seven eight nine ten eleven twelve thirteen "
            "fourteen fifteen sixteen seventeen eighteen nineteen twenty"
        )
    )
    if i
}
_WORD_VALUES.update(
    {
        w: float(10 * i)
        for i, w in enumerate(_split("thirty forty fifty sixty seventy eighty ninety"), 3)
    }
)
_NUMWORD = "|".join(sorted(_WORD_VALUES, key=len, reverse=True))
_UNIT = r"(?:years?|yrs?|quarters?|qtrs?|months?|mos?|weeks?|wks?|days?|hours?|hrs?)"
_PREP = (
    r"(?:in\s+just|in\s+under|in\s+less\s+than|over\s+the\s+course\s+of|over|in|within|across"
    r"|during|for|after|under|inside|throughout)"
)
_PERIOD_NUM = (
    rf"(?:(?<![A-Za-z0-9_.,/$€£])[0-9]+(?:\.[0-9]+)?|\b(?:{_NUMWORD})\b"
    r"|\b(?:several|multiple|a\s+few)\b)"
)

_PERIOD_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "duration",
        re.compile(
            rf"(?:\b{_PREP}\s+)?(?:(?:the|my|its|their|our)\s+)?"
            r"(?:(?:past|last|first|next|prior|initial|following)\s+)?"
            rf"(?P<n>{_PERIOD_NUM})(?:\s?[-–]\s?(?:[0-9]+|{_NUMWORD}))?\+?(?:\s+|-)"
            r"(?:(?:consecutive|straight|full|fiscal|calendar|successive|business|working)\s+)?"
            rf"(?P<unit>{_UNIT})\b",
            re.IGNORECASE,
        ),
    ),
    (
        "unit",
        re.compile(
            rf"\b{_PREP}\s+(?:the|my|its|their|our|a|an|one|this|that)\s+"
            r"(?:(?:past|last|first|next|prior|full|single|same|initial)\s+)?"
            r"(?:(?:fiscal|calendar)\s+)?(?P<unit>year|quarter|month|week)\b"
            r"|\b(?:this|last|next|that|prior|previous)\s+(?:fiscal\s+|calendar\s+)?"
            r"(?P<unit2>year|quarter|month)\b"
            r"|\b(?:per|each|every|a|an)\s+(?:fiscal\s+|calendar\s+)?"
            r"(?P<unit3>year|quarter|month|week|day)\b"
            r"|/\s?(?P<unit4>yr|year|quarter|qtr|mo|month)\b|\bper\s+annum\b|\bp\.a\.",
            re.IGNORECASE,
        ),
    ),
    (
        "adverb",
        re.compile(
            r"\b(?:quarterly|annually|yearly|monthly|weekly|bi-?annually|semi-?annually)\b"
            r"(?!\s+(?:business|recurring|active|check-?ins?|reviews?|cadence|syncs?|meetings?"
            r"|touchpoints?|calls?|reports?|reporting))",
            re.IGNORECASE,
        ),
    ),
    (
        "over",
        re.compile(
            r"\b(?:YoY|Y/Y|year[\s-]over[\s-]year|QoQ|Q/Q|quarter[\s-]over[\s-]quarter|MoM|M/M"
            r"|month[\s-]over[\s-]month)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "fiscal",
        re.compile(
            r"\bFY\s?'?[0-9]{2}(?:[0-9]{2})?(?:\s?[-–/]\s?'?[0-9]{2}(?:[0-9]{2})?)?(?![A-Za-z0-9])"
            r"|\bfiscal\s+(?:year\s+)?'?(?:19|20)?[0-9]{2}(?![A-Za-z0-9])|\bfiscal\s+year\b",
            re.IGNORECASE,
        ),
    ),
    (
        "quarter",
        re.compile(
            r"\b(?:Q[1-4](?:\s?[-–]\s?Q[1-4])?|[1-4]Q)(?:\s?'[0-9]{2}|\s?(?:19|20)[0-9]{2}"
            r"|\s+FY\s?'?[0-9]{2}(?:[0-9]{2})?|[0-9]{2})?(?![A-Za-z0-9])"
        ),
    ),
    (
        "half",
        re.compile(
            r"\b(?:H[12]|[12]H)(?:\s?'?[0-9]{2}|\s+(?:19|20)[0-9]{2})?(?![A-Za-z0-9])"
            r"|\b(?:first|second)\s+half(?:\s+of\s+(?:19|20)[0-9]{2})?\b",
            re.IGNORECASE,
        ),
    ),
    (
        "year",
        re.compile(
            r"(?<![A-Za-z0-9_.,/$€£#])(?:19[5-9][0-9]|20[0-9]{2})"
            r"(?P<range>\s?[-–—]\s?(?:(?:19|20)[0-9]{2}|'?[0-9]{2}(?![0-9])|present|current|now"
            r"|today))?(?![A-Za-z0-9%+]|[.,][0-9])",
            re.IGNORECASE,
        ),
    ),
)

_UNIT_KIND = {"y": "year", "q": "quarter", "m": "month"}


def _unit_kind(unit: str) -> str:
    """ "years" -> "year", "qtrs" -> "quarter", "mos" -> "month", weeks and days -> "other"."""
    return _UNIT_KIND.get(unit[:1].lower(), "other")


def _word_number(word: str) -> float | None:
    word = word.lower()
    if word[:1].isdigit():
        try:
            return float(word)
        except ValueError:  # pragma: no cover - the pattern only admits numbers
            return None
    if word in ("several", "multiple") or word.startswith("a"):
        return 3.0
    return _WORD_VALUES.get(word)


def _period_kind(name: str, m: re.Match[str]) -> str:
    text = m.group().lower()
    if name == "duration":
        kind = _unit_kind(m.group("unit"))
        if kind == "year":
            n = _word_number(m.group("n"))
            joined = text[m.end("n") - m.start() :]
            is_range = bool(re.match(r"\s?[-–]\s?[0-9a-z]", joined)) and not re.match(
                r"\s?-(?:year|yr)", joined
            )
            return "multi_year" if is_range or (n is not None and n >= 2) else "year"
        return kind
    if name == "unit":
        if "annum" in text or text.startswith("p."):
            return "year"
        return _unit_kind(next(g for g in m.groups() if g))
    if name == "adverb":
        if text.startswith("quarter"):
            return "quarter"
        if text.startswith("month"):
            return "month"
        if text in ("annually", "yearly"):
            return "year"
        return "other"
    if name == "over":
        return {"y": "year", "q": "quarter", "m": "month"}[text[0]]
    if name == "fiscal":
        return "fiscal_year"
    if name == "quarter":
        return "quarter"
    if name == "year":
        return "multi_year" if m.group("range") else "year"
    return "other"


def _periods(text: str) -> list[Period]:
    found: list[tuple[int, int, str]] = []
    for name, pattern in _PERIOD_PATTERNS:
        for m in pattern.finditer(text):
            if name == "year":
                prev = _PREV_WORD_RE.search(text, max(0, m.start() - 12), m.start())
                if prev and prev.group(1).lower() in _RANK_WORDS:
                    continue  # "Global 2000" is a list, not a year
            start = m.start()
            if name == "duration" and text[m.end("n") : m.start("unit")].strip() == "-":
                start = m.start("n")  # "after 6-month negotiation": the span is "6-month"
            if m.end() > start:
                found.append((start, m.end(), _period_kind(name, m)))
    found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    out: list[Period] = []
    last_end = -1
    for start, end, kind in found:
        if start >= last_end:
            out.append(Period(text[start:end], start, end, kind))
            last_end = end
    return out


# -- numeric atoms ---------------------------------------------------------------------

_NUM = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?"
_ATOM_RE = re.compile(
    rf"""
    (?P<cur>(?:US|CA|AU|NZ|C|A)?\$|[€£]|\b(?:USD|EUR|GBP)\s?)?
    (?<![A-Za-z0-9_.,/#])
    (?P<num>{_NUM})
    (?:(?P<suf>MM|mm|[bB][nN]|[kKmMbB])(?![A-Za-z0-9])
       |\s?(?P<scale>(?i:thousand|million|billion))\b)?
    (?P<cur2>\s(?:dollars|USD|euros?|EUR|GBP)\b)?
    (?P<pct>\s?%|\s(?i:percent|per\s+cent|pct)\b)?
    (?P<plus>\+)?
    """,
    re.VERBOSE,
)
_DOZEN = {"a": 12.0, "an": 12.0, "half a": 6.0}
_WORD_ATOM_RE = re.compile(
    rf"\b(?:(?P<dz>a|an|half\s+a|{_NUMWORD})\s+dozen"
    rf"|(?P<w>{_NUMWORD})(?:-(?P<w2>one|two|three|four|five|six|seven|eight|nine))?)"
    r"\b(?P<plus>\+)?",
    re.IGNORECASE,
)
_MULT = {"k": 1e3, "m": 1e6, "mm": 1e6, "b": 1e9, "bn": 1e9}
_MULT.update({"thousand": 1e3, "million": 1e6, "billion": 1e9})
_CURRENCY_OF = {"$": "$", "€": "€", "£": "£", "usd": "$", "eur": "€", "gbp": "£"}
_CURRENCY_OF.update({"dollars": "$", "euro": "€", "euros": "€"})
#: "4.8/5", "9/10": a rating's scale.
_DENOMINATOR_RE = re.compile(r"/\s?(?:5|10|100)(?![0-9])")


@dataclass(slots=True)
class _Atom:
    start: int
    end: int
    value: float  # with its multiplier
    raw: float  # as written, without multiplier
    mult: float  # 1.0 when none is written
    currency: str
    money: bool
    percent: bool
    word: bool
    denom_end: int = 0  # "4.8/5": end of the "/5"


def _to_float(num: str) -> float:
    return float(num.replace(",", ""))


def _atom_ok(text: str, start: int, end: int) -> bool:
    """Reject numbers glued to letters ("3x", "2nd"), compound modifiers ("12-month"),
    dates and codes ("24/7", "3/15"), and ranks ("Fortune 500", "Tier 1")."""
    nxt = text[end : end + 2]
    if nxt[:1].isalnum() or nxt[:1] == "_":
        return False
    if nxt[:1] == "-" and nxt[1:2].isalpha():
        return False
    if nxt[:1] in "/.," and nxt[1:2].isdigit():
        return False
    if (
        start >= 2
        and text[start - 1] in "-/"
        and text[start - 2].isalpha()
        and not re.search(r"[0-9][A-Za-z]{1,2}-$", text[max(0, start - 4) : start])
    ):
        return False
    if start >= 1 and text[start - 1] == "/":
        return False
    prev = _PREV_WORD_RE.search(text, max(0, start - 12), start)
    return not (prev and prev.group(1).lower() in _RANK_WORDS)


def _atoms(text: str, blocked: list[tuple[int, int]]) -> list[_Atom]:
    def in_period(pos: int) -> bool:
        return any(s <= pos < e for s, e in blocked)

    atoms: list[_Atom] = []
    for m in _ATOM_RE.finditer(text):
        start = m.start("cur") if m.group("cur") else m.start("num")
        end = m.end()
        percent = bool(m.group("pct"))
        cur_text = (m.group("cur") or m.group("cur2") or "").strip()
        key = cur_text[-1:] if cur_text.endswith("$") else cur_text.lower()
        currency = _CURRENCY_OF.get(key, "")
        money = bool(currency) and not percent
        denom_end = 0
        if not _atom_ok(text, start, end):
            d = _DENOMINATOR_RE.match(text, end)
            if d and not (money or percent or m.group("plus")) and _atom_ok(text, start, d.end()):
                denom_end = d.end()
            else:
                continue
        if not (money or percent) and in_period(start):
            continue
        suffix = (m.group("suf") or m.group("scale") or "").lower()
        mult = _MULT.get(suffix, 1.0)
        raw = _to_float(m.group("num"))
        atoms.append(
            _Atom(
                start, end, raw * mult, raw, mult, currency or "", money, percent, False, denom_end
            )
        )
    for m in _WORD_ATOM_RE.finditer(text):
        if not _atom_ok(text, m.start(), m.end()) or in_period(m.start()):
            continue
        if any(a.start <= m.start() < a.end for a in atoms):
            continue
        if m.group("dz"):
            dz = re.sub(r"\s+", " ", m.group("dz").lower())
            value = _DOZEN.get(dz) or 12.0 * _WORD_VALUES[dz]
        else:
            value = _WORD_VALUES[m.group("w").lower()]
            if m.group("w2"):
                value += _WORD_VALUES[m.group("w2").lower()]
        atoms.append(_Atom(m.start(), m.end(), value, value, 1.0, "", False, False, True))
    atoms.sort(key=lambda a: a.start)
    return atoms


# -- count nouns -----------------------------------------------------------------------

_ACCOUNT_HEADS = _words(
    "account client customer logo institution company business organization organisation "
    "enterprise hospital system school district university college bank union firm agency "
    "retailer distributor dealer reseller partner carrier practice clinic store location site "
    "franchise advertiser merchant restaurant publisher municipality tenant brand property "
    "manufacturer supplier vendor insurer payer provider lab laboratory group network chain "
    "org household member-firm"
)
_RENEWAL_HEADS = _words("renewal save rescue")
_EXPANSION_HEADS = _words(
    "upsell up-sell cross-sell crosssell expansion add-on addon module seat license licence upgrade"
)
#: Heads whose measure comes from the clause ("8 deals worth $1.2M in upsell").
_GENERIC_HEADS = _words(
    "deal contract opportunity point pt product line solution sku agreement order win "
    "percentage-point"
)
_OTHER_HEADS = _words(
    "stakeholder executive exec sponsor decision-maker champion contact user qbr ebr region "
    "country market territory vertical segment rep manager hire person people employee report "
    "team project program implementation integration escalation ticket case call meeting "
    "workshop language state office workflow playbook service campaign event webinar rfp "
    "proposal initiative relationship dashboard training session instance workspace "
    "department division unit member leader director vp ceo cfo cio cto admin persona channel "
    "associate specialist engineer analyst trainee direct-report"
)
_ACRONYM_HEADS = {
    "AM": "other",
    "AE": "other",
    "CSM": "other",
    "SDR": "other",
    "BDR": "other",
    "KAM": "other",
    "QBR": "other",
    "EBR": "other",
    "SKU": "generic",
    "RFP": "other",
    "OEM": "account",
    "MSP": "account",
    "VAR": "account",
    "ISV": "account",
    "SI": "account",
    "SMB": "account",
    "SME": "account",
}
_HEAD_CLASS: dict[str, str] = {}
for _cls, _members in (
    ("other", _OTHER_HEADS),
    ("generic", _GENERIC_HEADS),
    ("expansion", _EXPANSION_HEADS),
    ("retention", _RENEWAL_HEADS),
    ("account", _ACCOUNT_HEADS),
):
    _HEAD_CLASS.update(dict.fromkeys(_members, _cls))
#: Words a head is a modifier of ("account managers", "customer success").
_COMPOUND_AFTER = _words(
    "plan plans planning manager managers management team teams review reviews health "
    "strategy strategies executive executives director directors base list lists mapping "
    "map maps growth revenue owner owners success support service services experience "
    "relationship relationships lead leads portfolio book onboarding facing-teams"
)
_STOP = _words(
    "a an the of to in on at by for with from and or but as per across into over under than "
    "that which who whom whose while within through via each every is was were are be been "
    "being has had have it its their our my his her this these those more less up down out "
    "so if then also not no all any both either some such same other own very too only "
    "including include includes like about around after before between during without "
    "toward towards onto upon among against versus vs worth totaling totalling generating "
    "representing valued i we they he she you me us them"
)
_TIME_UNITS = _words(
    "year years yr yrs quarter quarters qtr qtrs month months mo mos week weeks wk wks day "
    "days hour hours hr hrs minute minutes"
)
_NOT_NOUNS = _words(
    "times various numerous previous famous serious plus less unless thus this his its yes "
    "was has does goes makes takes gives gets keeps runs wins leads sells grows drives "
    "includes brings helps holds always perhaps towards afterwards across bonus status "
    "focus campus virus consensus minus gross bus"
)
_NOUN_TOKEN_RE = re.compile(
    r"[ \t]+(?:(?P<rank>(?:Fortune|Global|Forbes|Inc\.?|Russell|FTSE|S&P)[ \t]+[0-9][0-9,]*)"
    r"|(?P<w>[A-Za-z][A-Za-z0-9'&]*(?:-[A-Za-z0-9]+)*))"
)


_OF_DET = _words("the those these my our their its his her")


def _singulars(word: str) -> list[str]:
    out = [word]
    if word.endswith("ies") and len(word) > 4:
        out.append(word[:-3] + "y")
    if word.endswith("es") and len(word) > 3:
        out.append(word[:-2])
    if word.endswith("s") and len(word) > 2:
        out.append(word[:-1])
    if word.endswith("'s"):
        out.append(word[:-2])
    return out


def _head_class(token: str) -> str | None:
    for cand in _singulars(token):
        if cand in _ACRONYM_HEADS:
            return _ACRONYM_HEADS[cand]
    low = token.lower().rstrip("'")
    if low == "people":
        return "other"
    for cand in _singulars(low):
        if cand in _HEAD_CLASS:
            return _HEAD_CLASS[cand]
    return None


def _looks_plural(token: str) -> bool:
    if re.fullmatch(r"[A-Z]{2,}s", token):
        return True
    low = token.lower()
    return (
        bool(re.fullmatch(r"[a-z][a-z-]{2,}s", low))
        and low not in _NOT_NOUNS
        and not low.endswith(("ss", "us", "is", "ous", "ics"))
    )


def _count_noun(text: str, pos: int, *, strict: bool) -> tuple[int, int, str] | None:
    """The counted noun phrase after ``pos``: (start, end, head class), or None.

    The phrase is up to four modifiers and a known head noun ("strategic
    accounts", "Fortune 100 institutions", "multi-year renewals"); a head
    followed by another head or a compound word is a modifier ("customer
    stakeholders", "account managers"). With ``strict`` false, a lone plural
    word right after the number also counts ("45 orgs"). A time unit ("3
    years") is never a count.
    """
    tokens: list[tuple[int, int, str, bool]] = []
    end = pos
    for _ in range(7):
        m = _NOUN_TOKEN_RE.match(text, end)
        if not m:
            break
        rank = bool(m.group("rank"))
        word = m.group("rank") or m.group("w")
        tokens.append((m.start("rank") if rank else m.start("w"), m.end(), word, rank))
        end = m.end()
    if (
        not strict
        and len(tokens) > 2
        and tokens[0][2].lower() == "of"
        and tokens[1][2].lower() in _OF_DET
    ):
        tokens = tokens[2:]  # "62 of those customers", "45 of our accounts"
    if not tokens:
        return None
    cls: str | None = None
    last = -1
    for i, (_, _, word, rank) in enumerate(tokens):
        if rank:
            if cls is not None:
                break
            continue
        low = word.lower()
        head = _head_class(word) if low not in _STOP else None
        if low in _TIME_UNITS:
            return None  # "five business days" is a duration
        if cls is None:
            if low in _STOP or i >= 5:
                break
            if head is not None:
                cls, last = head, i
            continue
        if head is not None:
            cls, last = head, i
        elif low in _COMPOUND_AFTER:
            cls, last = "other", i
        else:
            # A singular head before more words is a modifier ("2 customer
            # advisory boards"); the phrase then ends at the next plural word.
            prev = tokens[last][2]
            if not prev.lower().endswith("s") and low not in _STOP:
                for j in range(i, min(i + 2, len(tokens))):
                    word_j = tokens[j][2]
                    if word_j.lower() in _STOP or tokens[j][3]:
                        break
                    if _looks_plural(word_j):
                        cls, last = "other", j
                        break
            break
    if cls is not None:
        return tokens[0][0], tokens[last][1], cls
    first = tokens[0]
    if not strict and not first[3] and _looks_plural(first[2]):
        return first[0], first[1], "generic"
    return None


# -- raw figures ---------------------------------------------------------------------


@dataclass(slots=True)
class _Raw:
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


def _join(text: str, a: _Atom, b: _Atom) -> str:
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


def _raw_figures(text: str, atoms: list[_Atom]) -> list[_Raw]:
    out: list[_Raw] = []
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
        figs: list[_Raw] = []
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
                single = _Raw("score", a.start, a.end, a.raw, None, "", head=out[-1].head)
            figs, step = ([single] if single is not None else []), 1
        for fig in figs:
            fig.group = i
        out.extend(figs)
        if figs:
            taken_until = max(f.end for f in figs)
        i += step
    return out


def _marked_kind(a: _Atom) -> str:
    if a.percent:
        return "percent"
    if a.money:
        return "money"
    return ""


def _single_figure(text: str, a: _Atom, group_start: int) -> _Raw | None:
    """The figure one atom makes on its own; ``group_start`` is where a "from X to Y"
    pair starts (a score cue stands before the pair: "NPS from 21 to 44")."""
    kind = _marked_kind(a)
    if kind:
        return _Raw(kind, a.start, a.end, a.value, None, a.currency)
    if a.denom_end:
        measure = _score_measure(text, group_start, a.denom_end)
        if measure:
            return _Raw("score", a.start, a.denom_end, a.raw, None, "", head=measure)
        return None
    noun = _count_noun(text, a.end, strict=a.word)
    if noun is not None:
        ns, ne, cls = noun
        return _Raw("count", a.start, ne, a.value, None, "", text[ns:ne], cls, ns, a.start)
    if a.word:
        return None
    measure = _score_measure(text, group_start, a.end)
    if measure and -100 <= a.value <= 100 and a.mult == 1:
        return _Raw("score", a.start, a.end, a.value, None, "", head=measure)
    if a.mult > 1 and not _is_year(a):
        return _Raw("money", a.start, a.end, a.value, None, "")
    return None


def _is_year(a: _Atom) -> bool:
    return a.mult == 1 and not a.word and a.raw.is_integer() and 1950 <= a.raw <= 2099


def _scaled_low(a: _Atom, b: _Atom) -> float:
    """The low end of a range: "$1-2M" reads the 1 in millions."""
    if a.mult == 1 and b.mult > 1 and a.raw <= b.raw:
        return a.raw * b.mult
    return a.value


def _range_figure(text: str, a: _Atom, b: _Atom) -> list[_Raw]:
    low = _scaled_low(a, b)
    if low > b.value:
        return []
    kind = _marked_kind(b) or _marked_kind(a)
    currency = a.currency or b.currency
    if kind == "percent" or kind == "money":
        return [_Raw(kind, a.start, b.end, low, b.value, currency)]
    noun = _count_noun(text, b.end, strict=a.word or b.word)
    if noun is not None:
        ns, ne, cls = noun
        return [_Raw("count", a.start, ne, low, b.value, "", text[ns:ne], cls, ns, a.start)]
    if b.mult > 1 and not _is_year(a):
        return [_Raw("money", a.start, b.end, low, b.value, "")]
    return []


def _pair_figures(text: str, a: _Atom, b: _Atom) -> list[_Raw]:
    """ "from X to Y" and "X of Y accounts": two figures, the first taking what it
    lacks (percent sign, currency, multiplier, noun) from the second."""
    second = _single_figure(text, b, a.start)
    if second is None:
        return []
    first = _single_figure(text, a, a.start)
    if first is None:
        value = _scaled_low(a, b)
        if second.kind == "count":
            first = _Raw(
                "count", a.start, a.end, value, None, "", second.noun, second.head, -1, a.start
            )
        elif second.kind in ("percent", "money") and not (a.money or a.percent):
            first = _Raw(second.kind, a.start, a.end, value, None, second.currency)
        elif second.kind == "score" and not a.word:
            first = _Raw("score", a.start, a.end, a.raw, None, "", head=second.head)
        else:
            return [second]
    return [first, second]


# -- cues and clauses ----------------------------------------------------------------

_RET_QUAL = r"(?:(?:gross|net)[\s-]+(?:(?:logo|dollar|revenue|customer|account|ARR)[\s-]+)?"
_RET_QUAL += r"|(?:logo|dollar|revenue|customer|account|client|ARR)[\s-]+)?"
#: Words that may stand between "of" and "quota": "of annual new-business quota".
_QUOTA_MOD = (
    r"annual|quarterly|renewal|expansion|team|revenue|sales|retention|upsell|company|individual"
    r"|assigned|full-year|yearly|new[\s-]business|new[\s-]logo"
)
_CUE_RE = re.compile(
    rf"(?P<ret>\b{_RET_QUAL}(?:retention|churn(?:ed|ing)?|retained)(?:\s+rates?)?\b)"
    r"|(?P<abbr>\b(?:GRR|NRR|NDR|GDR)\b)"
    r"|(?P<quota>\b(?:of|to|vs\.?|versus|against|over|above|than|beat|exceeded|exceeding|exceed)\s+"
    rf"(?:(?:the|my|our|their|{_QUOTA_MOD})\s+)*(?:plan|target|goal|number|quota)s?\b"
    rf"|\b(?:(?:{_QUOTA_MOD})\s+)+(?:quota|target|goal)s?\b"
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
_BEFORE_PENALTY = 10
_ABBR_TYPE = {"grr": "gross", "gdr": "gross", "nrr": "net", "ndr": "net dollar"}


@dataclass(frozen=True, slots=True)
class _Cue:
    start: int
    end: int
    group: str
    measure: str
    rtype: str
    penalty: int


def _retention_type(group: str, words: str) -> str:
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


def _cues(text: str) -> list[_Cue]:
    out = []
    for m in _CUE_RE.finditer(text):
        group = m.lastgroup or ""
        penalty = _CUE_PENALTY.get(group, 0)
        if group == "book" and _LOCATIVE_RE.search(text, max(0, m.start() - 16), m.start()):
            penalty += 15
        out.append(
            _Cue(
                m.start(),
                m.end(),
                group,
                _CUE_MEASURE[group],
                _retention_type(group, m.group()),
                penalty,
            )
        )
    return out


_VERBISH = (
    r"(?!(?:existing|outstanding|remaining|recurring|pending|ongoing|upcoming|incoming"
    r"|underlying|competing|following|including|during|nothing|something|anything|everything"
    r"|pricing|onboarding|spring|string|thing|things|king|ring|wing)\b)"
    r"(?:[A-Za-z]+ing|[A-Za-z]{3,}ed|grew|drove|led|won|ran|built|sold|upsold|cross-sold|kept"
    r"|hit|beat|held|made|took|brought|cut|rose|lifted|raised|grow|drive|expand|retain|reduce"
    r"|increase|improve|lift|secure|protect|close|renew|upsell|cross-sell|deliver|raise|boost"
    r"|achieve|exceed|lower|maintain|keep|save|land|win|recover|add|lead|run|build|sell|own"
    r"|manage|negotiate|launch)\b"
)
_HARD_SPLIT_RE = re.compile(r";|:\s|[.!?]\s+|\s[—–-]\s|—|\n|\s\|\s|,\s")
_VERB_SPLIT_RE = re.compile(
    r"\s(?:and|while|by|through|via|after|with|to|resulting\s+in|leading\s+to|helping|then)\s+"
    rf"(?={_VERBISH})",
    re.IGNORECASE,
)
_AND_RE = re.compile(r"\s(?:and|&|plus|as\s+well\s+as)\s", re.IGNORECASE)
_LIST_SEP_RE = re.compile(r",?\s+(?:and|or|&)\s+|,\s+|\s*/\s*", re.IGNORECASE)


def _clauses(text: str, figures: list[_Raw]) -> list[tuple[int, int]]:
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


_BASE_FILLER = _words("the my our their its all total annual a an")
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
        if word in _STOP and word not in _BASE_FILLER:
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
_RETAIN_VERBS = _words(
    "retained retain retaining renewed renew renewing saved save saving rescued rescue "
    "recovered kept protected"
)
_EXPAND_VERBS = _words(
    "upsold upsell upselling up-sold cross-sold cross-sell cross-selling crosssold expanded "
    "expand expanding grew grow growing penetrated"
)
#: "cross-sold the add-on to 62 customers": selling to a count of accounts is expansion.
_SOLD_TO_VERBS = _words(
    "upsold up-sold cross-sold crosssold sold upsell upselling cross-sell cross-selling selling "
    "added adding"
)
_LOOKBACK_FILLER = _words(
    "over nearly about approximately around roughly more than all the a an of total top "
    "~ almost some"
)


def _verb_before(text: str, pos: int) -> str:
    """The measure a verb right before a count of accounts gives it: "retained 45
    accounts" is retention, "upsold 12 accounts" and "cross-sold the add-on to 62
    customers" are expansion."""
    words = re.findall(r"[A-Za-z0-9~$€£%-]+", text[max(0, pos - 80) : pos])
    for i in range(len(words) - 1, -1, -1):
        low = words[i].lower()
        if low in _LOOKBACK_FILLER:
            continue
        if any(ch.isdigit() for ch in low):
            return ""  # "45 of 48 accounts": the verb belongs to the first number
        if low in _RETAIN_VERBS:
            return "retention"
        if low in _EXPAND_VERBS:
            return "expansion"
        if low == "to":
            for word in reversed(words[max(0, i - 6) : i]):
                if any(ch.isdigit() for ch in word):
                    break
                if word.lower() in _SOLD_TO_VERBS:
                    return "expansion"
            return ""
        return ""
    return ""


#: Cues farther than this (in characters) from a figure are not its cues.
_MAX_CUE_DISTANCE = 160


def _between(fig: _Raw, cue: _Cue, blockers: list[_Raw]) -> int:
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
    fig: _Raw,
    cues: list[_Cue],
    span: tuple[int, int],
    text: str,
    blockers: list[_Raw],
    *,
    strong_only: bool,
    extra: int,
) -> tuple[float, _Cue] | None:
    lo, hi = span
    base = _percent_base(text, fig.end) if fig.kind == "percent" else None
    by_delta = bool(_BY_BEFORE.search(text, max(0, fig.start - 24), fig.start))
    best: tuple[float, _Cue] | None = None
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
            dist = fig.start - cue.end + _BEFORE_PENALTY
        score = dist + cue.penalty + extra + 20 * _between(fig, cue, blockers)
        if in_base:
            score += 40  # "closed 100% of renewals": the base decides only when nothing else does
        if best is None or score < best[0]:
            best = (score, cue)
    return best


def _typed_retention(
    fig: _Raw, cue: _Cue, cues: list[_Cue], span: tuple[int, int], blockers: list[_Raw]
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


def _measure(
    fig: _Raw,
    text: str,
    cues: list[_Cue],
    clauses: list[tuple[int, int]],
    blockers: list[_Raw],
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
    found: tuple[float, _Cue] | None = None
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
                return "retention", _retention_type("ret", words)
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


_LEAD_FILLER = _words(
    "and or with plus up down from to also vs versus compared a an the about nearly over "
    "almost roughly around approximately at"
)


def _leads_clause(text: str, start: int, pos: int) -> bool:
    """Whether only filler words ("and", "up from") stand before ``pos`` in its clause."""
    return all(w.lower() in _LEAD_FILLER for w in re.findall(r"[A-Za-z]+", text[start:pos]))


def _base_type(text: str, fig: _Raw) -> str:
    """ "Renewed 95% of logos" is logo retention."""
    base = _percent_base(text, fig.end) if fig.kind == "percent" else None
    if base and re.search(r"\blogos?\b", text[base[0] : base[1]], re.IGNORECASE):
        return "logo"
    return ""


# -- entry point ---------------------------------------------------------------------


def extract_facts(text: str, *, role: str = "", resume_text: str = "") -> BulletFacts:
    """Read the figures, periods, segment and number tokens of one bullet.

    ``role`` (the job title the bullet sits under) and ``resume_text`` (the
    whole resume) supply the segment when the bullet names none.
    """
    periods = _periods(text)
    atoms = _atoms(text, [(p.start, p.end) for p in periods])
    raws = _raw_figures(text, atoms)
    cues = _cues(text)
    clauses = _clauses(text, raws)
    blockers = [r for r in raws if r.kind != "count"]
    figures: list[Figure] = []
    for raw in raws:
        prev = figures[-1] if figures else None
        measure, rtype = _measure(raw, text, cues, clauses, blockers, prev)
        figures.append(
            Figure(
                kind=raw.kind,
                text=text[raw.start : raw.end],
                start=raw.start,
                end=raw.end,
                value=raw.value,
                high=raw.high,
                currency=raw.currency,
                noun=raw.noun,
                measure=measure,
                retention_type=rtype if measure == "retention" else "",
            )
        )
    segment, source = segment_of(text), "bullet"
    if not segment:
        segment, source = segment_of(role), "role"
    if not segment:
        segment, source = segment_of(resume_text), "resume"
    if not segment:
        source = ""
    return BulletFacts(
        text=text,
        figures=tuple(figures),
        periods=tuple(periods),
        segment=segment,
        segment_source=source,
        numbers=numbers_in(text),
    )
