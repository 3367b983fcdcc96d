"""The ``amfit`` command line: parse arguments, call the library, render.

Exit codes: 0 success; 1 ``--fail-under`` not met; 2 bad input or usage;
3 internal error (``AMFIT_DEBUG=1`` shows the traceback).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from ._version import __version__
from .errors import EXIT_INPUT, EXIT_INTERNAL, EXIT_THRESHOLD, AmfitError, InputError
from .render import Format

app = typer.Typer(
    name="amfit",
    help="Offline ATS keyword matching for account-management resumes.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

T = TypeVar("T")

FormatOpt = Annotated[
    Format, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
]
OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", help="Write the report to FILE instead of stdout.", dir_okay=False
    ),
]
KeywordsOpt = Annotated[
    list[Path] | None,
    typer.Option("--keywords", "-k", help="Extra taxonomy TOML file (repeatable).", dir_okay=False),
]
ColorOpt = Annotated[
    bool | None,
    typer.Option(
        "--color/--no-color",
        help="Colour the text report (default: on a terminal, unless NO_COLOR is set).",
    ),
]


def _fail(message: str, code: int) -> None:
    typer.echo(f"amfit: error: {message}", err=True)
    raise typer.Exit(code)


def _guard(fn: Callable[[], T]) -> T:
    """Run library code: known errors become one line and exit code 2."""
    try:
        return fn()
    except AmfitError as exc:
        _fail(str(exc), exc.exit_code)
    except KeyboardInterrupt:
        _fail("interrupted", 130)
    except Exception as exc:  # a bug: one line, unless debugging
        if os.environ.get("AMFIT_DEBUG"):
            raise
        _fail(
            f"internal error: {type(exc).__name__}: {exc} (set AMFIT_DEBUG=1 for details)",
            EXIT_INTERNAL,
        )
    raise AssertionError("unreachable")  # pragma: no cover


def _use_color(color: bool | None, output: Path | None) -> bool:
    if color is not None:
        return color
    if output is not None or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def _emit(text: str, output: Path | None, inputs: list[Path]) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    target = output.resolve()
    for p in inputs:
        if p.exists() and p.resolve() == target:
            raise InputError(f"{output}: refusing to overwrite an input file")
    try:
        output.write_text(text, encoding="utf-8", newline="\n")
    except OSError as exc:
        raise InputError(f"{output}: cannot write ({exc.strerror or exc})") from exc


def _version(value: bool) -> None:
    if value:
        typer.echo(f"amfit {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool | None,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = None,
) -> None:
    """Offline ATS keyword matching for account-management resumes.

    Example: amfit score resume.md posting.txt
    """


@app.command()
def score(
    resume: Annotated[Path, typer.Argument(help="Resume file (Markdown or plain text).")],
    posting: Annotated[Path, typer.Argument(help="Job posting file (plain text or Markdown).")],
    format: FormatOpt = Format.text,
    output: OutputOpt = None,
    explain: Annotated[
        bool, typer.Option("--explain", help="Show how every keyword matched and where.")
    ] = False,
    keywords: KeywordsOpt = None,
    fail_under: Annotated[
        float | None,
        typer.Option("--fail-under", help="Exit 1 when the score is below N.", min=0, max=100),
    ] = None,
    color: ColorOpt = None,
) -> None:
    """Score a resume against a posting and report the gaps.

    Example: amfit score resume.md posting.txt --format markdown -o gap.md
    """

    def run() -> int:
        from .engine import score_files

        report = score_files(resume, posting, keywords=tuple(keywords or ()))
        if format is Format.json:
            from .render.json import dumps

            text = dumps(report.to_dict())
        elif format is Format.markdown:
            from .render.markdown import render_markdown

            text = render_markdown(report, explain=explain)
        else:
            from .render.text import render_text

            text = render_text(report, color=_use_color(color, output), explain=explain)
        _emit(text, output, [resume, posting])
        if fail_under is not None and report.score < fail_under:
            typer.echo(
                f"amfit: score {report.score:.1f} is below --fail-under {fail_under:g}", err=True
            )
            return EXIT_THRESHOLD
        return 0

    code = _guard(run)
    if code:
        raise typer.Exit(code)


@app.command()
def keywords(
    posting: Annotated[Path, typer.Argument(help="Job posting file.")],
    format: FormatOpt = Format.text,
    output: OutputOpt = None,
    keywords: KeywordsOpt = None,
) -> None:
    """List what a posting asks for, with tiers and the reason for each.

    Example: amfit keywords posting.txt --format json
    """

    def run() -> None:
        from .engine import analyze_posting
        from .textio import read_text

        text = read_text(posting)
        analysis = analyze_posting(text, keywords=tuple(keywords or ()), source=str(posting))
        if format is Format.json:
            from .render.json import dumps

            out = dumps(analysis.to_dict())
        else:
            from .render.keywords import render_keywords

            out = render_keywords(analysis, markdown=format is Format.markdown)
        _emit(out, output, [posting])

    _guard(run)


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except SystemExit:
        raise
    except Exception as exc:  # pragma: no cover - last resort, never a traceback
        if os.environ.get("AMFIT_DEBUG"):
            raise
        typer.echo(f"amfit: error: {exc}", err=True)
        sys.exit(EXIT_INPUT)
