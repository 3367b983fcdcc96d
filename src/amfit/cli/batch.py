"""``amfit batch``: one resume against many postings (registered on the main app)."""

from __future__ import annotations

import csv
import io
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..errors import EXIT_PARTIAL, InputError
from .app import app
from .options import ColorOpt, KeywordsOpt, OutputOpt
from .run import guard, use_color


class Engine(StrEnum):
    local = "local"
    dask = "dask"


class BatchFormat(StrEnum):
    text = "text"
    csv = "csv"
    jsonl = "jsonl"


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
WIDTH = 80


def _csv_row(record) -> str:  # type: ignore[no-untyped-def]
    data = record.to_dict(full=False)
    data["top_missing_must"] = "; ".join(data.get("top_missing_must", []))
    buf = io.StringIO()
    csv.DictWriter(buf, CSV_FIELDS, extrasaction="ignore", lineterminator="\n").writerow(data)
    return buf.getvalue()


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


def render_table(records, edits, resume: str, *, color: bool) -> str:  # type: ignore[no-untyped-def]
    from ..render.style import Style

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


class _Progress:
    """A one-line counter on stderr, only when stderr is a terminal."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.n = 0

    def tick(self) -> None:
        self.n += 1
        if self.enabled and self.n % 5 == 0:
            sys.stderr.write(f"\ramfit: scored {self.n} postings")
            sys.stderr.flush()

    def done(self) -> None:
        if self.enabled:
            sys.stderr.write(f"\ramfit: scored {self.n} postings\n")


@app.command()
def batch(
    resume: Annotated[Path, typer.Argument(help="Resume file.")],
    postings: Annotated[
        list[str],
        typer.Argument(help="Posting files, folders, globs, .jsonl or .csv files, or - (stdin)."),
    ],
    format: Annotated[
        BatchFormat, typer.Option("--format", "-f", help="text (ranked table), csv or jsonl.")
    ] = BatchFormat.text,
    output: OutputOpt = None,
    top: Annotated[int | None, typer.Option("--top", min=1, help="Keep the best N.")] = None,
    min_score: Annotated[
        float | None, typer.Option("--min-score", min=0, max=100, help="Drop scores below N.")
    ] = None,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", min=1, help="Processes (default: all cores).")
    ] = None,
    text_column: Annotated[
        str, typer.Option("--text-column", help="CSV/JSONL field holding the posting text.")
    ] = "text",
    keywords: KeywordsOpt = None,
    engine: Annotated[
        Engine,
        typer.Option("--engine", help="local processes, or a Dask cluster (amfit[dask])."),
    ] = Engine.local,
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="Dask scheduler address (default: a local cluster)."),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress on stderr.")] = False,
    color: ColorOpt = None,
) -> None:
    """Rank many postings for one resume, with the edits that help most.

    Example: amfit batch resume.md postings/ --top 20

    CSV and JSONL give one record per posting (JSONL: the full score report
    plus id and source) and stream in input order; with --top they are
    ranked. Exit code 4 when some postings could not be read.
    """

    def run() -> int:
        from ..batch import TopRanked, aggregate_edits, iter_postings, score_many
        from ..readers import read_text

        resume_text = read_text(resume)
        if output is not None and any(
            output.resolve() == Path(p).resolve() for p in postings if p != "-"
        ):
            raise InputError(f"{output}: refusing to overwrite an input file")
        items = iter_postings(postings, text_column=text_column)
        streaming = format is not BatchFormat.text and top is None
        options = {
            "keywords": tuple(str(k) for k in keywords or ()),
            "full_reports": format is BatchFormat.jsonl,
        }
        if engine is Engine.dask:
            from ..batch_dask import score_many_dask

            records = score_many_dask(resume_text, items, scheduler=scheduler, **options)
        else:
            records = score_many(resume_text, items, jobs=jobs, **options)
        progress = _Progress(not quiet)
        failed = False
        sink = sys.stdout if output is None else output.open("w", encoding="utf-8", newline="")
        try:
            if format is BatchFormat.csv:
                sink.write(",".join(CSV_FIELDS) + "\n")
            kept = TopRanked(top)
            for record in records:
                progress.tick()
                failed |= record.status == "error"
                if (
                    min_score is not None
                    and record.status == "scored"
                    and (record.score or 0) < min_score
                ):
                    continue
                if streaming:
                    sink.write(_line(record, format))
                    sink.flush()
                else:
                    kept.add(record)
            progress.done()
            if not streaming:
                ranked = kept.ranked()
                if format is BatchFormat.text:
                    edits = aggregate_edits(r for r in ranked if r.status == "scored")
                    sink.write(
                        render_table(ranked, edits, str(resume), color=use_color(color, output))
                    )
                else:
                    for record in ranked:
                        sink.write(_line(record, format))
        finally:
            if output is not None:
                sink.close()
        return EXIT_PARTIAL if failed else 0

    guard(run)


def _line(record, format: BatchFormat) -> str:  # type: ignore[no-untyped-def]
    if format is BatchFormat.csv:
        return _csv_row(record)
    return record.to_json() + "\n"
