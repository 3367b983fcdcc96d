"""The single-report commands: score, keywords, bullets, letter, rules, rule."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import EXIT_THRESHOLD, InputError
from ..render import Format
from .app import app
from .options import (
    POSTING_HELP,
    RESUME_HELP,
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
        from ..fit.scorer import score_documents
        from ..readers import STDIN, read_document

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
        )
        if format is Format.json:
            from ..render.json import dumps

            text = dumps(report.to_dict())
        elif format is Format.markdown:
            from ..render.markdown import render_markdown

            text = render_markdown(report, explain=explain)
        else:
            from ..render.text import render_text

            text = render_text(report, color=use_color(color, output), explain=explain)
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
    posting: Annotated[Path, typer.Argument(help=POSTING_HELP)],
    format: FormatOpt = Format.text,
    output: OutputOpt = None,
    keywords: KeywordsOpt = None,
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
        if format is Format.json:
            from ..render.json import dumps

            out = dumps(analysis.to_dict())
        else:
            from ..render.keywords import render_keywords

            out = render_keywords(analysis, markdown=format is Format.markdown)
        emit(out, output, [posting])

    guard(run)


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
    from ..lint import Severity

    if format is Format.json:
        from ..render.json import dumps

        text = dumps(report.to_dict())
    elif format is Format.markdown:
        text = render_markdown(report)
    else:
        text = render_text(report, color=use_color(color, output))
    emit(text, output, inputs)
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
        from ..lint import lint_resume
        from ..readers import read_document

        report = lint_resume(
            read_document(resume).text,
            source=source_name(resume),
            select=codes(select),
            ignore=codes(ignore),
            preview=preview,
        )
        from ..render.lint import render_lint_markdown, render_lint_text

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

    guard(run)


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
        from ..render.letter import render_letter_markdown, render_letter_text

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

    guard(run)


@app.command()
def rules(format: FormatOpt = Format.text) -> None:
    """List every bullet rule: code, name, severity, status, scope.

    Example: amfit rules --format json
    """

    def run() -> None:
        from ..lint import REGISTRY
        from ..render.lint import render_rules_text, rule_dict

        if format is Format.json:
            from ..render.json import dumps

            sys.stdout.write(dumps({"rules": [rule_dict(r) for r in REGISTRY.all()]}))
        else:
            sys.stdout.write(render_rules_text(REGISTRY.all()))

    guard(run)


@app.command()
def rule(
    code: Annotated[str, typer.Argument(help="Rule code, e.g. AM201.")],
    format: FormatOpt = Format.text,
) -> None:
    """Explain one rule: what it flags, why, an example, what to write instead.

    Example: amfit rule AM201
    """

    def run() -> None:
        from ..lint import REGISTRY
        from ..render.lint import render_rule_text, rule_dict

        found = REGISTRY.get(code)
        if format is Format.json:
            from ..render.json import dumps

            sys.stdout.write(dumps(rule_dict(found)))
        else:
            sys.stdout.write(render_rule_text(found))

    guard(run)
