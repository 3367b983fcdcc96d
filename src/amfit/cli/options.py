"""Every command-line option and argument help, declared once for all commands."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..render import Format

RESUME_HELP = "Resume file: text, Markdown, PDF, DOCX, HTML or JSON Resume; - reads stdin."
POSTING_HELP = "Job posting file: text, Markdown, PDF, DOCX or HTML; - reads stdin."

FormatOpt = Annotated[
    Format, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
]
OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write the report to FILE instead of stdout.",
        dir_okay=False,
        metavar="FILE",
    ),
]
KeywordsOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--keywords",
        "-k",
        help="Extra taxonomy TOML file (repeatable).",
        dir_okay=False,
        metavar="TOML",
    ),
]
SelectOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--select",
        help="Only these rule codes or prefixes (AM2, AM401); comma-separated or repeated.",
        metavar="CODES",
    ),
]
IgnoreOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--ignore",
        help="Skip these rule codes or prefixes; comma-separated or repeated.",
        metavar="CODES",
    ),
]
PreviewOpt = Annotated[
    bool, typer.Option("--preview", help="Also run preview rules (off by default).")
]
AsOfOpt = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        help="The date 'Present' / 'Current' in role dates stands for (YYYY-MM or YYYY-MM-DD; "
        "default: AMFIT_TODAY, else today): years of experience and gaps count to it.",
        metavar="DATE",
    ),
]
ColorOpt = Annotated[
    bool | None,
    typer.Option(
        "--color/--no-color",
        help="Colour the text report (default: on a terminal, unless NO_COLOR is set).",
    ),
]


class FailOn(StrEnum):
    warning = "warning"
    error = "error"


FailOnOpt = Annotated[
    FailOn | None,
    typer.Option(
        "--fail-on", help="Exit 1 when a finding is at least this severe.", metavar="LEVEL"
    ),
]


def codes(values: list[str] | None) -> tuple[str, ...]:
    """Rule codes from repeated and comma-separated --select / --ignore values."""
    return tuple(c.strip() for v in values or () for c in v.split(",") if c.strip())
