"""Words that are no skill, by lexicons: verbs, perks and generic job-ad words.

The shape and name rules of :mod:`amfit.terms` cannot tell a plain verb
("extract", "forecast") or a perk ("stipend") from a skill noun. Three
lexicons can, none of them fitted to particular reports:

* the verb lexicon of the bullet rules (:mod:`amfit.lint.verbs`,
  ``data/verb_forms.tsv``, derived from a list of base verbs);
* ``data/perk_words.tsv``: words that job ads use in their benefits
  sections and rarely in their asks, by corpus counts;
* ``data/generic_words.tsv``: words used alike in the ads of every kind
  of job, by corpus counts;
* ``data/modifier_words.tsv``: words that are only adjectives or adverbs
  in WordNet 3.0 ("afraid", "maybe", "greatest"), never a thing a person
  could add to a resume on their own.

The first two are built by ``scripts/build_term_lexicons.py`` (counts of
single words only, no ad text), the third by
``scripts/build_modifier_words.py``.
"""

from __future__ import annotations

from functools import cache

from ..lint.verbs import lookup
from ..resources import data_path
from ..terms import load_background
from ..titles import family_of

#: A word pair in at least this many background ads is an established
#: phrase, even when it reads like a verb and its object ("support tickets").
PHRASE_MIN_DF = 5


@cache
def _word_list(name: str) -> frozenset[str]:
    """The first column of a ``data/`` TSV word list ('#' lines are comments)."""
    text = data_path(name).read_text(encoding="utf-8")
    return frozenset(
        line.split("\t", 1)[0] for line in text.split("\n") if line and not line.startswith("#")
    )


def perk_words() -> frozenset[str]:
    """Lemma keys of benefits words (``data/perk_words.tsv``, corpus counts)."""
    return _word_list("perk_words.tsv")


def generic_words() -> frozenset[str]:
    """Lemma keys used alike by every kind of job (``data/generic_words.tsv``)."""
    return _word_list("generic_words.tsv")


def modifier_words() -> frozenset[str]:
    """Lower-case words WordNet knows only as adjectives or adverbs
    (``data/modifier_words.tsv``)."""
    return _word_list("modifier_words.tsv")


def not_a_skill_word(key: str, surface: str) -> bool:
    """Is a candidate term made of words no skill is, by the lexicons?

    * a single word that is a verb form in the verb lexicon
      (:mod:`amfit.lint.verbs`: "extract", "govern", "forecast"), a
      generic word of job ads of every kind, or only an adjective or adverb
      ("afraid", "maybe": ``data/modifier_words.tsv``);
    * any term holding a perk word (benefits, EEO or how-to-apply text:
      "breakfast", "stipend", "visa");
    * a job title of a known family ("Account Executives": the people the
      hire works with or leads, a role, not a skill; ``keywords/titles.toml``);
    * a plural noun and a verb form ("creators earn"), or a verb in its base
      form or gerund and its object ("achieve objectives") unless the
      background knows the pair as a phrase (:data:`PHRASE_MIN_DF` ads:
      "support tickets", "direct reports"): a clause, not a name;
    * two generic words that the background never sees together: a chance
      pairing ("different engagements"), not an established phrase.

    Words written in capitals (acronyms) and capitalised names are left to
    the name rules.
    """
    keys = key.split(" ")
    words = surface.split(" ")
    if any(k in perk_words() for k in keys) or family_of(surface) is not None:
        return True
    lower = [not w.isupper() and not w[:1].isupper() for w in words]
    if len(keys) == 1:
        return lower[0] and (
            lookup(words[0]) is not None
            or keys[0] in generic_words()
            or words[0].lower() in modifier_words()
        )
    first, last = words[0].lower(), words[-1]
    if lower[-1] and first.endswith("s") and not first.endswith("ss") and lookup(last):
        return True
    # A bullet opens on its verb in capitals ("Support customers"): the verb
    # may be capitalised when its object is not.
    verb = lookup(first) if not words[0].isupper() and lower[-1] else None
    if verb is not None and verb.tenses & {"base", "gerund"}:
        return load_background().df.get(key, 0) < PHRASE_MIN_DF
    generic = generic_words()
    return all(k in generic for k in keys) and load_background().df.get(key, 0) == 0
