"""Where a posting's words name the employer or describe it, not a skill.

:func:`not_skills` (re-exported by :mod:`amfit.terms`) and its helpers, by
shape and structure only (no list of employers):

* :func:`company_words`: the words of the employer's name as the caller
  knows it (a batch record's ``company`` field), without the legal form
  ("Inc", "GmbH"), and the name written as one word ("Red Canary" ->
  "redcanary");
* :func:`domain_names`: the name in a web or e-mail address ("acme.io",
  "jobs@contoso.com" -> "acme", "contoso");
* :func:`description_places`: the words of sentences in which the employer
  describes itself ("Acme was founded to...", "Our platform serves...":
  :func:`amfit.posting.intro_reading`), wherever they stand;
* :func:`named_heading_places`: the words under an unclassified heading
  that names the employer ("Why Acme", "Life at Contoso");
* :func:`fragment_places`: units ("16 GB"), halves of a hyphenated or
  slashed compound ("fine-grained" gives no "grained").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache
from itertools import pairwise

from . import phrases
from .document import Unit
from .nlp import Token, segments
from .posting import intro_reading
from .resources import keywords_path
from .termrules import stop_words
from .titles import has_title_word


@cache
def _names_lists() -> phrases.PhraseFile:
    """``keywords/names.toml``: legal forms, address parts, web endings."""
    return phrases.load(keywords_path("names.toml"))


def legal_forms() -> frozenset[str]:
    """Legal forms and generic words of company names ("inc", "gmbh", "group")."""
    return _names_lists().words("legal_forms", lower=True)


def _address_parts() -> frozenset[str]:
    return _names_lists().words("address_parts", lower=True)


def _tlds() -> frozenset[str]:
    return _names_lists().words("web_endings", lower=True)


#: A word this short right after a number is a unit ("16 GB", "27 inch").
UNIT_CHARS = 5

_NUMBER = re.compile(r"^\d[\d.,]*[a-z]*$", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_ADDRESS = re.compile(r"^(?:https?://)?(?:[\w-]+@)?((?:[a-z0-9-]+\.)+[a-z]{2,})(?:/.*)?$", re.I)
_FIRST_WORD = re.compile(r"^\W*([A-Za-z][\w'’]*)")
#: How the employer names itself as a subject.
_SELF = frozenset({"we", "our", "we're", "we’re", "we've", "we’ve", "ours"})
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def company_words(company: str) -> frozenset[str]:
    """Lower-cased words of an employer's name, and the name as one word."""
    words = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z0-9]*", company)]
    kept = [w for w in words if w not in legal_forms() and len(w) >= 3]
    out = set(kept)
    if len(kept) > 1:
        out.add("".join(kept))
    return frozenset(out)


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


def description_places(
    units: Sequence[Unit], sections: Iterable[str], names: Iterable[str]
) -> set[tuple[int, int]]:
    """(unit index, start) of every word in a sentence where the employer
    describes itself, in the prose lines of ``sections`` and the bullets of
    unclassified sections (``role``: "Why Acme", "Our story"): a sentence
    read as company text (:func:`amfit.posting.intro_reading`) whose
    subject is the employer, "we" / "our" or one of ``names`` ("Acme was
    founded to...", "We believe..."), and that names no job ("we are on
    the hunt for a Pre-Sales Consultant fluent in Spanish" announces the
    opening). Company text of another subject ("Experience with our
    platform") is left to the asks."""
    wanted = frozenset(sections)
    subjects = _SELF | frozenset(names)
    out: set[tuple[int, int]] = set()
    for unit in units:
        if unit.section not in wanted or unit.kind not in ("line", "bullet"):
            continue
        if unit.kind == "bullet" and unit.section != "role":
            continue
        text = unit.text
        start = 0
        for m in [*_SENTENCE_END.finditer(text), None]:
            end = m.start() if m else len(text)
            sentence = text[start:end]
            first = _FIRST_WORD.match(sentence)
            if (
                first
                and first.group(1).lower() in subjects
                and not has_title_word(sentence)
                and intro_reading(sentence) == "company"
            ):
                out.update(
                    (unit.index, t.start)
                    for seg in segments(text)
                    for t in seg
                    if start <= t.start < end
                )
            start = m.end() if m else end
    return out


def named_heading_places(units: Sequence[Unit], names: Iterable[str]) -> set[tuple[int, int]]:
    """(unit index, start) of the words under an unclassified heading that
    holds one of ``names`` ("What it's like to work at Acme"): the section
    is about the employer, whatever its bullets say."""
    known = frozenset(names)
    out: set[tuple[int, int]] = set()
    named: dict[str, bool] = {}  # per heading: does it hold a name?
    for unit in units:
        if unit.section != "role" or unit.kind == "heading" or not unit.heading:
            continue
        holds = named.get(unit.heading)
        if holds is None:
            heading = {w.lower() for w in re.findall(r"[A-Za-z][\w]*", unit.heading)}
            holds = named[unit.heading] = bool(heading & known)
        if holds:
            out.update((unit.index, t.start) for seg in segments(unit.text) for t in seg)
    return out


def fragment_places(units: Sequence[Unit]) -> set[tuple[int, int]]:
    """(unit index, start) of units after a number and of compound halves
    never used alone."""
    odd: set[tuple[int, int]] = set()
    glued: dict[str, list[tuple[int, int]]] = {}
    free: set[str] = set()
    for unit in units:
        index = unit.index
        unit_free, unit_glued, unit_odd = _unit_fragments(unit.text)
        free.update(unit_free)
        for word, start in unit_glued:
            glued.setdefault(word, []).append((index, start))
        odd.update([(index, start) for start in unit_odd])
    # Half of a compound is a fragment only when the word is never used alone.
    for word, places in glued.items():
        if word not in free:
            odd.update(places)
    return odd


#: Per distinct unit text, what :func:`fragment_places` reads of it. About a
#: third of the unit texts of a corpus repeat (an employer's boilerplate),
#: and the text alone decides it.
_FRAGMENTS: dict[str, tuple[frozenset[str], tuple[tuple[str, int], ...], tuple[int, ...]]] = {}
#: Entries a per-text cache of this module holds before it starts afresh.
_CACHE_MAX = 50_000


def _unit_fragments(
    text: str,
) -> tuple[frozenset[str], tuple[tuple[str, int], ...], tuple[int, ...]]:
    """(words used alone, (word, start) of compound halves, start of units
    after a number) of one unit's text."""
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
    for seg in segments(text):
        if not joins:
            free.update([tok.lower for tok in seg])
        else:
            for tok in seg:
                glued_before = tok.start > 0 and text[tok.start - 1] in "-/"
                glued_after = tok.end < len(text) and text[tok.end : tok.end + 1] in ("-", "/")
                if glued_before or glued_after:
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
    if len(_FRAGMENTS) >= _CACHE_MAX:  # stay bounded over huge batches
        _FRAGMENTS.clear()
    got = _FRAGMENTS[text] = (frozenset(free), tuple(glued), tuple(odd))
    return got


#: A capitalised word seen this often in the about / benefits text, or on a
#: "Company:" / "About ..." line or the title, is the employer's or its
#: product's name.
NAME_REPEATS = 2

_NAME_LINE = re.compile(r"^\s*(?:company|employer|about|who we are|at)\b", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s\b")


def not_skills(
    units: Sequence[Unit], ignored_sections: frozenset[str] = frozenset(), company: str = ""
) -> tuple[frozenset[str], frozenset[tuple[int, int]]]:
    """What a person could not honestly add to a resume as a skill:

    * names (lower-cased words): the words of ``company`` (the employer's
      name when the caller knows it: :func:`amfit.termnames.company_words`),
      the name in a web or e-mail address, capitalised words of the title,
      of a "Company:" / "About ..." line, or seen :data:`NAME_REPEATS` times
      capitalised in the about / benefits / apply text (the employer, its
      products, a recruiter), and a capitalised word in the possessive
      anywhere ("Contoso's", with the capitalised word before it);
    * odd tokens, as (unit index, start): a short word right after a number
      (a unit: "16 GB", "27 inch"), one half of a hyphenated or slashed
      compound ("fine-grained" gives no "grained"), the words of a sentence
      in which the employer describes itself, and those under an
      unclassified heading that names it ("Why Acme"): see
      :mod:`amfit.termnames`.
    """
    seen: dict[str, int] = {}
    names: set[str] = set(company_words(company))
    titled: set[str] = set()  # the title's words: the job's name, not the employer's
    pairs: set[tuple[str, str]] = set()
    for unit in units:
        title = unit.section == "title"
        boiler = title or unit.section in ignored_sections
        text = unit.text
        # Outside the boilerplate only an address or a possessive names
        # anything: a line with neither a dot nor an apostrophe is passed over.
        if not boiler and "." not in text and "'" not in text and "’" not in text:
            continue
        unit_names, unit_titled, unit_seen, unit_pairs = _unit_names(text, boiler, title)
        names.update(unit_names)
        titled.update(unit_titled)
        for word in unit_seen:
            seen[word] = seen.get(word, 0) + 1
        pairs.update(unit_pairs)
    names.update(w for w, n in seen.items() if n >= NAME_REPEATS)
    # The other word of a two-word name ("Red" of "Red Canary"), read from a
    # copy: a set growing while read hangs on its order, i.e. the hash seed.
    known = frozenset(names)
    names.update(b if a in known else a for a, b in pairs if a in known or b in known)
    names -= stop_words()
    asks = {u.section for u in units} - ignored_sections - {"title"}
    odd = fragment_places(units) | description_places(units, asks, names)
    return frozenset(names), frozenset(odd | named_heading_places(units, names - titled))


_UnitNames = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[tuple[str, str], ...]]
#: Per (unit text, boilerplate?, title?), what :func:`not_skills` reads of it.
_UNIT_NAMES: dict[tuple[str, bool, bool], _UnitNames] = {}


def _unit_names(text: str, boiler: bool, title: bool) -> _UnitNames:
    """(names, title words, capitalised words seen past a sentence's first
    word, pairs of capitalised words) of one unit's text, for
    :func:`not_skills`: its text and section decide them, and boilerplate
    repeats across an employer's postings."""
    key = (text, boiler, title)
    got = _UNIT_NAMES.get(key)
    if got is not None:
        return got
    names: list[str] = []
    titled: list[str] = []
    seen: list[str] = []
    pairs: list[tuple[str, str]] = []
    possessive = "'" in text or "’" in text
    name_line = title or bool(_NAME_LINE.match(text))
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
    if len(_UNIT_NAMES) >= _CACHE_MAX:  # stay bounded over huge batches
        _UNIT_NAMES.clear()
    got = _UNIT_NAMES[key] = (tuple(names), tuple(titled), tuple(seen), tuple(pairs))
    return got
