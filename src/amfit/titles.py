"""Title fit: is the resume's most recent title the posting's role?

Levels, from best to worst (values are named constants in
:mod:`amfit.fit.weights`):

* ``same`` - the same core title once seniority words and segment
  qualifiers are set aside ("Senior Account Manager" ~ "Account Manager, SMB");
* ``family`` - the same family ("Strategic Account Manager" ~ "Account Manager");
* ``neighbour`` - a neighbouring role ("Customer Success Manager" for an AM seat);
* ``different`` - another role (an Account Executive for an AM seat);
* ``unknown`` - the resume or the posting states no title (or neither
  title is one amfit knows); a posting title of no known family (an
  engineer, a designer) is ``different``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import phrases
from .errors import TaxonomyError
from .resources import keywords_path
from .taxonomy import TitleFamily, title_families

#: The word lists of ``keywords/titles.toml`` (its ``[lists]`` and
#: ``[[abbreviation]]`` tables; the ``[[family]]`` tables are
#: :func:`amfit.taxonomy.title_families`).
FILE = phrases.load(keywords_path("titles.toml"), tables=("abbreviation", "family"))
#: Words that make a phrase look like a job title.
TITLE_WORDS = FILE.words("title_words", lower=True)


def has_title_word(text: str) -> bool:
    """Does the text hold a word such as manager, executive or CSM?"""
    return any(w.lower() in TITLE_WORDS for w in re.findall(r"[A-Za-z]+", text))


#: Seniority words, set aside when titles are compared.
SENIORITY_WORDS = FILE.words("seniority_words", lower=True)
#: Segment and region qualifiers, set aside at the start of a title.
SEGMENT_WORDS = FILE.words("segment_words", lower=True)
_SPLIT = re.compile(r"\s+[-–—|/]\s+|,|\(|\||:")


def abbreviations(data: phrases.PhraseFile) -> dict[str, str]:
    """The ``[[abbreviation]]`` tables of a phrase file as a dict, short to long."""
    out: dict[str, str] = {}
    for table in data.tables["abbreviation"]:
        phrases.require(table, data.path, {"short": str, "long": str}, ("short", "long"))
        short, long = table.fields["short"], table.fields["long"]
        if not re.fullmatch(r"[a-z0-9]+|&", short) or not re.fullmatch(r"[a-z0-9]+", long):
            raise TaxonomyError(
                data.path, table.line, "'short' and 'long' must be one lower-case word each"
            )
        if short in out:
            raise TaxonomyError(data.path, table.line, f"abbreviation '{short}' is given twice")
        out[short] = long
    return out


#: Abbreviations of title words, written out before titles are compared.
TITLE_ABBREVIATIONS = abbreviations(FILE)
#: Words whose final "s" is part of the word, not a plural.
_KEEP_S = FILE.words("keep_s", lower=True)


def title_tokens(text: str) -> list[str]:
    """Lower-case title words with abbreviations written out and plurals made
    singular ("Key Accounts Mgr" -> key account manager; "&" -> and)."""
    out = []
    for w in re.findall(r"[a-z0-9]+|&", text.lower().replace("-", " ")):
        w = TITLE_ABBREVIATIONS.get(w, w)
        if len(w) > 3 and w.endswith("s") and not w.endswith("ss") and w not in _KEEP_S:
            w = w[:-1]
        out.append(w)
    return out


def core_title(title: str) -> str:
    """Lower-case title without seniority, segment qualifiers or parentheses."""
    first = _SPLIT.split(title.strip())[0] if title.strip() else ""
    words = [w for w in title_tokens(first) if w not in SENIORITY_WORDS]
    while words and words[0] in SEGMENT_WORDS:
        words.pop(0)
    return " ".join(words)


def _words(text: str) -> str:
    return " ".join(title_tokens(text))


@lru_cache(maxsize=16)
def _phrases(
    families: tuple[TitleFamily, ...],
) -> tuple[tuple[TitleFamily, tuple[str, ...]], ...]:
    """Each family with its title phrases normalised, worked out once."""
    return tuple((fam, tuple(p for p in map(_words, fam.titles) if p)) for fam in families)


def family_of(title: str, families: tuple[TitleFamily, ...] | None = None) -> TitleFamily | None:
    """The family whose longest title phrase (or an acronym) the title contains."""
    if not title:
        return None
    if not families:
        return _builtin_family_of(title)
    return _family_of(title, families)


@lru_cache(maxsize=4096)
def _builtin_family_of(title: str) -> TitleFamily | None:
    """:func:`family_of` over the built-in families, kept per title: a batch
    asks again for the resume's role titles with every posting, and for
    each posting's title from several places."""
    return _family_of(title, title_families())


def _family_of(title: str, families: tuple[TitleFamily, ...]) -> TitleFamily | None:
    tokens = set(re.findall(r"[A-Za-z]+", title))
    padded = f" {_words(title)} "
    best: tuple[int, TitleFamily] | None = None
    for fam, forms in _phrases(families):
        for p in forms:
            if f" {p} " in padded and (best is None or len(p) > best[0]):
                best = (len(p), fam)
        for acr in fam.acronyms:
            if acr in tokens and (best is None or best[0] < 2):
                best = (2, fam)
    return best[1] if best else None


@dataclass(frozen=True, slots=True)
class TitleMatch:
    level: str
    resume_family: str
    posting_family: str


@lru_cache(maxsize=4096)
def compare_titles(resume_title: str, posting_title: str) -> TitleMatch:
    """How a resume's title relates to a posting's (cached: a batch compares
    one resume title with many posting titles)."""
    rf = family_of(resume_title)
    pf = family_of(posting_title)
    r_id = rf.id if rf else ""
    p_id = pf.id if pf else ""
    if not resume_title or not posting_title:
        level = "unknown"
    elif core_title(resume_title) and core_title(resume_title) == core_title(posting_title):
        level = "same"
    elif rf is None:
        level = "unknown" if pf is None else "different"
    elif pf is None:
        # A title of no family amfit knows (an engineer, a designer) is
        # another role; only a missing title is unknown.
        level = "different"
    elif rf.id == pf.id:
        level = "family"
    elif pf.id in rf.neighbours or rf.id in pf.neighbours:
        level = "neighbour"
    else:
        level = "different"
    return TitleMatch(level, r_id, p_id)
