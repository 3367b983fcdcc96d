"""Phrase lists kept as data: a TOML file of named lists and rule tables,
read with ``file:line`` errors, and the regexes built from a list.

A file has a ``[lists]`` table of named lists of phrases and, optionally,
arrays of tables (``[[existence]]``...) that data-defined rules read. Every
error names the file and the line of the list or table it is about. How a
list matches is the caller's choice, one of:

* :func:`word_pattern`: any entry as whole words (``\\b`` at both ends),
  case-insensitive unless asked; a trailing ``*`` matches any word ending.
* :func:`substring_pattern`: any entry anywhere, case-insensitive.
* :func:`alternation`: the entries as a regex alternation for a larger
  pattern, a space standing for what the caller says (``\\s+``, ``[\\s-]``).
* :meth:`PhraseFile.words`: a set of single words, for token lookups.

Entries are literal text otherwise (no regex syntax), tried in file order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import TaxonomyError
from .resources import parse_toml, toml_error


@dataclass(frozen=True, slots=True)
class Table:
    """One entry of an array of tables, and the line of its header."""

    line: int
    fields: dict[str, Any]


@dataclass(frozen=True, slots=True)
class PhraseFile:
    path: str
    lists: dict[str, tuple[str, ...]]
    list_lines: dict[str, int]
    tables: dict[str, tuple[Table, ...]]

    def get(self, name: str) -> tuple[str, ...]:
        """The list ``name``; a missing one is an error naming the file."""
        if name not in self.lists:
            raise TaxonomyError(self.path, None, f"no list '{name}' in [lists]")
        return self.lists[name]

    def words(self, name: str, *, lower: bool = False) -> frozenset[str]:
        """The list ``name`` as a set of single words, for code that compares one
        token at a time; ``lower=True`` when the token is lower-cased first. An
        entry that could never match (a space in it, or capitals in a lower-case
        list) is an error at the list's line."""
        entries = self.get(name)
        line = self.list_lines[name]
        for entry in entries:
            if any(ch.isspace() for ch in entry):
                raise TaxonomyError(
                    self.path, line, f"list '{name}' holds single words; '{entry}' has a space"
                )
            if lower and entry != entry.lower():
                raise TaxonomyError(
                    self.path, line, f"list '{name}' is matched lower-cased; write '{entry}' so"
                )
        return frozenset(entries)


_HEAD = re.compile(r"\s*\[+\s*([\w.-]+)\s*\]+")


def _rows(text: str) -> list[tuple[int, str, str | None]]:
    """Each line of ``text`` with its number and the table it sits in."""
    out, current = [], None
    for n, line in enumerate(text.split("\n"), start=1):
        head = _HEAD.match(line)
        if head:
            current = head.group(1)
        out.append((n, line, current))
    return out


def _line_of(
    rows: list[tuple[int, str, str | None]], pattern: str, table: str | None = None
) -> list[int]:
    """Lines matching ``pattern`` (within table ``[table]`` when given); the
    rows are split once per file, not once per list of it."""
    rx = re.compile(pattern)
    return [n for n, line, at in rows if (table is None or at == table) and rx.match(line)]


def load(path: str | Path, *, tables: tuple[str, ...] = ()) -> PhraseFile:
    """Read a phrase file; ``tables`` names the arrays of tables it may hold."""
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TaxonomyError(name, None, f"cannot read the file ({exc})") from exc
    try:
        data = parse_toml(text)
    except toml_error() as exc:
        m = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        msg = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise TaxonomyError(name, int(m.group(1)) if m else None, f"invalid TOML: {msg}") from exc
    unknown = sorted(set(data) - {"lists", *tables})
    if unknown:
        raise TaxonomyError(name, None, f"unknown top-level key(s) {', '.join(unknown)}")
    raw = data.get("lists", {})
    rows = _rows(text)
    lists: dict[str, tuple[str, ...]] = {}
    lines: dict[str, int] = {}
    for key, value in raw.items():
        found = _line_of(rows, rf"\s*{re.escape(key)}\s*=", "lists")
        line = found[0] if found else 0
        if not isinstance(value, list) or not value:
            raise TaxonomyError(name, line, f"list '{key}' must be a non-empty list")
        if not all(isinstance(v, str) and v.strip() and v == v.strip() for v in value):
            raise TaxonomyError(
                name, line, f"list '{key}' must hold non-empty strings without outer spaces"
            )
        if len(set(value)) != len(value):
            raise TaxonomyError(name, line, f"list '{key}' holds an entry twice")
        lists[key] = tuple(value)
        lines[key] = line
    out: dict[str, tuple[Table, ...]] = {}
    for kind in tables:
        entries = data.get(kind, [])
        heads = _line_of(rows, rf"\s*\[\[\s*{re.escape(kind)}\s*\]\]")
        if not isinstance(entries, list) or len(heads) != len(entries):
            raise TaxonomyError(name, None, f"'{kind}' must be written as [[{kind}]] tables")
        out[kind] = tuple(Table(line, entry) for line, entry in zip(heads, entries, strict=True))
    return PhraseFile(name, lists, lines, out)


def _alternatives(entries: tuple[str, ...], word_ending: str) -> str:
    parts = []
    for entry in entries:
        if entry.endswith("*"):
            parts.append(re.escape(entry[:-1]) + word_ending)
        else:
            parts.append(re.escape(entry))
    return "|".join(parts)


def alternation(entries: tuple[str, ...], *, space: str = r"\ ") -> str:
    """The entries as one regex alternation, literal and in file order, to embed
    in a larger pattern; a space in an entry matches ``space`` (say ``\\s+``)."""
    return "|".join(re.escape(entry).replace(r"\ ", space) for entry in entries)


def word_pattern(entries: tuple[str, ...], *, case: bool = False) -> re.Pattern[str]:
    """Any entry as whole words; ``case=True`` matches case-sensitively."""
    flags = 0 if case else re.IGNORECASE
    body = _alternatives(entries, r"\w*")
    return re.compile(rf"\b(?:{body})\b", flags)


def substring_pattern(entries: tuple[str, ...]) -> re.Pattern[str]:
    """Any entry anywhere in the text, case-insensitive."""
    return re.compile(f"(?:{_alternatives(entries, '')})", re.IGNORECASE)


def require(table: Table, path: str, allowed: dict[str, type], required: tuple[str, ...]) -> None:
    """Check one table's fields: known names, required ones present, types."""
    unknown = sorted(set(table.fields) - set(allowed))
    if unknown:
        raise TaxonomyError(path, table.line, f"unknown field(s) {', '.join(unknown)}")
    for key in required:
        if key not in table.fields:
            raise TaxonomyError(path, table.line, f"missing '{key}'")
    for key, value in table.fields.items():
        kind = allowed[key]
        if not isinstance(value, kind):
            raise TaxonomyError(path, table.line, f"'{key}' must be a {kind.__name__}")
        if kind is list and not all(isinstance(v, str) for v in value):
            raise TaxonomyError(path, table.line, f"'{key}' must be a list of strings")
