"""Rules that reject a posting-specific term: shapes and word lists only.

Each rule answers "is this candidate term something a person could not
honestly add to a resume?" from the term's own words, never from a list of
phrases fitted to particular postings:

* :func:`not_a_skill_shape`: a lower-case word with a verb, adverb or
  adjective ending;
* :func:`common_word`: one lower-case everyday English word (the 10,000
  most frequent, ``data/common_words.tsv``): "concerns", "rock",
  "instance", "visitors" (a skill that is one everyday word, "sales",
  "renewals", is a taxonomy concept and never reaches these rules);
* :func:`coined_verb`: one lower-case "-ise" / "-ize" word that is no
  everyday word: a verb coined from a noun ("strategise");
* :func:`rank_term`: a word of rank or role membership
  (``data/rank_words.txt``): "senior member", "junior", "generalist";
* :func:`generic_modifier_pair`: two words opening on an adjective of
  quantity, novelty or variety (``data/generic_modifiers.txt``): "new
  tools", "different sizes";
* :func:`adjective_tail`: two words ending on a word that is only an
  adjective or adverb (``data/modifier_words.tsv``): a fragment cut before
  its noun ("cross departmental");

* :func:`verb_tail`: a term ending on a verb that is never a noun
  (``data/verb_only_words.txt``): a clause ("visitors ask"), or one word
  that is an action ("prescribe");

* :func:`verb_head`: two words opening on such a verb: a clause cut from
  a duty ("perform tests", "Ensure quality");

* :func:`time_zone`: a word in capitals that names a time zone
  (``data/time_zones.txt``, from the IANA database): "UTC", "CET", "PT" are
  when the job is done;

* the kinds of noun of :mod:`amfit.termkinds` (WordNet): a noun for
  people ("supervisors", "agency managers"), a place name ("Spain"), a
  C-level title ("CTO"), a wrapper of an ask ("technical knowledge");

and five rules of structure, from where the term stands in the posting
(:class:`Context`):

* a fragment: the term's first word is, wherever it stands, the second
  half of a hyphenated word or follows a number, or its last word is the
  first half of a hyphenated word: "centric decisions" of
  "customer-centric decisions", "app messages" of "in-app messages",
  "minute video" of "a 30 minute video call" (a word that is never used
  alone, or a short unit after a number, is already no candidate:
  :func:`amfit.termnames.fragment_places`; this rule takes the terms whose
  words stand alone elsewhere, but never this term);
* an infinitive: two words whose first follows "to" and can be a verb
  ("to articulate complex ideas", "to support customers"): a clause;
* a brand prefix: a capitalised word written only right before other
  capitalised words, two or more different ones ("Acme Docs, Acme
  Sheets"): the maker of the products named, not a skill;
* an abbreviation: one lower-case word always written with a full stop
  after it while its sentence goes on ("incl. pivot tables");
* a sentence opener: one word capitalised only because it opens the
  sentence it is first seen in, whose lower-case form is only a modifier
  or only a verb ("Occasionally", "Interpret").

A common word that is a word of the posting's title is kept: the title
names the job's domain ("Admissions" of "Sales Admissions Specialist").

:func:`reason` names the first rule that rejects a term, for explanations
and tests.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from .nlp import Token
from .resources import data_path
from .termkinds import chief_officer, person_noun, person_word, place_name, wrapper_head

#: Word endings of verbs, adverbs and adjectives ("agreed", "enduring",
#: "infrequently", "discerning"): a skill a posting asks for is a noun.
_NOT_NOUN = re.compile(r"(?:ed|ing|ly|ous|ful|ive|ible|able|less|ial)$")
#: The verb-forming suffix, British and American ("-ise", "-ize").
_VERB_SUFFIX = re.compile(r"i[sz](?:e|es)$")
#: British spellings folded to the American ones of the frequency list.
_SPELLINGS = ((re.compile(r"our(s?)$"), r"or\1"), (re.compile(r"is(e|es|ation|ations)$"), r"iz\1"))


def _lower(word: str) -> bool:
    return bool(word) and word[:1].islower()


@cache
def _words(name: str) -> frozenset[str]:
    """The first column of a ``data/`` word list ('#' lines are comments)."""
    text = data_path(name).read_text(encoding="utf-8")
    return frozenset(
        line.split("\t", 1)[0].strip()
        for line in text.split("\n")
        if line.strip() and not line.startswith("#")
    )


@dataclass(frozen=True, slots=True)
class Context:
    """Where a candidate term stands in its posting."""

    after_to: bool = False  # its first word follows "to" (two-word terms)
    brand_prefix: bool = False  # always right before another capitalised word
    in_title: bool = False  # a word of the posting's title
    fragment: bool = False  # cut from a hyphenated word or a figure, wherever seen
    # Background employers whose ads use the term and whose ads name it as
    # an item (-1: not known, the "never listed" rule is off).
    seen_in: int = 0
    listed_in: int = -1
    opens_sentence: bool = False  # one word, first seen as the first word of a sentence
    always_capitalised: bool = False  # every word capitalised wherever the posting uses it
    abbreviation: bool = False  # one word, always a full stop after it and the sentence going on


@cache
def _verbal_modifiers() -> frozenset[str]:
    """Words of ``data/modifier_words.tsv`` that WordNet also knows as verbs."""
    text = data_path("modifier_words.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.split("\n") if line and not line.startswith("#"))
    return frozenset(r[0] for r in rows if len(r) > 1 and "verb" in r[1].split(","))


@cache
def stop_words() -> frozenset[str]:
    """scikit-learn's English stop words (``data/stop_words.txt``) and the
    words of job ads that name no skill (``data/generic_terms.txt``)."""
    words = set()
    for name in ("stop_words.txt", "generic_terms.txt"):
        for raw in data_path(name).read_text(encoding="utf-8").split("\n"):
            word = raw.split("#", 1)[0].strip().lower()
            if word:
                words.add(word)
    return frozenset(words)


def opens_sentence(text: str, tok: Token) -> bool:
    """Does ``tok`` open a sentence of ``text``: nothing but spaces before it,
    or the end of a sentence ("Occasionally" of "... calls. Occasionally
    lead"), not a bracket or a bold mark ("(ideally Angular", "**Angular**")?"""
    return text[: tok.start].rstrip()[-1:] in ("", ".", "!", "?", ":")


def common_words() -> frozenset[str]:
    """The most frequent lower-case English words (``data/common_words.tsv``)."""
    return _words("common_words.tsv")


def _folded(word: str) -> str:
    for pattern, repl in _SPELLINGS:
        word = pattern.sub(repl, word)
    return word


def not_a_skill_shape(surface: str) -> bool:
    """Does a candidate term have a shape no skill has: a lower-case word
    with a verb, adverb or adjective ending (acronyms and names in capitals
    are kept)?"""
    return any(
        _NOT_NOUN.search(w) for w in surface.split(" ") if not w.isupper() and w[:1].islower()
    )


def common_word(surface: str, context: Context = Context()) -> bool:
    """One lower-case everyday English word the posting's title does not hold."""
    words = surface.split(" ")
    if len(words) != 1 or not _lower(words[0]) or context.in_title:
        return False
    word = words[0].lower()
    common = common_words()
    return word in common or _folded(word) in common


def coined_verb(surface: str) -> bool:
    """One lower-case "-ise" / "-ize" word that is no everyday word: a verb
    coined from a noun ("strategise", "productize"), not a thing. The nouns
    of that ending are old, frequent words ("enterprise", "franchise")."""
    words = surface.split(" ")
    if len(words) != 1 or not _lower(words[0]) or not _VERB_SUFFIX.search(words[0]):
        return False
    return words[0].lower() not in common_words()


def rank_term(surface: str) -> bool:
    """A term holding a word of rank or role membership."""
    ranks = _words("rank_words.txt")
    return any(w.lower() in ranks for w in surface.split(" ") if not w.isupper())


def generic_modifier_pair(surface: str) -> bool:
    """Two words opening on an adjective of quantity, novelty or variety."""
    words = surface.split(" ")
    return len(words) == 2 and words[0].lower() in _words("generic_modifiers.txt")


def adjective_tail(surface: str) -> bool:
    """Two words whose last is only an adjective or adverb: a fragment."""
    words = surface.split(" ")
    return len(words) == 2 and _lower(words[1]) and words[1].lower() in _words("modifier_words.tsv")


def verb_tail(surface: str) -> bool:
    """A term ending on a lower-case verb WordNet never knows as a noun or
    adjective (``data/verb_only_words.txt``): a clause ("visitors ask") or,
    alone, an action ("prescribe"), not a thing a resume can list."""
    words = surface.split(" ")
    return (
        len(words) <= 2 and _lower(words[-1]) and words[-1].lower() in _words("verb_only_words.txt")
    )


def verb_head(surface: str, context: Context = Context()) -> bool:
    """Two words opening on a verb WordNet never knows as a noun or an
    adjective ("perform tests", "Ensure quality", "manages budgets").

    What: the first word, lower-cased, or without the "-s" of its third
    person, is in ``data/verb_only_words.txt``.
    Why: a word that is only a verb cannot modify a noun, so the pair is a
    clause cut from a duty, not a thing a resume can list. A pair whose
    second word is capitalised is a product's name and stays ("React
    Native"), and so is one written capitalised wherever the posting uses it.
    Example: "perform tests" of "Perform tests such as regression testing".
    Use instead: the noun the clause is about, when it is a skill ("regression
    testing"), which the term finder offers on its own.
    """
    words = surface.split(" ")
    if len(words) != 2 or words[0].isupper() or words[1][:1].isupper():
        return False  # one word, an acronym, or a name ("React Native")
    if context.always_capitalised:
        return False
    first, verbs = words[0].lower(), _words("verb_only_words.txt")
    return first in verbs or (first.endswith("s") and first[:-1] in verbs)


def infinitive(surface: str, context: Context = Context()) -> bool:
    """Two words whose first follows "to" and can be a verb: a clause."""
    words = surface.split(" ")
    if len(words) != 2 or not context.after_to or words[0].isupper():
        return False
    first = words[0].lower()
    # The verb lexicon's forms, read from its data file: the lexicon's module
    # (amfit.lint.verbs) sits above this one.
    return first in _words("verb_forms.tsv") or first in _verbal_modifiers()


def brand_prefix(surface: str, context: Context = Context()) -> bool:
    """One capitalised word the posting only ever writes right before
    another capitalised one: a maker's name before its product ("Apache"
    of "Apache Airflow", "Google" of "Google Analytics"). The product, or
    the pair, is the skill; the maker alone is not. (Two products used to
    be needed: that kept "Apache" in every ad that names only Airflow.)"""
    return context.brand_prefix and " " not in surface


def time_zone(surface: str) -> bool:
    """A word in capitals that names a time zone: when, not a skill."""
    zones = _words("time_zones.txt")
    return any(w in zones for w in surface.split(" ") if w[:1].isupper())


def sentence_opener(surface: str, context: Context = Context()) -> bool:
    """One word written capitalised only because it opens the sentence it is
    first seen in ("Occasionally lead ...", "Seldom do we ..."), whose
    lower-case form is only a modifier (an "-ly" adverb, or a word WordNet
    knows only as an adjective or adverb) or only a verb: judged as that
    word. A noun keeps its capital, even an everyday one: a language, a
    tool or a market opens sentences too ("Polish", "Rust", "Retail"), and
    so does a word in capitals or with an inner capital."""
    word = surface
    if not context.opens_sentence or " " in word or not word[:1].isupper() or word.isupper():
        return False
    lower = word.lower()
    if lower != word[:1].lower() + word[1:]:
        return False  # an inner capital ("HubSpot"): a name
    return (
        lower.endswith("ly")
        or lower in _words("modifier_words.tsv")
        or lower in _words("verb_only_words.txt")
    )


def abbreviation(surface: str, context: Context = Context()) -> bool:
    """One lower-case word the posting always writes with a full stop after
    it while the sentence goes on ("incl. pivot tables", "approx. 20
    people", "(esp. retail)").

    Why: a word cut short by a full stop mid-sentence is an abbreviation of
    a function word or a measure, not a skill; a skill's short form is an
    acronym in capitals ("CRM"), which this rule never takes.
    Example: "incl" of "Proficient in Excel (incl. pivot tables)".
    Use instead: what the abbreviation introduces ("pivot tables").
    """
    return context.abbreviation and " " not in surface and _lower(surface)


def fragment(surface: str, context: Context = Context()) -> bool:
    """Cut from a hyphenated word or from a figure at every occurrence."""
    return context.fragment


#: The rules in the order :func:`reason` tries them: (name, rule, reads context).
#: A posting-specific term is suggested only if background employers name it
#: as an item (a skill slot, a list, a line of its own) in the ads of at
#: least this many of them,
MIN_LISTED_EMPLOYERS = 2
#: and at least this share of the employers whose ads use it do.
MIN_LISTED_SHARE = 0.5


def title_role(surface: str, context: Context) -> bool:
    """One noun for people that is a word of the posting's own title.

    What: "scientist" of a "Data Scientist" ad, "designer" of a "Web
    Designer" one.
    Why: it names the job, not a skill a person could add. A lone singular
    person noun elsewhere stays (:func:`~amfit.termkinds.person_noun`), and
    so does one always capitalised: tools are named after trades
    ("Docker", "Looker").
    Example: "scientist" in a Data Scientist ad is dropped.
    Use instead: the title comparison, which already scores the role.
    """
    return (
        context.in_title
        and not context.always_capitalised
        and " " not in surface
        and person_word(surface)
    )


def never_listed(surface: str, context: Context) -> bool:
    """Background employers seldom name the term as an item of its own.

    What: a term fewer than :data:`MIN_LISTED_EMPLOYERS` background employers'
    ads name as an item, or that under :data:`MIN_LISTED_SHARE` of the
    employers using it name so (``data/term_items.tsv``). One employer's
    ads count once: its boilerplate, however many of its ads repeat it
    ("a bucket list fund" in every ad of one employer), is one voice.
    Why: a skill is a thing ads list ("experience with Kafka", "Python, Go
    and Rust", a bullet that is only "Google Analytics"); a generic phrase
    or a name is written in prose ("explain complex ideas", "good knowledge
    of", "our partners in Spain"). Measured on 402 hand-judged terms of
    real ads: noise 50% of all, 12% of those this rule keeps; it keeps a
    third of the skills, so precision first: a term a user could not
    honestly add is never suggested. Counting employers instead of ads
    took the noise of the judged terms kept from 14% to 11% and kept 13
    more skills, whose prose mentions one employer had repeated.
    Example: "complex ideas" (prose wherever used) is dropped; "test
    automation" stays.
    """
    if context.listed_in < 0:
        return False
    seen = max(context.seen_in, context.listed_in)
    return context.listed_in < MIN_LISTED_EMPLOYERS or context.listed_in < MIN_LISTED_SHARE * seen


RULES: tuple[tuple[str, Callable[..., bool], bool], ...] = (
    ("shape", not_a_skill_shape, False),
    ("common word", common_word, True),
    ("coined verb", coined_verb, False),
    ("rank word", rank_term, False),
    ("generic modifier", generic_modifier_pair, False),
    ("adjective tail", adjective_tail, False),
    ("verb tail", verb_tail, False),
    ("verb head", verb_head, True),
    ("infinitive", infinitive, True),
    ("brand prefix", brand_prefix, True),
    ("time zone", time_zone, False),
    ("fragment", fragment, True),
    ("abbreviation", abbreviation, True),
    ("sentence opener", sentence_opener, True),
    ("person noun", person_noun, False),
    ("title role", title_role, True),
    ("place name", place_name, False),
    ("chief officer", chief_officer, False),
    ("wrapper head", wrapper_head, False),
    ("never listed", never_listed, True),
)


def reason(surface: str, context: Context = Context()) -> str | None:
    """The name of the first rule that rejects ``surface``, or None."""
    for name, rule, contextual in RULES:
        if rule(surface, context) if contextual else rule(surface):
            return name
    return None
