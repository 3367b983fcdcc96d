#!/usr/bin/env python3
"""Build data/regex_code.json: amfit's regular expressions, compiled.

re's compiler is pure Python, and a cold ``amfit score`` compiled ~470
patterns (~415M instructions, a quarter of its cost above the import
floor). This script runs the single-document commands on the bundled
examples with seeding off, records what re compiles every pattern of
amfit's code to (the sre code words, flags and groups) in the order first
used, and writes them with the interpreter they are valid for
(:func:`amfit.resources.regex_build_key`). amfit seeds re's cache from the
file only on that interpreter; ``tests/test_regex_code.py`` checks every
entry equals a fresh compile. Run it after changing a pattern or Python:

    python scripts/build_regex_code.py [--check]
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
from pathlib import Path

os.environ["AMFIT_REGEX_SEED"] = "0"  # before amfit is imported: compile everything

import _sre
import importlib.util
import re._compiler

from build_taxonomy_keys import write_or_check

ROOT = Path(__file__).resolve().parents[1]
# The amfit that runs: src/ in an editable install, site-packages otherwise
# (found without importing it, so that seeding stays off).
_SPEC = importlib.util.find_spec("amfit")
_HOME = Path(_SPEC.origin).parent if _SPEC and _SPEC.origin else ROOT / "src" / "amfit"
SRC = str(_HOME) + os.sep
EXAMPLES = ROOT / "examples"
RESUME = str(EXAMPLES / "resumes" / "strong.md")
POSTING = str(EXAMPLES / "postings" / "mid-market-account-manager.txt")
COMMANDS = [
    ["score", RESUME, POSTING],
    ["score", RESUME, POSTING, "--format", "json", "--explain"],
    ["score", RESUME, POSTING, "--format", "markdown"],
    ["score", RESUME, POSTING, "--format", "html"],
    ["score", RESUME, POSTING, "--bullets"],
    ["bullets", RESUME],
    ["keywords", POSTING],
]


def _from_amfit() -> bool:
    """Is the pattern being compiled written in amfit's code (the nearest
    caller outside re)?"""
    frame = sys._getframe(2)
    while frame is not None and (
        os.sep + "re" + os.sep in frame.f_code.co_filename or frame.f_code.co_filename == __file__
    ):
        frame = frame.f_back
    return frame is not None and frame.f_code.co_filename.startswith(SRC)


def harvest() -> list[list[object]]:
    rows: dict[tuple[str, int], list[object]] = {}
    compile_pattern, sre_compile = re._compiler.compile, _sre.compile
    asked: list[tuple[object, int]] = []

    def record_compile(p, flags=0):
        asked.append((p, int(flags)))
        try:
            return compile_pattern(p, flags)
        finally:
            asked.pop()

    def record_sre(pattern, final, code, groups, groupindex, indexgroup):
        p, flags = asked[-1]
        if isinstance(p, str) and p == pattern and _from_amfit():
            rows.setdefault(
                (p, flags),
                [p, flags, final, list(code), groups, dict(groupindex), list(indexgroup)],
            )
        return sre_compile(pattern, final, code, groups, groupindex, indexgroup)

    argv = sys.argv
    re._compiler.compile, _sre.compile = record_compile, record_sre
    try:
        from amfit import cli

        for args in COMMANDS:
            sys.argv = ["amfit", *args]
            with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
                cli.main()
    finally:
        re._compiler.compile, _sre.compile = compile_pattern, sre_compile
        sys.argv = argv
    return list(rows.values())


def render() -> str:
    import array
    import base64

    from amfit.resources import REGEX_CODE_ORDER, regex_build_key

    patterns = harvest()
    head = json.dumps(
        {"built_by": "scripts/build_regex_code.py", "python": regex_build_key()},
        ensure_ascii=False,
    )[:-1]
    # One row a line, its code words replaced by their number; the words of
    # every pattern, in row order, make the one base64 "code" string.
    words = array.array("I")
    rows = []
    for pattern, flags, final, code, groups, groupindex, indexgroup in patterns:
        words.extend(code)
        rows.append([pattern, flags, final, len(code), groups, groupindex, indexgroup])
    if sys.byteorder != REGEX_CODE_ORDER:
        words.byteswap()
    # ASCII escapes: a pattern may hold a lone surrogate.
    body = ",\n".join(json.dumps(row) for row in rows)
    code = base64.b64encode(words.tobytes()).decode("ascii")
    return f'{head}, "patterns": [\n{body}\n],\n"code": "{code}"}}\n'


def main() -> int:
    from amfit.resources import REGEX_FILE

    text = render()
    out = ROOT / "data" / REGEX_FILE
    return write_or_check(
        __doc__, out, text, "scripts/build_regex_code.py", f"{text.count(chr(10)) - 3} patterns"
    )


if __name__ == "__main__":
    raise SystemExit(main())
