"""One resume against many postings: read, score in parallel, rank, aggregate.

:func:`iter_postings` (from :mod:`amfit.batch_inputs`) turns folders,
globs, files, JSON Lines, CSV and standard input into :class:`PostingInput`
items; an item that cannot be read carries its one-line error instead of
text. :func:`score_many` scores
them over ``jobs`` processes (the scorer and the resume are prepared once
per process) and yields one :class:`BatchRecord` per posting in input
order, whatever ``jobs`` is; duplicates (same normalised text) are scored
once. Nothing is held beyond one chunk of postings per process, so memory
stays flat as the batch grows; :class:`TopRanked` keeps the best N while
records stream in, and :class:`RankedSpill` ranks every record from sorted
runs on disk, for a full ranked table in constant memory. The library never prints and never exits.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import heapq
import os
import pickle
import shutil
import signal
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from .batch_inputs import RECORD_SUFFIXES, PostingInput, iter_postings
from .errors import AmfitError
from .model import BatchRecord, Edit, Missing
from .textio import check_text

__all__ = [
    "RECORD_SUFFIXES",
    "PostingInput",
    "RankedSpill",
    "TopRanked",
    "aggregate_edits",
    "as_inputs",
    "iter_postings",
    "rank",
    "score_many",
]
#: Postings handed to a worker process at a time.
CHUNK_SIZE = 8
#: The cyclic collector's thresholds while a batch runs (Python's default
#: is (700, 10, 10)). Scoring a posting leaves no cyclic garbage (none
#: found after 1,000 postings of the corpus), yet at the default the
#: collector ran every few hundred allocations and walked the scorer's
#: objects again and again: 10-15% of the CPU time of ``--jobs 1``.
BATCH_GC_THRESHOLD = (50_000, 50, 100)
#: Records a :class:`RankedSpill` holds in memory before it writes them,
#: sorted, to its temporary file as one run.
SPILL_RUN = 1000
#: Runs merged at once; past this many, they are merged into one first.
SPILL_FAN_IN = 64


# -- scoring ---------------------------------------------------------------

_WORKER: dict[str, Any] = {}


def _init_worker(
    resume_text: str, keywords: tuple[str, ...], full: bool, as_of: str | None = None
) -> None:
    from .fit.scorer import get_scorer

    if _WORKER.get("args") == (resume_text, keywords, full, as_of):
        return  # built in the parent before the fork
    scorer = get_scorer(keywords)
    # Once, shared by every posting (an error shows in each posting's record).
    with contextlib.suppress(AmfitError):
        scorer._prepare_resume(resume_text, "resume")
    _WORKER.update(
        scorer=scorer,
        resume=resume_text,
        full=full,
        as_of=as_of,
        args=(resume_text, keywords, full, as_of),
    )


def _init_child(
    resume_text: str, keywords: tuple[str, ...], full: bool, as_of: str | None = None
) -> None:
    """A worker process leaves signals to its parent, which stops the pool:
    no KeyboardInterrupt traceback from every worker on Ctrl-C, and SIGTERM
    (which the pool sends its workers when it stops) ends a worker at once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _init_worker(resume_text, keywords, full, as_of)
    _collect_rarely()  # what a worker holds now lives as long as it


def _collect_rarely() -> None:
    gc.freeze()
    gc.set_threshold(*BATCH_GC_THRESHOLD)


@contextlib.contextmanager
def _batch_collector() -> Iterator[None]:
    """For the length of a batch, the objects that exist now (the scorer,
    the taxonomy, spaCy: they live as long as the batch) leave the cyclic
    collector's view (``gc.freeze``, which also keeps forked workers from
    writing to the pages they share with this process), and the collector
    runs at :data:`BATCH_GC_THRESHOLD`. Both are put back afterwards."""
    old = gc.get_threshold()
    _collect_rarely()
    try:
        yield
    finally:
        gc.set_threshold(*old)
        gc.unfreeze()


def _score_one(item: PostingInput) -> BatchRecord:
    base = {"id": item.id, "source": item.source, "title": item.title, "company": item.company}
    if item.error is not None or item.text is None:
        return BatchRecord(**base, status="error", error=item.error or "no text")
    scorer = _WORKER["scorer"]
    try:
        report = scorer.score(
            _WORKER["resume"],
            item.text,
            resume_source="resume",
            posting_source=item.source,
            lint=None,
            checks=_WORKER["full"],
            as_of=_WORKER["as_of"],
            company=item.company,
        )
    except AmfitError as exc:
        return BatchRecord(**base, status="error", error=str(exc))
    must = [k for k in report.keywords if k.tier == "must"]
    missing = tuple(Missing(k.id, k.label, k.tier, k.points) for k in report.missing_by_points())
    return BatchRecord(
        **{**base, "title": item.title or report.posting.title},
        status="scored",
        score=report.score,
        ats_literal=report.ats_literal.rate,
        must_found=sum(1 for k in must if k.status == "found"),
        must_total=len(must),
        title_fit=report.title_fit.level,
        missing=missing,
        report_json=_report_json(report) if _WORKER["full"] else None,
    )


def _report_json(report: Any) -> str:
    # What json.dumps(report.to_dict(), ensure_ascii=False) writes, with the
    # parts every report of the batch shares encoded once.
    return report.to_json()


def _tag_duplicates(items: Iterable[PostingInput]) -> Iterator[tuple[PostingInput, str | None]]:
    """Each item with the id of an earlier item of the same text, if any."""
    seen: dict[bytes, str] = {}
    for item in items:
        dup_of = None
        if item.text is not None:
            digest = hashlib.blake2b(" ".join(item.text.split()).encode(), digest_size=16).digest()
            dup_of = seen.get(digest)
            if dup_of is None:
                seen[digest] = item.id
        yield item, dup_of


def _process(tagged: tuple[PostingInput, str | None]) -> BatchRecord:
    item, dup_of = tagged
    if dup_of is not None:
        return BatchRecord(
            item.id, item.source, item.title, item.company, "duplicate", duplicate_of=dup_of
        )
    return _score_one(item)


def as_inputs(postings: Iterable[PostingInput | str]) -> Iterator[PostingInput]:
    """Posting texts as numbered :class:`PostingInput` items (id "1", "2",
    ...); a text that is not usable becomes an item with its error.
    Items that already are :class:`PostingInput` pass through."""
    for n, item in enumerate(postings, start=1):
        if isinstance(item, PostingInput):
            yield item
            continue
        source = f"<posting {n}>"
        try:
            yield PostingInput(str(n), source, text=check_text(item, source))
        except AmfitError as exc:
            yield PostingInput(str(n), source, error=str(exc))


def score_many(
    resume_text: str,
    postings: Iterable[PostingInput | str],
    *,
    jobs: int | None = None,
    keywords: Sequence[str] = (),
    full_reports: bool = True,
    as_of: str | None = None,
) -> Iterator[BatchRecord]:
    """Score one resume against many postings; records come in input order.

    ``postings`` are :class:`PostingInput` items (from :func:`iter_postings`)
    or plain posting texts (see :func:`as_inputs`). ``jobs`` processes
    (default: all cores) each build the scorer once. Duplicate postings are
    scored once and reported as duplicates; a posting that cannot be used is
    an error record, and the rest still run. ``as_of`` is the month
    "Present" stands for in the full reports' checks (as in
    :meth:`amfit.fit.scorer.Scorer.score`).
    """
    resume_text = check_text(resume_text, "<resume>")
    jobs = max(1, jobs or os.cpu_count() or 1)
    tagged = _tag_duplicates(as_inputs(postings))
    init_args = (resume_text, tuple(str(k) for k in keywords), full_reports, as_of)
    if jobs == 1:
        _init_worker(*init_args)
        with _batch_collector():
            yield from map(_process, tagged)
        return
    import multiprocessing as mp

    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    if method == "fork":
        # Build the scorer (taxonomy, matcher, the resume's matches) once,
        # before the workers fork: they share it instead of each building it.
        _init_worker(*init_args)
    with _batch_collector(), mp.get_context(method).Pool(jobs, _init_child, init_args) as pool:
        yield from pool.imap(_process, tagged, chunksize=CHUNK_SIZE)


# -- ranking and edits -------------------------------------------------------


_STATUS_ORDER = {"scored": 0, "duplicate": 1, "error": 2}


def _rank_key(r: BatchRecord) -> tuple[int, float, str, str]:
    return (_STATUS_ORDER[r.status], -(r.score or 0.0), r.id, r.source)


def rank(records: Iterable[BatchRecord]) -> list[BatchRecord]:
    """Scored records best first (ties by id), then duplicates, then errors."""
    return sorted(records, key=_rank_key)


class TopRanked:
    """Keeps the best ``top`` scored records (and every duplicate and error)
    while records stream in, so memory does not grow with the number of
    postings: ``ranked()`` equals ``rank(all)`` cut to ``top`` scored records.
    """

    def __init__(self, top: int | None) -> None:
        self.top = top
        self._scored: list[BatchRecord] = []
        self._others: list[BatchRecord] = []

    def add(self, record: BatchRecord) -> None:
        if record.status != "scored":
            self._others.append(record)
            return
        self._scored.append(record)
        if self.top is not None and len(self._scored) >= 2 * self.top + 64:
            self._scored = sorted(self._scored, key=_rank_key)[: self.top]

    def ranked(self) -> list[BatchRecord]:
        scored = sorted(self._scored, key=_rank_key)
        if self.top is not None:
            scored = scored[: self.top]
        return scored + rank(self._others)


class RankedSpill:
    """Every record, ranked as :func:`rank` ranks them, in constant memory.

    Records are kept ``run_size`` at a time; each full batch is sorted and
    written (pickled) as one run to a temporary file, and :meth:`ranked`
    merges the runs from disk (a stable merge, so ties keep input order as
    :func:`sorted` does). A batch smaller than ``run_size`` never touches
    the disk. ``counts`` has the number of records of each status. Use it as
    a context manager, or call :meth:`close`, to remove the file.
    """

    def __init__(
        self, run_size: int | None = None, fan_in: int | None = None, dir: str | None = None
    ) -> None:
        self.run_size = max(1, run_size or SPILL_RUN)
        self.fan_in = max(2, fan_in or SPILL_FAN_IN)
        self.counts = {status: 0 for status in _STATUS_ORDER}
        self._dir = dir
        self._tmp: str | None = None
        self._path = ""
        self._buffer: list[BatchRecord] = []
        self._runs: list[tuple[int, int]] = []  # (offset, records) in self._path

    def add(self, record: BatchRecord) -> None:
        self.counts[record.status] += 1
        self._buffer.append(record)
        if len(self._buffer) >= self.run_size:
            run = sorted(self._buffer, key=_rank_key)
            self._buffer = []
            self._write(run)

    def _write(self, records: Iterable[BatchRecord], path: str | None = None) -> None:
        if self._tmp is None:
            self._tmp = tempfile.mkdtemp(prefix="amfit-batch-", dir=self._dir)
            self._path = os.path.join(self._tmp, "runs0")
        with open(path or self._path, "ab") as fh:
            start, n = fh.tell(), 0
            for record in records:
                pickle.dump(record, fh, pickle.HIGHEST_PROTOCOL)
                n += 1
        self._runs.append((start, n))
        if path is None and len(self._runs) >= self.fan_in:
            self._compact()

    def _compact(self) -> None:
        """Merge every run into one, in a new file that replaces the old."""
        old, merged = self._path, self._merge(self._runs)
        self._runs = []
        self._path = f"{old}+"
        self._write(merged, self._path)
        os.unlink(old)

    def _read(self, path: str, start: int, n: int) -> Iterator[BatchRecord]:
        with open(path, "rb") as fh:
            fh.seek(start)
            for _ in range(n):
                yield pickle.load(fh)

    def _merge(self, runs: list[tuple[int, int]]) -> Iterator[BatchRecord]:
        path = self._path
        streams = [self._read(path, start, n) for start, n in runs]
        return heapq.merge(*streams, key=_rank_key)

    def ranked(self) -> Iterator[BatchRecord]:
        """Every record added, best first (as :func:`rank`); can be called again."""
        held = sorted(self._buffer, key=_rank_key)
        if not self._runs:
            return iter(held)
        return heapq.merge(self._merge(self._runs), held, key=_rank_key)

    def close(self) -> None:
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = None
        self._buffer, self._runs = [], []

    def __enter__(self) -> RankedSpill:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def aggregate_edits(records: Iterable[BatchRecord], top: int = 10) -> list[Edit]:
    """Missing keywords across postings: by total points they would add, then count."""
    count: dict[str, int] = defaultdict(int)
    points: dict[str, float] = defaultdict(float)
    meta: dict[str, tuple[str, str]] = {}
    for r in records:
        if r.status != "scored":
            continue
        for m in r.missing:
            count[m.id] += 1
            points[m.id] += m.points
            if m.id not in meta or m.tier == "must":
                meta[m.id] = (m.label, m.tier)
    edits = [Edit(i, meta[i][0], meta[i][1], count[i], round(points[i], 1)) for i in count]
    edits.sort(key=lambda e: (-e.points, -e.postings, e.id))
    return edits[:top]
