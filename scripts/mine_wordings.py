#!/usr/bin/env python3
"""Mine the corpus for how postings word each concept: counts, never text.

For each head word of a concept (the words on both sides of its
``shapes`` in ``keywords/am.toml``, plus the last word of its label, or
the words given with ``--head``), this reads every ad of
``../shared/corpus/postings.jsonl`` (not shipped: see that folder's
README) and counts, by the number of ads they occur in:

* ``ngram`` - the 2- and 3-word runs holding the head ("grow the business");
* ``before`` - each content word up to :data:`GAP` + 1 words before the head
  in the same segment (a verb and its object: "expand ... footprint");
* ``after`` - each content word up to :data:`GAP` + 1 words after the head
  ("portfolio ... partners", "relationships ... built").

Words are compared by amfit's lemma keys, so inflections count together;
each row shows the most frequent spelling. Rows seen in fewer than
``--min-ads`` ads (default 3) are left out, so no phrase of a single ad is
kept. The output is sorted (concept, head, kind, ads descending, words),
so the same corpus always gives the same file; ``data/wordings.tsv`` is
built by running it with no options.

    python scripts/mine_wordings.py [--corpus PATH] [--out data/wordings.tsv]
        [--head WORD ...] [--min-ads 3] [--top 40]

Reading the output: a verb that stands ``before`` a head in many ads
("establish ... relationships" in 40 ads) is a candidate for the left side of
a shape; a head whose ``before`` list is mostly company words ("our
customers") is not worth a shape.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

#: Most words between a head and the word counted before or after it.
GAP = 3


def _heads_from_taxonomy() -> dict[str, set[str]]:
    """concept id -> head keys (shape sides and the label's last word)."""
    from amfit.nlp import phrase_keys
    from amfit.taxonomy import builtin_concepts

    stop = {k for w in _function_words() for k in phrase_keys(w)[:1]}
    heads: dict[str, set[str]] = defaultdict(set)
    for c in builtin_concepts():
        if not c.shapes:
            continue
        keys = phrase_keys(c.label)
        if keys:
            heads[c.id].add(keys[-1])
        for shape in c.shapes:
            for side in (shape.left, shape.right):
                for alt in side:
                    # each alternative is a phrase: its last word's key is the head
                    # (its last content word: "portfolio of" is headed by portfolio)
                    alt_keys = [k for k in phrase_keys(alt) if k not in stop]
                    if alt_keys:
                        heads[c.id].add(alt_keys[-1])
    return heads


def _function_words() -> frozenset[str]:
    """English function words (data/stop_words.txt, scikit-learn's list):
    not the job-ad generic words of data/generic_terms.txt, which hold the
    very verbs a shape is made of (build, drive, grow)."""
    from amfit.resources import data_path

    text = data_path("stop_words.txt").read_text(encoding="utf-8")
    return frozenset(w for raw in text.split("\n") if (w := raw.split("#", 1)[0].strip().lower()))


def mine(corpus: Path, heads: dict[str, set[str]], min_ads: int) -> list[tuple]:
    from amfit.nlp import segments

    stop = _function_words()
    wanted = {h for hs in heads.values() for h in hs}
    ads: dict[tuple, set[int]] = defaultdict(set)
    spell: dict[tuple, Counter] = defaultdict(Counter)
    with open(corpus, encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if not line.strip():
                continue
            ad = json.loads(line)
            for text_line in f"{ad['title']}\n{ad['text']}".split("\n"):
                if not text_line.strip():
                    continue
                for seg in segments(text_line):
                    for i, tok in enumerate(seg):
                        if tok.key not in wanted:
                            continue
                        h = tok.key
                        for width in (2, 3):
                            for s in range(max(0, i - width + 1), i + 1):
                                win = seg[s : s + width]
                                if len(win) < width:
                                    continue
                                row = (h, "ngram", " ".join(t.key for t in win))
                                ads[row].add(n)
                                spell[row][" ".join(t.lower for t in win)] += 1
                        for d in range(1, GAP + 2):
                            for j, kind in ((i - d, "before"), (i + d, "after")):
                                if 0 <= j < len(seg) and seg[j].lower not in stop:
                                    w = seg[j]
                                    if not w.lower.isalpha():
                                        continue
                                    row = (h, kind, w.key)
                                    ads[row].add(n)
                                    spell[row][w.lower] += 1
    # A head shared by concepts (customer, business) is one row naming them all.
    owners: dict[str, list[str]] = defaultdict(list)
    for cid, hs in sorted(heads.items()):
        for h in hs:
            owners[h].append(cid)
    out = []
    for (h, kind, words), seen in ads.items():
        if len(seen) >= min_ads:
            form = spell[(h, kind, words)].most_common(1)[0][0]
            out.append((",".join(owners[h]), h, kind, len(seen), form))
    out.sort(key=lambda r: (r[0], r[1], r[2], -r[3], r[4]))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    corpus_default = ROOT.parent / "shared" / "corpus" / "postings.jsonl"
    parser.add_argument("--corpus", default=str(corpus_default))
    parser.add_argument("--out", default=None, help="write TSV here (default: data/wordings.tsv)")
    parser.add_argument("--head", action="append", default=[], help="head word (repeatable)")
    parser.add_argument("--min-ads", type=int, default=3)
    parser.add_argument("--top", type=int, default=0, help="print the top N rows per head and kind")
    args = parser.parse_args()
    corpus = Path(args.corpus)
    if not corpus.is_file():
        print(f"no corpus at {corpus}", file=sys.stderr)
        return 2
    from amfit.nlp import word_key

    heads = {"cli": {word_key(w.lower()) for w in args.head}} if args.head else None
    rows = mine(corpus, heads or _heads_from_taxonomy(), args.min_ads)
    if args.top:
        shown: Counter = Counter()
        for cid, h, kind, n, form in rows:
            shown[(cid, h, kind)] += 1
            if shown[(cid, h, kind)] <= args.top:
                print(f"{cid}\t{h}\t{kind}\t{n}\t{form}")
        return 0
    digest = hashlib.sha256(corpus.read_bytes()).hexdigest()[:16]
    out = Path(args.out) if args.out else ROOT / "data" / "wordings.tsv"
    lines = [
        "# amfit corpus wordings around each concept's head words (counts only, no ad text)",
        "# built by scripts/mine_wordings.py from postings.jsonl",
        f"# corpus sha256 {digest}; words compared by amfit lemma keys,"
        " shown in their most common spelling",
        f"# rows seen in >= {args.min_ads} ads; columns: concepts head kind ads wording",
    ]
    lines += ["\t".join(str(x) for x in r) for r in rows]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} rows to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
