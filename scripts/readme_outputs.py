#!/usr/bin/env python3
"""Keep the README's example outputs real.

Each block in README.md written as::

    <!-- output: score examples/resumes/strong.md examples/postings/x.txt | lines=40 -->
    ```
    ...
    ```
    <!-- /output -->

is replaced by what ``amfit <args>`` prints (its first N lines when
``lines=N`` is given, then a line "..."). ``--check`` exits 1 when a block
is stale instead of writing (a test runs it).

    python scripts/readme_outputs.py [--check]
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BLOCK = re.compile(
    r"(<!-- output: (?P<args>[^|>]+?)(?: \| lines=(?P<lines>\d+))? -->\n)"
    r"```\n.*?```\n(<!-- /output -->)",
    re.DOTALL,
)


def run_amfit(args: str) -> str:
    from typer.testing import CliRunner

    from amfit.cli import app

    old = Path.cwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(
            app, shlex.split(args), env={"NO_COLOR": "1", "AMFIT_TODAY": "2026-06-01"}
        )
    finally:
        os.chdir(old)
    return result.stdout


def render(readme: str) -> str:
    def replace(m: re.Match[str]) -> str:
        out = run_amfit(m.group("args").strip())
        lines = out.rstrip("\n").split("\n")
        if m.group("lines") and len(lines) > int(m.group("lines")):
            lines = [*lines[: int(m.group("lines"))], "..."]
        body = "\n".join(
            f"$ amfit {m.group('args').strip()}" if i == 0 else line
            for i, line in enumerate(["", *lines])
        )
        return f"{m.group(1)}```\n{body}\n```\n{m.group(4)}"

    return BLOCK.sub(replace, readme)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    path = ROOT / "README.md"
    current = path.read_text(encoding="utf-8")
    fresh = render(current)
    if args.check:
        if fresh != current:
            print(
                "README.md example outputs are stale: run scripts/readme_outputs.py",
                file=sys.stderr,
            )
            return 1
        return 0
    path.write_text(fresh, encoding="utf-8", newline="\n")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    raise SystemExit(main())
