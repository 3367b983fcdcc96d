"""Keyword frequency (CHK4xx): how often the posting and the resume use each
keyword, hard skills apart from soft skills.

The posting count is the number of places it asks (one per mention); the
resume count the number of lines that show the keyword (the strongest
match per line, as the evidence lists them).
"""

from __future__ import annotations

from ..model import KeywordResult
from ..model.checks import CheckResult, KeywordFrequency
from .base import result

#: Taxonomy categories that are soft skills (the domain brief's list:
#: relationship management, multi-threaded relationships, communication,
#: conflict resolution, strategic thinking), and those that describe the
#: job's context (segment) rather than a skill.
SOFT = frozenset({"soft_skills", "relationships"})
CONTEXT = frozenset({"segment"})

#: A must-have the posting asks this often or more ...
REPEATED = 3
#: ... shown on this few resume lines or fewer is underused.
UNDERUSED = 1


def kind_of(k: KeywordResult) -> str:
    if k.source == "tfidf":
        return "term"
    if k.category in SOFT:
        return "soft"
    if k.category in CONTEXT:
        return "context"
    return "hard"


def table(keywords: tuple[KeywordResult, ...]) -> tuple[KeywordFrequency, ...]:
    """One row per keyword, in the report's keyword order."""
    return tuple(
        KeywordFrequency(k.id, k.label, kind_of(k), k.tier, k.status, len(k.asks), len(k.evidence))
        for k in keywords
    )


def underused(rows: tuple[KeywordFrequency, ...]) -> list[CheckResult]:
    """CHK401: must-haves the posting repeats that the resume shows once."""
    out = []
    for r in rows:
        if r.tier == "must" and r.posting >= REPEATED and 0 < r.resume <= UNDERUSED:
            out.append(
                result(
                    "CHK401",
                    "fail",
                    f"the posting asks for '{r.label}' {r.posting} times; the resume shows it on "
                    f"{r.resume} line",
                    severity="info",
                    hint=f"show '{r.label}' in a second bullet with its result, not only once",
                    keyword=r.id,
                    posting=r.posting,
                    resume=r.resume,
                )
            )
    return out
