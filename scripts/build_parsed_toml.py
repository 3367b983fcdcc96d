#!/usr/bin/env python3
"""Build data/parsed_toml.jsonl: every shipped TOML file parsed.

tomllib is pure Python, and a cold ``amfit score`` parsed 13 TOML files
(``keywords/am.toml`` alone ~59M instructions); ``json`` reads the same data
in C in a fraction of that. This script writes one line per file of
``keywords/`` and ``data/``: the SHA-256 of its text, its name and its parse
as JSON. :func:`amfit.resources.parse_toml` uses a line only for a text with
that digest, so a stale line costs start-up time, never wrong data (the file
is parsed as before); ``tests/test_parsed_toml.py`` fails until it is
rebuilt. Run it after editing any shipped TOML file:

    python scripts/build_parsed_toml.py [--check]
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from build_taxonomy_keys import write_or_check  # scripts/ is on sys.path

from amfit.resources import PARSED_TOML_FILE, PARSED_TOML_SCRIPT, resource_dir, toml_digest

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / PARSED_TOML_FILE


def shipped_toml() -> list[Path]:
    """The TOML files amfit ships, in a fixed order."""
    return sorted(p for name in ("keywords", "data") for p in resource_dir(name).glob("*.toml"))


def render() -> str:
    lines = [
        f"# built by {PARSED_TOML_SCRIPT}: <sha256 of the text> <file> <tomllib parse as JSON>"
    ]
    for path in shipped_toml():
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
        line = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
        if json.loads(line) != data:  # pragma: no cover - a TOML type JSON cannot hold
            raise SystemExit(f"{path}: its parse does not survive JSON")
        lines.append(f"{toml_digest(text)} {path.parent.name}/{path.name} {line}")
    return "\n".join(lines) + "\n"


def main() -> int:
    text = render()
    return write_or_check(
        __doc__, OUT, text, PARSED_TOML_SCRIPT, f"{text.count(chr(10)) - 1} files"
    )


if __name__ == "__main__":
    raise SystemExit(main())
