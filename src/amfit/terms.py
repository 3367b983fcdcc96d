"""Posting-specific salient terms by TF-IDF against a background corpus.

Beyond the taxonomy, a posting asks for things of its own: an industry
("freight", "payroll"), a language, a product category, a certification.
They are the words the posting uses often and job ads in general use
rarely. amfit weighs each candidate word and two-word phrase by
scikit-learn's TF-IDF: :class:`~sklearn.feature_extraction.text.TfidfTransformer`
with sublinear tf, smoothed idf and no normalisation, whose idf comes from
the document frequencies in ``data/background.tsv`` (counted with
scikit-learn's ``CountVectorizer`` by ``scripts/build_background.py`` from
1,471 real job ads; only counts are shipped, never ad text).

scikit-learn is used where the statistics are built and, in the tests, as
the definition the weights must equal bit for bit; scoring applies the
same formula with numpy. Importing scikit-learn costs about 0.85 s per
process (it pulls in most of SciPy), more than a third of tokenising all
1,471 corpus postings, and ``amfit batch`` pays it in every worker.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from . import termrules
from .background import load_background, load_term_items
from .document import Unit
from .nlp import Token, segments
from .termnames import not_skills as not_skills  # re-exported
from .termnames import term_filters
from .termrules import (
    Context,
    never_listed,
    opens_sentence,
)
from .termrules import not_a_skill_shape as not_a_skill_shape  # re-exported
from .termrules import stop_words as stop_words  # re-exported

#: How many posting-specific terms a posting may contribute.
TOP_TERMS = 8
#: A term found in more than this share of background ads is not specific.
MAX_TERM_DF_RATIO = 0.04
#: Lowest TF-IDF weight (sublinear tf x smoothed idf) a term needs.
MIN_TERM_WEIGHT = 3.5
#: A term used only once must be this rare in the background (ads holding it).
SINGLE_USE_MAX_DF = 3
#: Shortest word considered.
MIN_WORD_CHARS = 3
#: Shortest lower-case word offered on its own ("org", "apt" are fragments
#: and abbreviations, not skills); acronyms in capitals may be shorter.
MIN_LOWER_WORD_CHARS = 4
#: A word that is always capitalised in the posting and in at most this many
#: background ads is a name (the employer's, a product's, a person's).
NAME_MAX_DF = 3
#: ... and so is one used at least twice, always capitalised, in at most this
#: many background ads (an employer with many ads: its name is in each).
NAME_REPEATED_MAX_DF = 20


def _is_content(tok: Token, stops: frozenset[str]) -> bool:
    lower = tok.lower
    return (
        lower.isalpha()
        and len(lower) >= MIN_WORD_CHARS
        and lower not in stops
        and tok.key not in stops
    )


def _may_count(lower: str) -> bool:
    """Can a token of this lower case be a content word (see :func:`_is_content`)?"""
    return lower.isalpha() and len(lower) >= MIN_WORD_CHARS and lower not in stop_words()


#: Per distinct token text: is it a content word? (see :func:`_is_content`)
_CONTENT: dict[str, bool] = {}


def _content(tok: Token) -> bool:
    ok = _CONTENT.get(tok.text)
    if ok is None:
        if len(_CONTENT) > 200_000:  # stay bounded over huge batches
            _CONTENT.clear()
        ok = _CONTENT[tok.text] = _is_content(tok, stop_words())
    return ok


def candidate_runs(text: str) -> list[list[Token]]:
    """Runs of adjacent content words (no stop words, numbers or short words)."""
    runs: list[list[Token]] = []
    for seg in segments(text):
        run: list[Token] = []
        for tok in seg:
            if _content(tok):
                run.append(tok)
            elif run:
                runs.append(run)
                run = []
        if run:
            runs.append(run)
    return runs


def run_terms(run: Sequence[Token]) -> Iterable[tuple[str, str]]:
    """(term key, surface text) for each unigram and bigram of a run."""
    for i, tok in enumerate(run):
        yield tok.key, tok.text
        if i + 1 < len(run):
            nxt = run[i + 1]
            yield f"{tok.key} {nxt.key}", f"{tok.text} {nxt.text}"


@dataclass(frozen=True, slots=True)
class Term:
    """A posting-specific term with its TF-IDF weight and where it was seen."""

    key: str  # lemma keys, space separated
    text: str  # how the posting writes it
    weight: float  # TF-IDF weight
    df: int  # background document frequency
    count: int  # occurrences in the posting
    line: int  # first line it appears on in the posting
    section: str


def salient_terms(
    units: Sequence[Unit],
    covered: Iterable[tuple[int, int]] = (),
    *,
    top: int = TOP_TERMS,
    ignored_sections: frozenset[str] = frozenset(),
    reject: Callable[[str, str], bool] | None = None,
    company: str = "",
) -> list[Term]:
    """The posting's own salient terms, strongest first.

    ``company`` is the employer's name when the caller knows it (see
    :func:`not_skills`).

    ``covered`` are document character spans already explained by taxonomy
    hits; words inside them are not candidates. ``reject(key, surface)``
    says a candidate is no skill by a lexicon the caller holds (see
    :func:`amfit.fit.termwords.not_a_skill_word`).
    """
    bg = load_background()
    items = load_term_items()
    spans = sorted(covered)
    counts: dict[str, int] = {}
    first: dict[str, tuple[str, int, str]] = {}
    capitalised: dict[str, bool] = {}
    after_to: set[str] = set()  # pairs whose first word follows "to" where first seen
    opens: set[str] = set()  # words first seen opening a sentence (termrules.sentence_opener)
    cut: dict[str, bool] = {}  # a fragment at every occurrence so far (termrules.fragment)
    # A full stop after the word and more of its sentence after that, at every
    # occurrence so far: an abbreviation ("incl. pivot tables").
    clipped: dict[str, bool] = {}
    # Words always written capitalised right before another capitalised word
    # (False once not so): a maker's name before its product
    # (termrules.brand_prefix).
    before_caps: dict[str, bool] = {}
    title_keys = {t.key for u in units if u.section == "title" for g in segments(u.text) for t in g}
    # Only words and places of the units read below are asked about.
    is_name, odd = term_filters(units, ignored_sections, company, counted=_may_count)
    odd_at: dict[int, set[int]] = {}  # odd tokens by unit: a word is tested by its start
    for index, start in odd:
        odd_at.setdefault(index, set()).add(start)
    content_of = _CONTENT.get
    # The unigrams and bigrams of each run of uncovered content words (see
    # candidate_runs and run_terms), in one pass. This loop runs for every
    # word of every posting, so its tests are written out here rather than
    # called: two tokens are halves of one hyphenated word when one hyphen
    # parts them ("in-app"); a figure before a pair ("30 minute video")
    # counts what follows unless it is a list number ("1." or "2)"). What a
    # pair needs of the word before it is worked out only when a pair forms.
    for unit in units:
        if unit.section in ignored_sections or unit.kind == "heading":
            continue
        line, section = unit.line, unit.section
        covered_here = _covered_test(unit, spans)
        odd_here = odd_at.get(unit.index, ())
        text = unit.text
        for seg in segments(text):
            prev: Token | None = None
            prev_at = 0  # where prev stands in seg
            prev_cut_left = False
            last = len(seg) - 1
            for i, tok in enumerate(seg):
                ok = content_of(tok.text)
                if ok is None:
                    ok = _content(tok)
                start = tok.start
                if (
                    not ok
                    or (covered_here is not None and covered_here(start))
                    or is_name[tok.lower]  # (a NameSet: a look-up, see termtext)
                    or start in odd_here
                ):
                    prev = None
                    continue
                key = tok.key
                word = tok.text
                end = tok.end
                if not word[:1].isupper():
                    before_caps[key] = False
                    capitalised[key] = False
                else:
                    if before_caps.get(key, True):
                        nxt = seg[i + 1] if i < last else None
                        after = nxt.text if nxt is not None and nxt.start == end + 1 else ""
                        before_caps[key] = after[:1].isupper() and not after.isupper()
                    if key not in capitalised:
                        capitalised[key] = True
                counts[key] = counts.get(key, 0) + 1
                # The character next to the word first: most are no hyphen.
                cut_left = i > 0 and text[start - 1] == "-" and seg[i - 1].end == start - 1
                after_char = text[end : end + 1]
                cut_right = after_char == "-" and i < last and seg[i + 1].start == end + 1
                if cut.get(key, True):
                    cut[key] = cut_left or cut_right
                if clipped.get(key, True):
                    clipped[key] = after_char == "." and _goes_on(text, end + 1)
                if key not in first:
                    first[key] = (word, line, section)
                    if i == 0 and opens_sentence(text, tok):
                        opens.add(key)
                if prev is not None:
                    pair = f"{prev.key} {key}"
                    counts[pair] = counts.get(pair, 0) + 1
                    prev_before = seg[prev_at - 1] if prev_at else None
                    if cut.get(pair, True):
                        figure = prev_before is not None and (
                            prev_before.text[:1].isdigit() and prev_before.text[-1:] not in ".)"
                        )
                        cut[pair] = prev_cut_left or cut_right or figure
                    if pair not in first:
                        first[pair] = (f"{prev.text} {word}", line, section)
                        if prev_before is not None and prev_before.lower == "to":
                            after_to.add(pair)
                prev_at = i
                prev_cut_left = cut_left
                prev = tok
    # Terms that can never be chosen, whatever their weight, are dropped
    # before weighting (each column of TF-IDF is independent of the others).
    max_df = MAX_TERM_DF_RATIO * bg.documents
    df_of = bg.df.get
    vocab = []
    # A pair used once (most keys) is dropped before any look-up or sort.
    for key in sorted(k for k, n in counts.items() if n >= 2 or k.count(" ") != 1):
        count = counts[key]
        df = df_of(key, 0)
        if df > max_df or (count < 2 and df > SINGLE_USE_MAX_DF):
            continue
        parts = key.split(" ")
        always_capitalised = all(capitalised.get(p, False) for p in parts)
        # A capitalised word the background never saw is the employer's own name.
        if always_capitalised and all(df_of(p, 0) == 0 for p in parts):
            continue
        if len(parts) == 1 and len(key) < MIN_LOWER_WORD_CHARS and not capitalised.get(key):
            continue
        if always_capitalised and (
            df <= NAME_MAX_DF or (count >= 2 and df <= NAME_REPEATED_MAX_DF)
        ):
            # Always capitalised and rare elsewhere: a name, not a skill.
            continue
        surface = first[key][0]
        single = len(parts) == 1 and count < 2 and not surface.isupper()
        context = Context(
            after_to=key in after_to,
            brand_prefix=before_caps.get(key, False),
            in_title=key in title_keys,
            fragment=cut.get(key, False),
            seen_in=items.used.get(key, 0),
            listed_in=items.named.get(key, 0),
            opens_sentence=key in opens,
            always_capitalised=always_capitalised,
            abbreviation=clipped.get(key, False),
        )
        if _rejected(surface, context) or single or (reject and reject(key, surface)):
            # A word used once is as often an aside as an ask: a term the user
            # could not honestly add is never suggested, so precision first.
            continue
        vocab.append(key)
    if not vocab:
        return []
    weights = tfidf_weights([counts[t] for t in vocab], [bg.idf(t) for t in vocab])
    ranked = sorted(zip(vocab, weights, strict=True), key=lambda kv: (-kv[1], kv[0]))
    chosen: list[Term] = []
    used: set[str] = set()
    for key, weight in ranked:
        if len(chosen) >= top or weight < MIN_TERM_WEIGHT:
            break
        parts = key.split(" ")
        if any(p in used for p in parts):
            continue
        surface, line, section = first[key]
        text = surface if all(capitalised.get(p, False) for p in parts) else surface.lower()
        df = bg.df.get(key, 0)
        chosen.append(Term(key, text, round(float(weight), 3), df, counts[key], line, section))
        used.update(parts)
    return chosen


def _rejected(surface: str, context: Context) -> bool:
    """Does a rule of :data:`amfit.termrules.RULES` reject ``surface`` (is
    ``reason`` not None)? Only that counts here, so "never listed", one test
    of two counts that rejects most candidates, is tried first."""
    for _, rule, contextual in _cheap_first(termrules.RULES):
        if rule(surface, context) if contextual else rule(surface):
            return True
    return False


_Rules = tuple[tuple[str, Callable[..., bool], bool], ...]


@lru_cache(maxsize=4)
def _cheap_first(rules: _Rules) -> _Rules:
    return tuple(sorted(rules, key=lambda r: r[1] is not never_listed))


def tfidf_weights(counts: Sequence[int], idf: Sequence[float]) -> list[float]:
    """Sublinear TF-IDF weights of one document's term counts, unnormalised.

    What ``TfidfTransformer(sublinear_tf=True, norm=None)`` with ``idf_`` set
    to ``idf`` gives for a one-row count matrix: ``(1 + ln tf) * idf``, in
    the same floating-point steps (tests/test_terms.py checks bit-for-bit
    equality with scikit-learn).
    """
    import numpy as np

    tf = np.log(np.asarray(counts, dtype=np.float64))
    tf += 1.0
    return (tf * np.asarray(idf, dtype=np.float64)).tolist()


#: Spaces, then the next character of the line.
_NEXT_ON_LINE = re.compile(r" *([^ \n])")


def _goes_on(text: str, at: int) -> bool:
    """Does the sentence go on at ``at`` (after a full stop): more text on the
    line, and the next word not capitalised ("incl. pivot tables", "approx.
    20 people"), rather than a new sentence or the end of the line?"""
    nxt = _NEXT_ON_LINE.match(text, at)
    return nxt is not None and not nxt[1].isupper()


def _covered_test(unit: Unit, spans: list[tuple[int, int]]) -> Callable[[int], bool] | None:
    """A test for a word of ``unit``, by its start, inside a covered span
    (None: none is)."""
    local = _local_spans(unit, spans)
    if not local:
        return None
    if len(unit.pieces) == 1:  # most units: one offset shift (Unit.locate)
        shift = unit.pieces[0].start - unit.pieces[0].offset
        return lambda start: _inside(start + shift, local)
    return lambda start: _inside(unit.locate(start)[1], local)


def _local_spans(unit: Unit, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The covered spans that reach into ``unit``, in document offsets."""
    lo = unit.pieces[0].start
    hi = unit.pieces[-1].start + len(unit.text) - unit.pieces[-1].offset
    i = max(0, bisect.bisect_right(spans, (lo, float("inf"))) - 1)
    # Spans are sorted by start: stop at the first that starts past the unit,
    # so a posting of many lines costs linear, not quadratic, time.
    local = []
    for j in range(i, len(spans)):
        sp = spans[j]
        if sp[0] >= hi:
            break
        if sp[1] > lo:
            local.append(sp)
    return local


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    i = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]
