"""Running a command body: one-line errors and exit codes, colour, writing output.

Exit codes: 0 success; 1 ``--fail-under`` / ``--fail-on`` met; 2 bad input
or usage; 3 internal error (``AMFIT_DEBUG=1`` shows the traceback); 4 some
batch postings could not be read.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import typer

from ..errors import EXIT_INTERNAL, AmfitError, InputError

T = TypeVar("T")


def source_name(path: Path) -> str:
    """How an input is named in reports: its path, or <stdin> for '-'."""
    from ..readers import STDIN, STDIN_NAME

    return STDIN_NAME if str(path) == STDIN else str(path)


def fail(message: str, code: int) -> None:
    typer.echo(f"amfit: error: {message}", err=True)
    raise typer.Exit(code)


def guard(fn: Callable[[], T]) -> T:
    """Run a command body: known errors become one line and exit code 2; a
    non-zero int returned by the body becomes the exit code."""
    try:
        result = fn()
    except AmfitError as exc:
        fail(str(exc), exc.exit_code)
    except KeyboardInterrupt:
        fail("interrupted", 130)
    except Exception as exc:  # a bug: one line, unless debugging
        if os.environ.get("AMFIT_DEBUG"):
            raise
        fail(
            f"internal error: {type(exc).__name__}: {exc} (set AMFIT_DEBUG=1 for details)",
            EXIT_INTERNAL,
        )
    else:
        if isinstance(result, int) and result:
            raise typer.Exit(result)
        return result
    raise AssertionError("unreachable")  # pragma: no cover


def use_color(color: bool | None, output: Path | None) -> bool:
    if color is not None:
        return color
    if output is not None or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def emit(text: str, output: Path | None, inputs: list[Path]) -> None:
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
