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


@lru_cache(maxsize=200_000)
def word_key(lower: str) -> str:
    """The matching key of one lower-cased word: lookup table, then stem."""
    table = lemma_table()
    if lower in table:
        lower = table[lower]
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
    for tok in doc:
        t = tok.text
        if tok.is_space:
            if "\n" in t and current:
                out.append(current)
                current = []
            continue
        if t in JOINERS:
            continue
        if not _is_word(t):
            if current:
                out.append(current)
                current = []
            continue
        lower = t.lower()
        start = tok.idx
        current.append(Token(t, lower, word_key(lower), start, start + len(t)))
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
