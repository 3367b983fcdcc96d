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
from functools import cache, lru_cache
from typing import TYPE_CHECKING, NamedTuple

from .resources import data_path
from .runpieces import affixed_pieces, plain_pieces

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

#: Tokens that join the words on either side into one phrase.
JOINERS = frozenset({"-", "/", "&", "+"})


class Token(NamedTuple):
    """One word of a text, with its character span and lemma key.

    A named tuple rather than a dataclass: a posting makes thousands and
    a tuple is built several times faster.
    """

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

    from .readers import MAX_INPUT_BYTES

    nlp = English()
    # spaCy refuses texts over 1,000,000 characters (its parser and NER need
    # memory per character; the tokenizer alone does not). Every text amfit
    # accepts fits in MAX_INPUT_BYTES, so any one of them tokenises.
    nlp.max_length = MAX_INPUT_BYTES + 1
    return nlp


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


_CURRENCY = frozenset("$€£")

# What a segment needs of each distinct token text, worked out once per
# process: (kind, lower, key, squash). Kinds:
_NEWLINE, _SPACE, _JOINER, _BREAK, _WORD = range(5)
_TOKEN_INFO: dict[str, tuple[int, str, str, str]] = {}
_TOKEN_INFO_MAX = 200_000


def _token_info(t: str) -> tuple[int, str, str, str]:
    info = _TOKEN_INFO.get(t)
    if info is None:
        if not t.strip():
            info = (_NEWLINE if "\n" in t else _SPACE, "", "", "")
        elif t in JOINERS:
            info = (_JOINER, "", "", "")
        elif not any(ch.isalnum() for ch in t):
            info = (_BREAK, "", "", "")
        else:
            lower = t.lower()
            squash = lower if lower.isalnum() else compact(lower)
            info = (_WORD, lower, word_key(lower), squash)
        if len(_TOKEN_INFO) >= _TOKEN_INFO_MAX:  # stay bounded over huge batches
            _TOKEN_INFO.clear()
        _TOKEN_INFO[t] = info
    return info


@lru_cache(maxsize=4096)
def segments(text: str) -> tuple[tuple[Token, ...], ...]:
    """Split text into segments of word tokens (see module docstring).

    Cached: the matcher and the TF-IDF term finder both read each line.
    """
    return tuple(map(tuple, _segments(text)))


_new_token = tuple.__new__

#: What :func:`_segments` needs of each distinct run of non-space
#: characters, worked out once per process: its tokens after the pieces of
#: one figure are merged, as (start in the run, text, kind, lower, key,
#: squash). spaCy's tokenizer splits text at white space first and
#: tokenises each run on its own (prefixes, suffixes, infixes and special
#: cases never reach across white space), so a run's tokens are the same
#: wherever it stands.
_CHUNKS: dict[str, tuple[tuple[int, str, int, str, str, str], ...]] = {}
#: The runs that are one word and no number, apart: (lower, key, squash).
_WORDS: dict[str, tuple[str, str, str]] = {}
_CHUNKS_MAX = 200_000


def _keep(run: str, entries: tuple[tuple[int, str, int, str, str, str], ...]) -> None:
    """Keep a run's tokens: a lone word that is no number in :data:`_WORDS`
    (one step in :func:`_segments`), any other run in :data:`_CHUNKS`."""
    if len(entries) == 1 and entries[0][2] == _WORD and entries[0][4] != NUMBER_KEY:
        _, _, _, lower, key, squash = entries[0]
        _WORDS[run] = (lower, key, squash)
    else:
        _CHUNKS[run] = entries


def _spacy_texts(text: str) -> list[str]:
    """The texts of spaCy's tokens of ``text``."""
    return [t.text for t in get_nlp().make_doc(text)]


def _learn_run(run: str) -> None:
    """Tokenise a run not seen before and keep its tokens (:func:`_keep`): a
    plain run by :func:`~amfit.runpieces.plain_pieces`, marks around a plain core by
    :func:`~amfit.runpieces.affixed_pieces`, any other by spaCy, with the pieces
    of one figure ("$", "3.9", "M") merged into one token. A run holds no
    white space, so its tokens follow one another without a gap."""
    if len(_CHUNKS) + len(_WORDS) >= _CHUNKS_MAX:  # stay bounded over huge batches
        _CHUNKS.clear()
        _WORDS.clear()
    nlp = get_nlp()
    specials = nlp.tokenizer.rules
    pieces = plain_pieces(run, specials) or affixed_pieces(run, specials, _spacy_texts)
    if pieces is None:
        from spacy.attrs import IDX, LENGTH

        pieces = []
        for start, length in nlp.make_doc(run).to_array([IDX, LENGTH]).tolist():
            piece = run[start : start + length]
            if pieces and (pieces[-1][0] in _CURRENCY or pieces[-1][0].isdecimal()):
                merged = pieces[-1] + piece
                if _FIGURE_RE.match(merged.lower()):
                    pieces[-1] = merged
                    continue
            pieces.append(piece)
    entries = []
    at = 0
    for t in pieces:
        entries.append((at, t, *_token_info(t)))
        at += len(t)
    _keep(run, tuple(entries))


def _segments(text: str) -> list[list[Token]]:
    """One pass over the text's tokens, building segments.

    It is the hottest loop of amfit batch, so it builds no spaCy ``Doc``
    for text it has seen: the tokens of each run of non-space characters
    come from :data:`_WORDS` or :data:`_CHUNKS` (spaCy's own tokens, worked
    out the first time the run appears), and only line breaks between runs
    need looking at (``str.split`` and spaCy split at the same white space).
    """
    runs = text.split()
    out: list[list[Token]] = []
    current: list[Token] = []
    joined = False
    words = _WORDS.get
    known = _CHUNKS
    # One character between runs and none around them (the usual line):
    # each run starts one past the end of the one before.
    spaced = "\n" not in text and len(text) == sum(map(len, runs)) + len(runs) - 1
    find = text.find
    at = 0
    for run in runs:
        if spaced:
            run_start = at
        else:
            run_start = find(run, at)
            if current and "\n" in text[at:run_start]:
                out.append(current)
                current = []
        end = at = run_start + len(run)
        if spaced:
            at += 1
        word = words(run)
        if word is None and run not in known:  # a run not seen before
            _learn_run(run)
            word = words(run)
        if word is not None:
            # tuple.__new__ skips the named tuple's Python-level __new__.
            current.append(_new_token(Token, (run, word[0], word[1], run_start, end, word[2])))
            joined = False
            continue
        for rel, t, kind, lower, key, squash in known[run]:
            if kind == _WORD:
                start = run_start + rel
                end = start + len(t)
                if key == NUMBER_KEY and joined and current and current[-1].key == NUMBER_KEY:
                    # A range such as "40-60" is one number.
                    prev = current[-1]
                    merged = prev.lower + "-" + lower
                    current[-1] = Token(
                        text[prev.start : end], merged, NUMBER_KEY, prev.start, end, compact(merged)
                    )
                else:
                    current.append(_new_token(Token, (t, lower, key, start, end, squash)))
                joined = False
            elif kind == _JOINER:
                joined = True
            elif kind == _BREAK:
                joined = False
                if current:
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
