"""The ``amfit`` command line: parse arguments, call the library, render.

:mod:`.app` holds the Typer application, :mod:`.options` every option,
:mod:`.run` error handling and output, :mod:`.commands` and :mod:`.batch`
the commands. ``[project.scripts] amfit = "amfit.cli:entry"``.

Exit codes: 0 success; 1 ``--fail-under`` not met; 2 bad input or usage;
3 internal error (``AMFIT_DEBUG=1`` shows the traceback); 4 some batch
postings could not be read; 130 interrupted (Ctrl-C); 143 terminated
(SIGTERM).
"""

from __future__ import annotations

import gc
import os
import signal
import sys

import typer

from ..errors import EXIT_INTERNAL
from . import batch, commands, run  # noqa: F401  (register the commands on `app`)
from .app import app
from .run import Terminated

__all__ = ["app", "entry", "main"]


def main() -> None:
    """Console-script entry point."""

    signal.signal(signal.SIGTERM, _terminate)
    # Start-up (spaCy, amfit's modules, the taxonomy) makes ~100k objects that
    # live as long as the process and next to no cyclic garbage, yet the
    # collector walked them again and again: ~0.14G instructions of a cold
    # `amfit score`, 4% of it. A one-document command runs without it (the
    # input limits bound its memory); `batch` turns it back on.
    gc.disable()
    try:
        app()
    except SystemExit:
        raise
    except Exception as exc:  # pragma: no cover - last resort, never a traceback
        if os.environ.get("AMFIT_DEBUG"):
            raise
        typer.echo(f"amfit: error: internal error: {type(exc).__name__}: {exc}", err=True)
        sys.exit(EXIT_INTERNAL)
    finally:
        gc.enable()


def entry() -> None:
    """Console-script entry point (and ``python -m amfit``): :func:`main`,
    then out of the process without the interpreter's tear-down.

    Tearing down frees every object of spaCy, the taxonomy and the report
    one by one and runs the collector over them: ~0.2G instructions of a
    cold `amfit score`, 4% of it, for memory the process is giving back
    anyway (mypy leaves the same way). Once stdout and stderr are flushed
    nothing is lost: the one-document commands write their output with
    ``emit`` (closed files) and start no thread or process. A command that
    leaves work to the tear-down (batch: worker pools, spilled files) asks
    for it with :func:`.run.full_exit`, and a flush that fails (a closed
    pipe) leaves the exit to Python, which reports it as always."""
    try:
        main()
    except SystemExit as exc:
        code = exc.code
        if isinstance(code, int | None) and not run.wants_full_exit():
            try:
                sys.stdout.flush()
                sys.stderr.flush()
            except BaseException:
                raise exc from None
            os._exit(code or 0)
        raise


def _terminate(signum: int, frame: object) -> None:
    """SIGTERM unwinds like Ctrl-C does (batch workers are stopped on the way
    out) and ends with one line and exit code 143."""
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # one is enough
    raise Terminated()
