#!/usr/bin/env python3
"""Benchmark amfit batch: one resume against the 1,471 real postings.

Times whole processes (start-up included): ``amfit batch`` with --jobs 1
and --jobs 2 writing JSON Lines to /dev/null, and the floor, spaCy's blank
English tokenizer alone over the same postings in a fresh process. Prints
wall time, postings per second, the ratio to the floor and peak memory
(max RSS of the largest single process: the command or one of its
workers). A last run scores the corpus four times over (each copy's text
made distinct) to show memory stays flat as the number of postings grows.

    python bench/batch.py [--corpus ../shared/corpus/postings.jsonl] [--repeat 3] [--scale 4]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
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


#: Runs a command and prints the peak RSS (KiB) of its process tree: the
#: largest of the command and every process it waited for.
PEAK = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def run(cmd: list[str], repeat: int) -> tuple[float, float]:
    """Median wall seconds and peak RSS (MiB, largest single process) of a command."""
    times = []
    peak = 0.0
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", PEAK, *cmd], cwd=ROOT, check=True, capture_output=True
        )
        times.append(time.perf_counter() - t0)
        peak = max(peak, int(out.stdout) / 1024)
    return statistics.median(times), peak


def scaled_corpus(corpus: Path, times: int, folder: Path) -> Path:
    """The corpus repeated ``times`` times, each copy's text made distinct (so
    no posting is a duplicate): to show memory stays flat as postings grow."""
    out = folder / f"postings-x{times}.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for k in range(times):
            for line in corpus.open(encoding="utf-8"):
                if line.strip():
                    ad = json.loads(line)
                    ad["id"] = f"{ad.get('id')}-{k}"
                    ad["text"] = f"{ad['text']}\n\nCopy {k}"
                    fh.write(json.dumps(ad) + "\n")
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared/corpus/postings.jsonl"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--scale", type=int, default=4, help="also run --jobs 2 on the corpus this many times over"
    )
    args = parser.parse_args()
    corpus = Path(args.corpus)
    if not corpus.is_file():
        print(f"corpus not found: {corpus}", file=sys.stderr)
        return 2
    n = sum(1 for line in corpus.open(encoding="utf-8") if line.strip())
    script = Path(sys.executable).parent / "amfit"
    base = [str(script)] if script.exists() else [sys.executable, "-m", "amfit"]
    resume = "examples/resumes/strong.md"

    def batch(path: Path, jobs: int) -> list[str]:
        return [*base, "batch", resume, str(path), "-f", "jsonl", "--jobs", str(jobs), "-q"]

    floor, floor_mem = run([sys.executable, "-c", FLOOR, str(corpus)], args.repeat)
    rows = [("tokenizer floor", n, floor, floor_mem)]
    for jobs in (1, 2):
        secs, mem = run(batch(corpus, jobs), args.repeat)
        rows.append((f"amfit batch --jobs {jobs}", n, secs, mem))
    if args.scale > 1:
        with tempfile.TemporaryDirectory() as tmp:
            big = scaled_corpus(corpus, args.scale, Path(tmp))
            secs, mem = run(batch(big, 2), 1)
        rows.append((f"--jobs 2, corpus x{args.scale}", n * args.scale, secs, mem))
    print(f"{n} postings, median of {args.repeat} runs, whole processes (start-up included)")
    print(f"  {'':<26}{'postings':>9}{'wall s':>8}{'postings/s':>12}{'x floor':>9}{'peak MiB':>10}")
    for name, count, secs, mem in rows:
        ratio = f"{secs / floor:>9.2f}" if count == n else f"{'':>9}"
        print(f"  {name:<26}{count:>9}{secs:>8.2f}{count / secs:>12.0f}{ratio}{mem:>10.0f}")
    print("  (peak MiB: the largest single process of the run, workers included)")
    print(json.dumps({name: round(secs, 3) for name, _, secs, _ in rows}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
