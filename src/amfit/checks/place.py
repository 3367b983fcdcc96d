"""Where and how much away (CHK304 location / remote, CHK305 travel): posting
requirements that are not keywords, apart from :mod:`.requirements` for size.
"""

from __future__ import annotations

import re

from ..document import Unit
from ..posting import IGNORED_SECTIONS, Posting
from ..resume import Resume
from .base import CheckResult, LastOne, result
from .requirements import quote, sentences
from .searchability import resume_location

_TRAVEL = re.compile(
    r"\btravel(?:l?ing)?\b[^.;]{0,40}?(?:up to\s*)?(\d{1,2})\s*%"
    r"|(\d{1,2})\s*%\s*(?:of the time\s*)?travel|"
    r"\b(?:willing(?:ness)? to travel|travel (?:required|is required|expected)|"
    r"(?:occasional|regular|frequent|some|domestic|international) travel"
    r"|travel to (?:customer|client)s?)\b",
    re.IGNORECASE,
)
_MODE = re.compile(r"\b(fully remote|remote|hybrid|on-?site|in[- ]office|in the office)\b", re.I)
#: Every _MODE (and _ROLE_MODE) match holds one of these, lower-cased.
_MODE_HINTS = ("remote", "hybrid", "site", "office")


def _may_name_mode(text: str) -> bool:
    """False when ``text`` cannot hold a _MODE match: a word test before the
    search. Only for ASCII text: re's IGNORECASE lets some other letters
    stand for these ("ſ" for "s")."""
    if not text.isascii():
        return True
    lower = text.lower()
    return any(w in lower for w in _MODE_HINTS)


#: In a sentence of the intro, the work mode must be the role's ("a remote
#: role", "this position is hybrid"), not the company's ("teams split between
#: Paris, New York and remote locations").
_ROLE_MODE = re.compile(
    r"\b(?:fully remote|remote|hybrid|on-?site|in[- ]office)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:role|position|job|opportunity|contract)\b"
    r"|\b(?:role|position|job)\s+(?:is|will be)\s+(?:\w+\s+)?"
    r"(?:fully remote|remote|hybrid|on-?site|in[- ]office)\b",
    re.IGNORECASE,
)
_LOCATION_LABEL = re.compile(r"^\s*(?:location|based in|office)\s*:\s*(.+)$", re.IGNORECASE)
#: A US state's two-letter code after a comma ("Columbus, OH") places a resume in the US.
US_STATES = frozenset(
    [
        "AL",
        "AK",
        "AZ",
        "AR",
        "CA",
        "CO",
        "CT",
        "DE",
        "FL",
        "GA",
        "HI",
        "ID",
        "IL",
        "IN",
        "IA",
        "KS",
        "KY",
        "LA",
        "ME",
        "MD",
        "MA",
        "MI",
        "MN",
        "MS",
        "MO",
        "MT",
        "NE",
        "NV",
        "NH",
        "NJ",
        "NM",
        "NY",
        "NC",
        "ND",
        "OH",
        "OK",
        "OR",
        "PA",
        "RI",
        "SC",
        "SD",
        "TN",
        "TX",
        "UT",
        "VT",
        "VA",
        "WA",
        "WV",
        "WI",
        "WY",
        "DC",
    ]
)


def location(posting: Posting, resume: Resume) -> list[CheckResult]:
    """CHK304: the posting's location / remote terms against the resume's location."""
    where: tuple[int, str, str] | None = None  # line, mode, the posting's words
    for unit in posting.units[:12]:
        if unit.section in IGNORED_SECTIONS:
            continue
        text = unit.text
        label = _LOCATION_LABEL.match(text)
        mode = _MODE.search(text) if _may_name_mode(text) else None
        if label or (
            mode
            and (
                len(text.split()) <= 12
                or (unit.section in ("title", "intro") and _ROLE_MODE.search(text))
            )
        ):
            words = label.group(1) if label else unit.text
            parts = [p for p in re.split(r"\s*[·|•]\s*", words) if _MODE.search(p)]
            if parts:
                words = parts[0]
            where = (unit.line, mode.group(1).lower() if mode else "on-site", quote(words, 70))
            break
    if where is None:
        return []
    line, mode, words = where
    mode = {"fully remote": "remote", "onsite": "on-site", "in office": "on-site"}.get(mode, mode)
    own = resume_location(resume)
    what = f"the posting says {words!r} (line {line}): {mode}"
    if own is None:
        return [
            result(
                "CHK304",
                "unknown",
                f"{what}; the resume states no location",
                hint="put your city (and 'open to remote' or relocation, if true) at the top",
                line=line,
                mode=mode,
            )
        ]
    own_line, own_words = own
    places = set(re.findall(r"[A-Z][a-z]+|[A-Z]{2,}", words)) - {
        "Remote",
        "Hybrid",
        "On",
        "Full",
        "Time",
        "Location",
    }
    mine = set(re.findall(r"[A-Z][a-z]+|[A-Z]{2,}", own_words))
    if mine & US_STATES:
        mine |= {"US", "USA"}
    common = places & mine
    if common or (mode == "remote" and not places):
        return [
            result(
                "CHK304",
                "pass",
                f"{what}; the resume's location (line {own_line}) fits",
                line=line,
                mode=mode,
            )
        ]
    return [
        result(
            "CHK304",
            "unknown",
            f"{what}; the resume's location (line {own_line}) does not show it fits",
            hint="say where you can work from (or that you will relocate) if the posting limits it",
            line=line,
            mode=mode,
        )
    ]


def _travel_said(resume: Resume) -> Unit | None:
    """:func:`_find_travel`, kept for the last resume: a batch asks it again
    for every posting that asks for travel."""
    return _TRAVEL_SAID.get(resume, lambda: _find_travel(resume))


def _find_travel(resume: Resume) -> Unit | None:
    """The resume's first line that says the writer travels (the resume's
    half of CHK305)."""
    return next(
        (
            u
            for u in resume.units
            if re.search(
                r"\b(willing to travel|open to travel|travel(?:led|ed)? to (?:client|customer))",
                u.text,
                re.I,
            )
        ),
        None,
    )


_TRAVEL_SAID: LastOne[Unit | None] = LastOne()


def travel(posting: Posting, resume: Resume) -> list[CheckResult]:
    """CHK305: travel the posting asks for; a resume rarely states it."""
    for unit, sentence, lower in sentences(posting):
        # Every _TRAVEL match holds the word: a word test before the search.
        m = _TRAVEL.search(sentence) if "travel" in lower else None
        if not m:
            continue
        share = m.group(1) or m.group(2)
        amount = f" (up to {share}%)" if share else ""
        what = f"the posting asks for travel{amount} ({quote(sentence, 70)!r}, line {unit.line})"
        said = _travel_said(resume)
        if said is not None:
            return [
                result(
                    "CHK305",
                    "pass",
                    f"{what}; the resume says so (line {said.line})",
                    line=unit.line,
                )
            ]
        return [
            result(
                "CHK305",
                "unknown",
                f"{what}; the resume does not say",
                hint="if you can travel that much, say so in the summary or the cover letter",
                line=unit.line,
                share=int(share) if share else None,
            )
        ]
    return []
