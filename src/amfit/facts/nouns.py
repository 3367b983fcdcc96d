"""Count nouns: the noun phrase a count counts ("45 strategic accounts") and
the class of its head (account, renewal, expansion, generic, other)."""

from __future__ import annotations

import re

from .words import (
    ACRONYM_HEADS,
    COMPOUND_AFTER,
    HEAD_LISTS,
    NOT_NOUNS,
    OF_DET,
    STOP_WORDS,
    TIME_UNITS,
)

_HEAD_CLASS: dict[str, str] = {}
for _cls, _members in HEAD_LISTS:
    _HEAD_CLASS.update(dict.fromkeys(_members, _cls))
_NOUN_TOKEN_RE = re.compile(
    r"[ \t]+(?:(?P<rank>(?:Fortune|Global|Forbes|Inc\.?|Russell|FTSE|S&P)[ \t]+[0-9][0-9,]*)"
    r"|(?P<w>[A-Za-z][A-Za-z0-9'&]*(?:-[A-Za-z0-9]+)*))"
)


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
        if cand in ACRONYM_HEADS:
            return ACRONYM_HEADS[cand]
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
        and low not in NOT_NOUNS
        and not low.endswith(("ss", "us", "is", "ous", "ics"))
    )


def count_noun(text: str, pos: int, *, strict: bool) -> tuple[int, int, str] | None:
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
        and tokens[1][2].lower() in OF_DET
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
        head = _head_class(word) if low not in STOP_WORDS else None
        if low in TIME_UNITS:
            return None  # "five business days" is a duration
        if cls is None:
            if low in STOP_WORDS or i >= 5:
                break
            if head is not None:
                cls, last = head, i
            continue
        if head is not None:
            cls, last = head, i
        elif low in COMPOUND_AFTER:
            cls, last = "other", i
        else:
            # A singular head before more words is a modifier ("2 customer
            # advisory boards"); the phrase then ends at the next plural word.
            prev = tokens[last][2]
            if not prev.lower().endswith("s") and low not in STOP_WORDS:
                for j in range(i, min(i + 2, len(tokens))):
                    word_j = tokens[j][2]
                    if word_j.lower() in STOP_WORDS or tokens[j][3]:
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
