"""The word lists of ``keywords/lint.toml``, compiled once.

A list entry matches case-insensitively on word boundaries; a trailing
``*`` matches any ending. :func:`find` returns the first match so a
finding can quote it.
"""

from __future__ import annotations

import re
from functools import cache

from ..errors import TaxonomyError
from ..resources import keywords_path, parse_toml, toml_error


@cache
def _data() -> dict:
    path = keywords_path("lint.toml")
    try:
        return parse_toml(path.read_text(encoding="utf-8"))
    except toml_error() as exc:
        m = re.search(r"at line (\d+)", str(exc))
        raise TaxonomyError(str(path), int(m.group(1)) if m else None, str(exc)) from exc


def _entry_pattern(entry: str) -> str:
    stem = entry.rstrip("*")
    body = re.escape(stem).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]?")
    tail = r"[\w'-]*" if entry.endswith("*") else ""
    lead = r"(?<![\w-])" if stem[:1].isalnum() else ""
    end = r"(?![\w-])" if stem[-1:].isalnum() or entry.endswith("*") else ""
    return f"{lead}{body}{tail}{end}"


@cache
def pattern(name: str) -> re.Pattern[str]:
    """One regex matching any entry of list ``name`` (longest entries first)."""
    entries = _data()["phrases"].get(name)
    if not entries:
        raise TaxonomyError(str(keywords_path("lint.toml")), None, f"no list '{name}'")
    ordered = sorted(entries, key=lambda e: (-len(e), e))
    return re.compile("|".join(_entry_pattern(e) for e in ordered), re.IGNORECASE)


def find(name: str, text: str) -> re.Match[str] | None:
    return pattern(name).search(text)


def find_all(name: str, text: str) -> list[re.Match[str]]:
    return list(pattern(name).finditer(text))
