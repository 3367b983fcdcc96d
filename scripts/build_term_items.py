#!/usr/bin/env python3
"""Build data/term_items.tsv: how many employers' real ads name each term as an item.

A skill is a thing job ads *list*: "experience with Kafka", "knowledge of
change management", "Python, Go and Rust", a requirements bullet that is
only "Google Analytics". A generic phrase or a name is written in prose
("explain complex ideas", "good knowledge of ...", "our partners in Spain")
and is seldom an item of its own. So the share of the ads using a term
that name it as an item is corpus evidence that it is a skill a person
could put on a resume (see :func:`amfit.termrules.never_listed`).

A run of content words (amfit's own segments and lemma keys, as in
``data/background.tsv``) is *named as an item* where

- it follows a skill slot: "experience / knowledge / proficiency /
  familiarity / expertise / background / fluency ... with / of / in",
  "such as", "including", "using", "like", "e.g.";
- it is an item of a list: its line has three or more segments, two of
  them short, and its segment is only content words and joiners
  ("and", "or", "&", "/");
- it is the whole of a short line (a bullet of at most four words).

Not counted: a run joined by "and" to an item before it ("with Kafka and
Airflow"): prose is joined so too, and counting it took the noise share
of the kept terms from 12% to 17% on the judged terms.

Each of its words and adjacent word pairs counts once per employer (the
ad's company, case and spaces aside): one employer's boilerplate, repeated
in all its ads, is one voice. Beside the employers that name a term as an
item, the file counts the employers whose ads use it at all (as
``data/background.tsv`` reads an ad, or named as an item). Reads the real
ads in ``../shared/corpus/postings.jsonl`` (not shipped: see that folder's
README) and writes only counts of lemma keys named as items by at least
MIN_EMPLOYERS employers: no phrase of any single ad. Sorted, so the same corpus
always gives the same file.

    python scripts/build_term_items.py [--corpus PATH] [--out data/term_items.tsv] [--check]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from build_background import ad_terms  # noqa: E402

from amfit.nlp import Token, segments  # noqa: E402
from amfit.terms import _content  # noqa: E402
from amfit.textio import normalize_text  # noqa: E402

OUT = ROOT / "data" / "term_items.tsv"
#: Terms named as items by fewer employers than this are left out.
MIN_EMPLOYERS = 2
#: Words that open a skill slot before a preposition ("experience with").
SLOT_HEADS = frozenset(
    [
        "experience",
        "experienced",
        "knowledge",
        "knowledgeable",
        "proficient",
        "proficiency",
        "familiar",
        "familiarity",
        "expertise",
        "expert",
        "background",
        "understanding",
        "skill",
        "skills",
        "skilled",
        "fluent",
        "fluency",
        "exposure",
        "certified",
        "certification",
        "competence",
        "competency",
        "grasp",
        "command",
        "versed",
    ]
)
SLOT_PREPOSITIONS = frozenset(["with", "of", "in", "to", "as", "on", "for"])
#: Words right before a list of items ("including Kafka").
LIST_LEADS = frozenset(["including", "using", "like", "e.g", "eg", "incl"])
JOINERS = frozenset(["and", "or", "&", "/", "plus"])
#: A segment this short counts toward a line being a list.
SHORT_SEGMENT = 4
#: The longest segment that is still one list item.
LONGEST_ITEM = 5
#: The longest line that is one item of its own.
LONGEST_ITEM_LINE = 4


def _runs(seg: Sequence[Token]) -> list[tuple[int, list[Token]]]:
    """The runs of adjacent content words of a segment, with where each starts."""
    runs: list[tuple[int, list[Token]]] = []
    current: list[Token] = []
    start = 0
    for i, tok in enumerate(seg):
        if _content(tok):
            if not current:
                start = i
            current.append(tok)
        elif current:
            runs.append((start, current))
            current = []
    if current:
        runs.append((start, current))
    return runs


def _after_slot(before: Sequence[str]) -> bool:
    if not before:
        return False
    if before[-1] in LIST_LEADS or list(before[-2:]) == ["such", "as"]:
        return True
    return before[-1] in SLOT_PREPOSITIONS and len(before) > 1 and before[-2] in SLOT_HEADS


def item_keys(text: str) -> set[str]:
    """The lemma keys (words and adjacent pairs) ``text`` names as items."""
    keys: set[str] = set()
    for line in text.split("\n"):
        segs = segments(line)
        if not segs:
            continue
        short = sum(1 for s in segs if len(s) <= SHORT_SEGMENT)
        in_list = len(segs) >= 3 and short >= 2
        for seg in segs:
            list_item = (
                in_list
                and len(seg) <= LONGEST_ITEM
                and all(_content(t) or t.lower in JOINERS or t.lower in LIST_LEADS for t in seg)
            )
            for start, run in _runs(seg):
                whole_line = len(segs) == 1 and len(run) == len(seg) <= LONGEST_ITEM_LINE
                before = [t.lower for t in seg[:start]]
                if not (list_item or whole_line or _after_slot(before)):
                    continue
                for i, tok in enumerate(run):
                    keys.add(tok.key)
                    if i + 1 < len(run):
                        keys.add(f"{tok.key} {run[i + 1].key}")
    return {k for k in keys if "\t" not in k}


def employer(ad: dict) -> str:
    """Who wrote an ad: its company, or the ad itself when none is given."""
    return " ".join(str(ad.get("company") or "").lower().split()) or f"ad {ad.get('id', '')}"


def render(raw: bytes) -> str:
    ads = [json.loads(line) for line in raw.decode("utf-8").split("\n") if line.strip()]
    named: dict[str, set[str]] = defaultdict(set)
    used: dict[str, set[str]] = defaultdict(set)
    for ad in ads:
        text = normalize_text(f"{ad.get('title', '')}\n{ad.get('text', '')}")
        items, who = item_keys(text), employer(ad)
        named[who] |= items
        used[who] |= items | set(ad_terms(text))
    listed: Counter[str] = Counter(k for keys in named.values() for k in keys)
    seen: Counter[str] = Counter(k for keys in used.values() for k in keys if k in listed)
    rows = sorted((k, n, seen[k]) for k, n in listed.items() if n >= MIN_EMPLOYERS)
    digest = hashlib.sha256(raw).hexdigest()[:16]
    head = [
        "# Employers whose ads name each term as an item (a skill slot, a list, a line of",
        "# its own), and employers whose ads use it at all. One employer's ads count once:",
        "# its boilerplate is one voice, however many of its ads repeat it.",
        "# Built by scripts/build_term_items.py from postings.jsonl (counts only, no ad text);",
        f"# corpus sha256 {digest}; keys are amfit lemma keys; terms named by >= {MIN_EMPLOYERS}"
        " employers.",
        f"# ads\t{len(ads)}",
        f"# employers\t{len(used)}",
        "# term\tnamed by\tused by",
    ]
    return "\n".join(head + [f"{k}\t{n}\t{u}" for k, n, u in rows]) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared/corpus/postings.jsonl"))
    parser.add_argument("--out", default=str(OUT))
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is stale")
    args = parser.parse_args()
    corpus, out = Path(args.corpus), Path(args.out)
    if not corpus.is_file():
        print(f"corpus not found: {corpus}", file=sys.stderr)
        return 2
    text = render(corpus.read_bytes())
    if args.check:
        if not out.is_file() or out.read_text(encoding="utf-8") != text:
            print(f"{out} is stale: run python scripts/build_term_items.py", file=sys.stderr)
            return 1
        return 0
    out.write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {out} ({text.count(chr(10)) - 4} terms)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
