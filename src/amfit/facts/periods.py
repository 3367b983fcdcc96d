"""Periods: the time frames of a bullet ("per quarter", "YoY", "FY24", "over 3
years"). A year after a rank word ("Global 2000") is a list, not a period."""

from __future__ import annotations

import re

from .records import Period
from .words import NUMWORD, PERIOD_PREPOSITIONS, PERIOD_UNITS, RANK_WORDS, WORD_VALUES

#: The word before a number: after a rank word it names a list, not a figure.
PREV_WORD_RE = re.compile(r"([A-Za-z&.]+)\s*#?\s*$")

_UNIT = rf"(?:{PERIOD_UNITS})"
_PREP = rf"(?:{PERIOD_PREPOSITIONS})"
_PERIOD_NUM = (
    rf"(?:(?<![A-Za-z0-9_.,/$€£])[0-9]+(?:\.[0-9]+)?|\b(?:{NUMWORD})\b"
    r"|\b(?:several|multiple|a\s+few)\b)"
)

_PERIOD_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "duration",
        re.compile(
            rf"(?:\b{_PREP}\s+)?(?:(?:the|my|its|their|our)\s+)?"
            r"(?:(?:past|last|first|next|prior|initial|following)\s+)?"
            rf"(?P<n>{_PERIOD_NUM})(?:\s?[-–]\s?(?:[0-9]+|{NUMWORD}))?\+?(?:\s+|-)"
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
    return WORD_VALUES.get(word)


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


def find_periods(text: str) -> list[Period]:
    found: list[tuple[int, int, str]] = []
    for name, pattern in _PERIOD_PATTERNS:
        for m in pattern.finditer(text):
            if name == "year":
                prev = PREV_WORD_RE.search(text, max(0, m.start() - 12), m.start())
                if prev and prev.group(1).lower() in RANK_WORDS:
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
