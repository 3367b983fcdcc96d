"""The word sets of the facts reader, read from ``keywords/facts.toml``.

Each list there says how it is used: a set of single words compared with
one token at a time (:meth:`~amfit.phrases.PhraseFile.words`, lower case
where the token is lower-cased first), or an alternation joined into a
regular expression in file order (:func:`~amfit.phrases.alternation`). A
bad entry is an error naming the file and the line, raised when the facts
reader is first imported.
"""

from __future__ import annotations

from .. import phrases
from ..resources import keywords_path

FILE = phrases.load(keywords_path("facts.toml"))


def _lower(name: str) -> frozenset[str]:
    return FILE.words(name, lower=True)


# -- numbers and periods
RANK_WORDS = _lower("rank_words")
WORD_VALUES = {w: float(i) for i, w in enumerate(FILE.get("number_words"), 1)}
WORD_VALUES.update({w: float(10 * i) for i, w in enumerate(FILE.get("tens_words"), 3)})
#: Every number word, longest first, as a regex alternation.
NUMWORD = "|".join(sorted(WORD_VALUES, key=len, reverse=True))
PERIOD_UNITS = phrases.alternation(FILE.get("period_units"))
PERIOD_PREPOSITIONS = phrases.alternation(FILE.get("period_prepositions"), space=r"\s+")

# -- count nouns
#: Head classes in the order they are applied: a word in two lists takes the later one.
HEAD_LISTS = (
    ("other", _lower("other_heads")),
    ("generic", _lower("generic_heads")),
    ("expansion", _lower("expansion_heads")),
    ("retention", _lower("renewal_heads")),
    ("account", _lower("account_heads")),
)
ACRONYM_HEADS = {
    word: cls
    for cls in ("other", "generic", "account")
    for word in FILE.words(f"acronym_heads_{cls}")
}
COMPOUND_AFTER = _lower("compound_after")
STOP_WORDS = _lower("stop_words")
TIME_UNITS = _lower("time_units")
NOT_NOUNS = _lower("not_nouns")
OF_DET = _lower("of_det")

# -- cues and clauses
QUOTA_MODIFIERS = phrases.alternation(FILE.get("quota_modifiers"), space=r"[\s-]")
NOT_VERBS = phrases.alternation(FILE.get("not_verbs"))
CLAUSE_VERBS = phrases.alternation(FILE.get("clause_verbs"))

# -- what a figure measures
BASE_FILLER = _lower("base_filler")
RETAIN_VERBS = _lower("retain_verbs")
EXPAND_VERBS = _lower("expand_verbs")
SOLD_TO_VERBS = _lower("sold_to_verbs")
LOOKBACK_FILLER = _lower("lookback_filler")
LEAD_FILLER = _lower("lead_filler")
