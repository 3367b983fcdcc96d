"""Batch output (``amfit batch``): the ranked table, CSV rows, JSON Lines,
and the writer that streams records or keeps the best N before ranking."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, TextIO

from .style import WIDTH, Style

if TYPE_CHECKING:  # pragma: no cover
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


def render_table(records: list[BatchRecord], edits: list[Edit], resume: str, *, color: bool) -> str:
    s = Style(color)
    scored = [r for r in records if r.status == "scored"]
    dupes = [r for r in records if r.status == "duplicate"]
    errors = [r for r in records if r.status == "error"]
    out = [
        s(f"{len(scored)} postings ranked for {resume}", "bold")
        + (f" ({len(dupes)} duplicates, {len(errors)} errors)" if dupes or errors else "")
    ]
    out.append("")
    out.append(f"{'rank':>4} {'score':>5} {'must':>5}  {'title':<33} company")
    for i, r in enumerate(scored, start=1):
        must = f"{r.must_found}/{r.must_total}"
        out.append(
            f"{i:>4} {r.score:>5.1f} {must:>5}  {_cut(r.title or r.id, 33):<33} "
            f"{_cut(r.company, 26):<26}".rstrip()
        )
        if r.top_missing_must:
            out.append(_cut(f"{'':>17}missing: {', '.join(r.top_missing_must)}", WIDTH))
    if edits:
        out += ["", s(f"Edits that would help most across {len(scored)} postings", "bold")]
        out.append(f"  {'points':>8} {'postings':>8}  keyword")
        for e in edits:
            out.append(_cut(f"  {e.points:>8.1f} {e.postings:>8}  {e.label} ({e.tier})", WIDTH))
    if dupes:
        out += ["", s("Duplicates (scored once)", "bold")]
        out += [_cut(f"  {r.id}: same text as {r.duplicate_of}", WIDTH) for r in dupes]
    if errors:
        out += ["", s("Errors", "bold")]
        out += [_cut(f"  {r.id}: {r.error}", WIDTH) for r in errors]
    return "\n".join(out) + "\n"


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
    from ..batch import TopRanked, aggregate_edits

    streaming = format in ("csv", "jsonl") and top is None
    if format == "csv":
        sink.write(",".join(CSV_FIELDS) + "\n")
    kept = TopRanked(top)
    for record in records:
        if on_record is not None:
            on_record(record)
        if min_score is not None and record.status == "scored" and (record.score or 0) < min_score:
            continue
        if streaming:
            sink.write(record_line(record, format))
            sink.flush()
        else:
            kept.add(record)
    if on_done is not None:
        on_done()
    if streaming:
        return
    ranked = kept.ranked()
    if format == "text":
        edits = aggregate_edits(r for r in ranked if r.status == "scored")
        sink.write(render_table(ranked, edits, resume, color=color))
    elif format == "html":
        from .html_batch import render_batch_html

        edits = aggregate_edits(r for r in ranked if r.status == "scored")
        sink.write(render_batch_html(ranked, edits, resume))
    else:
        for record in ranked:
            sink.write(record_line(record, format))
