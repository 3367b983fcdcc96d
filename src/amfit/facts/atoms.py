"""Numeric atoms: each number of a bullet with its currency, multiplier and
percent sign ("$1.2M", "97%", "a dozen"), before numbers are paired into figures."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .periods import PREV_WORD_RE
from .words import NUMWORD, RANK_WORDS, WORD_VALUES

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
    rf"\b(?:(?P<dz>a|an|half\s+a|{NUMWORD})\s+dozen"
    rf"|(?P<w>{NUMWORD})(?:-(?P<w2>one|two|three|four|five|six|seven|eight|nine))?)"
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
class Atom:
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
    prev = PREV_WORD_RE.search(text, max(0, start - 12), start)
    return not (prev and prev.group(1).lower() in RANK_WORDS)


def find_atoms(text: str, blocked: list[tuple[int, int]]) -> list[Atom]:
    def in_period(pos: int) -> bool:
        return any(s <= pos < e for s, e in blocked)

    atoms: list[Atom] = []
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
            Atom(
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
            value = _DOZEN.get(dz) or 12.0 * WORD_VALUES[dz]
        else:
            value = WORD_VALUES[m.group("w").lower()]
            if m.group("w2"):
                value += WORD_VALUES[m.group("w2").lower()]
        atoms.append(Atom(m.start(), m.end(), value, value, 1.0, "", False, False, True))
    atoms.sort(key=lambda a: a.start)
    return atoms
