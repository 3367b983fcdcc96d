"""Running a command body: one-line errors and exit codes, colour, writing output.

Exit codes: 0 success; 1 ``--fail-under`` / ``--fail-on`` met; 2 bad input
or usage; 3 internal error (``AMFIT_DEBUG=1`` shows the traceback); 4 some
batch postings could not be read; 130 interrupted (Ctrl-C); 143 terminated
(SIGTERM).
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO, TypeVar

import typer

from ..errors import EXIT_INTERNAL, AmfitError, InputError

T = TypeVar("T")

#: Exit codes of a run stopped from outside: 128 + the signal number.
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143


_full_exit = False


def full_exit() -> None:
    """Ask for the interpreter's full tear-down when the process ends (see
    :func:`amfit.cli.entry`): a batch leaves worker processes and spilled
    files to it."""
    global _full_exit
    _full_exit = True


def wants_full_exit() -> bool:
    return _full_exit


class Terminated(BaseException):
    """Raised by the CLI's SIGTERM handler; a BaseException, so that no
    ``except Exception`` on the way up mistakes it for an error to report."""


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
        fail("interrupted", EXIT_INTERRUPTED)
    except Terminated:
        fail("terminated (SIGTERM)", EXIT_TERMINATED)
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


def _write_error(output: Path, exc: OSError) -> InputError:
    if exc.errno == errno.ELOOP:
        return InputError(f"{output}: a symbolic link loop (the link leads back to itself)")
    return InputError(f"{output}: cannot write ({exc.strerror or exc})")


def open_output(output: Path) -> TextIO:
    """``output`` opened for writing text, or an :class:`InputError` saying why not."""
    try:
        return output.open("w", encoding="utf-8", newline="")
    except OSError as exc:
        raise _write_error(output, exc) from exc


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether two names lead to the same file; never raises (a link loop
    or a missing file is simply not the same file as anything else)."""
    try:
        return os.path.realpath(a) == os.path.realpath(b)
    except (OSError, ValueError):
        return False


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
    for p in inputs:
        if str(p) != "-" and same_file(output, p):
            raise InputError(f"{output}: refusing to overwrite an input file")
    try:
        output.write_text(text, encoding="utf-8", newline="\n")
    except OSError as exc:
        raise _write_error(output, exc) from exc
