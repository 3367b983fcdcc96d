"""The Typer application every command registers on, and its root options."""

from __future__ import annotations

from typing import Annotated

import typer

from .._version import __version__

app = typer.Typer(
    name="amfit",
    help="Offline ATS keyword matching for account-management resumes.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
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
