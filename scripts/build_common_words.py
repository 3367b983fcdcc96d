#!/usr/bin/env python3
"""Build data/common_words.tsv: the 10,000 most frequent English words.

A posting-specific term that is a single everyday English word written in
lower case ("concerns", "rock", "instance", "visitors") is, far more often
than not, no skill a person could add to a resume (see
:func:`amfit.termrules.common_word`). Word frequency separated names and
plain words from skills where corpus lexicons did not.

The source is the unigram log-probability table that spaCy's lookup tables
package ships (``spacy-lookups-data``, ``en_lexeme_prob``). That package is
large and is not a dependency: install it only to rebuild this file
(``pip install spacy-lookups-data``). Only lower-case words of letters are
ranked, ties broken by the word, so the same table always gives the same
file.

    python scripts/build_common_words.py [--out data/common_words.tsv] [--check]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "common_words.tsv"
#: How many of the most frequent words are kept.
TOP = 10_000


def lookups_dir() -> Path:
    import spacy_lookups_data

    return Path(spacy_lookups_data.__file__).parent / "data"


def build(data: Path) -> str:
    prob = json.loads(gzip.decompress((data / "en_lexeme_prob.json.gz").read_bytes()))
    words = sorted(
        (w for w in prob if w.isascii() and w.isalpha() and w.islower()),
        key=lambda w: (-prob[w], w),
    )[:TOP]
    header = [
        f"# The {TOP} most frequent lower-case English words, most frequent first.",
        "# Built by scripts/build_common_words.py from spacy-lookups-data's",
        "# en_lexeme_prob table (unigram log probabilities); columns: word, rank.",
    ]
    rows = [f"{w}\t{i + 1}" for i, w in enumerate(words)]
    return "\n".join(header + rows) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=str(OUT))
    parser.add_argument("--check", action="store_true", help="exit 1 when the file is stale")
    args = parser.parse_args()
    try:
        text = build(lookups_dir())
    except ImportError:
        print("spacy-lookups-data is missing: pip install spacy-lookups-data", file=sys.stderr)
        return 2
    out = Path(args.out)
    if args.check:
        return 0 if out.is_file() and out.read_text(encoding="utf-8") == text else 1
    out.write_text(text, encoding="utf-8")
    print(f"{out}: {TOP} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
