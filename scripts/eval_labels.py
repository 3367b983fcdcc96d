#!/usr/bin/env python3
"""Measure what amfit finds in postings against the hand labels.

Reads ``../shared/corpus/labels.json`` and ``postings.jsonl`` (not shipped)
and prints, over the 25 labelled concepts and for each ``split`` apart
(``dev``: what the taxonomy is tuned on; ``holdout``: labelled later by a
different hand, a reported figure only): recall (labelled concepts amfit
asks for), precision (amfit's asks that are labelled, over labelled plus
``absent_checked``; ``ambiguous`` ones are left out) and tier accuracy on
the concepts both agree are asked for.

    python scripts/eval_labels.py [--corpus DIR] [--split dev|holdout|all] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


SPLITS = ("dev", "holdout")


def load_labels(corpus: Path, split: str = "dev") -> list[dict]:
    """The labelled postings of one split (``all`` for every one).

    Every entry must say its split: a file without the field is refused
    rather than read as all-dev, since a holdout figure mixed into the dev
    floors is no longer evidence of anything."""
    labels = json.loads((corpus / "labels.json").read_text(encoding="utf-8"))
    unsplit = [entry["id"] for entry in labels if entry.get("split") not in SPLITS]
    if unsplit:
        raise ValueError(f"labels.json: entries without a dev/holdout split: {unsplit[:5]}")
    if split == "all":
        return labels
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; use one of {', '.join(SPLITS)} or all")
    return [entry for entry in labels if entry["split"] == split]


def evaluate(corpus: Path, split: str = "dev") -> dict:
    from amfit.fit.scorer import default_scorer
    from amfit.textio import normalize_text

    labels = load_labels(corpus, split)
    wanted = {entry["id"] for entry in labels}
    ads = {}
    with open(corpus / "postings.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                ad = json.loads(line)
                if ad["id"] in wanted:
                    ads[ad["id"]] = ad
    scorer = default_scorer()
    tp = fp = fn = tier_ok = tier_n = 0
    misses: list[str] = []
    extras: list[str] = []
    tier_errors: list[str] = []
    for entry in labels:
        ad = ads[entry["id"]]
        text = normalize_text(f"{ad['title']}\n\n{ad['text']}")
        found = {
            k.id: k.tier for k in scorer.analyze_posting(text).keywords if k.source == "taxonomy"
        }
        for cid, label in entry["concepts"].items():
            if cid in found:
                tp += 1
                tier_n += 1
                if found[cid] == label["tier"]:
                    tier_ok += 1
                else:
                    tier_errors.append(f"{entry['id']}: {cid} {found[cid]} != {label['tier']}")
            else:
                fn += 1
                misses.append(f"{entry['id']}: {cid} ({label['evidence'][:60]!r})")
        for cid in entry["absent_checked"]:
            if cid in found:
                fp += 1
                extras.append(f"{entry['id']}: {cid}")
    return {
        "split": split,
        "postings": len(labels),
        "recall": tp / (tp + fn) if tp + fn else 0.0,
        "precision": tp / (tp + fp) if tp + fp else 0.0,
        "tier_accuracy": tier_ok / tier_n if tier_n else 0.0,
        "true_positives": tp,
        "false_negatives": fn,
        "false_positives": fp,
        "misses": misses,
        "extras": extras,
        "tier_errors": tier_errors,
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument(
        "--split",
        choices=[*SPLITS, "all", "both"],
        default="both",
        help="which labelled postings to measure (default: dev and holdout, each apart)",
    )
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    corpus = Path(args.corpus)
    if not (corpus / "labels.json").is_file():
        print(f"no labels.json under {corpus}", file=sys.stderr)
        return 2
    splits = SPLITS if args.split == "both" else (args.split,)
    for split in splits:
        report(evaluate(corpus, split), verbose=args.verbose)
    return 0


def report(r: dict, *, verbose: bool) -> None:
    print(
        f"{r['split']}: {r['postings']} labelled postings: recall {r['recall']:.3f} "
        f"({r['true_positives']}/{r['true_positives'] + r['false_negatives']}), "
        f"precision {r['precision']:.3f} ({r['false_positives']} false positives), "
        f"tier accuracy {r['tier_accuracy']:.3f}"
    )
    if verbose:
        for name in ("misses", "extras", "tier_errors"):
            for line in r[name]:
                print(f"  {name[:-1]}: {line}")


if __name__ == "__main__":
    raise SystemExit(main())
