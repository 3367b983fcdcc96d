"""``amfit batch``: one resume against many postings (registered on the main app).

The table, CSV and JSON Lines output, and keeping the best N, are
:mod:`amfit.render.batch`."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import EXIT_PARTIAL, InputError
from .app import app
from .options import AsOfOpt, ColorOpt, KeywordsOpt, OutputOpt
from .run import full_exit, guard, open_output, same_file, use_color

if TYPE_CHECKING:  # pragma: no cover
    from ..model import BatchRecord


class Engine(StrEnum):
    local = "local"
    dask = "dask"


class BatchFormat(StrEnum):
    text = "text"
    csv = "csv"
    jsonl = "jsonl"
    html = "html"


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
    resume: Annotated[Path, typer.Argument(help="Resume file.", metavar="RESUME")],
    postings: Annotated[
        list[str],
        typer.Argument(
            help="Posting files, folders, globs, .jsonl or .csv files, or - (stdin).",
            metavar="POSTINGS",
        ),
    ],
    format: Annotated[
        BatchFormat,
        typer.Option(
            "--format", "-f", help="text (ranked table), csv, jsonl or html (ranked table page)."
        ),
    ] = BatchFormat.text,
    output: OutputOpt = None,
    top: Annotated[
        int | None, typer.Option("--top", min=1, help="Keep the best N.", metavar="N")
    ] = None,
    min_score: Annotated[
        float | None,
        typer.Option(
            "--min-score", min=0, max=100, help="Drop scores below N (0-100).", metavar="N"
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help="Processes (default: all cores).", metavar="N"),
    ] = None,
    text_column: Annotated[
        str,
        typer.Option(
            "--text-column", help="CSV/JSONL field holding the posting text.", metavar="NAME"
        ),
    ] = "text",
    keywords: KeywordsOpt = None,
    engine: Annotated[
        Engine,
        typer.Option("--engine", help="local processes, or a Dask cluster (amfit[dask])."),
    ] = Engine.local,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="Dask scheduler address (default: a local cluster).",
            metavar="ADDRESS",
        ),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress on stderr.")] = False,
    color: ColorOpt = None,
    as_of: AsOfOpt = None,
) -> None:
    """Rank many postings for one resume, with the edits that help most.

    Example: amfit batch resume.md postings/ --top 20

    HTML writes the ranked table and the edits as one self-contained page.
    CSV and JSONL give one record per posting (JSONL: the full score report
    plus id and source) and stream in input order; with --top they are
    ranked. Exit code 4 when some postings could not be read.
    """

    def run() -> int:
        import gc

        # Off for start-up (cli.main); over many postings garbage adds up.
        gc.enable()
        full_exit()
        from ..batch import iter_postings, score_many
        from ..checks import resolve_as_of
        from ..readers import read_text

        month = resolve_as_of(as_of, "--as-of") if as_of is not None else None
        resume_text = read_text(resume)
        if output is not None and any(same_file(output, p) for p in postings if p != "-"):
            raise InputError(f"{output}: refusing to overwrite an input file")
        items = iter_postings(postings, text_column=text_column)
        options = {
            "keywords": tuple(str(k) for k in keywords or ()),
            "full_reports": format is BatchFormat.jsonl,
            "as_of": month,
        }
        if engine is Engine.dask:
            from ..batch_dask import score_many_dask

            records = score_many_dask(resume_text, items, scheduler=scheduler, **options)
        else:
            records = score_many(resume_text, items, jobs=jobs, **options)
        from ..render.batch import write_batch

        progress = _Progress(not quiet)
        failed = False

        def seen(record: BatchRecord) -> None:
            nonlocal failed
            progress.tick()
            failed |= record.status == "error"

        sink = sys.stdout if output is None else open_output(output)
        try:
            write_batch(
                records,
                sink,
                format.value,
                resume=str(resume),
                top=top,
                min_score=min_score,
                color=use_color(color, output),
                on_record=seen,
                on_done=progress.done,
            )
        finally:
            if output is not None:
                sink.close()
        return EXIT_PARTIAL if failed else 0

    guard(run)
