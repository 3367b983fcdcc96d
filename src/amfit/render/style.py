"""What the text renderers share: tiny ANSI styling (no colour unless
asked) and wrapping to 80 columns."""

from __future__ import annotations

import textwrap

#: Width of every text report.
WIDTH = 80

CODES = {"bold": "1", "dim": "2", "red": "31", "green": "32", "yellow": "33", "cyan": "36"}


class Style:
    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, text: str, *names: str) -> str:
        if not self.color or not names:
            return text
        codes = ";".join(CODES[n] for n in names)
        return f"\x1b[{codes}m{text}\x1b[0m"


def wrap(text: str, indent: str, first: str | None = None) -> list[str]:
    """Wrap to 80 columns; ``first`` is the first line's indent (default
    ``indent``). Never breaks at hyphens; an empty text gives one line."""
    lead = indent if first is None else first
    return textwrap.wrap(
        text, width=WIDTH, initial_indent=lead, subsequent_indent=indent, break_on_hyphens=False
    ) or [lead]
