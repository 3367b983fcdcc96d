#!/usr/bin/env python3
"""Build data/taxonomy_keys.json: the built-in taxonomy's phrases tokenised.

The matcher reduces every label, alias, exclude phrase and shape
alternative of ``keywords/am.toml`` to lemma keys with spaCy's tokenizer;
done at start-up that was most of ``Matcher()``'s cost in every process.
This script does it once and writes the keys with a digest of what they
depend on (``keywords/am.toml``, ``data/lemmas.tsv``, the spaCy version and
the stemmer; :func:`amfit.matcher.phrase_keys_digest`). amfit reads the
file only when the digest matches, so a stale file costs start-up time,
never a wrong key; ``tests/test_taxonomy_keys.py`` fails until it is
rebuilt. Run it after editing the taxonomy or the lemma table:

    python scripts/build_taxonomy_keys.py [--check]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from amfit.matcher import KEYS_FILE, build_phrase_keys
from amfit.taxonomy import builtin_concepts

OUT = Path(__file__).resolve().parents[1] / "data" / KEYS_FILE


def render() -> str:
    """The file's text: one phrase a line, so a taxonomy edit is a small diff."""
    data = build_phrase_keys(builtin_concepts())
    phrases = data.pop("phrases")
    assert isinstance(phrases, dict)
    head = json.dumps(data, ensure_ascii=False)[:-1]
    rows = ",\n".join(
        f"  {json.dumps(text, ensure_ascii=False)}: {json.dumps(value, ensure_ascii=False)}"
        for text, value in phrases.items()
    )
    return f'{head}, "phrases": {{\n{rows}\n}}}}\n'


def write_or_check(doc: str, out: Path, text: str, script: str, written: str) -> int:
    """A build script's command line: write ``text`` to ``out``, or with
    ``--check`` exit 1 when ``out`` differs from it."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is stale")
    args = parser.parse_args()
    if args.check:
        current = out.read_text(encoding="utf-8") if out.exists() else ""
        if current != text:
            print(f"{out} is stale: run python {script}", file=sys.stderr)
            return 1
        return 0
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out} ({written})")
    return 0


def main() -> int:
    text = render()
    return write_or_check(
        __doc__, OUT, text, "scripts/build_taxonomy_keys.py", f"{text.count(chr(10)) - 2} phrases"
    )


if __name__ == "__main__":
    raise SystemExit(main())
