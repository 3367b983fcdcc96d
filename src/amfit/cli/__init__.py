"""The ``amfit`` command line: parse arguments, call the library, render.

:mod:`.app` holds the Typer application, :mod:`.options` every option,
:mod:`.run` error handling and output, :mod:`.commands` and :mod:`.batch`
the commands. ``[project.scripts] amfit = "amfit.cli:main"``.

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
from . import batch, commands  # noqa: F401  (register the commands on `app`)
from .app import app
from .run import Terminated

__all__ = ["app", "main"]


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


def _terminate(signum: int, frame: object) -> None:
    """SIGTERM unwinds like Ctrl-C does (batch workers are stopped on the way
    out) and ends with one line and exit code 143."""
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # one is enough
    raise Terminated()
