#!/usr/bin/env python3
"""Build data/perk_words.tsv and data/generic_words.tsv from corpus counts.

Reads the real job ads in ``../shared/corpus/postings.jsonl`` (not shipped:
see that folder's README) with amfit's own posting reader and writes only
counts of single words (lemma keys), never ad text:

* **perk words**: words of the benefits, EEO and how-to-apply sections
  (``PERK_SECTIONS``: text that asks nothing of the hire). For each word,
  the number of ads that use it under such a heading (``keywords/sections.toml``)
  and the number that use it in the asks (responsibilities,
  requirements, preferred). A word used in those sections of at least
  ``PERK_MIN_ADS`` ads, and there in at least ``PERK_MIN_SHARE`` of the ads
  that use it in either place, is a perk or boilerplate word ("breakfast",
  "stipend", "visa"), not a skill, even when a posting writes it among its
  duties. A word that qualifies only with the EEO and how-to-apply
  text counted, and that the ads write capitalised inside a sentence more
  often than in lower case, is a name (a place, a language, an employer:
  "Dutch" is a skill), not a perk word.
* **generic words**: words used alike by every kind of job. The ads are
  grouped by the last word of their title (engineer, developer, manager,
  designer...; groups of at least ``GROUP_MIN_ADS`` ads). A word found in at
  least ``GENERIC_MIN_RATE`` of the ads of at least ``GENERIC_MIN_GROUPS``
  of those groups, and whose rate in its most frequent group is at most
  ``GENERIC_MAX_LIFT`` times its rate over the corpus, belongs to no family
  ("personnel", "different"): it is never offered as a posting's own term.

The output is sorted, so the same corpus always gives the same files.

    python scripts/build_term_lexicons.py [--corpus PATH] [--out-dir data]
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
from amfit.posting import parse_posting  # noqa: E402
from amfit.terms import stop_words  # noqa: E402
from amfit.textio import normalize_text  # noqa: E402

CORPUS = ROOT.parent / "shared/corpus/postings.jsonl"
PERK_MIN_ADS = 8
PERK_MIN_SHARE = 0.6
PERK_SECTIONS = frozenset({"benefits", "eeo", "apply"})
ASK_SECTIONS = frozenset({"responsibilities", "required", "preferred"})
GROUP_MIN_ADS = 25
GENERIC_MIN_RATE = 0.01
GENERIC_MIN_GROUPS = 8
GENERIC_MAX_LIFT = 2.5


def _words(text: str, stops: frozenset[str]) -> set[str]:
    return {
        t.key
        for seg in segments(text)
        for t in seg
        if t.key.isalpha() and len(t.key) >= 3 and t.key not in stops and t.lower not in stops
    }


def _name_uses(text: str, stops: frozenset[str]) -> tuple[set[str], set[str]]:
    """(keys written capitalised inside a segment, keys written in lower case)."""
    named: set[str] = set()
    plain: set[str] = set()
    for seg in segments(text):
        for i, t in enumerate(seg):
            if not t.key.isalpha() or t.key in stops or t.lower in stops:
                continue
            if t.text[:1].islower():
                plain.add(t.key)
            elif i > 0:
                named.add(t.key)
    return named, plain


def _group(title: str) -> str:
    words = [w for w in "".join(c if c.isalpha() else " " for c in title.lower()).split()]
    return words[-1].rstrip("s") if words else ""


def _ads(raw: bytes) -> list[dict]:
    return [json.loads(line) for line in raw.decode("utf-8").split("\n") if line.strip()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out-dir", default=str(ROOT / "data"))
    parser.add_argument("--corpus", default=str(CORPUS))
    args = parser.parse_args()
    if not Path(args.corpus).is_file():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    raw = Path(args.corpus).read_bytes()
    ads = _ads(raw)
    stops = stop_words()
    perk, ask, df = Counter(), Counter(), Counter()
    named, plain, benefit = Counter(), Counter(), Counter()
    groups: dict[str, Counter] = {}
    sizes: Counter = Counter()
    for ad in ads:
        text = normalize_text(f"{ad.get('title', '')}\n\n{ad.get('text', '')}")
        posting = parse_posting(text)
        in_perks: set[str] = set()
        in_benefits: set[str] = set()
        in_asks: set[str] = set()
        for unit in posting.units:
            if unit.kind == "heading":
                continue
            if unit.section in PERK_SECTIONS:
                words = _words(unit.text, stops)
                in_perks |= words
                if unit.section == "benefits":
                    in_benefits |= words
            elif unit.section in ASK_SECTIONS:
                in_asks |= _words(unit.text, stops)
        perk.update(in_perks)
        benefit.update(in_benefits)
        ask.update(in_asks)
        words = _words(text, stops)
        df.update(words)
        n_named, n_plain = _name_uses(text, stops)
        named.update(n_named)
        plain.update(n_plain)
        g = _group(ad.get("title", ""))
        sizes[g] += 1
        groups.setdefault(g, Counter()).update(words)
    digest = hashlib.sha256(raw).hexdigest()[:16]
    n = len(ads)
    out = Path(args.out_dir)

    def perk_word(w: str, uses: Counter) -> bool:
        return uses[w] >= PERK_MIN_ADS and uses[w] / (uses[w] + ask[w]) >= PERK_MIN_SHARE

    perks = sorted(
        (w, perk[w], ask[w])
        for w in perk
        if perk_word(w, benefit) or (perk_word(w, perk) and named[w] <= plain[w])
    )
    with open(out / "perk_words.tsv", "w", encoding="utf-8", newline="\n") as f:
        f.write("# Perk words: in job ads' benefits, EEO and how-to-apply text, rarely in asks.\n")
        f.write("# Built by scripts/build_term_lexicons.py from postings.jsonl\n")
        f.write(f"# (sha256 {digest},\n")
        f.write(f"# {n} ads): ads using the word under such a heading >= {PERK_MIN_ADS},\n")
        f.write(f"# and >= {PERK_MIN_SHARE:.0%} of those using it in benefits or asks.\n")
        f.write("# word<TAB>ads using it in those sections<TAB>ads using it in asks\n")
        for w, p, a in perks:
            f.write(f"{w}\t{p}\t{a}\n")
    big = [g for g, s in sizes.items() if s >= GROUP_MIN_ADS and g]
    generic = []
    for w, d in df.items():
        rates = [groups[g][w] / sizes[g] for g in big]
        spread = sum(r >= GENERIC_MIN_RATE for r in rates)
        if spread >= GENERIC_MIN_GROUPS and max(rates) <= GENERIC_MAX_LIFT * d / n:
            generic.append((w, d, spread))
    generic.sort()
    with open(out / "generic_words.tsv", "w", encoding="utf-8", newline="\n") as f:
        f.write("# Generic words: used alike in the ads of every kind of job.\n")
        f.write("# Built by scripts/build_term_lexicons.py from postings.jsonl\n")
        f.write(f"# (sha256 {digest},\n")
        f.write(f"# {n} ads). Ads grouped by their title's last word ({len(big)} groups of\n")
        f.write(f"# >= {GROUP_MIN_ADS} ads: {', '.join(sorted(big))}).\n")
        f.write(f"# A word in >= {GENERIC_MIN_RATE:.0%} of the ads of ")
        f.write(f">= {GENERIC_MIN_GROUPS} groups,\n")
        f.write(f"# at most {GENERIC_MAX_LIFT}x its corpus rate in any group.\n")
        f.write("# word<TAB>ads using it<TAB>groups using it\n")
        for w, d, s in generic:
            f.write(f"{w}\t{d}\t{s}\n")
    print(f"{len(perks)} perk words, {len(generic)} generic words -> {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
