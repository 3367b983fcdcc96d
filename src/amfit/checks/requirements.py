"""Posting requirements that are not keywords (CHK3xx): degree and
languages here; years of experience in :mod:`.experience`, location /
remote and travel in :mod:`.place`.

Each is reported only when the posting states it, as met (``pass``), not
met (``fail``) or unknown, with the posting's words and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..document import Unit
from ..posting import IGNORED_SECTIONS, NICE_SECTIONS, Posting
from ..resume import Resume
from .base import CheckResult, LastOne, result, settings

_SENTENCE = re.compile(r"(?<=[.!?;])\s+")
_NUM_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twelve": 12,
    "fifteen": 15,
}
_N = r"(\d{1,2}|" + "|".join(_NUM_WORDS) + r")"
YEARS = re.compile(
    rf"\b(?:at least |minimum (?:of )?|over |more than )?{_N}\s*(?:\+|plus)?\s*"
    rf"(?:(?:-|–|to)\s*{_N}\s*\+?\s*)?years?\b(?:['’]s?)?(?:\s+of)?"
    r"(?P<rest>[^.;,()]{0,60})",
    re.IGNORECASE,
)
_DEGREE_ASK = re.compile(
    r"\b(bachelor['’]?s?|master['’]?s|mba|b\.?a\.?/b\.?s\.?|ba/bs|bs/ba|university degree|"
    r"college degree|undergraduate degree|four-year degree|4-year degree|degree)\b",
    re.IGNORECASE,
)
#: Every _DEGREE_ASK match, case-folded, holds one of these (casefold, not
#: lower: re's IGNORECASE lets "ſ" stand for "s", and "ſ".casefold() is "s").
_DEGREE_HINTS = ("degree", "bachelor", "master", "mba", "/")
_EQUIVALENT = re.compile(
    r"equivalent|or (?:relevant |comparable )?experience|\bor\s+(?:\d{1,2}|"
    + "|".join(_NUM_WORDS)
    + r")\+?\s+years",
    re.IGNORECASE,
)


_OR_BEFORE = re.compile(r"\bor\s+(?:at least\s+|minimum (?:of\s+)?)?$", re.I)


def degree_alternative(sentence: str, start: int) -> bool:
    """Years at ``start`` that a degree ask accepts instead ("University
    degree or 4 years of professional experience"): the degree's
    alternative (CHK302), not a requirement of their own (CHK301)."""
    before = sentence[:start]
    return bool(_OR_BEFORE.search(before)) and bool(_DEGREE_ASK.search(before))


@dataclass(frozen=True, slots=True)
class Ask:
    line: int
    text: str  # the sentence that asks
    preferred: bool


def sentences(posting: Posting) -> tuple[tuple[Unit, str, str], ...]:
    """The posting's sentences outside the ignored sections, each with its
    lower-cased form, split once for the four checks that read them (kept
    for the last posting)."""
    return _SPLIT.get(posting, lambda: _split(posting))


def _split(posting: Posting) -> tuple[tuple[Unit, str, str], ...]:
    out = []
    for u in posting.units:
        if u.section in IGNORED_SECTIONS or u.kind == "heading":
            continue
        text = u.text
        # A sentence ends only at one of these: most lines hold none.
        if "." in text or "!" in text or "?" in text or ";" in text:
            out.extend((u, s, s.lower()) for s in _SENTENCE.split(text) if s.strip())
        elif text.strip():
            out.append((u, text, text.lower()))
    return tuple(out)


_SPLIT: LastOne[tuple[tuple[Unit, str, str], ...]] = LastOne()


def folded(sentence: str, lower: str) -> str:
    """``sentence`` case-folded, from its lower-cased form when that is the
    same (ASCII text)."""
    return lower if sentence.isascii() else sentence.casefold()


_PREFERRED = re.compile(
    r"\b(preferred|a plus|nice[ -]to[ -]have|bonus|desirable|an advantage)\b", re.I
)


def preferred(unit: Unit, sentence: str) -> bool:
    return unit.section in NICE_SECTIONS or bool(_PREFERRED.search(sentence))


def num(text: str) -> int:
    return int(text) if text.isdigit() else _NUM_WORDS[text.lower()]


def quote(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[: width - 3]
    # End on a whole word ("Customer Success..." rather than "Customer Success po...").
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,;:") + "..."


def _may_ask_degree(fold: str) -> bool:
    """Does the case-folded sentence hold one of :data:`_DEGREE_HINTS`? The
    five ``in`` tests written out: a generator over the tuple cost three
    times as much, for every sentence of every posting."""
    return (
        "degree" in fold or "bachelor" in fold or "master" in fold or "mba" in fold or "/" in fold
    )


def _degree_words() -> re.Pattern[str]:
    words = sorted(settings()["requirements"]["degree_words"], key=len, reverse=True)
    return re.compile(
        r"(?<![\w.])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w])", re.IGNORECASE
    )


def degree(posting: Posting, resume: Resume) -> list[CheckResult]:
    """CHK302: a degree the posting asks for, in the resume's Education."""
    for unit, sentence, lower in sentences(posting):
        fold = folded(sentence, lower)
        # A word test before the (slow) search: every match holds one.
        m = _DEGREE_ASK.search(sentence) if _may_ask_degree(fold) else None
        if not m:
            continue
        pref = preferred(unit, sentence)
        equivalent = bool(_EQUIVALENT.search(sentence))
        what = (
            f"the posting asks for a degree ({quote(sentence, 70)!r}, line {unit.line}"
            f"{', preferred' if pref else ''})"
        )
        shown, edu = _degree_shown(resume)
        if shown is not None:
            return [
                result(
                    "CHK302",
                    "pass",
                    f"{what}; Education shows one (line {shown.line})",
                    line=unit.line,
                )
            ]
        if edu:
            return [
                result(
                    "CHK302",
                    "unknown",
                    f"{what}; the Education section names no degree",
                    hint="write the degree as the posting does: 'B.A. Economics, 2016'",
                    line=unit.line,
                )
            ]
        return [
            result(
                "CHK302",
                "fail",
                f"{what}; the resume has no Education section"
                + ("; the posting accepts equivalent experience" if equivalent else ""),
                severity="info" if pref or equivalent else "warning",
                hint="add Education with your degree (or your years, if experience is accepted)",
                line=unit.line,
                equivalent=equivalent,
            )
        ]
    return []


def _degree_shown(resume: Resume) -> tuple[Unit | None, bool]:
    """:func:`_find_degree`, kept for the last resume: it reads the resume
    alone, and a batch asks it again for every posting that asks for a
    degree."""
    return _DEGREE_SHOWN.get(resume, lambda: _find_degree(resume))


def _find_degree(resume: Resume) -> tuple[Unit | None, bool]:
    """The resume's line that shows a degree (None: none does), and whether
    it has an Education section: the resume's half of CHK302."""
    edu = [u for u in resume.units if u.section == "education" and u.kind != "heading"]
    pattern = _degree_words()
    shown = next((u for u in edu if pattern.search(u.text)), None)
    if shown is None:
        # A degree written outside Education ("MBA, Kellogg" in the header).
        shown = next(
            (
                u
                for u in resume.units
                if u.section in ("header", "summary")
                and re.search(r"\b(MBA|Bachelor|Master|B\.?Sc|M\.?Sc|PhD)\b", u.text)
            ),
            None,
        )
    return shown, bool(edu)


_DEGREE_SHOWN: LastOne[tuple[Unit | None, bool]] = LastOne()


@cache
def _language_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """One pattern for any of ``language_context`` (as a part of the lower-
    cased sentence) and one for any of ``languages`` (a whole word)."""
    cfg = settings()["requirements"]
    # No context word at all: nothing is asked ("(?!)" never matches).
    context = "|".join(re.escape(c) for c in cfg["language_context"]) or "(?!)"
    names = "|".join(re.escape(n) for n in cfg["languages"])
    return re.compile(context), re.compile(rf"\b(?:{names})\b")


def _named_on(resume: Resume, name: str) -> Unit | None:
    """The resume's first line that names the language ``name``, kept per
    resume (a batch asks for the same few languages posting after posting,
    and each ask searched every line of the resume)."""
    found = _NAMED_ON.get(resume, dict)
    if name not in found:
        found[name] = next((u for u in resume.units if re.search(rf"\b{name}\b", u.text)), None)
    return found[name]


#: Per language name, :func:`_named_on` for the last resume.
_NAMED_ON: LastOne[dict[str, Unit | None]] = LastOne()


def languages(posting: Posting, resume: Resume) -> list[CheckResult]:
    """CHK303: each language the posting asks for, named on the resume."""
    cfg = settings()["requirements"]
    names = cfg["languages"]
    out: list[CheckResult] = []
    seen: set[str] = set()
    in_context, named = _language_patterns()
    for unit, sentence, lower in sentences(posting):
        # Two searches dismiss most sentences: no context word, or no name.
        if not in_context.search(lower) or not named.search(sentence):
            continue
        for name in names:
            # The name as a part of the sentence before the whole-word search.
            if name in seen or name not in sentence or not re.search(rf"\b{name}\b", sentence):
                continue
            seen.add(name)
            pref = preferred(unit, sentence)
            what = (
                f"the posting asks for {name} ({quote(sentence, 70)!r}, line {unit.line}"
                f"{', preferred' if pref else ''})"
            )
            hit = _named_on(resume, name)
            if hit is not None:
                out.append(
                    result(
                        "CHK303",
                        "pass",
                        f"{what}; the resume names it (line {hit.line})",
                        line=unit.line,
                        language=name,
                    )
                )
            elif name == "English":
                out.append(
                    result(
                        "CHK303",
                        "pass",
                        f"{what}; the resume is written in English",
                        line=unit.line,
                        language=name,
                    )
                )
            else:
                out.append(
                    result(
                        "CHK303",
                        "fail",
                        f"{what}; the resume does not name it",
                        severity="info" if pref else "warning",
                        hint=f"if you speak it, list it with your level: '{name} (fluent)'",
                        line=unit.line,
                        language=name,
                    )
                )
    return out
