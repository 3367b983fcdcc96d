#!/usr/bin/env python3
"""Does amfit's fit score rank postings the way a recruiter would?

Reads the real resumes in ``../shared/resumes/`` and the real postings in
``../shared/corpus/`` (neither is shipped) and prints, for each
account-manager or customer-success resume (001-005, see the resumes'
README):

* the AUC of amfit's fit score over the labelled postings of
  ``labels.json``: an ``am`` posting should score above a ``contrast`` one
  (account executive, SDR, sales leadership); ``+unrel`` also counts the
  ``unrelated`` postings as negatives. Beside it, in the same run, the
  baseline: the cosine of plain TF-IDF vectors (words, English stop words,
  sublinear tf, idf from the 1,471 corpus postings). Each split apart:
  ``dev`` is what amfit is tuned on, ``holdout`` is a reported figure only.
  ``silver`` (tuned on too, as dev is saturated): the unlabelled postings
  with a proxy label from the title's family (:data:`SILVER_POSITIVE`);
  as the label comes from the title, ``no-title`` (the score without the
  role component) and ``body-role`` (role fit from the body's lean only)
  say whether a gain there is the title echoed. Every split prints them:
  on dev, no-title is what keyword evidence alone separates.
* the corpus ranking: the resume scored against all 1,471 postings; how
  many of the top 50 are account roles by the posting title's family
  (account manager, customer success, renewals, partnerships,
  implementation; the title read as the scorer reads it, see
  ``amfit.fit.role.family_title``, and also as written), also counted
  with every title that names accounts, clients or customers; and how
  many of the top 100 ask for no account-management concept as a
  must-have (amfit's own reading of the posting; the labelled postings
  use their labels).
* ``--terms``: the posting-specific terms amfit suggests on N real reports
  (the top postings for each resume), for a person to mark noise.

* ``--stuffing``: on how many labelled AM postings the bundled stuffed
  resume scores at least as high as the bundled evidence resume.

    python scripts/eval_fit.py [--split dev|silver|holdout|all|both] [--no-rank] [--terms N]
                               [--stuffing]
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

SHARED = ROOT.parent / "shared"
#: The account-manager and customer-success resumes (the resumes' README).
AM_RESUMES = ("001", "002", "003", "004", "005")
#: Posting title families counted as account roles in the ranking.
ACCOUNT_FAMILIES = frozenset(
    {"account_manager", "customer_success", "renewals", "partnerships", "implementation"}
)
#: The broader reading of "account roles": any title that names accounts,
#: clients or customers (Account Executive, Customer Support...).
ACCOUNT_WORDS = re.compile(r"\b(accounts?|clients?|customers?|success)\b", re.IGNORECASE)
SPLITS = ("dev", "silver", "holdout")
#: Silver split: unlabelled corpus postings with a proxy label from the
#: posting title's family (as the scorer reads it). Account seats are
#: positives; hunting and sales-leadership titles are the contrast; titles
#: that name another function (:func:`amfit.fit.role.names_other_function`,
#: and the sales-engineering and sales-operations families) are the
#: ``+other`` negatives, a fixed-seed sample of :data:`SILVER_OTHER` of them.
#: Titles of no family, support, partnerships and implementation titles are
#: left out: their role is arguable from the title alone.
SILVER_POSITIVE = frozenset({"account_manager", "customer_success", "renewals"})
SILVER_CONTRAST = frozenset({"account_executive", "sdr", "sales_manager"})
SILVER_OTHER_FAMILIES = frozenset({"sales_engineer", "sales_operations"})
SILVER_OTHER = 60
SILVER_SEED = 13


def load_corpus(corpus: Path) -> tuple[list[dict], dict[str, dict]]:
    lines = (corpus / "postings.jsonl").read_text(encoding="utf-8").split("\n")
    ads = [json.loads(line) for line in lines if line.strip()]
    labels = {e["id"]: e for e in json.loads((corpus / "labels.json").read_text("utf-8"))}
    return ads, labels


def silver_labels(ads: list[dict], labels: dict[str, dict]) -> dict[str, dict]:
    """Proxy labels for the unlabelled postings (see :data:`SILVER_POSITIVE`),
    in the shape of ``labels.json`` entries with ``split`` "silver"."""
    import random

    from amfit.fit.role import family_title, names_other_function
    from amfit.titles import family_of

    out: dict[str, dict] = {}
    other: list[str] = []
    for ad in ads:
        if ad["id"] in labels:
            continue
        fam = family_of(family_title(ad["title"]))
        if fam is not None and fam.id in SILVER_POSITIVE:
            out[ad["id"]] = {"role": "am", "split": "silver", "concepts": None}
        elif fam is not None and fam.id in SILVER_CONTRAST:
            out[ad["id"]] = {"role": "contrast", "split": "silver", "concepts": None}
        elif (fam is not None and fam.id in SILVER_OTHER_FAMILIES) or (
            fam is None and names_other_function(ad["title"])
        ):
            other.append(ad["id"])
    for ad_id in random.Random(SILVER_SEED).sample(sorted(other), min(SILVER_OTHER, len(other))):
        out[ad_id] = {"role": "unrelated", "split": "silver", "concepts": None}
    return out


def score_without_title(report) -> float:
    """The fit score with the role component left out (and no cap): what the
    keyword evidence alone says, so a silver figure is not the title echoed."""
    parts = [c for c in report.components if c.name != "title"]
    total = sum(c.weight for c in parts)
    return 100.0 * sum(c.weight * c.coverage for c in parts) / total if total else 0.0


def score_body_role(report) -> float:
    """The fit score with role fit read from the body only: the title
    comparison replaced by the lean comparison (neutral 0.5 when the posting
    asks neither account-management nor new-business concepts), no cap."""
    fit = report.role_fit
    body = fit.body_value if (fit.am_concepts or fit.new_business) else 0.5
    parts = [(c.weight, body if c.name == "title" else c.coverage) for c in report.components]
    total = sum(w for w, _ in parts)
    return 100.0 * sum(w * v for w, v in parts) / total if total else 0.0


def posting_text(ad: dict) -> str:
    """The posting as ``amfit batch`` builds it from a JSON Lines record."""
    from amfit.textio import normalize_text

    return normalize_text(f"{ad['title']}\n\n{ad['text']}")


def auc(pos: list[float], neg: list[float]) -> float:
    """Probability that a positive scores above a negative (ties count half)."""
    if not pos or not neg:
        return float("nan")
    wins = sum(1.0 if p > n else 0.5 if p == n else 0.0 for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


class Baseline:
    """TF-IDF cosine with idf from the corpus postings."""

    def __init__(self, texts: list[str]) -> None:
        from amfit.terms import stop_words

        self.stops = stop_words()
        df: dict[str, int] = {}
        for t in texts:
            for w in set(self.words(t)):
                df[w] = df.get(w, 0) + 1
        n = len(texts)
        self.idf = {w: math.log((1 + n) / (1 + c)) + 1.0 for w, c in df.items()}

    def words(self, text: str) -> list[str]:
        return [w for w in re.findall(r"[a-z][a-z0-9+#]+", text.lower()) if w not in self.stops]

    def vector(self, text: str) -> dict[str, float]:
        counts: dict[str, int] = {}
        for w in self.words(text):
            counts[w] = counts.get(w, 0) + 1
        vec = {w: (1 + math.log(c)) * self.idf.get(w, 1.0) for w, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {w: v / norm for w, v in vec.items()}

    def cosine(self, a: dict[str, float], b: dict[str, float]) -> float:
        if len(a) > len(b):
            a, b = b, a
        return sum(v * b.get(w, 0.0) for w, v in a.items())


def no_am_ask(report, label: dict | None) -> bool:
    """Does the posting ask for no account-management concept as a must-have?"""
    if label is not None and label["concepts"] is not None:
        return not label["concepts"]
    from amfit.fit.role import AM_CATEGORIES
    from amfit.fit.scorer import default_scorer

    concepts = default_scorer().concepts
    return not any(
        r.keyword.tier == "must"
        and r.keyword.source == "taxonomy"
        and concepts[r.keyword.id].category in AM_CATEGORIES
        for r in report.keywords
    )


def evaluate(
    resume_path: Path,
    ads,
    labels,
    baseline,
    splits,
    rank: bool,
    silver: dict[str, dict] | None = None,
) -> list[str]:
    silver = silver or {}
    from amfit.fit.role import family_title
    from amfit.fit.scorer import default_scorer
    from amfit.textio import normalize_text
    from amfit.titles import family_of

    scorer = default_scorer()
    resume_text = normalize_text(resume_path.read_text(encoding="utf-8"))
    rvec = baseline.vector(resume_text)
    pool = ads if rank else [a for a in ads if a["id"] in labels or a["id"] in silver]
    rows = []
    for ad in pool:
        text = posting_text(ad)
        rep = scorer.score(resume_text, text, lint=None, checks=False)
        rows.append((ad, rep, baseline.cosine(rvec, baseline.vector(text))))
    marks = {**labels, **silver}
    first = rows[0][1] if rows else None
    title = first.resume.title if first else ""
    out = [f"{resume_path.name[:40]} (title read: {title!r})"]
    for split in splits:
        lab = [
            (marks[a["id"]], r.score, c, score_without_title(r), score_body_role(r))
            for a, r, c in rows
            if a["id"] in marks
            and (
                marks[a["id"]]["split"] == split
                or (split == "all" and marks[a["id"]]["split"] != "silver")
            )
        ]
        figs = []
        cols = [("fit", 1), ("tfidf", 2), ("no-title", 3), ("body-role", 4)]
        other = "other" if split == "silver" else "unrel"
        for which, col in cols:
            pos = [x[col] for x in lab if x[0]["role"] == "am"]
            neg = [x[col] for x in lab if x[0]["role"] == "contrast"]
            unrel = neg + [x[col] for x in lab if x[0]["role"] == "unrelated"]
            figs.append(f"{which} {auc(pos, neg):.3f} (+{other} {auc(pos, unrel):.3f})")
        npos = sum(1 for x in lab if x[0]["role"] == "am")
        nneg = sum(1 for x in lab if x[0]["role"] == "contrast")
        out.append(f"  {split:7s} AUC  " + "   ".join(figs) + f"   [{npos} am, {nneg} contrast]")
    if rank:
        ranked = sorted(rows, key=lambda x: (-x[1].score, x[0]["id"]))
        fams, plain = [], []
        for ad, _, _ in ranked[:50]:
            fam = family_of(family_title(ad["title"]))
            fams.append(fam.id if fam else "other")
            fam = family_of(ad["title"])
            plain.append(fam.id if fam else "other")
        account = sum(1 for f in fams if f in ACCOUNT_FAMILIES)
        as_written = sum(1 for f in plain if f in ACCOUNT_FAMILIES)
        broad = sum(
            1
            for (ad, _, _), f in zip(ranked[:50], fams, strict=True)
            if f in ACCOUNT_FAMILIES or ACCOUNT_WORDS.search(ad["title"])
        )
        bad = [
            (i + 1, ad["title"], rep.score)
            for i, (ad, rep, _) in enumerate(ranked[:100])
            if no_am_ask(rep, labels.get(ad["id"]))
        ]
        best = ranked[0]
        counts: dict[str, int] = {}
        for f in fams:
            counts[f] = counts.get(f, 0) + 1
        out.append(
            f"  ranking: {account}/50 of the top 50 are account roles "
            f"({', '.join(f'{k} {v}' for k, v in sorted(counts.items(), key=lambda kv: -kv[1]))})"
        )
        out.append(f"  ranking: {as_written}/50 by the family of the title as written (not reread)")
        out.append(f"  ranking: {broad}/50 with the account-word titles too (AE, support...)")
        out.append(
            f"  ranking: {len(bad)} of the top 100 ask no AM concept as a must-have"
            + (f" (first: #{bad[0][0]} {bad[0][1]!r} {bad[0][2]})" if bad else "")
        )
        out.append(f"  ranking: best {best[1].score} {best[0]['title']!r}")
    return out


def print_terms(resume_path: Path, ads, labels, n: int) -> None:
    """The posting-specific terms of the top-n labelled-or-not reports."""
    from amfit.fit.scorer import default_scorer
    from amfit.textio import normalize_text

    scorer = default_scorer()
    resume_text = normalize_text(resume_path.read_text(encoding="utf-8"))
    scored = []
    for ad in ads:
        rep = scorer.score(resume_text, posting_text(ad), lint=None, checks=False)
        scored.append((rep.score, ad, rep))
    scored.sort(key=lambda x: (-x[0], x[1]["id"]))
    for score, ad, rep in scored[:n]:
        terms = [r.keyword.label for r in rep.keywords if r.keyword.source == "tfidf"]
        print(f"{score:5.1f} {ad['title'][:40]!r} ({ad['company']}): {', '.join(terms)}")


def stuffing(ads, labels) -> str:
    """On how many labelled AM postings does the bundled keyword-stuffed
    resume score at least as high as the bundled evidence resume?"""
    from amfit.fit.scorer import default_scorer
    from amfit.textio import normalize_text

    scorer = default_scorer()
    texts = {
        name: normalize_text((ROOT / "examples" / "resumes" / f"{name}.md").read_text("utf-8"))
        for name in ("strong", "stuffed")
    }
    wins = total = 0
    for ad in ads:
        if labels.get(ad["id"], {}).get("role") != "am":
            continue
        text = posting_text(ad)
        got = {n: scorer.score(t, text, lint=None, checks=False).score for n, t in texts.items()}
        total += 1
        wins += got["stuffed"] >= got["strong"]
    return f"stuffed >= strong on {wins} of {total} labelled AM postings"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=str(SHARED), help="folder with corpus/ and resumes/")
    parser.add_argument("--split", choices=[*SPLITS, "all", "both"], default="both")
    parser.add_argument("--no-rank", action="store_true", help="skip the 1,471-posting ranking")
    parser.add_argument("--resumes", default=",".join(AM_RESUMES), help="resume numbers")
    parser.add_argument("--terms", type=int, default=0, help="print terms of N top reports")
    parser.add_argument(
        "--stuffing", action="store_true", help="stuffed vs evidence example resume only"
    )
    args = parser.parse_args()
    shared = Path(args.shared)
    if not (shared / "corpus" / "labels.json").is_file():
        print(f"no corpus under {shared}", file=sys.stderr)
        return 2
    ads, labels = load_corpus(shared / "corpus")
    splits = (*SPLITS, "all") if args.split == "both" else (args.split,)
    wanted = args.resumes.split(",")
    paths = sorted(p for p in (shared / "resumes").glob("0*.md") if p.name[:3] in wanted)
    if args.stuffing:
        print(stuffing(ads, labels))
        return 0
    if args.terms:
        for path in paths:
            print(f"== {path.name}")
            print_terms(path, ads, labels, args.terms)
        return 0
    baseline = Baseline([posting_text(a) for a in ads])
    silver = silver_labels(ads, labels)
    for path in paths:
        for line in evaluate(path, ads, labels, baseline, splits, not args.no_rank, silver):
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
