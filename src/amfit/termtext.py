"""What one unit's text gives :mod:`amfit.termnames`, read once per distinct text.

About a third of the unit texts of a corpus repeat across postings (an
employer's boilerplate), and what :func:`unit_names` and
:func:`unit_fragments` read of a text depends on the text alone, so each is
worked out once per process (bounded caches).

Boilerplate (about, benefits, EEO, how to apply) is read for names only,
and nothing else tokenises it. :class:`NameSet` answers "is this word one
of the posting's names?" exactly as the eager set of
:func:`amfit.termnames.not_skills` would, but reads a boilerplate line only
when the word asked about could stand capitalised in it: every name a line
gives (:func:`unit_names`) is a capitalised word of letters, so the line's
capitalised runs of letters (:func:`lazy_runs`) tell which lines a word
needs. A line whose text that test cannot cover (letters outside ASCII, an
address, a "Company:" line) is read at once.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from . import phrases
from .nlp import Token, segments
from .resources import keywords_path

#: Entries a per-text cache of this module holds before it starts afresh.
CACHE_MAX = 50_000
#: A capitalised word seen this often in the about / benefits text, or on a
#: "Company:" / "About ..." line or the title, is the employer's or its
#: product's name.
NAME_REPEATS = 2
#: A word this short right after a number is a unit ("16 GB", "27 inch").
UNIT_CHARS = 5

_NUMBER = re.compile(r"^\d[\d.,]*[a-z]*$", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
#: The marks that tie two words into one compound ("fine-grained", "a/b").
_JOIN = re.compile(r"[-/]")
_ADDRESS = re.compile(r"^(?:https?://)?(?:[\w-]+@)?((?:[a-z0-9-]+\.)+[a-z]{2,})(?:/.*)?$", re.I)
#: What every match of _ADDRESS holds: a full stop between a name character
#: and two letters (same flags, so the same characters count as letters).
_ADDRESS_DOT = re.compile(r"[a-z0-9-]\.[a-z]{2}", re.I)
NAME_LINE = re.compile(r"^\s*(?:company|employer|about|who we are|at)\b", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s\b")
#: From each capital letter, the run of ASCII letters it opens.
_CAPITAL_RUN = re.compile(r"(?=([A-Z][A-Za-z]*))")


@cache
def _names_lists() -> phrases.PhraseFile:
    """``keywords/names.toml``: legal forms, address parts, web endings."""
    return phrases.load(keywords_path("names.toml"))


@cache  # the list is checked and built once (phrases.PhraseFile.words)
def legal_forms() -> frozenset[str]:
    """Legal forms and generic words of company names ("inc", "gmbh", "group")."""
    return _names_lists().words("legal_forms", lower=True)


@cache  # the list is checked and built once (phrases.PhraseFile.words)
def _address_parts() -> frozenset[str]:
    return _names_lists().words("address_parts", lower=True)


@cache  # the list is checked and built once (phrases.PhraseFile.words)
def _tlds() -> frozenset[str]:
    return _names_lists().words("web_endings", lower=True)


def domain_names(token: str) -> list[str]:
    """The name parts of a web or e-mail address ("jobs.acme.io" -> ["acme"])."""
    m = _ADDRESS.match(token)
    if not m or "." not in token:
        return []
    parts = m.group(1).split(".")
    if len(parts) < 2 or parts[-1] not in _tlds():  # "ASP.NET" is no address
        return []
    parts = [p.lower() for p in parts]
    return [
        p
        for p in parts[:-1]
        if p.isalpha() and p not in _address_parts() and p not in _tlds() and len(p) >= 3
    ]


_Fragments = tuple[frozenset[str], tuple[tuple[str, int], ...], tuple[int, ...]]
_FRAGMENTS: dict[str, _Fragments] = {}


def unit_fragments(text: str) -> _Fragments:
    """(words used alone, (word, start) of compound halves, start of units
    after a number) of one unit's text, for
    :func:`amfit.termnames.fragment_places`."""
    got = _FRAGMENTS.get(text)
    if got is not None:
        return got
    free: set[str] = set()
    glued: list[tuple[str, int]] = []
    odd: list[int] = []
    # Most lines hold no hyphen, slash or digit: every word is used
    # alone there, and none follows a number (two tests of the whole
    # text instead of three of each word).
    joins = "-" in text or "/" in text
    figures = _DIGIT.search(text) is not None
    marks = {m.start() for m in _JOIN.finditer(text)} if joins else ()
    for seg in segments(text):
        if not joins:
            free.update([tok.lower for tok in seg])
        else:
            for tok in seg:
                # A mark right before or right after the token ties it.
                if tok.start - 1 in marks or tok.end in marks:
                    glued.append((tok.lower, tok.start))
                else:
                    free.add(tok.lower)
        if figures:
            for prev, tok in pairwise(seg):
                # _NUMBER opens on a digit (\d is str.isdecimal): test that first.
                if (
                    prev.text[:1].isdecimal()
                    and len(tok.text) <= UNIT_CHARS
                    and _NUMBER.match(prev.text)
                ):
                    odd.append(tok.start)
    if len(_FRAGMENTS) >= CACHE_MAX:  # stay bounded over huge batches
        _FRAGMENTS.clear()
    got = _FRAGMENTS[text] = (frozenset(free), tuple(glued), tuple(odd))
    return got


def may_stand_alone(word: str, text: str, low: str) -> bool:
    """False only when ``word`` (no hyphen in it) cannot be a token of
    ``text`` used alone, ``low`` being ``text.lower()``: in an ASCII text a
    token's lower case is its own span lower-cased, so a free one is an
    occurrence of ``word`` in ``low`` with no hyphen or slash right before
    or after it. This spares tokenising a boilerplate text in which the word
    only stands in compounds ("full-time"), or not at all."""
    if not text.isascii():
        return word in low
    size = len(word)
    at = low.find(word)
    while at >= 0:
        after = low[at + size : at + size + 1]
        if (at == 0 or low[at - 1] not in "-/") and after not in ("-", "/"):
            return True
        at = low.find(word, at + 1)
    return False


_UnitNames = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[tuple[str, str], ...]]
_UNIT_NAMES: dict[tuple[str, bool, bool], _UnitNames] = {}


def unit_names(text: str, boiler: bool, title: bool) -> _UnitNames:
    """(names, title words, capitalised words seen past a sentence's first
    word, pairs of capitalised words) of one unit's text, for
    :func:`amfit.termnames.not_skills`: its text and section decide them."""
    key = (text, boiler, title)
    got = _UNIT_NAMES.get(key)
    if got is not None:
        return got
    names: list[str] = []
    titled: list[str] = []
    seen: list[str] = []
    pairs: list[tuple[str, str]] = []
    possessive = "'" in text or "’" in text
    name_line = title or bool(NAME_LINE.match(text))
    for seg in segments(text):
        prev: Token | None = None
        for i, tok in enumerate(seg):
            if "." in tok.text:
                names.extend(domain_names(tok.text))
            if boiler and tok.text[:1].isupper() and tok.lower.isalpha():
                if name_line:
                    names.append(tok.lower)
                    if title:
                        titled.append(tok.lower)
                elif i > 0:  # not the first word of a sentence
                    seen.append(tok.lower)
                if prev is not None and prev.text[:1].isupper() and prev.lower.isalpha():
                    pairs.append((prev.lower, tok.lower))
            if (
                possessive
                and tok.text[:1].isupper()
                and tok.lower.isalpha()
                and _POSSESSIVE.match(text, tok.end)
            ):
                # "Contoso's platform": whose it is, a name. With a
                # capitalised word before it, both words of the name.
                names.append(tok.lower)
                if prev is not None and prev.text[:1].isupper() and prev.lower.isalpha():
                    names.append(prev.lower)
            prev = tok
    if len(_UNIT_NAMES) >= CACHE_MAX:  # stay bounded over huge batches
        _UNIT_NAMES.clear()
    got = _UNIT_NAMES[key] = (tuple(names), tuple(titled), tuple(seen), tuple(pairs))
    return got


_RUNS: dict[str, tuple[str, ...] | None] = {}


def lazy_runs(text: str) -> tuple[str, ...] | None:
    """The lower-cased runs of ASCII letters that open on each capital letter
    of a boilerplate line's text, or None when the line must be read now.

    A name :func:`unit_names` takes from a boilerplate line is a token whose
    text opens on a capital and whose lower case is all letters. When every
    character outside ASCII is neither a letter nor changed by lower-casing,
    such a token is ASCII letters opening on A-Z, so its lower case begins
    one of these runs. Addresses (their names need no capital) and
    "Company:" lines (their first word counts) are read now.
    """
    got = _RUNS.get(text, False)
    if got is not False:
        return got  # type: ignore[return-value]
    plain = text.isascii() or all(
        ch.isascii() or (not ch.isalpha() and ch.lower() == ch) for ch in set(text)
    )
    if not plain or NAME_LINE.match(text) or _ADDRESS_DOT.search(text):
        got = None
    else:
        got = tuple(m.group(1).lower() for m in _CAPITAL_RUN.finditer(text))
    if len(_RUNS) >= CACHE_MAX:  # stay bounded over huge batches
        _RUNS.clear()
    _RUNS[text] = got
    return got


class NameSet(dict[str, bool]):
    """The posting's names (see :func:`amfit.termnames.not_skills`), read
    from its boilerplate lines only as far as the words asked about need.

    ``word in names`` is what ``word in`` the eager set would answer, and
    ``names[word]`` the same as a plain look-up (the term finder's loop asks
    per word: each word is worked out once, by ``__missing__``, and kept as
    a key). A word is a name when it is known (a name of a line, or seen
    :data:`NAME_REPEATS` times) or stands in a pair with a known word, and
    is no stop word. The lines that can make the word known, or give it a
    pair, are the lines with a capitalised run that begins with it; the
    lines that can make a partner known are those of the partner's runs.
    """

    def __init__(self, stops: frozenset[str]) -> None:
        super().__init__()
        self.names: set[str] = set()
        self.titled: set[str] = set()
        self._stops = stops
        self._seen: dict[str, int] = {}
        self._partners: dict[str, list[str]] = {}
        self._lazy: list[str] = []  # texts of the lines not read yet ("": read)
        self._runs: dict[str, list[tuple[str, int]]] = {}  # by first 3 letters
        self._short: list[tuple[str, int]] = []  # runs of fewer letters
        self._known: dict[str, bool] = {}  # words whose lines are all read

    def add(self, text: str, boiler: bool, title: bool) -> None:
        """Read one line's names now."""
        names, titled, seen, pairs = unit_names(text, boiler, title)
        self.names.update(names)
        self.titled.update(titled)
        counts = self._seen
        for word in seen:
            counts[word] = counts.get(word, 0) + 1
        partners = self._partners
        for a, b in pairs:
            partners.setdefault(a, []).append(b)
            partners.setdefault(b, []).append(a)

    def defer(self, text: str, runs: tuple[str, ...]) -> None:
        """Read a boilerplate line (of capitalised ``runs``) when needed."""
        at = len(self._lazy)
        self._lazy.append(text)
        for run in runs:
            if len(run) >= 3:
                self._runs.setdefault(run[:3], []).append((run, at))
            else:
                self._short.append((run, at))

    def _is_known(self, word: str) -> bool:
        got = self._known.get(word)
        if got is None:
            # Read every deferred line where it could be a name (most words
            # open no run of one: one look-up).
            if self._lazy and (len(word) < 3 or word[:3] in self._runs):
                if len(word) >= 3:
                    entries = self._runs[word[:3]]
                else:
                    entries = self._short + [e for es in self._runs.values() for e in es]
                for run, at in entries:
                    text = self._lazy[at]
                    if text and run.startswith(word):
                        self._lazy[at] = ""
                        self.add(text, True, False)
            got = word in self.names or self._seen.get(word, 0) >= NAME_REPEATS
            self._known[word] = got
        return got

    def __missing__(self, word: str) -> bool:
        got = word not in self._stops and self._is_known(word)
        if not got and word in self._partners and word not in self._stops:
            # Every pair holding the word is on a line read for it, so its
            # partners are all known here.
            got = any(self._is_known(p) for p in self._partners[word])
        self[word] = got
        return got

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self[word]

    def unread(self) -> list[str]:
        """The texts of the boilerplate lines not read yet."""
        return [text for text in self._lazy if text]

    def everything(self) -> set[str]:
        """Every name: all lines read (what the eager set holds)."""
        for at, text in enumerate(self._lazy):
            if text:
                self._lazy[at] = ""
                self.add(text, True, False)
        names = self.names | {w for w, n in self._seen.items() if n >= NAME_REPEATS}
        known = frozenset(names)
        pairs = ((a, b) for a, bs in self._partners.items() for b in bs)
        names.update(b if a in known else a for a, b in pairs if a in known or b in known)
        return names - self._stops
