#!/usr/bin/env python3
"""Build data/concept_specificity.tsv: how many corpus postings ask each concept.

Reads the real job ads in ``../shared/corpus/postings.jsonl`` (not shipped:
see that folder's README) with amfit's own posting reader
(:func:`amfit.fit.asks.analyze_posting`) and writes only counts: for each
taxonomy concept, the number of ads that ask it (as a must-have or a
nice-to-have). Every labelled posting of ``labels.json`` (dev and holdout)
is left out, so the weights the scorer draws from these counts
(:func:`amfit.fit.weights.concept_weight`) are not fitted to the postings
the fit score is judged on.

A concept that most ads ask ("communication": engineers, marketers and
account managers alike) says little about the seat; one few ads ask
("QBR", "NRR") says much. The output is sorted, so the same corpus always
gives the same file.

    python scripts/build_concept_specificity.py [--corpus PATH] [--out data/...] [--check]
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

CORPUS = ROOT.parent / "shared" / "corpus"
OUT = ROOT / "data" / "concept_specificity.tsv"


def build(corpus: Path) -> str:
    """The file's text, from the corpus folder."""
    from amfit.fit.scorer import default_scorer
    from amfit.textio import normalize_text

    raw = (corpus / "postings.jsonl").read_bytes()
    labelled = {e["id"] for e in json.loads((corpus / "labels.json").read_text("utf-8"))}
    ads = [json.loads(line) for line in raw.decode("utf-8").split("\n") if line.strip()]
    scorer = default_scorer()
    from amfit.fit.role import HUNT_CATEGORIES

    counts: Counter[str] = Counter()
    hunting: Counter[str] = Counter()
    used = 0
    for ad in ads:
        if ad["id"] in labelled:
            continue
        used += 1
        text = normalize_text(f"{ad['title']}\n\n{ad['text']}")
        analysis = scorer.analyze_posting(text, "corpus", ad.get("company") or "")
        asked = {k.id: k.category for k in analysis.keywords if k.source == "taxonomy"}
        counts.update(asked.keys())
        if any(c in HUNT_CATEGORIES for c in asked.values()):
            hunting.update(asked.keys())
    digest = hashlib.sha256(raw).hexdigest()[:16]
    lines = [
        "# Concept specificity: how many corpus ads ask each taxonomy concept.",
        "# Built by scripts/build_concept_specificity.py from postings.jsonl",
        f"# (sha256 {digest}), the {len(labelled)} labelled postings of labels.json",
        "# (dev and holdout) left out. Asked = a must-have or nice-to-have as",
        "# amfit.fit.asks.analyze_posting reads the ad.",
        f"# ads\t{used}",
        "# Hunting = the ad also asks a new-business or sales-leadership concept",
        "# (amfit.fit.role.HUNT_CATEGORIES).",
        "# concept<TAB>ads asking it<TAB>of those, ads asking a hunting concept",
    ]
    lines += [f"{cid}\t{counts[cid]}\t{hunting[cid]}" for cid in sorted(scorer.concepts)]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=str(CORPUS))
    parser.add_argument("--out", default=str(OUT))
    parser.add_argument("--check", action="store_true", help="fail if the file is stale")
    args = parser.parse_args()
    text = build(Path(args.corpus))
    out = Path(args.out)
    if args.check:
        if out.read_text(encoding="utf-8") != text:
            print(f"{out} is stale: rerun scripts/build_concept_specificity.py", file=sys.stderr)
            return 1
        return 0
    out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
