#!/usr/bin/env python3
"""Time amfit as whole processes against the import floor.

Runs each command REPEAT times (after one warm-up for the file cache) and
prints the median wall time:

* ``amfit --help``
* ``amfit score`` on the bundled examples (a fresh process each time: cold
  within the process, the way a user runs it)
* ``python -c 'import spacy, rapidfuzz, typer; spacy.blank("en")'`` - the
  floor (the same as ``bench/batch.py``'s): the libraries scoring and the
  command line need, loaded and nothing done

and the ratio of ``amfit score`` to the floor. Wall time on a shared
machine is noise (the floor alone has read 0.7 s and 1.3 s minutes apart);
``--instructions`` also counts the instructions of one cold ``amfit score``
and of the floor under valgrind's callgrind (about a minute each), the
figure to compare changes by. amfit's ``.pyc`` files are compiled first,
as an installed amfit's are (else, under PYTHONDONTWRITEBYTECODE, every run
would compile amfit from source)::

    python bench/startup.py [--repeat 7] [--instructions]
"""

from __future__ import annotations

import argparse
import compileall
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLOOR = 'import spacy, rapidfuzz, typer; spacy.blank("en")'


def timed(cmd: list[str], repeat: int) -> float:
    subprocess.run(cmd, cwd=ROOT, capture_output=True, check=True)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, capture_output=True, check=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def instructions(cmd: list[str]) -> int:
    """Instructions one run of ``cmd`` executes (callgrind's total)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        result = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *cmd],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
    m = re.search(r"Collected : (\d+)", result.stderr)
    if not m:
        raise RuntimeError("callgrind printed no total:\n" + result.stderr[-500:])
    return int(m.group(1))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="also count instructions of one cold score and the floor (needs valgrind)",
    )
    args = parser.parse_args()
    # An installed amfit runs from compiled bytecode (pip compiles it); an
    # editable checkout under PYTHONDONTWRITEBYTECODE would compile every
    # module from source in every run (~60 ms of a cold score).
    compileall.compile_dir(ROOT / "src", quiet=1)
    # The console script of this interpreter's environment, so that amfit and
    # the floor run on the same Python and the same installed packages.
    script = Path(sys.executable).parent / "amfit"
    base = [str(script)] if script.exists() else [sys.executable, "-m", "amfit"]
    resume = "examples/resumes/strong.md"
    posting = "examples/postings/mid-market-account-manager.txt"
    rows = [
        ("amfit --help", [*base, "--help"]),
        ("amfit score (examples)", [*base, "score", resume, posting]),
        ("amfit score --format json", [*base, "score", resume, posting, "--format", "json"]),
        ("import floor", [sys.executable, "-c", FLOOR]),
    ]
    results = {name: timed(cmd, args.repeat) for name, cmd in rows}
    print(f"median wall time over {args.repeat} runs (python {sys.version.split()[0]})")
    for name, secs in results.items():
        print(f"  {name:<28}{secs * 1000:>8.0f} ms")
    floor = results["import floor"]
    score = results["amfit score (examples)"]
    print(
        f"  amfit score / import floor  {score / floor:>8.2f}x  (+{(score - floor) * 1000:.0f} ms)"
    )
    if args.instructions:
        if shutil.which("valgrind") is None:
            print("--instructions needs valgrind on PATH", file=sys.stderr)
            return 2
        # The console script is a Python file: valgrind runs the interpreter.
        python = [] if base[0] == sys.executable else [sys.executable]
        score_cmd = [*python, *base, "score", resume, posting]
        counts = {
            "amfit score (examples)": instructions(score_cmd),
            "import floor": instructions(rows[-1][1]),
        }
        print("instructions, one cold run each (valgrind callgrind)")
        for name, n in counts.items():
            print(f"  {name:<28}{n / 1e9:>8.3f} G")
        ratio = counts["amfit score (examples)"] / counts["import floor"]
        print(f"  amfit score / import floor  {ratio:>8.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
