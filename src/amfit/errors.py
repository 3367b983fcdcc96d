"""Errors the library raises. The CLI turns each into one line and an exit code.

Exit codes (documented in the README):

* 0 - success
* 1 - the run worked but a threshold failed (``--fail-under``)
* 2 - bad input or usage: missing, empty, binary, oversized or undecodable
  file, malformed taxonomy, unknown option
* 3 - an internal error (a bug in amfit); set ``AMFIT_DEBUG=1`` for the traceback
* 4 - ``amfit batch`` ran, but some postings could not be read (error records)
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_THRESHOLD = 1
EXIT_INPUT = 2
EXIT_INTERNAL = 3
EXIT_PARTIAL = 4


class AmfitError(Exception):
    """Base class for every error amfit raises on purpose."""

    exit_code: int = EXIT_INPUT

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(AmfitError):
    """A file or text the user gave cannot be used."""


class TaxonomyError(AmfitError):
    """A taxonomy or data file is malformed; the message names file and line."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")
        self.path = path
        self.line = line
