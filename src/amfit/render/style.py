"""Tiny ANSI styling for the text renderer (no colour unless asked)."""

from __future__ import annotations

CODES = {"bold": "1", "dim": "2", "red": "31", "green": "32", "yellow": "33", "cyan": "36"}


class Style:
    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, text: str, *names: str) -> str:
        if not self.color or not names:
            return text
        codes = ";".join(CODES[n] for n in names)
        return f"\x1b[{codes}m{text}\x1b[0m"
