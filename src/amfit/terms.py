"""Posting-specific salient terms by TF-IDF against a background corpus.

Beyond the taxonomy, a posting asks for things of its own: an industry
("freight", "payroll"), a language, a product category, a certification.
They are the words the posting uses often and job ads in general use
rarely. amfit weighs each candidate word and two-word phrase with
scikit-learn's :class:`~sklearn.feature_extraction.text.TfidfTransformer`
(sublinear tf), whose idf comes from the document frequencies in
``data/background.tsv`` (built by ``scripts/build_background.py`` from
1,471 real job ads; only counts are shipped, never ad text).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from .document import Unit
from .errors import TaxonomyError
from .nlp import Token, segments
from .resources import data_path

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


@dataclass(frozen=True, slots=True)
class Background:
    documents: int
    df: dict[str, int]

    @property
    def vocabulary(self) -> frozenset[str]:
        return frozenset(t for t in self.df if " " not in t)

    def idf(self, term: str) -> float:
        """sklearn's smoothed idf: ln((1 + n) / (1 + df)) + 1."""
        return math.log((1 + self.documents) / (1 + self.df.get(term, 0))) + 1.0


@cache
def load_background() -> Background:
    path = data_path("background.tsv")
    documents = 0
    df: dict[str, int] = {}
    for n, raw in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if not raw or raw.startswith("#"):
            if raw.startswith("# documents\t"):
                documents = int(raw.split("\t")[1])
            continue
        term, sep, count = raw.rpartition("\t")
        if not sep or not count.isdigit():
            raise TaxonomyError(str(path), n, "expected 'term<TAB>count'")
        df[term] = int(count)
    if documents <= 0:
        raise TaxonomyError(str(path), None, "missing '# documents<TAB>N' header")
    return Background(documents, df)


@cache
def stop_words() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    extra = set()
    for raw in data_path("generic_terms.txt").read_text(encoding="utf-8").split("\n"):
        word = raw.split("#", 1)[0].strip().lower()
        if word:
            extra.add(word)
    return frozenset(ENGLISH_STOP_WORDS | extra)


def _is_content(tok: Token, stops: frozenset[str]) -> bool:
    lower = tok.lower
    return (
        lower.isalpha()
        and len(lower) >= MIN_WORD_CHARS
        and lower not in stops
        and tok.key not in stops
    )


def candidate_runs(text: str) -> list[list[Token]]:
    """Runs of adjacent content words (no stop words, numbers or short words)."""
    return _runs(text, lambda tok: True)


#: Per distinct token text: is it a content word? (see :func:`_is_content`)
_CONTENT: dict[str, bool] = {}


def _runs(text: str, keep: Callable[[Token], bool]) -> list[list[Token]]:
    """Runs of adjacent content words for which ``keep`` holds."""
    stops = stop_words()
    content = _CONTENT
    runs: list[list[Token]] = []
    for seg in segments(text):
        run: list[Token] = []
        for tok in seg:
            ok = content.get(tok.text)
            if ok is None:
                if len(content) > 200_000:  # stay bounded over huge batches
                    content.clear()
                ok = content[tok.text] = _is_content(tok, stops)
            if ok and keep(tok):
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
) -> list[Term]:
    """The posting's own salient terms, strongest first.

    ``covered`` are document character spans already explained by taxonomy
    hits; words inside them are not candidates.
    """
    bg = load_background()
    spans = sorted(covered)
    counts: Counter[str] = Counter()
    first: dict[str, tuple[str, int, str]] = {}
    capitalised: dict[str, bool] = {}
    for unit in units:
        if unit.section in ignored_sections or unit.kind == "heading":
            continue
        for run in _runs(unit.text, _uncovered(unit, spans)):
            for tok in run:
                capitalised[tok.key] = capitalised.get(tok.key, True) and tok.text[:1].isupper()
            for key, surface in run_terms(run):
                counts[key] += 1
                if key not in first:
                    first[key] = (surface, unit.line, unit.section)
    # Terms that can never be chosen, whatever their weight, are dropped
    # before weighting (each column of TF-IDF is independent of the others).
    max_df = MAX_TERM_DF_RATIO * bg.documents
    vocab = []
    for key in sorted(counts):
        parts = key.split(" ")
        df = bg.df.get(key, 0)
        if df > max_df:
            continue
        # A capitalised word the background never saw is the employer's own name.
        if all(capitalised.get(p, False) for p in parts) and all(
            bg.df.get(p, 0) == 0 for p in parts
        ):
            continue
        if counts[key] < 2 and (len(parts) == 2 or df > SINGLE_USE_MAX_DF):
            continue
        vocab.append(key)
    if not vocab:
        return []
    weights = _tfidf([counts[t] for t in vocab], [bg.idf(t) for t in vocab])
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


def _tfidf(counts: list[int], idf: list[float]) -> list[float]:
    """Sublinear TF-IDF weights (no normalisation) of one posting's counts,
    by scikit-learn's :class:`~sklearn.feature_extraction.text.TfidfTransformer`."""
    import numpy as np
    import scipy.sparse as sp
    from sklearn.feature_extraction.text import TfidfTransformer

    n = len(counts)
    matrix = sp.csr_matrix(
        (np.array(counts, dtype=np.float64), np.arange(n), np.array([0, n])), shape=(1, n)
    )
    transformer = TfidfTransformer(sublinear_tf=True, norm=None)
    transformer.idf_ = np.array(idf)
    transformer.n_features_in_ = n
    return transformer.transform(matrix).toarray()[0].tolist()


def _uncovered(unit: Unit, spans: list[tuple[int, int]]) -> Callable[[Token], bool]:
    """A test for words of ``unit`` outside every covered span."""
    import bisect

    lo = unit.pieces[0].start
    hi = unit.pieces[-1].start + len(unit.text) - unit.pieces[-1].offset
    i = max(0, bisect.bisect_right(spans, (lo, float("inf"))) - 1)
    local = [sp for sp in spans[i:] if sp[0] < hi and sp[1] > lo]
    if not local:
        return lambda tok: True
    return lambda tok: not _inside(unit.locate(tok.start)[1], local)


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    import bisect

    i = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]
