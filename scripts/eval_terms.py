#!/usr/bin/env python3
"""Are the posting-specific terms amfit suggests skills a person could add?

Draws a seeded, reproducible sample of real postings from
``../shared/corpus/postings.jsonl`` (never the ``holdout`` split of
``labels.json``), scores each against a real resume of
``../shared/resumes/`` (the account-manager and customer-success resumes
in turn) the way ``amfit batch`` does, with the posting's ``company`` field
as the employer hint, and prints every posting-specific (TF-IDF) term with
its posting id, one per line, tab-separated, for a person to judge:

    posting-id  company  status  term  section  flags

The pool is the postings whose title names an account, client, customer,
sales, partner or business-development role (what a user of amfit scores
against; ``--pool all`` takes every posting). The pool is shuffled once
with ``--seed``; ``--sample tune`` is its first N postings, ``--sample
fresh`` N postings from position 100 on (disjoint for N up to 100: tune on
one, check on the other). ``--sample check`` is N postings from position
200 on and needs ``--pool all``: a reserved sample, judged once by someone
who did not tune the rules (never look at it while tuning).
``--exclude FILE`` (repeatable) leaves out the postings of a judgements
file: with a new ``--seed``, a sample nobody has judged yet.
``--sample holdout`` is the ``holdout`` split of ``labels.json`` (every
role, N ignored): real AM and contrast postings nobody tunes term rules on,
judged once per change by someone who did not tune, for the figure a
closing note reports.

Flags, counted automatically at the end: ``cap`` (a word written
capitalised, not an acronym: name-shaped), ``acro`` (a word in capitals),
``company`` (a word of the company field), ``two`` (two words).

Judgements belong outside the project (the terms quote posting text):
keep them in a TSV of your own and pass it with ``--judged FILE`` (lines
``posting-id<TAB>term<TAB>ok|noise``) to get the share of noise.

    python scripts/eval_terms.py [--sample tune|fresh|check|holdout] [-n 15] [--seed 13]
                                 [--pool am|all] [--judged FILE]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

SHARED = ROOT.parent / "shared"
AM_RESUMES = ("001", "002", "003", "004", "005")
#: Where the fresh sample starts in the shuffled pool (the tuning sample is
#: its first N postings, N at most this).
FRESH_START = 100
#: Where the reserved check sample starts (``--pool all`` only).
CHECK_START = 200
ROLE_WORDS = re.compile(
    r"\b(accounts?|clients?|customers?|success|sales|partner\w*|business development|renewals?)\b",
    re.IGNORECASE,
)


def sample(ads: list[dict], labels: dict, pool: str, seed: int, which: str, n: int) -> list[dict]:
    if which == "holdout":
        return sorted(
            (a for a in ads if labels.get(a["id"], {}).get("split") == "holdout"),
            key=lambda a: a["id"],
        )
    eligible = [
        a
        for a in ads
        if labels.get(a["id"], {}).get("split") != "holdout"
        and (pool == "all" or ROLE_WORDS.search(a["title"]))
    ]
    eligible.sort(key=lambda a: a["id"])
    random.Random(seed).shuffle(eligible)
    start = {"tune": 0, "fresh": FRESH_START, "check": CHECK_START}[which]
    return eligible[start : start + n]


def flags(term: str, company: str) -> list[str]:
    words = term.split(" ")
    out = []
    if any(w[:1].isupper() and not w.isupper() for w in words):
        out.append("cap")
    if any(w.isupper() and len(w) > 1 for w in words):
        out.append("acro")
    company_words = {w.lower() for w in re.findall(r"[A-Za-z]+", company) if len(w) > 2}
    if any(w.lower() in company_words for w in words):
        out.append("company")
    if len(words) == 2:
        out.append("two")
    return out


def load_judged(path: Path) -> dict[tuple[str, str], str]:
    judged = {}
    for line in path.read_text(encoding="utf-8").split("\n"):
        parts = line.split("\t")
        if len(parts) >= 3 and not line.startswith("#"):
            judged[(parts[0], parts[1].lower())] = parts[2].strip()
    return judged


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=str(SHARED), help="folder with corpus/ and resumes/")
    parser.add_argument("--sample", choices=["tune", "fresh", "check", "holdout"], default="tune")
    parser.add_argument("-n", type=int, default=15, help="postings in the sample")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--pool", choices=["am", "all"], default="am")
    parser.add_argument("--judged", help="TSV of judgements: posting-id, term, ok|noise")
    parser.add_argument(
        "--exclude",
        action="append",
        default=[],
        help="TSV of judgements whose postings to leave out (a sample nobody has seen)",
    )
    parser.add_argument("--no-company", action="store_true", help="do not pass the company hint")
    parser.add_argument("--context", action="store_true", help="print each term's posting line")
    args = parser.parse_args()
    if args.sample == "check" and args.pool != "all":
        print("--sample check needs --pool all", file=sys.stderr)
        return 2
    shared = Path(args.shared)
    corpus = shared / "corpus"
    if not (corpus / "labels.json").is_file():
        print(f"no corpus under {shared}", file=sys.stderr)
        return 2
    from amfit.fit.scorer import default_scorer
    from amfit.textio import normalize_text

    lines = (corpus / "postings.jsonl").read_text(encoding="utf-8").split("\n")
    ads = [json.loads(line) for line in lines if line.strip()]
    labels = {e["id"]: e for e in json.loads((corpus / "labels.json").read_text("utf-8"))}
    resumes = sorted(p for p in (shared / "resumes").glob("0*.md") if p.name[:3] in AM_RESUMES)
    resume_texts = [normalize_text(p.read_text(encoding="utf-8")) for p in resumes]
    scorer = default_scorer()
    judged = load_judged(Path(args.judged)) if args.judged else {}
    counts = {"cap": 0, "acro": 0, "company": 0, "two": 0}
    total = reports = 0
    verdicts = {"ok": 0, "noise": 0, "unjudged": 0}
    seen = {pid for path in args.exclude for pid, _ in load_judged(Path(path))}
    chosen = sample(ads, labels, args.pool, args.seed, args.sample, args.n)
    for i, ad in enumerate(a for a in chosen if a["id"] not in seen):
        text = normalize_text(f"{ad['title']}\n\n{ad['text']}")
        company = "" if args.no_company else ad.get("company") or ""
        resume = resume_texts[i % len(resume_texts)]
        hint = {"company": company} if company else {}
        rep = scorer.score(resume, text, lint=None, checks=False, **hint)
        reports += 1
        print(f"# {ad['id']}\t{ad['company']}\t{ad['title']}\tscore {rep.score}")
        for r in rep.keywords:
            k = r.keyword
            if k.source != "tfidf":
                continue
            f = flags(k.label, ad.get("company") or "")
            for name in f:
                counts[name] += 1
            total += 1
            verdict = judged.get((ad["id"], k.label.lower()), "unjudged") if judged else ""
            if judged:
                verdicts[verdict if verdict in verdicts else "unjudged"] += 1
            print(
                f"{ad['id']}\t{ad['company']}\t{r.status}\t{k.label}\t"
                f"{k.asks[0].section}:{k.asks[0].line}\t{','.join(f)}\t{verdict}"
            )
            if args.context:
                print(f"    | {text.split(chr(10))[k.asks[0].line - 1][:200]}")
    print(f"\n{reports} reports, {total} terms ({total / max(reports, 1):.1f} per report)")
    for name, c in counts.items():
        print(f"  {name}: {c} ({c / max(total, 1):.0%})")
    if judged:
        done = verdicts["ok"] + verdicts["noise"]
        share = verdicts["noise"] / max(done, 1)
        print(
            f"judged {done} of {total}: noise {verdicts['noise']} ({share:.0%}), "
            f"unjudged {verdicts['unjudged']}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
