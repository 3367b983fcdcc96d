#!/usr/bin/env python3
"""Measure the bullet rules and their rewrites against hand-labelled real bullets.

Reads ``../shared/resumes/bullet_labels.jsonl`` (not shipped: real resumes,
read at evaluation time only) and lints every labelled bullet *in its
resume* (so role, section and segment come from the real file); a labelled
line the resume reader does not give as a bullet is linted on its own under
an Experience heading, and counted as such.

Prints, per rule and overall:

* precision: fired and expected / (fired and expected + fired and forbidden);
  a code in neither list is arguable and left out, as the labels say;
* recall: fired and expected / expected.

Then the rewrites: how many bullets got one, how many were withheld with a
reason, and the share of each property over the rewrites given:

* ``suffix``: the rewrite is the original bullet (its opener possibly
  swapped for another verb) plus an appended tail: the shape the issue
  calls "original + suffix";
* ``past_verb``: the first word is a past-tense verb (a regular ``-ed``
  form or an irregular past from the short list below, which is the
  evaluator's own and not the linter's lexicon);
* ``figures_kept`` / ``no_invented``: every number token of the bullet is
  in the rewrite, and none that the bullet lacks;
* ``le2_placeholders``: at most two ``[...]`` placeholders;
* ``no_comma_bracket_after_colon``: no ``, [`` after a colon outside brackets;
* ``one_sentence``: no sentence end before the last character;
* ``retention_fit``: no retention/expansion placeholder on a bullet that
  names no account, client, customer, revenue or renewal.

With ``--postings``, an out-of-sample check of duty detection: the share of
the responsibility bullets of the sales, account and customer-success
postings in ``../shared/corpus/postings.jsonl`` (duties by construction,
never used to build the lexicon) that :func:`amfit.lint.shape.duty_quote`
reads as a duty.

    python scripts/eval_bullets.py [--labels FILE] [--verbose] [--rewrites N] [--postings]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

DEFAULT_LABELS = ROOT.parent / "shared" / "resumes" / "bullet_labels.jsonl"

#: Irregular past forms the evaluator accepts (its own list, on purpose not
#: the linter's lexicon, so a lexicon gap cannot pass its own test).
_IRREGULAR_PAST_TEXT = (
    "led ran won built grew held kept made sold took drove brought cut set "
    "put wrote oversaw began met taught upsold cross-sold saw got gave found sent spent "
    "lost told hit rebuilt stood understood bought sought paid laid rose fell became shut "
    "spun split overcame undertook withheld outsold resold read rode broke chose knew"
)
IRREGULAR_PAST = frozenset(_IRREGULAR_PAST_TEXT.split())
PLACEHOLDER = re.compile(r"\[[^\[\]]*\]")
ACCOUNT_WORDS = re.compile(
    r"\b(accounts?|clients?|customers?|revenue|arr|renew\w*|retention|retain\w*|churn\w*|"
    r"upsell\w*|upsold|cross-sell\w*|expansion|book|portfolio|partners?|brands?|sales)\b",
    re.IGNORECASE,
)
RETENTION_PLACEHOLDER = re.compile(
    r"\[[^\]]*(retention|NRR|GRR|expansion|renewal|ARR)[^\]]*\]", re.IGNORECASE
)


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def words_of(text: str) -> list[str]:
    return re.findall(r"[a-z0-9$%£€'-]+", text.lower())


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line]


def lint_labelled(labels: list[dict], folder: Path) -> tuple[dict[str, object], int]:
    """Bullet report per label id; and how many were linted on their own."""
    from amfit.lint import lint_resume
    from amfit.readers import read_text

    by_resume: dict[str, dict[str, object]] = {}
    out: dict[str, object] = {}
    alone = 0
    for d in labels:
        if d["resume"] not in by_resume:
            report = lint_resume(read_text(folder / d["resume"]), source=d["resume"])
            by_resume[d["resume"]] = {norm(b.text): b for b in report.bullets}
        bullet = by_resume[d["resume"]].get(norm(d["text"]))
        if bullet is None:
            alone += 1
            report = lint_resume(f"## Experience\n- {norm(d['text'])}\n")
            bullet = next(b for b in report.bullets if norm(b.text) == norm(d["text"]))
        out[d["id"]] = bullet
    return out, alone


def is_suffix_shape(original: str, rewrite: str) -> bool:
    """The original's words (after an opener of up to three words) run on to the
    rewrite's end, with only an appended tail after them."""
    o = words_of(PLACEHOLDER.sub(" ", original))
    r = words_of(re.sub(r"\(also: [^)]*\)", " ", rewrite))
    if len(o) < 2:
        return False
    for cut in range(0, min(4, len(o) - 1)):
        body = o[cut:]
        for start in range(0, 4):
            if r[start : start + len(body)] == body and len(r) > start + len(body):
                return True
    return False


def outside_brackets(text: str) -> str:
    return PLACEHOLDER.sub("[]", re.sub(r"\([^()]*\)", "()", text))


def properties(original: str, rewrite: str) -> dict[str, bool]:
    from amfit.facts import numbers_in

    first = re.sub(r"[^\w'-]", "", rewrite.split(" ", 1)[0]).lower()
    plain = outside_brackets(rewrite)
    colon = plain.find(":")
    kept = not (Counter(numbers_in(original)) - Counter(numbers_in(rewrite)))
    invented = set(numbers_in(rewrite)) - set(numbers_in(original))
    retention_ok = bool(ACCOUNT_WORDS.search(original)) or not RETENTION_PLACEHOLDER.search(rewrite)
    return {
        "suffix": is_suffix_shape(original, rewrite),
        "past_verb": first.endswith("ed") or first in IRREGULAR_PAST,
        "figures_kept": kept,
        "no_invented": not invented,
        "le2_placeholders": len(PLACEHOLDER.findall(rewrite)) <= 2,
        "no_comma_bracket_after_colon": colon < 0 or ", [" not in plain[colon:],
        "one_sentence": not re.search(r"[.!?]\s+[A-Z(\[]", plain.rstrip(".")),
        "retention_fit": retention_ok,
    }


DEFAULT_POSTINGS = ROOT.parent / "shared" / "corpus" / "postings.jsonl"
_SALES_TITLE = re.compile(r"account|customer success|sales|business development", re.I)
_DUTY_SECTION = re.compile(r"responsib|what you|you will|role|day|duties|do", re.I)
_OTHER_SECTION = re.compile(r"require|qualif|skill|benefit|perk|offer|about you|have|bring|looking")


def posting_duty_lines(path: Path) -> list[str]:
    """Bullets under a responsibilities-like heading of sales-type postings."""
    lines = []
    for row in load(path):
        if not _SALES_TITLE.search(row["title"]):
            continue
        section = ""
        for line in row["text"].splitlines():
            if line.startswith("#"):
                section = line.lower()
                continue
            m = re.match(r"\s*[-*•]\s+(.*)", line)
            if m and _DUTY_SECTION.search(section) and not _OTHER_SECTION.search(section):
                lines.append(m.group(1).strip())
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--labels", type=Path, default=DEFAULT_LABELS)
    ap.add_argument("--verbose", action="store_true", help="list every miss and false alarm")
    ap.add_argument("--rewrites", type=int, default=0, help="print the first N rewrites")
    ap.add_argument("--postings", action="store_true", help="duty share on posting duties")
    args = ap.parse_args(argv)
    if args.postings:
        from amfit.lint.shape import duty_quote

        lines = posting_duty_lines(DEFAULT_POSTINGS)
        read = sum(bool(duty_quote(line)) for line in lines)
        print(f"posting duty lines read as duties: {read}/{len(lines)} = {read / len(lines):.1%}")
        return 0
    if not args.labels.is_file():
        print(f"eval_bullets: no labels at {args.labels}", file=sys.stderr)
        return 2
    labels = load(args.labels)
    bullets, alone = lint_labelled(labels, args.labels.parent)

    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    expected: Counter[str] = Counter()
    arguable: Counter[str] = Counter()
    misses: list[str] = []
    alarms: list[str] = []
    for d in labels:
        b = bullets[d["id"]]
        fired = {f.code for f in b.findings}
        for code in d["expect"]:
            expected[code] += 1
            if code in fired:
                tp[code] += 1
            else:
                misses.append(f"{d['id']} miss  {code}: {d['text'][:90]}")
        for code in fired:
            if code in d["forbid"]:
                fp[code] += 1
                alarms.append(f"{d['id']} alarm {code}: {d['text'][:90]}")
            elif code not in d["expect"]:
                arguable[code] += 1

    print(f"labels: {len(labels)} bullets ({alone} linted on their own)")
    print(f"{'rule':7} {'exp':>4} {'tp':>4} {'fp':>4} {'arg':>4} {'precision':>9} {'recall':>7}")
    codes = sorted(set(expected) | set(fp) | set(tp) | set(arguable))
    for code in [*codes, "overall"]:
        if code == "overall":
            t, f, e, a = (sum(c.values()) for c in (tp, fp, expected, arguable))
        else:
            t, f, e, a = tp[code], fp[code], expected[code], arguable[code]
        prec = f"{t / (t + f):.3f}" if t + f else "-"
        rec = f"{t / e:.3f}" if e else "-"
        print(f"{code:7} {e:4} {t:4} {f:4} {a:4} {prec:>9} {rec:>7}")

    given = [(d, bullets[d["id"]]) for d in labels if bullets[d["id"]].rewrite]
    flagged = [d for d in labels if bullets[d["id"]].findings]
    withheld = [d for d in flagged if not bullets[d["id"]].rewrite]
    print(
        f"\nrewrites: {len(given)} given for {len(flagged)} flagged bullets "
        f"({len(withheld)} withheld)"
    )
    shares: Counter[str] = Counter()
    failing: dict[str, list[str]] = {}
    for d, b in given:
        for name, ok in properties(d["text"], b.rewrite).items():
            shares[name] += ok
            if ok == (name == "suffix"):  # a suffix shape is the failure
                failing.setdefault(name, []).append(d["id"])
    for name in properties("a b", "a b"):
        share = shares[name] / len(given) if given else 0.0
        print(f"  {name:30} {share:6.1%}")
    if args.verbose:
        print("\n" + "\n".join(misses + alarms))
        for name, ids in sorted(failing.items()):
            print(f"property {name} fails on: {' '.join(ids)}")
    for d, b in given[: args.rewrites]:
        print(f"\n{d['id']} {norm(d['text'])}\n  -> {b.rewrite}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
