#!/usr/bin/env python3
"""Build data/background.tsv: document frequencies of words and word pairs.

Reads the real job ads in ``../shared/corpus/postings.jsonl`` (not shipped:
see that folder's README) and writes only counts: for each lemma key and
each pair of adjacent content-word keys, the number of ads it occurs in.
Words seen in fewer than MIN_DF_WORD ads and pairs seen in fewer than
MIN_DF_PAIR ads are left out, which keeps the table small and carries no
phrase of any single ad. The output is sorted, so the same corpus always
gives the same file.

    python scripts/build_background.py [--corpus PATH] [--out data/background.tsv]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared/corpus/postings.jsonl"))
    parser.add_argument("--out", default=str(ROOT / "data/background.tsv"))
    args = parser.parse_args()
    corpus = Path(args.corpus)
    if not corpus.is_file():
        print(f"corpus not found: {corpus}", file=sys.stderr)
        return 2
    raw = corpus.read_bytes()
    df: Counter[str] = Counter()
    documents = 0
    for line in raw.decode("utf-8").split("\n"):
        if not line.strip():
            continue
        ad = json.loads(line)
        text = normalize_text(f"{ad.get('title', '')}\n{ad.get('text', '')}")
        documents += 1
        seen: set[str] = set()
        for seg in segments(text):
            seen.update(t.key for t in seg if _is_word_key(t.key))
        for run in candidate_runs(text):
            seen.update(
                key
                for key, _ in run_terms(run)
                if " " in key and all(_is_word_key(k) for k in key.split(" "))
            )
        df.update(seen)
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
    print(f"{documents} documents, {len(rows)} terms -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
