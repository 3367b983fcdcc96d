"""The Dask engine for :mod:`amfit.batch` (``pip install 'amfit[dask]'``).

Postings stream from the caller in partitions of ``partition_size``; each
partition is scored on a Dask worker by :func:`score_partition`, the same
pure function a local process pool could run, and the scored records
stream back. At most ``max_in_flight`` partitions are submitted at once,
so neither the client nor a worker holds the whole batch: a job board with
millions of postings goes through in constant memory. Records come back in
input order, as with the local engine. A local cluster (no scheduler
address) forks its workers from this process once it has built the scorer,
as the local engine's pool does.
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from .batch import (
    BatchRecord,
    PostingInput,
    _batch_collector,
    _init_worker,
    _process,
    _tag_duplicates,
    as_inputs,
)
from .errors import InputError
from .textio import check_text

#: How long to wait for a scheduler named with --scheduler.
SCHEDULER_TIMEOUT = "10s"
#: Postings per Dask task.
PARTITION_SIZE = 64
#: Partitions submitted and not yet collected, per worker thread.
IN_FLIGHT_PER_THREAD = 2
#: Dask settings for a local cluster started for the run. Every Dask server
#: samples its threads' stacks every 10 ms, checks its event loop every
#: 20 ms and reads the system's and the worker's memory use several times a
#: second, for a dashboard the run does not start: on two cores that took
#: ~5% of a worker's CPU and woke the parent (scheduler, nannies) as often.
#: The memory check stays, once a second (a partition is a few MB).
LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
}

_READY: dict[tuple[str, tuple[str, ...], bool, str | None], bool] = {}


def score_partition(
    resume_text: str,
    keywords: tuple[str, ...],
    full_reports: bool,
    tagged: list[tuple[PostingInput, str | None]],
    as_of: str | None = None,
) -> list[BatchRecord]:
    """Score one partition of (posting, duplicate-of) pairs on whatever process runs it.

    The scorer is built once per worker process and kept for later partitions.
    """
    _ready(resume_text, keywords, full_reports, as_of)
    return [_process(t) for t in tagged]


def _ready(
    resume_text: str, keywords: tuple[str, ...], full_reports: bool, as_of: str | None
) -> None:
    """The scorer and the resume prepared in this process, once."""
    key = (resume_text, keywords, full_reports, as_of)
    if key not in _READY:
        _READY.clear()
        _init_worker(resume_text, keywords, full_reports, as_of)
        _READY[key] = True


def _client(scheduler: str | None) -> Any:
    try:
        import dask
        from distributed import Client
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise InputError(
            "the Dask engine needs the optional extra: pip install 'amfit[dask]'"
        ) from exc
    try:
        if scheduler:
            return Client(scheduler, timeout=SCHEDULER_TIMEOUT)
        # A local cluster's workers are forked from this process, which has
        # built the scorer (see score_many_dask): they start at once with it,
        # instead of each importing amfit and building it again (spawn).
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        config = {**LOCAL_CLUSTER_CONFIG, "distributed.worker.multiprocessing-method": method}
        with dask.config.set(config):
            return Client(processes=True, dashboard_address=None)
    except (OSError, TimeoutError) as exc:
        raise InputError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from exc


def score_many_dask(
    resume_text: str,
    postings: Iterable[PostingInput | str],
    *,
    scheduler: str | None = None,
    keywords: Sequence[str] = (),
    full_reports: bool = True,
    partition_size: int = PARTITION_SIZE,
    client: Any = None,
    as_of: str | None = None,
) -> Iterator[BatchRecord]:
    """Like :func:`amfit.batch.score_many`, on a Dask cluster.

    ``scheduler`` is the address of a running scheduler; without one (and
    without ``client``) a local cluster is started for the run.
    """
    resume_text = check_text(resume_text, "<resume>")
    args = (resume_text, tuple(str(k) for k in keywords), full_reports)
    own = client is None
    with contextlib.ExitStack() as collector:
        if own and not scheduler:
            # Built here, before the local cluster forks its workers, which
            # inherit the collector settings of a batch too (as dask-worker
            # raises its thresholds for the workers it starts).
            _ready(*args, as_of)
            collector.enter_context(_batch_collector())
        client = client or _client(scheduler)
        try:
            threads = sum(client.nthreads().values()) or 1
            limit = max(2, threads * IN_FLIGHT_PER_THREAD)
            tagged = _tag_duplicates(as_inputs(postings))
            chunks = iter(lambda: list(itertools.islice(tagged, partition_size)), [])
            pending = []
            for chunk in chunks:
                pending.append(client.submit(score_partition, *args, chunk, as_of, pure=False))
                if len(pending) >= limit:
                    yield from pending.pop(0).result()
            for future in pending:
                yield from future.result()
        finally:
            if own:
                client.close()
