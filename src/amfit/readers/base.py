"""What every reader shares: the extraction report and the final clean-up.

A reader turns the bytes of one input into plain text with light Markdown
structure (``# heading``, ``- bullet``) that the resume and posting
parsers understand, and reports what it found. Readers never print, never
write and never touch the network; every failure is an
:class:`~amfit.errors.InputError` with a one-line message.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any, NamedTuple

from ..errors import InputError
from ..textio import normalize_text

#: Extracted text (PDF, DOCX, HTML, JSON Resume) with fewer letters than
#: this holds nothing to score: it is refused rather than scored as empty.
MIN_LETTERS = 20

#: Share of garbage characters (U+FFFD, private-use, unmapped PDF glyphs)
#: among the non-space characters above which a warning is given.
GARBLED_RATIO = 0.05

GARBLED_WARNING = (
    "text looks garbled (many replacement/private-use characters): the file's fonts "
    "may lack a Unicode map; check the result, or export the file again as DOCX or text"
)

# A line opening with a bullet glyph: the usual symbols, Word's private-use
# Symbol/Wingdings bullets (U+F0A7, U+F0B7, ...) and pdfminer's "(cid:N)"
# for a glyph without a Unicode mapping.
_GLYPH_BULLET = re.compile(
    r"^(\s*)(?:[•·‣⁃◦▪▫■□●○◆◇♦❖➢➣➤►▶✓✔✗☐☑\uf000-\uf0ff]|\(cid:\d+\))\s*(?=\S)"
)
_MD_BULLET = re.compile(r"^\s*(?:[-*+•]|\d{1,2}[.)])\s+\S")
_CID = re.compile(r"\(cid:\d+\)")
_CONTROL = dict.fromkeys(c for c in range(32) if c not in (9, 10)) | {0x7F: None}
_BLANK_RUNS = re.compile(r"\n{3,}")
_SURROGATES = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class ExtractionReport:
    """What a reader got out of one input.

    ``format`` is one of ``text``, ``markdown``, ``pdf``, ``docx``,
    ``html``, ``json-resume``. ``characters`` and ``lines`` (non-blank)
    describe the extracted text, ``bullets`` the lines read as bullets.
    ``warnings`` are one-line notes on doubtful extraction (interleaved
    columns, garbled text, a truncated file); the text is still usable.
    """

    source: str
    format: str
    characters: int
    lines: int
    bullets: int
    warnings: tuple[str, ...] = ()
    pages: int | None = None  # PDF only
    encoding: str | None = None  # text formats only
    details: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The report as plain JSON-ready data."""
        data = asdict(self)
        data["warnings"] = list(self.warnings)
        return data


class Document(NamedTuple):
    """Extracted text and its report; unpacks as ``text, report``."""

    text: str
    report: ExtractionReport


def count_bullets(text: str) -> int:
    return sum(1 for line in text.split("\n") if _MD_BULLET.match(line))


def garbage_count(text: str) -> int:
    """Characters that carry no text: U+FFFD, private-use, unassigned, unmapped glyphs."""
    bad = len(_CID.findall(text))
    for ch in _CID.sub("", text):
        if ch == "\ufffd" or unicodedata.category(ch) in ("Co", "Cn"):
            bad += 1
    return bad


def looks_garbled(text: str) -> bool:
    visible = sum(1 for ch in text if not ch.isspace())
    if not visible:
        return False
    bad = garbage_count(text)
    return bad >= 3 and bad / visible > GARBLED_RATIO


def letters(text: str) -> int:
    return sum(1 for ch in text if ch.isalpha())


def bulletize(line: str) -> str:
    """``• text`` / `` text`` / ``(cid:3) text`` -> ``- text`` (other lines unchanged)."""
    m = _GLYPH_BULLET.match(line)
    if not m:
        return line
    return f"{m.group(1)}- {line[m.end() :]}"


def finish(
    raw: str,
    *,
    source: str,
    fmt: str,
    empty_message: str,
    warnings: list[str] | tuple[str, ...] = (),
    max_bytes: int | None = None,
    pages: int | None = None,
    details: dict[str, Any] | None = None,
) -> Document:
    """Clean up extracted text and build its report, or refuse it.

    Control characters go, bullet glyphs become ``- ``, lines lose trailing
    spaces, runs of blank lines shrink to one and the text is normalised
    like any other input (:func:`amfit.textio.normalize_text`). Text with
    fewer than :data:`MIN_LETTERS` letters is refused with
    ``empty_message`` (one line: why and what to do).
    """
    # A lone surrogate (a JSON "\\ud800" escape, a bad PDF Unicode map) could
    # not even be written out as UTF-8: it becomes U+FFFD like any garbage.
    text = normalize_text(_SURROGATES.sub("\ufffd", raw.translate(_CONTROL)))
    lines = [bulletize(line.rstrip()) for line in text.split("\n")]
    text = _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip("\n")
    warn = list(warnings)
    if looks_garbled(text):
        warn.append(GARBLED_WARNING)
        # Unmapped-glyph markers carry nothing a parser could use.
        text = _CID.sub("", text)
    if letters(text) < MIN_LETTERS:
        raise InputError(f"{source}: {empty_message}")
    text += "\n"
    if max_bytes is not None and len(text.encode("utf-8")) > max_bytes:
        raise InputError(
            f"{source}: the extracted text is over the {max_bytes:,}-byte limit for a text input"
        )
    return Document(text, report_for(text, source, fmt, warn, pages=pages, details=details))


def report_for(
    text: str,
    source: str,
    fmt: str,
    warnings: list[str] | tuple[str, ...] = (),
    *,
    pages: int | None = None,
    encoding: str | None = None,
    details: dict[str, Any] | None = None,
) -> ExtractionReport:
    return ExtractionReport(
        source=source,
        format=fmt,
        characters=len(text),
        lines=sum(1 for line in text.split("\n") if line.strip()),
        bullets=count_bullets(text),
        warnings=tuple(dict.fromkeys(warnings)),
        pages=pages,
        encoding=encoding,
        details=dict(details or {}),
    )


def one_line(exc: BaseException, limit: int = 120) -> str:
    """A library exception as a short single line, for the end of a message."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return text if len(text) <= limit else text[: limit - 3] + "..."
