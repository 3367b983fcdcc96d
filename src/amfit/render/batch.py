"""Batch output (``amfit batch``): the ranked table, CSV rows, JSON Lines,
and the writer that streams records or keeps the best N before ranking."""

from __future__ import annotations

import contextlib
import csv
import io
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, TextIO

from .style import WIDTH, Style

if TYPE_CHECKING:  # pragma: no cover
    from ..batch import RankedSpill, TopRanked
    from ..model import BatchRecord, Edit

CSV_FIELDS = (
    "id",
    "source",
    "title",
    "company",
    "status",
    "score",
    "ats_literal",
    "must_found",
    "must_total",
    "title_fit",
    "top_missing_must",
    "duplicate_of",
    "error",
)


def csv_row(record: BatchRecord) -> str:
    data = record.to_dict(full=False)
    data["top_missing_must"] = "; ".join(data.get("top_missing_must", []))
    buf = io.StringIO()
    csv.DictWriter(buf, CSV_FIELDS, extrasaction="ignore", lineterminator="\n").writerow(data)
    return buf.getvalue()


def record_line(record: BatchRecord, format: str) -> str:
    """One record as a CSV row or a JSON Lines line."""
    if format == "csv":
        return csv_row(record)
    if format == "jsonl":
        return record.to_json() + "\n"
    raise ValueError(f"no {format} output for one batch record")


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


def _shown_as(record: BatchRecord | None) -> tuple[str, str] | None:
    """What a table row shows of a scored record: title (or id) and company."""
    if record is None or record.status != "scored":
        return None
    return (_cut(record.title or record.id, 33), _cut(record.company, 26))


def _counts(records: list[BatchRecord]) -> dict[str, int]:
    counts = {"scored": 0, "duplicate": 0, "error": 0}
    for r in records:
        counts[r.status] += 1
    return counts


def render_table(records: list[BatchRecord], edits: list[Edit], resume: str, *, color: bool) -> str:
    """The ranked table of ``records`` (ranked: scored, duplicates, errors)."""
    return "".join(iter_table(records, _counts(records), edits, resume, color=color))


def iter_table(
    ranked: Iterable[BatchRecord],
    counts: dict[str, int],
    edits: list[Edit],
    resume: str,
    *,
    color: bool,
) -> Iterator[str]:
    """The ranked table a line at a time, reading ``ranked`` (scored records
    best first, then duplicates, then errors, as :func:`amfit.batch.rank`)
    once, so that it never holds more than one record."""
    s = Style(color)
    n, dupes, errors = counts["scored"], counts["duplicate"], counts["error"]
    yield (
        s(f"{n} postings ranked for {resume}", "bold")
        + (f" ({dupes} duplicates, {errors} errors)" if dupes or errors else "")
        + "\n\n"
    )
    yield f"{'rank':>4} {'score':>5} {'must':>5}  {'title':<33} company\n"
    records = iter(ranked)
    r = next(records, None)
    i = 0
    before: tuple[str, str] | None = None
    while r is not None and r.status == "scored":
        i += 1
        nxt = next(records, None)
        must = f"{r.must_found}/{r.must_total}"
        yield (
            f"{i:>4} {r.score:>5.1f} {must:>5}  {_cut(r.title or r.id, 33):<33} "
            f"{_cut(r.company, 26):<26}".rstrip()
            + "\n"
        )
        here = _shown_as(r)
        if here in (before, _shown_as(nxt)):
            # Two rows that read alike (an employer's variants of one ad):
            # the id tells them apart.
            yield _cut(f"{'':>17}id: {r.id}", WIDTH) + "\n"
        if r.top_missing_must:
            yield _cut(f"{'':>17}missing: {', '.join(r.top_missing_must)}", WIDTH) + "\n"
        before, r = here, nxt
    if edits:
        yield "\n" + s(f"Edits that would help most across {n} postings", "bold") + "\n"
        yield f"  {'points':>8} {'postings':>8}  keyword\n"
        for e in edits:
            yield _cut(f"  {e.points:>8.1f} {e.postings:>8}  {e.label} ({e.tier})", WIDTH) + "\n"
    for status, heading in (("duplicate", "Duplicates (scored once)"), ("error", "Errors")):
        if r is None or r.status != status:
            continue
        yield "\n" + s(heading, "bold") + "\n"
        while r is not None and r.status == status:
            text = f"same text as {r.duplicate_of}" if status == "duplicate" else r.error
            yield _cut(f"  {r.id}: {text}", WIDTH) + "\n"
            r = next(records, None)


def write_batch(
    records: Iterable[BatchRecord],
    sink: TextIO,
    format: str,
    *,
    resume: str,
    top: int | None = None,
    min_score: float | None = None,
    color: bool = False,
    on_record: Callable[[BatchRecord], None] | None = None,
    on_done: Callable[[], None] | None = None,
) -> None:
    """Write a batch in ``format`` (text, csv, jsonl, html).

    CSV and JSON Lines stream one record at a time in input order; with
    ``top`` (and always for the text table) only the best ``top`` are kept
    while records stream in, then written ranked. ``min_score`` drops
    scored records below it; ``on_record`` sees every record as it arrives
    and ``on_done`` runs once all have (before a ranked output is written).
    """
    from ..batch import RankedSpill, TopRanked

    streaming = format in ("csv", "jsonl") and top is None
    if format == "csv":
        sink.write(",".join(CSV_FIELDS) + "\n")
    # Without --top every record is kept for the ranked output: on disk past
    # a few thousand, so memory does not grow with the number of postings.
    kept: TopRanked | RankedSpill = TopRanked(top) if top is not None else RankedSpill()
    with contextlib.ExitStack() as stack:
        if isinstance(kept, RankedSpill):
            stack.callback(kept.close)
        for record in records:
            if on_record is not None:
                on_record(record)
            if (
                min_score is not None
                and record.status == "scored"
                and (record.score or 0) < min_score
            ):
                continue
            if streaming:
                sink.write(record_line(record, format))
                sink.flush()
            else:
                kept.add(record)
        if on_done is not None:
            on_done()
        if not streaming:
            _write_ranked(kept, sink, format, resume, color)


def _write_ranked(
    kept: TopRanked | RankedSpill, sink: TextIO, format: str, resume: str, color: bool
) -> None:
    from ..batch import RankedSpill, aggregate_edits

    if isinstance(kept, RankedSpill):
        ranked, counts = kept.ranked, kept.counts
    else:
        held = kept.ranked()
        ranked, counts = (lambda: iter(held)), _counts(held)
    if format in ("csv", "jsonl"):
        for record in ranked():
            sink.write(record_line(record, format))
        return
    # One pass for the edits (summed in rank order, as always), one to write.
    edits = aggregate_edits(r for r in ranked() if r.status == "scored")
    if format == "text":
        chunks = iter_table(ranked(), counts, edits, resume, color=color)
    else:
        from .html_batch import iter_batch_html

        chunks = iter_batch_html(ranked(), counts, edits, resume)
    for chunk in chunks:
        sink.write(chunk)
