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
from collections.abc import Callable, Container, Iterable, Sequence
from functools import lru_cache

from .document import Unit
from .nlp import segments
from .posting import intro_reading
from .termrules import stop_words
from .termtext import CACHE_MAX, NameSet, lazy_runs, may_stand_alone, unit_fragments
from .termtext import NAME_REPEATS as NAME_REPEATS  # re-exported
from .termtext import UNIT_CHARS as UNIT_CHARS  # re-exported
from .termtext import domain_names as domain_names  # re-exported
from .termtext import legal_forms as legal_forms  # re-exported
from .titles import has_title_word

_FIRST_WORD = re.compile(r"^\W*([A-Za-z][\w'’]*)")
#: How the employer names itself as a subject.
_SELF = frozenset({"we", "our", "we're", "we’re", "we've", "we’ve", "ours"})
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@lru_cache(maxsize=4096)  # an employer has many postings
def company_words(company: str) -> frozenset[str]:
    """Lower-cased words of an employer's name, and the name as one word."""
    words = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z0-9]*", company)]
    kept = [w for w in words if w not in legal_forms() and len(w) >= 3]
    out = set(kept)
    if len(kept) > 1:
        out.add("".join(kept))
    return frozenset(out)


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
    known = names if isinstance(names, Container) else frozenset(names)
    out: set[tuple[int, int]] = set()
    for unit in units:
        if unit.section not in wanted or unit.kind not in ("line", "bullet"):
            continue
        if unit.kind == "bullet" and unit.section != "role":
            continue
        text = unit.text
        for first, start, end in sentence_firsts(text):
            if (first in _SELF or first in known) and company_sentence(text[start:end]):
                out.update(
                    (unit.index, t.start)
                    for seg in segments(text)
                    for t in seg
                    if start <= t.start < end
                )
    return out


_FIRSTS: dict[str, tuple[tuple[str, int, int], ...]] = {}


def sentence_firsts(text: str) -> tuple[tuple[str, int, int], ...]:
    """(lower-cased first word, start, end) of each sentence of ``text``
    that opens on a word, for :func:`description_places`: the text alone
    decides them and boilerplate repeats across postings, so the sentence
    split is worked out once per text (a bounded cache)."""
    got = _FIRSTS.get(text)
    if got is not None:
        return got
    kept: list[tuple[str, int, int]] = []
    start = 0
    for m in [*_SENTENCE_END.finditer(text), None]:
        end = m.start() if m else len(text)
        first = _FIRST_WORD.match(text[start:end])
        if first:
            kept.append((first.group(1).lower(), start, end))
        start = m.end() if m else end
    if len(_FIRSTS) >= CACHE_MAX:  # stay bounded over huge batches
        _FIRSTS.clear()
    got = _FIRSTS[text] = tuple(kept)
    return got


@lru_cache(maxsize=8192)  # an employer's sentences repeat across its postings
def company_sentence(sentence: str) -> bool:
    """Does ``sentence`` name no job and read as company text? Asked only of
    a sentence whose subject is the employer (the costly half of the test)."""
    return not has_title_word(sentence) and intro_reading(sentence) == "company"


def named_heading_places(
    units: Sequence[Unit], names: Iterable[str], titled: Container[str] = frozenset()
) -> set[tuple[int, int]]:
    """(unit index, start) of the words under an unclassified heading that
    holds one of ``names`` but not of ``titled`` ("What it's like to work at
    Acme"): the section is about the employer, whatever its bullets say."""
    known = names if isinstance(names, Container) else frozenset(names)
    out: set[tuple[int, int]] = set()
    named: dict[str, bool] = {}  # per heading: does it hold a name?
    for unit in units:
        if unit.section != "role" or unit.kind == "heading" or not unit.heading:
            continue
        holds = named.get(unit.heading)
        if holds is None:
            heading = {w.lower() for w in re.findall(r"[A-Za-z][\w]*", unit.heading)}
            holds = named[unit.heading] = any(w in known and w not in titled for w in heading)
        if holds:
            out.update((unit.index, t.start) for seg in segments(unit.text) for t in seg)
    return out


def fragment_places(
    units: Sequence[Unit],
    unread: Sequence[str] = (),
    counted: Callable[[str], bool] | None = None,
) -> set[tuple[int, int]]:
    """(unit index, start) of units after a number and of compound halves
    never used alone (in ``units`` or in the texts ``unread``, whose own
    places are not wanted). ``counted``: the words whose places the caller
    reads (None: all); whether another word is used alone in ``unread`` is
    not looked up."""
    odd: set[tuple[int, int]] = set()
    glued: dict[str, list[tuple[int, int]]] = {}
    free: set[str] = set()
    for unit in units:
        index = unit.index
        unit_free, unit_glued, unit_odd = unit_fragments(unit.text)
        free.update(unit_free)
        for word, start in unit_glued:
            glued.setdefault(word, []).append((index, start))
        odd.update([(index, start) for start in unit_odd])
    lowered: list[str] = []
    # Half of a compound is a fragment only when the word is never used alone.
    for word, places in glued.items():
        if word in free:
            continue
        if unread and (counted is None or counted(word)):
            # A word is used alone in a text only if its lower case stands
            # there untied (see may_stand_alone; a range such as "40 - 60"
            # is the one word "40-60").
            lowered = lowered or [text.lower() for text in unread]
            if any(
                ("-" in word or may_stand_alone(word, text, low))
                and word in unit_fragments(text)[0]
                for text, low in zip(unread, lowered, strict=True)
            ):
                continue
        odd.update(places)
    return odd


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
    names, odd = term_filters(units, ignored_sections, company, lazy=False)
    return frozenset(names.everything()), frozenset(odd)


def term_filters(
    units: Sequence[Unit],
    ignored_sections: frozenset[str] = frozenset(),
    company: str = "",
    *,
    lazy: bool = True,
    counted: Callable[[str], bool] | None = None,
) -> tuple[NameSet, set[tuple[int, int]]]:
    """:func:`not_skills` for the term finder, which reads nothing of the
    units of ``ignored_sections``: ``word in names`` answers as the names of
    :func:`not_skills` would, and the odd places are the same in every unit
    outside ``ignored_sections`` (``lazy``: a boilerplate line is read only
    when a word asked about could be a name in it, see
    :class:`amfit.termtext.NameSet`; its own places are left out).
    ``counted``: the words whose places the caller reads (see
    :func:`fragment_places`)."""
    names = NameSet(stop_words())
    names.names.update(company_words(company))
    read: list[Unit] = []
    unread: list[str] = []
    for unit in units:
        title = unit.section == "title"
        boiler = title or unit.section in ignored_sections
        text = unit.text
        runs = lazy_runs(text) if lazy and boiler and not title else None
        if runs is not None:
            names.defer(text, runs)
            unread.append(text)
            continue
        read.append(unit)
        # Outside the boilerplate only an address or a possessive names
        # anything: a line with neither a dot nor an apostrophe is passed over.
        if boiler or "." in text or "'" in text or "’" in text:
            names.add(text, boiler, title)
    asks = {u.section for u in units} - ignored_sections - {"title"}
    odd = fragment_places(read, unread, counted) | description_places(units, asks, names)
    return names, odd | named_heading_places(units, names, names.titled)
