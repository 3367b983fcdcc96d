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


@cache
def get_nlp() -> Language:
    """spaCy's blank English pipeline (tokenizer only), built once per process."""
    import spacy

    return spacy.blank("en")


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
_NUMBER_RE = re.compile(r"^[$€£]?\d[\d.,]*[kmb%+]?$")


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
    if _NUMBER_RE.match(lower):
        return NUMBER_KEY
    if not lower.isalpha():
        return lower
    return _stemmer().stemWord(lower)


def _is_word(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def segments(text: str) -> list[list[Token]]:
    """Split text into segments of word tokens (see module docstring)."""
    doc = get_nlp().make_doc(text)
    out: list[list[Token]] = []
    current: list[Token] = []
    joined = False
    for tok in doc:
        t = tok.text
        if tok.is_space:
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
        start = tok.idx
        key = word_key(lower)
        prev = current[-1] if current else None
        if key == NUMBER_KEY and prev is not None and prev.key == NUMBER_KEY and joined:
            # A range such as "40-60" is one number.
            current[-1] = Token(
                text[prev.start : start + len(t)],
                prev.lower + "-" + lower,
                NUMBER_KEY,
                prev.start,
                start + len(t),
            )
        else:
            current.append(Token(t, lower, key, start, start + len(t)))
        joined = False
        # A newline inside the whitespace after a token ends the segment.
        if "\n" in tok.whitespace_ and current:
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def phrase_keys(text: str) -> tuple[str, ...]:
    """Keys of a short phrase (an alias), joined across hyphens and slashes."""
    return tuple(tok.key for seg in segments(text) for tok in seg)


def compact(text: str) -> str:
    """Letters and digits only, lower-cased: "Cross-Sell" -> "crosssell"."""
    return "".join(ch for ch in text.lower() if ch.isalnum())
