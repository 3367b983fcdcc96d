#!/usr/bin/env python3
"""Benchmark amfit batch: one resume against the 1,471 real postings.

Times whole processes (start-up included): ``amfit batch`` with --jobs 1
and --jobs 2 writing JSON Lines to /dev/null, and the floor, spaCy's blank
English tokenizer alone over the same postings in a fresh process. Prints
wall time, postings per second, the ratio to the floor and peak memory
(max RSS of the child, and of its worker processes).

    python bench/batch.py [--corpus ../shared/corpus/postings.jsonl] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLOOR = """
import json, sys
from spacy.lang.en import English
nlp = English()
n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    if line.strip():
        ad = json.loads(line)
        nlp.make_doc(ad["title"] + "\\n\\n" + ad["text"])
        n += 1
print(n)
"""


def run(cmd: list[str], repeat: int) -> tuple[float, float]:
    """Median wall seconds and peak RSS (MiB) of the command's process tree."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return statistics.median(times), peak


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared/corpus/postings.jsonl"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    corpus = Path(args.corpus)
    if not corpus.is_file():
        print(f"corpus not found: {corpus}", file=sys.stderr)
        return 2
    n = sum(1 for line in corpus.open(encoding="utf-8") if line.strip())
    script = Path(sys.executable).parent / "amfit"
    base = [str(script)] if script.exists() else [sys.executable, "-m", "amfit"]
    resume = "examples/resumes/strong.md"
    floor, floor_mem = run([sys.executable, "-c", FLOOR, str(corpus)], args.repeat)
    rows = [("tokenizer floor", floor, floor_mem)]
    for jobs in (1, 2):
        cmd = [*base, "batch", resume, str(corpus), "-f", "jsonl", "--jobs", str(jobs), "-q"]
        secs, mem = run(cmd, args.repeat)
        rows.append((f"amfit batch --jobs {jobs}", secs, mem))
    print(f"{n} postings, median of {args.repeat} runs, whole processes (start-up included)")
    print(f"  {'':<22}{'wall s':>8}{'postings/s':>12}{'x floor':>9}{'peak MiB':>10}")
    for name, secs, mem in rows:
        print(f"  {name:<22}{secs:>8.2f}{n / secs:>12.0f}{secs / floor:>9.2f}{mem:>10.0f}")
    print("  (peak MiB: largest single process seen so far in this benchmark)")
    print(json.dumps({name: round(secs, 3) for name, secs, _ in rows}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
