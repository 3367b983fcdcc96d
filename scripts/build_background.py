#!/usr/bin/env python3
"""Build data/background.tsv: document frequencies of words and word pairs.

Reads the real job ads in ``../shared/corpus/postings.jsonl`` (not shipped:
see that folder's README) and writes only counts: for each lemma key and
each pair of adjacent content-word keys, the number of ads it occurs in,
counted by scikit-learn's ``CountVectorizer`` (binary, with amfit's own
analyzer: its tokenizer, lemma keys and stop words). It also exports
scikit-learn's English stop-word list to ``data/stop_words.txt``, so that
scoring needs no scikit-learn import (see :mod:`amfit.terms`).
Words seen in fewer than MIN_DF_WORD ads and pairs seen in fewer than
MIN_DF_PAIR ads are left out, which keeps the table small and carries no
phrase of any single ad. The output is sorted, so the same corpus always
gives the same file.

    python scripts/build_background.py [--corpus PATH] [--out data/background.tsv]

Needs scikit-learn (``pip install '.[test]'``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from amfit.nlp import segments  # noqa: E402
from amfit.terms import candidate_runs, run_terms  # noqa: E402
from amfit.textio import normalize_text  # noqa: E402

MIN_DF_WORD = 2
MIN_DF_PAIR = 3
MAX_WORD_CHARS = 30


def _is_word_key(key: str) -> bool:
    """Plain words only: no URLs, e-mail addresses, numbers or fragments."""
    return key.isalpha() and len(key) <= MAX_WORD_CHARS


def ad_terms(text: str) -> list[str]:
    """The background terms of one ad: its word keys and content-word pairs."""
    seen: set[str] = set()
    for seg in segments(text):
        seen.update(t.key for t in seg if _is_word_key(t.key))
    for run in candidate_runs(text):
        seen.update(
            key
            for key, _ in run_terms(run)
            if " " in key and all(_is_word_key(k) for k in key.split(" "))
        )
    return sorted(seen)


def _write_stop_words(path: Path) -> None:
    import sklearn
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    header = [
        "# English stop words: never offered as posting-specific terms.",
        "# Source: scikit-learn's sklearn.feature_extraction.text.ENGLISH_STOP_WORDS",
        "# (BSD-3-Clause; the list of the Glasgow Information Retrieval Group),",
        f"# exported from scikit-learn {sklearn.__version__} by scripts/build_background.py.",
        "# tests/test_terms.py checks it still equals scikit-learn's list.",
        "# One per line; '#' starts a comment.",
    ]
    path.write_text("\n".join(header + sorted(ENGLISH_STOP_WORDS)) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared/corpus/postings.jsonl"))
    parser.add_argument("--out", default=str(ROOT / "data/background.tsv"))
    parser.add_argument("--stop-words", default=str(ROOT / "data/stop_words.txt"))
    args = parser.parse_args()
    corpus = Path(args.corpus)
    if not corpus.is_file():
        print(f"corpus not found: {corpus}", file=sys.stderr)
        return 2
    from sklearn.feature_extraction.text import CountVectorizer

    raw = corpus.read_bytes()
    texts = [
        normalize_text(f"{ad.get('title', '')}\n{ad.get('text', '')}")
        for ad in (json.loads(line) for line in raw.decode("utf-8").split("\n") if line.strip())
    ]
    documents = len(texts)
    vectorizer = CountVectorizer(analyzer=ad_terms, binary=True, lowercase=False)
    matrix = vectorizer.fit_transform(texts)
    counts = matrix.sum(axis=0).A1
    df = dict(zip(vectorizer.get_feature_names_out(), (int(n) for n in counts), strict=True))
    rows = sorted(
        (t, n)
        for t, n in df.items()
        if n >= (MIN_DF_PAIR if " " in t else MIN_DF_WORD) and "\t" not in t
    )
    digest = hashlib.sha256(raw).hexdigest()[:16]
    with open(args.out, "w", encoding="utf-8", newline="\n") as out:
        out.write("# amfit background document frequencies (counts only, no ad text)\n")
        out.write("# built by scripts/build_background.py from postings.jsonl\n")
        out.write(f"# corpus sha256 {digest}; keys are amfit lemma keys\n")
        out.write(f"# words with df >= {MIN_DF_WORD}, word pairs with df >= {MIN_DF_PAIR}\n")
        out.write(f"# documents\t{documents}\n")
        for term, n in rows:
            out.write(f"{term}\t{n}\n")
    _write_stop_words(Path(args.stop_words))
    print(f"{documents} documents, {len(rows)} terms -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
