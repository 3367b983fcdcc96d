#!/usr/bin/env python3
"""Build data/modifier_words.tsv: English words that are only adjectives or
adverbs, from WordNet 3.0's part-of-speech index.

A posting-specific term a person could add to a resume names a thing (a
tool, a market, a kind of customer, a process): a noun, or a phrase ending
in one. A word WordNet knows as an adjective or an adverb and never as a
noun ("afraid", "maybe", "away", "greatest") is never such a term on its
own (see :func:`amfit.fit.termwords.not_a_skill_word`).

The source is the WordNet index that spaCy's lookup tables package ships
(``spacy-lookups-data``, ``en_lemma_index``: the lemmas of each part of
speech). That package is large and is not a dependency: install it only to
rebuild this file (``pip install spacy-lookups-data``). Only single words
of letters are kept; the output is sorted, so the same index always gives
the same file, and its header carries WordNet's licence notice, which the
licence asks every copy to carry.

It also writes ``data/verb_only_words.txt`` from the same index: verbs
WordNet never knows as nouns, adjectives or adverbs.

    python scripts/build_modifier_words.py [--out data/modifier_words.tsv]
        [--verbs-out data/verb_only_words.txt] [--check]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "modifier_words.tsv"
#: The second list, from the same index: verbs WordNet never knows as a noun
#: or an adjective ("ask", "expect"): a two-word term ending on one is a
#: clause ("visitors ask"), not a thing (amfit.termrules.verb_tail).
VERBS_OUT = ROOT / "data" / "verb_only_words.txt"


def lookups_dir() -> Path:
    import spacy_lookups_data

    return Path(spacy_lookups_data.__file__).parent / "data"


def build(data: Path) -> str:
    index = json.loads(gzip.decompress((data / "en_lemma_index.json.gz").read_bytes()))
    nouns = set(index["noun"])
    rows = []
    for word in sorted(set(index["adj"]) | set(index["adv"])):
        if word.isalpha() and word.islower() and len(word) > 2 and word not in nouns:
            kinds = [k for k in ("adj", "adv", "verb") if word in set(index[k])]
            rows.append(f"{word}\t{','.join(kinds)}")
    notice = (data / "en_license.txt").read_text(encoding="utf-8").strip().splitlines()
    header = [
        "# Words that WordNet 3.0 knows as adjectives or adverbs and never as nouns.",
        "# Built by scripts/build_modifier_words.py from spacy-lookups-data's",
        "# en_lemma_index (WordNet 3.0); columns: word, parts of speech.",
        "# WordNet's licence notice, which every copy carries:",
        *[f"#   {line.rstrip()}" if line.strip() else "#" for line in notice],
    ]
    return "\n".join(header + rows) + "\n"


def build_verbs(data: Path) -> str:
    index = json.loads(gzip.decompress((data / "en_lemma_index.json.gz").read_bytes()))
    others = set(index["noun"]) | set(index["adj"]) | set(index["adv"])
    verbs = (w for w in set(index["verb"]) if w.isalpha() and w.islower() and len(w) > 2)
    words = sorted(w for w in verbs if w not in others)
    notice = (data / "en_license.txt").read_text(encoding="utf-8").strip().splitlines()
    header = [
        "# Verbs (base forms) that WordNet 3.0 never knows as nouns, adjectives or adverbs.",
        "# Built by scripts/build_modifier_words.py from spacy-lookups-data's",
        "# en_lemma_index (WordNet 3.0); one word a line.",
        "# WordNet's licence notice, which every copy carries:",
        *[f"#   {line.rstrip()}" if line.strip() else "#" for line in notice],
    ]
    return "\n".join(header + words) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=str(OUT))
    parser.add_argument("--verbs-out", default=str(VERBS_OUT))
    parser.add_argument("--check", action="store_true", help="exit 1 when the file is stale")
    args = parser.parse_args()
    try:
        text = build(lookups_dir())
        verbs = build_verbs(lookups_dir())
    except ImportError:
        print("spacy-lookups-data is missing: pip install spacy-lookups-data", file=sys.stderr)
        return 2
    outputs = ((Path(args.out), text), (Path(args.verbs_out), verbs))
    if args.check:
        fresh = all(o.is_file() and o.read_text(encoding="utf-8") == t for o, t in outputs)
        return 0 if fresh else 1
    for out, body in outputs:
        out.write_text(body, encoding="utf-8")
        words = sum(1 for line in body.splitlines() if not line.startswith("#"))
        print(f"{out}: {words} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
