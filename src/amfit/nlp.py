"""Tokenising and lemma keys.

amfit needs no trained model: text is split by spaCy's blank English
tokenizer, and each word is reduced to a *key* by a lookup table of
irregular forms (``data/lemmas.tsv``: ``upsold -> upsell``, ``grew -> grow``,
``manager`` kept apart from ``management``) and then the Snowball English
stemmer. The same function reduces taxonomy aliases, so "renewals",
"renewed" and "renewing" all share the key of "renewal".

Text is split into *segments*: runs of words that a phrase may span.
Sentence punctuation and line breaks end a segment; hyphens and slashes
join words ("cross-sell" is the two words "cross" "sell" in one segment).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from .resources import data_path

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

#: Tokens that join the words on either side into one phrase.
JOINERS = frozenset({"-", "/", "&", "+"})


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a text, with its character span and lemma key."""

    text: str
    lower: str
    key: str
    start: int
    end: int
    squash: str = ""  # letters and digits of ``lower`` (see :func:`compact`)


@cache
def get_nlp() -> Language:
    """spaCy's blank English pipeline (tokenizer only), built once per process.

    ``English()`` is what ``spacy.blank("en")`` builds, without the registry
    look-up through installed entry points (about 0.1 s of start-up).
    """
    from spacy.lang.en import English

    return English()


@cache
def lemma_table() -> dict[str, str]:
    """The irregular-form lookup table from ``data/lemmas.tsv``."""
    table: dict[str, str] = {}
    path = data_path("lemmas.tsv")
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        word, _, lemma = line.partition("\t")
        table[word.strip().lower()] = lemma.strip().lower()
    return table


@cache
def _stemmer():  # type: ignore[no-untyped-def]
    import snowballstemmer

    return snowballstemmer.stemmer("english")


#: Key shared by every number ("58", "3.9", "100+", "40-60"), so a taxonomy
#: alias such as "book of 10 accounts" matches "book of 58 accounts".
NUMBER_KEY = "#"
#: Figures spaCy splits that are one number to amfit: "$3.9M", "97%", "40%+",
#: "$400K-$1.2M".
_FIGURE_RE = re.compile(
    r"^[$€£]?\d[\d.,]*(?:k|m|b|mm|bn)?(?:-[$€£]?\d[\d.,]*(?:k|m|b|mm|bn)?)?[%+]{0,2}$"
)


@lru_cache(maxsize=200_000)
def word_key(lower: str) -> str:
    """The matching key of one lower-cased word: lookup table, then stem.

    A table entry that maps a word to itself protects it from the stemmer
    (``manager`` stays apart from ``management``); any other entry gives the
    key of its lemma (``upsold`` -> key of ``upsell``).
    """
    table = lemma_table()
    if lower in table:
        lemma = table[lower]
        return lemma if lemma == lower else word_key(lemma)
    if _FIGURE_RE.match(lower):
        return NUMBER_KEY
    if not lower.isalpha():
        return lower
    return _stemmer().stemWord(lower)


def _is_word(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


_CURRENCY = frozenset("$€£")


def _raw_tokens(text: str) -> list[tuple[str, int, str]]:
    """spaCy tokens as (text, offset, trailing whitespace), with the pieces of
    one figure ("$", "3.9", "M") merged back into one token."""
    out: list[tuple[str, int, str]] = []
    for tok in get_nlp().make_doc(text):
        t = tok.text
        if out and not out[-1][2] and not tok.is_space:
            prev_text, prev_start, _ = out[-1]
            merged = prev_text + t
            if _FIGURE_RE.match(merged.lower()) or (
                prev_text in _CURRENCY and t[:1].isdigit() and _FIGURE_RE.match(merged.lower())
            ):
                out[-1] = (merged, prev_start, tok.whitespace_)
                continue
        out.append((t, tok.idx, tok.whitespace_))
    return out


@lru_cache(maxsize=4096)
def segments(text: str) -> tuple[tuple[Token, ...], ...]:
    """Split text into segments of word tokens (see module docstring).

    Cached: the matcher and the TF-IDF term finder both read each line.
    """
    return tuple(tuple(seg) for seg in _segments(text))


def _segments(text: str) -> list[list[Token]]:
    out: list[list[Token]] = []
    current: list[Token] = []
    joined = False
    for t, start, space in _raw_tokens(text):
        if not t.strip():
            if "\n" in t and current:
                out.append(current)
                current = []
            continue
        if t in JOINERS:
            joined = True
            continue
        if not _is_word(t):
            joined = False
            if current:
                out.append(current)
                current = []
            continue
        lower = t.lower()
        key = word_key(lower)
        prev = current[-1] if current else None
        if key == NUMBER_KEY and prev is not None and prev.key == NUMBER_KEY and joined:
            # A range such as "40-60" is one number.
            merged = prev.lower + "-" + lower
            current[-1] = Token(
                text[prev.start : start + len(t)],
                merged,
                NUMBER_KEY,
                prev.start,
                start + len(t),
                compact(merged),
            )
        else:
            squash = lower if lower.isalnum() else compact(lower)
            current.append(Token(t, lower, key, start, start + len(t), squash))
        joined = False
        # A newline inside the whitespace after a token ends the segment.
        if "\n" in space and current:
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


#: Stands for any one word in a taxonomy alias ("portfolio of 10 * accounts").
WILDCARD = "*"


def phrase_keys(text: str) -> tuple[str, ...]:
    """Keys of a short phrase (an alias), joined across hyphens and slashes;
    a ``*`` between words stays a wildcard key."""
    keys: list[str] = []
    for i, part in enumerate(text.split(WILDCARD)):
        if i:
            keys.append(WILDCARD)
        keys.extend(tok.key for seg in segments(part) for tok in seg)
    return tuple(keys)


def compact(text: str) -> str:
    """Letters and digits only, lower-cased: "Cross-Sell" -> "crosssell"."""
    return "".join(ch for ch in text.lower() if ch.isalnum())
