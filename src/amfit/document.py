"""Shared pieces of the resume and posting parsers: lines, headings, bullets.

A parsed document is a list of *units*: one bullet (with its wrapped
continuation lines joined) or one plain line, each knowing its section and
the lines it came from, so every match can be traced back to a line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from .resources import keywords_path, parse_toml, toml_error

BULLET_RE = re.compile(
    r"^(\s*)(?:[-*•·‣▪◦●○■□➢➤►✓✔–—+]|\(?\d{1,2}[.)]|\(?[a-z][.)](?=\s))\s+(?=\S)"
)
MD_HEADING_RE = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
BOLD_LINE_RE = re.compile(r"^\s*(\*\*|__)(.+?)\1\s*:?\s*$")
_TRAILING_PUNCT = ".,;!?"


@dataclass(frozen=True, slots=True)
class Piece:
    """Where part of a unit's text came from."""

    offset: int  # offset of this piece inside the unit's text
    line: int  # 1-based line number in the document
    start: int  # character offset of the piece in the document text


@dataclass(frozen=True, slots=True)
class Unit:
    """One bullet or one plain line of a document."""

    index: int
    kind: str  # "bullet" | "line" | "heading" | "job"
    text: str
    section: str
    heading: str  # text of the heading of the section this sits in ("" before any)
    pieces: tuple[Piece, ...]
    role: str = ""  # resume only: the job heading this bullet sits under

    @property
    def line(self) -> int:
        return self.pieces[0].line

    @property
    def end_line(self) -> int:
        return self.pieces[-1].line

    def locate(self, offset: int) -> tuple[int, int]:
        """(line, document offset) of a character offset inside the unit text."""
        piece = self.pieces[0]
        for p in self.pieces:
            if p.offset <= offset:
                piece = p
            else:
                break
        return piece.line, piece.start + (offset - piece.offset)


@cache
def section_patterns(kind: str) -> tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]:
    """Heading patterns from ``keywords/sections.toml`` for ``resume``/``posting``/``markers``."""
    from .errors import TaxonomyError

    path = keywords_path("sections.toml")
    try:
        data = parse_toml(path.read_text(encoding="utf-8"))
    except toml_error() as exc:
        raise TaxonomyError(str(path), None, f"invalid TOML: {exc}") from exc
    table = data.get(kind, {})
    out = []
    for name, patterns in table.items():
        try:
            compiled = tuple(re.compile(p) for p in patterns)
        except re.error as exc:
            raise TaxonomyError(str(path), None, f"[{kind}] {name}: bad pattern: {exc}") from exc
        out.append((name, compiled))
    return tuple(out)


@lru_cache(maxsize=8192)
def classify_heading(text: str, kind: str) -> str | None:
    """The section kind a heading names, or None when it names none.

    Cached: postings reuse the same few headings, and each call tries every
    pattern of ``keywords/sections.toml``.
    """
    norm = normalize_heading(text)
    if not norm:
        return None
    for name, patterns in section_patterns(kind):
        if any(p.search(norm) for p in patterns):
            return name
    return None


def normalize_heading(text: str) -> str:
    text = re.sub(r"[*_#`]+", "", text).strip().rstrip(":").strip()
    text = text.replace("’", "'")
    return re.sub(r"\s+", " ", text).lower()


def strip_bullet(line: str) -> tuple[bool, str, int]:
    """(is_bullet, text without the marker, offset of the text in the line)."""
    m = BULLET_RE.match(line)
    if not m:
        stripped = line.lstrip()
        return False, stripped.rstrip(), len(line) - len(stripped)
    return True, line[m.end() :].rstrip(), m.end()


def markdown_heading(line: str) -> tuple[int, str] | None:
    """(level, text) for a Markdown ``#`` heading or a bold-only line (level 0)."""
    m = MD_HEADING_RE.match(line)
    if m and m.group(2):
        return len(m.group(1)), m.group(2).strip()
    m = BOLD_LINE_RE.match(line)
    if m:
        return 0, m.group(2).strip()
    return None


def looks_like_heading(line: str, max_words: int = 6) -> bool:
    """A short line with no sentence punctuation: all caps, or ending with a colon."""
    s = line.strip()
    if not s or BULLET_RE.match(line):
        return False
    words = s.rstrip(":").split()
    if not words or len(words) > max_words:
        return False
    if s.endswith(":") and len(words) <= 8:
        return True
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) >= 3


def line_starts(text: str) -> list[int]:
    """Offset of the first character of each line."""
    starts = [0]
    i = text.find("\n")
    while i >= 0:
        starts.append(i + 1)
        i = text.find("\n", i + 1)
    return starts


def join_pieces(parts: list[tuple[int, int, str]]) -> tuple[str, tuple[Piece, ...]]:
    """Join (line, doc offset, text) parts with single spaces into one unit text."""
    buf: list[str] = []
    pieces: list[Piece] = []
    pos = 0
    for line_no, start, text in parts:
        if buf:
            buf.append(" ")
            pos += 1
        pieces.append(Piece(pos, line_no, start))
        buf.append(text)
        pos += len(text)
    return "".join(buf), tuple(pieces)


def is_continuation(raw: str, prev_is_bullet: bool) -> bool:
    """A wrapped line that continues the bullet above it."""
    if not prev_is_bullet or not raw.strip() or BULLET_RE.match(raw):
        return False
    if markdown_heading(raw):
        return False
    if raw[:1].isspace():
        return True
    first = raw.strip()[0]
    return first.islower()


def ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(tuple(_TRAILING_PUNCT))
