"""The single-report commands: score, keywords, bullets, letter, rules, rule."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import EXIT_THRESHOLD, InputError
from ..model import LintReport, Severity
from ..render import Format, render
from .app import app
from .options import (
    POSTING_HELP,
    RESUME_HELP,
    AsOfOpt,
    ColorOpt,
    FailOn,
    FailOnOpt,
    FormatOpt,
    IgnoreOpt,
    KeywordsOpt,
    OutputOpt,
    PreviewOpt,
    SelectOpt,
    codes,
)
from .run import emit, guard, source_name, use_color

if TYPE_CHECKING:  # pragma: no cover
    from ..model import LetterReport


@app.command()
def score(
    resume: Annotated[Path, typer.Argument(help=RESUME_HELP, metavar="RESUME")],
    posting: Annotated[Path, typer.Argument(help=POSTING_HELP, metavar="POSTING")],
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
        typer.Option(
            "--fail-under",
            help="Exit 1 when the score is below N (0-100).",
            min=0,
            max=100,
            metavar="N",
        ),
    ] = None,
    color: ColorOpt = None,
    bullets: Annotated[
        bool,
        typer.Option("--bullets", help="Show every bullet finding and its rewrite (text)."),
    ] = False,
    as_title: Annotated[
        str,
        typer.Option(
            "--as",
            metavar="TITLE",
            help="The role you target; compared with the posting's title instead of "
            "the resume's closest role.",
        ),
    ] = "",
    as_of: AsOfOpt = None,
) -> None:
    """Score a resume against a posting and report the gaps.

    Example: amfit score resume.md posting.txt --format markdown -o gap.md
    """

    def run() -> int:
        from ..checks import resolve_as_of
        from ..fit.scorer import score_documents
        from ..readers import STDIN, read_document

        month = resolve_as_of(as_of, "--as-of") if as_of is not None else None
        if str(resume) == STDIN and str(posting) == STDIN:
            raise InputError("only one of RESUME and POSTING can be '-' (standard input)")
        resume_doc = read_document(resume)
        posting_doc = read_document(posting)
        report = score_documents(
            resume_doc,
            posting_doc,
            keywords=tuple(keywords or ()),
            resume_source=source_name(resume),
            posting_source=source_name(posting),
            lint={"select": codes(select), "ignore": codes(ignore), "preview": preview},
            as_title=as_title.strip(),
            as_of=month,
        )
        text = render(
            report, format, color=use_color(color, output), explain=explain, bullets=bullets
        )
        emit(text, output, [resume, posting])
        if fail_under is not None and report.score < fail_under:
            typer.echo(
                f"amfit: score {report.score:.1f} is below --fail-under {fail_under:g}", err=True
            )
            return EXIT_THRESHOLD
        return 0

    guard(run)


@app.command()
def keywords(
    posting: Annotated[Path, typer.Argument(help=POSTING_HELP, metavar="POSTING")],
    format: FormatOpt = Format.text,
    output: OutputOpt = None,
    keywords: KeywordsOpt = None,
    explain: Annotated[
        bool,
        typer.Option("--explain", help="Show where each keyword is asked and how it matched."),
    ] = False,
) -> None:
    """List what a posting asks for, with tiers and the reason for each.

    Example: amfit keywords posting.txt --format json
    """

    def run() -> None:
        from ..fit.scorer import analyze_posting
        from ..readers import read_document

        text = read_document(posting).text
        analysis = analyze_posting(
            text, keywords=tuple(keywords or ()), source=source_name(posting)
        )
        emit(render(analysis, format, explain=explain), output, [posting])

    guard(run)


def _fail_on(report: LintReport | LetterReport, fail_on: FailOn | None) -> int:
    """Exit code 1 when a finding is at least as severe as --fail-on."""
    worst = report.worst()
    if fail_on is not None and worst is not None and worst >= Severity[fail_on.value]:
        return EXIT_THRESHOLD
    return 0


@app.command()
def bullets(
    resume: Annotated[Path, typer.Argument(help=RESUME_HELP, metavar="RESUME")],
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
        from ..lint import lint_resume
        from ..readers import read_document

        report = lint_resume(
            read_document(resume).text,
            source=source_name(resume),
            select=codes(select),
            ignore=codes(ignore),
            preview=preview,
        )
        emit(render(report, format, color=use_color(color, output)), output, [resume])
        return _fail_on(report, fail_on)

    guard(run)


@app.command()
def letter(
    cover: Annotated[
        Path, typer.Argument(help="Cover letter (any supported format).", metavar="COVER")
    ],
    posting: Annotated[Path, typer.Argument(help=POSTING_HELP, metavar="POSTING")],
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
        from ..letter import check_letter
        from ..readers import STDIN, read_document

        if str(cover) == STDIN and str(posting) == STDIN:
            raise InputError("only one of COVER and POSTING can be '-' (standard input)")
        report = check_letter(
            read_document(cover).text,
            read_document(posting).text,
            source=source_name(cover),
            select=codes(select),
            ignore=codes(ignore),
            preview=preview,
        )
        emit(render(report, format, color=use_color(color, output)), output, [cover, posting])
        return _fail_on(report, fail_on)

    guard(run)


@app.command()
def rules(format: FormatOpt = Format.text) -> None:
    """List every bullet rule: code, name, severity, status, scope.

    Example: amfit rules --format json
    """

    def run() -> None:
        from ..lint import REGISTRY

        sys.stdout.write(render(REGISTRY.all(), format))

    guard(run)


@app.command()
def rule(
    code: Annotated[str, typer.Argument(help="Rule code, e.g. AM201.", metavar="CODE")],
    format: FormatOpt = Format.text,
) -> None:
    """Explain one rule: what it flags, why, an example, what to write instead.

    Example: amfit rule AM201
    """

    def run() -> None:
        from ..lint import REGISTRY

        sys.stdout.write(render(REGISTRY.get(code), format))

    guard(run)
