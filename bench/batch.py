#!/usr/bin/env python3
"""Benchmark amfit as whole processes against the floors: the source of
every speed and memory figure in the README.

One run measures, each ``--repeat`` times (interleaved), reporting the
minimum and the median wall time, and beside them the median CPU seconds
(user + system) of the process tree, which a shared machine's load moves
much less:

* the tokenizer floor: spaCy's blank English tokenizer alone over the
  1,471 postings, in one process, and in two processes at once (each
  taking half the postings, the way ``--jobs 2`` splits them);
* ``amfit batch --jobs 1`` and ``--jobs 2`` over the same postings (JSON
  Lines to /dev/null, start-up included), with the ratio of each to the
  floor of the same number of processes;
* cold ``amfit score`` on the bundled examples (a fresh process each time)
  against the import floor: ``import spacy, rapidfuzz, typer`` and
  ``spacy.blank("en")`` in a fresh process;
* with ``--dask``, ``amfit batch --engine dask`` (a local cluster, start-up
  included) against ``--jobs 2``; skipped when Dask is not installed;
* the peak memory (VmHWM) of the parent process of ``amfit batch --jobs 2``
  alone (workers apart), writing the ranked text table and the HTML page
  (no ``--top``), JSON Lines, and the table with ``--top 10``, at 1x and
  ``--scale`` x the corpus (each copy's text made distinct): flat means no
  growth with the number of postings.

    python bench/batch.py [--corpus ../shared/corpus/postings.jsonl] [--repeat 5] [--scale 4]
                          [--dask] [--only speed|memory]

The last line is the figures as JSON (seconds and MiB).
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESUME = "examples/resumes/strong.md"
POSTING = "examples/postings/mid-market-account-manager.txt"
TOKENIZE = """
import json, sys
import spacy
nlp = spacy.blank("en")
n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    if line.strip():
        ad = json.loads(line)
        nlp.make_doc(ad["title"] + "\\n\\n" + ad["text"])
        n += 1
print(n)
"""
IMPORT_FLOOR = 'import spacy, rapidfuzz, typer; spacy.blank("en")'


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(cmds: list[list[str]]) -> tuple[float, float]:
    """Wall seconds of commands run at the same time (all must succeed), and
    the CPU seconds (user + system) of them and every process they waited
    for: on a shared machine wall time carries other programs' load, CPU
    time much less."""
    cpu0 = _children_cpu()
    t0 = time.perf_counter()
    procs = [
        subprocess.Popen(c, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        for c in cmds
    ]
    for p, c in zip(procs, cmds, strict=True):
        _, err = p.communicate()
        if p.returncode not in (0, 4):
            raise SystemExit(f"failed ({p.returncode}): {' '.join(c)}\n{err.decode()[-2000:]}")
    return time.perf_counter() - t0, _children_cpu() - cpu0


def parent_peak_mib(cmd: list[str]) -> float:
    """Peak resident memory (VmHWM, MiB) of the command's own process, its
    workers apart, read from /proc until it exits."""
    p = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    status = Path(f"/proc/{p.pid}/status")
    peak = 0
    while p.poll() is None:
        try:
            for line in status.read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peak = max(peak, int(line.split()[1]))
        except (OSError, ValueError):
            pass
        time.sleep(0.02)
    if p.returncode not in (0, 4):
        raise SystemExit(f"failed ({p.returncode}): {' '.join(cmd)}")
    return peak / 1024


def split_corpus(corpus: Path, parts: int, folder: Path) -> list[Path]:
    """The corpus dealt into ``parts`` files, posting by posting."""
    lines = [line for line in corpus.open(encoding="utf-8") if line.strip()]
    out = []
    for k in range(parts):
        path = folder / f"part{k}.jsonl"
        path.write_text("".join(lines[k::parts]), encoding="utf-8")
        out.append(path)
    return out


def scaled_corpus(corpus: Path, times: int, folder: Path) -> Path:
    """The corpus repeated ``times`` times, each copy's text made distinct (so
    no posting is a duplicate)."""
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
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared/corpus/postings.jsonl"))
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--scale", type=int, default=4, help="memory runs at this many times over")
    parser.add_argument("--dask", action="store_true", help="also time --engine dask")
    parser.add_argument("--only", choices=("speed", "memory"), help="run one half")
    args = parser.parse_args()
    # An installed amfit runs from compiled bytecode (pip compiles it); an
    # editable checkout under PYTHONDONTWRITEBYTECODE would compile every
    # module from source in every run (~60 ms of a cold score).
    compileall.compile_dir(ROOT / "src", quiet=1)
    corpus = Path(args.corpus)
    if not corpus.is_file():
        print(f"corpus not found: {corpus}", file=sys.stderr)
        return 2
    n = sum(1 for line in corpus.open(encoding="utf-8") if line.strip())
    script = Path(sys.executable).parent / "amfit"
    amfit = [str(script)] if script.exists() else [sys.executable, "-m", "amfit"]
    py = sys.executable

    def batch(path: Path, jobs: int, fmt: str = "jsonl", *extra: str) -> list[str]:
        return [*amfit, "batch", RESUME, str(path), "-f", fmt, "--jobs", str(jobs), "-q", *extra]

    with tempfile.TemporaryDirectory() as tmp:
        halves = split_corpus(corpus, 2, Path(tmp))
        cases: dict[str, list[list[str]]] = {
            "tokenizer floor, 1 process": [[py, "-c", TOKENIZE, str(corpus)]],
            "tokenizer floor, 2 processes": [[py, "-c", TOKENIZE, str(h)] for h in halves],
            "amfit batch --jobs 1": [batch(corpus, 1)],
            "amfit batch --jobs 2": [batch(corpus, 2)],
            "import floor": [[py, "-c", IMPORT_FLOOR]],
            "amfit score (cold)": [[*amfit, "score", RESUME, POSTING]],
        }
        if args.dask and importlib.util.find_spec("distributed") is None:
            print("dask not installed: --engine dask skipped", file=sys.stderr)
        elif args.dask:
            cases["amfit batch --engine dask"] = [
                [*amfit, "batch", RESUME, str(corpus), "-f", "jsonl", "-q", "--engine", "dask"]
            ]
        if args.only == "memory":
            cases = {}
        for name, cmds in cases.items():  # warm the file cache (the batches read the same)
            if "batch" not in name:
                timed(cmds)
        times: dict[str, list[float]] = {name: [] for name in cases}
        cpu: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(args.repeat):  # interleaved, so load spikes hit every case alike
            for name, cmds in cases.items():
                wall, used = timed(cmds)
                times[name].append(wall)
                cpu[name].append(used)
        memory: dict[str, float] = {}
        big = scaled_corpus(corpus, args.scale, Path(tmp)) if args.scale > 1 else None
        for label, fmt, extra in (
            ("text table", "text", ()),
            ("html page", "html", ()),
            ("jsonl", "jsonl", ()),
            ("text --top 10", "text", ("--top", "10")),
        ):
            if args.only == "speed":
                break
            memory[f"{label}, 1x"] = parent_peak_mib(batch(corpus, 2, fmt, *extra))
            if big is not None:
                memory[f"{label}, {args.scale}x"] = parent_peak_mib(batch(big, 2, fmt, *extra))

    lo = {k: min(v) for k, v in times.items()}
    mid = {k: statistics.median(v) for k, v in times.items()}
    cpu_mid = {k: statistics.median(v) for k, v in cpu.items()}
    floors = {
        "amfit batch --jobs 1": "tokenizer floor, 1 process",
        "amfit batch --jobs 2": "tokenizer floor, 2 processes",
        "amfit score (cold)": "import floor",
        "amfit batch --engine dask": "amfit batch --jobs 2",
    }
    print(
        f"{n} postings; wall seconds over {args.repeat} runs (whole processes, start-up included)"
    )
    head = f"{'min s':>8}{'median s':>10}{'postings/s':>12}{'x floor min':>13}{'median':>8}"
    print(f"  {'':<30}{head}{'CPU s':>8}{'x floor':>9}")
    for name in cases:
        rate = f"{n / mid[name]:>12.0f}" if "floor" in name or "batch" in name else f"{'':>12}"
        if name == "import floor":
            rate = f"{'':>12}"
        ratio = ""
        if name in floors:
            f = floors[name]
            ratio = f"{lo[name] / lo[f]:>13.2f}{mid[name] / mid[f]:>8.2f}"
        else:
            ratio = f"{'':>21}"
        cpu_ratio = f"{cpu_mid[name] / cpu_mid[floors[name]]:>9.2f}" if name in floors else ""
        print(
            f"  {name:<30}{lo[name]:>8.2f}{mid[name]:>10.2f}{rate}{ratio}"
            f"{cpu_mid[name]:>8.2f}{cpu_ratio}"
        )
    print("  (CPU s: median user + system seconds of the whole process tree)")
    print("parent process peak memory of amfit batch --jobs 2 (MiB, workers apart)")
    for name, mib in memory.items():
        print(f"  {name:<30}{mib:>8.0f}")
    figures = {
        "postings": n,
        "min_s": {k: round(v, 3) for k, v in lo.items()},
        "median_s": {k: round(v, 3) for k, v in mid.items()},
        "median_cpu_s": {k: round(v, 3) for k, v in cpu_mid.items()},
        "parent_peak_mib": {k: round(v, 1) for k, v in memory.items()},
    }
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
