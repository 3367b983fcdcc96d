"""The ``amfit`` command line: parse arguments, call the library, render.

:mod:`.app` holds the Typer application, :mod:`.options` every option,
:mod:`.run` error handling and output, :mod:`.commands` and :mod:`.batch`
the commands. ``[project.scripts] amfit = "amfit.cli:main"``.

Exit codes: 0 success; 1 ``--fail-under`` not met; 2 bad input or usage;
3 internal error (``AMFIT_DEBUG=1`` shows the traceback).
"""

from __future__ import annotations

import os
import sys

import typer

from ..errors import EXIT_INPUT
from . import batch, commands  # noqa: F401  (register the commands on `app`)
from .app import app

__all__ = ["app", "main"]


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
