"""What a posting asks for: each keyword with its tier and why.

:func:`analyze_posting` matches the posting's sections (boilerplate left
out), gives each mention a must / nice / no signal from its section and
in-line markers, tiers each concept from its mentions, and adds the
posting-specific TF-IDF terms. It reads the posting only, never a resume.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from functools import cache, lru_cache

from ..document import Unit
from ..matcher import Hit, Matcher
from ..model import Ask, AskedKeyword, PostingAnalysis
from ..posting import (
    IGNORED_SECTIONS,
    MUST_SECTIONS,
    NICE_SECTIONS,
    Posting,
    intro_reading,
    parse_posting,
)
from ..taxonomy import Concept
from ..terms import Term, load_background, salient_terms
from ..titles import compare_titles
from . import termwords
from .role import family_title

_TIER_ORDER = {"must": 0, "nice": 1, "term": 2}


@cache
def _nice_markers() -> dict[str, tuple[re.Pattern[str], ...]]:
    from ..document import section_patterns

    return dict(section_patterns("markers"))


@cache
def _marker_search(kind: str) -> re.Pattern[str] | None:
    """One pattern for the markers of ``kind``: its first match starts where
    the first match of any of them starts, so one search answers both "any
    marker?" and "where does the first one start?" (17 searches a sentence
    were the larger part of finding the nice-to-have ones)."""
    patterns = _nice_markers().get(kind, ())
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns))


_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+")


def _sentence_at(text: str, offset: int) -> tuple[str, int]:
    """The sentence of ``text`` holding ``offset``, and the offset inside it."""
    starts, sentences = _sentences(text)
    i = bisect.bisect_right(starts, offset) - 1
    return sentences[i], offset - starts[i]


@lru_cache(maxsize=256)
def _sentences(text: str) -> tuple[tuple[int, ...], tuple[str, ...]]:
    """Where each sentence of ``text`` starts, and the sentences, found once
    per text: every keyword of a line asks for its sentence, and splitting
    the line again for each made a long line cost its length squared. The
    same string objects come back each time, so the caches keyed on a
    sentence hash it once."""
    starts = [0]
    ends = []
    for m in _SENTENCE_END.finditer(text):
        ends.append(m.start())
        starts.append(m.end())
    ends.append(len(text))
    return tuple(starts), tuple(text[a:b] for a, b in zip(starts, ends, strict=True))


def _marked_nice(sentence: str, offset: int) -> bool:
    """Does an in-line marker make the words at ``offset`` nice-to-have?"""
    anywhere, first_after = _nice_marks(sentence)
    return anywhere or (first_after is not None and first_after < offset)


@lru_cache(maxsize=4096)
def _nice_marks(sentence: str) -> tuple[bool, int | None]:
    """(a marker makes the whole sentence nice-to-have, where the first
    marker that makes what follows it nice-to-have starts); cached, as every
    keyword of a sentence asks the same."""
    lower = sentence.lower()
    nice, after = _marker_search("nice"), _marker_search("nice_after")
    if nice is not None and nice.search(lower):
        return True, None
    first = after.search(lower) if after is not None else None
    return False, first.start() if first else None


def analyze_posting(
    text: str, source: str, matcher: Matcher, concepts: dict[str, Concept], company: str = ""
) -> PostingAnalysis:
    """Parse a posting and work out what it asks for, with tiers and reasons
    (``company``: the employer's name, if known, see :func:`salient_terms`)."""
    posting = parse_posting(text)
    # Boilerplate sections (about the company, benefits, EEO, how to
    # apply) ask for nothing: they are not even tokenised.
    hits = matcher.find(u for u in posting.units if u.section not in IGNORED_SECTIONS)
    hits = matcher.one_ask(hits)
    by_concept: dict[str, list[tuple[Hit, str]]] = defaultdict(list)
    for hit in hits:
        unit = posting.units[hit.unit]
        signal = _signal(unit, hit, posting.has_headings)
        if signal is not None:
            by_concept[hit.concept_id].append((hit, signal))
    asked: list[AskedKeyword] = []
    for cid, mentions in by_concept.items():
        concept = concepts[cid]
        # A headed section says more than the text above the first heading
        # ("we hand customers to our account management team" above, AM in
        # the preferred list below): the intro decides only alone.
        headed = [m for m in mentions if posting.units[m[0].unit].section != "intro"]
        tier, reason = _tier(concept, headed or mentions, posting)
        asks = tuple(
            Ask(
                signal,
                posting.units[h.unit].section,
                posting.units[h.unit].heading,
                h.line,
                h.text,
                h.how,
                h.form,
            )
            for h, signal in mentions
        )
        forms = tuple(dict.fromkeys(h.text for h, _ in mentions))
        asked.append(
            AskedKeyword(
                cid,
                concept.label,
                "taxonomy",
                concept.category,
                tier,
                reason,
                asks,
                forms,
                concept.where,
            )
        )
    covered = [(h.start, h.end) for h in hits]
    # Terms come from what the posting asks of the hire: with headings, only
    # the responsibilities, requirements and preferred sections (an intro or
    # a perks list names the employer's world, not a skill).
    skip = IGNORED_SECTIONS | {"title"}
    if posting.has_headings:
        skip |= {u.section for u in posting.units} - MUST_SECTIONS - NICE_SECTIONS
    terms = salient_terms(
        posting.units,
        covered,
        ignored_sections=skip,
        reject=termwords.not_a_skill_word,
        company=company,
    )
    asked.extend(_term_keyword(t, posting) for t in terms)
    asked.sort(key=lambda k: (_TIER_ORDER[k.tier], k.asks[0].line, k.id))
    family = compare_titles("", family_title(posting.title)).posting_family
    return PostingAnalysis(source, posting, family, tuple(asked))


def _signal(unit: Unit, hit: Hit, has_headings: bool) -> str | None:
    """must / nice / none for one mention; None when it is no ask at all."""
    if unit.section == "title":
        return "must"
    sentence, offset = _sentence_at(unit.text, _unit_offset(unit, hit))
    if unit.section == "intro" and has_headings:
        # Text above the first heading is read like a responsibilities
        # section ("Own a book of 40 accounts") unless it describes the
        # company ("Acme grew ARR 40%"): see posting.intro_reading.
        if intro_reading(sentence, offset) == "company":
            return None
        return "nice" if _marked_nice(sentence, offset) else "must"
    if _marked_nice(sentence, offset):
        return "nice"
    if unit.section in NICE_SECTIONS:
        return "nice"
    if unit.section in MUST_SECTIONS:
        return "must"
    return "none"


def _term_keyword(term: Term, posting: Posting) -> AskedKeyword:
    unit = next((u for u in posting.units if u.line == term.line), None)
    ask = Ask(
        "none",
        term.section,
        unit.heading if unit else "",
        term.line,
        term.text,
        "tfidf",
        term.key,
    )
    reason = (
        f"posting-specific term: TF-IDF {term.weight:.2f}, used {term.count}x here, "
        f"in {term.df} of {load_background().documents} background ads"
    )
    return AskedKeyword(
        "term:" + term.key.replace(" ", "_"),
        term.text,
        "tfidf",
        "term",
        "term",
        reason,
        (ask,),
        (term.text,),
        "bullet",
        tuple(term.key.split(" ")),
        term.weight,
    )


def _unit_offset(unit: Unit, hit: Hit) -> int:
    """Offset of a hit inside its unit's joined text."""
    for p in reversed(unit.pieces):
        if p.line == hit.line:
            return p.offset + (hit.start - p.start)
    return 0


def _tier(concept: Concept, mentions: list[tuple[Hit, str]], posting: Posting) -> tuple[str, str]:
    def where(h: Hit) -> str:
        u = posting.units[h.unit]
        if u.section == "title":
            return f"the title (line {h.line})"
        if u.heading:
            return f"{u.section} section '{u.heading}' (line {h.line})"
        return f"line {h.line}"

    for h, signal in mentions:
        if signal == "must":
            return "must", f"asked in {where(h)}"
    for h, signal in mentions:
        if signal == "nice":
            u = posting.units[h.unit]
            if u.section in NICE_SECTIONS:
                return "nice", f"only in {where(h)}"
            return "nice", f"marked nice-to-have in {where(h)}"
    h = mentions[0][0]
    return concept.tier, f"no tier signal at {where(h)}; taxonomy default '{concept.tier}'"
