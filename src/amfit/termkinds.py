"""Kinds of noun that are never a skill: people, places, chief officers, wrappers.

Rules of :mod:`amfit.termrules` (its rule table names them), each from a
word list built from a lexical database, never from phrases seen in
postings:

* :func:`person_noun`: a term ending on a lower-case noun for people,
  plural or heading a pair ("supervisors", "agency managers", "external
  partners"; ``data/person_nouns.txt``, WordNet's ``noun.person``): who
  the hire works with, not what they can do;
* :func:`place_name`: a term holding a capitalised place name ("Spain",
  "Berlin"; ``data/place_names.txt``, WordNet's ``noun.location``, ISO
  3166 countries and IANA time-zone cities): where the job is;
* :func:`chief_officer`: a C-level title in capitals ("CTO", "CFO"): a
  person the hire reports to;
* :func:`wrapper_head`: a term ending on a noun that job ads write before
  "of", "in", "with" or "on" what they ask ("technical knowledge", "wide
  variety", "sport type"; ``data/wrapper_words.tsv``, corpus counts): the
  measure or the wrapper of an ask, the skill being what follows.

The first two lists are built by ``scripts/build_wordnet_nouns.py``, the
last by ``scripts/build_wrapper_words.py``.
"""

from __future__ import annotations

import re
from functools import cache

from .nlp import word_key
from .resources import data_path

#: "CEO", "CTO", "CMO", "CRO", "CISO": chief ... officer, in capitals.
_CHIEF = re.compile(r"C[A-Z]{1,2}O")


@cache
def _lemmas(name: str) -> frozenset[str]:
    """The first column of a ``data/`` list ('#' lines are comments)."""
    text = data_path(name).read_text(encoding="utf-8")
    return frozenset(
        ln.split("\t", 1)[0] for ln in text.split("\n") if ln and not ln.startswith("#")
    )


def singulars(word: str) -> tuple[str, ...]:
    """The singulars a lower-case plural may have ("managers" -> "manager",
    "adversaries" -> "adversary", "coaches" -> "coach", "salesmen" ->
    "salesman"); empty for a word not ending like a plural."""
    if word.endswith("men"):
        return (word[:-3] + "man",)
    if word.endswith("ies"):
        return (word[:-3] + "y", word[:-1])
    if word.endswith("es"):
        return (word[:-2], word[:-1])
    if word.endswith("s") and not word.endswith("ss"):
        return (word[:-1],)
    return ()


def person_noun(surface: str) -> bool:
    """A term ending on a noun for people, in the plural ("caregivers",
    "Hosting Partners") or lower-case after another word ("agency
    manager"). One singular word alone is kept, and so is a capitalised
    singular: it is as often a tool named after a trade ("docker",
    "Looker")."""
    words = surface.split(" ")
    last = words[-1]
    if len(words) > 2 or last.isupper() or not last.isalpha():
        return False
    people = _lemmas("person_nouns.txt")
    if any(s in people for s in singulars(last.lower())):
        return True
    return len(words) == 2 and last[:1].islower() and last in people


def person_word(word: str) -> bool:
    """Is ``word`` (any case, singular or plural) a noun for people?"""
    people, lower = _lemmas("person_nouns.txt"), word.lower()
    return word.isalpha() and (lower in people or any(s in people for s in singulars(lower)))


def place_name(surface: str) -> bool:
    """A term holding a capitalised name of a country, region or city."""
    places = _lemmas("place_names.txt")
    return any(w[:1].isupper() and w.lower() in places for w in surface.split(" "))


def chief_officer(surface: str) -> bool:
    """A C-level title in capitals ("COO"), alone."""
    return _CHIEF.fullmatch(surface) is not None


def wrapper_head(surface: str) -> bool:
    """One or two words ending on a lower-case wrapper noun ("basic knowledge")."""
    words = surface.split(" ")
    last = words[-1]
    if len(words) > 2 or not last[:1].islower():
        return False
    return word_key(last.lower()) in _lemmas("wrapper_words.tsv")
