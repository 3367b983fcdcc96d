"""The runs amfit tokenises without spaCy, and how.

spaCy's tokenizer splits text at white space first and tokenises each run
of non-space characters on its own, so a run's tokens are the same wherever
it stands (:mod:`amfit.nlp` keeps them per process). Building a spaCy
``Doc`` for a run seen for the first time costs tens of microseconds; most
new runs in a posting are plain words, or plain words between brackets,
quotes and marks, whose tokens follow from spaCy's English rules without
running them. ``tests/test_nlp.py`` checks both paths against spaCy itself
over millions of runs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

#: Marks spaCy's English tokenizer always splits off the end of a word.
WORD_SUFFIXES = frozenset(",;:!?)")
#: The joiners spaCy's English tokenizer always splits between two words.
WORD_INFIX = re.compile(r"([-/])")


def plain_pieces(run: str, specials: Mapping[str, object]) -> list[str] | None:
    """The tokens spaCy gives a plain run, without spaCy; None for any other.

    A plain run is ASCII words (letters only, none a tokenizer special case
    such as "cannot" or "dont") joined by hyphens or slashes ("cross-sell",
    "upsell/renewal"), and may end in one of :data:`WORD_SUFFIXES` (a single
    word also in a full stop after a lower-case letter). spaCy's English
    tokenizer splits it at each joiner and before the mark, and nowhere
    else: no prefix, suffix or infix pattern of it holds a letter alone
    (tests/test_nlp.py checks this on spaCy itself for every short word).
    """
    if not run.isascii() or run in specials:
        return None
    body, mark = run, run[-1]
    if not mark.isalpha():
        body = run[:-1]
        if not (mark in WORD_SUFFIXES or (mark == "." and body[-1:].islower())):
            return None
    if body.isalpha():
        pieces = [body]
    elif mark == "." or body in specials:  # "a-b." stays "a" "-" "b."; "and/or," is special
        return None
    else:
        pieces = WORD_INFIX.split(body)
        if not all(w.isalpha() for w in pieces[::2]):
            return None
    if any(w in specials for w in pieces[::2]):
        return None
    if body is not run:
        pieces.append(mark)
    return pieces


#: Marks that may stand before, and after, the plain core of a run that
#: :func:`affixed_pieces` tokenises (brackets, quotes, Markdown emphasis,
#: sentence marks).
_LEAD_MARKS = frozenset('(["*_{<')
_TRAIL_MARKS = frozenset(',;:!?)]"*._}>')
#: How spaCy splits the marks around a core, by (marks before, shape of the
#: core, marks after): the tokens before and after it, or None when spaCy
#: does not part the marks from the core cleanly.
_AFFIX_SPLITS: dict[tuple[str, str, str], tuple[list[str], list[str]] | None] = {}
_AFFIX_SPLITS_MAX = 10_000


def affixed_pieces(
    run: str, specials: Mapping[str, object], tokenize: Callable[[str], list[str]]
) -> list[str] | None:
    """The tokens of a plain core between marks ("(renewals),", "**Give"),
    from the tokens spaCy gives the same marks around a core of the same
    shape; None for any other run.

    spaCy peels a run's prefixes and suffixes one at a time by patterns that
    look at no more than two characters of the core (the full stop after two
    capitals or a lower-case letter), then splits the core at infixes, then
    merges any token sequence that is a special case (an emoticon such as
    ":*", an initial such as "b."). So the marks part the same way around
    any core with the same first letter's and last two letters' case: spaCy
    is asked once per shape (:func:`_affix_split`). The run is left to spaCy
    when a string its affix loop looks up, or a sequence of the tokens, is a
    special case.
    """
    n = len(run)
    i = 0
    while i < n and run[i] in _LEAD_MARKS:
        i += 1
    j = n
    while j > i and run[j - 1] in _TRAIL_MARKS:
        j -= 1
    core = run[i:j]
    if (i == 0 and j == n) or not core[:1].isalpha() or not core[-1].isalpha():
        return None
    pieces = plain_pieces(core, specials)
    if pieces is None or _special_around(run, i, j, specials):
        return None
    ends = core if len(core) <= 3 else core[0] + core[-2:]
    shape = "".join("A" if c.isupper() else "a" for c in ends)
    split = _affix_split(run[:i], shape, run[j:], specials, tokenize)
    if split is None:
        return None
    tokens = [*split[0], *pieces, *split[1]]
    for a in range(len(tokens) - 1):
        merged = tokens[a]
        for t in tokens[a + 1 :]:
            merged += t
            if merged in specials:
                return None
    return tokens


def _special_around(run: str, i: int, j: int, specials: Mapping[str, object]) -> bool:
    """Is a special case among the strings spaCy's affix loop can look up
    while it peels ``run[:i]`` and ``run[j:]`` off the core ``run[i:j]``
    (the core with any of its marks before and after)?"""
    return any(run[a:b] in specials for a in range(i + 1) for b in range(j, len(run) + 1))


def _affix_split(
    lead: str,
    shape: str,
    trail: str,
    specials: Mapping[str, object],
    tokenize: Callable[[str], list[str]],
) -> tuple[list[str], list[str]] | None:
    """spaCy's tokens of ``lead`` and ``trail`` around the core ``shape``
    (see :func:`affixed_pieces`), asked once per process and kept."""
    key = (lead, shape, trail)
    if key not in _AFFIX_SPLITS:
        probe = lead + shape + trail
        i, j = len(lead), len(lead) + len(shape)
        split = None
        if not _special_around(probe, i, j, specials):
            tokens = tokenize(probe)
            at = 0
            for k, t in enumerate(tokens):
                if at == i and t == shape:
                    split = (tokens[:k], tokens[k + 1 :])
                    break
                at += len(t)
                if at > i:
                    break
        if len(_AFFIX_SPLITS) >= _AFFIX_SPLITS_MAX:  # runs of marks have no bound
            _AFFIX_SPLITS.clear()
        _AFFIX_SPLITS[key] = split
    return _AFFIX_SPLITS[key]
