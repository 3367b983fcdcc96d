"""The Typer application every command registers on, and its root options.

Usage errors (an unknown option, a missing argument, a value of the wrong
type) are one line, ``amfit: error: ...``, and exit code 2, like every
other bad input: :class:`OneLineErrors` catches click's errors where the
command line is parsed, for the root and for every command.
"""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from .._version import __version__
from ..errors import EXIT_INPUT

# Typer may use click or its own copy of it: take the classes from the
# public ``typer.BadParameter`` (a UsageError, a ClickException).
_USAGE_ERROR = typer.BadParameter.__mro__[1]
_CLICK_ERROR = typer.BadParameter.__mro__[2]
_NO_ARGS = getattr(sys.modules[_USAGE_ERROR.__module__], "NoArgsIsHelpError", ())


def usage_line(exc: Exception) -> str:
    """A click error as one ``amfit: error:`` line naming the command's help."""
    message = " ".join(exc.format_message().split()).rstrip(".")
    ctx = getattr(exc, "ctx", None)
    where = ctx.command_path if ctx is not None else "amfit"
    return f"amfit: error: {message}; see '{where} --help'"


class OneLineErrors(TyperGroup):
    """The root group: a usage error anywhere becomes one line and exit 2."""

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)
        except _NO_ARGS:
            raise  # bare ``amfit``: the help text
        except _CLICK_ERROR as exc:
            raise _one_line(exc) from exc

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        for param in getattr(command, "params", ()):
            if getattr(param, "param_type_name", "") == "argument" and param.metavar:
                # The metavar (RESUME, POSTINGS...) says it; not "<list[str]>" after it.
                param.display_type_rich = _no_type
        return command

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except _NO_ARGS:
            raise
        except _CLICK_ERROR as exc:
            raise _one_line(exc) from exc


def _no_type(ctx: Any) -> None:
    return None


def _one_line(exc: Exception) -> typer.Exit:
    typer.echo(usage_line(exc), err=True)
    code = getattr(exc, "exit_code", EXIT_INPUT)
    code = code if code not in (0, 1) else EXIT_INPUT
    return typer.Exit(code)


app = typer.Typer(
    name="amfit",
    cls=OneLineErrors,
    help="Offline ATS keyword matching for account-management resumes.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


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
