"""Reading the postings of a batch: folders, globs, files, JSON Lines, CSV, stdin.

:func:`iter_postings` turns what the user named into :class:`PostingInput`
items, lazily and in order; an entry that cannot be used becomes an item
carrying its one-line error instead of text, in its place (see
docs/inputs.md, "In a batch"). Scoring them is :mod:`amfit.batch`.
"""

from __future__ import annotations

import csv
import glob
import io
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from .errors import AmfitError
from .readers import MAX_INPUT_BYTES, check_file, display_name, read_text
from .textio import check_text, decode_bytes

#: Files holding one posting a record; read when named, left out of folders.
RECORD_SUFFIXES = (".jsonl", ".ndjson", ".csv")


@dataclass(frozen=True, slots=True)
class PostingInput:
    id: str
    source: str
    title: str = ""
    company: str = ""
    text: str | None = None
    error: str | None = None


def _is_glob(spec: str) -> bool:
    return any(ch in spec for ch in "*?[")


def _file_item(path: Path, max_bytes: int) -> PostingInput:
    try:
        return PostingInput(path.stem, str(path), text=read_text(path, max_bytes=max_bytes))
    except AmfitError as exc:
        return PostingInput(path.stem, str(path), error=str(exc))


def _jsonl_items(lines: Iterable[str], source: str, text_column: str) -> Iterator[PostingInput]:
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{source}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield PostingInput(where, where, error=f"{where}: invalid JSON ({exc.msg})")
            continue
        if not isinstance(obj, dict):
            yield PostingInput(where, where, error=f"{where}: expected a JSON object")
            continue
        yield _record_item(obj, where, text_column)


def _record_item(obj: dict[str, Any], where: str, text_column: str) -> PostingInput:
    pid = str(obj.get("id") or where)
    title = str(obj.get("title") or "")
    company = str(obj.get("company") or "")
    raw = obj.get(text_column)
    if not isinstance(raw, str) or not raw.strip():
        return PostingInput(pid, where, title, company, error=f"{where}: no '{text_column}' text")
    if len(raw) * 4 > MAX_INPUT_BYTES and len(raw.encode("utf-8", "replace")) > MAX_INPUT_BYTES:
        return PostingInput(
            pid, where, title, company, error=f"{where}: over the {MAX_INPUT_BYTES:,}-byte limit"
        )
    text = f"{title}\n\n{raw}" if title and not raw.lstrip().startswith(title) else raw
    try:
        return PostingInput(pid, where, title, company, text=check_text(text, where))
    except AmfitError as exc:
        return PostingInput(pid, where, title, company, error=str(exc))


def _csv_items(handle: TextIO, source: str, text_column: str) -> Iterator[PostingInput]:
    # A posting may be as long as any text input (csv's default cap is 128 KiB).
    csv.field_size_limit(max(csv.field_size_limit(), MAX_INPUT_BYTES))
    reader = csv.DictReader(handle)
    try:
        fieldnames = reader.fieldnames
        if fieldnames is None or text_column not in fieldnames:
            found = ", ".join(fieldnames or []) or "none"
            yield PostingInput(
                source,
                source,
                error=f"{source}: no column '{text_column}' (columns: {found}); "
                "name it with --text-column",
            )
            return
        for row in reader:
            yield _record_item(row, f"{source}:{reader.line_num}", text_column)
    except csv.Error as exc:
        where = f"{source}:{reader.line_num}"
        yield PostingInput(where, where, error=f"{where}: not valid CSV ({exc}); rest not read")


def iter_postings(
    specs: Sequence[str],
    *,
    text_column: str = "text",
    stdin: TextIO | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
) -> Iterator[PostingInput]:
    """Every posting named by ``specs`` (folders, globs, files, ``-``), lazily.

    A folder gives each of its files in name order, each read as if named
    on its own, in any format :func:`amfit.readers.read_document` reads;
    left out are hidden files, subfolders and record files (``.jsonl``,
    ``.ndjson``, ``.csv``: what ``--format jsonl -o`` writes; name them to
    read their records). Nothing else is dropped: a spec or a file that
    cannot be used (a missing file, a broken link, an empty folder, a glob
    that matches nothing, an unreadable file) becomes an item with
    ``error`` set, in its place, and the rest still run (a CSV file without
    the text column is one such item).
    """
    for spec in specs:
        if spec == "-":
            handle = (
                stdin
                if stdin is not None
                else io.TextIOWrapper(
                    os.fdopen(os.dup(0), "rb"), encoding="utf-8", errors="replace"
                )
            )
            yield from _stream_items(handle, "<stdin>", text_column, max_bytes)
            continue
        path = Path(spec)
        if _is_dir(path):
            yield from _folder_items(path, spec, text_column, max_bytes)
        elif _is_glob(spec) and not os.path.lexists(spec):
            matches = sorted(glob.glob(spec, recursive=True))
            if not matches:
                yield PostingInput(spec, spec, error=f"{spec}: the pattern matches no file")
            for m in matches:
                if not _is_dir(Path(m)):
                    yield from _path_items(Path(m), m, text_column, max_bytes)
        else:
            yield from _path_items(path, spec, text_column, max_bytes)


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):  # a link loop, an embedded NUL, a name too long
        return False


def _folder_items(
    path: Path, spec: str, text_column: str, max_bytes: int
) -> Iterator[PostingInput]:
    try:
        names = sorted(p for p in path.iterdir() if not p.name.startswith("."))
    except OSError as exc:
        yield PostingInput(spec, spec, error=f"{spec}: cannot list the folder ({exc.strerror})")
        return
    files = [p for p in names if p.suffix.lower() not in RECORD_SUFFIXES and not _is_dir(p)]
    if not files:
        yield PostingInput(spec, spec, error=f"{spec}: no postings in this folder (it is empty)")
    for p in files:
        yield from _path_items(p, str(p), text_column, max_bytes)


def _path_items(path: Path, spec: str, text_column: str, max_bytes: int) -> Iterator[PostingInput]:
    """The postings of one named file: its records (.jsonl, .csv) or its text."""
    suffix = path.suffix.lower()
    if suffix not in RECORD_SUFFIXES:
        yield _file_item(path, max_bytes)
        return
    try:
        check_file(path, display_name(spec))  # no FIFO, device, broken link or loop
        handle = path.open(encoding="utf-8-sig", errors="replace", newline="")
    except AmfitError as exc:
        yield PostingInput(path.stem, spec, error=str(exc))
        return
    except OSError as exc:
        yield PostingInput(path.stem, spec, error=f"{spec}: cannot read ({exc.strerror})")
        return
    with handle:  # streamed: a file of a million records is never held whole
        items = (_csv_items if suffix == ".csv" else _jsonl_items)(handle, spec, text_column)
        empty = True
        for item in items:
            empty = False
            yield item
    if empty:
        yield PostingInput(path.stem, spec, error=f"{spec}: no postings in this file (no records)")


def _stream_items(
    handle: TextIO, source: str, text_column: str, max_bytes: int
) -> Iterator[PostingInput]:
    first = ""
    for line in handle:
        if line.strip():
            first = line
            break
    if first.lstrip().startswith("{"):
        yield from _jsonl_items(_chain(first, handle), source, text_column)
        return
    rest = first + handle.read(max_bytes)
    try:
        text = check_text(decode_bytes(rest.encode("utf-8"), source), source)
        yield PostingInput("stdin", source, text=text)
    except AmfitError as exc:
        yield PostingInput("stdin", source, error=str(exc))


def _chain(first: str, rest: Iterable[str]) -> Iterator[str]:
    yield first
    yield from rest
