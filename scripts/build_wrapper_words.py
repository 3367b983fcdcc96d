#!/usr/bin/env python3
"""Build data/wrapper_words.tsv: nouns job ads write before what they ask.

"A wide variety of tools", "good knowledge of SQL", "any type of sport":
the skill is what follows the preposition; the noun before it measures or
wraps the ask ("variety", "knowledge", "type", "range"). A posting-specific
term ending on such a noun ("technical knowledge", "wide variety", "sport
type") is the wrapper, never a skill a resume can list (see
:func:`amfit.termkinds.wrapper_head`).

Reads the real job ads in ``../shared/corpus/postings.jsonl`` (not shipped:
see that folder's README), splits each into amfit's token segments
(:func:`amfit.nlp.segments`) and counts, for each lemma key, how often it
is written and how often the next word of its segment is "of", "in",
"with" or "on". A key used at least ``MIN_USES`` times and followed by one
of them at least ``MIN_SHARE`` of the time is a wrapper. Only counts of
single words are written, never ad text; the output is sorted, so the same
corpus always gives the same file.

    python scripts/build_wrapper_words.py [--check]
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from build_taxonomy_keys import write_or_check  # noqa: E402

from amfit.nlp import segments  # noqa: E402
from amfit.termrules import stop_words  # noqa: E402
from amfit.textio import normalize_text  # noqa: E402

CORPUS = ROOT.parent / "shared/corpus/postings.jsonl"
OUT = ROOT / "data" / "wrapper_words.tsv"
PREPOSITIONS = frozenset({"of", "in", "with", "on"})
#: A word must be this frequent in the corpus for its share to count.
MIN_USES = 50
#: ... and followed by a preposition at least this share of the time.
MIN_SHARE = 0.55


def build(raw: bytes) -> str:
    stops = stop_words()
    uses: Counter[str] = Counter()
    before: Counter[str] = Counter()
    for line in raw.decode("utf-8").split("\n"):
        if not line.strip():
            continue
        for seg in segments(normalize_text(json.loads(line)["text"])):
            for i, tok in enumerate(seg):
                if not tok.lower.isalpha() or tok.lower in stops or tok.key in stops:
                    continue
                uses[tok.key] += 1
                if i + 1 < len(seg) and seg[i + 1].lower in PREPOSITIONS:
                    before[tok.key] += 1
    rows = [
        f"{key}\t{uses[key]}\t{before[key] / uses[key]:.2f}"
        for key in sorted(uses)
        if uses[key] >= MIN_USES and before[key] >= MIN_SHARE * uses[key]
    ]
    digest = hashlib.sha256(raw).hexdigest()[:16]
    header = [
        "# Wrapper nouns: words job ads write before of/in/with/on what they ask.",
        "# Built by scripts/build_wrapper_words.py from postings.jsonl",
        f"# (sha256 {digest}): lemma keys used >= {MIN_USES} times, followed by",
        f"# of/in/with/on >= {MIN_SHARE:.0%} of the time (counts of single words only).",
        "# key<TAB>uses<TAB>share followed by a preposition",
    ]
    return "\n".join(header + rows) + "\n"


def main() -> int:
    if not CORPUS.is_file():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 2
    text = build(CORPUS.read_bytes())
    words = f"{text.count(chr(10)) - 5} words"
    return write_or_check(__doc__, OUT, text, "scripts/build_wrapper_words.py", words)


if __name__ == "__main__":
    sys.exit(main())
