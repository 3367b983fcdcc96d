"""The ``amfit`` command line: parse arguments, call the library, render.

Exit codes: 0 success; 1 ``--fail-under`` not met; 2 bad input or usage;
3 internal error (``AMFIT_DEBUG=1`` shows the traceback).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

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

RESUME_HELP = "Resume file: text, Markdown, PDF, DOCX, HTML or JSON Resume; - reads stdin."
POSTING_HELP = "Job posting file: text, Markdown, PDF, DOCX or HTML; - reads stdin."

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
SelectOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--select",
        help="Only these rule codes or prefixes (AM2, AM401); comma-separated or repeated.",
    ),
]
IgnoreOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--ignore", help="Skip these rule codes or prefixes; comma-separated or repeated."
    ),
]
PreviewOpt = Annotated[
    bool, typer.Option("--preview", help="Also run preview rules (off by default).")
]
ColorOpt = Annotated[
    bool | None,
    typer.Option(
        "--color/--no-color",
        help="Colour the text report (default: on a terminal, unless NO_COLOR is set).",
    ),
]


def _codes(values: list[str] | None) -> tuple[str, ...]:
    return tuple(c.strip() for v in values or () for c in v.split(",") if c.strip())


def _source(path: Path) -> str:
    """How an input is named in reports: its path, or <stdin> for '-'."""
    from .readers import STDIN, STDIN_NAME

    return STDIN_NAME if str(path) == STDIN else str(path)


def _fail(message: str, code: int) -> None:
    typer.echo(f"amfit: error: {message}", err=True)
    raise typer.Exit(code)


def _guard(fn: Callable[[], T]) -> T:
    """Run a command body: known errors become one line and exit code 2; a
    non-zero int returned by the body becomes the exit code."""
    try:
        result = fn()
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
    else:
        if isinstance(result, int) and result:
            raise typer.Exit(result)
        return result
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
    resume: Annotated[Path, typer.Argument(help=RESUME_HELP)],
    posting: Annotated[Path, typer.Argument(help=POSTING_HELP)],
    format: FormatOpt = Format.text,
    output: OutputOpt = None,
    explain: Annotated[
        bool, typer.Option("--explain", help="Show how every keyword matched and where.")
    ] = False,
    keywords: KeywordsOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    preview: PreviewOpt = False,
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
        from .fit.scorer import score_documents
        from .readers import STDIN, read_document

        if str(resume) == STDIN and str(posting) == STDIN:
            raise InputError("only one of RESUME and POSTING can be '-' (standard input)")
        resume_doc = read_document(resume)
        posting_doc = read_document(posting)
        report = score_documents(
            resume_doc,
            posting_doc,
            keywords=tuple(keywords or ()),
            resume_source=_source(resume),
            posting_source=_source(posting),
            lint={"select": _codes(select), "ignore": _codes(ignore), "preview": preview},
        )
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

    _guard(run)


@app.command()
def keywords(
    posting: Annotated[Path, typer.Argument(help=POSTING_HELP)],
    format: FormatOpt = Format.text,
    output: OutputOpt = None,
    keywords: KeywordsOpt = None,
) -> None:
    """List what a posting asks for, with tiers and the reason for each.

    Example: amfit keywords posting.txt --format json
    """

    def run() -> None:
        from .fit.scorer import analyze_posting
        from .readers import read_document

        text = read_document(posting).text
        analysis = analyze_posting(text, keywords=tuple(keywords or ()), source=_source(posting))
        if format is Format.json:
            from .render.json import dumps

            out = dumps(analysis.to_dict())
        else:
            from .render.keywords import render_keywords

            out = render_keywords(analysis, markdown=format is Format.markdown)
        _emit(out, output, [posting])

    _guard(run)


class FailOn(StrEnum):
    warning = "warning"
    error = "error"


FailOnOpt = Annotated[
    FailOn | None,
    typer.Option("--fail-on", help="Exit 1 when a finding is at least this severe."),
]


def _emit_findings(
    report: Any,
    format: Format,
    output: Path | None,
    inputs: list[Path],
    color: bool | None,
    fail_on: FailOn | None,
    render_text: Callable[..., str],
    render_markdown: Callable[[Any], str],
) -> int:
    """Render a findings report (bullets, letter) and apply --fail-on."""
    from .lint import Severity

    if format is Format.json:
        from .render.json import dumps

        text = dumps(report.to_dict())
    elif format is Format.markdown:
        text = render_markdown(report)
    else:
        text = render_text(report, color=_use_color(color, output))
    _emit(text, output, inputs)
    worst = report.worst()
    if fail_on is not None and worst is not None and worst >= Severity[fail_on.value]:
        return EXIT_THRESHOLD
    return 0


@app.command()
def bullets(
    resume: Annotated[Path, typer.Argument(help=RESUME_HELP)],
    format: FormatOpt = Format.text,
    output: OutputOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    preview: PreviewOpt = False,
    fail_on: FailOnOpt = None,
    color: ColorOpt = None,
) -> None:
    """Lint every resume bullet: findings with rule codes and rewrite suggestions.

    Example: amfit bullets resume.md --select AM2,AM3 --fail-on warning
    """

    def run() -> int:
        from .lint import lint_resume
        from .readers import read_document

        report = lint_resume(
            read_document(resume).text,
            source=_source(resume),
            select=_codes(select),
            ignore=_codes(ignore),
            preview=preview,
        )
        from .render.lint import render_lint_markdown, render_lint_text

        return _emit_findings(
            report,
            format,
            output,
            [resume],
            color,
            fail_on,
            render_lint_text,
            render_lint_markdown,
        )

    _guard(run)


@app.command()
def letter(
    cover: Annotated[Path, typer.Argument(help="Cover letter (any supported format).")],
    posting: Annotated[Path, typer.Argument(help=POSTING_HELP)],
    format: FormatOpt = Format.text,
    output: OutputOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    preview: PreviewOpt = False,
    fail_on: FailOnOpt = None,
    color: ColorOpt = None,
) -> None:
    """Check a cover letter against the posting: length, opener, closing, title, story.

    Example: amfit letter cover.md posting.txt --format markdown -o letter-review.md
    """

    def run() -> int:
        from .letter import check_letter
        from .readers import STDIN, read_document

        if str(cover) == STDIN and str(posting) == STDIN:
            raise InputError("only one of COVER and POSTING can be '-' (standard input)")
        report = check_letter(
            read_document(cover).text,
            read_document(posting).text,
            source=_source(cover),
            select=_codes(select),
            ignore=_codes(ignore),
            preview=preview,
        )
        from .render.letter import render_letter_markdown, render_letter_text

        return _emit_findings(
            report,
            format,
            output,
            [cover, posting],
            color,
            fail_on,
            render_letter_text,
            render_letter_markdown,
        )

    _guard(run)


@app.command()
def rules(format: FormatOpt = Format.text) -> None:
    """List every bullet rule: code, name, severity, status, scope.

    Example: amfit rules --format json
    """

    def run() -> None:
        from .lint import REGISTRY
        from .render.lint import render_rules_text, rule_dict

        if format is Format.json:
            from .render.json import dumps

            sys.stdout.write(dumps({"rules": [rule_dict(r) for r in REGISTRY.all()]}))
        else:
            sys.stdout.write(render_rules_text(REGISTRY.all()))

    _guard(run)


@app.command()
def rule(
    code: Annotated[str, typer.Argument(help="Rule code, e.g. AM201.")],
    format: FormatOpt = Format.text,
) -> None:
    """Explain one rule: what it flags, why, an example, what to write instead.

    Example: amfit rule AM201
    """

    def run() -> None:
        from .lint import REGISTRY
        from .render.lint import render_rule_text, rule_dict

        found = REGISTRY.get(code)
        if format is Format.json:
            from .render.json import dumps

            sys.stdout.write(dumps(rule_dict(found)))
        else:
            sys.stdout.write(render_rule_text(found))

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


# Commands kept in their own modules register themselves on `app`.
from . import cli_batch  # noqa: E402, F401
